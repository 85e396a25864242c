/* OSCAL catalog import (import_oscal.c): NIST's SP 800-53 rev 5 LOW
 * baseline as a taisaku catalog, the round trip catalog → OSCAL → catalog
 * for every catalog we ship, and the errors on bad input. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/catalog.h"
#include "taisaku/export.h"
#include "taisaku/file.h"
#include "taisaku/import.h"
#include "testutil.h"

#define NIST TK_SOURCE_ROOT "/tests/oscal-content/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json"

/* Imports OSCAL JSON text and loads the YAML written; NULL with err set when
 * the import fails (a failing load fails the test). */
static tk_catalog *import_text(const char *name, const char *json, size_t len, const char *id, tk_error *err)
{
	char *yaml = NULL;
	size_t ylen = 0;
	FILE *f = open_memstream(&yaml, &ylen);
	assert_non_null(f);
	tk_status st = tk_oscal_catalog_import(name, json, len, id, f, err);
	assert_int_equal(fclose(f), 0);
	tk_catalog *cat = NULL;
	if (!st) {
		tk_error lerr = { 0 };
		tk_status ls = tk_catalog_load_buffer("imported.yaml", yaml, ylen, &cat, &lerr);
		if (ls) {
			char buf[1024];
			print_error("%s\n", tk_error_format(&lerr, TK_LANG_EN, buf, sizeof buf));
		}
		assert_int_equal(ls, TK_OK);
	}
	free(yaml);
	return cat;
}

static tk_catalog *import_file(const char *path, const char *id)
{
	char *data;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(tk_file_read(path, &data, &len, &err), TK_OK);
	tk_catalog *cat = import_text(path, data, len, id, &err);
	free(data);
	if (!cat) {
		char buf[1024];
		print_error("%s\n", tk_error_format(&err, TK_LANG_EN, buf, sizeof buf));
	}
	assert_non_null(cat);
	return cat;
}

static void nist_low_baseline(void **state)
{
	(void)state;
	tk_catalog *c = import_file(NIST, "nist-800-53-low");
	assert_string_equal(c->id, "nist-800-53-low");
	assert_int_equal(c->kind, TK_CATALOG_COMPLIANCE);
	assert_string_equal(c->version, "5.1.1+u4");
	assert_string_equal(c->publisher_ja, "Joint Task Force, Transformation Initiative");
	/* 18 families of one view; 131 controls and 18 enhancements. */
	assert_int_equal(c->n_views, 1);
	assert_int_equal(c->n_domains, 18);
	assert_int_equal(c->n_requirements, 149);
	assert_string_equal(tk_catalog_domain(c, "ac")->title_ja, "Access Control");
	assert_string_equal(tk_catalog_domain(c, "sr")->title_ja, "Supply Chain Risk Management");
	static const char *sample[][2] = {
		{ "ac-1", "Policy and Procedures" }, { "ac-2", "Account Management" },
		{ "at-2.2", "Insider Threat" }, { "ia-2.1", "Multi-factor Authentication to Privileged Accounts" },
		{ "ia-2.8", "Access to Accounts — Replay Resistant" }, { "ra-5.11", "Public Disclosure Program" },
		{ "si-2", "Flaw Remediation" }, { "sr-11.2", "Configuration Control for Component Service and Repair" },
	};
	for (size_t i = 0; i < sizeof sample / sizeof sample[0]; i++) {
		const tk_requirement *r = tk_catalog_requirement(c, sample[i][0]);
		assert_non_null(r);
		assert_string_equal(r->title_ja, sample[i][1]);
		assert_string_equal(r->title_en, sample[i][1]);
	}
	/* An enhancement follows its control, in the control's family. */
	const tk_requirement *ia2 = tk_catalog_requirement(c, "ia-2");
	assert_string_equal((ia2 + 1)->id, "ia-2.1");
	assert_string_equal(c->domains[(ia2 + 1)->domain].id, "ia");
	/* The statement: items a. to c. as points, parameters printed as NIST prints them. */
	const tk_requirement *ac1 = tk_catalog_requirement(c, "ac-1");
	assert_int_equal(ac1->n_points, 3);
	assert_string_equal(ac1->points[0].label, "a.");
	assert_string_equal(ac1->points[0].title_ja,
		"Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:");
	assert_int_equal(ac1->points[0].n_items, 2);
	assert_int_equal(ac1->points[0].items[0].n_items, 2);
	assert_string_equal(ac1->points[1].title_ja, "Designate an [Assignment: official] to manage the "
		"development, documentation, and dissemination of the access control policy and procedures; and");
	assert_int_equal(ac1->n_parameters, 9);
	assert_string_equal(ac1->parameters[0].id, "ac-1_prm_1");
	assert_string_equal(ac1->parameters[0].title_ja, "organization-defined personnel or roles");
	tk_catalog_free(c);
}

/* Without --id: the name of the file, as an ID. */
static void id_from_file_name(void **state)
{
	(void)state;
	tk_catalog *c = import_file(NIST, NULL);
	assert_string_equal(c->id, "nist-sp-800-53-rev5-low-baseline-resolved-profile-catalog");
	tk_catalog_free(c);
}

