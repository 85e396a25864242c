/* The import: filled checklists (xlsx or CSV, already read into cells by
 * workbook_xlsx_read.c and workbook_csv.c) turned into one assessment.
 * Several department workbooks merge; two that fill one requirement in
 * differently are a conflict, reported with both files, and nothing is
 * written. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/file.h"
#include "taisaku/report.h"
#include "schema.h"
#include "workbook_internal.h"

/* ---- import: filled checklists into an assessment ---- */

static tk_status oom(tk_error *err, const char *name)
{
	return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
}

/* What one workbook says: a partial assessment holding the requirements it
 * has rows for, and the rows they came from. */
typedef struct part {
	const tk_workbook *wb;
	const wb_sheet *checklist, *targets, *meta;
	tk_assessment a;
	bool has_meta;
	bool *has_rating, *has_target;
	uint32_t *rating_row, *target_row;
} part;

struct tk_import {
	const tk_assessment *base;
	tk_catalog_resolver resolve;
	void *ctx;
	const tk_catalog *cat;
	tk_arena *arena;
	const char **ids;          /* requirement IDs, for suggestions */
	wb_books books;
	part *parts;
	wb_problems problems;
};

/* Where a cell is, as people look for it in the spreadsheet. */
typedef struct where {
	const part *p;
	const wb_sheet *s;
	uint32_t row, col;
	const wb_column *column;   /* may be NULL */
} where;

/* "sheet 'チェックリスト', row 12, column F (core): ..."; a CSV has no
 * sheet name. */
static void cell_problem(tk_import *im, const where *w, const char *ja, const char *en)
{
	wb_cell_problem(&im->problems, w->p->wb->name, w->s->name, w->row, w->col, w->column, ja, en);
}

static void cell_problemf(tk_import *im, const where *w, const char *ja, const char *en, ...)
	__attribute__((format(printf, 4, 5)));

static void cell_problemf(tk_import *im, const where *w, const char *ja, const char *en, ...)
{
	char tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	va_list ap;
	va_start(ap, en);
	tk_format_pair(tja, ten, TK_ERROR_TEXT, ja, en, ap);
	va_end(ap);
	cell_problem(im, w, tja, ten);
}

/* ---- values of cells ---- */

/* A whole number in [min, max]; Excel may keep 3 as "3" or "3.0". */
static bool whole_number(const char *s, long min, long max, long *out)
{
	char *end;
	if (!*s)
		return false;
	double x = strtod(s, &end);
	if (*end || !isfinite(x) || x != floor(x) || x < (double)min || x > (double)max)
		return false;
	*out = (long)x;
	return true;
}

static bool number_in(const char *s, double min, double max, double *out)
{
	char *end;
	if (!*s)
		return false;
	double x = strtod(s, &end);
	if (*end || !isfinite(x) || x <= min || x > max)
		return false;
	*out = x;
	return true;
}

/* A free text (a note, a reason): exactly as written; NULL when blank,
 * since the assessment has no empty texts. */
static const char *free_text(const char *s)
{
	return wb_blank(s) ? NULL : s;
}

/* ---- the checklist ---- */

/* One row being read, and where its columns are. */
typedef struct row_ctx {
	tk_import *im;
	part *p;
	const wb_sheet *s;
	uint32_t row;
	const int *cols;
	const wb_column *columns;
} row_ctx;

static const char *rc_cell(const row_ctx *c, int column)
{
	return c->cols[column] < 0 ? NULL : wb_sheet_cell(c->s, c->row, (uint32_t)c->cols[column]);
}

static where rc_where(const row_ctx *c, int column)
{
	return (where){ c->p, c->s, c->row, c->cols[column] < 0 ? 0 : (uint32_t)c->cols[column],
		&c->columns[column] };
}

static bool read_status(const row_ctx *c, int *kind)
{
	char buf[64], sh[64];
	const char *v = wb_norm(rc_cell(c, CL_STATUS), buf, sizeof(buf));
	*kind = -1;
	if (!*v)
		return true;
	static const tk_rating_kind kinds[] = { TK_RATING_RATED, TK_RATING_NA, TK_RATING_UNKNOWN };
	for (size_t i = 0; i < 3; i++) {
		if (strcmp(v, wb_status_label(kinds[i], TK_LANG_JA)) == 0 ||
		    strcasecmp(v, wb_status_label(kinds[i], TK_LANG_EN)) == 0 ||
		    (kinds[i] == TK_RATING_NA && strcasecmp(v, "na") == 0)) {
			*kind = (int)kinds[i];
			return true;
		}
	}
	where w = rc_where(c, CL_STATUS);
	cell_problemf(c->im, &w, "状態 '%s' は使えません（評価済み、対象外、わからない、または空欄）",
		"status '%s' is not allowed (rated, n/a, unknown, or blank)", wb_shown(v, sh, sizeof(sh)));
	return false;
}

static bool read_core(const row_ctx *c, long *core)
{
	char buf[64], sh[64];
	const char *v = wb_norm(rc_cell(c, CL_CORE), buf, sizeof(buf));
	*core = 0;
	if (!*v || whole_number(v, 1, 5, core))
		return true;
	where w = rc_where(c, CL_CORE);
	cell_problemf(c->im, &w, "対策コアは 1 から 5 までの整数です（'%s' が書かれています）",
		"the core level is a whole number from 1 to 5 (found '%s')", wb_shown(v, sh, sizeof(sh)));
	return false;
}

/* An answer mark (○△× as printed, or o/t/x as in the YAML); -1 if the
 * character is none, -2 if it is a separator to skip. */
static int answer_mark(const char **pp)
{
	static const struct { const char *s; int a; } marks[] = {
		{ "○", TK_ANSWER_O }, { "◯", TK_ANSWER_O }, { "〇", TK_ANSWER_O }, { "o", TK_ANSWER_O },
		{ "O", TK_ANSWER_O }, { "△", TK_ANSWER_T }, { "t", TK_ANSWER_T }, { "T", TK_ANSWER_T },
		{ "×", TK_ANSWER_X }, { "✕", TK_ANSWER_X }, { "x", TK_ANSWER_X }, { "X", TK_ANSWER_X },
		{ " ", -2 }, { ",", -2 }, { "、", -2 },
	};
	for (size_t i = 0; i < sizeof(marks) / sizeof(*marks); i++) {
		size_t n = strlen(marks[i].s);
		if (strncmp(*pp, marks[i].s, n) == 0) {
			*pp += n;
			return marks[i].a;
		}
	}
	return -1;
}

