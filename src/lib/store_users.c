/* Users, roles, assessors, sessions, failed sign-ins and the audit trail
 * in the store (include/taisaku/users.h). The SQL of each statement is
 * beside the function that runs it; each is prepared once per connection
 * (store_stmt_sql, one slot each). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sha256.h"
#include "store_internal.h"
#include "taisaku/users.h"

enum {
	U_ORG_GET, U_SYS_GET, U_ROUND_KEY,
	U_ADD, U_FIND, U_GET, U_LIST, U_ROLES, U_SET_PW, U_SET_DISABLED, U_SET_TOTP, U_TOTP_STEP,
	U_ROLES_DEL, U_ROLE_ADD, U_REC_DEL, U_REC_ADD, U_REC_USE,
	U_ASS_LIST, U_ASS_DEL, U_ASS_ADD, U_ASS_IS,
	U_SES_ADD, U_SES_GET, U_SES_TOUCH, U_SES_REVOKE, U_SES_REVOKE_USER,
	U_FAIL_ADD, U_FAIL_COUNT, U_FAIL_CLEAR,
	U_AUDIT_LAST, U_AUDIT_ADD, U_AUDIT_LIST_ALL, U_AUDIT_LIST_MINE, U_AUDIT_ALL,
	U_FAIL_PRUNE,
	U_COUNT
};
_Static_assert((int)U_COUNT <= (int)SLOT_USERS_END, "more statements than slots");

/* Each function asks for its statement by slot and SQL text. */
#define STMT(slot, sql) store_stmt_sql(s, slot, sql, &st, err)

static tk_status not_found(const char *what_ja, const char *what_en, int64_t id, tk_error *err)
{
	char ja[128], en[128];
	snprintf(ja, sizeof(ja), "%s %lld はありません", what_ja, (long long)id);
	snprintf(en, sizeof(en), "no %s %lld", what_en, (long long)id);
	return tk_error_set_texts(err, TK_ENOTFOUND, NULL, 0, 0, NULL, ja, en);
}

