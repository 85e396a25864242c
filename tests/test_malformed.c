/* Malformed catalogs: each must be refused with one exact message that names
 * the file, line, column and key, in English and in Japanese. */
#include <stdio.h>
#include <string.h>

#include "taisaku/catalog.h"
#include "bad_case.h"
#include "testutil.h"

/* Lines 1-8. */
#define HEAD \
	"format: taisaku-catalog/1\n" \
	"catalog:\n" \
	"  id: t\n" \
	"  title_ja: 試験\n" \
	"  title_en: Test\n" \
	"  version: \"1\"\n" \
	"  source: none\n" \
	"  kind: compliance\n"
/* Lines 9-17. */
#define VIEWS \
	"views:\n" \
	"  - id: A\n" \
	"    title_ja: 章\n" \
	"    title_en: Chapter\n" \
	"    domains:\n" \
	"      - id: A1\n" \
	"        title_ja: 節\n" \
	"        title_en: Section\n" \
	"        requirements:\n"
/* Lines 18-20, then what the case adds from line 21. */
#define REQ(id, extra) \
	"          - id: " id "\n" \
	"            title_ja: 要求\n" \
	"            title_en: Requirement\n" extra
#define OK_DOC HEAD VIEWS REQ("A1.1", "")

/* A strength catalog's scoring block, lines 9-28 after HEAD with kind strength. */
#define SCORING(thresholds, target4, cells) \
	"scoring:\n" \
	"  model: m\n" \
	"  thresholds: " thresholds "\n" \
	"  targets:\n" \
	"    5: { critical: 5, important: 5, general: 4, low: 4 }\n" \
	"    4: " target4 "\n" \
	"    3: { critical: 4, important: 3, general: 3, low: 2 }\n" \
	"    2: { critical: 2, important: 2, general: 2, low: 2 }\n" \
	"  peripherals:\n" \
	"    - { id: study, title_ja: 検討, title_en: S, columns: [{id: a, title_ja: あ}], rows: [{rank: A, cells: " cells "}] }\n" \
	"    - { id: process, title_ja: 実装, title_en: P, columns: [{id: a, title_ja: あ}], rows: [{rank: A, cells: [o]}] }\n" \
	"    - { id: management, title_ja: 管理, title_en: M, columns: [{id: a, title_ja: あ}], rows: [{rank: A, cells: [o]}] }\n" \
	"    - { id: review, title_ja: 見直し, title_en: R, columns: [{id: a, title_ja: あ}], rows: [{rank: A, cells: [o]}] }\n" \
	"    - { id: documentation, title_ja: 文書, title_en: D, columns: [{id: a, title_ja: あ}], rows: [{rank: A, cells: [o]}] }\n"
#define STRENGTH_HEAD(thresholds, target4, cells) \
	"format: taisaku-catalog/1\n" \
	"catalog: { id: t, title_ja: 試験, title_en: Test, version: \"1\", source: none, kind: strength }\n" \
	SCORING(thresholds, target4, cells)
#define GOOD_T4 "{ critical: 4, important: 4, general: 3, low: 3 }"
#define GOOD_TH "{ 5: A, 4: B, 3: B, 2: C }"

