/* The store against a real database: a new SQLite file in a temporary
 * directory, or the database named by TAISAKU_TEST_DB (the PostgreSQL
 * harness sets it). Tests share the database, so each uses its own
 * organisation names and never assumes an empty store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ecom_fixture.h"
#include "taisaku/file.h"
#include "taisaku/store.h"
#include "store_fixture.h"
#include "testutil.h"

static char tmpdir[256];
static char url[512];
static tk_store *store;

#define EX_2025 TK_SOURCE_ROOT "/examples/ordinary-company-2025.yaml"
#define EX_2026 TK_SOURCE_ROOT "/examples/ordinary-company-2026.yaml"
#define SMALL TK_SOURCE_ROOT "/examples/small-company.yaml"
#define BAD TK_SOURCE_ROOT "/tests/data/assessments/bad-key.yaml"

static int group_setup(void **state)
{
	if (ecom_setup(state))
		return -1;
	return store_fixture_open("/tmp/taisaku-store-XXXXXX", tmpdir, url, &store);
}

static int group_teardown(void **state)
{
	store_fixture_close(store, tmpdir);
	return ecom_teardown(state);
}

/* An organisation with one system, named after the test. */
static void org_with_system(const char *org, const char *system)
{
	tk_error err = { 0 };
	assert_int_equal(tk_store_org_add(store, org, NULL, &err), TK_OK);
	assert_int_equal(tk_store_system_add(store, org, system, "製造業", "中堅", NULL, &err), TK_OK);
}

static size_t count_rounds(const char *org, const char *system)
{
	tk_arena *a = tk_arena_new(4096);
	tk_store_round *v;
	size_t n = 0;
	tk_error err = { 0 };
	assert_int_equal(tk_store_round_list(store, org, system, a, &v, &n, &err), TK_OK);
	tk_arena_free(a);
	return n;
}

static void test_init_is_idempotent(void **state)
{
	(void)state;
	tk_error err = { 0 };
	tk_store *again;
	int applied = -1, version = 0;
	assert_int_equal(tk_store_init(url, &again, &applied, &err), TK_OK);
	assert_int_equal(applied, 0);
	assert_int_equal(tk_store_schema_version(again, &version, &err), TK_OK);
	assert_true(version >= 1);
	tk_store_close(again);
}

static void test_open_refuses_missing_and_uninitialised(void **state)
{
	(void)state;
	char path[400], u[420];
	snprintf(path, sizeof(path), "%s/missing.db", tmpdir);
	snprintf(u, sizeof(u), "sqlite:%s", path);
	tk_error err = { 0 };
	tk_store *s = NULL;
	assert_int_not_equal(tk_store_open(u, &s, &err), TK_OK);
	assert_null(s);
	struct stat sb;
	assert_int_not_equal(stat(path, &sb), 0); /* no empty file left behind */
	/* A file that is there but was never initialised. */
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	tk_error_clear(&err);
	assert_int_equal(tk_store_open(u, &s, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "not initialised"));
	/* Not a database at all. */
	f = fopen(path, "w");
	fputs("this is not a database, just text that is long enough to have a header........\n", f);
	fclose(f);
	tk_error_clear(&err);
	assert_int_not_equal(tk_store_open(u, &s, &err), TK_OK);
	tk_error_clear(&err);
	assert_int_equal(tk_store_open("mysql://localhost/x", &s, &err), TK_EINPUT);
}