/* A peripheral element: a rank A-D, or the answers to its criteria table. */
static bool read_rank(const row_ctx *c, int p, tk_rating *rt)
{
	char buf[128], sh[64];
	const char *v = wb_norm(rc_cell(c, CL_STUDY + p), buf, sizeof(buf));
	if (!*v)
		return true;
	int up = toupper((unsigned char)v[0]);
	if (!v[1] && up >= 'A' && up <= 'D') {
		rt->ranks[p] = (tk_rank)(up - 'A');
		rt->rank_given[p] = true;
		return true;
	}
	const tk_peripheral *per = &c->im->cat->scoring.peripherals[p];
	tk_answer *ans = tk_arena_calloc(c->im->arena, per->n_columns + 1, sizeof(*ans));
	size_t n = 0;
	bool bad = !ans || !per->n_columns, too_many = false;
	for (const char *q = v; *q && !bad && !too_many;) {
		int a = answer_mark(&q);
		if (a == -2)
			continue;
		if (a < 0)
			bad = true;
		else if (n == per->n_columns)
			too_many = true;
		else
			ans[n++] = (tk_answer)a;
	}
	where w = rc_where(c, CL_STUDY + p);
	if (bad) {
		cell_problemf(c->im, &w, "ランク '%s' は使えません（A, B, C, D、または評価基準 %zu 項目への回答 ○△×）",
			"rank '%s' is not allowed (A, B, C, D, or the %zu answers ○△× to the criteria)",
			wb_shown(v, sh, sizeof(sh)), per->n_columns);
		return false;
	}
	if (too_many || n != per->n_columns) {
		cell_problemf(c->im, &w, "評価基準 %zu 項目のすべてに一つずつ回答してください（'%s'）",
			"give one answer to each of the %zu criteria ('%s')", per->n_columns, wb_shown(v, sh, sizeof(sh)));
		return false;
	}
	rt->answers[p] = ans;
	rt->ranks[p] = tk_peripheral_rank(per, ans);
	rt->rank_given[p] = true;
	rt->from_answers[p] = true;
	return true;
}

/* "name | core" or "name | core | 重要", one asset a line. */
static bool read_assets(const row_ctx *c, tk_rating *rt)
{
	const char *cell = rc_cell(c, CL_ASSETS), *line;
	size_t len, n = wb_count_lines(cell);
	where w = rc_where(c, CL_ASSETS);
	if (!n)
		return true;
	rt->assets = tk_arena_calloc(c->im->arena, n, sizeof(*rt->assets));
	if (!rt->assets)
		return false;
	for (size_t i = 0; wb_next_line(&cell, &line, &len); i++) {
		char *f[WB_MAX_FIELDS], buf[64], sh[64];
		size_t nf = wb_split_fields(c->im->arena, line, len, f);
		long core;
		const char *imp = nf == 3 ? wb_norm(f[2], buf, sizeof(buf)) : "";
		bool important = strcmp(imp, "重要") == 0 || strcasecmp(imp, "important") == 0 ||
			strcasecmp(imp, "true") == 0;
		char cbuf[64];
		if (nf < 2 || nf > 3 || !f[0] || !*f[0] || !whole_number(wb_norm(f[1], cbuf, sizeof(cbuf)), 1, 5, &core) ||
		    (*imp && !important)) {
			char lbuf[256];
			snprintf(lbuf, sizeof(lbuf), "%.*s", (int)(len < 200 ? len : 200), line);
			cell_problemf(c->im, &w, "%zu 行目 '%s' は「名前 | コア（1〜5）」か「名前 | コア | 重要」と書いてください",
				"line %zu '%s' should read \"name | core (1-5)\" or \"name | core | important\"",
				i + 1, wb_shown(lbuf, sh, sizeof(sh)));
			return false;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(rt->assets[j].name, f[0]) == 0) {
				cell_problemf(c->im, &w, "対策対象 '%s' が二度書かれています", "asset '%s' is listed twice",
					wb_shown(f[0], sh, sizeof(sh)));
				return false;
			}
		}
		rt->assets[i] = (tk_asset){ f[0], important, (int)core };
		rt->n_assets = i + 1;
	}
	return true;
}

/* "title | date | ref", one document a line; date and ref may be left out. */
static bool read_evidence(const row_ctx *c, tk_rating *rt)
{
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	int r = wb_parse_evidence(c->im->arena, rc_cell(c, CL_EVIDENCE), &rt->evidence, &rt->n_evidence, ja, en);
	if (r > 0) {
		where w = rc_where(c, CL_EVIDENCE);
		cell_problem(c->im, &w, ja, en);
	}
	return r == 0;
}

/* The first column with a rating in it, to point at when there should be none. */
static int first_rated_column(long core, const tk_rating *rt)
{
	if (core)
		return CL_CORE;
	for (int p = 0; p < TK_PERIPHERALS; p++)
		if (rt->rank_given[p])
			return CL_STUDY + p;
	return CL_ASSETS;
}

/* A checklist row into a rating, by the rules of the assessment format
 * (docs/guide.en.md §3.5): the status says which cells must be filled;
 * a blank status follows from what is filled. */
static void read_rating_row(const row_ctx *c, tk_rating *rt)
{
	int kind;
	long core;
	memset(rt, 0, sizeof(*rt));
	bool ok = read_status(c, &kind);
	ok &= read_core(c, &core);
	for (int p = 0; p < TK_PERIPHERALS; p++)
		ok &= read_rank(c, p, rt);
	ok &= read_assets(c, rt);
	ok &= read_evidence(c, rt);
	rt->note = free_text(rc_cell(c, CL_NOTE));
	const char *na = free_text(rc_cell(c, CL_NA));
	if (!ok)
		return;
	bool rated = core || rt->n_assets;
	for (int p = 0; p < TK_PERIPHERALS; p++)
		rated |= rt->rank_given[p];
	if (kind < 0)
		kind = rated ? TK_RATING_RATED : na ? TK_RATING_NA : TK_RATING_UNASSESSED;
	where w;
	switch ((tk_rating_kind)kind) {
	case TK_RATING_RATED:
		if (na) {
			w = rc_where(c, CL_NA);
			cell_problem(c->im, &w, "対象外の理由は、状態が対象外のときだけ書けます",
				"a reason for n/a goes only with the status n/a");
		} else if (core && rt->n_assets) {
			w = rc_where(c, CL_ASSETS);
			cell_problem(c->im, &w, "対策コアと対策対象ごとのコアは同時に書けません（どちらか一方）",
				"the core and the core per asset cannot both be given (one or the other)");
		} else if (!core && !rt->n_assets) {
			w = rc_where(c, CL_CORE);
			cell_problem(c->im, &w, "対策コアのレベル（1〜5）がありません",
				"the core level (1 to 5) is missing");
		}
		rt->kind = TK_RATING_RATED;
		rt->core = rt->n_assets ? tk_core_from_assets(rt->assets, rt->n_assets) : (int)core;
		for (int p = 0; p < TK_PERIPHERALS; p++)
			if (!rt->rank_given[p])
				rt->ranks[p] = TK_RANK_D; /* missing counts as D (MODEL.md §2) */
		return;
	case TK_RATING_NA:
	case TK_RATING_UNKNOWN:
		if (rated) {
			w = rc_where(c, first_rated_column(core, rt));
			if (kind == TK_RATING_NA)
				cell_problem(c->im, &w, "状態が対象外の対策要求に評価は書けません",
					"a requirement whose status is n/a takes no rating");
			else
				cell_problem(c->im, &w, "状態がわからないの対策要求に評価は書けません",
					"a requirement whose status is unknown takes no rating");
		} else if (kind == TK_RATING_NA && !na) {
			w = rc_where(c, CL_NA);
			cell_problem(c->im, &w, "対象外の理由を書いてください", "give the reason it is not applicable");
		} else if (kind == TK_RATING_UNKNOWN && na) {
			w = rc_where(c, CL_NA);
			cell_problem(c->im, &w, "対象外の理由は、状態が対象外のときだけ書けます",
				"a reason for n/a goes only with the status n/a");
		}
		rt->kind = (tk_rating_kind)kind;
		rt->na_reason = kind == TK_RATING_NA ? na : NULL;
		rt->n_assets = 0;
		rt->assets = NULL;
		return;
	case TK_RATING_UNASSESSED:
		return;
	}
}

