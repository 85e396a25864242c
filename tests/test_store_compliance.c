/* Compliance rounds in the store (issue 7), against a real database: a new
 * SQLite file in a temporary directory, or the database named by
 * TAISAKU_TEST_DB. The numbers the store keeps must be exactly what
 * tk_compliance_evaluate computes from the same file, the document must
 * come back byte for byte, and a closed round must not change. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compliance_fixture.h"
#include "taisaku/file.h"
#include "taisaku/store.h"
#include "taisaku/users.h"
#include "store_fixture.h"
#include "testutil.h"

static char tmpdir[256];
static char url[512];
static tk_store *store;

static const char *const EXAMPLES[] = { "defense-supplier-atla.yaml", "ministry-nisc.yaml",
	"space-operator-rules.yaml", "port-terminal-tos.yaml" };
#define PORT_2025 TK_SOURCE_ROOT "/tests/data/compliance/port-tos-2025.yaml"
#define PORT_2026 TK_SOURCE_ROOT "/examples/port-terminal-tos.yaml"

static int group_setup(void **state)
{
	(void)state;
	return store_fixture_open("/tmp/taisaku-storec-XXXXXX", tmpdir, url, &store);
}

static int group_teardown(void **state)
{
	store_fixture_close(store, tmpdir);
	return cfx_teardown(state);
}

static void org_with_system(const char *org, const char *system)
{
	tk_error err = { 0 };
	assert_int_equal(tk_store_org_add(store, org, NULL, &err), TK_OK);
	assert_int_equal(tk_store_system_add(store, org, system, NULL, NULL, NULL, &err), TK_OK);
}

/* The round's stored figures against a fresh evaluation of its file. */
static void assert_round_matches(const tk_store_round *r, const tk_compliance_result *e)
{
	const tk_compliance_tally *t = &e->overall;
	assert_true(r->is_compliance);
	assert_int_equal(r->compliance_counted, !isnan(t->compliance));
	if (r->compliance_counted)
		assert_true(r->compliance == t->compliance); /* stored exactly, not rounded */
	assert_int_equal(r->n_applicable, t->applicable);
	assert_int_equal(r->n_implemented, t->n[TK_CS_IMPLEMENTED]);
	assert_int_equal(r->n_partial, t->n[TK_CS_PARTIAL]);
	assert_int_equal(r->n_not_implemented, t->n[TK_CS_NOT_IMPLEMENTED]);
	assert_int_equal(r->n_na, t->n[TK_CS_NA]);
	assert_int_equal(r->n_unknown, t->n[TK_CS_UNKNOWN]);
	assert_int_equal(r->n_unassessed, t->n[TK_CS_UNASSESSED]);
	assert_int_equal(r->n_requirements, t->total);
	assert_int_equal(r->n_open, e->n_open);
	assert_false(r->counted); /* no ECOM level */
	assert_string_equal(r->catalog_id, e->assessment->catalog->id);
}

/* Every section of the round as history reads it back. */
static void assert_sections_match(const tk_store_round *r, const tk_compliance_result *e)
{
	const tk_catalog *cat = e->assessment->catalog;
	assert_int_equal(r->n_domains, cat->n_domains);
	for (size_t d = 0; d < cat->n_domains; d++) {
		assert_string_equal(r->domains[d].id, cat->domains[d].id);
		bool counted = !isnan(e->sections[d].compliance);
		assert_int_equal(r->domains[d].counted, counted);
		if (counted)
			assert_true(r->domains[d].level == e->sections[d].compliance);
	}
}

static void test_examples_stored_as_evaluated(void **state)
{
	(void)state;
	tk_error err = { 0 };
	for (size_t k = 0; k < sizeof(EXAMPLES) / sizeof(*EXAMPLES); k++) {
		char *text;
		size_t len;
		tk_compliance *c = cfx_example(EXAMPLES[k], &text, &len);
		tk_compliance_result *e;
		assert_int_equal(tk_compliance_evaluate(c, &e, &err), TK_OK);
		char org[64];
		snprintf(org, sizeof(org), "準拠性 %zu", k);
		org_with_system(org, c->system_name);
		int64_t id = 0;
		/* The system named by the document itself (system NULL). */
		assert_int_equal(tk_store_round_import(store, org, NULL, EXAMPLES[k], text, len, cfx_resolve, NULL, &id,
			&err), TK_OK);
		tk_arena *a = tk_arena_new(64 * 1024);
		tk_store_round got;
		assert_int_equal(tk_store_round_get(store, id, a, &got, &err), TK_OK);
		assert_round_matches(&got, e);
		assert_string_equal(got.date, c->date);

		tk_store_round *v;
		size_t n;
		assert_int_equal(tk_store_history(store, org, c->system_name, a, &v, &n, &err), TK_OK);
		assert_int_equal(n, 1);
		assert_round_matches(&v[0], e);
		assert_sections_match(&v[0], e);

		/* Export: the same bytes. */
		const char *doc;
		size_t dlen;
		assert_int_equal(tk_store_round_document(store, id, a, &doc, &dlen, &err), TK_OK);
		assert_int_equal(dlen, len);
		assert_memory_equal(doc, text, len);

		/* The portfolio shows the compliance round. */
		tk_store_portfolio_row *p;
		assert_int_equal(tk_store_portfolio(store, org, a, &p, &n, &err), TK_OK);
		assert_int_equal(n, 1);
		assert_true(p[0].has_round);
		assert_round_matches(&p[0].latest, e);
		tk_arena_free(a);
		tk_compliance_result_free(e);
		tk_compliance_free(c);
		free(text);
	}
}

