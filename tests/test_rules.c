/* The organisation's rules (include/taisaku/rules.h): the substitution on
 * its own (a fragment twice, overlapping fragments, replaced text not
 * searched again, table rows as whole points, placeholders), then the
 * document built from the space operator's example and from assessments
 * that leave choices open, checked against the texts expected by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compliance_fixture.h"
#include "taisaku/rules.h"
#include "testutil.h"

static void check_subst(const char *text, const tk_subst *v, size_t n, const char *want)
{
	char *got = tk_subst_apply(text, v, n);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void fragment_twice(void **state)
{
	(void)state;
	const tk_subst v[] = { { "●●●●", "Teams" } };
	check_subst("●●●● を使う。●●●● の設定は管理者が行う。", v, 1, "Teams を使う。Teams の設定は管理者が行う。");
	check_subst("置き換えるものはない", v, 1, "置き換えるものはない");
	check_subst("", v, 1, "");
}

/* At one place the longest fragment wins, whichever comes first in the
 * list: the contact line over the name in it, the role over the
 * alternative wording inside the role's name. */
static void overlapping_fragments(void **state)
{
	(void)state;
	const tk_subst v[] = {
		{ "システム管理者（管理部長）", "システム管理者（情報システム課長）" },
		{ "システム管理者（管理部長）TEL：090- ○○○○-○○○○", "システム管理者（情報システム課長）TEL：090-0000-0003" },
		{ "システム管理者", "情報システム課長" },
	};
	check_subst("システム管理者（管理部長）TEL：090- ○○○○-○○○○", v, 3,
		"システム管理者（情報システム課長）TEL：090-0000-0003");
	check_subst("システム管理者（管理部長）に連絡する。", v, 3, "システム管理者（情報システム課長）に連絡する。");
	check_subst("システム管理者の許可を得る。", v, 3, "情報システム課長の許可を得る。");
	const tk_subst w[] = { { "監査・点検/点検", "点検" }, { "監査・点検/点検責任者", "品質保証課長" } };
	check_subst("監査・点検/点検責任者は、監査・点検/点検結果を報告する。", w, 2, "品質保証課長は、点検結果を報告する。");
}

/* Text put in is not searched again (a chosen text that holds another
 * fragment stays as chosen), and an empty fragment matches nothing. */
static void replaced_text_not_searched(void **state)
{
	(void)state;
	const tk_subst v[] = { { "A", "AB" }, { "B", "X" }, { "", "never" } };
	check_subst("AB", v, 3, "ABX");
	const tk_subst r[] = { { "従業員", "従業員（役員を含む）" } };
	check_subst("全従業員は、従業員証を携帯する。", r, 1, "全従業員（役員を含む）は、従業員（役員を含む）証を携帯する。");
}

/* A table row is one parameter: its cells joined by spaces, sub-points
 * marked with ・; compared without spaces and ・. */
static void whole_point(void **state)
{
	(void)state;
	tk_item sub[] = { { "ID・パスワード", 0, NULL }, { "多要素認証", 0, NULL } };
	tk_item items[] = { { "ネットワーク運用・制御システム", 2, sub }, { "〇〇〇〇", 0, NULL } };
	tk_point p = { NULL, "衛星データ利用システム（衛星データ利用サービス）", NULL, 2, items };
	assert_true(tk_point_is_fragment(&p,
		"衛星データ利用システム （衛星データ利用サービス） ネットワーク運用・制御システム ・ID・パスワード ・多要素認証 〇〇〇〇"));
	assert_false(tk_point_is_fragment(&p, "衛星データ利用システム"));
	assert_false(tk_point_is_fragment(&p, ""));
	tk_point row = { NULL, "パソコン OS", NULL, 0, NULL };
	assert_true(tk_point_is_fragment(&row, "パソコン OS"));
}

static void placeholders(void **state)
{
	(void)state;
	assert_null(tk_placeholder_find("毎年10月に点検"));
	assert_null(tk_placeholder_find(NULL));
	const char *s = "○月に点検";
	assert_ptr_equal(tk_placeholder_find(s), s);
	s = "ABC〇〇〇〇";
	assert_ptr_equal(tk_placeholder_find(s), s + 3);
	assert_non_null(tk_placeholder_find("090-****-****"));
	assert_non_null(tk_placeholder_find("改訂日 20yy.mm.dd"));
	assert_non_null(tk_placeholder_find("●●部員"));
	assert_non_null(tk_placeholder_find("△△システム"));
	assert_non_null(tk_placeholder_find("(株)◇◇マネージドサーバー"));
}