/* Runs a change in its own transaction (or the open batch's). */
static tk_status change(tk_store *s, tk_db_stmt *st, tk_error *err)
{
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	if ((rc = store_done(s, st, err))) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

/* Runs a guarded change (UPDATE … RETURNING) in its own transaction (or the
 * open batch's); *hit says whether the guard let it change a row. */
static tk_status change_if(tk_store *s, tk_db_stmt *st, bool *hit, tk_error *err)
{
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	tk_db_step r = s->ops->step(st, err);
	s->ops->reset(st);
	if (r == TK_DB_FAILED) {
		store_tx_rollback(s);
		return err->status;
	}
	*hit = r == TK_DB_ROW;
	return store_tx_commit(s, err);
}

/* Starts replacing the rows one owner has in a table: opens a transaction
 * and deletes them with sql (its one parameter the owner's id). The caller
 * inserts the new rows and ends with replace_end. */
static tk_status replace_begin(tk_store *s, int slot, const char *sql, int64_t owner, tk_error *err)
{
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	tk_db_stmt *st;
	if (!(rc = STMT(slot, sql))) {
		s->ops->bind_int(st, 1, owner);
		rc = store_done(s, st, err);
	}
	if (rc)
		store_tx_rollback(s);
	return rc;
}

/* Commits a replacement, or rolls it back when rc says it failed. */
static tk_status replace_end(tk_store *s, tk_status rc, tk_error *err)
{
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

/* The outcome of a lookup by id once its statement is stepped and reset:
 * the store's error, found, or a clear "no such …". */
static tk_status found(tk_db_step r, const char *what_ja, const char *what_en, int64_t id, tk_error *err)
{
	if (r == TK_DB_FAILED)
		return err->status;
	return r == TK_DB_ROW ? TK_OK : not_found(what_ja, what_en, id, err);
}

/* ---- organisations, systems, rounds by id ---- */

tk_status tk_store_org_get(tk_store *s, int64_t id, tk_arena *a, tk_store_org *out, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_db_stmt *st;
	tk_status rc = STMT(U_ORG_GET, "SELECT o.id, o.name, o.created_at, "
		"(SELECT COUNT(*) FROM systems y WHERE y.organization_id = o.id) FROM organizations o WHERE o.id = ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, id);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW) {
		out->id = s->ops->column_int(st, 0);
		out->name = store_col_text(s, st, 1, a, false);
		out->created_at = store_col_text(s, st, 2, a, false);
		out->n_systems = (size_t)s->ops->column_int(st, 3);
	}
	s->ops->reset(st);
	return found(r, "組織", "organisation", id, err);
}

tk_status tk_store_system_get(tk_store *s, int64_t id, tk_arena *a, tk_store_system *out, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_db_stmt *st;
	tk_status rc = STMT(U_SYS_GET, "SELECT " STORE_SYSTEM_COLUMNS " FROM systems y "
		"JOIN organizations o ON o.id = y.organization_id WHERE y.id = ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, id);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW)
		store_read_system(s, st, 0, a, out);
	s->ops->reset(st);
	return found(r, "システム", "system", id, err);
}

tk_status tk_store_round_key(tk_store *s, int64_t round, tk_round_key *out, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_db_stmt *st;
	tk_status rc = STMT(U_ROUND_KEY, "SELECT y.organization_id, r.system_id, r.closed, r.imported_at, "
		"COALESCE(v.revision, 0) FROM rounds r JOIN systems y ON y.id = r.system_id "
		"LEFT JOIN round_revisions v ON v.round_id = r.id WHERE r.id = ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, round);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW) {
		out->org_id = s->ops->column_int(st, 0);
		out->system_id = s->ops->column_int(st, 1);
		out->closed = s->ops->column_int(st, 2) != 0;
		const char *t = s->ops->column_text(st, 3);
		snprintf(out->imported_at, sizeof(out->imported_at), "%s", t ? t : "");
		out->revision = s->ops->column_int(st, 4);
	}
	s->ops->reset(st);
	return found(r, "評価回", "round", round, err);
}

/* ---- users ---- */

bool tk_role_valid(const char *role)
{
	static const char *const ROLES[] = { "owner", "assessor", "auditor", "viewer" };
	for (size_t i = 0; role && i < sizeof(ROLES) / sizeof(*ROLES); i++)
		if (strcmp(role, ROLES[i]) == 0)
			return true;
	return false;
}

tk_status tk_user_add(tk_store *s, const char *username, const char *pw_hash, bool admin, int64_t *id,
	tk_error *err)
{
	if (!username || !*username)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, "username", "利用者名が空です", "the user name is empty");
	tk_arena *a = tk_arena_new(512);
	if (!a)
		return store_nomem(err);
	tk_user u;
	tk_error probe = { 0 };
	tk_status rc = tk_user_find(s, username, a, &u, &probe);
	tk_arena_free(a);
	if (rc == TK_OK)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, "username", "利用者 '%s' はすでにいます",
			"user '%s' already exists", username);
	tk_db_stmt *st;
	if ((rc = STMT(U_ADD, "INSERT INTO users (username, pw_hash, is_admin, disabled, must_change_password, "
		"created_at) VALUES (?, ?, ?, 0, 1, ?) RETURNING id")))
		return rc;
	char now[32];
	tk_time_jst(now);
	s->ops->bind_text(st, 1, username);
	s->ops->bind_text(st, 2, pw_hash);
	s->ops->bind_int(st, 3, admin);
	s->ops->bind_text(st, 4, now);
	if ((rc = store_tx_begin(s, err)))
		return rc;
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW && id)
		*id = s->ops->column_int(st, 0);
	s->ops->reset(st);
	if (r != TK_DB_ROW) {
		store_tx_rollback(s);
		return r == TK_DB_FAILED ? err->status : TK_EIO;
	}
	return store_tx_commit(s, err);
}