/* ---- tables: the header row and the rows under it ---- */

static bool header_matches(const wb_column *col, const char *text)
{
	return strcmp(text, col->ja) == 0 || strcasecmp(text, col->en) == 0 || strcasecmp(text, col->key) == 0;
}

/* Finds the header row (the first whose column A reads "ID", within the
 * first rows) and where each known column is, by its header in either
 * language: an officer may move or add columns. Returns the header's
 * index among the sheet's rows, or -1 after reporting why not. */
static long find_header(tk_import *im, const part *p, const wb_sheet *s, const wb_column *cols, size_t ncols,
	int *map)
{
	char buf[128];
	for (size_t i = 0; i < s->n_rows && s->row_ids[i] < 32; i++) {
		uint32_t row = s->row_ids[i];
		if (strcasecmp(wb_norm(wb_sheet_cell(s, row, 0), buf, sizeof(buf)), WB_ID_HEADER) != 0)
			continue;
		for (size_t k = 0; k < ncols; k++)
			map[k] = -1;
		bool ok = true;
		for (size_t j = s->row_first[i]; j < s->row_first[i + 1]; j++) {
			const char *h = wb_norm(s->cells[j].text, buf, sizeof(buf));
			for (size_t k = 0; k < ncols; k++) {
				if (!header_matches(&cols[k], h))
					continue;
				if (map[k] >= 0) {
					where w = { p, s, row, s->cells[j].col, &cols[k] };
					cell_problem(im, &w, "同じ見出しの列が二つあります", "two columns have this header");
					ok = false;
				}
				map[k] = (int)s->cells[j].col;
				break;
			}
		}
		for (size_t k = 0; k < ncols; k++) {
			if (map[k] < 0 && cols[k].required) {
				where w = { p, s, row, 0, NULL };
				cell_problemf(im, &w, "見出しの行に列 '%s'（%s）がありません",
					"the header row has no column '%s' (%s)", cols[k].ja, cols[k].en);
				ok = false;
			}
		}
		return ok ? (long)i : -1;
	}
	if (s->name[0])
		wb_problem(&im->problems, p->wb->name, "シート '%s' に見出しの行（A 列が ID の行）がありません",
			"sheet '%s' has no header row (a row whose column A reads ID)", s->name);
	else
		wb_problem(&im->problems, p->wb->name, "見出しの行（A 列が ID の行）がありません",
			"there is no header row (a row whose column A reads ID)");
	return -1;
}

/* What column A of a row names: a requirement (its index), a view or a
 * domain (a header row: -1), or nothing known (-2, reported). */
static long row_requirement(tk_import *im, const part *p, const wb_sheet *s, uint32_t row, const int *map,
	const wb_column *cols, size_t ncols)
{
	char buf[128], sh[64];
	const char *id = wb_norm(wb_sheet_cell(s, row, 0), buf, sizeof(buf));
	const tk_catalog *cat = im->cat;
	if (!*id) {
		for (size_t k = 0; k < ncols; k++) {
			if (cols[k].input && map[k] >= 0 && !wb_blank(wb_sheet_cell(s, row, (uint32_t)map[k]))) {
				where w = { p, s, row, 0, &cols[0] };
				cell_problem(im, &w, "対策要求 ID がありません（この行に書かれたことを読み込めません）",
					"no requirement ID (what is written in this row cannot be read)");
				return -2;
			}
		}
		return -1;
	}
	const tk_requirement *r = tk_catalog_requirement(cat, id);
	if (r)
		return (long)(r - cat->requirements);
	if (tk_catalog_domain(cat, id) || tk_catalog_view(cat, id))
		return -1;
	for (size_t i = 0; i < cat->n_subviews; i++)
		if (strcmp(cat->subviews[i].id, id) == 0)
			return -1;
	where w = { p, s, row, 0, &cols[0] };
	const char *hint = tk_suggest(id, im->ids);
	if (hint)
		cell_problemf(im, &w, "カタログ %s に対策要求 '%s' はありません（'%s' のことですか？）",
			"catalog %s has no requirement '%s'; did you mean '%s'?", cat->id, wb_shown(id, sh, sizeof(sh)), hint);
	else
		cell_problemf(im, &w, "カタログ %s に対策要求 '%s' はありません",
			"catalog %s has no requirement '%s'", cat->id, wb_shown(id, sh, sizeof(sh)));
	return -2;
}

static bool duplicate_row(tk_import *im, const part *p, const wb_sheet *s, uint32_t row, bool seen,
	uint32_t first, const char *id)
{
	if (!seen)
		return false;
	where w = { p, s, row, 0, NULL };
	cell_problemf(im, &w, "%s は %u 行にもあります（一つの対策要求は一行に）",
		"%s is in row %u too (one row per requirement)", id, first + 1);
	return true;
}

static void read_checklist(tk_import *im, part *p)
{
	const wb_sheet *s = p->checklist;
	int map[CL_COLUMNS];
	long h = find_header(im, p, s, wb_checklist_columns, CL_COLUMNS, map);
	if (h < 0)
		return;
	for (size_t i = (size_t)h + 1; i < s->n_rows; i++) {
		uint32_t row = s->row_ids[i];
		long r = row_requirement(im, p, s, row, map, wb_checklist_columns, CL_COLUMNS);
		if (r < 0 || duplicate_row(im, p, s, row, p->has_rating[r], p->rating_row[r], im->cat->requirements[r].id))
			continue;
		row_ctx c = { im, p, s, row, map, wb_checklist_columns };
		read_rating_row(&c, &p->a.ratings[r]);
		p->has_rating[r] = true;
		p->rating_row[r] = row;
	}
}

/* ---- the targets sheet ---- */