/* ---- the document from the space operator's example ---- */

static const char *item_text(const tk_rules *r, const tk_compliance *c, const char *id)
{
	return tk_rules_item_text(r, cfx_item(c, id));
}

static void space_example(void **state)
{
	(void)state;
	tk_compliance *c = cfx_example("space-operator-rules.yaml", NULL, NULL);
	tk_rules *r;
	tk_error err = { 0 };
	assert_int_equal(tk_rules_build(c, &r, &err), TK_OK);
	size_t n;
	tk_rules_open_choices(r, &n);
	assert_int_equal(n, 0);
	/* a role (監査・点検/点検責任者) over the alternative inside it, the
	 * alternative again later, a placeholder, and another role */
	assert_string_equal(item_text(r, c, "C1.2"),
		"品質保証課長は、情報セキュリティ関連規程の実施状況について、毎年10月に点検を行い、"
		"点検結果を情報セキュリティ委員会（委員長 常務取締役）に報告する。");
	/* an alternative wording chosen in running text: 破壊/細断/完全消去 */
	const char *t = item_text(r, c, "C3.3.1-2");
	assert_non_null(t);
	assert_int_equal(strncmp(t, "完全消去\n", strlen("完全消去\n")), 0);
	/* a fragment inside a point's sub-point */
	size_t np;
	const tk_point *p = tk_rules_item_points(r, cfx_item(c, "C11.1.2-2"), &np);
	assert_true(np >= 2);
	assert_int_equal(p[0].n_items, 1);
	assert_string_equal(p[0].items[0].text_ja, "営業部員は会社貸与品を利用");
	assert_string_equal(p[1].items[0].text_ja, "営業部員以外は「私有機器を利用する場合」の対策を実施して利用");
	/* a table row replaced as a whole */
	p = tk_rules_item_points(r, cfx_item(c, "C6.6.1"), &np);
	assert_int_equal(np, 8);
	assert_string_equal(p[0].title_ja, "パソコン OS Windows Microsoft 11以降");
	assert_null(p[0].text_ja);
	assert_int_equal(p[0].n_items, 0);
	/* a row whose sub-points the catalog prints with ・ and spaces */
	p = tk_rules_item_points(r, cfx_item(c, "C4.9.2-1"), &np);
	assert_string_equal(p[1].title_ja, "衛星データ利用システム （衛星データ利用サービス） データ送受信アンテナ制御システム "
		"・ID・パスワード ・多要素認証 ・（複数間で利用するアカウントによる接続の場合）個人認証 "
		"ネットワーク運用・制御システム ・ID・パスワード ・多要素認証");
	/* items left out (na) have no text */
	assert_null(item_text(r, c, "C8.3"));
	assert_non_null(item_text(r, c, "C8.2"));
	tk_rules_free(r);
	tk_compliance_free(c);
}

/* The example without some of its choices: every one is listed, in
 * catalog order, with its item, parameter and printed fragment; a catalog
 * `value` (the sample's own example 人事課長) does not count as chosen;
 * an item left out needs none. */
static void open_choices(void **state)
{
	(void)state;
	char *text;
	size_t len;
	tk_compliance_free(cfx_example("space-operator-rules.yaml", &text, &len));
	static const char *const drop[] = { "\"C11.1.1-7-p1\"", "\"C1.2-p2\"", "\"C1.1-2-p3\"", "\"C6.6.1-p8\"" };
	for (size_t k = 0; k < sizeof(drop) / sizeof(*drop); k++) {
		char *at = strstr(text, drop[k]);
		assert_non_null(at);
		while (at > text && at[-1] != '\n')
			at--; /* the whole line */
		char *eol = strchr(at, '\n');
		memmove(at, eol + 1, strlen(eol + 1) + 1);
	}
	tk_compliance *c = cfx_load("open.yaml", text, strlen(text));
	free(text);
	tk_rules *r;
	tk_error err = { 0 };
	assert_int_equal(tk_rules_build(c, &r, &err), TK_OK);
	size_t n;
	const tk_rules_open *o = tk_rules_open_choices(r, &n);
	assert_int_equal(n, 4);
	assert_int_equal(o[0].kind, TK_RULES_UNCHOSEN);
	assert_string_equal(o[0].where, "C1.1-2");
	assert_string_equal(o[0].parameter, "C1.1-2-p3");
	assert_string_equal(o[0].text, "情報セキュリティ責任者（人事課長）");
	assert_string_equal(o[1].where, "C1.2");
	assert_string_equal(o[1].parameter, "C1.2-p2");
	assert_string_equal(o[1].text, "○月に点検");
	assert_string_equal(o[2].parameter, "C6.6.1-p8");
	assert_string_equal(o[3].parameter, "C11.1.1-7-p1");
	assert_string_equal(o[3].text, "●●●●");
	char *buf = NULL;
	size_t blen = 0;
	FILE *f = open_memstream(&buf, &blen);
	assert_int_equal(tk_rules_write_html(r, TK_LANG_JA, f, &err), TK_EINPUT);
	fclose(f);
	assert_int_equal(blen, 0); /* nothing written */
	free(buf);
	tk_rules_free(r);
	tk_compliance_free(c);
}

