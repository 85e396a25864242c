/* The store's tables row by row, for backup and restore
 * (include/taisaku/store_dump.h). The column lists follow the migrations in
 * src/lib/migrations; tests/store_backup.sh checks them against the real
 * schema, so a new column cannot be left out of backups unnoticed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "taisaku/store_dump.h"

#define I TK_COL_INT
#define R TK_COL_REAL
#define T TK_COL_TEXT
#define B TK_COL_BLOB

static const tk_store_column ORGS[] = { { "id", I }, { "name", T }, { "created_at", T } };
static const tk_store_column SYSTEMS[] = {
	{ "id", I }, { "organization_id", I }, { "name", T }, { "industry", T }, { "size", T },
	{ "created_at", T },
};
static const tk_store_column CATALOGS[] = {
	{ "id", I }, { "catalog_id", T }, { "version", T }, { "kind", T }, { "content_hash", T },
	{ "content", B }, { "stored_at", T },
};
static const tk_store_column ROUNDS[] = {
	{ "id", I }, { "system_id", I }, { "catalog_ref", I }, { "catalog_id", T },
	{ "catalog_version", T }, { "catalog_hash", T }, { "kind", T }, { "document_name", T },
	{ "assessed_on", T }, { "assessor", T }, { "imported_at", T }, { "imported_by", T }, { "closed", I }, { "closed_at", T },
	{ "target_level", I }, { "level", R }, { "target_mean", R }, { "complete", I },
	{ "n_items", I }, { "n_met", I }, { "n_under", I }, { "n_over", I }, { "n_unknown", I },
	{ "n_na", I }, { "n_unassessed", I }, { "document", B },
};
static const tk_store_column RATINGS[] = {
	{ "round_id", I }, { "seq", I }, { "item", T }, { "domain", T }, { "status", T },
	{ "rating", T }, { "importance", T }, { "core", I }, { "ranks", T }, { "achieved", I },
	{ "target", I },
};
static const tk_store_column LEVELS[] = {
	{ "round_id", I }, { "scope", T }, { "seq", I }, { "ref", T }, { "level", R }, { "target", R },
};
static const tk_store_column COMPLIANCE[] = {
	{ "round_id", I }, { "compliance", R }, { "n_applicable", I }, { "n_implemented", I },
	{ "n_partial", I }, { "n_not_implemented", I }, { "n_na", I }, { "n_unknown", I },
	{ "n_unassessed", I }, { "n_open", I },
};
static const tk_store_column REVISIONS[] = { { "round_id", I }, { "revision", I } };
static const tk_store_column EDITS[] = { { "round_id", I }, { "item", T }, { "rating", T } };
static const tk_store_column USERS[] = {
	{ "id", I }, { "username", T }, { "pw_hash", T }, { "is_admin", I }, { "disabled", I },
	{ "must_change_password", I }, { "totp_secret", T }, { "totp_pending", T }, { "totp_last_step", I },
	{ "created_at", T },
};
static const tk_store_column USER_ROLES[] = { { "user_id", I }, { "organization_id", I }, { "role", T } };
static const tk_store_column ASSESSORS[] = { { "system_id", I }, { "user_id", I } };
static const tk_store_column RECOVERY[] = { { "user_id", I }, { "code_hash", T }, { "used", I } };
static const tk_store_column AUDIT[] = {
	{ "id", I }, { "at", T }, { "username", T }, { "action", T }, { "organization_id", I },
	{ "target", T }, { "detail", T }, { "remote", T }, { "prev_hash", T }, { "hash", T },
};
static const tk_store_column EXT_IMPORTS[] = { { "id", I }, { "export_token", T }, { "imported_at", T } };
static const tk_store_column EXT_PEERS[] = {
	{ "id", I }, { "import_id", I }, { "org_token", T }, { "catalog_id", T }, { "industry", T },
	{ "size", T }, { "year", I }, { "target_level", I }, { "level", R },
};
static const tk_store_column EXT_LEVELS[] = { { "peer_id", I }, { "scope", T }, { "ref", T }, { "level", R } };

#undef I
#undef R
#undef T
#undef B

#define TABLE(name, order, has_id, cols) { name, order, has_id, sizeof(cols) / sizeof(*cols), cols }

/* round_levels sorts on scope, a fixed ASCII word ('domain', 'view'), which
 * every collation orders alike, so both back ends dump it in one order. */
