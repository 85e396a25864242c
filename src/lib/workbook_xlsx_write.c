/* The assessment as an Excel workbook (libxlsxwriter), and the cell texts
 * that the CSV checklist shares with it.
 *
 * Every value the import needs is in a cell as text that reads back to the
 * same value (workbook_internal.h says how the structured cells are
 * written); what is only there to help the officer (titles, points,
 * targets, results) is never read back. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "taisaku/file.h"
#include "taisaku/report.h"
#include "schema.h"
#include "workbook_internal.h"

const wb_column wb_checklist_columns[CL_COLUMNS] = {
	[CL_ID] = { "id", WB_ID_HEADER, WB_ID_HEADER, 9, false, true },
	[CL_TITLE] = { "title", "対策要求", "Requirement", 30, false, false },
	[CL_POINTS] = { "points", "対策のポイント", "Countermeasure points", 62, false, false },
	[CL_TARGET] = { "target", "目標", "Target", 6, false, false },
	[CL_STATUS] = { "status", "状態", "Status", 11, true, true },
	[CL_CORE] = { "core", "対策コア", "Core", 7, true, true },
	[CL_STUDY] = { "study", "検討のレベル", "Study", 8, true, true },
	[CL_PROCESS] = { "process", "プロセスの確立", "Process", 8, true, true },
	[CL_MANAGEMENT] = { "management", "実行管理", "Management", 8, true, true },
	[CL_REVIEW] = { "review", "見直し", "Review", 8, true, true },
	[CL_DOCUMENTATION] = { "documentation", "文書化", "Documentation", 8, true, true },
	[CL_ASSETS] = { "assets", "対策対象ごとのコア", "Core per asset", 28, true, true },
	[CL_NA] = { "na", "対象外の理由", "Reason not applicable", 24, true, true },
	[CL_EVIDENCE] = { "evidence", "根拠資料", "Evidence", 34, true, true },
	[CL_NOTE] = { "note", "備考", "Notes", 34, true, true },
};

const wb_column wb_target_columns[TG_COLUMNS] = {
	[TG_ID] = { "id", WB_ID_HEADER, WB_ID_HEADER, 9, false, true },
	[TG_TITLE] = { "title", "対策要求", "Requirement", 40, false, false },
	[TG_IMPORTANCE] = { "importance", "重要度", "Importance", 16, true, true },
	[TG_DERIVED] = { "derived", "導出した目標", "Derived target", 10, false, false },
	[TG_LEVEL] = { "level", "目標の変更", "Target override", 10, true, true },
	[TG_REASON] = { "reason", "変更の理由", "Reason for the override", 44, true, true },
	[TG_WEIGHT] = { "weight", "重み", "Weight", 8, true, true },
	[TG_TARGET] = { "target", "目標", "Target", 8, false, false },
};

const char *wb_status_label(tk_rating_kind kind, tk_lang lang)
{
	switch (kind) {
	case TK_RATING_RATED: return lang == TK_LANG_EN ? "rated" : "評価済み";
	case TK_RATING_NA: return lang == TK_LANG_EN ? "n/a" : "対象外";
	case TK_RATING_UNKNOWN: return lang == TK_LANG_EN ? "unknown" : "わからない";
	case TK_RATING_UNASSESSED: break;
	}
	return NULL;
}

/* ---- departments ---- */

tk_status tk_department_find(const tk_catalog *cat, const char *name, size_t *index, tk_error *err)
{
	for (size_t i = 0; i < cat->n_departments; i++) {
		const tk_label *d = &cat->departments[i];
		if (strcmp(d->id, name) == 0 || (d->title_ja && strcmp(d->title_ja, name) == 0) ||
		    (d->title_en && strcasecmp(d->title_en, name) == 0)) {
			*index = i;
			return TK_OK;
		}
	}
	/* Name them all: the catalog's titles are hard to guess (ｼｽﾃﾑの運用管理
	 * is written in half-width katakana). */
	char list[TK_ERROR_TEXT / 2];
	size_t n = 0;
	list[0] = '\0';
	for (size_t i = 0; i < cat->n_departments && n < sizeof(list); i++)
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s %s", i ? ", " : "",
			cat->departments[i].id, cat->departments[i].title_ja ? cat->departments[i].title_ja : "");
	return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
		"カタログ %s に部門 '%s' はありません（%s）",
		"catalog %s has no department '%s' (%s)", cat->id, name, list);
}

bool tk_requirement_in_department(const tk_requirement *r, size_t department)
{
	const tk_marks *m = &r->departments;
	for (size_t i = 0; i < m->n_primary; i++)
		if (m->primary[i] == department)
			return true;
	for (size_t i = 0; i < m->n_secondary; i++)
		if (m->secondary[i] == department)
			return true;
	return false;
}

bool wb_wanted(const tk_catalog *cat, size_t r, long dept)
{
	return dept < 0 || tk_requirement_in_department(&cat->requirements[r], (size_t)dept);
}

/* ---- cell texts ---- */

void wb_put_field(FILE *f, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\\' || c == '|' || (c == ' ' && (i == 0 || i == len - 1)))
			fputc('\\', f), fputc(c, f);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c == '\t')
			fputs("\\t", f);
		else
			fputc(c, f);
	}
}

