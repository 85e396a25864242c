/* Workbooks, both ways, and the canonical assessment text they rest on.
 *
 *  - the canonical text: load(write(A)) evaluates as A does, and
 *    write(load(write(A))) == write(A), on every example;
 *  - export then import gives the same text byte for byte (xlsx, and CSV
 *    with its base), also for values that need escaping;
 *  - departments: a department's sheet holds its requirements only, two
 *    sheets merge to what the full import gives for those requirements, and
 *    two sheets that disagree are a conflict naming both files;
 *  - malformed input: each is refused with its exact message and place. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "taisaku/assessment.h"
#include "taisaku/file.h"
#include "taisaku/workbook.h"
#include "testutil.h"

static tk_catalog *ecom, *mini;

static tk_status resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	if (strcmp(id, ecom->id) == 0)
		*out = ecom;
	else if (strcmp(id, mini->id) == 0)
		*out = mini;
	else
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "なし", "catalog '%s' not found", id);
	return TK_OK;
}

static int setup(void **state)
{
	(void)state;
	tk_error err = { 0 };
	if (tk_catalog_load_file(CATALOG("ecom-2004.yaml"), &ecom, &err) != TK_OK)
		return -1;
	return tk_catalog_load_file(TEST_DATA("mini.yaml"), &mini, &err) == TK_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	tk_catalog_free(ecom);
	tk_catalog_free(mini);
	return 0;
}

static const char *const EXAMPLES[] = {
	TK_SOURCE_ROOT "/examples/financial-institution.yaml",
	TK_SOURCE_ROOT "/examples/ordinary-company-2025.yaml",
	TK_SOURCE_ROOT "/examples/ordinary-company-2026.yaml",
	TK_SOURCE_ROOT "/examples/small-company.yaml",
};
#define N_EXAMPLES (sizeof(EXAMPLES) / sizeof(*EXAMPLES))
#define MINI TEST_DATA("workbooks/mini-assessment.yaml")

static void fail_with(const tk_error *err)
{
	char buf[2048];
	print_error("%s\n", tk_error_format(err, TK_LANG_EN, buf, sizeof(buf)));
	fail();
}

static tk_assessment *load_file(const char *path)
{
	tk_assessment *a = NULL;
	tk_error err = { 0 };
	if (tk_assessment_load_file(path, resolve, NULL, &a, &err))
		fail_with(&err);
	return a;
}

static tk_assessment *load_text(const char *name, const char *text)
{
	tk_assessment *a = NULL;
	tk_error err = { 0 };
	if (tk_assessment_load_buffer(name, text, strlen(text), resolve, NULL, &a, &err))
		fail_with(&err);
	return a;
}

/* The canonical text of an assessment, malloc'd. */
static char *canonical(const tk_assessment *a)
{
	char *buf = NULL;
	size_t len = 0;
	tk_error err = { 0 };
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (tk_assessment_write_yaml(a, f, &err))
		fail_with(&err);
	fclose(f);
	return buf;
}

static void same_evaluation(const tk_assessment *a, const tk_assessment *b)
{
	tk_evaluation *e1, *e2;
	tk_error err = { 0 };
	assert_int_equal(tk_evaluate(a, &e1, &err), TK_OK);
	assert_int_equal(tk_evaluate(b, &e2, &err), TK_OK);
	const tk_catalog *cat = a->catalog;
	for (size_t r = 0; r < cat->n_requirements; r++) {
		const tk_req_result *x = &e1->requirements[r], *y = &e2->requirements[r];
		assert_int_equal(x->status, y->status);
		assert_int_equal(x->achieved, y->achieved);
		assert_int_equal(x->target, y->target);
		assert_int_equal(x->core, y->core);
		assert_int_equal(x->n_missing_target, y->n_missing_target);
		assert_int_equal(x->n_missing_next, y->n_missing_next);
		assert_true(x->coverage == y->coverage);
	}
	for (size_t d = 0; d < cat->n_domains; d++) {
		assert_int_equal(e1->domains[d].counted, e2->domains[d].counted);
		assert_true(e1->domains[d].level == e2->domains[d].level || !e1->domains[d].counted);
	}
	assert_true(e1->system.level == e2->system.level || !e1->system.counted);
	assert_int_equal(e1->n_under, e2->n_under);
	assert_int_equal(e1->n_imbalance, e2->n_imbalance);
	tk_evaluation_free(e1);
	tk_evaluation_free(e2);
}

