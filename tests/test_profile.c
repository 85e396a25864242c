/* System-model profiles: malformed profiles are refused with one exact
 * message (file, line, column, key); every shipped profile loads, names only
 * requirements of its catalog and, for the system images of seed 002, quotes
 * the catalog's table 4-2 text; targets and diffs are as table 4-4 says. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/profile.h"
#include "ecom_fixture.h"
#include "bad_case.h"
#include "testutil.h"

/* Lines 1-8; a case's own lines start at 9. */
#define HEAD "format: taisaku-profile/1\nid: t\ntitle_ja: 試験\ntitle_en: test\ncatalog: ecom-2004\n" \
	"description_ja: 説明\nsource: seed 002\njudgment_ja: 判断\n"
#define LEVEL3 "level: { value: 3, reason: 一般企業 }\n"

static const bad_case CASES[] = {
	{ "empty file", "", "p.yaml: the file is empty", NULL },
	{ "misspelt top-level key", HEAD LEVEL3 "importnce: {}\n",
	  "p.yaml:10:1: key 'importnce': unknown key; did you mean 'importance'?",
	  "p.yaml:10:1: キー 'importnce': 未知のキーです（'importance' のことですか？）" },
	{ "other format", "format: taisaku-profile/2\n",
	  "p.yaml:1:9: key 'format': format 'taisaku-profile/2' is not supported (only taisaku-profile/1)", NULL },
	{ "no source", "format: taisaku-profile/1\nid: t\ntitle_ja: 試験\ntitle_en: test\ncatalog: ecom-2004\n"
	  "description_ja: 説明\njudgment_ja: 判断\n" LEVEL3,
	  "p.yaml:1:1: key 'source': required key is missing", NULL },
	{ "id with capitals", "format: taisaku-profile/1\nid: Small\ntitle_ja: 試験\ntitle_en: test\ncatalog: ecom-2004\n"
	  "description_ja: 説明\nsource: s\njudgment_ja: 判断\n" LEVEL3,
	  "p.yaml:2:5: key 'id': an id uses only lower-case letters, digits and hyphens ('Small')", NULL },
	{ "unknown catalog", "format: taisaku-profile/1\nid: t\ntitle_ja: 試験\ntitle_en: test\ncatalog: ecom-2005\n"
	  "description_ja: 説明\nsource: s\njudgment_ja: 判断\n" LEVEL3,
	  "p.yaml:5:10: key 'catalog': catalog 'ecom-2005' not found", NULL },
	{ "no level", HEAD, "p.yaml:1:1: key 'level': required key is missing", NULL },
	{ "level as a number", HEAD "level: 3\n",
	  "p.yaml:9:8: key 'level': expected a mapping, found a string", NULL },
	{ "level out of range", HEAD "level: { value: 6, reason: x }\n",
	  "p.yaml:9:17: key 'value': expected a whole number from 2 to 5, found '6'", NULL },
	{ "level without a reason", HEAD "level: { value: 3 }\n",
	  "p.yaml:9:8: key 'reason': required key is missing",
	  "p.yaml:9:8: キー 'reason': 必須のキーがありません" },
	{ "unknown importance", HEAD LEVEL3 "importance: { high: { Tb2.3: 重要 } }\n",
	  "p.yaml:10:15: key 'high': unknown key (known keys: critical, important, general, low)", NULL },
	{ "unknown requirement", HEAD LEVEL3 "importance: { critical: { Ma1.7: 重要 } }\n",
	  "p.yaml:10:27: key 'Ma1.7': catalog ecom-2004 has no requirement 'Ma1.7'; did you mean 'Ma1.1'?",
	  "p.yaml:10:27: キー 'Ma1.7': カタログ ecom-2004 に対策要求 'Ma1.7' はありません（'Ma1.1' のことですか？）" },
	{ "importance without a reason", HEAD LEVEL3 "importance: { critical: { Tb2.3: \"\" } }\n",
	  "p.yaml:10:34: key 'Tb2.3': must not be empty (in Tb2.3)", NULL },
	{ "importance as a list", HEAD LEVEL3 "importance: { critical: [ Tb2.3 ] }\n",
	  "p.yaml:10:25: key 'critical': expected a mapping, found a list", NULL },
	{ "importance given twice", HEAD LEVEL3 "importance:\n  critical: { Tb2.3: 重要 }\n  low: { Tb2.3: 低い }\n",
	  "p.yaml:12:10: key 'Tb2.3': requirement Tb2.3 is given an importance twice (critical and low) (in Tb2.3)",
	  "p.yaml:12:10: キー 'Tb2.3': 対策要求 Tb2.3 の重要度が二度書かれています（critical と low）（Tb2.3）" },
	{ "override of two levels", HEAD LEVEL3 "targets: { Ma1.2: { level: 5, reason: 強化 } }\n",
	  "p.yaml:10:28: key 'level': a target override moves the derived target 3 one level up or down (found 5) (in Ma1.2)",
	  "p.yaml:10:28: キー 'level': 目標の変更は導出した目標 3 から 1 レベル上か下です（5 が書かれています）（Ma1.2）" },
	{ "override that moves nothing", HEAD LEVEL3 "targets: { Ma1.2: { level: 3, reason: 同じ } }\n",
	  "p.yaml:10:28: key 'level': a target override moves the derived target 3 one level up or down (found 3) (in Ma1.2)", NULL },
	{ "override from the importance's target", HEAD LEVEL3
	  "importance: { critical: { Ma1.2: 重要 } }\ntargets: { Ma1.2: { level: 2, reason: 下げる } }\n",
	  "p.yaml:11:28: key 'level': a target override moves the derived target 4 one level up or down (found 2) (in Ma1.2)", NULL },
	{ "override below 2", HEAD "level: { value: 2, reason: 小規模 }\ntargets: { Ma1.2: { level: 1, reason: 低リスク } }\n",
	  "p.yaml:10:28: key 'level': expected a whole number from 2 to 5, found '1' (in Ma1.2)", NULL },
	{ "override without a reason", HEAD LEVEL3 "targets: { Ma1.2: { level: 4 } }\n",
	  "p.yaml:10:19: key 'reason': required key is missing (in Ma1.2)", NULL },
	{ "override of an unknown requirement", HEAD LEVEL3 "targets: { Tb1.13: { level: 4, reason: x } }\n",
	  "p.yaml:10:12: key 'Tb1.13': catalog ecom-2004 has no requirement 'Tb1.13'; did you mean 'Tb1.1'?", NULL },
};