static void put_items(FILE *f, const tk_item *items, size_t n, int depth)
{
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < depth; k++)
			fputs("  ", f);
		fprintf(f, "・%s\n", items[i].text_ja ? items[i].text_ja : "");
		put_items(f, items[i].items, items[i].n_items, depth + 1);
	}
}

void wb_points_text(const tk_requirement *r, FILE *f)
{
	for (size_t i = 0; i < r->n_points; i++) {
		const tk_point *p = &r->points[i];
		fprintf(f, "%s%s\n", p->label ? p->label : "・", p->title_ja ? p->title_ja : "");
		if (p->text_ja) {
			/* The text under a point, each line indented like its items. */
			for (const char *s = p->text_ja, *e; *s; s = e + (*e != '\0')) {
				e = strchr(s, '\n');
				if (!e)
					e = s + strlen(s);
				fputs("  ", f);
				fwrite(s, 1, (size_t)(e - s), f);
				fputc('\n', f);
			}
		}
		put_items(f, p->items, p->n_items, 1);
	}
}

/* The answers to a criteria table, as the seed prints them: ○△×. */
static void put_answers(FILE *f, const tk_peripheral *per, const tk_answer *answers)
{
	static const char *const marks[] = { "○", "△", "×" };
	for (size_t c = 0; c < per->n_columns; c++)
		fputs(marks[answers[c] <= TK_ANSWER_X ? answers[c] : TK_ANSWER_X], f);
}

/* A cell's text is built on a memory stream; an empty text is no text. */
typedef struct cell_text {
	FILE *f;
	char *buf;
	size_t len;
} cell_text;

static FILE *text_open(cell_text *t)
{
	t->buf = NULL;
	t->len = 0;
	t->f = open_memstream(&t->buf, &t->len);
	return t->f;
}

static char *text_close(cell_text *t)
{
	if (t->f)
		fclose(t->f);
	if (t->buf && t->len == 0) {
		free(t->buf);
		t->buf = NULL;
	}
	return t->buf;
}

static char *number_text(int n)
{
	char buf[16];
	snprintf(buf, sizeof(buf), "%d", n);
	return strdup(buf);
}

static char *dup_or_null(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

static char *points_text(const tk_requirement *r)
{
	cell_text t;
	if (text_open(&t))
		wb_points_text(r, t.f);
	return text_close(&t);
}

static char *answers_text(const tk_peripheral *per, const tk_answer *answers)
{
	cell_text t;
	if (text_open(&t))
		put_answers(t.f, per, answers);
	return text_close(&t);
}

/* "name | core", with " | 重要" for an important asset; one a line. */
static char *assets_text(const tk_rating *rt, tk_lang lang)
{
	cell_text t;
	if (!text_open(&t))
		return NULL;
	for (size_t i = 0; i < rt->n_assets; i++) {
		if (i)
			fputc('\n', t.f);
		wb_put_field(t.f, rt->assets[i].name);
		fprintf(t.f, " | %d", rt->assets[i].core);
		if (rt->assets[i].important)
			fputs(lang == TK_LANG_EN ? " | important" : " | 重要", t.f);
	}
	return text_close(&t);
}

/* "title | date | ref", the empty fields at the end left out; one a line. */
static char *evidence_text(const tk_rating *rt)
{
	cell_text t;
	if (!text_open(&t))
		return NULL;
	for (size_t i = 0; i < rt->n_evidence; i++) {
		const tk_evidence *e = &rt->evidence[i];
		if (i)
			fputc('\n', t.f);
		wb_put_field(t.f, e->title);
		if (e->date || e->ref)
			fprintf(t.f, " | %s", e->date ? e->date : "");
		if (e->ref) {
			fputs(" | ", t.f);
			wb_put_field(t.f, e->ref);
		}
	}
	return text_close(&t);
}

void wb_checklist_row(const tk_assessment *a, size_t r, tk_lang lang, char *cells[CL_COLUMNS])
{
	const tk_catalog *cat = a->catalog;
	const tk_requirement *req = &cat->requirements[r];
	const tk_rating *rt = &a->ratings[r];
	memset(cells, 0, CL_COLUMNS * sizeof(*cells));
	cells[CL_ID] = strdup(req->id);
	cells[CL_TITLE] = dup_or_null(lang == TK_LANG_EN && req->title_en ? req->title_en : req->title_ja);
	cells[CL_POINTS] = points_text(req);
	cells[CL_TARGET] = number_text(wb_target(a, r));
	cells[CL_STATUS] = dup_or_null(wb_status_label(rt->kind, lang));
	if (rt->kind == TK_RATING_RATED) {
		if (!rt->n_assets)
			cells[CL_CORE] = number_text(rt->core);
		for (int p = 0; p < TK_PERIPHERALS; p++) {
			if (!rt->rank_given[p])
				continue;
			if (rt->from_answers[p] && rt->answers[p])
				cells[CL_STUDY + p] = answers_text(&cat->scoring.peripherals[p], rt->answers[p]);
			else
				cells[CL_STUDY + p] = strdup(tk_rank_name(rt->ranks[p]));
		}
		cells[CL_ASSETS] = assets_text(rt, lang);
	}
	if (rt->kind == TK_RATING_NA)
		cells[CL_NA] = dup_or_null(rt->na_reason);
	cells[CL_EVIDENCE] = evidence_text(rt);
	cells[CL_NOTE] = dup_or_null(rt->note);
}

void wb_row_free(char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(cells[i]);
		cells[i] = NULL;
	}
}

