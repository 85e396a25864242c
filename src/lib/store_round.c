/* Rounds after import: reading them back, closing, deleting, the history
 * of a system and the portfolio of an organisation. */
#include <string.h>

#include "store_internal.h"

static tk_status no_round(int64_t round, tk_error *err)
{
	return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "評価回 %lld はありません",
		"no round %lld", (long long)round);
}

/* "" stored for an absent date or assessor reads back as NULL. */
static const char *absent_if_empty(const char *v)
{
	return v && *v ? v : NULL;
}

void store_read_round(tk_store *s, tk_db_stmt *st, int i, tk_arena *a, tk_store_round *r)
{
	const tk_db_ops *o = s->ops;
	r->id = o->column_int(st, i);
	r->system_id = o->column_int(st, i + 1);
	r->org = store_col_text(s, st, i + 2, a, false);
	r->system = store_col_text(s, st, i + 3, a, false);
	r->catalog_id = store_col_text(s, st, i + 4, a, false);
	r->catalog_version = store_col_text(s, st, i + 5, a, false);
	r->catalog_hash = store_col_text(s, st, i + 6, a, false);
	r->document_name = store_col_text(s, st, i + 7, a, false);
	r->date = absent_if_empty(store_col_text(s, st, i + 8, a, false));
	r->assessor = absent_if_empty(store_col_text(s, st, i + 9, a, false));
	r->imported_at = store_col_text(s, st, i + 10, a, false);
	r->imported_by = store_col_text(s, st, i + 11, a, false);
	r->closed = o->column_int(st, i + 12) != 0;
	r->closed_at = store_col_text(s, st, i + 13, a, true);
	r->target = (int)o->column_int(st, i + 14);
	r->counted = !o->column_null(st, i + 15);
	r->level = r->counted ? o->column_double(st, i + 15) : 0;
	r->target_mean = o->column_double(st, i + 16);
	r->complete = o->column_int(st, i + 17) != 0;
	size_t *counts[] = { &r->n_requirements, &r->n_met, &r->n_under, &r->n_over, &r->n_unknown, &r->n_na,
		&r->n_unassessed };
	for (int k = 0; k < 7; k++)
		*counts[k] = (size_t)o->column_int(st, i + 18 + k);
	const char *kind = o->column_text(st, i + 25);
	r->is_compliance = kind && strcmp(kind, "compliance") == 0;
	r->compliance_counted = !o->column_null(st, i + 26);
	r->compliance = r->compliance_counted ? o->column_double(st, i + 26) : 0;
	size_t *cs[] = { &r->n_applicable, &r->n_implemented, &r->n_partial, &r->n_not_implemented, &r->n_open };
	for (int k = 0; k < 5; k++)
		*cs[k] = (size_t)o->column_int(st, i + 27 + k);
}

tk_status tk_store_round_get(tk_store *s, int64_t round, tk_arena *a, tk_store_round *out, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, Q_ROUND_GET, &st, err);
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, round);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW)
		store_read_round(s, st, 0, a, out);
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	return r == TK_DB_ROW ? TK_OK : no_round(round, err);
}

/* One blob column of one row, copied into the arena. */
static tk_status read_blob(tk_store *s, store_sql q, int64_t round, tk_arena *a, const char **data,
	size_t *len, tk_error *err)
{
	*data = NULL;
	*len = 0;
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, q, &st, err);
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, round);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW) {
		size_t n;
		const void *p = s->ops->column_blob(st, 0, &n);
		char *copy = tk_arena_alloc(a, n + 1);
		if (!copy) {
			s->ops->reset(st);
			return store_nomem(err);
		}
		memcpy(copy, p, n);
		copy[n] = '\0';
		*data = copy;
		*len = n;
	}
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	return r == TK_DB_ROW ? TK_OK : no_round(round, err);
}

tk_status tk_store_round_document(tk_store *s, int64_t round, tk_arena *a,
	const char **data, size_t *len, tk_error *err)
{
	return read_blob(s, Q_ROUND_DOC, round, a, data, len, err);
}

tk_status tk_store_round_catalog(tk_store *s, int64_t round, tk_arena *a,
	const char **data, size_t *len, tk_error *err)
{
	return read_blob(s, Q_ROUND_CATALOG, round, a, data, len, err);
}

/* Why a guarded statement changed nothing: no such round, or it is closed. */
static tk_status refused(tk_store *s, int64_t round, bool closing, tk_error *err)
{
	tk_arena *a = tk_arena_new(512);
	tk_store_round r;
	tk_status rc = a ? tk_store_round_get(s, round, a, &r, err) : store_nomem(err);
	tk_arena_free(a);
	if (rc)
		return rc;
	return closing
		? tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "評価回 %lld はすでに確定しています",
			"round %lld is already closed", (long long)round)
		: tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
			"評価回 %lld は確定済みのため変更できません", "round %lld is closed and cannot be changed",
			(long long)round);
}

