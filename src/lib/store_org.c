/* Organisations and their systems. */
#include <string.h>

#include "store_internal.h"

static tk_status check_name(const char *what_ja, const char *what_en, const char *name, tk_error *err)
{
	if (!name || !*name)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "%sの名前が空です%.0s", "%.0sthe %s name is empty",
			what_ja, what_en);
	return TK_OK;
}

tk_status store_org_id(tk_store *s, const char *org, int64_t *id, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, Q_ORG_FIND, &st, err);
	if (rc)
		return rc;
	s->ops->bind_text(st, 1, org);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW)
		*id = s->ops->column_int(st, 0);
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	if (r != TK_DB_ROW)
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "組織 '%s' はありません（taisaku org list で一覧できます）",
			"no organisation '%s' (taisaku org list lists them)", org);
	return TK_OK;
}

/* Runs an INSERT ... RETURNING id in its own transaction. A name that is
 * taken is checked first, so that the message says so plainly. */
static tk_status insert_returning(tk_store *s, tk_db_stmt *st, int64_t *id, tk_error *err)
{
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW && id)
		*id = s->ops->column_int(st, 0);
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

tk_status tk_store_org_add(tk_store *s, const char *name, int64_t *id, tk_error *err)
{
	tk_status rc = check_name("組織", "organisation", name, err);
	if (rc || (rc = store_tx_begin(s, err)))
		return rc;
	int64_t existing;
	tk_error probe = { 0 };
	if (store_org_id(s, name, &existing, &probe) == TK_OK) {
		rc = tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "組織 '%s' はすでにあります",
			"organisation '%s' already exists", name);
	} else {
		tk_db_stmt *st;
		char now[32];
		store_now(now);
		if (!(rc = store_stmt(s, Q_ORG_ADD, &st, err))) {
			s->ops->bind_text(st, 1, name);
			s->ops->bind_text(st, 2, now);
			rc = insert_returning(s, st, id, err);
		}
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

tk_status tk_store_org_list(tk_store *s, tk_arena *a, tk_store_org **out, size_t *n, tk_error *err)
{
	*out = NULL;
	*n = 0;
	tk_db_stmt *st;
	tk_status rc = store_stmt(s, Q_ORG_LIST, &st, err);
	if (rc)
		return rc;
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_store_org *o = store_grow(a, (void **)out, n, &cap, sizeof(**out));
		if (!o)
			return s->ops->reset(st), store_nomem(err);
		o->id = s->ops->column_int(st, 0);
		o->name = store_col_text(s, st, 1, a, false);
		o->created_at = store_col_text(s, st, 2, a, false);
		o->n_systems = (size_t)s->ops->column_int(st, 3);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}

void store_read_system(tk_store *s, tk_db_stmt *st, int i, tk_arena *a, tk_store_system *y)
{
	y->id = s->ops->column_int(st, i);
	y->org_id = s->ops->column_int(st, i + 1);
	y->org = store_col_text(s, st, i + 2, a, false);
	y->name = store_col_text(s, st, i + 3, a, false);
	y->industry = store_col_text(s, st, i + 4, a, false);
	y->size = store_col_text(s, st, i + 5, a, false);
	y->created_at = store_col_text(s, st, i + 6, a, false);
	y->n_rounds = (size_t)s->ops->column_int(st, i + 7);
}

tk_status tk_store_system_find(tk_store *s, const char *org, const char *name,
	tk_store_system *out, tk_arena *a, tk_error *err)
{
	memset(out, 0, sizeof(*out));
	tk_status rc = check_name("システム", "system", name, err);
	if (rc)
		return rc;
	tk_db_stmt *st;
	if (org && (rc = store_org_id(s, org, &(int64_t){ 0 }, err)))
		return rc;
	if ((rc = store_stmt(s, org ? Q_SYS_FIND : Q_SYS_FIND_ANY, &st, err)))
		return rc;
	s->ops->bind_text(st, 1, org ? org : name);
	if (org)
		s->ops->bind_text(st, 2, name);
	tk_db_step r = s->ops->step(st, err);
	if (r == TK_DB_ROW)
		store_read_system(s, st, 0, a, out);
	/* Without --org, a second row means the name is ambiguous. */
	const char *other = NULL;
	if (r == TK_DB_ROW && !org) {
		tk_db_step r2 = s->ops->step(st, err);
		if (r2 == TK_DB_ROW)
			other = store_col_text(s, st, 2, a, false);
		else if (r2 == TK_DB_FAILED)
			r = r2;
	}
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	if (r != TK_DB_ROW)
		return org ? tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
				"組織 '%s' にシステム '%s' はありません（taisaku system list --org で一覧できます）",
				"organisation '%s' has no system '%s' (taisaku system list --org lists them)", org, name)
			: tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
				"システム '%s' はありません（taisaku system add で登録できます）",
				"no system '%s' (taisaku system add registers one)", name);
	if (other)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
			"システム '%s' は複数の組織（%s、%s ほか）にあります。--org で組織を指定してください",
			"more than one organisation has a system '%s' (%s, %s, ...): name one with --org",
			name, out->org, other);
	return TK_OK;
}