/* load(write(A)) evaluates as A, and write(load(write(A))) == write(A). */
static void canonical_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i <= N_EXAMPLES; i++) {
		tk_assessment *a = load_file(i < N_EXAMPLES ? EXAMPLES[i] : MINI);
		char *w1 = canonical(a);
		tk_assessment *b = load_text("w1.yaml", w1);
		same_evaluation(a, b);
		char *w2 = canonical(b);
		assert_string_equal(w1, w2);
		free(w1);
		free(w2);
		tk_assessment_free(a);
		tk_assessment_free(b);
	}
}

/* Reads workbooks from memory and imports them; returns the canonical text
 * of the result, or NULL with the problems (English, one a line) in
 * problems_out. */
typedef struct input {
	const char *name;
	const char *data;
	size_t len;
	bool csv;
} input;

static char problems_out[8192];

static char *import_all(const input *in, size_t n, const tk_assessment *base)
{
	tk_import *im;
	tk_error err = { 0 };
	tk_workbook *wbs[8] = { 0 };
	char *text = NULL;
	problems_out[0] = '\0';
	assert_true(n <= 8);
	assert_int_equal(tk_import_new(base, resolve, NULL, &im, &err), TK_OK);
	for (size_t i = 0; i < n; i++) {
		tk_status st = in[i].csv ? tk_workbook_read_csv(in[i].name, in[i].data, in[i].len, &wbs[i], &err)
					 : tk_workbook_read_xlsx(in[i].name, in[i].data, in[i].len, &wbs[i], &err);
		if (st) {
			tk_error_format(&err, TK_LANG_EN, problems_out, sizeof(problems_out));
			goto out;
		}
		assert_int_equal(tk_import_add(im, wbs[i], &err), TK_OK);
	}
	tk_assessment *a;
	if (tk_import_finish(im, &a) == TK_OK) {
		text = canonical(a);
		tk_assessment_free(a);
	} else {
		size_t used = 0;
		for (size_t i = 0; i < tk_import_problem_count(im); i++) {
			char buf[2048];
			tk_error_format(tk_import_problem(im, i), TK_LANG_EN, buf, sizeof(buf));
			used += (size_t)snprintf(problems_out + used, sizeof(problems_out) - used, "%s%s", i ? "\n" : "",
				buf);
			if (used >= sizeof(problems_out))
				break;
		}
	}
out:
	for (size_t i = 0; i < n; i++)
		tk_workbook_free(wbs[i]);
	tk_import_free(im);
	return text;
}

static char *xlsx_of(const tk_assessment *a, tk_lang lang, const char *department, size_t *len)
{
	char *data;
	tk_error err = { 0 };
	tk_workbook_options opt = { .lang = lang, .department = department };
	if (tk_workbook_write_xlsx(a, &opt, &data, len, &err))
		fail_with(&err);
	return data;
}

static char *csv_of(const tk_assessment *a, tk_lang lang, const char *department, size_t *len)
{
	char *data = NULL;
	tk_error err = { 0 };
	tk_workbook_options opt = { .lang = lang, .department = department };
	FILE *f = open_memstream(&data, len);
	assert_non_null(f);
	if (tk_workbook_write_csv(a, &opt, f, &err))
		fail_with(&err);
	fclose(f);
	return data;
}

static void expect_text(const char *got, const char *want)
{
	if (!got)
		print_error("import failed:\n%s\n", problems_out);
	assert_non_null(got);
	assert_string_equal(got, want);
}