/* A placeholder no parameter covers is an open choice too (any catalog,
 * not only space-rules), and the document is refused. */
static void placeholder_without_parameter(void **state)
{
	(void)state;
	static const char CAT[] =
		"format: taisaku-catalog/1\n"
		"catalog: { id: ph-test, title_ja: 試験, title_en: Test, version: '1', source: test, kind: compliance,"
		" description_en: test }\n"
		"views:\n"
		"  - id: V1\n    title_ja: 章\n    title_en: Chapter\n    domains:\n"
		"      - id: D1\n        title_ja: 節\n        title_en: Section\n        requirements:\n"
		"          - { id: R1, title_ja: 点検, title_en: Check, purpose_ja: ○○部長は年1回点検する。,"
		" role_ja: ○○部長, modality: shall }\n"
		"          - { id: R2, title_ja: 記録, title_en: Record, purpose_ja: 記録を定められた期間保存する。,"
		" modality: shall, parameters: [ { id: R2-p1, title_ja: 定められた期間 } ] }\n";
	tk_catalog *cat;
	tk_error err = { 0 };
	assert_int_equal(tk_catalog_load_buffer("ph.yaml", CAT, strlen(CAT), &cat, &err), TK_OK);
	tk_compliance *c;
	assert_int_equal(tk_compliance_new(cat, "試験システム", &c, &err), TK_OK);
	tk_rules *r;
	assert_int_equal(tk_rules_build(c, &r, &err), TK_OK);
	size_t n;
	const tk_rules_open *o = tk_rules_open_choices(r, &n);
	assert_int_equal(n, 2);
	assert_int_equal(o[0].kind, TK_RULES_PLACEHOLDER);
	assert_string_equal(o[0].where, "R1");
	assert_string_equal(o[0].text, "○○部長は年1回点検する。");
	assert_int_equal(o[1].kind, TK_RULES_UNCHOSEN);
	assert_string_equal(o[1].parameter, "R2-p1");
	tk_rules_free(r);
	tk_compliance_free(c);
	tk_catalog_free(cat);
}

/* The HTML holds no placeholder and every chosen text. */
static void html_has_no_placeholder(void **state)
{
	(void)state;
	tk_compliance *c = cfx_example("space-operator-rules.yaml", NULL, NULL);
	tk_rules *r;
	tk_error err = { 0 };
	assert_int_equal(tk_rules_build(c, &r, &err), TK_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(tk_rules_write_html(r, TK_LANG_EN, f, &err), TK_OK);
	fclose(f);
	/* the stylesheet names no placeholder glyph either, so the whole page is checked */
	assert_null(tk_placeholder_find(buf));
	assert_non_null(strstr(buf, "毎年10月に点検"));
	assert_non_null(strstr(buf, "Appendix B: items not adopted"));
	assert_non_null(strstr(buf, "株式会社ほしぞらスペースシステムズ"));
	free(buf);
	tk_rules_free(r);
	tk_compliance_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fragment_twice),
		cmocka_unit_test(overlapping_fragments),
		cmocka_unit_test(replaced_text_not_searched),
		cmocka_unit_test(whole_point),
		cmocka_unit_test(placeholders),
		cmocka_unit_test(space_example),
		cmocka_unit_test(open_choices),
		cmocka_unit_test(placeholder_without_parameter),
		cmocka_unit_test(html_has_no_placeholder),
	};
	return cmocka_run_group_tests(tests, NULL, cfx_teardown);
}