/* Runs a statement ending in RETURNING: true in *hit when it touched a row. */
static tk_status run_returning(tk_store *s, tk_db_stmt *st, bool *hit, tk_error *err)
{
	tk_db_step r = s->ops->step(st, err);
	*hit = r == TK_DB_ROW;
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_store_round_close(tk_store *s, int64_t round, tk_error *err)
{
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	tk_db_stmt *st;
	bool hit = false;
	if (!(rc = store_stmt(s, Q_ROUND_CLOSE, &st, err))) {
		char now[32];
		store_now(now);
		s->ops->bind_text(st, 1, now);
		s->ops->bind_int(st, 2, round);
		rc = run_returning(s, st, &hit, err);
	}
	if (!rc && !hit)
		rc = refused(s, round, true, err);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

tk_status tk_store_round_delete(tk_store *s, int64_t round, tk_error *err)
{
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	/* The system, for its peer_vectors row once the round is gone. */
	int64_t system_id = 0;
	rc = store_peer_vector_system_of(s, round, &system_id, err);
	/* Children first (foreign keys); every statement is guarded by
	 * closed = 0, so a closed round's rows are never touched. */
	const store_sql qs[] = { Q_ROUND_DEL_RATINGS, Q_ROUND_DEL_LEVELS, Q_ROUND_DEL_COMPLIANCE };
	if (!rc)
		rc = store_run_for_round(s, qs, sizeof(qs) / sizeof(*qs), round, err);
	if (!rc)
		rc = store_edits_clear(s, round, err);
	bool hit = false;
	tk_db_stmt *st;
	if (!rc && !(rc = store_stmt(s, Q_ROUND_DEL, &st, err))) {
		s->ops->bind_int(st, 1, round);
		rc = run_returning(s, st, &hit, err);
	}
	if (!rc && !hit)
		rc = refused(s, round, false, err);
	if (!rc)
		rc = store_peer_vector_refresh(s, system_id, err);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

tk_status tk_store_round_list(tk_store *s, const char *org, const char *system, tk_arena *a,
	tk_store_round **out, size_t *n, tk_error *err)
{
	*out = NULL;
	*n = 0;
	tk_store_system y;
	tk_status rc = tk_store_system_find(s, org, system, &y, a, err);
	tk_db_stmt *st;
	if (rc || (rc = store_stmt(s, Q_ROUND_LIST, &st, err)))
		return rc;
	s->ops->bind_int(st, 1, y.id);
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_store_round *x = store_grow(a, (void **)out, n, &cap, sizeof(**out));
		if (!x)
			return s->ops->reset(st), store_nomem(err);
		store_read_round(s, st, 0, a, x);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_store_history(tk_store *s, const char *org, const char *system, tk_arena *a,
	tk_store_round **out, size_t *n, tk_error *err)
{
	tk_status rc = tk_store_round_list(s, org, system, a, out, n, err);
	tk_db_stmt *st;
	if (rc || *n == 0 || (rc = store_stmt(s, Q_HISTORY_LEVELS, &st, err)))
		return rc;
	s->ops->bind_int(st, 1, (*out)[0].system_id);
	/* Rows come by round id; the list is by date, so find each round. */
	size_t *caps = tk_arena_calloc(a, *n, sizeof(*caps));
	if (!caps)
		return store_nomem(err);
	tk_db_step r;
	size_t at = 0;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		int64_t id = s->ops->column_int(st, 0);
		if ((*out)[at].id != id)
			for (at = 0; at < *n && (*out)[at].id != id; at++)
				;
		if (at == *n) { /* a round added since the list was read */
			at = 0;
			continue;
		}
		tk_store_round *x = &(*out)[at];
		tk_store_level *l = store_grow(a, (void **)&x->domains, &x->n_domains, &caps[at], sizeof(*l));
		if (!l)
			return s->ops->reset(st), store_nomem(err);
		l->id = store_col_text(s, st, 1, a, false);
		l->counted = !s->ops->column_null(st, 2);
		l->level = l->counted ? s->ops->column_double(st, 2) : 0;
		l->target = s->ops->column_double(st, 3);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_store_portfolio(tk_store *s, const char *org, tk_arena *a,
	tk_store_portfolio_row **out, size_t *n, tk_error *err)
{
	*out = NULL;
	*n = 0;
	int64_t org_id;
	tk_status rc = store_org_id(s, org, &org_id, err);
	tk_db_stmt *st;
	/* The same rows; the form each planner runs fast (store.c). */
	store_sql q = s->ops->backend == TK_DB_POSTGRESQL ? Q_PORTFOLIO_LATERAL : Q_PORTFOLIO;
	if (rc || (rc = store_stmt(s, q, &st, err)))
		return rc;
	s->ops->bind_int(st, 1, org_id);
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_store_portfolio_row *x = store_grow(a, (void **)out, n, &cap, sizeof(**out));
		if (!x)
			return s->ops->reset(st), store_nomem(err);
		store_read_system(s, st, 0, a, &x->system);
		x->has_round = !s->ops->column_null(st, STORE_SYSTEM_NCOLS);
		if (x->has_round)
			store_read_round(s, st, STORE_SYSTEM_NCOLS, a, &x->latest);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}