/* Export, import: the same canonical text, in both languages, from xlsx
 * alone and from CSV with the assessment as its base. */
static void export_import_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i <= N_EXAMPLES; i++) {
		tk_assessment *a = load_file(i < N_EXAMPLES ? EXAMPLES[i] : MINI);
		char *want = canonical(a);
		for (int lang = TK_LANG_JA; lang <= TK_LANG_EN; lang++) {
			size_t len;
			char *x = xlsx_of(a, (tk_lang)lang, NULL, &len);
			input in = { "a.xlsx", x, len, false };
			char *got = import_all(&in, 1, NULL);
			expect_text(got, want);
			free(got);
			free(x);
			char *c = csv_of(a, (tk_lang)lang, NULL, &len);
			input ci = { "a.csv", c, len, true };
			got = import_all(&ci, 1, a);
			expect_text(got, want);
			free(got);
			free(c);
		}
		free(want);
		tk_assessment_free(a);
	}
}

/* Values that need escaping in the structured cells (|, \, spaces at the
 * ends, line breaks), Excel's own escapes (_x0041_), control characters
 * and tabs, all come back as they were. */
static void awkward_values(void **state)
{
	(void)state;
	const char *yaml =
		"catalog: mini\n"
		"system: { name: \" 前後に空白 \", level: 4, reason: \"タブ\\tと\\r\\n改行と \\\\ と _x0041_ と \\x01\" }\n"
		"ratings:\n"
		"  Ma1.1: { assets: [ { name: \"a | b \\\\ c\", important: true, core: 5 }, { name: \" x\\ny \", core: 1 },\n"
		"                     { name: \"重要\", core: 2 } ],\n"
		"           study: { structure: x, experts: x }, process: D,\n"
		"           evidence: [ { title: \" | \", ref: \"\\\\\" }, { title: \"t\", date: 2024-02-29 } ],\n"
		"           note: \"_x000D_ と _xABCD_ は文字のまま\" }\n"
		"  Ma1.2: { na: \"=1+2\", note: \"  \\u3000全角空白で始まる\" }\n"
		"  Tb1.1: { evidence: [ { title: \"記入中\" } ] }\n"
		"improvements:\n"
		"  - { requirement: Ma1.1, aim: \"a\\tb\", cause: capability }\n";
	tk_assessment *a = load_text("awkward.yaml", yaml);
	char *want = canonical(a);
	size_t len;
	char *x = xlsx_of(a, TK_LANG_JA, NULL, &len);
	input in = { "a.xlsx", x, len, false };
	char *got = import_all(&in, 1, NULL);
	expect_text(got, want);
	free(got);
	free(x);
	char *c = csv_of(a, TK_LANG_EN, NULL, &len);
	input ci = { "a.csv", c, len, true };
	got = import_all(&ci, 1, a);
	expect_text(got, want);
	free(got);
	free(c);
	free(want);
	tk_assessment_free(a);
}

/* Whether any CSV field (after its optional opening quote) starts like a
 * formula a spreadsheet would run. */
static bool csv_has_formula(const char *csv)
{
	const char *p = csv;
	bool field_start = true;
	for (; *p; p++) {
		if (field_start) {
			const char *q = *p == '"' ? p + 1 : p;
			if (*q && strchr("=+-@", *q))
				return true;
		}
		field_start = *p == ',' || *p == '\n';
	}
	return false;
}

/* CSV injection: notes and reasons that look like formulas are written
 * guarded by an apostrophe, and come back exactly as they were. */
