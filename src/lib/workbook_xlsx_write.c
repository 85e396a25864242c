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

#include "taisaku/file.h"
#include "taisaku/report.h"
#include "schema.h"
#include "workbook_xlsx.h"

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

typedef struct xw {
	wb_xlsx o;             /* the workbook and its formats (workbook_xlsx.h) */
	const tk_assessment *a;
	const tk_evaluation *e;
	long dept;
} xw;

static const char *T(const xw *x, const char *ja, const char *en)
{
	return x->o.lang == TK_LANG_EN ? en : ja;
}

static double row_height(char *cells[CL_COLUMNS])
{
	int points = wb_text_lines(cells[CL_POINTS], wb_checklist_columns[CL_POINTS].width * 1.15);
	double h = points * 12.0 + 3;
	int other[] = { CL_TITLE, CL_ASSETS, CL_NA, CL_EVIDENCE, CL_NOTE };
	for (size_t i = 0; i < sizeof(other) / sizeof(*other); i++) {
		double hh = wb_text_lines(cells[other[i]], wb_checklist_columns[other[i]].width) * 15.0 + 3;
		if (hh > h)
			h = hh;
	}
	return h < 30 ? 30 : h > 409 ? 409 : h;
}

static void checklist_validations(xw *x, lxw_worksheet *ws, uint32_t first, uint32_t last)
{
	static const char *cores[] = { "1", "2", "3", "4", "5", NULL };
	static const char *ranks[] = { "A", "B", "C", "D", NULL };
	const char *statuses[] = { wb_status_label(TK_RATING_RATED, x->o.lang),
		wb_status_label(TK_RATING_NA, x->o.lang), wb_status_label(TK_RATING_UNKNOWN, x->o.lang), NULL };
	wb_xlsx_validate_list(ws, first, last, CL_STATUS, statuses, true, T(x, "状態", "Status"),
		T(x, "評価済み（対策コアとランクを記入）、対象外（理由を記入）、わからない。空欄は未評価。",
		   "rated (give the core and the ranks), n/a (give the reason), unknown. Blank: not assessed."));
	wb_xlsx_validate_list(ws, first, last, CL_CORE, cores, true, T(x, "対策コア", "Core"),
		T(x, "1〜5。対策対象ごとに評価するときは空欄にして右の列に記入。",
		   "1 to 5. Leave blank when the core is given per asset (column on the right)."));
	for (int p = 0; p < TK_PERIPHERALS; p++)
		wb_xlsx_validate_list(ws, first, last, (uint16_t)(CL_STUDY + p), ranks, false,
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
			x->o.lang == TK_LANG_EN && d->title_en ? d->title_en : d->title_ja);
	}
	wb_xlsx_put(&x->o, ws, 0, 0, buf, x->o.title, false);
	worksheet_set_row(ws, 0, 22, NULL);
}

