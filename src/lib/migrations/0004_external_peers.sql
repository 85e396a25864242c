-- Peers from other organisations' stores (taisaku benchmark import, issue 9):
-- anonymised latest levels that join peer groups like local systems.
--
-- Nothing here names anyone: org_token is a random token the exporting
-- store gave each of its organisations (so that k-anonymity still counts
-- organisations, not systems); year is the assessment's year only.
-- industry and size are the peer attributes groups are formed by.
-- export_token is the random token of the file, so that importing the
-- same file twice is refused instead of counting its peers twice.

CREATE TABLE external_imports (
	id {{ID}},
	export_token TEXT NOT NULL UNIQUE,
	imported_at TEXT NOT NULL
);

CREATE TABLE external_peers (
	id {{ID}},
	import_id BIGINT NOT NULL REFERENCES external_imports (id),
	org_token TEXT NOT NULL,
	catalog_id TEXT NOT NULL,
	industry TEXT NOT NULL DEFAULT '',
	size TEXT NOT NULL DEFAULT '',
	year INTEGER,
	target_level INTEGER NOT NULL,
	level DOUBLE PRECISION
);
CREATE INDEX external_peers_by_catalog ON external_peers (catalog_id, industry, size);

-- scope: 'requirement', 'domain' or 'view'; level NULL: none (na, unassessed).
CREATE TABLE external_levels (
	peer_id BIGINT NOT NULL REFERENCES external_peers (id),
	scope TEXT NOT NULL,
	ref TEXT NOT NULL,
	level DOUBLE PRECISION,
	PRIMARY KEY (peer_id, scope, ref)
){{CLUSTERED}};
