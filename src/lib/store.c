/* The store's connection: open, close, the statement table, transactions. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store_internal.h"

/* Every statement the store runs, with `?` parameters (db.h). Kept in one
 * table so that each is prepared once per connection and reused, and so
 * that the SQL both back ends must accept is in one place. */
#define PORTFOLIO_HEAD "SELECT " STORE_SYSTEM_COLUMNS ", " STORE_ROUND_COLUMNS " FROM systems y " \
	"JOIN organizations o ON o.id = y.organization_id "
#define PORTFOLIO_TAIL STORE_ROUND_COMPLIANCE_JOIN "WHERE y.organization_id = ? ORDER BY y.name"

static const char *const SQL[Q_COUNT] = {
	[Q_ORG_ADD] = "INSERT INTO organizations (name, created_at) VALUES (?, ?) RETURNING id",
	[Q_ORG_FIND] = "SELECT id FROM organizations WHERE name = ?",
	[Q_ORG_LIST] = "SELECT o.id, o.name, o.created_at, "
		"(SELECT COUNT(*) FROM systems y WHERE y.organization_id = o.id) "
		"FROM organizations o ORDER BY o.name",
	[Q_SYS_ADD] = "INSERT INTO systems (organization_id, name, industry, size, created_at) "
		"VALUES (?, ?, ?, ?, ?) RETURNING id",
	[Q_SYS_FIND] = "SELECT " STORE_SYSTEM_COLUMNS " FROM systems y "
		"JOIN organizations o ON o.id = y.organization_id WHERE o.name = ? AND y.name = ?",
	[Q_SYS_FIND_ANY] = "SELECT " STORE_SYSTEM_COLUMNS " FROM systems y "
		"JOIN organizations o ON o.id = y.organization_id WHERE y.name = ? ORDER BY o.name",
	[Q_SYS_SET_INDUSTRY] = "UPDATE systems SET industry = ? WHERE id = ?",
	[Q_SYS_SET_SIZE] = "UPDATE systems SET size = ? WHERE id = ?",
	[Q_SYS_LIST] = "SELECT " STORE_SYSTEM_COLUMNS " FROM systems y "
		"JOIN organizations o ON o.id = y.organization_id WHERE y.organization_id = ? ORDER BY y.name",
	[Q_CAT_FIND] = "SELECT id FROM catalogs WHERE catalog_id = ? AND content_hash = ?",
	[Q_CAT_ADD] = "INSERT INTO catalogs (catalog_id, version, kind, content_hash, content, stored_at) "
		"VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
	[Q_ROUND_ADD] = "INSERT INTO rounds (system_id, catalog_ref, catalog_id, catalog_version, catalog_hash, "
		"kind, document_name, assessed_on, assessor, imported_at, imported_by, "
		"target_level, level, target_mean, complete, n_items, n_met, n_under, n_over, n_unknown, n_na, "
		"n_unassessed, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		"RETURNING id",
	[Q_RATING_ADD] = "INSERT INTO ratings (round_id, seq, item, domain, status, rating, importance, core, "
		"ranks, achieved, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_LEVEL_ADD] = "INSERT INTO round_levels (round_id, scope, seq, ref, level, target) "
		"VALUES (?, ?, ?, ?, ?, ?)",
	[Q_COMPLIANCE_ADD] = "INSERT INTO round_compliance (round_id, compliance, n_applicable, n_implemented, "
		"n_partial, n_not_implemented, n_na, n_unknown, n_unassessed, n_open) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_ROUND_GET] = "SELECT " STORE_ROUND_COLUMNS " FROM rounds r JOIN systems y ON y.id = r.system_id "
		"JOIN organizations o ON o.id = y.organization_id" STORE_ROUND_COMPLIANCE_JOIN "WHERE r.id = ?",
	[Q_ROUND_DOC] = "SELECT document FROM rounds WHERE id = ?",
	[Q_ROUND_CATALOG] = "SELECT c.content FROM rounds r JOIN catalogs c ON c.id = r.catalog_ref WHERE r.id = ?",
	/* The closed = 0 guards make the refusal part of the statement itself,
	 * not only of a check before it. */
	[Q_ROUND_CLOSE] = "UPDATE rounds SET closed = 1, closed_at = ? WHERE id = ? AND closed = 0 RETURNING id",
	[Q_ROUND_DEL_RATINGS] = "DELETE FROM ratings WHERE round_id IN "
		"(SELECT id FROM rounds WHERE id = ? AND closed = 0)",
	[Q_ROUND_DEL_LEVELS] = "DELETE FROM round_levels WHERE round_id IN "
		"(SELECT id FROM rounds WHERE id = ? AND closed = 0)",
	[Q_ROUND_DEL_COMPLIANCE] = "DELETE FROM round_compliance WHERE round_id IN "
		"(SELECT id FROM rounds WHERE id = ? AND closed = 0)",
	[Q_ROUND_DEL] = "DELETE FROM rounds WHERE id = ? AND closed = 0 RETURNING id",
	[Q_ROUND_LIST] = "SELECT " STORE_ROUND_COLUMNS " FROM rounds r JOIN systems y ON y.id = r.system_id "
		"JOIN organizations o ON o.id = y.organization_id" STORE_ROUND_COMPLIANCE_JOIN "WHERE r.system_id = ? "
		"ORDER BY r.assessed_on, r.id",
	[Q_HISTORY_LEVELS] = "SELECT l.round_id, l.ref, l.level, l.target FROM round_levels l "
		"JOIN rounds r ON r.id = l.round_id WHERE r.system_id = ? AND l.scope IN ('domain', 'section') "
		"ORDER BY l.round_id, l.seq",
	/* The latest round of each system through the (system_id, assessed_on,
	 * id) index: one index probe per system. SQLite runs this portable form
	 * so (it only joins by nested loops); PostgreSQL's planner makes its
	 * join condition a hash join over every round of the organisation
	 * instead, several times slower. Q_PORTFOLIO_LATERAL says "per system"
	 * in standard SQL that SQLite lacks; the two differ only in that join
	 * and tk_store_portfolio picks by back end. */
	[Q_PORTFOLIO] = PORTFOLIO_HEAD "LEFT JOIN rounds r ON r.id = (SELECT r2.id FROM rounds r2 "
		"WHERE r2.system_id = y.id ORDER BY r2.assessed_on DESC, r2.id DESC LIMIT 1)" PORTFOLIO_TAIL,
	[Q_PORTFOLIO_LATERAL] = PORTFOLIO_HEAD "LEFT JOIN LATERAL (SELECT * FROM rounds r2 "
		"WHERE r2.system_id = y.id ORDER BY r2.assessed_on DESC, r2.id DESC LIMIT 1) r ON TRUE" PORTFOLIO_TAIL,
	/* A new version of an open round's document (the server's saves). */
	[Q_ROUND_REPLACE] = "UPDATE rounds SET assessed_on = ?, assessor = ?, target_level = ?, level = ?, "
		"target_mean = ?, complete = ?, n_items = ?, n_met = ?, n_under = ?, n_over = ?, n_unknown = ?, "
		"n_na = ?, n_unassessed = ?, document = ? WHERE id = ? AND closed = 0 AND catalog_id = ? RETURNING id",
	[Q_ROUND_REVISE] = "INSERT INTO round_revisions (round_id, revision) VALUES (?, 1) "
		"ON CONFLICT (round_id) DO UPDATE SET revision = round_revisions.revision + 1",
};

