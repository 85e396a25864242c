/* Ratings saved since a round's document was last written (issue 6,
 * migration 0005): a save is one rating row in round_edits plus the round's
 * rows from the new evaluation, not a new document; the document with the
 * saved ratings applied is the round's content, read by
 * tk_store_round_load and tk_store_round_current, and folded into a new
 * document by the next tk_store_round_replace. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "taisaku/users.h"
#include "taisaku/workbook.h"


tk_status store_edits_clear(tk_store *s, int64_t round, tk_error *err)
{
	tk_db_stmt *st;
	tk_status rc = store_stmt_sql(s, SLOT_EDIT_CLEAR, "DELETE FROM round_edits WHERE round_id = ?", &st, err);
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, round);
	return store_done(s, st, err);
}

tk_status tk_store_round_lock(tk_store *s, int64_t round, tk_error *err)
{
	/* A write that changes nothing: PostgreSQL locks the row until the
	 * transaction ends (SQLite's writer holds the whole database already). */
	tk_db_stmt *st;
	tk_status rc = store_stmt_sql(s, SLOT_EDIT_LOCK, "UPDATE rounds SET closed = closed WHERE id = ? AND closed = 0 "
		"RETURNING id", &st, err);
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, round);
	tk_db_step r = s->ops->step(st, err);
	s->ops->reset(st);
	if (r == TK_DB_FAILED)
		return err->status;
	if (r != TK_DB_ROW)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "評価回 %lld は確定済みか、ありません",
			"round %lld is closed or absent", (long long)round);
	return TK_OK;
}

tk_status tk_store_round_rate(tk_store *s, int64_t round, const tk_evaluation *before, const tk_evaluation *e,
	const char *item, const char *rating_json, tk_error *err)
{
	const tk_requirement *q = tk_catalog_requirement(e->assessment->catalog, item);
	if (!q)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "%s はカタログにない要求です",
			"%s is not a requirement of the catalog", item);
	tk_status rc = store_tx_begin(s, err);
	if (rc)
		return rc;
	/* The rows first: they refuse a closed round before anything is kept. */
	tk_db_stmt *st;
	if (!(rc = before ? store_round_rows_since(s, round, before, e, (size_t)(q - e->assessment->catalog->requirements),
				    err)
			  : store_round_rewrite(s, round, e, NULL, 0, err)) &&
		!(rc = store_stmt_sql(s, SLOT_EDIT_PUT, "INSERT INTO round_edits (round_id, item, rating) VALUES (?, ?, ?) "
			"ON CONFLICT (round_id, item) DO UPDATE SET rating = excluded.rating", &st, err))) {
		s->ops->bind_int(st, 1, round);
		s->ops->bind_text(st, 2, item);
		s->ops->bind_text(st, 3, rating_json);
		rc = store_done(s, st, err);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s, err);
}

tk_status tk_store_round_edits(tk_store *s, int64_t round, tk_arena *a, const char **json, tk_error *err)
{
	*json = NULL;
	tk_db_stmt *st;
	tk_status rc = store_stmt_sql(s, SLOT_EDIT_LIST,
		"SELECT item, rating FROM round_edits WHERE round_id = ? ORDER BY item", &st, err);
	if (rc)
		return rc;
	s->ops->bind_int(st, 1, round);
	/* {"item":rating,...}: the ratings were stored as checked JSON, so they
	 * are put together as text, not parsed again here. */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f) {
		s->ops->reset(st);
		return store_nomem(err);
	}
	tk_db_step r;
	size_t n = 0;
	while ((r = s->ops->step(st, err)) == TK_DB_ROW) {
		json_t *key = json_string(s->ops->column_text(st, 0));
		char *k = key ? json_dumps(key, JSON_ENCODE_ANY) : NULL;
		json_decref(key);
		if (!k) {
			r = TK_DB_FAILED;
			store_nomem(err);
			break;
		}
		fprintf(f, "%s%s:%s", n++ ? "," : "{", k, s->ops->column_text(st, 1));
		free(k);
	}
	s->ops->reset(st);
	if (n)
		fputc('}', f);
	fclose(f);
	if (r == TK_DB_FAILED) {
		free(buf);
		return err->status;
	}
	if (n && !(*json = tk_arena_strndup(a, buf, len)))
		rc = store_nomem(err);
	free(buf);
	return rc;
}

tk_status tk_store_round_load(tk_store *s, int64_t round, tk_catalog_resolver resolve, void *ctx,
	tk_assessment **out, tk_error *err)
{
	*out = NULL;
	tk_arena *a = tk_arena_new(64 * 1024);
	if (!a)
		return store_nomem(err);
	tk_store_round x;
	const char *data, *edits;
	size_t len;
	tk_assessment *as = NULL;
	tk_status rc = tk_store_round_get(s, round, a, &x, err);
	if (!rc)
		rc = tk_store_round_document(s, round, a, &data, &len, err);
	if (!rc)
		rc = tk_store_round_edits(s, round, a, &edits, err);
	if (!rc)
		rc = tk_assessment_load_buffer(x.document_name, data, len, resolve, ctx, &as, err);
	if (!rc && edits)
		rc = tk_assessment_set_ratings(as, x.document_name, edits, strlen(edits), resolve, ctx, err);
	tk_arena_free(a);
	if (rc) {
		tk_assessment_free(as);
		return rc;
	}
	*out = as;
	return TK_OK;
}

tk_status tk_store_round_current(tk_store *s, int64_t round, tk_catalog_resolver resolve, void *ctx,
	tk_arena *a, const char **data, size_t *len, tk_error *err)
{
	const char *edits;
	tk_status rc = tk_store_round_edits(s, round, a, &edits, err);
	if (rc)
		return rc;
	if (!edits)
		return tk_store_round_document(s, round, a, data, len, err);
	tk_assessment *as;
	if ((rc = tk_store_round_load(s, round, resolve, ctx, &as, err)))
		return rc;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	rc = f ? tk_assessment_write_yaml(as, f, err) : store_nomem(err);
	if (f)
		fclose(f);
	tk_assessment_free(as);
	if (!rc && !(*data = tk_arena_strndup(a, buf, n)))
		rc = store_nomem(err);
	if (!rc)
		*len = n;
	free(buf);
	return rc;
}