static void csv_formulas_are_guarded(void **state)
{
	(void)state;
	const char *yaml =
		"catalog: mini\n"
		"system: { name: x, level: 3 }\n"
		"ratings:\n"
		"  Ma1.1: { core: 3, study: B, process: B, management: B, review: B, documentation: B,\n"
		"           note: '=HYPERLINK(\"http://example.invalid\",\"x\")' }\n"
		"  Ma1.2: { na: '+1', note: '@SUM(A1)' }\n"
		"  Tb1.1: { unknown: true, note: \"'既に引用符\" }\n"
		"  Tb1.2: { core: 2, evidence: [ { title: '-2+3' } ] }\n";
	tk_assessment *a = load_text("formulas.yaml", yaml);
	char *want = canonical(a);
	size_t len;
	char *c = csv_of(a, TK_LANG_JA, NULL, &len);
	assert_false(csv_has_formula(c));
	assert_non_null(strstr(c, "'=HYPERLINK"));
	input ci = { "a.csv", c, len, true };
	char *got = import_all(&ci, 1, a);
	expect_text(got, want);
	free(got);
	free(c);
	free(want);
	tk_assessment_free(a);
}

/* The same assessment gives the same bytes; another date, other bytes. */
static void deterministic(void **state)
{
	(void)state;
	tk_assessment *a = load_file(EXAMPLES[0]);
	size_t l1, l2;
	char *x1 = xlsx_of(a, TK_LANG_JA, NULL, &l1);
	char *x2 = xlsx_of(a, TK_LANG_JA, NULL, &l2);
	assert_int_equal(l1, l2);
	assert_memory_equal(x1, x2, l1);
	/* The document says when it was made: the assessment's date. */
	assert_non_null(memmem(x1, l1, "docProps/core.xml", 17));
	free(x1);
	free(x2);
	tk_assessment_free(a);
}

/* The requirement IDs in column A of a workbook's checklist. */
static size_t checklist_ids(const tk_workbook *wb, const tk_catalog *cat, bool *seen)
{
	size_t n = 0;
	memset(seen, 0, cat->n_requirements * sizeof(*seen));
	for (unsigned row = 0; row < 400; row++) {
		const char *id = tk_workbook_cell(wb, 0, row, 0);
		const tk_requirement *r = id ? tk_catalog_requirement(cat, id) : NULL;
		if (r) {
			seen[r - cat->requirements] = true;
			n++;
		}
	}
	return n;
}

static size_t dept(const char *name)
{
	size_t d;
	tk_error err = { 0 };
	assert_int_equal(tk_department_find(ecom, name, &d, &err), TK_OK);
	return d;
}

/* Clears what the assessment says about a requirement. */
static void forget(tk_assessment *a, size_t r)
{
	memset(&a->ratings[r], 0, sizeof(a->ratings[r]));
	a->importance[r] = TK_IMP_GENERAL;
	a->importance_given[r] = false;
	a->override_level[r] = 0;
	a->override_reason[r] = NULL;
	a->requirement_weight[r] = 1;
}

static void department_sheets(void **state)
{
	(void)state;
	tk_assessment *a = load_file(EXAMPLES[2]);
	size_t dev = dept("development"), ops = dept("ｼｽﾃﾑの運用管理");
	assert_int_equal(ops, dept("operations"));
	size_t ldev, lops;
	char *xdev = xlsx_of(a, TK_LANG_JA, "development", &ldev);
	char *xops = xlsx_of(a, TK_LANG_JA, "ｼｽﾃﾑの運用管理", &lops);

	/* Each sheet holds exactly its department's requirements. */
	bool seen[200];
	tk_workbook *wb;
	tk_error err = { 0 };
	assert_int_equal(tk_workbook_read_xlsx("ops.xlsx", xops, lops, &wb, &err), TK_OK);
	size_t n = checklist_ids(wb, ecom, seen), want_n = 0;
	for (size_t r = 0; r < ecom->n_requirements; r++) {
		bool in = tk_requirement_in_department(&ecom->requirements[r], ops);
		assert_int_equal(seen[r], in);
		want_n += in;
	}
	assert_int_equal(n, want_n);
	assert_int_equal(n, 79);
	tk_workbook_free(wb);

	/* The two merge to the full import of those requirements. */
	for (size_t r = 0; r < ecom->n_requirements; r++)
		if (!tk_requirement_in_department(&ecom->requirements[r], dev) &&
		    !tk_requirement_in_department(&ecom->requirements[r], ops))
			forget(a, r);
	char *want = canonical(a);
	input in[] = { { "dev.xlsx", xdev, ldev, false }, { "ops.xlsx", xops, lops, false } };
	char *got = import_all(in, 2, NULL);
	expect_text(got, want);
	free(got);
	free(want);

	/* Unknown departments are named with the ones there are. */
	size_t d;
	assert_int_equal(tk_department_find(ecom, "総務部", &d, &err), TK_ENOTFOUND);
	char buf[1024];
	assert_string_equal(tk_error_format(&err, TK_LANG_EN, buf, sizeof(buf)),
		"catalog ecom-2004 has no department '総務部' (management 管理部門, business_site 業務現場, "
		"development ｼｽﾃﾑ企画開発, operations ｼｽﾃﾑの運用管理, other その他)");
	free(xdev);
	free(xops);
	tk_assessment_free(a);
}