tk_status store_nomem(tk_error *err)
{
	return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
}

void *store_grow(tk_arena *a, void **v, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t want = *cap ? *cap * 2 : 16;
		char *bigger = tk_arena_calloc(a, want, size);
		if (!bigger)
			return NULL;
		if (*n)
			memcpy(bigger, *v, *n * size);
		*v = bigger;
		*cap = want;
	}
	char *slot = (char *)*v + (*n)++ * size;
	memset(slot, 0, size);
	return slot;
}

tk_status store_stmt(tk_store *s, store_sql q, tk_db_stmt **out, tk_error *err)
{
	if (!s->stmt[q]) {
		tk_status st = s->ops->prepare(s->db, SQL[q], &s->stmt[q], err);
		if (st)
			return st;
	} else {
		s->ops->reset(s->stmt[q]);
	}
	*out = s->stmt[q];
	return TK_OK;
}

tk_status store_stmt_sql(tk_store *s, int slot, const char *sql, tk_db_stmt **out, tk_error *err)
{
	if (!s->extra[slot]) {
		tk_status st = s->ops->prepare(s->db, sql, &s->extra[slot], err);
		if (st)
			return st;
	} else {
		s->ops->reset(s->extra[slot]);
	}
	*out = s->extra[slot];
	return TK_OK;
}