#define USER_COLUMNS "id, username, pw_hash, created_at, is_admin, disabled, must_change_password, " \
	"totp_secret, totp_pending, totp_last_step"

static void read_user(tk_store *s, tk_db_stmt *st, tk_arena *a, tk_user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = s->ops->column_int(st, 0);
	u->username = store_col_text(s, st, 1, a, false);
	u->pw_hash = store_col_text(s, st, 2, a, false);
	u->created_at = store_col_text(s, st, 3, a, false);
	u->admin = s->ops->column_int(st, 4) != 0;
	u->disabled = s->ops->column_int(st, 5) != 0;
	u->must_change_password = s->ops->column_int(st, 6) != 0;
	u->totp_secret = store_col_text(s, st, 7, a, true);
	u->totp_pending = store_col_text(s, st, 8, a, true);
	u->totp_last_step = s->ops->column_int(st, 9);
}

static tk_status read_roles(tk_store *s, tk_arena *a, tk_user *u, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_ROLES, "SELECT r.organization_id, o.name, r.role FROM user_roles r "
		"JOIN organizations o ON o.id = r.organization_id WHERE r.user_id = ? ORDER BY o.name");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, u->id);
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_user_role *g = store_grow(a, (void **)&u->roles, &u->n_roles, &cap, sizeof(*g));
		if (!g)
			return s->ops->reset(st), store_nomem(err);
		g->org_id = s->ops->column_int(st, 0);
		g->org = store_col_text(s, st, 1, a, false);
		g->role = store_col_text(s, st, 2, a, false);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

static tk_status user_one(tk_store *s, tk_db_stmt *st, const char *name, int64_t id, tk_arena *a, tk_user *out,
	tk_error *err)
{
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW)
		read_user(s, st, a, out);
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	if (r != TK_DB_ROW)
		return name ? tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "利用者 '%s' はいません",
			"no user '%s'", name) : not_found("利用者", "user", id, err);
	return read_roles(s, a, out, err);
}

tk_status tk_user_find(tk_store *s, const char *username, tk_arena *a, tk_user *out, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_db_stmt *st;
	tk_status rc = STMT(U_FIND, "SELECT " USER_COLUMNS " FROM users WHERE username = ?");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, username);
	return user_one(s, st, username, 0, a, out, err);
}

tk_status tk_user_get(tk_store *s, int64_t id, tk_arena *a, tk_user *out, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_db_stmt *st;
	tk_status rc = STMT(U_GET, "SELECT " USER_COLUMNS " FROM users WHERE id = ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, id);
	return user_one(s, st, NULL, id, a, out, err);
}

tk_status tk_user_list(tk_store *s, tk_arena *a, tk_user **out, size_t *n, tk_error *err)
{
	*out = NULL;
	*n = 0;
	tk_db_stmt *st;
	tk_status rc = STMT(U_LIST, "SELECT " USER_COLUMNS " FROM users ORDER BY username");
	if (rc)
		return rc;
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_user *u = store_grow(a, (void **)out, n, &cap, sizeof(*u));
		if (!u)
			return s->ops->reset(st), store_nomem(err);
		read_user(s, st, a, u);
	}
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	for (size_t i = 0; !rc && i < *n; i++)
		rc = read_roles(s, a, &(*out)[i], err);
	return rc;
}

tk_status tk_user_set_password(tk_store *s, int64_t id, const char *pw_hash, bool must_change, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_SET_PW, "UPDATE users SET pw_hash = ?, must_change_password = ? WHERE id = ?");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, pw_hash);
	s->ops->bind_int(st, 2, must_change);
	s->ops->bind_int(st, 3, id);
	return change(s, st, err);
}

tk_status tk_user_set_disabled(tk_store *s, int64_t id, bool disabled, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_SET_DISABLED, "UPDATE users SET disabled = ? WHERE id = ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, disabled);
	s->ops->bind_int(st, 2, id);
	return change(s, st, err);
}

