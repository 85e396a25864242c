/* The catalog loader on well-formed catalogs: the tree, the resolved kinds,
 * marks and scoring model, lookups, and the ECOM 2004 catalog's counts. */
#include <stdio.h>
#include <string.h>

#include "taisaku/catalog.h"
#include "testutil.h"

static tk_catalog *load(const char *path)
{
	tk_catalog *cat = NULL;
	tk_error err = { 0 };
	tk_status st = tk_catalog_load_file(path, &cat, &err);
	if (st) {
		char buf[1024];
		print_error("%s\n", tk_error_format(&err, TK_LANG_EN, buf, sizeof(buf)));
	}
	assert_int_equal(st, TK_OK);
	return cat;
}

static void mini_tree(void **state)
{
	(void)state;
	tk_catalog *c = load(TEST_DATA("mini.yaml"));
	assert_string_equal(c->id, "mini");
	assert_int_equal(c->kind, TK_CATALOG_STRENGTH);
	assert_int_equal(c->n_views, 2);
	assert_int_equal(c->n_subviews, 1);
	assert_int_equal(c->n_domains, 2);
	assert_int_equal(c->n_requirements, 4);
	/* View M has subview Ma holding Ma1; view T holds Tb1 directly. */
	assert_int_equal(c->views[0].n_subviews, 1);
	assert_int_equal(c->views[0].n_domains, 1);
	assert_int_equal(c->views[1].n_subviews, 0);
	assert_int_equal(c->domains[1].subview, UINT32_MAX);
	assert_string_equal(c->requirements[2].id, "Tb1.1");
	assert_int_equal(c->requirements[2].domain, 1);
	tk_catalog_free(c);
}

static void mini_kinds(void **state)
{
	(void)state;
	tk_catalog *c = load(TEST_DATA("mini.yaml"));
	/* Management by default, technical from view T, and a per-requirement override. */
	assert_int_equal(tk_catalog_requirement(c, "Ma1.1")->kind, TK_KIND_MANAGEMENT);
	assert_int_equal(tk_catalog_requirement(c, "Tb1.1")->kind, TK_KIND_TECHNICAL);
	const tk_requirement *r = tk_catalog_requirement(c, "Tb1.2");
	assert_int_equal(r->kind, TK_KIND_MANAGEMENT);
	assert_true(r->kind_overridden);
	tk_catalog_free(c);
}

static void mini_points_and_marks(void **state)
{
	(void)state;
	tk_catalog *c = load(TEST_DATA("mini.yaml"));
	const tk_requirement *r = tk_catalog_requirement(c, "Ma1.1");
	assert_int_equal(r->n_points, 1);
	assert_string_equal(r->points[0].label, "（１）");
	assert_string_equal(r->points[0].items[0].text_ja, "経営陣による承認");
	assert_string_equal(r->points[0].items[0].items[0].text_ja, "承認記録の保管");
	assert_int_equal(tk_requirement_item_count(r), 3);
	assert_int_equal(r->n_isms, 1);
	assert_string_equal(r->isms[0].id, "3.1.1");
	assert_int_equal(r->departments.n_primary, 1);
	assert_string_equal(c->departments[r->departments.primary[0]].id, "management");
	assert_string_equal(c->departments[r->departments.secondary[0]].id, "operations");
	/* "isms: []" is kept apart from "not given": both have no controls. */
	const tk_requirement *r2 = tk_catalog_requirement(c, "Ma1.2");
	assert_int_equal(r2->n_isms, 0);
	assert_string_equal(r2->isms_remark_ja, "対応するものはない。");
	assert_null(tk_catalog_requirement(c, "Zz9.9"));
	assert_non_null(tk_catalog_domain(c, "Tb1"));
	assert_non_null(tk_catalog_view(c, "M"));
	tk_catalog_free(c);
}