/* Two departments rate Ma1.2 (row 5 of both sheets: Ma1.1 is the
 * management department's alone) differently: a conflict
 * naming both files, rows and values, and nothing imported. With the
 * original as the base, the sheet that left it as it was yields. */
static void department_conflict(void **state)
{
	(void)state;
	tk_assessment *a = load_file(EXAMPLES[2]), *b = load_file(EXAMPLES[2]);
	size_t r = (size_t)(tk_catalog_requirement(ecom, "Ma1.2") - ecom->requirements);
	assert_int_equal(b->ratings[r].kind, TK_RATING_RATED);
	b->ratings[r].core = b->ratings[r].core == 2 ? 3 : 2;
	size_t ldev, lops;
	char *xdev = xlsx_of(a, TK_LANG_JA, "development", &ldev);
	char *xops = xlsx_of(b, TK_LANG_EN, "operations", &lops);
	input in[] = { { "dev.xlsx", xdev, ldev, false }, { "ops.xlsx", xops, lops, false } };
	char *got = import_all(in, 2, NULL);
	assert_null(got);
	assert_string_equal(problems_out,
		"Ma1.2 is rated differently: dev.xlsx (row 5) has { core: 3, study: B, process: B, management: B, "
		"review: B, documentation: B, evidence: [ { t…, ops.xlsx (row 5) has { core: 2, study: B, process: B, "
		"management: B, review: B, documentation: B, evidence: [ { t…");
	got = import_all(in, 2, a);
	char *want = canonical(b);
	expect_text(got, want);
	free(want);
	free(got);
	free(xdev);
	free(xops);
	tk_assessment_free(a);
	tk_assessment_free(b);
}

/* When the entries differ late (in the note), the message shows that part. */
static void conflict_in_a_note(void **state)
{
	(void)state;
	tk_assessment *a = load_file(MINI), *b = load_file(MINI);
	b->ratings[0].note = "別の備考";
	size_t la, lb;
	char *xa = xlsx_of(a, TK_LANG_JA, NULL, &la), *xb = xlsx_of(b, TK_LANG_JA, NULL, &lb);
	input in[] = { { "a.xlsx", xa, la, false }, { "b.xlsx", xb, lb, false } };
	assert_null(import_all(in, 2, NULL));
	assert_string_equal(problems_out,
		"Ma1.1 is rated differently: a.xlsx (row 5) has …note: \"基本方針は社長承認。\\n2行目の備考\" }, "
		"b.xlsx (row 5) has …note: \"別の備考\" }");
	free(xa);
	free(xb);
	tk_assessment_free(a);
	tk_assessment_free(b);
}

/* ---- malformed input ---- */

/* The bytes of a zip source, malloc'd. */
static char *source_bytes(zip_source_t *src, size_t *len)
{
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_END), 0);
	zip_int64_t n = zip_source_tell(src);
	assert_true(n > 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_SET), 0);
	char *buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(zip_source_read(src, buf, (zip_uint64_t)n), n);
	zip_source_close(src);
	*len = (size_t)n;
	return buf;
}