static void each_case(void **state)
{
	const bad_case *bc = *state;
	tk_profile *p = (tk_profile *)1;
	tk_error err = { 0 };
	tk_status st = tk_profile_load_buffer("p.yaml", bc->yaml, strlen(bc->yaml), ecom_resolve, NULL, &p, &err);
	assert_bad_case(bc, st, &err);
	assert_null(p);
}

static tk_profile *load(const char *yaml)
{
	tk_profile *p = NULL;
	tk_error err = { 0 };
	if (tk_profile_load_buffer("p.yaml", yaml, strlen(yaml), ecom_resolve, NULL, &p, &err))
		print_error("%s\n", err.en);
	assert_non_null(p);
	return p;
}

static size_t req(const char *id)
{
	const tk_requirement *r = tk_catalog_requirement(ecom, id);
	assert_non_null(r);
	return (size_t)(r - ecom->requirements);
}

/* Table 4-4 with the overrides, at level 3. */
static void targets_follow_table_4_4(void **state)
{
	(void)state;
	tk_profile *p = load(HEAD LEVEL3
		"importance:\n  critical: { Tb2.2: 特に重要 }\n  low: { Tb1.10: 低い, Ba2.3: 低い }\n"
		"targets:\n  Tb2.2: { level: 5, reason: さらに上げる }\n  Ba2.3: { level: 3, reason: 戻す }\n");
	assert_int_equal(p->level, 3);
	assert_int_equal(p->n_importance, 3);
	assert_int_equal(p->n_overrides, 2);
	assert_int_equal(tk_profile_target(p, req("Ma1.1")), 3); /* general */
	assert_int_equal(tk_profile_target(p, req("Tb1.10")), 2); /* low */
	assert_int_equal(tk_profile_target(p, req("Tb2.2")), 5); /* critical 4, then +1 */
	assert_int_equal(tk_profile_target(p, req("Ba2.3")), 3); /* low 2, then +1 */
	assert_string_equal(p->importance_reason[req("Tb2.2")], "特に重要");
	assert_string_equal(p->override_reason[req("Ba2.3")], "戻す");
	assert_null(p->importance_reason[req("Ma1.1")]);
	tk_profile_free(p);
}