static void mini_scoring(void **state)
{
	(void)state;
	tk_catalog *c = load(TEST_DATA("mini.yaml"));
	const tk_scoring *s = &c->scoring;
	assert_int_equal(s->thresholds[5], TK_RANK_A);
	assert_int_equal(s->thresholds[4], TK_RANK_B);
	assert_int_equal(s->thresholds[3], TK_RANK_B);
	assert_int_equal(s->thresholds[2], TK_RANK_C);
	assert_int_equal(s->targets[3][TK_IMP_CRITICAL], 4);
	assert_int_equal(s->targets[3][TK_IMP_LOW], 2);
	assert_int_equal(s->targets[5][TK_IMP_GENERAL], 4);
	const tk_peripheral *m = &s->peripherals[TK_P_MANAGEMENT];
	assert_int_equal(m->n_rows, 4);
	assert_int_equal(m->rows[3].cells[0], TK_CELL_T_OR_X);
	tk_catalog_free(c);
}

static void ecom_counts(void **state)
{
	(void)state;
	tk_catalog *c = load(CATALOG("ecom-2004.yaml"));
	assert_string_equal(c->id, "ecom-2004");
	assert_int_equal(c->n_views, 4);
	assert_int_equal(c->n_subviews, 7);
	assert_int_equal(c->n_domains, 30);
	assert_int_equal(c->n_requirements, 117);
	assert_string_equal(c->requirements[0].id, "Ma1.1");
	assert_string_equal(c->requirements[116].id, "Aa2.2");
	/* Table 3-5: requirements per domain, in printed order. */
	static const struct { const char *id; uint32_t n; } per_domain[] = {
		{ "Ma1", 6 }, { "Ma2", 3 }, { "Ba1", 3 }, { "Ba2", 4 }, { "Ba3", 4 }, { "Ba4", 2 },
		{ "Ba5", 3 }, { "Ta1", 5 }, { "Ta2", 3 }, { "Ta3", 5 }, { "Tb1", 12 }, { "Tb2", 4 },
		{ "Tb3", 4 }, { "Tb4", 3 }, { "Tb5", 4 }, { "Tb6", 3 }, { "Tb7", 2 }, { "Tb8", 2 },
		{ "Tb9", 3 }, { "Tc1", 2 }, { "Tc2", 3 }, { "Tc3", 3 }, { "Tc4", 3 }, { "Tc5", 6 },
		{ "Td1", 4 }, { "Td2", 8 }, { "Td3", 3 }, { "Td4", 5 }, { "Aa1", 3 }, { "Aa2", 2 },
	};
	for (size_t i = 0; i < 30; i++) {
		assert_string_equal(c->domains[i].id, per_domain[i].id);
		assert_int_equal(c->domains[i].n_requirements, per_domain[i].n);
	}
	/* Technical views Ta..Td, management elsewhere (MODEL.md §1). */
	assert_int_equal(tk_catalog_requirement(c, "Tb1.10")->kind, TK_KIND_TECHNICAL);
	assert_int_equal(tk_catalog_requirement(c, "Ma1.1")->kind, TK_KIND_MANAGEMENT);
	assert_int_equal(tk_catalog_requirement(c, "Aa2.2")->kind, TK_KIND_MANAGEMENT);
	/* Every requirement carries its verbatim title, an English title and its purpose. */
	size_t points = 0, no_isms = 0;
	for (size_t i = 0; i < c->n_requirements; i++) {
		const tk_requirement *r = &c->requirements[i];
		assert_non_null(r->purpose_ja);
		assert_true(r->n_points > 0);
		points += r->n_points;
		no_isms += r->n_isms == 0;
	}
	assert_int_equal(points, 444);
	assert_int_equal(no_isms, 30);
	/* Ma1.1 as printed in the seed (l.8482) and its only ISMS control. */
	const tk_requirement *r = tk_catalog_requirement(c, "Ma1.1");
	assert_string_equal(r->title_ja, "経営レベルのセキュリティポリシーの確立");
	assert_int_equal(r->n_isms, 1);
	assert_string_equal(r->isms[0].id, "3.1.1");
	assert_string_equal(r->isms[0].title_ja, "情報セキュリティ基本方針文書");
	assert_int_equal(r->n_points, 4);
	assert_string_equal(r->points[1].title_ja, "トップレベルのセキュリティポリシーの位置付けの確立");
	/* Table 4-5 as printed: levels 3 and 4 share threshold B. */
	assert_true(c->has_scoring);
	assert_int_equal(c->scoring.thresholds[4], TK_RANK_B);
	assert_int_equal(c->scoring.thresholds[3], TK_RANK_B);
	assert_int_equal(c->scoring.peripherals[TK_P_STUDY].n_columns, 5);
	assert_int_equal(c->scoring.peripherals[TK_P_REVIEW].n_rows, 4);
	tk_catalog_free(c);
}

