/* Compliance assessments: loading (every field, and malformed files that
 * must each be refused with the right file, line, column and key),
 * evaluation arithmetic checked by hand on a small catalog
 * (tests/data/mini-compliance.yaml), the canonical writer's round trip on
 * the four examples, and the helpers the rules document and the workbooks
 * build on. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/compliance.h"
#include "taisaku/file.h"
#include "bad_case.h"
#include "testutil.h"

/* This cmocka has no assert_double_equal. */
#define assert_near(x, y, eps) assert_true(fabs((double)(x) - (double)(y)) <= (eps))

/* ---- catalogs, loaded once ---- */

static struct {
	const char *id, *path;
	tk_catalog *cat;
} CATS[] = {
	{ "mini-compliance", TEST_DATA("mini-compliance.yaml"), NULL },
	{ "atla-ssr", CATALOG("atla-ssr.yaml"), NULL },
	{ "nisc-2012", CATALOG("nisc-2012.yaml"), NULL },
	{ "space-rules", CATALOG("space-rules.yaml"), NULL },
	{ "port-tos", CATALOG("port-tos.yaml"), NULL },
	{ "ecom-2004", CATALOG("ecom-2004.yaml"), NULL },
};
enum { NCATS = sizeof(CATS) / sizeof(*CATS) };

static tk_status resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	for (size_t i = 0; i < NCATS; i++) {
		if (strcmp(CATS[i].id, id) != 0)
			continue;
		if (!CATS[i].cat) {
			tk_status st = tk_catalog_load_file(CATS[i].path, &CATS[i].cat, err);
			if (st)
				return st;
		}
		*out = CATS[i].cat;
		return TK_OK;
	}
	return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "カタログ '%s' が見つかりません",
		"catalog '%s' not found", id);
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCATS; i++) {
		tk_catalog_free(CATS[i].cat);
		CATS[i].cat = NULL;
	}
	return 0;
}

static tk_compliance *load(const char *yaml)
{
	tk_compliance *c = NULL;
	tk_error err = { 0 };
	tk_status st = tk_compliance_load_buffer("c.yaml", yaml, strlen(yaml), resolve, NULL, &c, &err);
	if (st) {
		char buf[1024];
		print_error("%s\n", tk_error_format(&err, TK_LANG_EN, buf, sizeof(buf)));
	}
	assert_int_equal(st, TK_OK);
	return c;
}

static long item_index(const tk_compliance *c, const char *id)
{
	const tk_requirement *q = tk_catalog_requirement(c->catalog, id);
	assert_non_null(q);
	return q - c->catalog->requirements;
}

/* ---- loading ---- */

#define MINI "catalog: mini-compliance\nsystem: { name: 試験システム }\n"