static bool read_importance(const row_ctx *c, size_t r)
{
	char buf[64], sh[64];
	const char *v = wb_norm(rc_cell(c, TG_IMPORTANCE), buf, sizeof(buf));
	if (!*v)
		return true;
	for (int i = TK_IMP_CRITICAL; i <= TK_IMP_LOW; i++) {
		if (strcmp(v, tk_importance_label((tk_importance)i, TK_LANG_JA)) == 0 ||
		    strcasecmp(v, tk_importance_label((tk_importance)i, TK_LANG_EN)) == 0 ||
		    strcasecmp(v, tk_importance_name((tk_importance)i)) == 0) {
			c->p->a.importance[r] = (tk_importance)i;
			c->p->a.importance_given[r] = true;
			return true;
		}
	}
	where w = rc_where(c, TG_IMPORTANCE);
	cell_problemf(c->im, &w, "重要度 '%s' は使えません（特に重要、重要、一般、リスクが特に低い、または空欄）",
		"importance '%s' is not allowed (critical, important, general, low risk, or blank)",
		wb_shown(v, sh, sizeof(sh)));
	return false;
}

static void read_target_row(const row_ctx *c, size_t r)
{
	tk_assessment *a = &c->p->a;
	char buf[64], sh[64];
	where w;
	read_importance(c, r);
	const char *lv = wb_norm(rc_cell(c, TG_LEVEL), buf, sizeof(buf));
	long level = 0;
	if (*lv && !whole_number(lv, 2, 5, &level)) {
		w = rc_where(c, TG_LEVEL);
		cell_problemf(c->im, &w, "目標は 2 から 5 までの整数です（'%s' が書かれています）",
			"a target is a whole number from 2 to 5 (found '%s')", wb_shown(lv, sh, sizeof(sh)));
	}
	const char *reason = free_text(rc_cell(c, TG_REASON));
	if (level && !reason) {
		w = rc_where(c, TG_REASON);
		cell_problem(c->im, &w, "目標を変えるときは理由を書いてください（§5.2.1.2）",
			"a target override needs its reason (§5.2.1.2)");
	} else if (!*lv && reason) {
		w = rc_where(c, TG_LEVEL);
		cell_problem(c->im, &w, "理由が書かれていますが、目標の変更がありません",
			"a reason is given but no target override");
	}
	a->override_level[r] = (int)level;
	a->override_reason[r] = level ? reason : NULL;
	const char *wt = wb_norm(rc_cell(c, TG_WEIGHT), buf, sizeof(buf));
	a->requirement_weight[r] = 1;
	if (*wt && !number_in(wt, 0, 1000, &a->requirement_weight[r])) {
		w = rc_where(c, TG_WEIGHT);
		cell_problemf(c->im, &w, "重みは 0 より大きく 1000 以下の数です（'%s' が書かれています）",
			"a weight is a number above 0 and at most 1000 (found '%s')", wb_shown(wt, sh, sizeof(sh)));
	}
}

static void read_targets(tk_import *im, part *p)
{
	const wb_sheet *s = p->targets;
	int map[TG_COLUMNS];
	long h = find_header(im, p, s, wb_target_columns, TG_COLUMNS, map);
	if (h < 0)
		return;
	for (size_t i = (size_t)h + 1; i < s->n_rows; i++) {
		uint32_t row = s->row_ids[i];
		long r = row_requirement(im, p, s, row, map, wb_target_columns, TG_COLUMNS);
		if (r < 0 || duplicate_row(im, p, s, row, p->has_target[r], p->target_row[r], im->cat->requirements[r].id))
			continue;
		row_ctx c = { im, p, s, row, map, wb_target_columns };
		read_target_row(&c, (size_t)r);
		p->has_target[r] = true;
		p->target_row[r] = row;
	}
}

/* ---- the hidden sheet ---- */

/* Column A's key, or "" for a blank row. */
static const char *meta_key(const wb_sheet *s, uint32_t row, char *buf, size_t size)
{
	return wb_norm(wb_sheet_cell(s, row, 0), buf, size);
}

static const char *meta_catalog(const wb_sheet *s)
{
	char buf[64];
	for (size_t i = 0; i < s->n_rows; i++)
		if (strcmp(meta_key(s, s->row_ids[i], buf, sizeof(buf)), "catalog") == 0)
			return wb_sheet_cell(s, s->row_ids[i], 1);
	return NULL;
}

static const wb_column META_VALUE = { "value", "値", "value", 0, true, false };

static void meta_fail(tk_import *im, const part *p, uint32_t row, uint32_t col, const char *ja, const char *en)
{
	where w = { p, p->meta, row, col, &META_VALUE };
	cell_problem(im, &w, ja, en);
}

static void read_improvement(tk_import *im, part *p, uint32_t row, tk_improvement *im_out)
{
	static const char *const causes[] = { "planning", "deployment", "management", "capability" };
	const wb_sheet *s = p->meta;
	char buf[64];
	const char *req = wb_norm(wb_sheet_cell(s, row, 1), buf, sizeof(buf));
	const tk_requirement *r = tk_catalog_requirement(im->cat, req);
	if (!r) {
		meta_fail(im, p, row, 1, "改善計画の対策要求 ID がカタログにありません",
			"the improvement's requirement ID is not in the catalog");
		return;
	}
	memset(im_out, 0, sizeof(*im_out));
	im_out->requirement = (uint32_t)(r - im->cat->requirements);
	char cbuf[64];
	const char *cause = wb_norm(wb_sheet_cell(s, row, 2), cbuf, sizeof(cbuf));
	for (int k = 0; *cause && k < 4; k++)
		if (strcmp(cause, causes[k]) == 0 || strcmp(cause, tk_cause_name_ja((tk_cause)(k + 1))) == 0)
			im_out->cause = (tk_cause)(k + 1);
	if (*cause && im_out->cause == TK_CAUSE_NONE)
		meta_fail(im, p, row, 2, "原因が正しくありません（planning, deployment, management, capability）",
			"the cause is not one of planning, deployment, management, capability");
	im_out->aim = free_text(wb_sheet_cell(s, row, 3));
	im_out->content = free_text(wb_sheet_cell(s, row, 4));
	im_out->steps = free_text(wb_sheet_cell(s, row, 5));
	im_out->due = free_text(wb_sheet_cell(s, row, 6));
	im_out->owner = free_text(wb_sheet_cell(s, row, 7));
	if (!im_out->aim)
		meta_fail(im, p, row, 3, "改善計画の目的がありません", "the improvement has no aim");
	if (im_out->due && !tk_date_valid(im_out->due))
		meta_fail(im, p, row, 6, "期限は YYYY-MM-DD の形の実在する日付で書いてください",
			"the due date is not a real date written YYYY-MM-DD");
}