/* ---- the xlsx writer ---- */

/* The most characters a cell holds (libxlsxwriter counts them as Excel does
 * for text without surrogate pairs). */
#define EXCEL_MAX_CHARS 32767

typedef struct xw {
	const tk_assessment *a;
	const tk_evaluation *e;
	tk_lang lang;
	long dept;
	lxw_workbook *wb;
	lxw_format *title, *header, *view, *domain, *text, *points, *center, *input, *input_wrap,
		*label, *level, *locked_text;
	tk_error *err;
	tk_status st;
} xw;

static const char *T(const xw *x, const char *ja, const char *en)
{
	return x->lang == TK_LANG_EN ? en : ja;
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Excel reads "_x0041_" in a cell as the character it codes; a text that
 * holds such a sequence has its underscore written as _x005F_ so that it
 * reads back as it was. */
static char *escape_ooxml(const char *s)
{
	const char *p = strstr(s, "_x");
	bool any = false;
	for (; p && !any; p = strstr(p + 1, "_x")) {
		size_t k = 2;
		while (k < 6 && strchr("0123456789abcdefABCDEF", p[k]) && p[k])
			k++;
		any = k == 6 && p[6] == '_';
	}
	if (!any)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	for (const char *q = s; *q; q++) {
		if (q[0] == '_' && q[1] == 'x')
			fputs("_x005F_", f);
		else
			fputc(*q, f);
	}
	fclose(f);
	return buf;
}

/* Writes a cell; an empty text leaves a blank cell with the format, so
 * that an input cell keeps its colour. A value that Excel cannot hold
 * (over 32,767 characters) is an error when it is data (the round trip
 * would lose it) and is cut when it is only there to read. */
static void put(xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s, lxw_format *fmt,
	bool data)
{
	if (x->st)
		return;
	if (!s || !*s) {
		if (fmt)
			worksheet_write_blank(ws, row, col, fmt);
		return;
	}
	char *esc = escape_ooxml(s);
	const char *v = esc ? esc : s;
	char *cut = NULL;
	if (utf8_chars(v) > EXCEL_MAX_CHARS) {
		if (data) {
			char ref[8];
			wb_column_name(col, ref);
			x->st = tk_error_set(x->err, TK_EINPUT, x->a->path, 0, 0, NULL,
				"シート %u 行 %s 列の値が Excel の上限（%d 文字）を超えています",
				"the value for row %u, column %s is longer than Excel allows (%d characters)",
				row + 1, ref, EXCEL_MAX_CHARS);
			free(esc);
			return;
		}
		size_t chars = 0, i = 0;
		while (v[i] && (chars < EXCEL_MAX_CHARS - 1 || ((unsigned char)v[i] & 0xc0) == 0x80))
			chars += ((unsigned char)v[i++] & 0xc0) != 0x80;
		cut = malloc(i + 4);
		if (cut) {
			memcpy(cut, v, i);
			memcpy(cut + i, "…", 4);
			v = cut;
		}
	}
	if (worksheet_write_string(ws, row, col, v, fmt) != LXW_NO_ERROR)
		x->st = tk_error_set(x->err, TK_EIO, x->a->path, 0, 0, NULL, "ブックを作れません",
			"cannot make the workbook");
	free(esc);
	free(cut);
}

static void put_int(xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s, lxw_format *fmt)
{
	if (s && *s)
		worksheet_write_number(ws, row, col, atoi(s), fmt);
	else
		put(x, ws, row, col, NULL, fmt, false);
}

static lxw_format *fmt(xw *x, unsigned flags, lxw_color_t bg)
{
	enum { BOLD = 1, WRAP = 2, CENTER = 4, UNLOCKED = 8, BORDER = 16, SMALL = 32, WHITE = 64, BIG = 128 };
	lxw_format *f = workbook_add_format(x->wb);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (flags & BOLD)
		format_set_bold(f);
	if (flags & WRAP)
		format_set_text_wrap(f);
	if (flags & CENTER)
		format_set_align(f, LXW_ALIGN_CENTER);
	if (flags & UNLOCKED)
		format_set_unlocked(f);
	if (flags & BORDER) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, 0xBFBFBF);
	}
	if (flags & SMALL)
		format_set_font_size(f, 9);
	if (flags & BIG)
		format_set_font_size(f, 13);
	if (flags & WHITE)
		format_set_font_color(f, LXW_COLOR_WHITE);
	if (bg)
		format_set_bg_color(f, bg);
	return f;
}

static void make_formats(xw *x)
{
	enum { BOLD = 1, WRAP = 2, CENTER = 4, UNLOCKED = 8, BORDER = 16, SMALL = 32, WHITE = 64, BIG = 128 };
	x->title = fmt(x, BOLD | BIG, 0);
	x->header = fmt(x, BOLD | WRAP | BORDER, 0xD9E1F2);
	x->view = fmt(x, BOLD | WHITE, 0x44546A);
	x->domain = fmt(x, BOLD, 0xDDEBF7);
	x->text = fmt(x, WRAP | BORDER, 0);
	x->points = fmt(x, WRAP | BORDER | SMALL, 0);
	x->center = fmt(x, CENTER | BORDER, 0);
	x->input = fmt(x, CENTER | UNLOCKED | BORDER, 0xFFF2CC);
	x->input_wrap = fmt(x, WRAP | UNLOCKED | BORDER, 0xFFF2CC);
	x->label = fmt(x, BOLD, 0);
	x->level = fmt(x, CENTER | BORDER, 0);
	format_set_num_format(x->level, "0.0");
	x->locked_text = fmt(x, WRAP, 0);
}

