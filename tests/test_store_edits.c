/* Ratings saved beside a round's document (store_edits.c, issue 6) against
 * a real database: a new SQLite file, or TAISAKU_TEST_DB. A saved rating is
 * in the round's content (load, current document, rows), a new document
 * takes it in and empties the saved ones, a closed round refuses a save and
 * deleting a round deletes its saved ratings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/lib/store_internal.h"
#include "ecom_fixture.h"
#include "taisaku/report.h"
#include "taisaku/store.h"
#include "taisaku/users.h"
#include "taisaku/workbook.h"
#include "testutil.h"

static char tmpdir[256];
static char url[512];
static tk_store *store;

#define EX_2026 TK_SOURCE_ROOT "/examples/ordinary-company-2026.yaml"

static int group_setup(void **state)
{
	if (ecom_setup(state))
		return -1;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/taisaku-edits-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	const char *env = getenv("TAISAKU_TEST_DB");
	if (env && *env)
		snprintf(url, sizeof(url), "%s", env);
	else
		snprintf(url, sizeof(url), "sqlite:%s/store.db", tmpdir);
	tk_error err = { 0 };
	if (tk_store_init(url, &store, NULL, &err)) {
		fprintf(stderr, "%s\n", err.en);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	tk_store_close(store);
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	return ecom_teardown(state);
}

/* A new organisation with the 2026 example as its one round. */
static int64_t new_round(const char *org)
{
	tk_error err = { 0 };
	int64_t id = 0;
	assert_int_equal(tk_store_org_add(store, org, NULL, &err), TK_OK);
	assert_int_equal(tk_store_system_add(store, org, "受注管理システム", NULL, NULL, NULL, &err), TK_OK);
	assert_int_equal(tk_store_round_import_file(store, org, "受注管理システム", EX_2026, ecom_resolve, NULL, &id,
		&err), TK_OK);
	return id;
}

static size_t req_index(const char *id)
{
	const tk_requirement *q = tk_catalog_requirement(ecom, id);
	assert_non_null(q);
	return (size_t)(q - ecom->requirements);
}

/* Saves one rating as taisaku serve does: evaluate, set, evaluate again,
 * store what changed (or, with in_full, every row again). */
static tk_status rate_as(int64_t round, const char *item, const char *rating, bool in_full, tk_error *err)
{
	tk_assessment *a = NULL;
	tk_evaluation *before = NULL, *e = NULL;
	char one[512];
	snprintf(one, sizeof(one), "{\"%s\":%s}", item, rating);
	tk_status rc = tk_store_round_load(store, round, ecom_resolve, NULL, &a, err);
	if (!rc)
		rc = tk_evaluate(a, &before, err);
	if (!rc)
		rc = tk_assessment_set_ratings(a, item, one, strlen(one), ecom_resolve, NULL, err);
	if (!rc)
		rc = tk_evaluate(a, &e, err);
	if (!rc)
		rc = tk_store_round_rate(store, round, in_full ? NULL : before, e, item, rating, err);
	tk_evaluation_free(before);
	tk_evaluation_free(e);
	tk_assessment_free(a);
	return rc;
}

static tk_status rate(int64_t round, const char *item, const char *rating, tk_error *err)
{
	return rate_as(round, item, rating, false, err);
}