/* One key of the hidden sheet; false when the key is not known. */
static bool read_meta_row(tk_import *im, part *p, uint32_t row, const char *key, size_t *n_improvements)
{
	tk_assessment *a = &p->a;
	const wb_sheet *s = p->meta;
	const char *raw = wb_sheet_cell(s, row, 1);
	char buf[64];
	const char *v = wb_norm(raw, buf, sizeof(buf));
	long level;
	if (strcmp(key, "format") == 0) {
		if (strcmp(v, WB_FORMAT) != 0)
			meta_fail(im, p, row, 1, "このブックの形式は読めません（新しい taisaku で作られたものです）",
				"this workbook's format cannot be read (a newer taisaku made it)");
	} else if (strcmp(key, "catalog") == 0 || strcmp(key, "department") == 0) {
		/* The catalog was checked when the import chose it; the
		 * department is only there to say what the sheet holds. */
	} else if (strcmp(key, "system.name") == 0) {
		a->system_name = free_text(raw);
	} else if (strcmp(key, "system.level") == 0) {
		if (whole_number(v, 2, 5, &level))
			a->level = (int)level;
		else
			meta_fail(im, p, row, 1, "システムの目標レベルは 2 から 5 までの整数です",
				"the system's target level is a whole number from 2 to 5");
	} else if (strcmp(key, "system.organization") == 0) {
		a->organization = free_text(raw);
	} else if (strcmp(key, "system.date") == 0) {
		a->date = free_text(raw);
		if (a->date && !tk_date_valid(a->date))
			meta_fail(im, p, row, 1, "評価日は YYYY-MM-DD の形の実在する日付で書いてください",
				"the date is not a real date written YYYY-MM-DD");
	} else if (strcmp(key, "system.assessor") == 0) {
		a->assessor = free_text(raw);
	} else if (strcmp(key, "system.reason") == 0) {
		a->level_reason = free_text(raw);
	} else if (strcmp(key, "settings.balance_requirement") == 0 || strcmp(key, "settings.balance_domain") == 0) {
		double *out = strcmp(key, "settings.balance_requirement") == 0 ? &a->balance_requirement :
			&a->balance_domain;
		if (!number_in(v, 0, 4, out))
			meta_fail(im, p, row, 1, "0 より大きく 4 以下の数を書いてください",
				"expected a number above 0 and at most 4");
	} else if (strcmp(key, "domain.weight") == 0) {
		char wbuf[64];
		const tk_domain *d = tk_catalog_domain(im->cat, v);
		if (!d)
			meta_fail(im, p, row, 1, "対策ドメイン ID がカタログにありません", "the domain ID is not in the catalog");
		else if (!number_in(wb_norm(wb_sheet_cell(s, row, 2), wbuf, sizeof(wbuf)), 0, 1000,
				 &a->domain_weight[d - im->cat->domains]))
			meta_fail(im, p, row, 2, "重みは 0 より大きく 1000 以下の数です",
				"a weight is a number above 0 and at most 1000");
	} else if (strcmp(key, "improvement") == 0) {
		read_improvement(im, p, row, &a->improvements[(*n_improvements)++]);
	} else {
		return false;
	}
	return true;
}

static void read_meta(tk_import *im, part *p)
{
	const wb_sheet *s = p->meta;
	char buf[64];
	size_t n = 0, k = 0;
	for (size_t i = 0; i < s->n_rows; i++)
		n += strcmp(meta_key(s, s->row_ids[i], buf, sizeof(buf)), "improvement") == 0;
	p->a.improvements = tk_arena_calloc(im->arena, n ? n : 1, sizeof(*p->a.improvements));
	if (!p->a.improvements)
		return;
	for (size_t i = 0; i < s->n_rows; i++) {
		uint32_t row = s->row_ids[i];
		const char *key = meta_key(s, row, buf, sizeof(buf));
		if (*key && !read_meta_row(im, p, row, key, &k)) {
			where w = { p, s, row, 0, NULL };
			cell_problemf(im, &w, "未知のキー '%s' です", "unknown key '%s'", key);
		}
	}
	p->a.n_improvements = k;
	if (!p->a.system_name || !p->a.level)
		wb_problem(&im->problems, p->wb->name, "シート '%s' にシステムの名前か目標レベルがありません",
			"sheet '%s' lacks the system's name or target level", WB_SHEET_META);
	p->has_meta = true;
}

/* ---- merging ---- */

/* Texts to compare entries by: the canonical text of a rating, and the
 * like for a requirement's target and each part of the system. */
static char *mem_text(void (*fill)(FILE *, const void *, size_t), const void *x, size_t i)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	fill(f, x, i);
	fclose(f);
	return buf;
}

static void fill_rating(FILE *f, const void *x, size_t r)
{
	const tk_assessment *a = x;
	tk_write_rating_flow(f, a->catalog, &a->ratings[r]);
}

static void fill_target(FILE *f, const void *x, size_t r)
{
	const tk_assessment *a = x;
	char w[40];
	wb_number_text(a->requirement_weight[r], w, sizeof(w));
	fprintf(f, "{ importance: %s, target: %d", a->importance_given[r] ? tk_importance_name(a->importance[r]) : "-",
		a->override_level[r]);
	if (a->override_reason[r]) {
		fputs(", reason: ", f);
		tk_yaml_quote(f, a->override_reason[r]);
	}
	fprintf(f, ", weight: %s }", w);
}

enum { M_NAME, M_LEVEL, M_ORGANIZATION, M_DATE, M_ASSESSOR, M_REASON, M_BALANCE_REQ, M_BALANCE_DOM,
	M_DOMAIN_WEIGHTS, M_IMPROVEMENTS, M_FIELDS };

static const char *const META_NAMES[M_FIELDS] = {
	"system.name", "system.level", "system.organization", "system.date", "system.assessor", "system.reason",
	"settings.balance_requirement", "settings.balance_domain", "weights.domains", "improvements" };

static void opt_string(FILE *f, const char *s)
{
	if (s)
		tk_yaml_quote(f, s);
	else
		fputc('-', f);
}

static void fill_meta(FILE *f, const void *x, size_t field)
{
	const tk_assessment *a = x;
	char num[40];
	switch (field) {
	case M_NAME: opt_string(f, a->system_name); break;
	case M_LEVEL: fprintf(f, "%d", a->level); break;
	case M_ORGANIZATION: opt_string(f, a->organization); break;
	case M_DATE: opt_string(f, a->date); break;
	case M_ASSESSOR: opt_string(f, a->assessor); break;
	case M_REASON: opt_string(f, a->level_reason); break;
	case M_BALANCE_REQ: wb_number_text(a->balance_requirement, num, sizeof(num)); fputs(num, f); break;
	case M_BALANCE_DOM: wb_number_text(a->balance_domain, num, sizeof(num)); fputs(num, f); break;
	case M_DOMAIN_WEIGHTS:
		for (size_t d = 0; d < a->catalog->n_domains; d++) {
			if (a->domain_weight[d] == 1)
				continue;
			wb_number_text(a->domain_weight[d], num, sizeof(num));
			fprintf(f, "%s: %s; ", a->catalog->domains[d].id, num);
		}
		break;
	case M_IMPROVEMENTS:
		for (size_t i = 0; i < a->n_improvements; i++) {
			const tk_improvement *im = &a->improvements[i];
			fprintf(f, "{ %s, %d, ", a->catalog->requirements[im->requirement].id, (int)im->cause);
			const char *v[] = { im->aim, im->content, im->steps, im->due, im->owner };
			for (size_t k = 0; k < 5; k++) {
				opt_string(f, v[k]);
				fputs(k < 4 ? ", " : " } ", f);
			}
		}
		break;
	}
}