static void test_orgs_and_systems(void **state)
{
	(void)state;
	tk_error err = { 0 };
	int64_t id = 0;
	assert_int_equal(tk_store_org_add(store, "組織A", &id, &err), TK_OK);
	assert_true(id > 0);
	/* A second organisation of the same name: refused, nothing added. */
	assert_int_equal(tk_store_org_add(store, "組織A", NULL, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "already exists"));
	tk_error_clear(&err);
	assert_int_equal(tk_store_org_add(store, "", NULL, &err), TK_EINPUT);
	tk_error_clear(&err);
	assert_int_equal(tk_store_system_add(store, "組織A", "基幹", "金融", "大", NULL, &err), TK_OK);
	assert_int_equal(tk_store_system_add(store, "組織A", "基幹", NULL, NULL, NULL, &err), TK_EINPUT);
	tk_error_clear(&err);
	assert_int_equal(tk_store_system_add(store, "組織なし", "基幹", NULL, NULL, NULL, &err), TK_ENOTFOUND);
	tk_error_clear(&err);
	assert_int_equal(tk_store_system_add(store, "組織A", "情報系", NULL, NULL, NULL, &err), TK_OK);
	assert_int_equal(tk_store_system_set(store, "組織A", "情報系", "金融", NULL, &err), TK_OK);

	tk_arena *a = tk_arena_new(4096);
	tk_store_org *orgs;
	size_t n;
	assert_int_equal(tk_store_org_list(store, a, &orgs, &n, &err), TK_OK);
	size_t found = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(orgs[i].name, "組織A") == 0)
			found++, assert_int_equal(orgs[i].n_systems, 2);
	assert_int_equal(found, 1);
	tk_store_system *ys;
	assert_int_equal(tk_store_system_list(store, "組織A", a, &ys, &n, &err), TK_OK);
	assert_int_equal(n, 2);
	assert_string_equal(ys[0].name, "基幹"); /* by name */
	assert_string_equal(ys[0].industry, "金融");
	assert_string_equal(ys[0].size, "大");
	assert_string_equal(ys[1].name, "情報系");
	assert_string_equal(ys[1].industry, "金融");
	assert_string_equal(ys[1].size, "");

	/* The same system name in a second organisation: ambiguous without --org. */
	assert_int_equal(tk_store_org_add(store, "組織B", NULL, &err), TK_OK);
	assert_int_equal(tk_store_system_add(store, "組織B", "基幹", NULL, NULL, NULL, &err), TK_OK);
	tk_store_system y;
	assert_int_equal(tk_store_system_find(store, NULL, "基幹", &y, a, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "--org"));
	tk_error_clear(&err);
	assert_int_equal(tk_store_system_find(store, "組織B", "基幹", &y, a, &err), TK_OK);
	assert_string_equal(y.org, "組織B");
	tk_arena_free(a);
}

/* Two rounds of one system: stored levels equal a direct evaluation, the
 * documents come back byte for byte, the catalog text is kept. */
static void test_import_history_export(void **state)
{
	(void)state;
	const char *org = "株式会社北辰精機製作所";
	org_with_system(org, "受注管理システム");
	tk_error err = { 0 };
	int64_t r1 = 0, r2 = 0;
	/* Imported newest first: history is still by date. */
	assert_int_equal(tk_store_round_import_file(store, org, NULL, EX_2026, ecom_resolve, NULL, &r2, &err), TK_OK);
	assert_int_equal(tk_store_round_import_file(store, org, "受注管理システム", EX_2025, ecom_resolve, NULL, &r1, &err),
		TK_OK);
	assert_true(r1 > r2);

	tk_arena *a = tk_arena_new(64 * 1024);
	tk_store_round *v;
	size_t n;
	assert_int_equal(tk_store_history(store, org, "受注管理システム", a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, r1);
	assert_string_equal(v[0].date, "2025-06-13");
	assert_int_equal(v[1].id, r2);
	assert_string_equal(v[1].date, "2026-06-12");
	const char *files[2] = { EX_2025, EX_2026 };
	for (int k = 0; k < 2; k++) {
		tk_assessment *as;
		tk_evaluation *e;
		assert_int_equal(tk_assessment_load_file(files[k], ecom_resolve, NULL, &as, &err), TK_OK);
		assert_int_equal(tk_evaluate(as, &e, &err), TK_OK);
		assert_true(v[k].counted);
		assert_true(v[k].level == e->system.level); /* stored exactly, not rounded */
		assert_int_equal(v[k].target, as->level);
		assert_int_equal(v[k].n_under, e->n_under);
		assert_int_equal(v[k].n_unknown, e->n_unknown);
		assert_int_equal(v[k].n_requirements, 117);
		assert_int_equal(v[k].n_domains, ecom->n_domains);
		for (size_t d = 0; d < ecom->n_domains; d++) {
			assert_string_equal(v[k].domains[d].id, ecom->domains[d].id);
			assert_int_equal(v[k].domains[d].counted, e->domains[d].counted);
			if (e->domains[d].counted)
				assert_true(v[k].domains[d].level == e->domains[d].level);
		}
		assert_string_equal(v[k].catalog_id, "ecom-2004");
		assert_false(v[k].closed);

		/* Export: the same bytes. */
		char *orig;
		size_t olen;
		assert_int_equal(tk_file_read(files[k], &orig, &olen, &err), TK_OK);
		const char *doc;
		size_t dlen;
		assert_int_equal(tk_store_round_document(store, v[k].id, a, &doc, &dlen, &err), TK_OK);
		assert_int_equal(dlen, olen);
		assert_memory_equal(doc, orig, olen);
		free(orig);

		/* The stored catalog is the text the round was evaluated with, and
		 * evaluating the stored document against it gives the same level. */
		const char *ctext;
		size_t clen;
		assert_int_equal(tk_store_round_catalog(store, v[k].id, a, &ctext, &clen, &err), TK_OK);
		tk_catalog *stored;
		assert_int_equal(tk_catalog_load_buffer("stored", ctext, clen, &stored, &err), TK_OK);
		const tk_catalog *saved = ecom;
		ecom = stored;
		tk_assessment *again;
		tk_evaluation *e2;
		assert_int_equal(tk_assessment_load_buffer("stored", doc, dlen, ecom_resolve, NULL, &again, &err), TK_OK);
		assert_int_equal(tk_evaluate(again, &e2, &err), TK_OK);
		assert_true(e2->system.level == v[k].level);
		tk_evaluation_free(e2);
		tk_assessment_free(again);
		ecom = (tk_catalog *)saved;
		tk_catalog_free(stored);
		tk_evaluation_free(e);
		tk_assessment_free(as);
	}
	/* Both rounds share one stored catalog (same hash). */
	assert_string_equal(v[0].catalog_hash, v[1].catalog_hash);
	assert_int_equal(strlen(v[0].catalog_hash), 64);

	/* The portfolio shows the latest round by date, not by import. */
	assert_int_equal(tk_store_system_add(store, org, "新システム", NULL, NULL, NULL, &err), TK_OK);
	tk_store_portfolio_row *p;
	assert_int_equal(tk_store_portfolio(store, org, a, &p, &n, &err), TK_OK);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].system.name, "受注管理システム");
	assert_true(p[0].has_round);
	assert_int_equal(p[0].latest.id, r2);
	assert_int_equal(p[0].system.n_rounds, 2);
	assert_string_equal(p[1].system.name, "新システム");
	assert_false(p[1].has_round);
	tk_arena_free(a);
}

