/* Compliance checklists (include/taisaku/compliance_workbook.h): every
 * example exported and imported again gives its own canonical text (xlsx
 * in both languages without a base, CSV with the base); a changed cell is
 * taken; bad cells are named by file, sheet, row and column; two sheets
 * that change one item differently are a conflict; a sheet of another
 * round is refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compliance_fixture.h"
#include "taisaku/compliance_workbook.h"
#include "testutil.h"

static const char *const EXAMPLES[] = { "defense-supplier-atla.yaml", "ministry-nisc.yaml",
	"space-operator-rules.yaml", "port-terminal-tos.yaml" };

#define HEADER "ID,項目,内容,担当,状態,対象外の理由,備考,根拠資料,対応,期限,対応の担当,組織の選択\r\n"

static char *yaml_of(const tk_compliance *c)
{
	char *buf = NULL;
	size_t len = 0;
	tk_error err = { 0 };
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(tk_compliance_write_yaml(c, f, &err), TK_OK);
	fclose(f);
	return buf;
}

/* Imports the workbooks; returns the assessment or NULL, with *im kept
 * for its problems. */
static tk_compliance *import(const tk_compliance *base, tk_workbook **wbs, size_t n, tk_cimport **im)
{
	tk_error err = { 0 };
	assert_int_equal(tk_cimport_new(base, cfx_resolve, NULL, im, &err), TK_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(tk_cimport_add(*im, wbs[i], &err), TK_OK);
	tk_compliance *out = NULL;
	if (tk_cimport_finish(*im, &out))
		return NULL;
	return out;
}

static tk_workbook *csv(const char *name, const char *text)
{
	tk_workbook *wb;
	tk_error err = { 0 };
	assert_int_equal(tk_workbook_read_csv(name, text, strlen(text), &wb, &err), TK_OK);
	return wb;
}

static void round_trip_xlsx(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(EXAMPLES) / sizeof(*EXAMPLES); k++) {
		char *text;
		size_t len;
		tk_compliance *c = cfx_example(EXAMPLES[k], &text, &len);
		for (int lang = TK_LANG_JA; lang <= TK_LANG_EN; lang++) {
			char *data;
			size_t n;
			tk_error err = { 0 };
			assert_int_equal(tk_compliance_workbook_xlsx(c, (tk_lang)lang, &data, &n, &err), TK_OK);
			tk_workbook *wb;
			assert_int_equal(tk_workbook_read_xlsx("sheet.xlsx", data, n, &wb, &err), TK_OK);
			free(data);
			assert_true(tk_workbook_is_compliance(wb));
			tk_cimport *im;
			tk_compliance *back = import(NULL, &wb, 1, &im);
			if (!back)
				fail_msg("%s: %s", EXAMPLES[k], tk_cimport_problem(im, 0)->en);
			char *y = yaml_of(back);
			assert_string_equal(y, text);
			free(y);
			tk_compliance_free(back);
			tk_cimport_free(im);
			tk_workbook_free(wb);
		}
		free(text);
		tk_compliance_free(c);
	}
}

static void round_trip_csv(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof(EXAMPLES) / sizeof(*EXAMPLES); k++) {
		char *text;
		size_t len;
		tk_compliance *c = cfx_example(EXAMPLES[k], &text, &len);
		char *buf = NULL;
		size_t n = 0;
		tk_error err = { 0 };
		FILE *f = open_memstream(&buf, &n);
		assert_int_equal(tk_compliance_workbook_csv(c, TK_LANG_JA, f, &err), TK_OK);
		fclose(f);
		tk_workbook *wb = csv("sheet.csv", buf);
		free(buf);
		assert_true(tk_workbook_is_compliance(wb));
		tk_cimport *im;
		tk_compliance *back = import(c, &wb, 1, &im);
		assert_non_null(back);
		char *y = yaml_of(back);
		assert_string_equal(y, text);
		free(y);
		tk_compliance_free(back);
		tk_cimport_free(im);
		tk_workbook_free(wb);
		free(text);
		tk_compliance_free(c);
	}
}