static tk_assessment *assessment(const char *yaml)
{
	tk_assessment *a = NULL;
	tk_error err = { 0 };
	if (tk_assessment_load_buffer("a.yaml", yaml, strlen(yaml), ecom_resolve, NULL, &a, &err))
		print_error("%s\n", err.en);
	assert_non_null(a);
	return a;
}

/* A plan that changes the level, drops one importance, adds another, moves
 * an override and keeps the rest departs exactly where it changed. */
static void diff_names_each_departure(void **state)
{
	(void)state;
	tk_profile *p = load(HEAD LEVEL3
		"importance:\n  critical: { Tb2.2: 特に重要, Tb3.2: 特に重要 }\n"
		"targets:\n  Tb3.2: { level: 5, reason: 上げる }\n  Ma1.6: { level: 2, reason: 下げる }\n");
	tk_assessment *a = assessment("catalog: ecom-2004\nsystem: { name: x, level: 3 }\n"
		"importance: { Tb3.2: critical, Tb1.6: critical }\n"
		"targets: { Tb3.2: { level: 4, reason: 据え置き }, Ma1.6: { level: 2, reason: 下げる } }\n");
	tk_profile_diff d;
	tk_error err = { 0 };
	assert_int_equal(tk_profile_diff_compute(p, a, &d, &err), TK_OK);
	assert_false(d.level_differs);
	assert_int_equal(d.n, 3); /* Tb1.6, Tb2.2, Tb3.2 in catalog order; Ma1.6 is the same */
	assert_string_equal(ecom->requirements[d.v[0].requirement].id, "Tb1.6");
	assert_int_equal(d.v[0].changes, TK_PD_IMPORTANCE | TK_PD_TARGET);
	assert_int_equal(d.v[0].profile_target, 3);
	assert_int_equal(d.v[0].plan_target, 4);
	assert_string_equal(ecom->requirements[d.v[1].requirement].id, "Tb2.2");
	assert_int_equal(d.v[1].changes, TK_PD_IMPORTANCE | TK_PD_TARGET);
	assert_int_equal(d.v[1].profile_importance, TK_IMP_CRITICAL);
	assert_int_equal(d.v[1].plan_importance, TK_IMP_GENERAL);
	assert_string_equal(ecom->requirements[d.v[2].requirement].id, "Tb3.2");
	assert_int_equal(d.v[2].changes, TK_PD_OVERRIDE | TK_PD_TARGET);
	assert_int_equal(d.v[2].profile_override, 5);
	assert_int_equal(d.v[2].plan_override, 4);
	assert_int_equal(d.n_targets_differ, 3);
	tk_profile_diff_free(&d);
	tk_assessment_free(a);

	/* Level 2: table 4-4 gives 2 everywhere, so every target differs, but
	 * only the requirements whose choices differ are listed. */
	a = assessment("catalog: ecom-2004\nsystem: { name: x, level: 2 }\n"
		"importance: { Tb2.2: critical, Tb3.2: critical }\n"
		"targets: { Tb3.2: { level: 3, reason: 上げる } }\n");
	assert_int_equal(tk_profile_diff_compute(p, a, &d, &err), TK_OK);
	assert_true(d.level_differs);
	assert_int_equal(d.n, 2); /* Tb3.2 (override 5 → 3) and Ma1.6 (override 2 → none) */
	assert_string_equal(ecom->requirements[d.v[0].requirement].id, "Ma1.6");
	assert_int_equal(d.v[0].changes, TK_PD_OVERRIDE); /* 2 either way */
	assert_string_equal(ecom->requirements[d.v[1].requirement].id, "Tb3.2");
	assert_int_equal(d.n_targets_differ, ecom->n_requirements - 1);
	tk_profile_diff_free(&d);
	tk_assessment_free(a);

	/* Another level changes every target that table 4-4 derives differently. */
	a = assessment("catalog: ecom-2004\nsystem: { name: x, level: 4 }\n"
		"importance: { Tb2.2: critical, Tb3.2: critical }\n"
		"targets: { Tb3.2: { level: 5, reason: 上げる }, Ma1.6: { level: 2, reason: 下げる } }\n");
	assert_int_equal(tk_profile_diff_compute(p, a, &d, &err), TK_OK);
	assert_true(d.level_differs);
	assert_int_equal(d.profile_level, 3);
	assert_int_equal(d.plan_level, 4);
	assert_int_equal(d.n, 0); /* general 3 → 3, critical 4 → 4: no target moves */
	assert_int_equal(d.n_targets_differ, 0);
	tk_profile_diff_free(&d);
	tk_assessment_free(a);
	tk_profile_free(p);
}