static void same_title(const char *what, const char *id, const char *a, const char *b)
{
	if (strcmp(a, b))
		print_error("%s %s: '%s' came back as '%s'\n", what, id, a, b);
	assert_string_equal(a, b);
}

/* catalog → OSCAL → catalog keeps every ID and both titles of every view,
 * subview, domain and requirement, in order, and every parameter ID. */
static void round_trip(const char *path)
{
	tk_catalog *orig = NULL;
	tk_error err = { 0 };
	assert_int_equal(tk_catalog_load_file(path, &orig, &err), TK_OK);
	char *json = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&json, &len);
	assert_int_equal(tk_catalog_export_oscal(orig, f, &err), TK_OK);
	assert_int_equal(fclose(f), 0);
	tk_catalog *back = import_text("export.json", json, len, NULL, &err);
	free(json);
	assert_non_null(back);
	assert_string_equal(back->id, orig->id);
	assert_string_equal(back->title_ja, orig->title_ja);
	assert_string_equal(back->title_en, orig->title_en);
	assert_int_equal(back->n_views, orig->n_views);
	assert_int_equal(back->n_subviews, orig->n_subviews);
	assert_int_equal(back->n_domains, orig->n_domains);
	assert_int_equal(back->n_requirements, orig->n_requirements);
	for (size_t i = 0; i < orig->n_views; i++) {
		assert_string_equal(back->views[i].id, orig->views[i].id);
		same_title("view", orig->views[i].id, orig->views[i].title_ja, back->views[i].title_ja);
		same_title("view", orig->views[i].id, orig->views[i].title_en, back->views[i].title_en);
	}
	for (size_t i = 0; i < orig->n_subviews; i++) {
		assert_string_equal(back->subviews[i].id, orig->subviews[i].id);
		same_title("subview", orig->subviews[i].id, orig->subviews[i].title_ja, back->subviews[i].title_ja);
		same_title("subview", orig->subviews[i].id, orig->subviews[i].title_en, back->subviews[i].title_en);
	}
	for (size_t i = 0; i < orig->n_domains; i++) {
		assert_string_equal(back->domains[i].id, orig->domains[i].id);
		same_title("domain", orig->domains[i].id, orig->domains[i].title_ja, back->domains[i].title_ja);
		same_title("domain", orig->domains[i].id, orig->domains[i].title_en, back->domains[i].title_en);
	}
	for (size_t i = 0; i < orig->n_requirements; i++) {
		const tk_requirement *a = &orig->requirements[i], *b = &back->requirements[i];
		assert_string_equal(b->id, a->id);
		same_title("requirement", a->id, a->title_ja, b->title_ja);
		same_title("requirement", a->id, a->title_en, b->title_en);
		assert_int_equal(b->n_points, a->n_points);
		assert_int_equal(b->modality, a->modality);
		assert_int_equal(b->n_parameters, a->n_parameters);
		for (size_t k = 0; k < a->n_parameters; k++)
			assert_string_equal(b->parameters[k].id, a->parameters[k].id);
	}
	tk_catalog_free(orig);
	tk_catalog_free(back);
}

/* Every catalog in catalogs/ (a new one is tested without a change here),
 * and the test catalogs that are valid. */
static void round_trip_catalogs(void **state)
{
	(void)state;
	DIR *dir = opendir(TK_SOURCE_ROOT "/catalogs");
	assert_non_null(dir);
	int n = 0;
	for (struct dirent *de; (de = readdir(dir));) {
		size_t len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml"))
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/catalogs/%s", TK_SOURCE_ROOT, de->d_name);
		round_trip(path);
		n++;
	}
	closedir(dir);
	assert_true(n >= 5);
	static const char *paths[] = {
		TEST_DATA("mini.yaml"), TEST_DATA("oscal-ids.yaml"), TEST_DATA("extra/mini.yaml"),
	};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		round_trip(paths[i]);
}

/* The import fails with err at line, column (0: unknown) and key. */
static void expect_error(const char *json, int line, int column, const char *key, const char *en_part)
{
	tk_error err = { 0 };
	tk_catalog *c = import_text("bad.json", json, strlen(json), "bad", &err);
	assert_null(c);
	assert_int_equal(err.status, TK_EINPUT);
	assert_string_equal(err.file, "bad.json");
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
	assert_string_equal(err.key, key);
	if (!strstr(err.en, en_part))
		print_error("'%s' does not say '%s'\n", err.en, en_part);
	assert_non_null(strstr(err.en, en_part));
	assert_true(err.ja[0] != '\0');
}

#define MD "\"metadata\": {\"title\": \"T\", \"version\": \"1\", \"oscal-version\": \"1.1.2\", \"last-modified\": \"2024-01-01T00:00:00Z\"}"