/* A compliance catalog: no scoring, awkward IDs, documents and a glossary. */
static void compliance_catalog(void **state)
{
	(void)state;
	tk_catalog *c = load(TEST_DATA("oscal-ids.yaml"));
	assert_int_equal(c->kind, TK_CATALOG_COMPLIANCE);
	assert_false(c->has_scoring);
	const tk_requirement *r = tk_catalog_requirement(c, "B1");
	assert_non_null(r);
	assert_int_equal(r->documents_ja.n, 2);
	assert_string_equal(r->documents_ja.v[1], "構成設定目録");
	assert_int_equal(c->n_glossary, 2);
	assert_string_equal(c->glossary[0].term_ja, "保護システム");
	assert_non_null(tk_catalog_requirement(c, "（１）"));
	tk_catalog_free(c);
}

/* The defense standard (seed 000): sections 第2-第12, 183 items, the
 * glossary, and the password rule of 第6 with its fixed parameters. */
static void atla_ssr_catalog(void **state)
{
	(void)state;
	tk_catalog *c = load(CATALOG("atla-ssr.yaml"));
	assert_int_equal(c->kind, TK_CATALOG_COMPLIANCE);
	assert_int_equal(c->n_views, 11);
	assert_string_equal(c->views[0].id, "S2");
	assert_string_equal(c->views[10].id, "S12");
	assert_int_equal(c->n_domains, 38);
	assert_int_equal(c->n_requirements, 183);
	assert_int_equal(c->n_glossary, 44);
	const tk_requirement *r = tk_catalog_requirement(c, "S6.1.3.d.i");
	assert_non_null(r);
	assert_int_equal(r->modality, TK_MODALITY_SHALL);
	assert_int_equal(r->n_parameters, 2);
	assert_string_equal(r->parameters[0].value, "３種類以上");
	assert_string_equal(r->parameters[1].value, "１０文字以上");
	assert_non_null(strstr(r->purpose_ja, "３種類以上使用した１０文字以上"));
	assert_non_null(tk_catalog_requirement(c, "S5.2.3.a"));
	tk_catalog_free(c);
}

/* Every catalog of the project: its size as counted from its seed, and one
 * item checked against the seed's wording. */
static void seed_catalog_counts(void **state)
{
	(void)state;
	static const struct {
		const char *file;
		size_t views, domains, requirements, glossary;
		const char *id, *fragment;
	} rows[] = {
		{ "nisc-2012.yaml", 3, 22, 265, 9, "2.2.1.1(1)(b)(ア)", NULL },
		{ "port-tos.yaml", 4, 39, 53, 10, NULL, NULL },
		{ "space-rules.yaml", 12, 68, 416, 16, "CL.1", NULL },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/catalogs/%s", TK_SOURCE_ROOT, rows[i].file);
		tk_catalog *c = load(path);
		assert_int_equal(c->kind, TK_CATALOG_COMPLIANCE);
		assert_int_equal(c->n_views, rows[i].views);
		assert_int_equal(c->n_domains, rows[i].domains);
		assert_int_equal(c->n_requirements, rows[i].requirements);
		assert_int_equal(c->n_glossary, rows[i].glossary);
		if (rows[i].id)
			assert_non_null(tk_catalog_requirement(c, rows[i].id));
		tk_catalog_free(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mini_tree),
		cmocka_unit_test(mini_kinds),
		cmocka_unit_test(mini_points_and_marks),
		cmocka_unit_test(mini_scoring),
		cmocka_unit_test(ecom_counts),
		cmocka_unit_test(compliance_catalog),
		cmocka_unit_test(atla_ssr_catalog),
		cmocka_unit_test(seed_catalog_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