/* Every shipped profile loads, its id is its file name, every choice has a
 * reason, and the seed-002 profiles quote the catalog's table 4-2 image of
 * their level line by line. */
static void shipped_profiles(void **state)
{
	(void)state;
	setenv("TAISAKU_CATALOG_DIR", TK_SOURCE_ROOT "/catalogs", 1);
	tk_catalog_entry *entries;
	size_t n;
	tk_error err = { 0 };
	assert_int_equal(tk_profile_dir_list(NULL, &entries, &n, &err), TK_OK);
	assert_int_equal(n, 12);
	size_t seed002 = 0;
	for (size_t i = 0; i < n; i++) {
		tk_profile *p = NULL;
		if (tk_profile_load_file(entries[i].path, ecom_resolve, NULL, &p, &err))
			print_error("%s: %s\n", entries[i].path, err.en);
		assert_non_null(p);
		assert_string_equal(p->id, entries[i].id);
		size_t reasons = 0;
		for (size_t r = 0; r < ecom->n_requirements; r++) {
			reasons += p->importance_reason[r] != NULL;
			assert_true(!p->override_level[r] || p->override_reason[r]);
			int t = tk_profile_target(p, r);
			assert_true(t >= 2 && t <= 5);
		}
		assert_int_equal(reasons, p->n_importance);
		if (strncmp(p->source, "seed 002", 8) == 0) {
			seed002++;
			const tk_level_text *image = NULL;
			for (size_t k = 0; k < ecom->scoring.n_system_levels; k++)
				if (ecom->scoring.system_levels[k].level == p->level)
					image = &ecom->scoring.system_levels[k];
			assert_non_null(image);
			char *copy = strdup(p->description_ja), *save = NULL;
			for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
				if (!strstr(image->b_ja, line))
					fail_msg("%s: '%s' is not in table 4-2 at level %d", p->id, line, p->level);
			free(copy);
		}
		tk_profile_free(p);
	}
	assert_int_equal(seed002, 8);
	free(entries);
}

int main(void)
{
	enum { N = sizeof(CASES) / sizeof(*CASES) };
	struct CMUnitTest tests[N];
	for (size_t i = 0; i < N; i++)
		tests[i] = (struct CMUnitTest){ CASES[i].name, each_case, NULL, NULL, (void *)&CASES[i] };
	const struct CMUnitTest good[] = {
		cmocka_unit_test(targets_follow_table_4_4),
		cmocka_unit_test(diff_names_each_departure),
		cmocka_unit_test(shipped_profiles),
	};
	int failed = _cmocka_run_group_tests("malformed profiles", tests, N, ecom_setup, ecom_teardown);
	return failed + cmocka_run_group_tests_name("profiles", good, ecom_setup, ecom_teardown);
}