tk_status tk_store_system_add(tk_store *s, const char *org, const char *name,
	const char *industry, const char *size, int64_t *id, tk_error *err)
{
	tk_status rc = check_name("システム", "system", name, err);
	if (rc || (rc = check_name("組織", "organisation", org, err)) || (rc = store_tx_begin(s, err)))
		return rc;
	int64_t org_id = 0;
	if (!(rc = store_org_id(s, org, &org_id, err))) {
		tk_arena *a = tk_arena_new(1024);
		tk_store_system y;
		tk_error probe = { 0 };
		if (!a)
			rc = store_nomem(err);
		else if (tk_store_system_find(s, org, name, &y, a, &probe) == TK_OK)
			rc = tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "組織 '%s' にはシステム '%s' がすでにあります",
				"organisation '%s' already has a system '%s'", org, name);
		tk_arena_free(a);
	}
	tk_db_stmt *st;
	if (!rc && !(rc = store_stmt(s, Q_SYS_ADD, &st, err))) {
		char now[32];
		store_now(now);
		s->ops->bind_int(st, 1, org_id);
		s->ops->bind_text(st, 2, name);
		s->ops->bind_text(st, 3, industry ? industry : "");
		s->ops->bind_text(st, 4, size ? size : "");
		s->ops->bind_text(st, 5, now);
		rc = insert_returning(s, st, id, err);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

tk_status tk_store_system_set(tk_store *s, const char *org, const char *name,
	const char *industry, const char *size, tk_error *err)
{
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	tk_arena *a = tk_arena_new(1024);
	tk_store_system y;
	if (!a)
		rc = store_nomem(err);
	else
		rc = tk_store_system_find(s, org, name, &y, a, err);
	const char *values[2] = { industry, size };
	const store_sql qs[2] = { Q_SYS_SET_INDUSTRY, Q_SYS_SET_SIZE };
	for (int k = 0; k < 2 && !rc; k++) {
		tk_db_stmt *st;
		if (!values[k] || (rc = store_stmt(s, qs[k], &st, err)))
			continue;
		s->ops->bind_text(st, 1, values[k]);
		s->ops->bind_int(st, 2, y.id);
		rc = store_done(s, st, err);
	}
	tk_arena_free(a);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

tk_status tk_store_system_list(tk_store *s, const char *org, tk_arena *a,
	tk_store_system **out, size_t *n, tk_error *err)
{
	*out = NULL;
	*n = 0;
	int64_t org_id;
	tk_status rc = store_org_id(s, org, &org_id, err);
	tk_db_stmt *st;
	if (rc || (rc = store_stmt(s, Q_SYS_LIST, &st, err)))
		return rc;
	s->ops->bind_int(st, 1, org_id);
	size_t cap = 0;
	tk_db_step r;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		tk_store_system *y = store_grow(a, (void **)out, n, &cap, sizeof(**out));
		if (!y)
			return s->ops->reset(st), store_nomem(err);
		store_read_system(s, st, 0, a, y);
	}
	s->ops->reset(st);
	return r == TK_DB_FAILED ? err->status : TK_OK;
}