/* What a sheet changes is taken; the rest comes from the base. */
static void changes_taken(void **state)
{
	(void)state;
	tk_compliance *c = cfx_example("space-operator-rules.yaml", NULL, NULL);
	tk_workbook *wb = csv("a.csv", HEADER
		"C1.2-1,,,,未実施,,手順がない,\"規程案 | 2026-12-01 | R-1\nメモ\",手順を作る,2027-03-31,総務部長,\r\n"
		"C1.3,,,,対象外,本社のみ,,,,,,\r\n"
		"C1.2-p2,,,,,,,,,,,毎年11月に点検\r\n"
		"情報セキュリティ責任者,,,,,,,,,,,総務部長（CISO）\r\n");
	tk_cimport *im;
	tk_compliance *back = import(c, &wb, 1, &im);
	assert_non_null(back);
	const tk_compliance_item *it = &back->items[cfx_item(back, "C1.2-1")];
	assert_int_equal(it->status, TK_CS_NOT_IMPLEMENTED);
	assert_string_equal(it->note, "手順がない");
	assert_int_equal(it->n_evidence, 2);
	assert_string_equal(it->evidence[0].title, "規程案");
	assert_string_equal(it->evidence[0].date, "2026-12-01");
	assert_string_equal(it->evidence[0].ref, "R-1");
	assert_string_equal(it->evidence[1].title, "メモ");
	assert_true(it->has_action);
	assert_string_equal(it->action.content, "手順を作る");
	assert_string_equal(it->action.due, "2027-03-31");
	assert_string_equal(it->action.owner, "総務部長");
	it = &back->items[cfx_item(back, "C1.3")];
	assert_int_equal(it->status, TK_CS_NA);
	assert_string_equal(it->reason, "本社のみ");
	assert_string_equal(tk_compliance_parameter(back, "C1.2-p2"), "毎年11月に点検");
	assert_string_equal(tk_compliance_role(back, "情報セキュリティ責任者"), "総務部長（CISO）");
	/* untouched: as in the base */
	assert_int_equal(back->items[cfx_item(back, "C1.1")].status, c->items[cfx_item(c, "C1.1")].status);
	assert_string_equal(tk_compliance_parameter(back, "C1.2-p1"), "点検");
	tk_compliance_free(back);
	tk_cimport_free(im);
	tk_workbook_free(wb);
	tk_compliance_free(c);
}

static void expect_problem(const tk_cimport *im, size_t i, const char *file, const char *en)
{
	assert_true(i < tk_cimport_problem_count(im));
	const tk_error *e = tk_cimport_problem(im, i);
	assert_string_equal(e->file, file);
	if (strcmp(e->en, en) != 0)
		fail_msg("problem %zu: '%s', expected '%s'", i, e->en, en);
}

/* Every bad cell is reported, each with its row and column. */
static void bad_cells(void **state)
{
	(void)state;
	tk_compliance *c = cfx_example("space-operator-rules.yaml", NULL, NULL);
	tk_workbook *wb = csv("bad.csv", HEADER
		"C1.2-1,,,,done,,,,,,,\r\n"
		"C1.2-2,,,,対象外,,,,,,,\r\n"
		"C1.2-3,,,,実施済み,,,資料 | 2026-13-01,,,,\r\n"
		"C1.2-4,,,,未実施,,,,直す,2027-02-30,,\r\n"
		"C1.99,,,,実施済み,,,,,,,\r\n"
		"C1.3,,,,実施済み,,,,,,,何か\r\n"
		"C1.2-p2,,,,実施済み,,,,,,,毎月\r\n"
		"C2.1,,,,実施済み,理由,,,,,,\r\n"
		"C2.2,,,,,,,,,2027-01-01,総務部長,\r\n"
		"C1.2-1,,,,実施済み,,,,,,,\r\n"
		",,,,実施済み,,,,,,,\r\n");
	tk_cimport *im;
	assert_null(import(c, &wb, 1, &im));
	expect_problem(im, 0, "bad.csv", "row 2, column E (Status): cannot read the status 'done' (implemented, partial, "
		"not implemented, not applicable, unknown, or blank)");
	expect_problem(im, 1, "bad.csv", "row 3, column F (Reason not applicable): not applicable needs a reason");
	expect_problem(im, 2, "bad.csv", "row 4, column H (Evidence): line 1: date '2026-13-01' is not a real date written YYYY-MM-DD");
	expect_problem(im, 3, "bad.csv", "row 5, column J (Due): the due date '2027-02-30' is not a real date written YYYY-MM-DD");
	expect_problem(im, 4, "bad.csv", "row 6, column A (ID): catalog space-rules has no item, role or value 'C1.99'");
	expect_problem(im, 5, "bad.csv", "row 7, column L (Chosen text): an item row takes no chosen text");
	expect_problem(im, 6, "bad.csv", "row 8, column E (Status): in a role or value row, fill in the chosen text only");
	expect_problem(im, 7, "bad.csv", "row 9, column F (Reason not applicable): a reason is only for not applicable (use the notes otherwise)");
	expect_problem(im, 8, "bad.csv", "row 10, column I (Action): a due date or owner is given but no action");
	expect_problem(im, 9, "bad.csv", "row 11, column A: C1.2-1 is in row 2 too (one row per item)");
	expect_problem(im, 10, "bad.csv", "row 12, column A (ID): no ID (what is written in this row cannot be read)");
	assert_int_equal(tk_cimport_problem_count(im), 11);
	tk_cimport_free(im);
	tk_workbook_free(wb);
	tk_compliance_free(c);
}