tk_status tk_user_set_totp(tk_store *s, int64_t id, const char *pending, const char *secret, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_SET_TOTP, "UPDATE users SET totp_pending = ?, totp_secret = ? WHERE id = ?");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, pending);
	s->ops->bind_text(st, 2, secret);
	s->ops->bind_int(st, 3, id);
	return change(s, st, err);
}

tk_status tk_user_totp_step(tk_store *s, int64_t id, int64_t step, bool *fresh, tk_error *err)
{
	tk_db_stmt *st;
	/* The guard in the statement makes a replayed step change nothing. */
	tk_status rc = STMT(U_TOTP_STEP, "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ? "
		"RETURNING id");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, step);
	s->ops->bind_int(st, 2, id);
	s->ops->bind_int(st, 3, step);
	return change_if(s, st, fresh, err);
}

tk_status tk_user_set_roles(tk_store *s, int64_t id, const tk_user_role *roles, size_t n, tk_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (!tk_role_valid(roles[i].role))
			return tk_error_set(err, TK_EINPUT, NULL, 0, 0, "role",
				"役割 '%s' はありません（owner, assessor, auditor, viewer）",
				"no role '%s' (owner, assessor, auditor, viewer)", roles[i].role ? roles[i].role : "");
	tk_status rc = replace_begin(s, U_ROLES_DEL, "DELETE FROM user_roles WHERE user_id = ?", id, err);
	if (rc)
		return rc;
	tk_db_stmt *st;
	for (size_t i = 0; !rc && i < n; i++) {
		if ((rc = STMT(U_ROLE_ADD, "INSERT INTO user_roles (user_id, organization_id, role) VALUES (?, ?, ?)")))
			break;
		s->ops->bind_int(st, 1, id);
		s->ops->bind_int(st, 2, roles[i].org_id);
		s->ops->bind_text(st, 3, roles[i].role);
		rc = store_done(s, st, err);
	}
	return replace_end(s, rc, err);
}

tk_status tk_user_recovery_set(tk_store *s, int64_t id, const char *const *hashes, size_t n, tk_error *err)
{
	tk_status rc = replace_begin(s, U_REC_DEL, "DELETE FROM recovery_codes WHERE user_id = ?", id, err);
	if (rc)
		return rc;
	tk_db_stmt *st;
	for (size_t i = 0; !rc && i < n; i++) {
		if ((rc = STMT(U_REC_ADD, "INSERT INTO recovery_codes (user_id, code_hash, used) VALUES (?, ?, 0)")))
			break;
		s->ops->bind_int(st, 1, id);
		s->ops->bind_text(st, 2, hashes[i]);
		rc = store_done(s, st, err);
	}
	return replace_end(s, rc, err);
}

tk_status tk_user_recovery_use(tk_store *s, int64_t id, const char *hash, bool *ok, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_REC_USE, "UPDATE recovery_codes SET used = 1 WHERE user_id = ? AND code_hash = ? "
		"AND used = 0 RETURNING user_id");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, id);
	s->ops->bind_text(st, 2, hash);
	return change_if(s, st, ok, err);
}

/* ---- assessors ---- */

tk_status tk_system_assessors(tk_store *s, int64_t system, tk_arena *a, int64_t **ids, size_t *n,
	tk_error *err)
{
	*ids = NULL;
	*n = 0;
	tk_db_stmt *st;
	tk_status rc = STMT(U_ASS_LIST, "SELECT user_id FROM system_assessors WHERE system_id = ? ORDER BY user_id");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, system);
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		int64_t *v = store_grow(a, (void **)ids, n, &cap, sizeof(*v));
		if (!v)
			return s->ops->reset(st), store_nomem(err);
		*v = s->ops->column_int(st, 0);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_system_assessors_set(tk_store *s, int64_t system, const int64_t *ids, size_t n, tk_error *err)
{
	tk_status rc = replace_begin(s, U_ASS_DEL, "DELETE FROM system_assessors WHERE system_id = ?", system, err);
	if (rc)
		return rc;
	tk_db_stmt *st;
	for (size_t i = 0; !rc && i < n; i++) {
		if ((rc = STMT(U_ASS_ADD, "INSERT INTO system_assessors (system_id, user_id) VALUES (?, ?)")))
			break;
		s->ops->bind_int(st, 1, system);
		s->ops->bind_int(st, 2, ids[i]);
		rc = store_done(s, st, err);
	}
	return replace_end(s, rc, err);
}