static void loads_every_field(void **state)
{
	(void)state;
	tk_compliance *c = load(
		"catalog: mini-compliance\n"
		"system: { name: 本省LAN, organization: ○○省, date: 2026-10-01, assessor: 山田 }\n"
		"items:\n"
		"  S1.1: implemented\n"
		"  S1.2: { status: partial, note: 一部の部署で未実施, evidence: [ { title: 周知記録, date: 2026-04-01, ref: DOC-1 } ],\n"
		"          action: { content: 全部署に周知する, due: 2027-03-31, owner: 総務課長 } }\n"
		"  S1.3: { status: na, reason: 方針は親会社が見直す }\n"
		"  S2.1: { status: unknown, note: 確認中 }\n"
		"  S2.2:\n"
		"  \"S3.2(a)\": { status: unassessed, note: 写像なし }\n"
		"roles: { 監査人: 内部監査室長, 情報セキュリティ責任者: 総務部長 }\n"
		"parameters: { S2.2-p1: 入社日, S1.1-p1: 毎年4月 }\n");
	assert_string_equal(c->system_name, "本省LAN");
	assert_string_equal(c->organization, "○○省");
	assert_string_equal(c->date, "2026-10-01");
	assert_string_equal(c->assessor, "山田");
	const tk_compliance_item *it = c->items;
	assert_int_equal(it[item_index(c, "S1.1")].status, TK_CS_IMPLEMENTED);
	const tk_compliance_item *p = &it[item_index(c, "S1.2")];
	assert_int_equal(p->status, TK_CS_PARTIAL);
	assert_string_equal(p->note, "一部の部署で未実施");
	assert_int_equal(p->n_evidence, 1);
	assert_string_equal(p->evidence[0].title, "周知記録");
	assert_string_equal(p->evidence[0].date, "2026-04-01");
	assert_string_equal(p->evidence[0].ref, "DOC-1");
	assert_true(p->has_action);
	assert_string_equal(p->action.content, "全部署に周知する");
	assert_string_equal(p->action.due, "2027-03-31");
	assert_string_equal(p->action.owner, "総務課長");
	assert_int_equal(it[item_index(c, "S1.3")].status, TK_CS_NA);
	assert_string_equal(it[item_index(c, "S1.3")].reason, "方針は親会社が見直す");
	assert_int_equal(it[item_index(c, "S2.1")].status, TK_CS_UNKNOWN);
	assert_int_equal(it[item_index(c, "S2.2")].status, TK_CS_UNASSESSED);
	assert_int_equal(it[item_index(c, "S2.3")].status, TK_CS_UNASSESSED); /* not listed */
	assert_int_equal(it[item_index(c, "S3.2(a)")].status, TK_CS_UNASSESSED);
	assert_string_equal(it[item_index(c, "S3.2(a)")].note, "写像なし");
	/* Roles and parameters come in catalog order, whatever the file's. */
	assert_int_equal(c->n_roles, 2);
	assert_string_equal(c->roles[0].name, "情報セキュリティ責任者");
	assert_int_equal(c->roles[0].requirement, item_index(c, "S1.1"));
	assert_string_equal(c->roles[1].name, "監査人");
	assert_int_equal(c->roles[1].requirement, UINT32_MAX); /* only the glossary names it */
	assert_string_equal(tk_compliance_role(c, "監査人"), "内部監査室長");
	assert_null(tk_compliance_role(c, "総務担当"));
	assert_int_equal(c->n_parameters, 2);
	assert_string_equal(c->parameters[0].name, "S1.1-p1");
	assert_int_equal(c->parameters[0].requirement, item_index(c, "S1.1"));
	assert_int_equal(c->parameters[0].parameter, 0);
	assert_string_equal(c->parameters[1].name, "S2.2-p1");
	assert_string_equal(tk_compliance_parameter(c, "S2.2-p1"), "入社日");
	assert_null(tk_compliance_parameter(c, "S1.1-p2"));
	tk_compliance_free(c);
}

static void json_input_loads(void **state)
{
	(void)state;
	tk_compliance *c = load("{\"catalog\": \"mini-compliance\", \"system\": {\"name\": \"x\"},"
		" \"items\": {\"S1.1\": \"implemented\", \"S3.1\": {\"status\": \"na\", \"reason\": \"なし\"}}}");
	assert_int_equal(c->items[item_index(c, "S1.1")].status, TK_CS_IMPLEMENTED);
	assert_int_equal(c->items[item_index(c, "S3.1")].status, TK_CS_NA);
	tk_compliance_free(c);
}

static void role_names_in_catalog_order(void **state)
{
	(void)state;
	const tk_catalog *cat;
	tk_error err = { 0 };
	assert_int_equal(resolve(NULL, "mini-compliance", &cat, &err), TK_OK);
	size_t n;
	const char **names = tk_compliance_role_names(cat, &n);
	assert_non_null(names);
	assert_int_equal(n, 3);
	assert_string_equal(names[0], "情報セキュリティ責任者");
	assert_string_equal(names[1], "総務担当");
	assert_string_equal(names[2], "監査人");
	assert_null(names[3]);
	free((void *)names);
}