static void conflicts(void **state)
{
	(void)state;
	tk_compliance *c = cfx_example("port-terminal-tos.yaml", NULL, NULL);
	const char *id = c->catalog->requirements[0].id;
	char a[512], b[512], same[512];
	snprintf(a, sizeof(a), HEADER "%s,,,,未実施,,,,,,,\r\n", id);
	snprintf(b, sizeof(b), HEADER "%s,,,,不明,,,,,,,\r\n", id);
	snprintf(same, sizeof(same), HEADER "%s,,,,未実施,,,,,,,\r\n", id);
	tk_workbook *wbs[3] = { csv("a.csv", a), csv("b.csv", b), csv("c.csv", same) };
	tk_cimport *im;
	assert_null(import(c, wbs, 2, &im));
	char want[256];
	snprintf(want, sizeof(want), "%s is changed differently in a.csv row 2 and in this workbook's row 2", id);
	expect_problem(im, 0, "b.csv", want);
	assert_int_equal(tk_cimport_problem_count(im), 1);
	tk_cimport_free(im);
	/* the same change twice is no conflict */
	tk_workbook *agree[2] = { wbs[0], wbs[2] };
	tk_compliance *back = import(c, agree, 2, &im);
	assert_non_null(back);
	assert_int_equal(back->items[0].status, TK_CS_NOT_IMPLEMENTED);
	tk_compliance_free(back);
	tk_cimport_free(im);
	for (int k = 0; k < 3; k++)
		tk_workbook_free(wbs[k]);
	tk_compliance_free(c);
}

/* A CSV needs its base; a workbook of another round is refused. */
static void wrong_round(void **state)
{
	(void)state;
	tk_compliance *c = cfx_example("port-terminal-tos.yaml", NULL, NULL);
	tk_workbook *wb = csv("a.csv", HEADER);
	tk_cimport *im;
	assert_null(import(NULL, &wb, 1, &im));
	expect_problem(im, 0, "a.csv", "a CSV does not say which assessment it belongs to: give the original with --base");
	tk_cimport_free(im);
	tk_workbook_free(wb);
	char *data;
	size_t n;
	tk_error err = { 0 };
	assert_int_equal(tk_compliance_workbook_xlsx(c, TK_LANG_JA, &data, &n, &err), TK_OK);
	assert_int_equal(tk_workbook_read_xlsx("old.xlsx", data, n, &wb, &err), TK_OK);
	free(data);
	const char *date = c->date;
	c->date = "2030-01-01"; /* the next round */
	assert_null(import(c, &wb, 1, &im));
	char want[512];
	snprintf(want, sizeof(want), "the workbook was made from another assessment (%s, %s; expected %s, 2030-01-01)",
		c->system_name, date, c->system_name);
	expect_problem(im, 0, "old.xlsx", want);
	c->date = date;
	tk_cimport_free(im);
	tk_workbook_free(wb);
	tk_compliance_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_xlsx),
		cmocka_unit_test(round_trip_csv),
		cmocka_unit_test(changes_taken),
		cmocka_unit_test(bad_cells),
		cmocka_unit_test(conflicts),
		cmocka_unit_test(wrong_round),
	};
	return cmocka_run_group_tests(tests, NULL, cfx_teardown);
}