tk_status tk_system_is_assessor(tk_store *s, int64_t system, int64_t user, bool *yes, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_ASS_IS, "SELECT 1 FROM system_assessors WHERE system_id = ? AND user_id = ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, system);
	s->ops->bind_int(st, 2, user);
	tk_db_step r = s->ops->step(st, err);
	s->ops->reset(st);
	*yes = r == TK_DB_ROW;
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

/* ---- sessions ---- */

tk_status tk_session_add(tk_store *s, const char *id_hash, int64_t user, const char *csrf, int64_t now,
	int64_t expires_at, const char *remote, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_SES_ADD, "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, "
		"expires_at, revoked, remote) VALUES (?, ?, ?, ?, ?, ?, 0, ?)");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, id_hash);
	s->ops->bind_int(st, 2, user);
	s->ops->bind_text(st, 3, csrf);
	s->ops->bind_int(st, 4, now);
	s->ops->bind_int(st, 5, now);
	s->ops->bind_int(st, 6, expires_at);
	s->ops->bind_text(st, 7, remote);
	return change(s, st, err);
}

tk_status tk_session_get(tk_store *s, const char *id_hash, tk_session *out, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_db_stmt *st;
	tk_status rc = STMT(U_SES_GET, "SELECT user_id, created_at, last_seen, expires_at, revoked, csrf_token "
		"FROM sessions WHERE id_hash = ?");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, id_hash);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW) {
		out->user_id = s->ops->column_int(st, 0);
		out->created_at = s->ops->column_int(st, 1);
		out->last_seen = s->ops->column_int(st, 2);
		out->expires_at = s->ops->column_int(st, 3);
		out->revoked = s->ops->column_int(st, 4) != 0;
		const char *t = s->ops->column_text(st, 5);
		snprintf(out->csrf_token, sizeof(out->csrf_token), "%s", t ? t : "");
	}
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	return r == TK_DB_ROW ? TK_OK : tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "セッションがありません",
		"no such session");
}

tk_status tk_session_touch(tk_store *s, const char *id_hash, int64_t now, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_SES_TOUCH, "UPDATE sessions SET last_seen = ? WHERE id_hash = ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, now);
	s->ops->bind_text(st, 2, id_hash);
	return change(s, st, err);
}

tk_status tk_session_revoke(tk_store *s, const char *id_hash, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_SES_REVOKE, "UPDATE sessions SET revoked = 1 WHERE id_hash = ?");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, id_hash);
	return change(s, st, err);
}

tk_status tk_session_revoke_user(tk_store *s, int64_t user, const char *keep, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_SES_REVOKE_USER, "UPDATE sessions SET revoked = 1 WHERE user_id = ? AND id_hash <> ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, user);
	s->ops->bind_text(st, 2, keep ? keep : "");
	return change(s, st, err);
}

/* ---- failed sign-ins ---- */

tk_status tk_signin_failure_add(tk_store *s, const char *username, int64_t now, const char *remote,
	tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_FAIL_ADD, "INSERT INTO signin_failures (username, at, remote) VALUES (?, ?, ?)");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, username);
	s->ops->bind_int(st, 2, now);
	s->ops->bind_text(st, 3, remote);
	return change(s, st, err);
}