static void tells_compliance_from_ecom(void **state)
{
	(void)state;
	const char *comp = MINI "items: {}\n";
	const char *ecom = "catalog: ecom-2004\nsystem: { name: x, level: 3 }\n";
	const char *broken = "catalog: [\n";
	const char *nowhere = "catalog: no-such-catalog\n";
	assert_true(tk_document_is_compliance("a", comp, strlen(comp), resolve, NULL));
	assert_false(tk_document_is_compliance("a", ecom, strlen(ecom), resolve, NULL));
	assert_false(tk_document_is_compliance("a", broken, strlen(broken), resolve, NULL));
	assert_false(tk_document_is_compliance("a", nowhere, strlen(nowhere), resolve, NULL));
}

/* ---- malformed files ---- */

static const bad_case BAD[] = {
	{ "empty file", "", "c.yaml: the file is empty", "c.yaml: ファイルが空です" },
	{ "misspelt top-level key", MINI "item: {}\n",
	  "c.yaml:3:1: key 'item': unknown key; did you mean 'items'?",
	  "c.yaml:3:1: キー 'item': 未知のキーです（'items' のことですか？）" },
	{ "no catalog", "system: { name: x }\nitems: {}\n", "c.yaml:1:1: key 'catalog': required key is missing", NULL },
	{ "unknown catalog", "catalog: nisc-2013\nsystem: { name: x }\nitems: {}\n",
	  "c.yaml:1:10: key 'catalog': catalog 'nisc-2013' not found", NULL },
	{ "a strength catalog", "catalog: ecom-2004\nsystem: { name: x }\nitems: {}\n",
	  "c.yaml:1:10: key 'catalog': catalog ecom-2004 is not a compliance catalog",
	  "c.yaml:1:10: キー 'catalog': カタログ ecom-2004 は準拠性を評価するカタログではありません" },
	{ "no system", "catalog: mini-compliance\nitems: {}\n", "c.yaml:1:1: key 'system': required key is missing", NULL },
	{ "system without name", "catalog: mini-compliance\nsystem: { organization: x }\nitems: {}\n",
	  "c.yaml:2:9: key 'name': required key is missing", NULL },
	{ "a level in system", "catalog: mini-compliance\nsystem: { name: x, level: 3 }\nitems: {}\n",
	  "c.yaml:2:20: key 'level': unknown key (known keys: name, organization, date, assessor)", NULL },
	{ "impossible date", "catalog: mini-compliance\nsystem: { name: x, date: 2026-02-30 }\nitems: {}\n",
	  "c.yaml:2:26: key 'date': date '2026-02-30' is not a real date written YYYY-MM-DD", NULL },
	{ "no items", MINI, "c.yaml:1:1: key 'items': required key is missing", NULL },
	{ "items as a list", MINI "items: [ S1.1 ]\n", "c.yaml:3:8: key 'items': expected a mapping, found a list", NULL },
	{ "unknown item", MINI "items:\n  S1.4: implemented\n",
	  "c.yaml:4:3: key 'S1.4': catalog mini-compliance has no item 'S1.4'; did you mean 'S1.1'?",
	  "c.yaml:4:3: キー 'S1.4': カタログ mini-compliance に項目 'S1.4' はありません（'S1.1' のことですか？）" },
	{ "duplicate item", MINI "items:\n  S1.1: implemented\n  S1.1: partial\n",
	  "c.yaml:5:3: key 'S1.1': duplicate key (first defined on line 4)", NULL },
	{ "unknown status", MINI "items:\n  S1.1: done\n",
	  "c.yaml:4:9: key 'S1.1': 'done' is not allowed (allowed: unassessed, implemented, partial, not-implemented, na, unknown) (in S1.1)",
	  NULL },
	{ "misspelt status in a mapping", MINI "items:\n  S1.1: { status: not_implemented }\n",
	  "c.yaml:4:19: key 'status': 'not_implemented' is not allowed (allowed: unassessed, implemented, partial, not-implemented, na, unknown) (in S1.1)",
	  NULL },
	{ "na shorthand without reason", MINI "items:\n  S1.3: na\n",
	  "c.yaml:4:9: key 'S1.3': na needs a reason (write { status: na, reason: ... }) (in S1.3)",
	  "c.yaml:4:9: キー 'S1.3': 対象外（na）には理由が必要です（{ status: na, reason: ... } と書いてください）（S1.3）" },
	{ "na without reason", MINI "items:\n  S1.3: { status: na, note: 親会社 }\n",
	  "c.yaml:4:9: key 'reason': na needs a reason (in S1.3)", NULL },
	{ "empty reason", MINI "items:\n  S1.3: { status: na, reason: \"\" }\n",
	  "c.yaml:4:31: key 'reason': must not be empty (in S1.3)", NULL },
	{ "reason with another status", MINI "items:\n  S1.3: { status: partial, reason: 一部 }\n",
	  "c.yaml:4:36: key 'reason': reason is the reason for na (use note with other statuses) (in S1.3)", NULL },
	{ "mapping without status", MINI "items:\n  S1.1: { note: 実施済み }\n",
	  "c.yaml:4:9: key 'status': required key is missing (in S1.1)", NULL },
	{ "misspelt item key", MINI "items:\n  S1.1: { status: partial, acton: { content: x } }\n",
	  "c.yaml:4:28: key 'acton': unknown key; did you mean 'action'? (in S1.1)", NULL },
	{ "action without content", MINI "items:\n  S1.1: { status: partial, action: { due: 2027-03-31 } }\n",
	  "c.yaml:4:36: key 'content': required key is missing (in S1.1)", NULL },
	{ "action due not a date", MINI "items:\n  S1.1: { status: partial, action: { content: x, due: 来年 } }\n",
	  "c.yaml:4:55: key 'due': date '来年' is not a real date written YYYY-MM-DD (in S1.1)", NULL },
	{ "evidence without title", MINI "items:\n  S1.1: { status: implemented, evidence: [ { ref: DOC-1 } ] }\n",
	  "c.yaml:4:44: key 'title': required key is missing (in S1.1)", NULL },
	{ "evidence not a list", MINI "items:\n  S1.1: { status: implemented, evidence: 規程 }\n",
	  "c.yaml:4:42: key 'evidence': expected a list, found a string (in S1.1)", NULL },
	{ "unknown role", MINI "items: {}\nroles: { 情報セキュリティ責任車: 総務部長 }\n",
	  "c.yaml:4:10: key '情報セキュリティ責任車': catalog mini-compliance has no role '情報セキュリティ責任車'; did you mean '情報セキュリティ責任者'?",
	  "c.yaml:4:10: キー '情報セキュリティ責任車': カタログ mini-compliance に役割 '情報セキュリティ責任車' はありません（'情報セキュリティ責任者' のことですか？）" },
	{ "empty role title", MINI "items: {}\nroles: { 総務担当: \"\" }\n",
	  "c.yaml:4:16: key '総務担当': must not be empty", NULL },
	{ "unknown parameter", MINI "items: {}\nparameters: { S1.1-p3: 毎年 }\n",
	  "c.yaml:4:15: key 'S1.1-p3': catalog mini-compliance has no parameter 'S1.1-p3'; did you mean 'S1.1-p1'?", NULL },
	{ "parameter as a list", MINI "items: {}\nparameters: { S1.1-p1: [ 毎年 ] }\n",
	  "c.yaml:4:24: key 'S1.1-p1': expected a string", "c.yaml:4:24: キー 'S1.1-p1': 文字列を書いてください" },
	{ "parameters as a list", MINI "items: {}\nparameters: [ S1.1-p1 ]\n",
	  "c.yaml:4:13: key 'parameters': expected a mapping, found a list", NULL },
};