static void test_closed_round_is_immutable(void **state)
{
	(void)state;
	org_with_system("確定テスト", "対象");
	tk_error err = { 0 };
	int64_t r = 0, open_round = 0;
	assert_int_equal(tk_store_round_import_file(store, "確定テスト", "対象", EX_2025, ecom_resolve, NULL, &r, &err),
		TK_OK);
	assert_int_equal(tk_store_round_import_file(store, "確定テスト", "対象", EX_2026, ecom_resolve, NULL, &open_round,
		&err), TK_OK);
	assert_int_equal(tk_store_round_close(store, r, &err), TK_OK);
	assert_int_equal(tk_store_round_close(store, r, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "already closed"));
	tk_error_clear(&err);
	assert_int_equal(tk_store_round_delete(store, r, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "closed"));
	tk_error_clear(&err);
	tk_arena *a = tk_arena_new(4096);
	tk_store_round got;
	assert_int_equal(tk_store_round_get(store, r, a, &got, &err), TK_OK);
	assert_true(got.closed);
	assert_non_null(got.closed_at);
	/* Its rows are all still there: history still has its domain levels. */
	tk_store_round *v;
	size_t n;
	assert_int_equal(tk_store_history(store, "確定テスト", "対象", a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].n_domains, ecom->n_domains);
	/* An open round can be deleted, with its rows. */
	assert_int_equal(tk_store_round_delete(store, open_round, &err), TK_OK);
	assert_int_equal(tk_store_round_get(store, open_round, a, &got, &err), TK_ENOTFOUND);
	tk_error_clear(&err);
	assert_int_equal(count_rounds("確定テスト", "対象"), 1);
	assert_int_equal(tk_store_round_close(store, 999999999, &err), TK_ENOTFOUND);
	tk_arena_free(a);
}