static tk_compliance_result *evaluate_file(const char *path, tk_compliance **c)
{
	tk_error err = { 0 };
	tk_compliance_result *e;
	assert_int_equal(tk_compliance_load_file(path, cfx_resolve, NULL, c, &err), TK_OK);
	assert_int_equal(tk_compliance_evaluate(*c, &e, &err), TK_OK);
	return e;
}

static void test_history_two_rounds_and_closing(void **state)
{
	(void)state;
	const char *org = "青浜テスト", *sys = "TOS";
	org_with_system(org, sys);
	tk_error err = { 0 };
	int64_t r2026 = 0, r2025 = 0;
	/* Imported newest first: history is still by date. */
	assert_int_equal(tk_store_round_import_file(store, org, sys, PORT_2026, cfx_resolve, NULL, &r2026, &err), TK_OK);
	assert_int_equal(tk_store_round_import_file(store, org, sys, PORT_2025, cfx_resolve, NULL, &r2025, &err), TK_OK);
	tk_compliance *c25, *c26;
	tk_compliance_result *e25 = evaluate_file(PORT_2025, &c25), *e26 = evaluate_file(PORT_2026, &c26);
	/* The two files differ, so the test can tell the rounds apart. */
	assert_true(e25->overall.compliance != e26->overall.compliance);

	tk_arena *a = tk_arena_new(64 * 1024);
	tk_store_round *v;
	size_t n;
	assert_int_equal(tk_store_history(store, org, sys, a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, r2025);
	assert_int_equal(v[1].id, r2026);
	assert_round_matches(&v[0], e25);
	assert_sections_match(&v[0], e25);
	assert_round_matches(&v[1], e26);
	assert_sections_match(&v[1], e26);

	/* Closed: refused to close again or delete; every row still there. */
	assert_int_equal(tk_store_round_close(store, r2025, &err), TK_OK);
	assert_int_equal(tk_store_round_delete(store, r2025, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "closed"));
	tk_error_clear(&err);
	assert_int_equal(tk_store_history(store, org, sys, a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 2);
	assert_true(v[0].closed);
	assert_round_matches(&v[0], e25);
	assert_sections_match(&v[0], e25);
	char *orig;
	size_t olen;
	const char *doc;
	size_t dlen;
	assert_int_equal(tk_file_read(PORT_2025, &orig, &olen, &err), TK_OK);
	assert_int_equal(tk_store_round_document(store, r2025, a, &doc, &dlen, &err), TK_OK);
	assert_int_equal(dlen, olen);
	assert_memory_equal(doc, orig, olen);
	free(orig);

	/* An open compliance round is deleted with its summary and sections. */
	assert_int_equal(tk_store_round_delete(store, r2026, &err), TK_OK);
	tk_store_round got;
	assert_int_equal(tk_store_round_get(store, r2026, a, &got, &err), TK_ENOTFOUND);
	tk_error_clear(&err);
	assert_int_equal(tk_store_history(store, org, sys, a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, r2025);
	tk_arena_free(a);
	tk_compliance_result_free(e25);
	tk_compliance_result_free(e26);
	tk_compliance_free(c25);
	tk_compliance_free(c26);
}

/* A malformed compliance file is reported with its name and stores nothing. */
static void test_malformed_compliance_writes_nothing(void **state)
{
	(void)state;
	const char *org = "不正テスト", *sys = "TOS";
	org_with_system(org, sys);
	tk_error err = { 0 };
	const char *path = TK_SOURCE_ROOT "/tests/data/compliance/port-tos-malformed.yaml";
	assert_int_not_equal(tk_store_round_import_file(store, org, sys, path, cfx_resolve, NULL, NULL, &err), TK_OK);
	assert_non_null(strstr(err.file, "port-tos-malformed.yaml"));
	assert_true(err.line > 0);
	tk_error_clear(&err);
	tk_arena *a = tk_arena_new(4096);
	tk_store_round *v;
	size_t n = 9;
	assert_int_equal(tk_store_round_list(store, org, sys, a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 0);
	tk_arena_free(a);
}

/* A batch of one ECOM and one compliance file: one transaction, both
 * kinds side by side in one system's history. */
static void test_batch_mixes_kinds(void **state)
{
	(void)state;
	const char *org = "混在テスト", *sys = "両方";
	org_with_system(org, sys);
	tk_error err = { 0 };
	const char *files[] = { TK_SOURCE_ROOT "/examples/ordinary-company-2026.yaml", PORT_2025 };
	size_t imported = 0;
	assert_int_equal(tk_store_round_import_files(store, org, sys, files, 2, cfx_resolve, NULL, &imported, &err),
		TK_OK);
	assert_int_equal(imported, 2);
	tk_arena *a = tk_arena_new(64 * 1024);
	tk_store_round *v;
	size_t n;
	assert_int_equal(tk_store_history(store, org, sys, a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 2);
	/* By date: the port-tos round of 2025 first. */
	assert_true(v[0].is_compliance);
	assert_string_equal(v[0].catalog_id, "port-tos");
	assert_false(v[1].is_compliance);
	assert_true(v[1].counted);
	assert_string_equal(v[1].catalog_id, "ecom-2004");
	assert_int_equal(v[1].n_domains, 30);
	tk_compliance *c;
	tk_compliance_result *e = evaluate_file(PORT_2025, &c);
	assert_round_matches(&v[0], e);
	assert_sections_match(&v[0], e);
	tk_compliance_result_free(e);
	tk_compliance_free(c);
	tk_arena_free(a);
}

/* A new version of an open compliance round (the web application's saves,
 * tk_store_round_replace): the figures, sections and bytes become those of
 * the new document and the revision goes up; a closed round, or a document
 * of another catalog, is refused and nothing changes. */
static void test_replace_new_version(void **state)
{
	(void)state;
	const char *org = "版テスト", *sys = "TOS";
	org_with_system(org, sys);
	tk_error err = { 0 };
	int64_t id = 0;
	assert_int_equal(tk_store_round_import_file(store, org, sys, PORT_2025, cfx_resolve, NULL, &id, &err), TK_OK);
	tk_round_key k0, k1;
	assert_int_equal(tk_store_round_key(store, id, &k0, &err), TK_OK);
	tk_store_doc *d;
	assert_int_equal(tk_store_doc_read(PORT_2026, cfx_resolve, NULL, &d, &err), TK_OK);
	assert_non_null(tk_store_doc_compliance(d));
	assert_null(tk_store_doc_evaluation(d));
	assert_int_equal(tk_store_round_replace(store, id, d, &err), TK_OK);
	assert_int_equal(tk_store_round_key(store, id, &k1, &err), TK_OK);
	assert_true(k1.revision > k0.revision);
	tk_compliance *c26;
	tk_compliance_result *e26 = evaluate_file(PORT_2026, &c26);
	tk_arena *a = tk_arena_new(64 * 1024);
	tk_store_round *v;
	size_t n;
	assert_int_equal(tk_store_history(store, org, sys, a, &v, &n, &err), TK_OK);
	assert_int_equal(n, 1);
	assert_round_matches(&v[0], e26);
	assert_sections_match(&v[0], e26);
	char *orig;
	size_t olen;
	const char *doc;
	size_t dlen;
	assert_int_equal(tk_file_read(PORT_2026, &orig, &olen, &err), TK_OK);
	assert_int_equal(tk_store_round_document(store, id, a, &doc, &dlen, &err), TK_OK);
	assert_int_equal(dlen, olen);
	assert_memory_equal(doc, orig, olen);

	/* another catalog: refused */
	tk_store_doc *other;
	assert_int_equal(tk_store_doc_read(TK_SOURCE_ROOT "/examples/ministry-nisc.yaml", cfx_resolve, NULL, &other, &err),
		TK_OK);
	assert_int_equal(tk_store_round_replace(store, id, other, &err), TK_EINPUT);
	tk_error_clear(&err);
	/* closed: refused, the round as it was */
	tk_store_doc *back;
	assert_int_equal(tk_store_doc_read(PORT_2025, cfx_resolve, NULL, &back, &err), TK_OK);
	assert_int_equal(tk_store_round_close(store, id, &err), TK_OK);
	assert_int_equal(tk_store_round_replace(store, id, back, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "closed"));
	tk_error_clear(&err);
	assert_int_equal(tk_store_history(store, org, sys, a, &v, &n, &err), TK_OK);
	assert_round_matches(&v[0], e26);
	assert_sections_match(&v[0], e26);
	free(orig);
	tk_store_doc_free(back);
	tk_store_doc_free(other);
	tk_store_doc_free(d);
	tk_arena_free(a);
	tk_compliance_result_free(e26);
	tk_compliance_free(c26);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples_stored_as_evaluated),
		cmocka_unit_test(test_history_two_rounds_and_closing),
		cmocka_unit_test(test_malformed_compliance_writes_nothing),
		cmocka_unit_test(test_batch_mixes_kinds),
		cmocka_unit_test(test_replace_new_version),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