tk_status tk_signin_failures(tk_store *s, const char *username, int64_t since, int *n, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_FAIL_COUNT, "SELECT COUNT(*) FROM signin_failures WHERE username = ? AND at >= ?");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, username);
	s->ops->bind_int(st, 2, since);
	tk_db_step r = s->ops->step(st, err);
	*n = r == TK_DB_ROW ? (int)s->ops->column_int(st, 0) : 0;
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_signin_failures_prune(tk_store *s, int64_t before, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_FAIL_PRUNE, "DELETE FROM signin_failures WHERE at < ?");
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, before);
	return change(s, st, err);
}

tk_status tk_signin_failures_clear(tk_store *s, const char *username, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_FAIL_CLEAR, "DELETE FROM signin_failures WHERE username = ?");
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, username);
	return change(s, st, err);
}

/* ---- the audit trail ---- */

void tk_time_jst(char out[32])
{
	/* JST has no daylight saving: UTC + 9 h, always. */
	time_t t = time(NULL) + 9 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S+09:00", &tm);
}

static void put_field(char **p, size_t *left, const char *v)
{
	int k = snprintf(*p, *left, "%zu:%s\n", strlen(v ? v : ""), v ? v : "");
	if (k < 0 || (size_t)k >= *left) {
		*p += *left;
		*left = 0;
		return;
	}
	*p += k;
	*left -= (size_t)k;
}

void tk_audit_hash(const tk_audit_entry *e, char out[65])
{
	char org[24] = "";
	if (e->org_id)
		snprintf(org, sizeof(org), "%lld", (long long)e->org_id);
	const char *fields[] = { e->prev_hash, e->at, e->user, e->action, org, e->target, e->detail, e->remote };
	size_t need = 0;
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		need += strlen(fields[i] ? fields[i] : "") + 24;
	char *buf = malloc(need + 1);
	if (!buf) {
		memset(out, '0', 64);
		out[64] = '\0';
		return;
	}
	char *p = buf;
	size_t left = need + 1;
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		put_field(&p, &left, fields[i]);
	tk_sha256_hex(buf, (size_t)(p - buf), out);
	free(buf);
}

static const char ZERO_HASH[] = "0000000000000000000000000000000000000000000000000000000000000000";