/* Lines a text takes in a column of the given width: a CJK character is
 * about two columns wide, and the points' smaller type fits about a fifth
 * more. Excel does not fit rows to wrapped text when it opens a file, so
 * the writer sets each row's height itself. */
static int text_lines(const char *s, double width)
{
	int lines = 0;
	double used = 0;
	if (!s)
		return 1;
	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		if (*p == '\n' || !*p) {
			lines += used > 0 ? (int)((used - 0.01) / width) + 1 : 1;
			used = 0;
			if (!*p)
				break;
			continue;
		}
		if ((*p & 0xc0) != 0x80)
			used += *p < 0x80 ? 1.0 : 1.9;
	}
	return lines;
}

static double row_height(char *cells[CL_COLUMNS])
{
	int points = text_lines(cells[CL_POINTS], wb_checklist_columns[CL_POINTS].width * 1.15);
	double h = points * 12.0 + 3;
	int other[] = { CL_TITLE, CL_ASSETS, CL_NA, CL_EVIDENCE, CL_NOTE };
	for (size_t i = 0; i < sizeof(other) / sizeof(*other); i++) {
		double hh = text_lines(cells[other[i]], wb_checklist_columns[other[i]].width) * 15.0 + 3;
		if (hh > h)
			h = hh;
	}
	return h < 30 ? 30 : h > 409 ? 409 : h;
}

static void set_columns(lxw_worksheet *ws, const wb_column *cols, size_t n)
{
	for (size_t c = 0; c < n; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, NULL);
}

static void headers(xw *x, lxw_worksheet *ws, uint32_t row, const wb_column *cols, size_t n)
{
	for (size_t c = 0; c < n; c++)
		put(x, ws, row, (uint16_t)c, T(x, cols[c].ja, cols[c].en), x->header, false);
	worksheet_set_row(ws, row, 32, NULL);
}

/* Drop-down lists, over a run of requirement rows. */
static void validate_list(lxw_worksheet *ws, uint32_t first, uint32_t last, uint16_t col,
	const char **list, bool strict, const char *title, const char *message)
{
	lxw_data_validation dv;
	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = (char **)list;
	/* Ranks may also be answers (○○○○△), so a value outside the list
	 * only warns there. */
	dv.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
	dv.input_title = (char *)title;
	dv.input_message = (char *)message;
	worksheet_data_validation_range(ws, first, col, last, col, &dv);
}

static void checklist_validations(xw *x, lxw_worksheet *ws, uint32_t first, uint32_t last)
{
	static const char *cores[] = { "1", "2", "3", "4", "5", NULL };
	static const char *ranks[] = { "A", "B", "C", "D", NULL };
	const char *statuses[] = { wb_status_label(TK_RATING_RATED, x->lang),
		wb_status_label(TK_RATING_NA, x->lang), wb_status_label(TK_RATING_UNKNOWN, x->lang), NULL };
	validate_list(ws, first, last, CL_STATUS, statuses, true, T(x, "状態", "Status"),
		T(x, "評価済み（対策コアとランクを記入）、対象外（理由を記入）、わからない。空欄は未評価。",
		   "rated (give the core and the ranks), n/a (give the reason), unknown. Blank: not assessed."));
	validate_list(ws, first, last, CL_CORE, cores, true, T(x, "対策コア", "Core"),
		T(x, "1〜5。対策対象ごとに評価するときは空欄にして右の列に記入。",
		   "1 to 5. Leave blank when the core is given per asset (column on the right)."));
	for (int p = 0; p < TK_PERIPHERALS; p++)
		validate_list(ws, first, last, (uint16_t)(CL_STUDY + p), ranks, false,
			T(x, "ランク", "Rank"),
			T(x, "A〜D。または評価基準の各項目への回答を ○△× で左から順に（例: ○○○○△）。",
			   "A to D, or the answers to the criteria table as ○△× in order (e.g. ○○○○△)."));
}

static void checklist_title(xw *x, lxw_worksheet *ws)
{
	const tk_assessment *a = x->a;
	char buf[1024];
	int n = snprintf(buf, sizeof(buf), "%s %s", a->system_name, T(x, "チェックリスト", "checklist"));
	if (x->dept >= 0 && n > 0 && (size_t)n < sizeof(buf)) {
		const tk_label *d = &a->catalog->departments[x->dept];
		snprintf(buf + n, sizeof(buf) - (size_t)n, T(x, "（%s）", " (%s)"),
			x->lang == TK_LANG_EN && d->title_en ? d->title_en : d->title_ja);
	}
	put(x, ws, 0, 0, buf, x->title, false);
	worksheet_set_row(ws, 0, 22, NULL);
}