void store_bind_kept(tk_store *s, tk_db_stmt *st, int i, const char *v)
{
	if (s->ops->bind_text_kept)
		s->ops->bind_text_kept(st, i, v);
	else
		s->ops->bind_text(st, i, v);
}

tk_status store_done(tk_store *s, tk_db_stmt *st, tk_error *err)
{
	tk_db_step r = s->ops->step(st, err);
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status store_run_for_round(tk_store *s, const store_sql *qs, size_t n, int64_t round, tk_error *err)
{
	tk_status rc = TK_OK;
	for (size_t i = 0; !rc && i < n; i++) {
		tk_db_stmt *st;
		if (!(rc = store_stmt(s, qs[i], &st, err))) {
			s->ops->bind_int(st, 1, round);
			rc = store_done(s, st, err);
		}
	}
	return rc;
}

void store_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *store_col_text(tk_store *s, tk_db_stmt *st, int i, tk_arena *a, bool keep_null)
{
	if (s->ops->column_null(st, i))
		return keep_null ? NULL : "";
	const char *t = s->ops->column_text(st, i);
	return tk_arena_strdup(a, t ? t : "");
}

tk_status store_tx_begin(tk_store *s, tk_error *err)
{
	return s->in_batch ? TK_OK : s->ops->begin(s->db, err);
}

tk_status store_tx_commit(tk_store *s, tk_error *err)
{
	return s->in_batch ? TK_OK : s->ops->commit(s->db, err);
}

void store_tx_rollback(tk_store *s)
{
	if (!s->in_batch) {
		s->ops->rollback(s->db);
		s->last_catalog = NULL; /* its row may have gone with the transaction */
	}
}

tk_status tk_store_begin(tk_store *s, tk_error *err)
{
	if (s->in_batch)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "一括処理がすでに始まっています",
			"a batch is already open");
	tk_status st = s->ops->begin(s->db, err);
	s->in_batch = st == TK_OK;
	return st;
}

tk_status tk_store_commit(tk_store *s, tk_error *err)
{
	s->in_batch = false;
	return s->ops->commit(s->db, err);
}

void tk_store_rollback(tk_store *s)
{
	s->in_batch = false;
	s->ops->rollback(s->db);
	s->last_catalog = NULL; /* its row may have gone with the batch */
}

tk_status tk_store_mark(tk_store *s, tk_error *err)
{
	return s->ops->exec(s->db, "SAVEPOINT part", err);
}

tk_status tk_store_keep(tk_store *s, tk_error *err)
{
	return s->ops->exec(s->db, "RELEASE SAVEPOINT part", err);
}

void tk_store_undo(tk_store *s)
{
	tk_error ignored = { 0 };
	if (s->ops->exec(s->db, "ROLLBACK TO SAVEPOINT part", &ignored) == TK_OK)
		s->ops->exec(s->db, "RELEASE SAVEPOINT part", &ignored);
	s->last_catalog = NULL; /* its row may have gone with the part */
}

void tk_store_set_user(tk_store *s, const char *user)
{
	if (user && *user) {
		snprintf(s->user, sizeof(s->user), "%s", user);
		return;
	}
	struct passwd *pw = getpwuid(geteuid());
	const char *name = pw && pw->pw_name ? pw->pw_name : getenv("USER");
	snprintf(s->user, sizeof(s->user), "%s", name && *name ? name : "unknown");
}

const char *tk_store_backend(const tk_store *s)
{
	return s->ops->name;
}

bool tk_store_alive(tk_store *s)
{
	return !s->ops->alive || s->ops->alive(s->db);
}

/* Opens the connection; the schema is the caller's business. */
tk_status store_connect(const char *url, bool create, tk_store **out, tk_error *err)
{
	*out = NULL;
	tk_store *s = calloc(1, sizeof(*s));
	if (!s)
		return store_nomem(err);
	tk_status st = create ? tk_db_open_create(url, &s->db, err) : tk_db_open(url, &s->db, err);
	if (st) {
		free(s);
		return st;
	}
	s->ops = s->db->ops;
	*out = s;
	return TK_OK;
}

void tk_store_close(tk_store *s)
{
	if (!s)
		return;
	if (s->in_batch)
		s->ops->rollback(s->db);
	for (int i = 0; i < Q_COUNT; i++)
		if (s->stmt[i])
			s->ops->finalize(s->stmt[i]);
	for (int i = 0; i < STORE_EXTRA_STMTS; i++)
		if (s->extra[i])
			s->ops->finalize(s->extra[i]);
	s->ops->close(s->db);
	free(s);
}