static void errors(void **state)
{
	(void)state;
	/* Syntax: jansson's line and column. */
	expect_error("{\n  \"catalog\": {\n    \"uuid\": 1,,\n  }\n}", 3, 15, "", "not valid JSON");
	expect_error("{\"catalog\": {\"a\": 1, \"a\": 2}}", 1, 24, "", "not valid JSON");
	/* Structure: the key path. */
	expect_error("[]", 0, 0, "catalog", "not an OSCAL catalog");
	expect_error("{\"catalog\": {\"uuid\": \"x\"}}", 0, 0, "catalog.metadata", "required key is missing");
	expect_error("{\"catalog\": {\"metadata\": {\"title\": \"T\", \"version\": \"1\", \"oscal-version\": \"2.0.0\"}}}",
		0, 0, "catalog.metadata.oscal-version", "OSCAL 2.0.0 is not supported");
	expect_error("{\"catalog\": {" MD ", \"groups\": [{\"id\": \"g\", \"title\": \"G\", \"controls\": "
		"[{\"id\": \"c-1\", \"title\": \"C\"}, {\"id\": \"c-2\", \"title\": 7}]}]}}",
		0, 0, "catalog.groups[0].controls[1].title", "not a string");
	expect_error("{\"catalog\": {" MD ", \"groups\": {}}}", 0, 0, "catalog.groups", "not an array");
	expect_error("{\"catalog\": {" MD ", \"groups\": [{\"id\": \"g\", \"title\": \"G\", \"controls\": [3]}]}}",
		0, 0, "catalog.groups[0].controls[0]", "not an object");
	expect_error("{\"catalog\": {" MD "}}", 0, 0, "catalog", "no controls");
	/* A bad --id. */
	tk_error err = { 0 };
	const char *ok = "{\"catalog\": {" MD ", \"controls\": [{\"id\": \"c-1\", \"title\": \"C\"}]}}";
	assert_null(import_text("x.json", ok, strlen(ok), "Bad ID", &err));
	assert_non_null(strstr(err.en, "catalog ID 'Bad ID'"));
	/* The same text with a good ID imports: controls outside any group. */
	tk_catalog *c = import_text("x.json", ok, strlen(ok), "x", &err);
	assert_non_null(c);
	assert_string_equal(c->requirements[0].id, "c-1");
	assert_string_equal(c->domains[0].id, "x-ungrouped");
	tk_catalog_free(c);
}

/* Nested groups: a top-level group with sub-groups is a view, and every
 * group below it with controls a domain titled with the path. */
static void nested_groups(void **state)
{
	(void)state;
	const char *json = "{\"catalog\": {" MD ", \"groups\": ["
		"{\"id\": \"a\", \"title\": \"A\", \"controls\": [{\"id\": \"a-1\", \"title\": \"A1\"}],"
		" \"groups\": [{\"id\": \"b\", \"title\": \"B\", \"groups\": [{\"id\": \"c\", \"title\": \"C\","
		"   \"controls\": [{\"id\": \"c-1\", \"title\": \"C1\", \"controls\": [{\"id\": \"c-1.1\", \"title\": \"C11\"}]}]}]}]},"
		"{\"id\": \"d\", \"title\": \"D\", \"controls\": [{\"id\": \"d-1\", \"title\": \"D1\"}]}]}}";
	tk_error err = { 0 };
	tk_catalog *c = import_text("n.json", json, strlen(json), "n", &err);
	assert_non_null(c);
	assert_int_equal(c->n_views, 2);
	assert_string_equal(c->views[0].id, "a");
	assert_string_equal(c->views[1].id, "n");
	assert_int_equal(c->n_domains, 3);
	assert_string_equal(c->domains[0].id, "a-controls");
	assert_string_equal(c->domains[1].id, "c");
	assert_string_equal(c->domains[1].title_ja, "B / C");
	assert_string_equal(c->domains[2].id, "d");
	assert_int_equal(c->n_requirements, 4);
	assert_string_equal(c->requirements[2].id, "c-1.1");
	tk_catalog_free(c);
}

/* Sub-items nested deeper than the catalog format's 8 levels follow as
 * siblings at the 8th: the catalog still loads, nothing is lost. */
static void deep_items(void **state)
{
	(void)state;
	tk_catalog *c = import_file(TEST_DATA("oscal/deep-items.json"), "deep");
	const tk_point *p = &c->requirements[0].points[0];
	assert_string_equal(p->title_ja, "level 0");
	const tk_item *list = p->items;
	size_t n = p->n_items;
	for (int depth = 1; depth < 8; depth++) {
		assert_int_equal(n, 1);
		n = list[0].n_items;
		list = list[0].items;
	}
	assert_int_equal(n, 5);
	assert_string_equal(list[0].text_ja, "level 8");
	assert_string_equal(list[4].text_ja, "level 12");
	tk_catalog_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nist_low_baseline),
		cmocka_unit_test(id_from_file_name),
		cmocka_unit_test(round_trip_catalogs),
		cmocka_unit_test(errors),
		cmocka_unit_test(nested_groups),
		cmocka_unit_test(deep_items),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