static void requirement_row(xw *x, lxw_worksheet *ws, uint32_t row, size_t r)
{
	char *cells[CL_COLUMNS];
	wb_checklist_row(x->a, r, x->lang, cells);
	lxw_row_col_options level2 = { .level = 2 };
	worksheet_set_row_opt(ws, row, row_height(cells), NULL, &level2);
	put(x, ws, row, CL_ID, cells[CL_ID], x->text, true);
	put(x, ws, row, CL_TITLE, cells[CL_TITLE], x->text, false);
	put(x, ws, row, CL_POINTS, cells[CL_POINTS], x->points, false);
	put_int(x, ws, row, CL_TARGET, cells[CL_TARGET], x->center);
	put(x, ws, row, CL_STATUS, cells[CL_STATUS], x->input, true);
	put_int(x, ws, row, CL_CORE, cells[CL_CORE], x->input);
	for (int c = CL_STUDY; c <= CL_DOCUMENTATION; c++)
		put(x, ws, row, (uint16_t)c, cells[c], x->input, true);
	for (int c = CL_ASSETS; c <= CL_NOTE; c++)
		put(x, ws, row, (uint16_t)c, cells[c], x->input_wrap, true);
	wb_row_free(cells, CL_COLUMNS);
}

/* A header row of a view (outline level 0) or domain (level 1). */
static void group_row(xw *x, lxw_worksheet *ws, uint32_t row, int level, const char *id,
	const char *title_ja, const char *title_en, size_t ncols)
{
	lxw_format *f = level ? x->domain : x->view;
	lxw_row_col_options o = { .level = (uint8_t)level };
	worksheet_set_row_opt(ws, row, LXW_DEF_ROW_HEIGHT, NULL, &o);
	put(x, ws, row, 0, id, f, false);
	put(x, ws, row, 1, x->lang == TK_LANG_EN && title_en ? title_en : title_ja, f, false);
	for (size_t c = 2; c < ncols; c++)
		worksheet_write_blank(ws, row, (lxw_col_t)c, f);
}

static bool view_wanted(const xw *x, const tk_view *v)
{
	const tk_catalog *cat = x->a->catalog;
	for (uint32_t d = 0; d < v->n_domains; d++) {
		const tk_domain *dom = &cat->domains[v->first_domain + d];
		for (uint32_t k = 0; k < dom->n_requirements; k++)
			if (wb_wanted(cat, dom->first_requirement + k, x->dept))
				return true;
	}
	return false;
}

static bool domain_wanted(const xw *x, const tk_domain *dom)
{
	for (uint32_t k = 0; k < dom->n_requirements; k++)
		if (wb_wanted(x->a->catalog, dom->first_requirement + k, x->dept))
			return true;
	return false;
}

static void print_setup(lxw_worksheet *ws, uint32_t header_row)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, header_row, header_row);
}

static void checklist_sheet(xw *x)
{
	const tk_catalog *cat = x->a->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, T(x, WB_SHEET_CHECKLIST_JA, WB_SHEET_CHECKLIST_EN));
	set_columns(ws, wb_checklist_columns, CL_COLUMNS);
	checklist_title(x, ws);
	headers(x, ws, 1, wb_checklist_columns, CL_COLUMNS);
	uint32_t row = 2;
	for (size_t v = 0; v < cat->n_views; v++) {
		const tk_view *view = &cat->views[v];
		if (!view_wanted(x, view))
			continue;
		group_row(x, ws, row++, 0, view->id, view->title_ja, view->title_en, CL_COLUMNS);
		for (uint32_t d = 0; d < view->n_domains; d++) {
			const tk_domain *dom = &cat->domains[view->first_domain + d];
			if (!domain_wanted(x, dom))
				continue;
			group_row(x, ws, row++, 1, dom->id, dom->title_ja, dom->title_en, CL_COLUMNS);
			uint32_t first = row;
			for (uint32_t k = 0; k < dom->n_requirements; k++)
				if (wb_wanted(cat, dom->first_requirement + k, x->dept))
					requirement_row(x, ws, row++, dom->first_requirement + k);
			checklist_validations(x, ws, first, row - 1);
		}
	}
	worksheet_freeze_panes(ws, 2, 2);
	worksheet_autofilter(ws, 1, 0, row > 2 ? row - 1 : 2, CL_COLUMNS - 1);
	/* Summary rows above their details, as the checklist reads top down. */
	worksheet_outline_settings(ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);
	print_setup(ws, 1);
	worksheet_activate(ws);
}

/* A line of the summary above the targets table: the label over the ID and
 * title columns, the value over the rest, so that neither is cut. */
static void label_value(xw *x, lxw_worksheet *ws, uint32_t row, const char *label, const char *value)
{
	worksheet_merge_range(ws, row, 0, row, TG_TITLE, "", x->label);
	put(x, ws, row, 0, label, x->label, false);
	worksheet_merge_range(ws, row, TG_IMPORTANCE, row, TG_COLUMNS - 1, "", x->locked_text);
	put(x, ws, row, TG_IMPORTANCE, value, x->locked_text, false);
}

static void targets_summary(xw *x, lxw_worksheet *ws)
{
	const tk_assessment *a = x->a;
	char level[8];
	snprintf(level, sizeof(level), "%d", a->level);
	put(x, ws, 0, 0, T(x, "目標（システムの目標レベルと対策要求ごとの目標）",
		"Targets (the system's target level and each requirement's target)"), x->title, false);
	label_value(x, ws, 1, T(x, "システム", "System"), a->system_name);
	label_value(x, ws, 2, T(x, "組織", "Organisation"), a->organization);
	label_value(x, ws, 3, T(x, "システムの目標レベル", "Target level of the system"), level);
	label_value(x, ws, 4, T(x, "目標レベルの理由", "Why this level"), a->level_reason);
	label_value(x, ws, 5, T(x, "評価日", "Date"), a->date);
	label_value(x, ws, 6, T(x, "評価者", "Assessor"), a->assessor);
	/* The reason is long: its row is as tall as its lines. */
	double width = 0;
	for (int c = TG_IMPORTANCE; c < TG_COLUMNS; c++)
		width += wb_target_columns[c].width;
	worksheet_set_row(ws, 4, a->level_reason ? 15.0 * text_lines(a->level_reason, width) + 3 : 15, NULL);
}