static tk_status audit_once(tk_store *s, tk_audit_entry *e, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = STMT(U_AUDIT_LAST, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
	if (rc)
		return rc;
	tk_db_step r = s->ops->step(st, err);
	const char *h = r == TK_DB_ROW ? s->ops->column_text(st, 0) : NULL;
	snprintf(e->prev_hash, sizeof(e->prev_hash), "%s", h ? h : ZERO_HASH);
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	tk_audit_hash(e, e->hash);
	if ((rc = STMT(U_AUDIT_ADD, "INSERT INTO audit (at, username, action, organization_id, target, detail, "
		"remote, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
		return rc;
	s->ops->bind_text(st, 1, e->at);
	s->ops->bind_text(st, 2, e->user);
	s->ops->bind_text(st, 3, e->action);
	if (e->org_id)
		s->ops->bind_int(st, 4, e->org_id);
	else
		s->ops->bind_null(st, 4);
	s->ops->bind_text(st, 5, e->target);
	s->ops->bind_text(st, 6, e->detail);
	s->ops->bind_text(st, 7, e->remote);
	s->ops->bind_text(st, 8, e->prev_hash);
	s->ops->bind_text(st, 9, e->hash);
	return store_done(s, st, err);
}

tk_status tk_audit_append(tk_store *s, const char *user, const char *action, int64_t org_id,
	const char *target, const char *detail, const char *remote, tk_error *err)
{
	char at[32];
	tk_time_jst(at);
	tk_audit_entry e = { .at = at, .user = user, .action = action, .org_id = org_id,
		.target = target ? target : "", .detail = detail ? detail : "", .remote = remote ? remote : "" };
	/* Inside a batch the batch's write lock already orders appenders;
	 * alone, a writer that lost the race for the last hash (UNIQUE
	 * prev_hash) tries again. */
	tk_status rc = TK_OK;
	for (int attempt = 0; attempt < 5; attempt++) {
		if ((rc = store_tx_begin(s, err)))
			return rc;
		if (!(rc = audit_once(s, &e, err)))
			return store_tx_commit(s, err);
		store_tx_rollback(s);
		if (s->in_batch)
			break;
	}
	return rc;
}

static void read_entry(tk_store *s, tk_db_stmt *st, tk_arena *a, tk_audit_entry *e)
{
	e->id = s->ops->column_int(st, 0);
	e->at = store_col_text(s, st, 1, a, false);
	e->user = store_col_text(s, st, 2, a, true);
	e->action = store_col_text(s, st, 3, a, false);
	e->org_id = s->ops->column_null(st, 4) ? 0 : s->ops->column_int(st, 4);
	e->target = store_col_text(s, st, 5, a, false);
	e->detail = store_col_text(s, st, 6, a, false);
	e->remote = store_col_text(s, st, 7, a, false);
	const char *p = s->ops->column_text(st, 8), *h = s->ops->column_text(st, 9);
	snprintf(e->prev_hash, sizeof(e->prev_hash), "%s", p ? p : "");
	snprintf(e->hash, sizeof(e->hash), "%s", h ? h : "");
}

#define AUDIT_COLUMNS "id, at, username, action, organization_id, target, detail, remote, prev_hash, hash"

tk_status tk_audit_list(tk_store *s, bool all, int64_t viewer, const char *viewer_name, int64_t before,
	int limit, tk_arena *a, tk_audit_entry **out, size_t *n, tk_error *err)
{
	*out = NULL;
	*n = 0;
	tk_db_stmt *st;
	tk_status rc = all ? STMT(U_AUDIT_LIST_ALL, "SELECT " AUDIT_COLUMNS " FROM audit WHERE id < ? "
		"ORDER BY id DESC LIMIT ?")
		: STMT(U_AUDIT_LIST_MINE, "SELECT " AUDIT_COLUMNS " FROM audit WHERE id < ? AND "
		"(organization_id IN (SELECT organization_id FROM user_roles WHERE user_id = ? "
		"AND role IN ('owner', 'auditor')) OR username = ?) ORDER BY id DESC LIMIT ?");
	if (rc)
		return rc;
	int k = 1;
	s->ops->bind_int(st, k++, before > 0 ? before : INT64_MAX);
	if (!all) {
		s->ops->bind_int(st, k++, viewer);
		s->ops->bind_text(st, k++, viewer_name);
	}
	s->ops->bind_int(st, k, limit);
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_audit_entry *e = store_grow(a, (void **)out, n, &cap, sizeof(*e));
		if (!e)
			return s->ops->reset(st), store_nomem(err);
		read_entry(s, st, a, e);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_audit_verify(tk_store *s, int64_t *checked, int64_t *broken, tk_error *err)
{
	*checked = 0;
	*broken = 0;
	tk_db_stmt *st;
	tk_status rc = STMT(U_AUDIT_ALL, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id");
	if (rc)
		return rc;
	tk_arena *a = tk_arena_new(4096);
	if (!a)
		return s->ops->reset(st), store_nomem(err);
	char prev[65];
	memcpy(prev, ZERO_HASH, sizeof(prev));
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_audit_entry e;
		read_entry(s, st, a, &e);
		(*checked)++;
		char want[65];
		tk_audit_hash(&e, want);
		if (strcmp(e.prev_hash, prev) != 0 || strcmp(e.hash, want) != 0) {
			*broken = e.id;
			break;
		}
		memcpy(prev, e.hash, sizeof(prev));
		/* One arena per entry's text would be wasteful; reset it now and then. */
		if (*checked % 1024 == 0) {
			tk_arena_free(a);
			if (!(a = tk_arena_new(4096)))
				return s->ops->reset(st), store_nomem(err);
		}
	}
	s->ops->reset(st);
	tk_arena_free(a);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}