/* A zip of one entry. */
static char *make_zip(const char *name, const char *content, size_t clen, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	zip_source_t *e = zip_source_buffer(za, content, clen, 0);
	assert_true(zip_file_add(za, name, e, 0) >= 0);
	assert_int_equal(zip_close(za), 0);
	char *out = source_bytes(src, len);
	zip_source_free(src);
	return out;
}

/* A copy of a zip with one entry's first "from" replaced by "to"; with
 * from a cell reference such as "G6", the whole cell is replaced. */
static char *zip_edit(const char *data, size_t len, const char *entry, const char *from, const char *to,
	size_t *out_len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	char *copy = malloc(len);
	assert_non_null(copy);
	memcpy(copy, data, len);
	zip_source_t *src = zip_source_buffer_create(copy, len, 1, &ze);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, 0, &ze);
	assert_non_null(za);
	zip_stat_t sb;
	assert_int_equal(zip_stat(za, entry, 0, &sb), 0);
	char *text = calloc(1, sb.size + 1);
	zip_file_t *zf = zip_fopen(za, entry, 0);
	assert_int_equal(zip_fread(zf, text, sb.size), (zip_int64_t)sb.size);
	zip_fclose(zf);
	char *at = strstr(text, from), *end = at + strlen(from);
	assert_non_null(at);
	if (strncmp(from, "<c r=", 5) == 0) {
		end = strstr(at, "</c>");
		assert_non_null(end);
		end += 4;
	}
	size_t nlen = (size_t)(at - text) + strlen(to) + strlen(end);
	char *edited = malloc(nlen + 1);
	snprintf(edited, nlen + 1, "%.*s%s%s", (int)(at - text), text, to, end);
	zip_source_t *ns = zip_source_buffer(za, edited, nlen, 1);
	assert_true(zip_file_add(za, entry, ns, ZIP_FL_OVERWRITE) >= 0);
	assert_int_equal(zip_close(za), 0);
	char *out = source_bytes(src, out_len);
	zip_source_free(src);
	free(text);
	return out;
}

static const char *read_error(const char *name, const char *data, size_t len, bool csv)
{
	static char buf[2048];
	tk_workbook *wb = NULL;
	tk_error err = { 0 };
	tk_status st = csv ? tk_workbook_read_csv(name, data, len, &wb, &err)
			   : tk_workbook_read_xlsx(name, data, len, &wb, &err);
	tk_workbook_free(wb);
	if (st == TK_OK)
		return "(read)";
	return tk_error_format(&err, TK_LANG_EN, buf, sizeof(buf));
}