static void copy_meta(tk_assessment *to, const tk_assessment *from, int field)
{
	switch (field) {
	case M_NAME: to->system_name = from->system_name; break;
	case M_LEVEL: to->level = from->level; break;
	case M_ORGANIZATION: to->organization = from->organization; break;
	case M_DATE: to->date = from->date; break;
	case M_ASSESSOR: to->assessor = from->assessor; break;
	case M_REASON: to->level_reason = from->level_reason; break;
	case M_BALANCE_REQ: to->balance_requirement = from->balance_requirement; break;
	case M_BALANCE_DOM: to->balance_domain = from->balance_domain; break;
	case M_DOMAIN_WEIGHTS:
		memcpy(to->domain_weight, from->domain_weight, to->catalog->n_domains * sizeof(*to->domain_weight));
		break;
	case M_IMPROVEMENTS:
		to->improvements = from->improvements;
		to->n_improvements = from->n_improvements;
		break;
	}
}

/* "dept-a.xlsx (row 12)" for a message. */
static void origin(char *buf, size_t size, const part *p, uint32_t row, bool has_row, tk_lang lang)
{
	if (!has_row)
		snprintf(buf, size, "%s", p->wb->name);
	else if (lang == TK_LANG_JA)
		snprintf(buf, size, "%s（%u 行）", p->wb->name, row + 1);
	else
		snprintf(buf, size, "%s (row %u)", p->wb->name, row + 1);
}

typedef enum { WHAT_RATING, WHAT_TARGET, WHAT_META } what_kind;

/* The part of two entries' texts where they differ: from the field where
 * the first difference is, at most about 100 bytes, so that a long note
 * does not hide that it was the core that differed. */
static void difference(const char *t, const char *other, char *buf, size_t size)
{
	size_t k = 0;
	while (t[k] && t[k] == other[k])
		k++;
	size_t start = k;
	while (start > 0 && !(start >= 2 && (t[start - 2] == ',' || t[start - 2] == '{') && t[start - 1] == ' '))
		start--;
	if (start <= 2)
		start = 0; /* the first field: show the brace too */
	char cut[96];
	const char *shown_text = wb_shown(t + start, cut, sizeof(cut));
	snprintf(buf, size, "%s%s", start > 0 ? "…" : "", shown_text);
}

static void conflict(tk_import *im, what_kind kind, const char *name, const part *p1, uint32_t row1,
	const char *t1, const part *p2, uint32_t row2, const char *t2)
{
	char o1j[300], o1e[300], o2j[300], o2e[300], v1[130], v2[130], ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	bool rows = kind != WHAT_META;
	origin(o1j, sizeof(o1j), p1, row1, rows, TK_LANG_JA);
	origin(o1e, sizeof(o1e), p1, row1, rows, TK_LANG_EN);
	origin(o2j, sizeof(o2j), p2, row2, rows, TK_LANG_JA);
	origin(o2e, sizeof(o2e), p2, row2, rows, TK_LANG_EN);
	difference(t1, t2, v1, sizeof(v1));
	difference(t2, t1, v2, sizeof(v2));
	static const char *const what_ja[] = { "%s の評価", "%s の重要度・目標・重み", "%s" };
	static const char *const what_en[] = { "%s is rated differently", "the importance, target or weight of %s differs",
		"%s differs" };
	char wj[160], we[200], *tja = NULL, *ten = NULL;
	snprintf(wj, sizeof(wj), what_ja[kind], name);
	snprintf(we, sizeof(we), what_en[kind], name);
	/* Composed at full length, then cut to what an error holds. */
	if (asprintf(&tja, "%sが食い違っています: %sでは %s、%sでは %s", wj, o1j, v1, o2j, v2) < 0)
		tja = NULL;
	if (asprintf(&ten, "%s: %s has %s, %s has %s", we, o1e, v1, o2e, v2) < 0)
		ten = NULL;
	wb_problem_texts(&im->problems, "", wb_shown(tja ? tja : "", ja, sizeof(ja)), wb_shown(ten ? ten : "", en, sizeof(en)));
	free(tja);
	free(ten);
}

/* The merge rule for one entry: among the workbooks that have it, those
 * whose text differs from the reference (the base's, or for a rating an
 * empty one) changed it; they must agree, and the first one wins. Returns
 * the winner's index, or -1 to keep the reference. */
static long merge_entry(tk_import *im, what_kind kind, const char *name, char **texts, const uint32_t *rows,
	const char *ref)
{
	long win = -1;
	for (size_t i = 0; i < im->books.n; i++) {
		if (!texts[i] || (ref && strcmp(texts[i], ref) == 0))
			continue;
		if (win < 0)
			win = (long)i;
		else if (strcmp(texts[i], texts[win]) != 0)
			conflict(im, kind, name, &im->parts[win], rows ? rows[win] : 0, texts[win], &im->parts[i],
				rows ? rows[i] : 0, texts[i]);
	}
	return win;
}

static void free_texts(char **texts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(texts[i]);
		texts[i] = NULL;
	}
}

/* Allocates the per-requirement and per-domain arrays of an assessment,
 * with the defaults the loader gives. */
static bool alloc_assessment(tk_import *im, tk_assessment *a)
{
	size_t nr = im->cat->n_requirements, nd = im->cat->n_domains;
	tk_arena *ar = im->arena;
	a->catalog = im->cat;
	a->importance = tk_arena_calloc(ar, nr, sizeof(*a->importance));
	a->importance_given = tk_arena_calloc(ar, nr, sizeof(*a->importance_given));
	a->override_level = tk_arena_calloc(ar, nr, sizeof(*a->override_level));
	a->override_reason = tk_arena_calloc(ar, nr, sizeof(*a->override_reason));
	a->requirement_weight = tk_arena_calloc(ar, nr, sizeof(*a->requirement_weight));
	a->domain_weight = tk_arena_calloc(ar, nd ? nd : 1, sizeof(*a->domain_weight));
	a->ratings = tk_arena_calloc(ar, nr, sizeof(*a->ratings));
	if (!a->importance || !a->importance_given || !a->override_level || !a->override_reason ||
	    !a->requirement_weight || !a->domain_weight || !a->ratings)
		return false;
	for (size_t i = 0; i < nr; i++) {
		a->importance[i] = TK_IMP_GENERAL;
		a->requirement_weight[i] = 1;
	}
	for (size_t i = 0; i < nd; i++)
		a->domain_weight[i] = 1;
	a->balance_requirement = 2;
	a->balance_domain = 1.5;
	return true;
}