/* Every row the store keeps of a round's evaluation, as text. */
static char *rows_of(int64_t round)
{
	static const char *const sql[] = {
		"SELECT seq, item, domain, status, rating, importance, core, ranks, achieved, target FROM ratings "
		"WHERE round_id = ? ORDER BY seq",
		"SELECT scope, seq, ref, level, target FROM round_levels WHERE round_id = ? ORDER BY scope, seq",
		"SELECT level, target_mean, complete, n_items, n_met, n_under, n_over, n_unknown, n_na, n_unassessed "
		"FROM rounds WHERE id = ?",
	};
	static const int columns[] = { 10, 5, 10 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	tk_error err = { 0 };
	for (size_t q = 0; q < sizeof(sql) / sizeof(*sql); q++) {
		tk_db_stmt *st;
		assert_int_equal(store->ops->prepare(store->db, sql[q], &st, &err), TK_OK);
		store->ops->bind_int(st, 1, round);
		size_t n = 0;
		for (tk_db_step r; (r = store->ops->step(st, &err)) == TK_DB_ROW; n++) {
			for (int c = 0; c < columns[q]; c++)
				fprintf(f, "%s|", store->ops->column_null(st, c) ? "NULL" : store->ops->column_text(st, c));
			fputc('\n', f);
		}
		store->ops->finalize(st);
		assert_true(n > 0);
	}
	fclose(f);
	return buf;
}

/* Only the rows a saved rating changes are written; they end as they would
 * when every row is written again (the same saves, two rounds). */
static void test_changed_rows_only(void **state)
{
	(void)state;
	tk_error err = { 0 };
	int64_t changed = new_round("変更分の組織"), full = new_round("全行の組織");
	static const char *const saves[][2] = {
		{ "Ma1.1", "{\"core\":1,\"study\":\"C\",\"process\":\"C\",\"management\":\"C\",\"review\":\"C\","
			  "\"documentation\":\"C\"}" },
		{ "Tb1.7", "{\"unknown\":true}" },
		{ "Ma1.2", "{\"na\":\"対象外の理由\"}" },
		{ "Ma1.1", "{\"core\":5,\"study\":\"A\",\"process\":\"A\",\"management\":\"A\",\"review\":\"A\","
			  "\"documentation\":\"A\"}" },
	};
	char *before = rows_of(changed);
	for (size_t i = 0; i < sizeof(saves) / sizeof(*saves); i++) {
		assert_int_equal(rate_as(changed, saves[i][0], saves[i][1], false, &err), TK_OK);
		assert_int_equal(rate_as(full, saves[i][0], saves[i][1], true, &err), TK_OK);
		char *x = rows_of(changed), *y = rows_of(full);
		assert_string_equal(x, y);
		free(x);
		free(y);
	}
	char *after = rows_of(changed);
	assert_string_not_equal(before, after); /* the saves did change rows */
	free(before);
	free(after);
}

static void test_saved_rating_is_the_content(void **state)
{
	(void)state;
	tk_error err = { 0 };
	int64_t round = new_round("保存の組織");
	tk_arena *ar = tk_arena_new(4096);
	const char *json, *original, *current;
	size_t olen, clen;
	assert_int_equal(tk_store_round_edits(store, round, ar, &json, &err), TK_OK);
	assert_null(json);
	assert_int_equal(tk_store_round_document(store, round, ar, &original, &olen, &err), TK_OK);
	assert_int_equal(tk_store_round_current(store, round, ecom_resolve, NULL, ar, &current, &clen, &err), TK_OK);
	assert_int_equal(clen, olen); /* nothing saved: the imported bytes */
	assert_memory_equal(current, original, olen);

	tk_round_key k0, k1;
	assert_int_equal(tk_store_round_key(store, round, &k0, &err), TK_OK);
	assert_int_equal(rate(round, "Ma1.1", "{\"na\":\"保存の試験の理由\"}", &err), TK_OK);
	assert_int_equal(rate(round, "Ma1.1", "{\"na\":\"二度目の理由\"}", &err), TK_OK); /* the later one wins */
	assert_int_equal(rate(round, "Tb1.7", "{\"unknown\":true,\"note\":\"確認中\"}", &err), TK_OK);
	assert_int_equal(tk_store_round_key(store, round, &k1, &err), TK_OK);
	assert_int_equal(k1.revision, k0.revision + 3);

	/* The document is not rewritten; the saved ratings are beside it. */
	const char *doc;
	size_t dlen;
	assert_int_equal(tk_store_round_document(store, round, ar, &doc, &dlen, &err), TK_OK);
	assert_int_equal(dlen, olen);
	assert_int_equal(tk_store_round_edits(store, round, ar, &json, &err), TK_OK);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"Ma1.1\":{\"na\":\"二度目の理由\"}"));
	assert_non_null(strstr(json, "\"Tb1.7\""));

	/* The content: loaded, and as a document, has them. */
	tk_assessment *a = NULL;
	assert_int_equal(tk_store_round_load(store, round, ecom_resolve, NULL, &a, &err), TK_OK);
	assert_int_equal(a->ratings[req_index("Ma1.1")].kind, TK_RATING_NA);
	assert_string_equal(a->ratings[req_index("Ma1.1")].na_reason, "二度目の理由");
	assert_int_equal(a->ratings[req_index("Tb1.7")].kind, TK_RATING_UNKNOWN);
	assert_int_equal(tk_store_round_current(store, round, ecom_resolve, NULL, ar, &current, &clen, &err), TK_OK);
	assert_non_null(strstr(current, "二度目の理由"));
	assert_non_null(strstr(current, "確認中"));

	/* The rows follow: the summary counts what the content says. */
	tk_evaluation *e = NULL;
	assert_int_equal(tk_evaluate(a, &e, &err), TK_OK);
	tk_store_round x;
	assert_int_equal(tk_store_round_get(store, round, ar, &x, &err), TK_OK);
	assert_int_equal(x.n_na, e->n_na);
	assert_int_equal(x.n_unknown, e->n_unknown);
	tk_evaluation_free(e);

	/* A new document takes them in and empties the saved ones. */
	tk_store_doc *d = NULL;
	assert_int_equal(tk_store_doc_prepare("folded.yaml", current, clen, ecom_resolve, NULL, &d, &err), TK_OK);
	assert_int_equal(tk_store_round_replace(store, round, d, &err), TK_OK);
	tk_store_doc_free(d);
	assert_int_equal(tk_store_round_edits(store, round, ar, &json, &err), TK_OK);
	assert_null(json);
	assert_int_equal(tk_store_round_current(store, round, ecom_resolve, NULL, ar, &doc, &dlen, &err), TK_OK);
	assert_non_null(strstr(doc, "二度目の理由"));
	tk_assessment_free(a);

	/* A closed round refuses a save and keeps nothing of it. */
	assert_int_equal(rate(round, "Ma1.2", "{\"unknown\":true}", &err), TK_OK);
	assert_int_equal(tk_store_round_delete(store, round, &err), TK_OK); /* open: its saved ratings go too */
	int64_t closed = new_round("確定の組織");
	assert_int_equal(tk_store_round_close(store, closed, &err), TK_OK);
	assert_int_equal(rate(closed, "Ma1.2", "{\"unknown\":true}", &err), TK_EINPUT);
	assert_int_equal(tk_store_round_edits(store, closed, ar, &json, &err), TK_OK);
	assert_null(json);
	tk_arena_free(ar);
}

static void test_bad_rating_refused(void **state)
{
	(void)state;
	tk_error err = { 0 };
	int64_t round = new_round("誤りの組織");
	tk_assessment *a = NULL;
	assert_int_equal(tk_store_round_load(store, round, ecom_resolve, NULL, &a, &err), TK_OK);
	const char *bad = "{\"Ma1.1\":{\"core\":9}}";
	assert_int_not_equal(tk_assessment_set_ratings(a, "Ma1.1", bad, strlen(bad), ecom_resolve, NULL, &err), TK_OK);
	assert_non_null(strstr(err.en, "Ma1.1"));
	const char *not_object = "[1]";
	assert_int_equal(tk_assessment_set_ratings(a, "x", not_object, strlen(not_object), ecom_resolve, NULL, &err),
		TK_EINPUT);
	tk_assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_saved_rating_is_the_content),
		cmocka_unit_test(test_bad_rating_refused),
		cmocka_unit_test(test_changed_rows_only),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