static void each_bad_case(void **state)
{
	const bad_case *bc = *state;
	tk_compliance *c = (tk_compliance *)1;
	tk_error err = { 0 };
	tk_status st = tk_compliance_load_buffer("c.yaml", bc->yaml, strlen(bc->yaml), resolve, NULL, &c, &err);
	assert_bad_case(bc, st, &err);
	assert_null(c);
}

/* ---- evaluation, checked by hand ---- */

static tk_compliance_result *evaluate(const tk_compliance *c)
{
	tk_compliance_result *r = NULL;
	tk_error err = { 0 };
	assert_int_equal(tk_compliance_evaluate(c, &r, &err), TK_OK);
	return r;
}

static void arithmetic_by_hand(void **state)
{
	(void)state;
	/* S1: implemented, partial, na          -> applicable 2, (1 + ½) / 2 = 0.75
	 * S2: not-implemented, unknown, unassessed (empty entry), implemented
	 *                                         -> applicable 4, 1 / 4 = 0.25
	 *     (S2.3 is not listed: unassessed too; so S2 = impl S2.4 only)
	 * S3: na, na                              -> nothing applicable: NaN
	 * V1 = S1 + S2: applicable 6, 2 implemented + 1 partial -> 2.5 / 6
	 * V2 = S3: NaN; overall = V1 (na counts nowhere). */
	tk_compliance *c = load(MINI "items:\n"
		"  S1.1: implemented\n  S1.2: partial\n  S1.3: { status: na, reason: 親会社 }\n"
		"  S2.1: not-implemented\n  S2.2: { status: unknown, note: 確認中 }\n  S2.4: implemented\n"
		"  S3.1: { status: na, reason: なし }\n  \"S3.2(a)\": { status: na, reason: なし }\n");
	tk_compliance_result *r = evaluate(c);
	assert_int_equal(r->sections[0].total, 3);
	assert_int_equal(r->sections[0].applicable, 2);
	assert_near(r->sections[0].compliance, 0.75, 1e-12);
	assert_int_equal(r->sections[1].applicable, 4);
	assert_int_equal(r->sections[1].n[TK_CS_UNASSESSED], 1);
	assert_int_equal(r->sections[1].n[TK_CS_UNKNOWN], 1);
	assert_int_equal(r->sections[1].n[TK_CS_NOT_IMPLEMENTED], 1);
	assert_near(r->sections[1].compliance, 0.25, 1e-12);
	assert_int_equal(r->sections[2].applicable, 0);
	assert_true(isnan(r->sections[2].compliance));
	assert_near(r->views[0].compliance, 2.5 / 6, 1e-12);
	assert_true(isnan(r->views[1].compliance));
	assert_int_equal(r->overall.total, 9);
	assert_int_equal(r->overall.applicable, 6);
	assert_int_equal(r->overall.n[TK_CS_NA], 3);
	assert_int_equal(r->overall.n[TK_CS_IMPLEMENTED], 2);
	assert_int_equal(r->overall.n[TK_CS_PARTIAL], 1);
	assert_near(r->overall.compliance, 2.5 / 6, 1e-12);
	/* Open: partial S1.2, not-implemented S2.1, unknown S2.2, unassessed S2.3, in catalog order. */
	assert_int_equal(r->n_open, 4);
	const char *open[] = { "S1.2", "S2.1", "S2.2", "S2.3" };
	for (size_t k = 0; k < 4; k++)
		assert_string_equal(c->catalog->requirements[r->open[k]].id, open[k]);
	assert_int_equal(tk_compliance_exit_code(r), 2);
	char buf[16];
	assert_string_equal(tk_compliance_percent(r->overall.compliance, buf, sizeof(buf)), "41.7%");
	assert_string_equal(tk_compliance_percent(r->sections[2].compliance, buf, sizeof(buf)), "-");
	tk_compliance_result_free(r);
	tk_compliance_free(c);
}