const tk_store_table tk_store_tables[] = {
	TABLE("organizations", "id", true, ORGS),
	TABLE("systems", "id", true, SYSTEMS),
	TABLE("catalogs", "id", true, CATALOGS),
	TABLE("rounds", "id", true, ROUNDS),
	TABLE("ratings", "round_id, seq", false, RATINGS),
	TABLE("round_levels", "round_id, scope, seq", false, LEVELS),
	TABLE("round_compliance", "round_id", false, COMPLIANCE),
	TABLE("round_revisions", "round_id", false, REVISIONS),
	/* item is a requirement id: ASCII, ordered alike everywhere. */
	TABLE("round_edits", "round_id, item", false, EDITS),
	TABLE("users", "id", true, USERS),
	TABLE("user_roles", "user_id, organization_id", false, USER_ROLES),
	TABLE("system_assessors", "system_id, user_id", false, ASSESSORS),
	TABLE("recovery_codes", "user_id, code_hash", false, RECOVERY),
	/* Keys and hashes kept as they are, in key order: the chain verifies
	 * after a restore (taisaku audit verify) and goes on from its last hash. */
	TABLE("audit", "id", true, AUDIT),
	TABLE("external_imports", "id", true, EXT_IMPORTS),
	TABLE("external_peers", "id", true, EXT_PEERS),
	/* ref is a requirement, domain or view id of a catalog: ASCII, which
	 * every collation orders alike (as scope above). */
	TABLE("external_levels", "peer_id, scope, ref", false, EXT_LEVELS),
};
const size_t tk_store_ntables = sizeof(tk_store_tables) / sizeof(*tk_store_tables);
_Static_assert(sizeof(tk_store_tables) / sizeof(*tk_store_tables) <= TK_STORE_MAX_TABLES,
	"raise TK_STORE_MAX_TABLES");

/* Left out of backups on purpose, but emptied by a restore with --replace:
 * sessions are live sign-ins (a restored store starts with nobody signed in,
 * and a session of the replaced store must not sign someone in as whoever
 * has its user id in the restored one); signin_failures only count recent
 * failed sign-ins for the lockout; peer_vectors is derived from the rounds
 * and rebuilt at the end of a restore. Children before parents. */
static const char *const UNSAVED[] = { "sessions", "signin_failures", "peer_vectors" };

#define MAX_COLS 32

/* "c1, c2, ..." into buf. */
static void column_list(const tk_store_table *t, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < t->ncols && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", t->cols[i].name);
}

/* The ORDER BY of t: its key, each text column byte by byte on PostgreSQL
 * (COLLATE "C", SQLite's own order), so that a database created with some
 * other locale dumps its rows in the same order as SQLite. */
static void order_list(const tk_store *s, const tk_store_table *t, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	const char *p = t->order_by;
	while (*p && n < size) {
		size_t len = strcspn(p, ",");
		bool text = false;
		for (size_t i = 0; i < t->ncols; i++)
			if (strlen(t->cols[i].name) == len && strncmp(t->cols[i].name, p, len) == 0)
				text = t->cols[i].type == TK_COL_TEXT;
		n += (size_t)snprintf(buf + n, size - n, "%s%.*s%s", n ? ", " : "", (int)len, p,
			text && s->ops->backend == TK_DB_POSTGRESQL ? " COLLATE \"C\"" : "");
		p += len;
		p += strspn(p, ", ");
	}
}

