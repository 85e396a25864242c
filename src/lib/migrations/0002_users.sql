-- Users, roles, sessions and the audit trail of taisaku serve (issue 6;
-- seed 000 第5 access control, 第6 identification and authentication,
-- 第9 system log). Written once for SQLite and PostgreSQL, like 0001.
-- Times the server compares (sessions, failures) are whole seconds since
-- the epoch (BIGINT); times people read are ISO 8601 text.

-- pw_hash is libsodium's crypto_pwhash_str (argon2id, the parameters inside
-- the string). totp_secret is the Base32 secret once enrolment is
-- confirmed; totp_pending while it is being enrolled.
CREATE TABLE users (
	id {{ID}},
	username TEXT {{BYTES}} NOT NULL UNIQUE,
	pw_hash TEXT NOT NULL,
	is_admin INTEGER NOT NULL DEFAULT 0,
	disabled INTEGER NOT NULL DEFAULT 0,
	must_change_password INTEGER NOT NULL DEFAULT 1,
	totp_secret TEXT,
	totp_pending TEXT,
	totp_last_step BIGINT NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL
);

-- A role per organisation: owner, assessor, auditor, viewer.
CREATE TABLE user_roles (
	user_id BIGINT NOT NULL REFERENCES users (id),
	organization_id BIGINT NOT NULL REFERENCES organizations (id),
	role TEXT NOT NULL,
	PRIMARY KEY (user_id, organization_id)
){{CLUSTERED}};

-- The systems an assessor may rate.
CREATE TABLE system_assessors (
	system_id BIGINT NOT NULL REFERENCES systems (id),
	user_id BIGINT NOT NULL REFERENCES users (id),
	PRIMARY KEY (system_id, user_id)
){{CLUSTERED}};

-- Recovery codes, stored as SHA-256 of the code (they are random and long,
-- so a fast hash is enough); used = 1 once spent.
CREATE TABLE recovery_codes (
	user_id BIGINT NOT NULL REFERENCES users (id),
	code_hash TEXT NOT NULL,
	used INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (user_id, code_hash)
){{CLUSTERED}};

-- Sessions: id_hash is the SHA-256 of the 256-bit random id in the cookie,
-- so that a copy of the database does not hold usable sessions.
CREATE TABLE sessions (
	id_hash TEXT NOT NULL PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users (id),
	csrf_token TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	last_seen BIGINT NOT NULL,
	expires_at BIGINT NOT NULL,
	revoked INTEGER NOT NULL DEFAULT 0,
	remote TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins, by the name tried, for the lockout.
CREATE TABLE signin_failures (
	username TEXT NOT NULL,
	at BIGINT NOT NULL,
	remote TEXT NOT NULL
);
CREATE INDEX signin_failures_by_name ON signin_failures (username, at);

-- The audit trail: appended only. hash = SHA-256 of prev_hash and the
-- entry's fields (store_users.c, audit_hash); prev_hash is UNIQUE, so two
-- writers appending at once cannot both chain to the same entry (the
-- second fails and retries).
CREATE TABLE audit (
	id {{ID}},
	at TEXT NOT NULL,
	username TEXT,
	action TEXT NOT NULL,
	organization_id BIGINT,
	target TEXT NOT NULL,
	detail TEXT NOT NULL,
	remote TEXT NOT NULL,
	prev_hash TEXT NOT NULL UNIQUE,
	hash TEXT NOT NULL
);
CREATE INDEX audit_by_org ON audit (organization_id, id);

-- A round's document changes when the server saves a rating or a plan;
-- revision counts the changes, so that the server's cache of evaluations
-- knows when one is stale. A table of its own (not a column of rounds, whose
-- document must stay the last column) and without a foreign key, so that
-- deleting a round (store_round.c) needs no change; a row left behind by a
-- deleted round is harmless because the cache also keys on imported_at.
CREATE TABLE round_revisions (
	round_id BIGINT NOT NULL PRIMARY KEY,
	revision BIGINT NOT NULL
);