static void all_implemented_passes(void **state)
{
	(void)state;
	tk_compliance *c = load(MINI "items:\n"
		"  S1.1: implemented\n  S1.2: implemented\n  S1.3: implemented\n  S2.1: implemented\n"
		"  S2.2: implemented\n  S2.3: implemented\n  S2.4: { status: na, reason: 懲戒は就業規則 }\n"
		"  S3.1: implemented\n  \"S3.2(a)\": implemented\n");
	tk_compliance_result *r = evaluate(c);
	assert_near(r->overall.compliance, 1.0, 0);
	assert_near(r->sections[1].compliance, 1.0, 0);
	assert_int_equal(r->overall.applicable, 8);
	assert_int_equal(r->n_open, 0);
	assert_int_equal(tk_compliance_exit_code(r), 0);
	tk_compliance_result_free(r);
	tk_compliance_free(c);
}

static void partial_counts_half(void **state)
{
	(void)state;
	/* Three partial of S1 and nothing else: S1 = 1.5 / 3 = 0.5; the 6
	 * unassessed items elsewhere keep the overall at 1.5 / 9. */
	tk_compliance *c = load(MINI "items:\n  S1.1: partial\n  S1.2: partial\n  S1.3: partial\n");
	tk_compliance_result *r = evaluate(c);
	assert_near(r->sections[0].compliance, 0.5, 1e-12);
	assert_near(r->sections[2].compliance, 0.0, 0);
	assert_near(r->overall.compliance, 1.5 / 9, 1e-12);
	assert_int_equal(r->overall.n[TK_CS_UNASSESSED], 6);
	assert_int_equal(r->n_open, 9);
	tk_compliance_result_free(r);
	tk_compliance_free(c);
}