static void merge_meta(tk_import *im, tk_assessment *out)
{
	char **t = calloc(im->books.n, sizeof(*t));
	if (!t)
		return;
	for (int f = 0; f < M_FIELDS; f++) {
		for (size_t i = 0; i < im->books.n; i++)
			t[i] = im->parts[i].has_meta ? mem_text(fill_meta, &im->parts[i].a, (size_t)f) : NULL;
		char *ref = im->base ? mem_text(fill_meta, im->base, (size_t)f) : NULL;
		long win = merge_entry(im, WHAT_META, META_NAMES[f], t, NULL, ref);
		if (win >= 0)
			copy_meta(out, &im->parts[win].a, f);
		else if (im->base)
			copy_meta(out, im->base, f);
		free(ref);
		free_texts(t, im->books.n);
	}
	free(t);
}

/* Ratings and targets, requirement by requirement; which workbook gave
 * each target is kept, to point at it when the target is out of range. */
static void merge_requirements(tk_import *im, tk_assessment *out, long *target_from)
{
	const tk_catalog *cat = im->cat;
	tk_assessment empty = { .catalog = cat };
	char **t = calloc(im->books.n, sizeof(*t));
	uint32_t *rows = calloc(im->books.n, sizeof(*rows));
	if (!t || !rows || !alloc_assessment(im, &empty)) {
		free(t);
		free(rows);
		return;
	}
	for (size_t r = 0; r < cat->n_requirements; r++) {
		const char *id = cat->requirements[r].id;
		for (size_t i = 0; i < im->books.n; i++) {
			t[i] = im->parts[i].has_rating[r] ? mem_text(fill_rating, &im->parts[i].a, r) : NULL;
			rows[i] = im->parts[i].rating_row[r];
		}
		char *ref = mem_text(fill_rating, im->base ? im->base : &empty, r);
		long win = merge_entry(im, WHAT_RATING, id, t, rows, ref);
		out->ratings[r] = win >= 0 ? im->parts[win].a.ratings[r] : im->base ? im->base->ratings[r] : empty.ratings[r];
		free(ref);
		free_texts(t, im->books.n);

		for (size_t i = 0; i < im->books.n; i++) {
			t[i] = im->parts[i].has_target[r] ? mem_text(fill_target, &im->parts[i].a, r) : NULL;
			rows[i] = im->parts[i].target_row[r];
		}
		ref = mem_text(fill_target, im->base ? im->base : &empty, r);
		win = merge_entry(im, WHAT_TARGET, id, t, rows, ref);
		const tk_assessment *src = win >= 0 ? &im->parts[win].a : im->base ? im->base : &empty;
		out->importance[r] = src->importance[r];
		out->importance_given[r] = src->importance_given[r];
		out->override_level[r] = src->override_level[r];
		out->override_reason[r] = src->override_reason[r];
		out->requirement_weight[r] = src->requirement_weight[r];
		target_from[r] = win;
		free(ref);
		free_texts(t, im->books.n);
	}
	free(t);
	free(rows);
}

/* A target may move one level from the derived one (§5.2.1.2); importance
 * and the system's level may come from other sheets, so this is checked
 * once everything is merged. */
static void check_overrides(tk_import *im, const tk_assessment *a, const long *target_from)
{
	const tk_catalog *cat = im->cat;
	for (size_t r = 0; r < cat->n_requirements; r++) {
		if (!a->override_level[r])
			continue;
		int derived = cat->scoring.targets[a->level][a->importance[r]];
		if (abs(a->override_level[r] - derived) <= 1)
			continue;
		char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
		snprintf(ja, sizeof(ja), "%s の目標の変更は導出した目標 %d から 1 レベルまでです（%d が書かれています）",
			cat->requirements[r].id, derived, a->override_level[r]);
		snprintf(en, sizeof(en), "the target of %s may move one level from the derived target %d (found %d)",
			cat->requirements[r].id, derived, a->override_level[r]);
		if (target_from[r] >= 0) {
			part *p = &im->parts[target_from[r]];
			int map[TG_COLUMNS];
			long h = find_header(im, p, p->targets, wb_target_columns, TG_COLUMNS, map);
			where w = { p, p->targets, p->target_row[r], h >= 0 && map[TG_LEVEL] >= 0 ? (uint32_t)map[TG_LEVEL] : 0,
				&wb_target_columns[TG_LEVEL] };
			cell_problem(im, &w, ja, en);
		} else {
			wb_problem_texts(&im->problems, im->base ? im->base->path : "", ja, en);
		}
	}
}

/* ---- the import as a whole ---- */

tk_status tk_import_new(const tk_assessment *base, tk_catalog_resolver resolve, void *ctx,
	tk_import **out, tk_error *err)
{
	*out = NULL;
	tk_arena *arena = tk_arena_new(256 * 1024);
	tk_import *im = arena ? tk_arena_calloc(arena, 1, sizeof(*im)) : NULL;
	if (im)
		im->problems.v = tk_arena_calloc(arena, WB_MAX_PROBLEMS, sizeof(*im->problems.v));
	if (!im || !im->problems.v) {
		tk_arena_free(arena);
		return oom(err, NULL);
	}
	im->arena = arena;
	im->base = base;
	im->resolve = resolve;
	im->ctx = ctx;
	*out = im;
	return TK_OK;
}

tk_status tk_import_add(tk_import *im, const tk_workbook *wb, tk_error *err)
{
	if (!wb_books_add(&im->books, wb))
			return oom(err, wb->name);
	return TK_OK;
}

size_t tk_import_problem_count(const tk_import *im)
{
	return im->problems.n;
}

const tk_error *tk_import_problem(const tk_import *im, size_t i)
{
	return wb_problem_at(&im->problems, i);
}

void tk_import_free(tk_import *im)
{
	if (!im)
		return;
	free(im->books.v);
	tk_arena_free(im->arena);
}

/* The catalog: the base's, else the one the first hidden sheet names. */
static bool choose_catalog(tk_import *im)
{
	if (im->base) {
		im->cat = im->base->catalog;
		return true;
	}
	for (size_t i = 0; i < im->books.n; i++) {
		const wb_sheet *meta = im->books.v[i]->csv ? NULL : wb_find_sheet(im->books.v[i], WB_SHEET_META, WB_SHEET_META);
		const char *id = meta ? meta_catalog(meta) : NULL;
		if (!id)
			continue;
		return wb_resolve_catalog(&im->problems, im->books.v[i]->name, id, im->resolve, im->ctx, TK_CATALOG_STRENGTH,
			&im->cat);
	}
	wb_problem(&im->problems, "", "どのブックにも taisaku シートがありません（CSV だけを読み込むときは --base で元の評価シートを指定してください）",
		"no workbook has a taisaku sheet (to import CSV files only, name the original assessment with --base)");
	return false;
}