tk_status tk_store_snapshot_begin(tk_store *s, tk_error *err)
{
	/* Both SQL texts are fixed; the back end decides only which. */
	return s->ops->exec(s->db, s->ops->backend == TK_DB_POSTGRESQL
		? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN", err);
}

void tk_store_snapshot_end(tk_store *s)
{
	tk_error ignored = { 0 };
	s->ops->exec(s->db, "ROLLBACK", &ignored);
}

tk_status tk_store_dump_table(tk_store *s, const tk_store_table *t, tk_store_row_fn fn, void *ctx,
	tk_error *err)
{
	if (t->ncols > MAX_COLS)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, t->name, "列が多すぎます", "too many columns");
	char cols[1024], order[300], sql[1700];
	column_list(t, cols, sizeof(cols));
	order_list(s, t, order, sizeof(order));
	/* Table and column names are the constants above, never input. */
	snprintf(sql, sizeof(sql), "SELECT %s FROM %s ORDER BY %s", cols, t->name, order);
	tk_db_stmt *st;
	tk_status rc = s->ops->prepare(s->db, sql, &st, err);
	if (rc)
		return rc;
	tk_store_value row[MAX_COLS];
	tk_db_step step;
	while ((step = s->ops->step(st, err)) == TK_DB_ROW) {
		for (size_t i = 0; i < t->ncols; i++) {
			tk_store_value *v = &row[i];
			memset(v, 0, sizeof(*v));
			int c = (int)i;
			if ((v->null = s->ops->column_null(st, c)))
				continue;
			switch (t->cols[i].type) {
			case TK_COL_INT: v->i = s->ops->column_int(st, c); break;
			case TK_COL_REAL: v->d = s->ops->column_double(st, c); break;
			case TK_COL_TEXT:
				v->p = s->ops->column_text(st, c);
				v->len = v->p ? strlen(v->p) : 0;
				break;
			case TK_COL_BLOB: v->p = s->ops->column_blob(st, c, &v->len); break;
			}
		}
		if ((rc = fn(ctx, t, row, err)) != TK_OK)
			break;
	}
	if (rc == TK_OK && step == TK_DB_FAILED)
		rc = err->status ? err->status : TK_EIO;
	s->ops->finalize(st);
	return rc;
}

struct tk_store_loader {
	tk_store *s;
	tk_db_stmt *insert[TK_STORE_MAX_TABLES]; /* one per table, prepared on first use */
};

static void loader_free(tk_store_loader *l)
{
	for (size_t i = 0; i < tk_store_ntables; i++)
		if (l->insert[i])
			l->s->ops->finalize(l->insert[i]);
	free(l);
}

/* Whether the table holds any row. */
static tk_status table_used(tk_store *s, const tk_store_table *t, bool *used, tk_error *err)
{
	char sql[200];
	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s LIMIT 1", t->name);
	tk_db_stmt *st;
	tk_status rc = s->ops->prepare(s->db, sql, &st, err);
	if (rc)
		return rc;
	tk_db_step step = s->ops->step(st, err);
	s->ops->finalize(st);
	*used = step == TK_DB_ROW;
	return step == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_store_load_begin(tk_store *s, bool replace, tk_store_loader **out, tk_error *err)
{
	*out = NULL;
	tk_store_loader *l = calloc(1, sizeof(*l));
	if (!l)
		return store_nomem(err);
	l->s = s;
	tk_status rc = tk_store_begin(s, err);
	if (rc) {
		free(l);
		return rc;
	}
	for (size_t i = 0; replace && rc == TK_OK && i < sizeof(UNSAVED) / sizeof(*UNSAVED); i++) {
		char sql[200];
		snprintf(sql, sizeof(sql), "DELETE FROM %s", UNSAVED[i]);
		rc = s->ops->exec(s->db, sql, err);
	}
	/* Checked inside the transaction, which holds the write lock: nobody
	 * can add a row between the check and the load. */
	for (size_t i = tk_store_ntables; rc == TK_OK && i-- > 0;) {
		const tk_store_table *t = &tk_store_tables[i];
		bool used = false;
		if ((rc = table_used(s, t, &used, err)) != TK_OK || !used)
			continue;
		if (!replace) {
			rc = tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
				"データベースが空ではありません（%s に行があります）。空のデータベースに戻すか、"
				"--replace で中身をすべて置き換えてください",
				"the database is not empty (%s has rows): restore into an empty database, "
				"or replace everything in it with --replace", t->name);
			break;
		}
		/* Children first, so that no foreign key is left dangling. */
		char sql[200];
		snprintf(sql, sizeof(sql), "DELETE FROM %s", t->name);
		rc = s->ops->exec(s->db, sql, err);
	}
	if (rc) {
		tk_store_rollback(s);
		free(l);
		return rc;
	}
	*out = l;
	return TK_OK;
}