static void test_bad_input_writes_nothing(void **state)
{
	(void)state;
	org_with_system("誤りテスト", "対象");
	tk_error err = { 0 };
	/* Unknown system (the document's own name is not registered). */
	assert_int_equal(tk_store_round_import_file(store, "誤りテスト", NULL, SMALL, ecom_resolve, NULL, NULL, &err),
		TK_ENOTFOUND);
	tk_error_clear(&err);
	/* A malformed document: the error names the file, line, column and key. */
	assert_int_equal(tk_store_round_import_file(store, "誤りテスト", "対象", BAD, ecom_resolve, NULL, NULL, &err),
		TK_EINPUT);
	assert_non_null(strstr(err.file, "bad-key.yaml"));
	assert_true(err.line > 0 && err.column > 0);
	assert_string_equal(err.key, "proces");
	tk_error_clear(&err);
	/* Not there at all. */
	assert_int_not_equal(tk_store_round_import_file(store, "誤りテスト", "対象", "/nonexistent.yaml", ecom_resolve,
		NULL, NULL, &err), TK_OK);
	tk_error_clear(&err);
	assert_int_equal(count_rounds("誤りテスト", "対象"), 0);

	/* A batch with one bad file: rolled back, none of it stays. */
	assert_int_equal(tk_store_begin(store, &err), TK_OK);
	assert_int_equal(tk_store_round_import_file(store, "誤りテスト", "対象", EX_2025, ecom_resolve, NULL, NULL, &err),
		TK_OK);
	assert_int_equal(tk_store_round_import_file(store, "誤りテスト", "対象", BAD, ecom_resolve, NULL, NULL, &err),
		TK_EINPUT);
	tk_store_rollback(store);
	tk_error_clear(&err);
	assert_int_equal(count_rounds("誤りテスト", "対象"), 0);

	/* A good batch commits all of it, once. */
	assert_int_equal(tk_store_begin(store, &err), TK_OK);
	assert_int_equal(tk_store_begin(store, &err), TK_EINPUT);
	tk_error_clear(&err);
	assert_int_equal(tk_store_round_import_file(store, "誤りテスト", "対象", EX_2025, ecom_resolve, NULL, NULL, &err),
		TK_OK);
	assert_int_equal(tk_store_round_import_file(store, "誤りテスト", "対象", EX_2026, ecom_resolve, NULL, NULL, &err),
		TK_OK);
	assert_int_equal(tk_store_commit(store, &err), TK_OK);
	assert_int_equal(count_rounds("誤りテスト", "対象"), 2);

	/* Unknown organisation and system in queries. */
	tk_arena *a = tk_arena_new(4096);
	tk_store_portfolio_row *p;
	size_t n;
	assert_int_equal(tk_store_portfolio(store, "ない組織", a, &p, &n, &err), TK_ENOTFOUND);
	tk_error_clear(&err);
	tk_store_round *v;
	assert_int_equal(tk_store_history(store, "誤りテスト", "ないシステム", a, &v, &n, &err), TK_ENOTFOUND);
	tk_arena_free(a);
}

/* The pipelined batch: all files in one transaction, or none. */
static void test_import_files(void **state)
{
	(void)state;
	org_with_system("一括テスト", "対象");
	tk_error err = { 0 };
	size_t done = 99;
	const char *bad[] = { EX_2025, EX_2026, BAD, EX_2025 };
	assert_int_equal(tk_store_round_import_files(store, "一括テスト", "対象", bad, 4, ecom_resolve, NULL, &done, &err),
		TK_EINPUT);
	assert_int_equal(done, 0);
	assert_non_null(strstr(err.file, "bad-key.yaml"));
	tk_error_clear(&err);
	assert_int_equal(count_rounds("一括テスト", "対象"), 0);
	/* More files than the queue holds, so that the reader waits for room. */
	const char *good[20];
	for (int i = 0; i < 20; i++)
		good[i] = i % 2 ? EX_2026 : EX_2025;
	assert_int_equal(tk_store_round_import_files(store, "一括テスト", "対象", good, 20, ecom_resolve, NULL, &done,
		&err), TK_OK);
	assert_int_equal(done, 20);
	assert_int_equal(count_rounds("一括テスト", "対象"), 20);
	/* A failure late in a long batch (the reader is ahead) also leaves nothing. */
	const char *late[20];
	for (int i = 0; i < 20; i++)
		late[i] = i == 17 ? BAD : EX_2025;
	assert_int_equal(tk_store_round_import_files(store, "一括テスト", "対象", late, 20, ecom_resolve, NULL, &done, &err),
		TK_EINPUT);
	tk_error_clear(&err);
	assert_int_equal(count_rounds("一括テスト", "対象"), 20);
}

/* A second connection sees what the first committed (durable at commit,
 * not only in the first connection's cache). */
static void test_second_connection_sees_commits(void **state)
{
	(void)state;
	org_with_system("接続テスト", "対象");
	tk_error err = { 0 };
	int64_t r = 0;
	assert_int_equal(tk_store_round_import_file(store, "接続テスト", "対象", EX_2026, ecom_resolve, NULL, &r, &err),
		TK_OK);
	tk_store *other;
	assert_int_equal(tk_store_open(url, &other, &err), TK_OK);
	tk_arena *a = tk_arena_new(64 * 1024);
	const char *doc;
	size_t len;
	assert_int_equal(tk_store_round_document(other, r, a, &doc, &len, &err), TK_OK);
	assert_true(len > 1000);
	tk_arena_free(a);
	tk_store_close(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_idempotent),
		cmocka_unit_test(test_open_refuses_missing_and_uninitialised),
		cmocka_unit_test(test_orgs_and_systems),
		cmocka_unit_test(test_import_history_export),
		cmocka_unit_test(test_closed_round_is_immutable),
		cmocka_unit_test(test_bad_input_writes_nothing),
		cmocka_unit_test(test_import_files),
		cmocka_unit_test(test_second_connection_sees_commits),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