static bool alloc_part(tk_import *im, part *p, const tk_workbook *wb)
{
	size_t nr = im->cat->n_requirements;
	memset(p, 0, sizeof(*p));
	p->wb = wb;
	p->has_rating = tk_arena_calloc(im->arena, nr, sizeof(*p->has_rating));
	p->has_target = tk_arena_calloc(im->arena, nr, sizeof(*p->has_target));
	p->rating_row = tk_arena_calloc(im->arena, nr, sizeof(*p->rating_row));
	p->target_row = tk_arena_calloc(im->arena, nr, sizeof(*p->target_row));
	return p->has_rating && p->has_target && p->rating_row && p->target_row && alloc_assessment(im, &p->a);
}

/* Reads one workbook's sheets into its part; problems are collected. */
static void read_part(tk_import *im, part *p)
{
	const tk_workbook *wb = p->wb;
	if (wb->csv) {
		p->checklist = wb->n_sheets ? &wb->sheets[0] : NULL;
	} else {
		p->checklist = wb_find_sheet(wb, WB_SHEET_CHECKLIST_JA, WB_SHEET_CHECKLIST_EN);
		p->targets = wb_find_sheet(wb, WB_SHEET_TARGETS_JA, WB_SHEET_TARGETS_EN);
		p->meta = wb_find_sheet(wb, WB_SHEET_META, WB_SHEET_META);
	}
	if (p->meta) {
		const char *id = meta_catalog(p->meta);
		char buf[64];
		if (!id || strcmp(wb_norm(id, buf, sizeof(buf)), im->cat->id) != 0) {
			wb_problem(&im->problems, wb->name, "このブックはカタログ %s のものではありません（%s）",
				"this workbook is not for catalog %s (%s)", im->cat->id, id ? id : "?");
			return;
		}
		read_meta(im, p);
	}
	if (!p->checklist) {
		wb_problem(&im->problems, wb->name, "ブックにシート '%s'（%s）がありません",
			"the workbook has no sheet '%s' (%s)", WB_SHEET_CHECKLIST_JA, WB_SHEET_CHECKLIST_EN);
		return;
	}
	read_checklist(im, p);
	if (p->targets)
		read_targets(im, p);
}

/* The merged assessment goes through the loader, which checks it as it
 * checks any file; the result is what the caller gets. */
static tk_status resolve_ours(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	const tk_import *im = ctx;
	if (strcmp(id, im->cat->id) != 0)
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "カタログ '%s' がありません",
			"no catalog '%s'", id);
	*out = im->cat;
	return TK_OK;
}

static tk_status reload(tk_import *im, const tk_assessment *merged, tk_assessment **out)
{
	char *buf = NULL;
	size_t len = 0;
	tk_error err = { 0 };
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return oom(&err, NULL);
	tk_status st = tk_assessment_write_yaml(merged, f, &err);
	fclose(f);
	if (!st)
		st = tk_assessment_load_buffer("import", buf, len, resolve_ours, im, out, &err);
	free(buf);
	if (st) {
		char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT], sj[400], se[400];
		snprintf(ja, sizeof(ja), "読み込んだ内容が評価シートとして正しくありません: %s", wb_shown(err.ja, sj, sizeof(sj)));
		snprintf(en, sizeof(en), "what was read is not a valid assessment: %s", wb_shown(err.en, se, sizeof(se)));
		wb_problem_texts(&im->problems, "", ja, en);
	}
	return st;
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* A workbook belongs to the assessment it was exported from. With --base,
 * one exported from another system or another round (its hidden sheet says
 * so) is refused, rather than its values taken in without a word. */
static void check_same_round(tk_import *im)
{
	if (!im->base)
		return;
	const tk_assessment *b = im->base;
	for (size_t i = 0; i < im->books.n; i++) {
		const part *p = &im->parts[i];
		if (!p->has_meta)
			continue;
		if (!same_text(p->a.system_name, b->system_name))
			wb_problem(&im->problems, p->wb->name,
				"別のシステム「%s」の評価シートから書き出されたブックです（--base は「%s」）",
				"this workbook was exported from another system's assessment ('%s'; --base is '%s')",
				p->a.system_name ? p->a.system_name : "-", b->system_name ? b->system_name : "-");
		else if (!same_text(p->a.date, b->date))
			wb_problem(&im->problems, p->wb->name,
				"別の回（評価日 %s）の評価シートから書き出されたブックです（--base の評価日は %s）",
				"this workbook was exported from another round (dated %s; --base is dated %s)",
				p->a.date ? p->a.date : "-", b->date ? b->date : "-");
	}
}

tk_status tk_import_finish(tk_import *im, tk_assessment **out)
{
	*out = NULL;
	if (!im->books.n)
		wb_problem(&im->problems, "", "読み込むブックがありません", "no workbook to read");
	if (im->problems.n || !choose_catalog(im))
		return TK_EINPUT;
	const tk_catalog *cat = im->cat;
	im->ids = tk_arena_calloc(im->arena, cat->n_requirements + 1, sizeof(*im->ids));
	im->parts = tk_arena_calloc(im->arena, im->books.n, sizeof(*im->parts));
	tk_assessment *merged = tk_arena_calloc(im->arena, 1, sizeof(*merged));
	long *target_from = tk_arena_calloc(im->arena, cat->n_requirements, sizeof(*target_from));
	if (!im->ids || !im->parts || !merged || !target_from || !alloc_assessment(im, merged)) {
		wb_problem(&im->problems, "", "メモリが足りません", "out of memory");
		return TK_ENOMEM;
	}
	for (size_t r = 0; r < cat->n_requirements; r++)
		im->ids[r] = cat->requirements[r].id;
	bool meta = false;
	for (size_t i = 0; i < im->books.n; i++) {
		if (!alloc_part(im, &im->parts[i], im->books.v[i])) {
			wb_problem(&im->problems, "", "メモリが足りません", "out of memory");
			return TK_ENOMEM;
		}
		read_part(im, &im->parts[i]);
		meta |= im->parts[i].has_meta;
	}
	if (!meta && !im->base)
		wb_problem(&im->problems, "", "どのブックにも taisaku シートがありません（CSV だけを読み込むときは --base で元の評価シートを指定してください）",
			"no workbook has a taisaku sheet (to import CSV files only, name the original assessment with --base)");
	check_same_round(im);
	if (im->problems.n)
		return TK_EINPUT;
	merged->path = "import";
	merge_meta(im, merged);
	merge_requirements(im, merged, target_from);
	if (!im->problems.n)
		check_overrides(im, merged, target_from);
	if (im->problems.n)
		return TK_EINPUT;
	return reload(im, merged, out);
}