static const bad_case CASES[] = {
	{ "empty file", "", "t.yaml: the file is empty", "t.yaml: ファイルが空です" },
	{ "only a comment", "# nothing\n", "t.yaml: the file is empty", NULL },
	{ "invalid UTF-8", "format: \xff\xfe\n", "t.yaml:1:9: not valid UTF-8",
	  "t.yaml:1:9: UTF-8 として正しくない文字があります" },
	{ "invalid UTF-8 on a later line", "format: a\ncatalog: あ\xe3\x81\n", "t.yaml:2:11: not valid UTF-8", NULL },
	{ "unclosed flow sequence", "views: [\n",
	  "t.yaml:2:1: not valid YAML: did not find expected node content, while parsing a flow node", NULL },
	{ "tab indentation", "catalog:\n\tid: t\n",
	  "t.yaml:2:1: not valid YAML: found character that cannot start any token, while scanning for the next token", NULL },
	{ "duplicate top-level key", "format: a\nformat: b\n",
	  "t.yaml:2:1: key 'format': duplicate key (first defined on line 1)",
	  "t.yaml:2:1: キー 'format': キーが重複しています（最初の定義は 1 行目）" },
	{ "unknown key with suggestion", HEAD "view: []\n",
	  "t.yaml:9:1: key 'view': unknown key; did you mean 'views'?",
	  "t.yaml:9:1: キー 'view': 未知のキーです（'views' のことですか？）" },
	{ "unknown key without suggestion", HEAD "zzzzzzzzzz: 1\n",
	  "t.yaml:9:1: key 'zzzzzzzzzz': unknown key (known keys: format, catalog, activities, departments, scoring, views, glossary, notes)", NULL },
	{ "unsupported format", "format: taisaku-catalog/2\n",
	  "t.yaml:1:9: key 'format': format 'taisaku-catalog/2' is not supported (only 'taisaku-catalog/1')", NULL },
	{ "missing catalog", "format: taisaku-catalog/1\nviews: []\n",
	  "t.yaml:1:1: key 'catalog': required key is missing",
	  "t.yaml:1:1: キー 'catalog': 必須のキーがありません" },
	{ "catalog id with capitals", "format: taisaku-catalog/1\ncatalog: { id: Bad, title_ja: あ, title_en: a, version: \"1\", source: s, kind: compliance }\n",
	  "t.yaml:2:16: key 'id': catalog ID 'Bad' must be lower-case letters, digits and hyphens", NULL },
	{ "unknown catalog kind", "format: taisaku-catalog/1\ncatalog: { id: b, title_ja: あ, title_en: a, version: \"1\", source: s, kind: strong }\n",
	  "t.yaml:2:76: key 'kind': 'strong' is not allowed (allowed: strength, compliance)", NULL },
	{ "views is a mapping", HEAD "views: { a: 1 }\n",
	  "t.yaml:9:8: key 'views': expected a list, found a mapping",
	  "t.yaml:9:8: キー 'views': リストを書いてください（マッピングが書かれています）" },
	{ "views is empty", HEAD "views: []\n", "t.yaml:9:8: key 'views': the list must not be empty", NULL },
	{ "view with subviews and domains", HEAD "views:\n  - { id: A, title_ja: 章, title_en: C, subviews: [], domains: [] }\n",
	  "t.yaml:10:5: key 'subviews': a view has either subviews or domains, not both and not neither (in A)", NULL },
	{ "domain without requirements", HEAD "views:\n  - id: A\n    title_ja: 章\n    title_en: C\n    domains:\n      - { id: A1, title_ja: 節, title_en: S }\n",
	  "t.yaml:14:9: key 'requirements': required key is missing (in A1)", NULL },
	{ "requirement without title_en", HEAD VIEWS "          - { id: A1.1, title_ja: 要求 }\n",
	  "t.yaml:18:13: key 'title_en': required key is missing (in A1.1)",
	  "t.yaml:18:13: キー 'title_en': 必須のキーがありません（A1.1）" },
	{ "empty title", HEAD VIEWS "          - { id: A1.1, title_ja: \"\", title_en: R }\n",
	  "t.yaml:18:35: key 'title_ja': must not be empty (in A1.1)", NULL },
	{ "duplicate requirement ID", HEAD VIEWS REQ("A1.1", "") REQ("A1.1", ""),
	  "t.yaml:21:17: key 'id': duplicate ID 'A1.1' (first defined on line 18)",
	  "t.yaml:21:17: キー 'id': ID 'A1.1' が重複しています（最初の定義は 18 行目）" },
	{ "ID with a space", HEAD VIEWS REQ("\"A1 1\"", ""),
	  "t.yaml:18:17: key 'id': ID 'A1 1' is not allowed (at most 63 bytes, no white space or control characters)", NULL },
	{ "misspelt requirement key", HEAD VIEWS REQ("A1.1", "            purpose: 目的\n"),
	  "t.yaml:21:13: key 'purpose': unknown key; did you mean 'purpose_ja'? (in A1.1)", NULL },
	{ "bad ISMS control number", HEAD VIEWS REQ("A1.1", "            isms: [ { id: 3.1.a } ]\n"),
	  "t.yaml:21:27: key 'id': control number '3.1.a' must be digits and dots (e.g. 3.1.1) (in A1.1)", NULL },
	{ "undefined department", HEAD VIEWS REQ("A1.1", "            departments: { primary: [legal] }\n"),
	  "t.yaml:21:38: key 'primary': department 'legal' is not defined in the catalog (in A1.1)",
	  "t.yaml:21:38: キー 'primary': 部門 'legal' はカタログに定義されていません（A1.1）" },
	{ "marks not a list", HEAD VIEWS REQ("A1.1", "            activities: { primary: policy }\n"),
	  "t.yaml:21:36: key 'primary': expected a list, found a string (in A1.1)", NULL },
	{ "unknown requirement kind", HEAD VIEWS REQ("A1.1", "            kind: physical\n"),
	  "t.yaml:21:19: key 'kind': 'physical' is not allowed (allowed: technical, management) (in A1.1)", NULL },
	{ "sub-point without text", HEAD VIEWS REQ("A1.1", "            points: [ { title_ja: 点, items: [ { items: [] } ] } ]\n"),
	  "t.yaml:21:47: key 'text_ja': required key is missing (in A1.1)", NULL },
	{ "alias", "a: &x 1\nb: *x\n", "t.yaml:1:4: anchors (&) are not allowed",
	  "t.yaml:1:4: アンカー（&）は使えません" },
	{ "bare alias", "b: *x\n", "t.yaml:1:4: aliases (*) are not allowed", NULL },
	{ "two documents", "a: 1\n---\nb: 2\n", "t.yaml:2:1: the file holds more than one document", NULL },
	{ "nesting too deep",
	  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
	  "t.yaml:1:65: nesting is too deep (at most 64 levels)", NULL },
	{ "NUL in a string", HEAD VIEWS REQ("A1.1", "            purpose_ja: \"a\\0b\"\n"),
	  "t.yaml:21:25: a string contains a NUL character", NULL },
	{ "complex key", "? [a]\n: b\n", "t.yaml:1:3: a key must be a plain string", NULL },
	{ "strength catalog without scoring", "format: taisaku-catalog/1\ncatalog: { id: t, title_ja: 試験, title_en: T, version: \"1\", source: s, kind: strength }\n"
	  "views:\n  - id: A\n    title_ja: 章\n    title_en: C\n    domains:\n      - id: A1\n        title_ja: 節\n        title_en: S\n        requirements:\n" REQ("A1.1", ""),
	  "t.yaml:1:1: key 'scoring': a catalog of kind strength needs a scoring model", NULL },
	{ "compliance catalog with scoring", HEAD "scoring: {}\n" VIEWS REQ("A1.1", ""),
	  "t.yaml:9:10: key 'scoring': a compliance catalog has no scoring model", NULL },
	{ "unknown rank in thresholds", STRENGTH_HEAD("{ 5: E, 4: B, 3: B, 2: C }", GOOD_T4, "[o]") VIEWS REQ("A1.1", ""),
	  "t.yaml:5:20: key '5': 'E' is not allowed (allowed: A, B, C, D)", NULL },
	{ "loose threshold", STRENGTH_HEAD("{ 5: C, 4: B, 3: B, 2: C }", GOOD_T4, "[o]") VIEWS REQ("A1.1", ""),
	  "t.yaml:5:15: key 'thresholds': the threshold of level 5 is looser than that of level 4", NULL },
	{ "target out of range", STRENGTH_HEAD(GOOD_TH, "{ critical: 6, important: 4, general: 3, low: 3 }", "[o]") VIEWS REQ("A1.1", ""),
	  "t.yaml:8:20: key 'critical': expected a whole number from 2 to 5, found '6'", NULL },
	{ "target row missing importance", STRENGTH_HEAD(GOOD_TH, "{ critical: 4, important: 4, general: 3 }", "[o]") VIEWS REQ("A1.1", ""),
	  "t.yaml:8:8: key 'low': required key is missing", NULL },
	{ "cells do not match columns", STRENGTH_HEAD(GOOD_TH, GOOD_T4, "[o, o]") VIEWS REQ("A1.1", ""),
	  "t.yaml:12:104: key 'cells': there are 1 columns but 2 cells", NULL },
	{ "unknown cell", STRENGTH_HEAD(GOOD_TH, GOOD_T4, "[y]") VIEWS REQ("A1.1", ""),
	  "t.yaml:12:105: key 'cells': 'y' is not allowed (allowed: o, t, x, -, t|x, o|t)", NULL },
	{ "unknown theme", HEAD "views:\n  - id: A\n    title_ja: 章\n    title_en: C\n    domains:\n      - { id: A1, title_ja: 節, title_en: S, themes: [secrecy], requirements: [ { id: A1.1, title_ja: あ, title_en: a } ] }\n",
	  "t.yaml:14:54: key 'themes': 'secrecy' is not allowed (allowed: confidentiality, accuracy, availability, unauthorized_use, rule_violation, complicity, damage_spread, effectiveness) (in A1)", NULL },
};

