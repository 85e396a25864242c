/* Malformed assessments: each is refused with one exact message naming the
 * file, line, column (in characters) and key. */
#include <string.h>

#include "taisaku/assessment.h"
#include "ecom_fixture.h"
#include "bad_case.h"
#include "testutil.h"

/* Lines 1-3; a case's own lines start at 4. */
#define HEAD "catalog: ecom-2004\nsystem: { name: 受注管理, level: 3 }\nratings:\n"
#define OK6 "study: B, process: B, management: B, review: B, documentation: B"

static const bad_case CASES[] = {
	{ "empty file", "", "a.yaml: the file is empty", "a.yaml: ファイルが空です" },
	{ "invalid UTF-8", HEAD "  Ma1.1: { note: \"\xe3\x81\" }\n", "a.yaml:4:19: not valid UTF-8", NULL },
	{ "truncated", HEAD "  Ma1.1: { core: 3, study: B", "a.yaml:5:1: not valid YAML: did not find expected ',' or '}', while parsing a flow mapping", NULL },
	{ "duplicate rating", HEAD "  Ma1.1: { core: 3 }\n  Ma1.1: { core: 4 }\n",
	  "a.yaml:5:3: key 'Ma1.1': duplicate key (first defined on line 4)", NULL },
	{ "misspelt top-level key", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nrating: {}\n",
	  "a.yaml:3:1: key 'rating': unknown key; did you mean 'ratings'?",
	  "a.yaml:3:1: キー 'rating': 未知のキーです（'ratings' のことですか？）" },
	{ "no catalog", "system: { name: x, level: 3 }\n", "a.yaml:1:1: key 'catalog': required key is missing", NULL },
	{ "unknown catalog", "catalog: ecom-2005\nsystem: { name: x, level: 3 }\n",
	  "a.yaml:1:10: key 'catalog': catalog 'ecom-2005' not found",
	  "a.yaml:1:10: キー 'catalog': カタログ 'ecom-2005' が見つかりません" },
	{ "system level out of range", "catalog: ecom-2004\nsystem: { name: x, level: 6 }\n",
	  "a.yaml:2:27: key 'level': expected a whole number from 2 to 5, found '6'",
	  "a.yaml:2:27: キー 'level': 2 から 5 までの整数を書いてください（'6' が書かれています）" },
	{ "system level as text", "catalog: ecom-2004\nsystem: { name: x, level: \"3\" }\n",
	  "a.yaml:2:27: key 'level': expected a whole number from 2 to 5, found '3'", NULL },
	{ "system without name", "catalog: ecom-2004\nsystem: { level: 3 }\n",
	  "a.yaml:2:9: key 'name': required key is missing", NULL },
	{ "unknown requirement", HEAD "  Ma1.7: { core: 3 }\n",
	  "a.yaml:4:3: key 'Ma1.7': catalog ecom-2004 has no requirement 'Ma1.7'; did you mean 'Ma1.1'?",
	  "a.yaml:4:3: キー 'Ma1.7': カタログ ecom-2004 に対策要求 'Ma1.7' はありません（'Ma1.1' のことですか？）" },
	{ "rank out of range", HEAD "  Ma1.1: { core: 3, study: E, process: B, management: B, review: B, documentation: B }\n",
	  "a.yaml:4:28: key 'study': 'E' is not allowed (allowed: A, B, C, D) (in Ma1.1)", NULL },
	{ "core out of range", HEAD "  Ma1.1: { core: 6, " OK6 " }\n",
	  "a.yaml:4:18: key 'core': expected a whole number from 1 to 5, found '6' (in Ma1.1)", NULL },
	{ "core and assets", HEAD "  Tb2.3: { core: 3, assets: [ { name: a, core: 3 } ], " OK6 " }\n",
	  "a.yaml:4:29: key 'assets': core and assets cannot both be given (one or the other) (in Tb2.3)",
	  "a.yaml:4:29: キー 'assets': core と assets は同時に書けません（どちらか一方）（Tb2.3）" },
	{ "ranks without core", HEAD "  Ma1.1: { " OK6 " }\n",
	  "a.yaml:4:10: key 'core': the core level (core or assets) is missing (in Ma1.1)", NULL },
	{ "na with a rating", HEAD "  Ma1.1: { na: 対象外, core: 3 }\n",
	  "a.yaml:4:21: key 'core': 'na' cannot be given together with a rating ('core') (in Ma1.1)", NULL },
	{ "na without a reason", HEAD "  Ma1.1: { na: \"\" }\n",
	  "a.yaml:4:16: key 'na': must not be empty (in Ma1.1)", NULL },
	{ "unknown false", HEAD "  Ma1.1: { unknown: false }\n",
	  "a.yaml:4:21: key 'unknown': unknown takes only true (in Ma1.1)", NULL },
	{ "override of two levels", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\ntargets: { Ma1.2: { level: 5, reason: 強化 } }\n",
	  "a.yaml:3:28: key 'level': a target may move one level from the derived target 3 (found 5) (in Ma1.2)",
	  "a.yaml:3:28: キー 'level': 目標の変更は導出した目標 3 から 1 レベルまでです（5 が書かれています）（Ma1.2）" },
	{ "override without a reason", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\ntargets: { Ma1.2: { level: 4 } }\n",
	  "a.yaml:3:19: key 'reason': required key is missing (in Ma1.2)", NULL },
	{ "override below 2", "catalog: ecom-2004\nsystem: { name: x, level: 2 }\ntargets: { Ma1.2: { level: 1, reason: 低リスク } }\n",
	  "a.yaml:3:28: key 'level': a target level is from 2 to 5 (in Ma1.2)", NULL },
	{ "unknown importance", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nimportance: { Tb2.3: high }\n",
	  "a.yaml:3:22: key 'Tb2.3': 'high' is not allowed (allowed: critical, important, general, low) (in Tb2.3)", NULL },
	{ "zero weight", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nweights: { domains: { Tb1: 0 } }\n",
	  "a.yaml:3:28: key 'Tb1': expected a number above 0 and at most 1000", NULL },
	{ "weight as text", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nweights: { requirements: { Tb1.1: heavy } }\n",
	  "a.yaml:3:35: key 'Tb1.1': expected a number above 0 and at most 1000 (in Tb1.1)", NULL },
	{ "unknown domain weight", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nweights: { domains: { Tb10: 2 } }\n",
	  "a.yaml:3:23: key 'Tb10': catalog ecom-2004 has no domain 'Tb10'", NULL },
	{ "asset listed twice", HEAD "  Tb2.3: { assets: [ { name: a, core: 3 }, { name: a, core: 4 } ], " OK6 " }\n",
	  "a.yaml:4:52: key 'name': asset 'a' is listed twice (in Tb2.3)", NULL },
	{ "answers missing a criterion", HEAD "  Ma1.3: { core: 3, management: { mechanism: o }, study: B, process: B, review: B, documentation: B }\n",
	  "a.yaml:4:33: key 'execution': no answer to criterion 'execution' of management (in Ma1.3)",
	  "a.yaml:4:33: キー 'execution': 評価基準 'execution'（management）への回答がありません（Ma1.3）" },
	{ "answer not o, t or x", HEAD "  Ma1.3: { core: 3, management: { mechanism: o, execution: y }, study: B, process: B, review: B, documentation: B }\n",
	  "a.yaml:4:60: key 'execution': 'y' is not allowed (allowed: o, t, x) (in Ma1.3)", NULL },
	{ "answer to an unknown criterion", HEAD "  Ma1.3: { core: 3, management: { mechanism: o, executon: o }, study: B, process: B, review: B, documentation: B }\n",
	  "a.yaml:4:49: key 'executon': unknown key; did you mean 'execution'? (in Ma1.3)", NULL },
	{ "impossible date", HEAD "  Ma1.1: { core: 3, " OK6 ", evidence: [ { title: 方針, date: 2026-02-30 } ] }\n",
	  "a.yaml:4:118: key 'date': date '2026-02-30' is not a real date written YYYY-MM-DD (in Ma1.1)", NULL },
	{ "evidence without title", HEAD "  Ma1.1: { core: 3, " OK6 ", evidence: [ { date: 2026-02-01 } ] }\n",
	  "a.yaml:4:99: key 'title': required key is missing (in Ma1.1)", NULL },
	{ "misspelt rank key", HEAD "  Ma1.1: { core: 3, documentaion: B }\n",
	  "a.yaml:4:21: key 'documentaion': unknown key; did you mean 'documentation'? (in Ma1.1)", NULL },
	{ "improvement for no requirement", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nimprovements: [ { requirement: Zz1.1, aim: 改善 } ]\n",
	  "a.yaml:3:32: key 'Zz1.1': catalog ecom-2004 has no requirement 'Zz1.1'", NULL },
	{ "improvement with an unknown cause", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nimprovements: [ { requirement: Tb2.3, cause: 予算不足, aim: 改善 } ]\n",
	  "a.yaml:3:46: key 'cause': cause '予算不足' is not allowed (planning, deployment, management, capability) (in Tb2.3)", NULL },
	{ "improvement without an aim", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nimprovements: [ { requirement: Tb2.3 } ]\n",
	  "a.yaml:3:17: key 'aim': required key is missing (in Tb2.3)", NULL },
	{ "balance setting of zero", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nsettings: { balance_domain: 0 }\n",
	  "a.yaml:3:29: key 'balance_domain': expected a number above 0 and at most 4", NULL },
	{ "ratings as a list", "catalog: ecom-2004\nsystem: { name: x, level: 3 }\nratings: [ Ma1.1 ]\n",
	  "a.yaml:3:10: key 'ratings': expected a mapping, found a list", NULL },
};

static void each_case(void **state)
{
	const bad_case *bc = *state;
	tk_assessment *a = (tk_assessment *)1;
	tk_error err = { 0 };
	tk_status st = tk_assessment_load_buffer("a.yaml", bc->yaml, strlen(bc->yaml), ecom_resolve, NULL, &a, &err);
	assert_bad_case(bc, st, &err);
	assert_null(a);
}

int main(void)
{
	enum { N = sizeof(CASES) / sizeof(*CASES) };
	struct CMUnitTest tests[N];
	for (size_t i = 0; i < N; i++)
		tests[i] = (struct CMUnitTest){ CASES[i].name, each_case, NULL, NULL, (void *)&CASES[i] };
	return _cmocka_run_group_tests("malformed assessments", tests, N, ecom_setup, ecom_teardown);
}