static void target_row(xw *x, lxw_worksheet *ws, uint32_t row, size_t r)
{
	const tk_assessment *a = x->a;
	const tk_requirement *req = &a->catalog->requirements[r];
	int derived = a->catalog->scoring.targets[a->level][a->importance[r]];
	char weight[40];
	put(x, ws, row, TG_ID, req->id, x->text, true);
	put(x, ws, row, TG_TITLE, x->lang == TK_LANG_EN && req->title_en ? req->title_en : req->title_ja,
		x->text, false);
	put(x, ws, row, TG_IMPORTANCE, a->importance_given[r] ?
		tk_importance_label(a->importance[r], x->lang) : NULL, x->input, true);
	worksheet_write_number(ws, row, TG_DERIVED, derived, x->center);
	if (a->override_level[r])
		worksheet_write_number(ws, row, TG_LEVEL, a->override_level[r], x->input);
	else
		put(x, ws, row, TG_LEVEL, NULL, x->input, true);
	put(x, ws, row, TG_REASON, a->override_level[r] ? a->override_reason[r] : NULL, x->input_wrap, true);
	/* A weight is written as a number when Excel's 15 digits keep it, and
	 * as text otherwise, so that it reads back as the same double. */
	if (a->requirement_weight[r] == 1) {
		put(x, ws, row, TG_WEIGHT, NULL, x->input, true);
	} else {
		char probe[40];
		wb_number_text(a->requirement_weight[r], weight, sizeof(weight));
		snprintf(probe, sizeof(probe), "%.15g", a->requirement_weight[r]);
		if (strcmp(probe, weight) == 0)
			worksheet_write_number(ws, row, TG_WEIGHT, a->requirement_weight[r], x->input);
		else
			put(x, ws, row, TG_WEIGHT, weight, x->input, true);
	}
	worksheet_write_number(ws, row, TG_TARGET, wb_target(a, r), x->center);
	const char *reason = a->override_level[r] ? a->override_reason[r] : NULL;
	if (reason)
		worksheet_set_row(ws, row, 15.0 * text_lines(reason, wb_target_columns[TG_REASON].width) + 3, NULL);
}

static void targets_sheet(xw *x)
{
	const tk_catalog *cat = x->a->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, T(x, WB_SHEET_TARGETS_JA, WB_SHEET_TARGETS_EN));
	set_columns(ws, wb_target_columns, TG_COLUMNS);
	targets_summary(x, ws);
	const uint32_t header = 8;
	headers(x, ws, header, wb_target_columns, TG_COLUMNS);
	uint32_t row = header + 1;
	for (size_t r = 0; r < cat->n_requirements; r++)
		if (wb_wanted(cat, r, x->dept))
			target_row(x, ws, row++, r);
	if (row > header + 1) {
		const char *imps[] = { tk_importance_label(TK_IMP_CRITICAL, x->lang),
			tk_importance_label(TK_IMP_IMPORTANT, x->lang), tk_importance_label(TK_IMP_GENERAL, x->lang),
			tk_importance_label(TK_IMP_LOW, x->lang), NULL };
		static const char *levels[] = { "2", "3", "4", "5", NULL };
		validate_list(ws, header + 1, row - 1, TG_IMPORTANCE, imps, true, T(x, "重要度", "Importance"),
			T(x, "空欄は「一般」（表4-4）。", "Blank means general (table 4-4)."));
		validate_list(ws, header + 1, row - 1, TG_LEVEL, levels, true, T(x, "目標の変更", "Target override"),
			T(x, "導出した目標から 1 レベルだけ上げ下げできます。理由が必要です（§5.2.1.2）。",
			   "One level up or down from the derived target, with a reason (§5.2.1.2)."));
		lxw_data_validation dv;
		memset(&dv, 0, sizeof(dv));
		dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_number = 0;
		dv.maximum_number = 1000;
		dv.input_title = (char *)T(x, "重み", "Weight");
		dv.input_message = (char *)T(x, "0 より大きく 1000 以下。空欄は 1。", "Above 0, at most 1000. Blank means 1.");
		worksheet_data_validation_range(ws, header + 1, TG_WEIGHT, row - 1, TG_WEIGHT, &dv);
	}
	worksheet_freeze_panes(ws, header + 1, 2);
	print_setup(ws, header);
}

/* "対策コア 3→4、見直し C→B": what a level lacks. */
static char *missing_text(const tk_shortfall *s, size_t n, tk_lang lang)
{
	cell_text t;
	if (!text_open(&t))
		return NULL;
	for (size_t k = 0; k < n; k++) {
		char buf[32];
		tk_shortfall_text(&s[k], buf, sizeof(buf));
		fprintf(t.f, "%s%s %s", k ? (lang == TK_LANG_EN ? ", " : "、") : "", tk_element_label(s[k].element, lang),
			buf);
	}
	return text_close(&t);
}