static void one_case(const bad_case *bc)
{
	tk_catalog *cat = (tk_catalog *)1;
	tk_error err = { 0 };
	tk_status st = tk_catalog_load_buffer("t.yaml", bc->yaml, strlen(bc->yaml), &cat, &err);
	assert_bad_case(bc, st, &err);
	assert_int_equal(st, TK_EINPUT);
	assert_null(cat);
}

static void each_case(void **state)
{
	one_case(*state);
}

static void well_formed_base(void **state)
{
	(void)state;
	/* The base the cases start from loads, so each failure is the case's own. */
	tk_catalog *cat;
	tk_error err = { 0 };
	assert_int_equal(tk_catalog_load_buffer("t.yaml", OK_DOC, strlen(OK_DOC), &cat, &err), TK_OK);
	tk_catalog_free(cat);
	const char *strength = STRENGTH_HEAD(GOOD_TH, GOOD_T4, "[o]") VIEWS REQ("A1.1", "");
	assert_int_equal(tk_catalog_load_buffer("t.yaml", strength, strlen(strength), &cat, &err), TK_OK);
	tk_catalog_free(cat);
}

int main(void)
{
	enum { N = sizeof(CASES) / sizeof(*CASES) };
	struct CMUnitTest tests[N + 1];
	tests[0] = (struct CMUnitTest)cmocka_unit_test(well_formed_base);
	for (size_t i = 0; i < N; i++) {
		tests[i + 1] = (struct CMUnitTest){ CASES[i].name, each_case, NULL, NULL, (void *)&CASES[i] };
	}
	return _cmocka_run_group_tests("malformed catalogs", tests, N + 1, NULL, NULL);
}