tk_status tk_store_load_row(tk_store_loader *l, const tk_store_table *t, const tk_store_value *row,
	tk_error *err)
{
	tk_store *s = l->s;
	size_t k = (size_t)(t - tk_store_tables);
	if (k >= tk_store_ntables)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "表がありません", "no such table");
	if (!l->insert[k]) {
		char cols[1024], marks[MAX_COLS * 3 + 1] = "", sql[1600];
		column_list(t, cols, sizeof(cols));
		for (size_t i = 0; i < t->ncols && i < MAX_COLS; i++)
			strcat(marks, i ? ", ?" : "?");
		snprintf(sql, sizeof(sql), "INSERT INTO %s (%s) VALUES (%s)", t->name, cols, marks);
		tk_status rc = s->ops->prepare(s->db, sql, &l->insert[k], err);
		if (rc)
			return rc;
	} else {
		s->ops->reset(l->insert[k]);
	}
	tk_db_stmt *st = l->insert[k];
	for (size_t i = 0; i < t->ncols; i++) {
		const tk_store_value *v = &row[i];
		int p = (int)i + 1;
		if (v->null) {
			s->ops->bind_null(st, p);
			continue;
		}
		switch (t->cols[i].type) {
		case TK_COL_INT: s->ops->bind_int(st, p, v->i); break;
		case TK_COL_REAL: s->ops->bind_double(st, p, v->d); break;
		case TK_COL_TEXT: {
			/* bind_text takes a C string; the value may not end in NUL. */
			char *text = strndup(v->p ? v->p : "", v->len);
			if (!text)
				return store_nomem(err);
			s->ops->bind_text(st, p, text);
			free(text);
			break;
		}
		case TK_COL_BLOB: s->ops->bind_blob(st, p, v->p ? v->p : "", v->len); break;
		}
	}
	return store_done(s, st, err);
}

/* PostgreSQL hands out identity keys from a sequence that rows inserted
 * with their own key do not advance: move it past the highest key, or the
 * next org add after a restore would collide. SQLite takes max(rowid) + 1
 * by itself. */
static tk_status advance_keys(tk_store *s, tk_error *err)
{
	if (s->ops->backend != TK_DB_POSTGRESQL)
		return TK_OK;
	for (size_t i = 0; i < tk_store_ntables; i++) {
		const tk_store_table *t = &tk_store_tables[i];
		if (!t->has_id)
			continue;
		char sql[400];
		snprintf(sql, sizeof(sql),
			"SELECT setval(pg_get_serial_sequence('%s', 'id'), "
			"(SELECT COALESCE(MAX(id), 0) + 1 FROM %s), false)", t->name, t->name);
		tk_db_stmt *st;
		tk_status rc = s->ops->prepare(s->db, sql, &st, err);
		if (rc)
			return rc;
		tk_db_step step = s->ops->step(st, err);
		s->ops->finalize(st);
		if (step == TK_DB_FAILED)
			return err->status ? err->status : TK_EIO;
	}
	return TK_OK;
}

tk_status tk_store_load_commit(tk_store_loader *l, tk_error *err)
{
	tk_store *s = l->s;
	tk_status rc = advance_keys(s, err);
	/* peer_vectors is derived, not saved: rebuilt from the restored rounds. */
	if (!rc)
		rc = store_peer_vectors_rebuild(s, err);
	loader_free(l);
	if (rc) {
		tk_store_rollback(s);
		return rc;
	}
	return tk_store_commit(s, err);
}

void tk_store_load_abort(tk_store_loader *l)
{
	if (!l)
		return;
	tk_store *s = l->s;
	loader_free(l);
	tk_store_rollback(s);
}