static void result_row(xw *x, lxw_worksheet *ws, uint32_t row, size_t r)
{
	const tk_requirement *req = &x->a->catalog->requirements[r];
	const tk_req_result *rr = &x->e->requirements[r];
	char *target = NULL, *next = NULL;
	put(x, ws, row, 0, req->id, x->text, false);
	put(x, ws, row, 1, x->lang == TK_LANG_EN && req->title_en ? req->title_en : req->title_ja, x->text, false);
	worksheet_write_number(ws, row, 2, rr->target, x->center);
	if (rr->counted)
		worksheet_write_number(ws, row, 3, rr->achieved, x->center);
	else
		worksheet_write_blank(ws, row, 3, x->center);
	put(x, ws, row, 4, tk_req_status_label(rr->status, x->lang), x->center, false);
	if (rr->counted)
		worksheet_write_number(ws, row, 5, rr->gap, x->center);
	else
		worksheet_write_blank(ws, row, 5, x->center);
	if (rr->counted)
		target = missing_text(rr->missing_target, rr->n_missing_target, x->lang);
	if (rr->counted && rr->achieved < 5)
		next = missing_text(rr->missing_next, rr->n_missing_next, x->lang);
	put(x, ws, row, 6, rr->status == TK_ST_UNDER ? target : NULL, x->text, false);
	put(x, ws, row, 7, next, x->text, false);
	free(target);
	free(next);
}

static void results_sheet(xw *x)
{
	static const wb_column cols[] = {
		{ "id", WB_ID_HEADER, WB_ID_HEADER, 9, false, false },
		{ "title", "対策要求", "Requirement", 40, false, false },
		{ "target", "目標", "Target", 7, false, false },
		{ "achieved", "達成レベル", "Achieved", 9, false, false },
		{ "status", "状態", "Status", 12, false, false },
		{ "gap", "ギャップ", "Gap", 8, false, false },
		{ "missing_target", "目標に足りないもの", "Missing for the target", 36, false, false },
		{ "missing_next", "次のレベルに足りないもの", "Missing for the next level", 36, false, false },
	};
	const size_t ncols = sizeof(cols) / sizeof(*cols);
	const tk_catalog *cat = x->a->catalog;
	const tk_evaluation *e = x->e;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, T(x, WB_SHEET_RESULTS_JA, WB_SHEET_RESULTS_EN));
	set_columns(ws, cols, ncols);
	put(x, ws, 0, 0, T(x, "評価結果（このブックを作ったときの評価。ここに書いても読み込みません）",
		"Results (the evaluation when this workbook was made; nothing here is read back)"), x->title, false);
	put(x, ws, 1, 0, T(x, "システムの達成レベル", "System level"), x->label, false);
	if (e->system.counted)
		worksheet_write_number(ws, 1, 2, tk_round1(e->system.level), x->level);
	put(x, ws, 2, 0, T(x, "システムの目標レベル", "System target"), x->label, false);
	worksheet_write_number(ws, 2, 2, x->a->level, x->center);
	char counts[256];
	snprintf(counts, sizeof(counts), T(x, "改善が必要 %zu、過対策 %zu、要調査 %zu、対象外 %zu、未評価 %zu",
		"under %zu, over %zu, unknown %zu, n/a %zu, not assessed %zu"),
		e->n_under, e->n_over, e->n_unknown, e->n_na, e->n_unassessed);
	put(x, ws, 3, 0, counts, NULL, false);
	const uint32_t header = 5;
	headers(x, ws, header, cols, ncols);
	uint32_t row = header + 1;
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		if (!domain_wanted(x, dom))
			continue;
		group_row(x, ws, row, 1, dom->id, dom->title_ja, dom->title_en, ncols);
		if (e->domains[d].counted)
			worksheet_write_number(ws, row, 3, tk_round1(e->domains[d].level), x->domain);
		row++;
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t r = dom->first_requirement + k;
			if (!wb_wanted(cat, r, x->dept))
				continue;
			lxw_row_col_options o = { .level = 2 };
			worksheet_set_row_opt(ws, row, LXW_DEF_ROW_HEIGHT, NULL, &o);
			result_row(x, ws, row++, r);
		}
	}
	worksheet_freeze_panes(ws, header + 1, 2);
	worksheet_outline_settings(ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);
	/* Computed, so locked; outlines and filters still work. */
	lxw_protection prot;
	memset(&prot, 0, sizeof(prot));
	prot.format_columns = LXW_TRUE;
	prot.format_rows = LXW_TRUE;
	prot.autofilter = LXW_TRUE;
	worksheet_protect(ws, NULL, &prot);
	print_setup(ws, header);
}

/* The hidden sheet: key in column A, values from column B on, always as
 * text, so that nothing is converted on the way back. */
static void meta_row(xw *x, lxw_worksheet *ws, uint32_t *row, const char *key, const char *const *values,
	size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++)
		any |= values[i] != NULL;
	if (!any)
		return;
	put(x, ws, *row, 0, key, NULL, true);
	for (size_t i = 0; i < n; i++)
		put(x, ws, *row, (uint16_t)(i + 1), values[i], NULL, true);
	(*row)++;
}