static void percent_rounds_half_up(void **state)
{
	(void)state;
	char buf[16];
	/* 0.0625 is 6.25%: half up gives 6.3, not printf's 6.2. */
	assert_string_equal(tk_compliance_percent(0.0625, buf, sizeof(buf)), "6.3%");
	assert_string_equal(tk_compliance_percent(1.0, buf, sizeof(buf)), "100.0%");
	assert_string_equal(tk_compliance_percent(0.0, buf, sizeof(buf)), "0.0%");
}

static void status_names(void **state)
{
	(void)state;
	for (int s = 0; s < TK_CS_COUNT; s++) {
		tk_item_status back;
		assert_true(tk_item_status_parse(tk_item_status_name((tk_item_status)s), &back));
		assert_int_equal(back, s);
	}
	tk_item_status x;
	assert_false(tk_item_status_parse("done", &x));
	assert_string_equal(tk_item_status_label(TK_CS_NOT_IMPLEMENTED, TK_LANG_JA), "未実施");
	assert_string_equal(tk_item_status_label(TK_CS_NA, TK_LANG_EN), "not applicable");
	assert_true(tk_item_status_open(TK_CS_UNASSESSED));
	assert_false(tk_item_status_open(TK_CS_NA));
	assert_false(tk_item_status_open(TK_CS_IMPLEMENTED));
}

/* ---- the canonical writer ---- */

static char *write_text(const tk_compliance *c, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	assert_non_null(f);
	tk_error err = { 0 };
	assert_int_equal(tk_compliance_write_yaml(c, f, &err), TK_OK);
	fclose(f);
	return buf;
}