static void not_a_zip(void **state)
{
	(void)state;
	assert_string_equal(read_error("a.xlsx", "ID,状態\r\n", 11, false),
		"a.xlsx: not an xlsx file (it is not a zip archive)");
	assert_string_equal(read_error("a.xlsx", "", 0, false), "a.xlsx: not an xlsx file (it is not a zip archive)");
	assert_string_equal(read_error("a.xlsx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13, false),
		"a.xlsx: not an xlsx file (a password-protected workbook or the old .xls format; "
		"save it as .xlsx without a password)");
	size_t len;
	char *z = make_zip("hello.txt", "hello", 5, &len);
	assert_string_equal(read_error("a.xlsx", z, len, false),
		"a.xlsx: the workbook has no part 'xl/workbook.xml' (not an xlsx file, or a damaged one)");
	free(z);
}

/* A real export with one thing changed. */
static char *tampered(const char *entry, const char *from, const char *to, size_t *len)
{
	tk_assessment *a = load_file(EXAMPLES[2]);
	size_t l;
	char *x = xlsx_of(a, TK_LANG_JA, NULL, &l);
	char *out = zip_edit(x, l, entry, from, to, len);
	free(x);
	tk_assessment_free(a);
	return out;
}

static void zip_without_checklist(void **state)
{
	(void)state;
	size_t len;
	char *x = tampered("xl/workbook.xml", "name=\"チェックリスト\"", "name=\"シート1\"", &len);
	input in = { "a.xlsx", x, len, false };
	assert_null(import_all(&in, 1, NULL));
	assert_string_equal(problems_out, "a.xlsx: the workbook has no sheet 'チェックリスト' (Checklist)");
	free(x);
}

/* Row 6 is Ma1.2 (title, header, view M, domain Ma1, Ma1.1 above it);
 * column G is the level of study. */
static void bad_rank_in_a_row(void **state)
{
	(void)state;
	size_t len;
	char *x = tampered("xl/worksheets/sheet1.xml", "<c r=\"G6\"", "<c r=\"G6\" t=\"inlineStr\"><is><t>E</t></is></c>",
		&len);
	input in = { "a.xlsx", x, len, false };
	assert_null(import_all(&in, 1, NULL));
	assert_string_equal(problems_out,
		"a.xlsx: sheet 'チェックリスト', row 6, column G (Study): rank 'E' is not allowed "
		"(A, B, C, D, or the 5 answers ○△× to the criteria)");
	free(x);
	/* Full-width Ｂ and answers ○○○○△ are taken; a wrong number of answers is not. */
	x = tampered("xl/worksheets/sheet1.xml", "<c r=\"G6\"", "<c r=\"G6\" t=\"inlineStr\"><is><t>○○△</t></is></c>",
		&len);
	in.data = x;
	in.len = len;
	assert_null(import_all(&in, 1, NULL));
	assert_string_equal(problems_out,
		"a.xlsx: sheet 'チェックリスト', row 6, column G (Study): give one answer to each of the 5 criteria ('○○△')");
	free(x);
}

static void path_tricks_and_dtd(void **state)
{
	(void)state;
	size_t len;
	char *x = tampered("xl/_rels/workbook.xml.rels", "worksheets/sheet1.xml", "../../etc/passwd", &len);
	assert_string_equal(read_error("a.xlsx", x, len, false),
		"a.xlsx: the workbook names a part by the path '../../etc/passwd', which is not allowed");
	free(x);
	x = tampered("xl/worksheets/sheet1.xml", "?>", "?><!DOCTYPE w [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>", &len);
	assert_string_equal(read_error("a.xlsx", x, len, false),
		"a.xlsx: 'xl/worksheets/sheet1.xml' has a DTD (workbook XML never does)");
	free(x);
}

/* 64 MiB of zeros pack into about 64 KiB. */
static void zip_bomb(void **state)
{
	(void)state;
	size_t big = 64u << 20, len;
	char *zeros = calloc(1, big);
	assert_non_null(zeros);
	char *z = make_zip("xl/workbook.xml", zeros, big, &len);
	assert_true(len < 200000);
	assert_string_equal(read_error("bomb.xlsx", z, len, false),
		"bomb.xlsx: 'xl/workbook.xml' is too large (67108864 bytes unpacked, at most 33554432)");
	free(z);
	/* Under the size cap, the packing ratio gives it away. */
	z = make_zip("xl/workbook.xml", zeros, 30u << 20, &len);
	const char *msg = read_error("bomb.xlsx", z, len, false);
	assert_non_null(strstr(msg, "packs too well to be a workbook"));
	free(z);
	free(zeros);
}

/* A CSV export of the example with its last record changed. */
static char *csv_with(const char *extra, size_t *len)
{
	tk_assessment *a = load_file(EXAMPLES[2]);
	size_t l;
	char *c = csv_of(a, TK_LANG_JA, "management", &l);
	tk_assessment_free(a);
	char *out = malloc(l + strlen(extra) + 1);
	memcpy(out, c, l);
	strcpy(out + l, extra);
	*len = l + strlen(extra);
	free(c);
	return out;
}

static void csv_problems(void **state)
{
	(void)state;
	static const struct { const char *extra, *want; } cases[] = {
		{ "Ma1.1,x,\"never closed\r\n",
		  "a.csv: row 41, column C (line 1615 of the file): a quoted field is never closed (it runs to the end of the file)" },
		{ "Ma1.1,x,ab\"c\r\n",
		  "a.csv: row 41, column C (line 1615 of the file): a quote inside an unquoted field (quote the whole field and write \" as \"\")" },
		{ "Ma1.1,x,\"ab\"c\r\n",
		  "a.csv: row 41, column C (line 1615 of the file): text after the closing quote (a \" inside a field is written \"\")" },
		{ "Ma1.1,\xff\r\n", "a.csv: not a UTF-8 CSV (line 1615, character 7; in Excel, save as \"CSV UTF-8 (Comma delimited)\")" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		size_t len;
		char *c = csv_with(cases[i].extra, &len);
		assert_string_equal(read_error("a.csv", c, len, true), cases[i].want);
		free(c);
	}
}

/* Rows that read as CSV but not as ratings: every one is reported, with
 * its row and column, and nothing is imported. */
static void unreadable_rows(void **state)
{
	(void)state;
	tk_assessment *base = load_file(EXAMPLES[2]);
	size_t len;
	/* The sheet is the management department's; Ta1.* are not in it. */
	char *c = csv_with("Ma1.11,,,,評価済み,3,B,B,B,B,B,,,,\r\n"
			   ",,,,,4,,,,,,,,,\r\n"
			   "Ta1.2,,,,済み,7,Ｂ,B,B,B,B,,,,\r\n"
			   "Ta1.3,,,,対象外,,,,,,,,,,\r\n"
			   "Ta1.4,,,,評価済み,3,B,B,B,B,B,x | 3,,,\r\n"
			   "Ma1.1,,,,,,,,,,,,,,\r\n", &len);
	input in = { "a.csv", c, len, true };
	assert_null(import_all(&in, 1, base));
	assert_string_equal(problems_out,
		"a.csv: row 41, column A (ID): catalog ecom-2004 has no requirement 'Ma1.11'; did you mean 'Ma1.1'?\n"
		"a.csv: row 42, column A (ID): no requirement ID (what is written in this row cannot be read)\n"
		"a.csv: row 43, column E (Status): status '済み' is not allowed (rated, n/a, unknown, or blank)\n"
		"a.csv: row 43, column F (Core): the core level is a whole number from 1 to 5 (found '7')\n"
		"a.csv: row 44, column M (Reason not applicable): give the reason it is not applicable\n"
		"a.csv: row 45, column L (Core per asset): the core and the core per asset cannot both be given (one or the other)\n"
		"a.csv: row 46, column A: Ma1.1 is in row 2 too (one row per requirement)");
	free(c);
	/* A CSV alone has no system to import into. */
	c = csv_with("", &len);
	in.data = c;
	in.len = len;
	assert_null(import_all(&in, 1, NULL));
	assert_string_equal(problems_out,
		"no workbook has a taisaku sheet (to import CSV files only, name the original assessment with --base)");
	free(c);
	tk_assessment_free(base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(canonical_round_trip),
		cmocka_unit_test(export_import_round_trip),
		cmocka_unit_test(awkward_values),
		cmocka_unit_test(csv_formulas_are_guarded),
		cmocka_unit_test(deterministic),
		cmocka_unit_test(department_sheets),
		cmocka_unit_test(department_conflict),
		cmocka_unit_test(conflict_in_a_note),
		cmocka_unit_test(not_a_zip),
		cmocka_unit_test(zip_without_checklist),
		cmocka_unit_test(bad_rank_in_a_row),
		cmocka_unit_test(path_tricks_and_dtd),
		cmocka_unit_test(zip_bomb),
		cmocka_unit_test(csv_problems),
		cmocka_unit_test(unreadable_rows),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