static void meta_sheet(xw *x)
{
	static const char *const causes[] = { NULL, "planning", "deployment", "management", "capability" };
	const tk_assessment *a = x->a;
	const tk_catalog *cat = a->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, WB_SHEET_META);
	uint32_t row = 0;
	char level[8], br[40], bd[40], w[40];
	snprintf(level, sizeof(level), "%d", a->level);
	wb_number_text(a->balance_requirement, br, sizeof(br));
	wb_number_text(a->balance_domain, bd, sizeof(bd));
	const char *v[8];
#define META1(k, value) do { v[0] = (value); meta_row(x, ws, &row, (k), v, 1); } while (0)
	META1("format", WB_FORMAT);
	META1("catalog", cat->id);
	META1("department", x->dept >= 0 ? cat->departments[x->dept].id : NULL);
	META1("system.name", a->system_name);
	META1("system.level", level);
	META1("system.organization", a->organization);
	META1("system.date", a->date);
	META1("system.assessor", a->assessor);
	META1("system.reason", a->level_reason);
	META1("settings.balance_requirement", br);
	META1("settings.balance_domain", bd);
#undef META1
	for (size_t d = 0; d < cat->n_domains; d++) {
		if (a->domain_weight[d] == 1)
			continue;
		wb_number_text(a->domain_weight[d], w, sizeof(w));
		v[0] = cat->domains[d].id;
		v[1] = w;
		meta_row(x, ws, &row, "domain.weight", v, 2);
	}
	for (size_t i = 0; i < a->n_improvements; i++) {
		const tk_improvement *im = &a->improvements[i];
		v[0] = cat->requirements[im->requirement].id;
		v[1] = causes[im->cause <= TK_CAUSE_CAPABILITY ? im->cause : 0];
		v[2] = im->aim;
		v[3] = im->content;
		v[4] = im->steps;
		v[5] = im->due;
		v[6] = im->owner;
		meta_row(x, ws, &row, "improvement", v, 7);
	}
	worksheet_set_column(ws, 0, 0, 28, NULL);
	worksheet_set_column(ws, 1, 7, 30, NULL);
	worksheet_hide(ws);
	worksheet_protect(ws, NULL, NULL);
}

/* The document's creation time: the assessment's date at midnight UTC, so
 * that the same assessment gives the same bytes. */
static time_t created_time(const tk_assessment *a)
{
	if (!a->date || !tk_date_valid(a->date))
		return 315532800; /* 1980-01-01, the zip format's epoch */
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = atoi(a->date) - 1900;
	tm.tm_mon = atoi(a->date + 5) - 1;
	tm.tm_mday = atoi(a->date + 8);
	time_t t = timegm(&tm);
	return t > 0 ? t : 315532800;
}

static void properties(xw *x)
{
	const tk_assessment *a = x->a;
	char title[512];
	snprintf(title, sizeof(title), "%s %s", a->system_name, T(x, "チェックリスト", "checklist"));
	lxw_doc_properties p;
	memset(&p, 0, sizeof(p));
	p.title = title;
	p.subject = (char *)(x->lang == TK_LANG_EN && a->catalog->title_en ? a->catalog->title_en : a->catalog->title_ja);
	p.author = (char *)"taisaku";
	p.company = (char *)a->organization;
	p.comments = (char *)T(x, "taisaku export で作成。記入後 taisaku import で評価シートに読み込めます。",
		"Made by taisaku export; read it back with taisaku import once filled in.");
	p.created = created_time(a);
	workbook_set_properties(x->wb, &p);
}

/* libxlsxwriter writes to a file name only, so the workbook goes to a
 * private temporary file and is read back into memory; the caller then
 * writes it where it belongs atomically. */
static tk_status temp_path(char *buf, size_t size, tk_error *err)
{
	const char *dir = getenv("TMPDIR");
	snprintf(buf, size, "%s/taisaku-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(buf);
	if (fd < 0)
		return tk_error_set(err, TK_EIO, buf, 0, 0, NULL, "一時ファイルを作れません: %s",
			"cannot make a temporary file: %s", strerror(errno));
	close(fd);
	return TK_OK;
}

tk_status tk_workbook_write_xlsx(const tk_assessment *a, const tk_workbook_options *opt,
	char **data, size_t *len, tk_error *err)
{
	*data = NULL;
	*len = 0;
	xw x = { .a = a, .lang = opt ? opt->lang : TK_LANG_JA, .dept = -1, .err = err };
	if (opt && opt->department) {
		size_t d;
		tk_status st = tk_department_find(a->catalog, opt->department, &d, err);
		if (st)
			return st;
		x.dept = (long)d;
	}
	tk_evaluation *e;
	tk_status st = tk_evaluate(a, &e, err);
	if (st)
		return st;
	x.e = e;
	char path[4096];
	if ((st = temp_path(path, sizeof(path), err))) {
		tk_evaluation_free(e);
		return st;
	}
	x.wb = workbook_new(path);
	if (!x.wb) {
		unlink(path);
		tk_evaluation_free(e);
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "ブックを作れません", "cannot make the workbook");
	}
	make_formats(&x);
	properties(&x);
	checklist_sheet(&x);
	targets_sheet(&x);
	results_sheet(&x);
	meta_sheet(&x);
	lxw_error le = workbook_close(x.wb);
	tk_evaluation_free(e);
	if (!x.st && le != LXW_NO_ERROR)
		x.st = tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "ブックを書き出せません: %s",
			"cannot write the workbook: %s", lxw_strerror(le));
	if (!x.st)
		x.st = tk_file_read(path, data, len, err);
	unlink(path);
	return x.st;
}