static void writer_round_trip(void **state)
{
	(void)state;
	tk_compliance *a = load(MINI "items:\n"
		"  S1.2: { status: partial, note: \"引用 \\\"x\\\"\\n改行\", evidence: [ { title: 記録, date: 2026-04-01 } ],"
		" action: { content: 直す, owner: 課長 } }\n"
		"  S1.3: { status: na, reason: 親会社 }\n  S2.1: not-implemented\n"
		"  \"S3.2(a)\": { status: unassessed, note: 写像なし }\n"
		"roles: { 監査人: 内部監査室長 }\nparameters: { S1.1-p2: 総務部長 }\n");
	size_t n1, n2;
	char *t1 = write_text(a, &n1);
	tk_compliance *b = NULL;
	tk_error err = { 0 };
	assert_int_equal(tk_compliance_load_buffer("w.yaml", t1, n1, resolve, NULL, &b, &err), TK_OK);
	char *t2 = write_text(b, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(t1, t2, n1);
	/* What the writer wrote is what was read. */
	assert_non_null(strstr(t1, "  \"S2.1\": not-implemented\n"));
	assert_non_null(strstr(t1, "  \"S1.1\":\n"));
	assert_non_null(strstr(t1, "  \"S3.2(a)\": { status: unassessed, note: \"写像なし\" }\n"));
	assert_string_equal(b->items[item_index(b, "S1.2")].note, "引用 \"x\"\n改行");
	assert_string_equal(tk_compliance_parameter(b, "S1.1-p2"), "総務部長");
	free(t1);
	free(t2);
	tk_compliance_free(a);
	tk_compliance_free(b);
}

/* The examples are written in the canonical layout by
 * tools/make-compliance-examples.py: the C writer gives back each byte. */
static void examples_are_canonical(void **state)
{
	(void)state;
	static const char *const files[] = { "defense-supplier-atla.yaml", "ministry-nisc.yaml",
		"space-operator-rules.yaml", "port-terminal-tos.yaml" };
	for (size_t k = 0; k < sizeof(files) / sizeof(*files); k++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/examples/%s", TK_SOURCE_ROOT, files[k]);
		char *data;
		size_t len, n;
		tk_error err = { 0 };
		assert_int_equal(tk_file_read(path, &data, &len, &err), TK_OK);
		tk_compliance *c = NULL;
		assert_int_equal(tk_compliance_load_buffer(path, data, len, resolve, NULL, &c, &err), TK_OK);
		char *text = write_text(c, &n);
		if (n != len || memcmp(text, data, n) != 0)
			print_error("%s is not in the canonical layout\n", files[k]);
		assert_int_equal(n, len);
		assert_memory_equal(text, data, n);
		/* Every item assessed, none left unassessed. */
		tk_compliance_result *r = evaluate(c);
		assert_int_equal(r->overall.n[TK_CS_UNASSESSED], 0);
		assert_int_equal(r->overall.total, c->catalog->n_requirements);
		tk_compliance_result_free(r);
		free(text);
		free(data);
		tk_compliance_free(c);
	}
}

static void skeleton_is_all_unassessed(void **state)
{
	(void)state;
	const tk_catalog *cat;
	tk_error err = { 0 };
	assert_int_equal(resolve(NULL, "nisc-2012", &cat, &err), TK_OK);
	tk_compliance *c = NULL;
	assert_int_equal(tk_compliance_new(cat, "本省LAN", &c, &err), TK_OK);
	size_t n;
	char *text = write_text(c, &n);
	tk_compliance *back = NULL;
	assert_int_equal(tk_compliance_load_buffer("s.yaml", text, n, resolve, NULL, &back, &err), TK_OK);
	tk_compliance_result *r = evaluate(back);
	assert_int_equal(r->overall.n[TK_CS_UNASSESSED], cat->n_requirements);
	assert_int_equal(r->n_open, cat->n_requirements);
	assert_near(r->overall.compliance, 0, 0);
	tk_compliance_result_free(r);
	tk_compliance_free(back);
	tk_compliance_free(c);
	free(text);
}

int main(void)
{
	enum { NB = sizeof(BAD) / sizeof(*BAD) };
	struct CMUnitTest bad[NB];
	for (size_t i = 0; i < NB; i++)
		bad[i] = (struct CMUnitTest){ BAD[i].name, each_bad_case, NULL, NULL, (void *)&BAD[i] };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_every_field),
		cmocka_unit_test(json_input_loads),
		cmocka_unit_test(role_names_in_catalog_order),
		cmocka_unit_test(tells_compliance_from_ecom),
		cmocka_unit_test(arithmetic_by_hand),
		cmocka_unit_test(all_implemented_passes),
		cmocka_unit_test(partial_counts_half),
		cmocka_unit_test(percent_rounds_half_up),
		cmocka_unit_test(status_names),
		cmocka_unit_test(writer_round_trip),
		cmocka_unit_test(examples_are_canonical),
		cmocka_unit_test(skeleton_is_all_unassessed),
	};
	int failed = _cmocka_run_group_tests("malformed compliance assessments", bad, NB, NULL, NULL);
	failed += cmocka_run_group_tests_name("compliance assessments", tests, NULL, teardown);
	teardown(NULL);
	return failed;
}