static void requirement_row(xw *x, lxw_worksheet *ws, uint32_t row, size_t r)
{
	char *cells[CL_COLUMNS];
	wb_checklist_row(x->a, r, x->o.lang, cells);
	lxw_row_col_options level2 = { .level = 2 };
	worksheet_set_row_opt(ws, row, row_height(cells), NULL, &level2);
	wb_xlsx_put(&x->o, ws, row, CL_ID, cells[CL_ID], x->o.text, true);
	wb_xlsx_put(&x->o, ws, row, CL_TITLE, cells[CL_TITLE], x->o.text, false);
	wb_xlsx_put(&x->o, ws, row, CL_POINTS, cells[CL_POINTS], x->o.points, false);
	wb_xlsx_put_int(&x->o, ws, row, CL_TARGET, cells[CL_TARGET], x->o.center);
	wb_xlsx_put(&x->o, ws, row, CL_STATUS, cells[CL_STATUS], x->o.input, true);
	wb_xlsx_put_int(&x->o, ws, row, CL_CORE, cells[CL_CORE], x->o.input);
	for (int c = CL_STUDY; c <= CL_DOCUMENTATION; c++)
		wb_xlsx_put(&x->o, ws, row, (uint16_t)c, cells[c], x->o.input, true);
	for (int c = CL_ASSETS; c <= CL_NOTE; c++)
		wb_xlsx_put(&x->o, ws, row, (uint16_t)c, cells[c], x->o.input_wrap, true);
	wb_row_free(cells, CL_COLUMNS);
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

static void checklist_sheet(xw *x)
{
	const tk_catalog *cat = x->a->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->o.wb, T(x, WB_SHEET_CHECKLIST_JA, WB_SHEET_CHECKLIST_EN));
	wb_xlsx_columns(ws, wb_checklist_columns, CL_COLUMNS);
	checklist_title(x, ws);
	wb_xlsx_headers(&x->o, ws, 1, wb_checklist_columns, CL_COLUMNS);
	uint32_t row = 2;
	for (size_t v = 0; v < cat->n_views; v++) {
		const tk_view *view = &cat->views[v];
		if (!view_wanted(x, view))
			continue;
		wb_xlsx_group_row(&x->o, ws, row++, 0, view->id, view->title_ja, view->title_en, CL_COLUMNS);
		for (uint32_t d = 0; d < view->n_domains; d++) {
			const tk_domain *dom = &cat->domains[view->first_domain + d];
			if (!domain_wanted(x, dom))
				continue;
			wb_xlsx_group_row(&x->o, ws, row++, 1, dom->id, dom->title_ja, dom->title_en, CL_COLUMNS);
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
	wb_xlsx_print_setup(ws, 1);
	worksheet_activate(ws);
}

/* A line of the summary above the targets table: the label over the ID and
 * title columns, the value over the rest, so that neither is cut. */
static void label_value(xw *x, lxw_worksheet *ws, uint32_t row, const char *label, const char *value)
{
	worksheet_merge_range(ws, row, 0, row, TG_TITLE, "", x->o.label);
	wb_xlsx_put(&x->o, ws, row, 0, label, x->o.label, false);
	worksheet_merge_range(ws, row, TG_IMPORTANCE, row, TG_COLUMNS - 1, "", x->o.locked_text);
	wb_xlsx_put(&x->o, ws, row, TG_IMPORTANCE, value, x->o.locked_text, false);
}

static void targets_summary(xw *x, lxw_worksheet *ws)
{
	const tk_assessment *a = x->a;
	char level[8];
	snprintf(level, sizeof(level), "%d", a->level);
	wb_xlsx_put(&x->o, ws, 0, 0, T(x, "目標（システムの目標レベルと対策要求ごとの目標）",
		"Targets (the system's target level and each requirement's target)"), x->o.title, false);
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
	worksheet_set_row(ws, 4, a->level_reason ? 15.0 * wb_text_lines(a->level_reason, width) + 3 : 15, NULL);
}

static void target_row(xw *x, lxw_worksheet *ws, uint32_t row, size_t r)
{
	const tk_assessment *a = x->a;
	const tk_requirement *req = &a->catalog->requirements[r];
	int derived = a->catalog->scoring.targets[a->level][a->importance[r]];
	char weight[40];
	wb_xlsx_put(&x->o, ws, row, TG_ID, req->id, x->o.text, true);
	wb_xlsx_put(&x->o, ws, row, TG_TITLE, x->o.lang == TK_LANG_EN && req->title_en ? req->title_en : req->title_ja,
		x->o.text, false);
	wb_xlsx_put(&x->o, ws, row, TG_IMPORTANCE, a->importance_given[r] ?
		tk_importance_label(a->importance[r], x->o.lang) : NULL, x->o.input, true);
	worksheet_write_number(ws, row, TG_DERIVED, derived, x->o.center);
	if (a->override_level[r])
		worksheet_write_number(ws, row, TG_LEVEL, a->override_level[r], x->o.input);
	else
		wb_xlsx_put(&x->o, ws, row, TG_LEVEL, NULL, x->o.input, true);
	wb_xlsx_put(&x->o, ws, row, TG_REASON, a->override_level[r] ? a->override_reason[r] : NULL, x->o.input_wrap, true);
	/* A weight is written as a number when Excel's 15 digits keep it, and
	 * as text otherwise, so that it reads back as the same double. */
	if (a->requirement_weight[r] == 1) {
		wb_xlsx_put(&x->o, ws, row, TG_WEIGHT, NULL, x->o.input, true);
	} else {
		char probe[40];
		wb_number_text(a->requirement_weight[r], weight, sizeof(weight));
		snprintf(probe, sizeof(probe), "%.15g", a->requirement_weight[r]);
		if (strcmp(probe, weight) == 0)
			worksheet_write_number(ws, row, TG_WEIGHT, a->requirement_weight[r], x->o.input);
		else
			wb_xlsx_put(&x->o, ws, row, TG_WEIGHT, weight, x->o.input, true);
	}
	worksheet_write_number(ws, row, TG_TARGET, wb_target(a, r), x->o.center);
	const char *reason = a->override_level[r] ? a->override_reason[r] : NULL;
	if (reason)
		worksheet_set_row(ws, row, 15.0 * wb_text_lines(reason, wb_target_columns[TG_REASON].width) + 3, NULL);
}

static void targets_sheet(xw *x)
{
	const tk_catalog *cat = x->a->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->o.wb, T(x, WB_SHEET_TARGETS_JA, WB_SHEET_TARGETS_EN));
	wb_xlsx_columns(ws, wb_target_columns, TG_COLUMNS);
	targets_summary(x, ws);
	const uint32_t header = 8;
	wb_xlsx_headers(&x->o, ws, header, wb_target_columns, TG_COLUMNS);
	uint32_t row = header + 1;
	for (size_t r = 0; r < cat->n_requirements; r++)
		if (wb_wanted(cat, r, x->dept))
			target_row(x, ws, row++, r);
	if (row > header + 1) {
		const char *imps[] = { tk_importance_label(TK_IMP_CRITICAL, x->o.lang),
			tk_importance_label(TK_IMP_IMPORTANT, x->o.lang), tk_importance_label(TK_IMP_GENERAL, x->o.lang),
			tk_importance_label(TK_IMP_LOW, x->o.lang), NULL };
		static const char *levels[] = { "2", "3", "4", "5", NULL };
		wb_xlsx_validate_list(ws, header + 1, row - 1, TG_IMPORTANCE, imps, true, T(x, "重要度", "Importance"),
			T(x, "空欄は「一般」（表4-4）。", "Blank means general (table 4-4)."));
		wb_xlsx_validate_list(ws, header + 1, row - 1, TG_LEVEL, levels, true, T(x, "目標の変更", "Target override"),
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
	wb_xlsx_print_setup(ws, header);
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
	wb_xlsx_put(&x->o, ws, row, 0, req->id, x->o.text, false);
	wb_xlsx_put(&x->o, ws, row, 1, x->o.lang == TK_LANG_EN && req->title_en ? req->title_en : req->title_ja, x->o.text, false);
	worksheet_write_number(ws, row, 2, rr->target, x->o.center);
	if (rr->counted)
		worksheet_write_number(ws, row, 3, rr->achieved, x->o.center);
	else
		worksheet_write_blank(ws, row, 3, x->o.center);
	wb_xlsx_put(&x->o, ws, row, 4, tk_req_status_label(rr->status, x->o.lang), x->o.center, false);
	if (rr->counted)
		worksheet_write_number(ws, row, 5, rr->gap, x->o.center);
	else
		worksheet_write_blank(ws, row, 5, x->o.center);
	if (rr->counted)
		target = missing_text(rr->missing_target, rr->n_missing_target, x->o.lang);
	if (rr->counted && rr->achieved < 5)
		next = missing_text(rr->missing_next, rr->n_missing_next, x->o.lang);
	wb_xlsx_put(&x->o, ws, row, 6, rr->status == TK_ST_UNDER ? target : NULL, x->o.text, false);
	wb_xlsx_put(&x->o, ws, row, 7, next, x->o.text, false);
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
	lxw_worksheet *ws = workbook_add_worksheet(x->o.wb, T(x, WB_SHEET_RESULTS_JA, WB_SHEET_RESULTS_EN));
	wb_xlsx_columns(ws, cols, ncols);
	wb_xlsx_put(&x->o, ws, 0, 0, T(x, "評価結果（このブックを作ったときの評価。ここに書いても読み込みません）",
		"Results (the evaluation when this workbook was made; nothing here is read back)"), x->o.title, false);
	wb_xlsx_put(&x->o, ws, 1, 0, T(x, "システムの達成レベル", "System level"), x->o.label, false);
	if (e->system.counted)
		worksheet_write_number(ws, 1, 2, tk_round1(e->system.level), x->o.level);
	wb_xlsx_put(&x->o, ws, 2, 0, T(x, "システムの目標レベル", "System target"), x->o.label, false);
	worksheet_write_number(ws, 2, 2, x->a->level, x->o.center);
	char counts[256];
	snprintf(counts, sizeof(counts), T(x, "改善が必要 %zu、過対策 %zu、要調査 %zu、対象外 %zu、未評価 %zu",
		"under %zu, over %zu, unknown %zu, n/a %zu, not assessed %zu"),
		e->n_under, e->n_over, e->n_unknown, e->n_na, e->n_unassessed);
	wb_xlsx_put(&x->o, ws, 3, 0, counts, NULL, false);
	const uint32_t header = 5;
	wb_xlsx_headers(&x->o, ws, header, cols, ncols);
	uint32_t row = header + 1;
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_domain *dom = &cat->domains[d];
		if (!domain_wanted(x, dom))
			continue;
		wb_xlsx_group_row(&x->o, ws, row, 1, dom->id, dom->title_ja, dom->title_en, ncols);
		if (e->domains[d].counted)
			worksheet_write_number(ws, row, 3, tk_round1(e->domains[d].level), x->o.domain);
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
	wb_xlsx_print_setup(ws, header);
}

static void meta_sheet(xw *x)
{
	static const char *const causes[] = { NULL, "planning", "deployment", "management", "capability" };
	const tk_assessment *a = x->a;
	const tk_catalog *cat = a->catalog;
	lxw_worksheet *ws = workbook_add_worksheet(x->o.wb, WB_SHEET_META);
	uint32_t row = 0;
	char level[8], br[40], bd[40], w[40];
	snprintf(level, sizeof(level), "%d", a->level);
	wb_number_text(a->balance_requirement, br, sizeof(br));
	wb_number_text(a->balance_domain, bd, sizeof(bd));
	const char *v[8];
#define META1(k, value) do { v[0] = (value); wb_xlsx_meta_row(&x->o, ws, &row, (k), v, 1); } while (0)
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
		wb_xlsx_meta_row(&x->o, ws, &row, "domain.weight", v, 2);
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
		wb_xlsx_meta_row(&x->o, ws, &row, "improvement", v, 7);
	}
	worksheet_set_column(ws, 0, 0, 28, NULL);
	worksheet_set_column(ws, 1, 7, 30, NULL);
	worksheet_hide(ws);
	worksheet_protect(ws, NULL, NULL);
}

static void properties(xw *x)
{
	const tk_assessment *a = x->a;
	char title[512];
	snprintf(title, sizeof(title), "%s %s", a->system_name, T(x, "チェックリスト", "checklist"));
	lxw_doc_properties p;
	memset(&p, 0, sizeof(p));
	p.title = title;
	p.subject = (char *)(x->o.lang == TK_LANG_EN && a->catalog->title_en ? a->catalog->title_en : a->catalog->title_ja);
	p.author = (char *)"taisaku";
	p.company = (char *)a->organization;
	p.comments = (char *)T(x, "taisaku export で作成。記入後 taisaku import で評価シートに読み込めます。",
		"Made by taisaku export; read it back with taisaku import once filled in.");
	p.created = wb_created_time(a->date);
	workbook_set_properties(x->o.wb, &p);
}

tk_status tk_workbook_write_xlsx(const tk_assessment *a, const tk_workbook_options *opt,
	char **data, size_t *len, tk_error *err)
{
	*data = NULL;
	*len = 0;
	xw x = { .o = { .lang = opt ? opt->lang : TK_LANG_JA, .path = a->path, .err = err }, .a = a, .dept = -1 };
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
	if (!wb_xlsx_begin(&x.o, path, sizeof(path))) {
		properties(&x);
		checklist_sheet(&x);
		targets_sheet(&x);
		results_sheet(&x);
		meta_sheet(&x);
		wb_xlsx_end(&x.o, path, data, len);
	}
	tk_evaluation_free(e);
	return x.o.st;
}
