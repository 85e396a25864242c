/* Reports for people: the assessment report, the security measures plan
 * (セキュリティ対策計画書, seed 002 §5.2.1.5) and the improvement plan
 * (§5.3.4.6), each as one self-contained HTML file.
 *
 * "Self-contained" is strict: no script, no font file, no image file, no
 * request of any kind, and a Content-Security-Policy that would block one
 * if it slipped in. Charts are inline SVG from chart_svg.c; Japanese text
 * uses the fonts installed on the reader's machine through a font stack.
 * The page is meant to be printed on A4 and filed, so the print stylesheet
 * matters as much as the screen one: page breaks between major sections, a
 * running header with the system and the date on every page, page numbers,
 * and colours kept in print.
 *
 * Every output is deterministic: the only date in a report is the
 * assessment's own `date`. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/chart.h"
#include "taisaku/report.h"
#include "report_page.h"

typedef struct rep {
	FILE *f;
	tk_lang lang;
	tk_report_kind kind;
	const tk_evaluation *e;
	const tk_assessment *a;
	const tk_catalog *c;
} rep;

/* ---- small writers ---- */

static const char *T(const rep *r, const char *ja, const char *en)
{
	return r->lang == TK_LANG_EN ? en : ja;
}

/* The English title where there is one and English is asked for; catalog
 * text without a translation stays Japanese. */
static const char *title(const rep *r, const char *ja, const char *en)
{
	return r->lang == TK_LANG_EN && en && *en ? en : ja;
}

static void esc(const rep *r, const char *s)
{
	tk_chart_escape(r->f, s);
}

/* A level for people: one decimal, rounded half up. */
static void level(const rep *r, double x)
{
	fprintf(r->f, "%.1f", tk_round1(x));
}

static void agg_level(const rep *r, const tk_aggregate *g, bool target)
{
	if (g->counted)
		level(r, target ? g->target : g->level);
	else
		fputs("-", r->f);
}

/* The difference of two levels as they are shown (so that 2.8 against 3.0
 * reads -0.2 whatever the digits behind them). */
static void level_gap(const rep *r, const tk_aggregate *g)
{
	if (!g->counted) {
		fputs("-", r->f);
		return;
	}
	double d = tk_round1(g->level) - tk_round1(g->target);
	if (fabs(d) < 0.05)
		fputs("0.0", r->f);
	else
		fprintf(r->f, "%+.1f", d);
}

static bool agg_under(const tk_aggregate *g)
{
	return g->counted && g->level + 1e-9 < g->target;
}

static const tk_requirement *req(const rep *r, size_t i)
{
	return &r->c->requirements[i];
}

static void req_id_title(const rep *r, size_t i)
{
	const tk_requirement *q = req(r, i);
	fprintf(r->f, "<td class=id><a href=\"#r-");
	esc(r, q->id);
	fputs("\">", r->f);
	esc(r, q->id);
	fputs("</a></td><td class=t>", r->f);
	esc(r, title(r, q->title_ja, q->title_en));
	fputs("</td>", r->f);
}

static void status_badge(const rep *r, tk_req_status st)
{
	fprintf(r->f, "<span class=\"badge %s\">%s</span>", tk_req_status_name(st), tk_req_status_label(st, r->lang));
}

static void shortfalls(const rep *r, const tk_shortfall *s, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char buf[32];
		tk_shortfall_text(&s[k], buf, sizeof(buf));
		fprintf(r->f, "%s<span class=short>%s <b>%s</b></span>", k ? " " : "",
			tk_element_label(s[k].element, r->lang), buf);
	}
}

/* ---- the page around the report ---- */

static const char *kind_title(const rep *r)
{
	switch (r->kind) {
	case TK_REPORT_PLAN: return T(r, "セキュリティ対策計画書", "Security measures plan");
	case TK_REPORT_IMPROVEMENT: return T(r, "改善計画書", "Improvement plan");
	default: return T(r, "セキュリティ対策評価報告書", "Security assessment report");
	}
}

/* The page skeleton and its small writers are shared with the compliance
 * report (report_page.h); these keep this file's calls short. */
static void esc_lines(const rep *r, const char *s)
{
	tk_report_esc_lines(r->f, s);
}

static void page_open(const rep *r)
{
	tk_report_page_open(r->f, r->lang, kind_title(r), r->a->system_name, r->a->date, NULL);
}

static void meta_row(const rep *r, const char *ja, const char *en, const char *value)
{
	tk_report_meta_row(r->f, r->lang, ja, en, value);
}

static void approval_block(const rep *r)
{
	tk_report_approval_block(r->f, r->lang);
}

static void toc(const rep *r, const char *const *ids, const char *const *names, size_t n)
{
	tk_report_toc(r->f, r->lang, ids, names, n);
}

static void section_open(const rep *r, const char *id, int number, const char *name)
{
	tk_report_section_open(r->f, id, number, name);
}

/* The title block: what the document is, for which system, and when. */
static void cover(const rep *r, bool approval)
{
	const tk_assessment *a = r->a;
	const tk_catalog *c = r->c;
	/* The approval boxes sit at the top right, where Japanese
	 * documents put them, and the title flows beside them. */
	fputs("<header class=cover>\n", r->f);
	if (approval)
		approval_block(r);
	fputs("<div>\n<p class=doc-kind>", r->f);
	esc(r, kind_title(r));
	fputs("</p>\n<h1>", r->f);
	esc(r, a->system_name);
	fputs("</h1>\n<table class=meta>\n", r->f);
	meta_row(r, "組織", "Organisation", a->organization);
	/* A plan is dated, not assessed, though the date is the same field. */
	if (r->kind == TK_REPORT_PLAN)
		meta_row(r, "日付", "Date", a->date);
	else
		meta_row(r, "評価日", "Date", a->date);
	meta_row(r, "評価者", "Assessor", a->assessor);
	fprintf(r->f, "<tr><th scope=row>%s</th><td>", T(r, "評価モデル", "Model"));
	esc(r, title(r, c->title_ja, c->title_en));
	fputs(" (", r->f);
	esc(r, c->id);
	fprintf(r->f, ")</td></tr>\n<tr><th scope=row>%s</th><td>%d</td></tr>\n</table>\n</div>\n",
		T(r, "システムの目標レベル", "System target level"), a->level);
	fputs("</header>\n", r->f);
}

static void incomplete_note(const rep *r)
{
	if (r->e->complete)
		return;
	fputs("<p class=\"badge unassessed\">", r->f);
	fprintf(r->f, T(r, "未評価の対策要求が %zu 件あり、評価は完了していません。集計はそれらを除いています。",
		"%zu requirements are not assessed: the evaluation is incomplete, and the levels leave them out."),
		r->e->n_unassessed);
	fputs("</p>\n", r->f);
}

/* ---- the assessment report: summary ---- */

static void figure_box(const rep *r, const char *cls, const char *label)
{
	fprintf(r->f, "<div class=\"figure %s\"><div class=l>%s</div><div class=v>", cls, label);
}

static void summary_figures(const rep *r)
{
	const tk_evaluation *e = r->e;
	fputs("<div class=figures>\n", r->f);
	figure_box(r, "", T(r, "システムの目標レベル", "System target level"));
	fprintf(r->f, "%d</div></div>\n", r->a->level);
	figure_box(r, "", T(r, "対策要求の目標の平均", "Mean requirement target"));
	agg_level(r, &e->system, true);
	fputs("</div></div>\n", r->f);
	figure_box(r, agg_under(&e->system) ? "under" : e->system.counted ? "ok" : "",
		T(r, "達成レベル", "Achieved level"));
	agg_level(r, &e->system, false);
	fputs("</div></div>\n", r->f);
	figure_box(r, e->n_under ? "under" : "ok", T(r, "改善が必要", "Under target"));
	fprintf(r->f, "%zu</div></div>\n", e->n_under);
	figure_box(r, "", T(r, "要調査", "To investigate"));
	fprintf(r->f, "%zu</div></div>\n</div>\n", e->n_unknown);
}

static void status_counts(const rep *r)
{
	const tk_evaluation *e = r->e;
	const struct { tk_req_status st; size_t n; } rows[] = {
		{ TK_ST_MET, e->n_met }, { TK_ST_UNDER, e->n_under }, { TK_ST_OVER, e->n_over },
		{ TK_ST_UNKNOWN, e->n_unknown }, { TK_ST_NA, e->n_na }, { TK_ST_UNASSESSED, e->n_unassessed },
	};
	fprintf(r->f, "<table class=meta><thead><tr><th>%s</th><th class=n>%s</th></tr></thead><tbody>\n",
		T(r, "対策要求の状態", "Requirements"), T(r, "件数", "Count"));
	for (size_t k = 0; k < sizeof(rows) / sizeof(*rows); k++) {
		fputs("<tr><td>", r->f);
		status_badge(r, rows[k].st);
		fprintf(r->f, "</td><td class=n>%zu</td></tr>\n", rows[k].n);
	}
	fprintf(r->f, "<tr><th>%s</th><th class=n>%zu</th></tr>\n</tbody></table>\n", T(r, "計", "Total"),
		r->c->n_requirements);
}

/* Closes the cell before, then the achieved, target and gap cells of g
 * (the last left open). */
static void level_cells(const rep *r, const tk_aggregate *g)
{
	fputs("</td><td class=n>", r->f);
	agg_level(r, g, false);
	fputs("</td><td class=n>", r->f);
	agg_level(r, g, true);
	fputs("</td><td class=n>", r->f);
	level_gap(r, g);
}

static void views_table(const rep *r)
{
	const tk_catalog *c = r->c;
	fprintf(r->f, "<h3>%s</h3>\n<table><thead><tr><th>ID</th><th>%s</th><th class=n>%s</th><th class=n>%s</th>"
		"<th class=n>%s</th></tr></thead><tbody>\n", T(r, "ビュー", "Views"), T(r, "名称", "Title"),
		T(r, "達成", "Achieved"), T(r, "目標", "Target"), T(r, "差", "Gap"));
	for (size_t v = 0; v < c->n_views; v++) {
		const tk_aggregate *g = &r->e->views[v];
		fprintf(r->f, "<tr%s><td class=id>", agg_under(g) ? " class=under" : "");
		esc(r, c->views[v].id);
		fputs("</td><td>", r->f);
		esc(r, title(r, c->views[v].title_ja, c->views[v].title_en));
		level_cells(r, g);
		fputs("</td></tr>\n", r->f);
	}
	fprintf(r->f, "<tr><th></th><th>%s</th><td class=n><b>", T(r, "システム全体", "Whole system"));
	agg_level(r, &r->e->system, false);
	fputs("</b></td><td class=n>", r->f);
	agg_level(r, &r->e->system, true);
	fputs("</td><td class=n>", r->f);
	level_gap(r, &r->e->system);
	fputs("</td></tr>\n</tbody></table>\n", r->f);
}

static void domains_table(const rep *r)
{
	const tk_catalog *c = r->c;
	fprintf(r->f, "<h3>%s</h3>\n<table><thead><tr><th>ID</th><th>%s</th><th class=n>%s</th><th class=n>%s</th>"
		"<th class=n>%s</th><th class=n>%s</th><th>%s</th></tr></thead><tbody>\n", T(r, "対策ドメイン", "Domains"),
		T(r, "名称", "Title"), T(r, "達成", "Achieved"), T(r, "目標", "Target"), T(r, "差", "Gap"),
		T(r, "未達", "Under"), T(r, "ばらつき", "Spread"));
	for (size_t d = 0; d < c->n_domains; d++) {
		const tk_domain *dom = &c->domains[d];
		const tk_aggregate *g = &r->e->domains[d];
		size_t under = 0;
		/* Unknowns count as level 1, below every target: they are short too. */
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			tk_req_status st = r->e->requirements[dom->first_requirement + k].status;
			under += st == TK_ST_UNDER || st == TK_ST_UNKNOWN;
		}
		fprintf(r->f, "<tr%s><td class=id><a href=\"#d-", agg_under(g) ? " class=under" : "");
		esc(r, dom->id);
		fputs("\">", r->f);
		esc(r, dom->id);
		fputs("</a></td><td>", r->f);
		esc(r, title(r, dom->title_ja, dom->title_en));
		level_cells(r, g);
		fprintf(r->f, "</td><td class=n>%s", under ? "" : "<span class=muted>");
		fprintf(r->f, "%zu%s</td><td class=flag>%s</td></tr>\n", under, under ? "" : "</span>",
			g->imbalance ? "!" : "");
	}
	fprintf(r->f, "</tbody></table>\n<p class=legend-note>%s</p>\n", T(r,
		"色付きの行は目標に届いていないドメイン。「未達」は目標に届かない対策要求（要調査を含む）の数、"
		"「!」はシステム全体のレベルから大きく離れているドメイン（3.4 を参照）。",
		"Shaded rows are domains below their target. \"Under\" counts the requirements below target "
		"(unknowns included); "
		"\"!\" marks a domain far from the system's level (see 3.4)."));
}

static void assessment_summary(const rep *r)
{
	section_open(r, "summary", 1, T(r, "概要", "Summary"));
	summary_figures(r);
	incomplete_note(r);
	if (r->a->level_reason) {
		fprintf(r->f, "<p><b>%s</b> ", T(r, "目標レベルの根拠:", "Why this target level:"));
		esc_lines(r, r->a->level_reason);
		fputs("</p>\n", r->f);
	}
	status_counts(r);
	views_table(r);
	domains_table(r);
	fputs("</section>\n", r->f);
}

/* ---- the assessment report: charts ---- */

typedef struct chart_data {
	const char **labels;
	char (*texts)[2][16];
	const char **level_texts, **target_texts;
	const char **colors; /* bars below their target stand out */
	double *levels, *targets;
} chart_data;

static bool chart_data_new(chart_data *d, size_t n)
{
	memset(d, 0, sizeof(*d));
	d->labels = calloc(n ? n : 1, sizeof(*d->labels));
	d->texts = calloc(n ? n : 1, sizeof(*d->texts));
	d->level_texts = calloc(n ? n : 1, sizeof(*d->level_texts));
	d->target_texts = calloc(n ? n : 1, sizeof(*d->target_texts));
	d->colors = calloc(n ? n : 1, sizeof(*d->colors));
	d->levels = calloc(n ? n : 1, sizeof(*d->levels));
	d->targets = calloc(n ? n : 1, sizeof(*d->targets));
	return d->labels && d->texts && d->level_texts && d->target_texts && d->colors && d->levels && d->targets;
}

static void chart_data_free(chart_data *d)
{
	free(d->labels);
	free(d->texts);
	free(d->level_texts);
	free(d->target_texts);
	free(d->colors);
	free(d->levels);
	free(d->targets);
}

/* Slot k of the chart data from an aggregate: the values drawn are the
 * levels as printed (one decimal), so the picture and the numbers agree. */
static void chart_slot(chart_data *d, size_t k, const char *label, const tk_aggregate *g)
{
	d->labels[k] = label;
	if (g->counted) {
		d->levels[k] = tk_round1(g->level);
		d->targets[k] = tk_round1(g->target);
		snprintf(d->texts[k][0], sizeof(d->texts[k][0]), "%.1f", d->levels[k]);
		snprintf(d->texts[k][1], sizeof(d->texts[k][1]), "%.1f", d->targets[k]);
		d->level_texts[k] = d->texts[k][0];
		d->target_texts[k] = d->texts[k][1];
		d->colors[k] = agg_under(g) ? "#d0533f" : "#1f5fa8";
	} else {
		d->levels[k] = d->targets[k] = NAN;
		d->level_texts[k] = d->target_texts[k] = NULL;
	}
}

static tk_status draw(const rep *r, const chart_data *d, size_t n, const char *chart_title, bool radar,
	tk_error *err)
{
	/* The achieved level first (bars read "achieved / target"), and the
	 * target drawn after it, on top, so that it is never hidden. */
	tk_chart_series s[2] = {
		{ .name = T(r, "達成レベル", "Achieved level"), .values = d->levels, .texts = d->level_texts,
		  .colors = d->colors, .mark = TK_CHART_FILL, .color = "#1f5fa8" },
		{ .name = T(r, "目標", "Target"), .values = d->targets, .texts = d->target_texts,
		  .mark = TK_CHART_LINE, .color = "#c0392b" },
	};
	if (radar)
		s[0].colors = NULL; /* one area: one colour */
	tk_chart ch = { .n = n, .labels = d->labels, .n_series = 2, .series = s,
		.min = 0, .max = 5, .title = chart_title, .missing_text = T(r, "評価なし", "no rating") };
	return radar ? tk_chart_radar(r->f, &ch, err) : tk_chart_bars(r->f, &ch, err);
}

static tk_status radar_figure(const rep *r, tk_error *err)
{
	const tk_catalog *c = r->c;
	chart_data d;
	tk_status st = TK_ENOMEM;
	if (chart_data_new(&d, c->n_domains)) {
		for (size_t k = 0; k < c->n_domains; k++)
			chart_slot(&d, k, c->domains[k].id, &r->e->domains[k]);
		const char *cap = T(r, "対策ドメインの達成レベルと目標（レーダーチャート）",
			"Domain levels against their targets (radar)");
		fprintf(r->f, "<figure class=radar><figcaption>%s</figcaption>\n", cap);
		st = draw(r, &d, c->n_domains, cap, true, err);
		fprintf(r->f, "<p class=legend-note>%s</p></figure>\n", T(r,
			"青い面が達成レベル、赤い破線が目標（対策要求の目標の加重平均）。軸はドメイン ID で、"
			"名称は 1 章の表にあります。中心が 0、外周がレベル 5。",
			"The blue area is the achieved level, the red dashed line the target (the weighted mean of "
			"the requirements' targets). Axes are domain IDs (titles in the table of section 1); the "
			"centre is 0 and the outer ring level 5."));
	}
	chart_data_free(&d);
	if (st == TK_ENOMEM)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	return st;
}

static tk_status view_bars(const rep *r, size_t v, tk_error *err)
{
	const tk_catalog *c = r->c;
	const tk_view *view = &c->views[v];
	chart_data d;
	char (*labels)[512] = calloc(view->n_domains ? view->n_domains : 1, sizeof(*labels));
	tk_status st = TK_ENOMEM;
	if (labels && chart_data_new(&d, view->n_domains)) {
		for (uint32_t k = 0; k < view->n_domains; k++) {
			const tk_domain *dom = &c->domains[view->first_domain + k];
			snprintf(labels[k], sizeof(labels[k]), "%s %s", dom->id, title(r, dom->title_ja, dom->title_en));
			chart_slot(&d, k, labels[k], &r->e->domains[view->first_domain + k]);
		}
		char cap[512];
		snprintf(cap, sizeof(cap), "%s %s%s", view->id, title(r, view->title_ja, view->title_en),
			T(r, "：ドメインの達成レベルと目標", ": domain levels against targets"));
		fputs("<figure class=bars><figcaption>", r->f);
		esc(r, cap);
		fputs("</figcaption>\n", r->f);
		st = draw(r, &d, view->n_domains, cap, false, err);
		fputs("</figure>\n", r->f);
		chart_data_free(&d);
	}
	free(labels);
	if (st == TK_ENOMEM)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	return st;
}

static tk_status assessment_charts(const rep *r, tk_error *err)
{
	section_open(r, "charts", 2, T(r, "対策ドメインのレベル", "Domain levels"));
	tk_status st = radar_figure(r, err);
	for (size_t v = 0; !st && v < r->c->n_views; v++)
		st = view_bars(r, v, err);
	fprintf(r->f, "<p class=legend-note>%s</p>\n</section>\n", T(r,
		"棒が達成レベル（目標に届かないドメインは赤）、赤い縦線が目標。右端の数字は「達成 / 目標」。",
		"Bars are the achieved levels (red where a domain is below its target), red ticks the targets; "
		"the figures on the right read \"achieved / target\"."));
	return st;
}

/* ---- the assessment report: findings ---- */

/* "3.1 改善が必要な対策要求（14）" / "3.1 Under-measures (14)". */
static void finding_heading(const rep *r, const char *id, int n, const char *name, const char *count)
{
	fprintf(r->f, "<h3 id=%s>3.%d %s%s%s%s</h3>\n", id, n, name, T(r, "（", " ("), count, T(r, "）", ")"));
}

static void finding_count(const rep *r, const char *id, int n, const char *name, size_t count)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%zu", count);
	finding_heading(r, id, n, name, buf);
}

/* Opens finding n with its count, then says none (and returns false) when
 * the count is 0, or gives the legend over its table. */
static bool finding_open(const rep *r, const char *id, int n, const char *name, size_t count, const char *none,
	const char *legend)
{
	finding_count(r, id, n, name, count);
	if (!count) {
		fprintf(r->f, "<p>%s</p>\n", none);
		return false;
	}
	fprintf(r->f, "<p class=legend-note>%s</p>\n", legend);
	return true;
}

static void under_section(const rep *r)
{
	const tk_evaluation *e = r->e;
	if (!finding_open(r, "under", 1, T(r, "改善が必要な対策要求", "Under-measures"), e->n_under,
		T(r, "目標に届かない対策要求はありません。", "Every rated requirement meets its target."),
		T(r, "不足の大きい順、同じなら重みの大きい順。「目標に足りないもの」は目標レベルに上がるために"
		"引き上げる要素（対策コアはレベル、周辺要素はランク）。",
		"Largest shortfall first, then heaviest weight. \"Missing for the target\" lists the elements to "
		"raise to reach the target level (the core as a level, peripheral elements as ranks).")))
		return;
	size_t *order = tk_evaluation_under_ranked(e);
	/* The weight only matters to the order when some are not 1. */
	bool weights = false;
	for (size_t k = 0; order && k < e->n_under; k++)
		weights |= r->a->requirement_weight[order[k]] != 1;
	fprintf(r->f, "<table><thead><tr><th class=n>#</th><th>ID</th><th>%s</th><th>%s</th>",
		T(r, "対策要求", "Requirement"), T(r, "重要度", "Importance"));
	if (weights)
		fprintf(r->f, "<th class=n>%s</th>", T(r, "重み", "Weight"));
	fprintf(r->f, "<th class=n>%s</th><th class=n>%s</th><th class=n>%s</th><th>%s</th></tr></thead><tbody>\n",
		T(r, "達成", "Achieved"), T(r, "目標", "Target"), T(r, "差", "Gap"),
		T(r, "目標に足りないもの", "Missing for the target"));
	for (size_t k = 0; order && k < e->n_under; k++) {
		size_t i = order[k];
		const tk_req_result *q = &e->requirements[i];
		fprintf(r->f, "<tr><td class=n>%zu</td>", k + 1);
		req_id_title(r, i);
		fprintf(r->f, "<td class=nw>%s</td>", tk_importance_label(r->a->importance[i], r->lang));
		if (weights)
			fprintf(r->f, "<td class=n>%g</td>", r->a->requirement_weight[i]);
		fprintf(r->f, "<td class=n>%d</td><td class=n>%d</td><td class=n>%+d</td><td>", q->achieved, q->target, q->gap);
		shortfalls(r, q->missing_target, q->n_missing_target);
		fputs("</td></tr>\n", r->f);
	}
	free(order);
	fputs("</tbody></table>\n", r->f);
}

static void over_section(const rep *r)
{
	const tk_evaluation *e = r->e;
	if (!finding_open(r, "over", 2, T(r, "過対策の可能性", "Possible over-measures"), e->n_over,
		T(r, "目標を上回る対策要求はありません。", "No requirement is above its target."),
		T(r, "目標を上回っています。必要な強さかどうか（費用や運用の負担に見合うか）を確認してください。",
		"These are above their targets: check that the strength is needed and worth its cost.")))
		return;
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th><th class=n>%s</th><th class=n>%s</th></tr>"
		"</thead><tbody>\n", T(r, "対策要求", "Requirement"), T(r, "重要度", "Importance"), T(r, "達成", "Achieved"),
		T(r, "目標", "Target"));
	for (size_t i = 0; i < r->c->n_requirements; i++) {
		const tk_req_result *q = &e->requirements[i];
		if (q->status != TK_ST_OVER)
			continue;
		fputs("<tr>", r->f);
		req_id_title(r, i);
		fprintf(r->f, "<td class=nw>%s</td><td class=n>%d</td><td class=n>%d</td></tr>\n",
			tk_importance_label(r->a->importance[i], r->lang), q->achieved, q->target);
	}
	fputs("</tbody></table>\n", r->f);
}

static void unknown_section(const rep *r)
{
	const tk_evaluation *e = r->e;
	if (!finding_open(r, "unknown", 3, T(r, "要調査（わからない）", "To investigate (unknown)"), e->n_unknown,
		T(r, "「わからない」とした対策要求はありません。", "No requirement is marked unknown."),
		T(r, "実態がわからない対策要求は達成レベル 1 として集計しています。調べて評価し直してください。",
		"Requirements whose state is unknown count as level 1; find out and rate them.")))
		return;
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th class=n>%s</th><th>%s</th></tr></thead><tbody>\n",
		T(r, "対策要求", "Requirement"), T(r, "目標", "Target"), T(r, "備考", "Note"));
	for (size_t i = 0; i < r->c->n_requirements; i++) {
		if (e->requirements[i].status != TK_ST_UNKNOWN)
			continue;
		fputs("<tr>", r->f);
		req_id_title(r, i);
		fprintf(r->f, "<td class=n>%d</td><td>", e->requirements[i].target);
		esc_lines(r, r->a->ratings[i].note);
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n", r->f);
}

static void balance_section(const rep *r)
{
	const tk_evaluation *e = r->e;
	const tk_catalog *c = r->c;
	finding_count(r, "balance", 4, T(r, "対策強度の不自然なばらつき", "Unnatural spread of strength"), e->n_imbalance);
	fprintf(r->f, "<p class=legend-note>");
	fprintf(r->f, T(r, "対策要求の達成レベルがドメインのレベルから %g 以上、またはドメインのレベルがシステムの"
		"レベルから %g 以上離れているものです。", "A requirement %g or more from its domain's level, or a domain "
		"%g or more from the system's level."), r->a->balance_requirement, r->a->balance_domain);
	fputs("</p>\n", r->f);
	if (!e->n_imbalance) {
		fprintf(r->f, "<p>%s</p>\n", T(r, "ばらつきはありません。", "No spread is flagged."));
		return;
	}
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th class=n>%s</th><th class=n>%s</th></tr></thead><tbody>\n",
		T(r, "対策要求・ドメイン", "Requirement or domain"), T(r, "レベル", "Level"), T(r, "比べた相手", "Compared with"));
	for (size_t i = 0; i < c->n_requirements; i++) {
		if (!e->requirements[i].imbalance)
			continue;
		fputs("<tr>", r->f);
		req_id_title(r, i);
		fprintf(r->f, "<td class=n>%d</td><td class=n>%s ", e->requirements[i].achieved, T(r, "ドメイン", "domain"));
		level(r, e->domains[c->requirements[i].domain].level);
		fputs("</td></tr>\n", r->f);
	}
	for (size_t d = 0; d < c->n_domains; d++) {
		if (!e->domains[d].imbalance)
			continue;
		fputs("<tr><td class=id>", r->f);
		esc(r, c->domains[d].id);
		fputs("</td><td>", r->f);
		esc(r, title(r, c->domains[d].title_ja, c->domains[d].title_en));
		fputs("</td><td class=n>", r->f);
		level(r, e->domains[d].level);
		fprintf(r->f, "</td><td class=n>%s ", T(r, "システム", "system"));
		level(r, e->system.level);
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n", r->f);
}

static void coverage_section(const rep *r)
{
	const tk_evaluation *e = r->e;
	size_t n = 0;
	for (size_t i = 0; i < r->c->n_requirements; i++)
		n += e->requirements[i].coverage >= 0;
	if (!finding_open(r, "coverage", 5, T(r, "網羅性（対策対象ごとの評価）", "Coverage (per asset)"), n,
		T(r, "対策対象（資産）ごとに評価した対策要求はありません。", "No requirement is rated per asset."),
		T(r, "目標レベル以上の対策対象の割合。★は重要な対策対象。",
		"The share of assets at or above the requirement's target. ★ marks an important asset.")))
		return;
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th class=n>%s</th><th class=n>%s</th><th>%s</th></tr>"
		"</thead><tbody>\n", T(r, "対策要求", "Requirement"), T(r, "目標", "Target"),
		T(r, "目標以上", "At target"), T(r, "対策対象（対策コア）", "Assets (core level)"));
	for (size_t i = 0; i < r->c->n_requirements; i++) {
		const tk_req_result *q = &e->requirements[i];
		if (q->coverage < 0)
			continue;
		const tk_rating *rt = &r->a->ratings[i];
		size_t ok = 0;
		for (size_t k = 0; k < rt->n_assets; k++)
			ok += rt->assets[k].core >= q->target;
		fprintf(r->f, "<tr%s>", ok < rt->n_assets ? " class=under" : "");
		req_id_title(r, i);
		fprintf(r->f, "<td class=n>%d</td><td class=n>%zu / %zu (%.0f%%)</td><td>", q->target, ok, rt->n_assets,
			floor(q->coverage * 100 + 0.5));
		/* The level first, so that the figures line up under each other. */
		for (size_t k = 0; k < rt->n_assets; k++) {
			fprintf(r->f, "%s<b>%d</b> %s", k ? "<br>" : "", rt->assets[k].core, rt->assets[k].important ? "★" : "");
			esc(r, rt->assets[k].name);
		}
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n", r->f);
}

/* Not applicable (with its reason) and not assessed, so that an auditor
 * sees what was left out of every figure. */
static void excluded_section(const rep *r)
{
	const tk_evaluation *e = r->e;
	char counts[64];
	snprintf(counts, sizeof(counts), "%zu / %zu", e->n_na, e->n_unassessed);
	finding_heading(r, "excluded", 6, T(r, "対象外・未評価", "Not applicable, not assessed"), counts);
	if (!e->n_na && !e->n_unassessed) {
		fprintf(r->f, "<p>%s</p>\n", T(r, "すべての対策要求を評価しています。", "Every requirement applies and is assessed."));
		return;
	}
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		T(r, "対策要求", "Requirement"), T(r, "状態", "Status"), T(r, "理由", "Reason"));
	for (size_t i = 0; i < r->c->n_requirements; i++) {
		tk_req_status st = e->requirements[i].status;
		if (st != TK_ST_NA && st != TK_ST_UNASSESSED)
			continue;
		fputs("<tr>", r->f);
		req_id_title(r, i);
		fputs("<td>", r->f);
		status_badge(r, st);
		fputs("</td><td>", r->f);
		esc_lines(r, st == TK_ST_NA ? r->a->ratings[i].na_reason : NULL);
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n", r->f);
}

static void assessment_findings(const rep *r)
{
	section_open(r, "findings", 3, T(r, "評価結果の要点", "Findings"));
	under_section(r);
	over_section(r);
	unknown_section(r);
	balance_section(r);
	coverage_section(r);
	excluded_section(r);
	fputs("</section>\n", r->f);
}

/* ---- the catalog's countermeasure points ---- */

static void items(const rep *r, const tk_item *it, size_t n)
{
	if (!n)
		return;
	fputs("<ul>", r->f);
	for (size_t k = 0; k < n; k++) {
		fputs("<li>", r->f);
		esc_lines(r, it[k].text_ja);
		items(r, it[k].items, it[k].n_items);
		fputs("</li>", r->f);
	}
	fputs("</ul>", r->f);
}

/* 対策のポイント as the catalog has them: numbered points, each with its
 * text and nested sub-items. */
static void points(const rep *r, const tk_requirement *q, const char *heading_ja, const char *heading_en)
{
	if (!q->n_points)
		return;
	fprintf(r->f, "<p class=points-title>%s</p>\n<ul class=points>\n", T(r, heading_ja, heading_en));
	for (size_t k = 0; k < q->n_points; k++) {
		const tk_point *p = &q->points[k];
		fputs("<li>", r->f);
		if (p->label) {
			fputs("<span class=plabel>", r->f);
			esc(r, p->label);
			fputs("</span>", r->f);
		}
		fputs("<b>", r->f);
		esc(r, p->title_ja);
		fputs("</b>", r->f);
		if (p->text_ja) {
			fputs("<br>", r->f);
			esc_lines(r, p->text_ja);
		}
		items(r, p->items, p->n_items);
		fputs("</li>\n", r->f);
	}
	fputs("</ul>\n", r->f);
}

/* ---- the assessment report: every requirement ---- */

static const char *answer_mark(tk_answer a)
{
	return a == TK_ANSWER_O ? "○" : a == TK_ANSWER_T ? "△" : "×";
}

static bool element_short(const tk_req_result *q, tk_element el)
{
	for (size_t k = 0; k < q->n_missing_target; k++)
		if (q->missing_target[k].element == el)
			return true;
	return false;
}

/* The core and the five peripheral ranks in one row; an element short of
 * the target is marked, a rank that was not given says so. */
static void ranks_table(const rep *r, size_t i)
{
	const tk_rating *rt = &r->a->ratings[i];
	const tk_req_result *q = &r->e->requirements[i];
	fprintf(r->f, "<table class=ranks><tr><th>%s</th>", tk_element_label(TK_EL_CORE, r->lang));
	for (int p = 0; p < TK_PERIPHERALS; p++)
		fprintf(r->f, "<th>%s</th>", tk_element_label((tk_element)p, r->lang));
	fprintf(r->f, "</tr>\n<tr><td%s>%d</td>", element_short(q, TK_EL_CORE) ? " class=short-el" : "", rt->core);
	for (int p = 0; p < TK_PERIPHERALS; p++) {
		fprintf(r->f, "<td%s>%s", element_short(q, (tk_element)p) ? " class=short-el" : "",
			tk_rank_name(rt->ranks[p]));
		if (!rt->rank_given[p])
			fprintf(r->f, " <span class=small>%s</span>", T(r, "（記入なし）", "(missing)"));
		fputs("</td>", r->f);
	}
	fputs("</tr>\n</table>\n", r->f);
}

/* The ○/△/× answers behind ranks derived from the criteria tables. */
static void answers_list(const rep *r, size_t i)
{
	const tk_rating *rt = &r->a->ratings[i];
	for (int p = 0; p < TK_PERIPHERALS; p++) {
		if (!rt->from_answers[p] || !rt->answers[p])
			continue;
		const tk_peripheral *per = &r->c->scoring.peripherals[p];
		fprintf(r->f, "<dt>%s%s</dt><dd>", tk_element_label((tk_element)p, r->lang),
			T(r, "（回答）", " (answers)"));
		for (size_t k = 0; k < per->n_columns; k++) {
			fputs(k ? T(r, "、", ", ") : "", r->f);
			esc(r, r->lang == TK_LANG_EN || !per->columns[k].title_ja ? per->columns[k].id : per->columns[k].title_ja);
			fprintf(r->f, " %s", answer_mark(rt->answers[p][k]));
		}
		fputs("</dd>\n", r->f);
	}
}

static void assets_list(const rep *r, size_t i)
{
	const tk_rating *rt = &r->a->ratings[i];
	if (!rt->n_assets)
		return;
	fprintf(r->f, "<dt>%s</dt><dd>", T(r, "対策対象", "Assets"));
	for (size_t k = 0; k < rt->n_assets; k++) {
		fprintf(r->f, "%s%s", k ? "<br>" : "", rt->assets[k].important ? "★" : "");
		esc(r, rt->assets[k].name);
		fprintf(r->f, " %s %d", tk_element_label(TK_EL_CORE, r->lang), rt->assets[k].core);
	}
	fputs("</dd>\n", r->f);
}

static void evidence_list(const rep *r, size_t i)
{
	const tk_rating *rt = &r->a->ratings[i];
	if (!rt->n_evidence)
		return;
	fprintf(r->f, "<dt>%s</dt><dd>", T(r, "証跡", "Evidence"));
	for (size_t k = 0; k < rt->n_evidence; k++) {
		const tk_evidence *ev = &rt->evidence[k];
		fputs(k ? "<br>" : "", r->f);
		esc(r, ev->title);
		if (ev->date || ev->ref) {
			fputs(" <span class=muted>(", r->f);
			esc(r, ev->date);
			fputs(ev->date && ev->ref ? ", " : "", r->f);
			esc(r, ev->ref);
			fputs(")</span>", r->f);
		}
	}
	fputs("</dd>\n", r->f);
}

/* "3　重要度 重要、表 4-4 からは 4" / "3 (importance important; 4 from
 * table 4-4)", then the reason for a moved target on a line of its own. */
static void target_line(const rep *r, size_t i)
{
	const tk_req_result *q = &r->e->requirements[i];
	fprintf(r->f, "<dt>%s</dt><dd>%d%s<span class=muted>%s%s %s", T(r, "目標", "Target"), q->target,
		T(r, "　", " "), T(r, "", "("), T(r, "重要度", "importance"), tk_importance_label(r->a->importance[i], r->lang));
	if (r->a->override_level[i])
		fprintf(r->f, T(r, "、表 4-4 からは %d", "; %d from table 4-4"), q->derived_target);
	fprintf(r->f, "%s</span>", T(r, "", ")"));
	if (r->a->override_level[i]) {
		fprintf(r->f, "<br>%s ", T(r, "調整の理由:", "Reason for the change:"));
		esc_lines(r, r->a->override_reason[i]);
	}
	fputs("</dd>\n", r->f);
}

static void rating_lines(const rep *r, size_t i)
{
	const tk_rating *rt = &r->a->ratings[i];
	const tk_req_result *q = &r->e->requirements[i];
	switch (rt->kind) {
	case TK_RATING_NA:
		fprintf(r->f, "<dt>%s</dt><dd>", T(r, "対象外の理由", "Why not applicable"));
		esc_lines(r, rt->na_reason);
		fputs("</dd>\n", r->f);
		return;
	case TK_RATING_UNKNOWN:
		fprintf(r->f, "<dt>%s</dt><dd>%s</dd>\n", T(r, "評価", "Rating"), T(r,
			"わからない（達成レベル 1 として集計。調べて評価し直してください）",
			"unknown (counted as level 1; find out and rate it)"));
		return;
	case TK_RATING_UNASSESSED:
		fprintf(r->f, "<dt>%s</dt><dd>%s</dd>\n", T(r, "評価", "Rating"), T(r, "未評価", "not assessed"));
		return;
	case TK_RATING_RATED:
		break;
	}
	fprintf(r->f, "<dt>%s</dt><dd>%d%s</dd>\n", T(r, "達成レベル", "Achieved level"), q->achieved,
		q->gap ? "" : T(r, "（目標どおり）", " (as targeted)"));
	if (q->n_missing_target) {
		fprintf(r->f, "<dt>%s</dt><dd>", T(r, "目標に足りないもの", "Missing for the target"));
		shortfalls(r, q->missing_target, q->n_missing_target);
		fputs("</dd>\n", r->f);
	}
	if (q->achieved < 5 && q->n_missing_next) {
		fprintf(r->f, "<dt>");
		fprintf(r->f, T(r, "レベル %d に足りないもの", "Missing for level %d"), q->achieved + 1);
		fputs("</dt><dd>", r->f);
		shortfalls(r, q->missing_next, q->n_missing_next);
		fputs("</dd>\n", r->f);
	}
	answers_list(r, i);
	assets_list(r, i);
}

static void requirement_card(const rep *r, size_t i)
{
	const tk_requirement *q = req(r, i);
	const tk_req_result *res = &r->e->requirements[i];
	const tk_rating *rt = &r->a->ratings[i];
	fprintf(r->f, "<article class=\"req %s\" id=\"r-", tk_req_status_name(res->status));
	esc(r, q->id);
	fputs("\">\n<div class=req-head><span class=rid>", r->f);
	esc(r, q->id);
	fputs("</span><h4>", r->f);
	esc(r, title(r, q->title_ja, q->title_en));
	fputs("</h4>", r->f);
	status_badge(r, res->status);
	fputs("</div>\n", r->f);
	if (r->lang == TK_LANG_EN) {
		fputs("<p class=req-ja lang=ja>", r->f);
		esc(r, q->title_ja);
		fputs("</p>\n", r->f);
	}
	if (rt->kind == TK_RATING_RATED)
		ranks_table(r, i);
	fputs("<dl class=kv>\n", r->f);
	target_line(r, i);
	rating_lines(r, i);
	evidence_list(r, i);
	if (rt->note) {
		fprintf(r->f, "<dt>%s</dt><dd>", T(r, "備考", "Note"));
		esc_lines(r, rt->note);
		fputs("</dd>\n", r->f);
	}
	fputs("</dl>\n", r->f);
	points(r, q, "対策のポイント", "Countermeasure points (対策のポイント)");
	fputs("</article>\n", r->f);
}

static void domain_heading(const rep *r, size_t d, bool with_levels)
{
	const tk_domain *dom = &r->c->domains[d];
	fputs("<h3 id=\"d-", r->f);
	esc(r, dom->id);
	fputs("\">", r->f);
	esc(r, dom->id);
	fputs(" ", r->f);
	esc(r, title(r, dom->title_ja, dom->title_en));
	if (with_levels) {
		const tk_aggregate *g = &r->e->domains[d];
		fprintf(r->f, " <span class=\"muted small\">%s ", T(r, "達成", "achieved"));
		agg_level(r, g, false);
		fprintf(r->f, " / %s ", T(r, "目標", "target"));
		agg_level(r, g, true);
		fputs("</span>", r->f);
	}
	fputs("</h3>\n", r->f);
}

static void assessment_details(const rep *r)
{
	section_open(r, "requirements", 4, T(r, "対策要求ごとの評価", "Every requirement"));
	fprintf(r->f, "<p class=legend-note>%s</p>\n", T(r,
		"対策要求ごとに、評価（対策コアと周辺要素のランク）、目標、証跡、備考と、カタログの対策のポイントを示します。"
		"目標に足りない要素は赤で示しています。",
		"For each requirement: its rating (the core and the peripheral ranks), target, evidence and note, "
		"and the catalog's countermeasure points (in the catalog's Japanese). Elements short of the target "
		"are shown in red."));
	for (size_t d = 0; d < r->c->n_domains; d++) {
		const tk_domain *dom = &r->c->domains[d];
		domain_heading(r, d, true);
		for (uint32_t k = 0; k < dom->n_requirements; k++)
			requirement_card(r, dom->first_requirement + k);
	}
	fputs("</section>\n", r->f);
}

static tk_status write_assessment(const rep *r, tk_error *err)
{
	cover(r, false);
	static const char *const ids[] = { "summary", "charts", "findings", "requirements" };
	const char *names[] = { T(r, "概要", "Summary"), T(r, "対策ドメインのレベル", "Domain levels"),
		T(r, "評価結果の要点", "Findings"), T(r, "対策要求ごとの評価", "Every requirement") };
	toc(r, ids, names, 4);
	assessment_summary(r);
	tk_status st = assessment_charts(r, err);
	if (st)
		return st;
	assessment_findings(r);
	assessment_details(r);
	return TK_OK;
}

/* ---- the security measures plan (§5.2.1.5) ---- */

static const tk_level_text *system_level_text(const rep *r, int lvl)
{
	const tk_scoring *s = &r->c->scoring;
	for (size_t k = 0; k < s->n_system_levels; k++)
		if (s->system_levels[k].level == lvl)
			return &s->system_levels[k];
	return NULL;
}

static void plan_system(const rep *r)
{
	const tk_assessment *a = r->a;
	section_open(r, "system", 1, T(r, "対象システムと目標レベル", "The system and its target level"));
	fprintf(r->f, "<dl class=kv>\n<dt>%s</dt><dd><b>%d</b></dd>\n", T(r, "システムの目標レベル", "System target level"),
		a->level);
	const tk_level_text *lt = system_level_text(r, a->level);
	if (lt && lt->a_ja) {
		fprintf(r->f, "<dt>%s</dt><dd>", T(r, "レベルの考え方（表 4-2）", "What the level means (table 4-2)"));
		esc_lines(r, lt->a_ja);
		fputs("</dd>\n", r->f);
	}
	if (lt && lt->b_ja) {
		fprintf(r->f, "<dt>%s</dt><dd>", T(r, "想定するシステム（表 4-2）", "Systems it is meant for (table 4-2)"));
		esc_lines(r, lt->b_ja);
		fputs("</dd>\n", r->f);
	}
	fprintf(r->f, "<dt>%s</dt><dd>", T(r, "このレベルを選んだ理由", "Why this level"));
	if (a->level_reason)
		esc_lines(r, a->level_reason);
	else
		fprintf(r->f, "<span class=muted>%s</span>", T(r, "（評価シートの system.reason に記入がありません）",
			"(the assessment gives no system.reason)"));
	fputs("</dd>\n</dl>\n", r->f);
	if (r->lang == TK_LANG_EN)
		fprintf(r->f, "<p class=legend-note>%s</p>\n", "Table 4-2 is quoted in the catalog's Japanese.");
	fputs("</section>\n", r->f);
}

static void plan_overview(const rep *r)
{
	const tk_assessment *a = r->a;
	size_t by_imp[4] = { 0 }, up = 0, down = 0;
	for (size_t i = 0; i < r->c->n_requirements; i++) {
		by_imp[a->importance[i]]++;
		if (a->override_level[i] > r->e->requirements[i].derived_target)
			up++;
		else if (a->override_level[i])
			down++;
	}
	fprintf(r->f, "<table class=meta><thead><tr><th>%s</th><th class=n>%s</th><th class=n>%s</th></tr></thead><tbody>\n",
		T(r, "重要度", "Importance"), T(r, "対策要求", "Requirements"), T(r, "目標（表 4-4）", "Target (table 4-4)"));
	for (int k = TK_IMP_CRITICAL; k <= TK_IMP_LOW; k++)
		fprintf(r->f, "<tr><td>%s</td><td class=n>%zu</td><td class=n>%d</td></tr>\n",
			tk_importance_label((tk_importance)k, r->lang), by_imp[k], r->c->scoring.targets[a->level][k]);
	fputs("</tbody></table>\n<p>", r->f);
	fprintf(r->f, T(r, "目標を個別に調整した対策要求: 引き上げ %zu 件、引き下げ %zu 件。",
		"Targets moved for single requirements: %zu raised, %zu lowered."), up, down);
	fputs("</p>\n", r->f);
}

static void plan_targets(const rep *r)
{
	const tk_catalog *c = r->c;
	section_open(r, "targets", 2, T(r, "対策要求ごとの目標", "The target of each requirement"));
	plan_overview(r);
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th><th class=n>%s</th><th class=n>%s</th>"
		"<th>%s</th></tr></thead><tbody>\n", T(r, "対策要求", "Requirement"), T(r, "重要度", "Importance"),
		T(r, "表 4-4", "Table 4-4"), T(r, "目標", "Target"), T(r, "調整の理由", "Reason for the change"));
	for (size_t d = 0; d < c->n_domains; d++) {
		const tk_domain *dom = &c->domains[d];
		fputs("<tr><th colspan=6>", r->f);
		esc(r, dom->id);
		fputs(" ", r->f);
		esc(r, title(r, dom->title_ja, dom->title_en));
		fputs("</th></tr>\n", r->f);
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t i = dom->first_requirement + k;
			const tk_req_result *q = &r->e->requirements[i];
			fputs("<tr>", r->f);
			req_id_title(r, i);
			fprintf(r->f, "<td>%s</td><td class=n>%d</td><td class=n><b>%d</b></td><td>",
				tk_importance_label(r->a->importance[i], r->lang), q->derived_target, q->target);
			esc_lines(r, r->a->override_reason[i]);
			fputs("</td></tr>\n", r->f);
		}
	}
	fputs("</tbody></table>\n</section>\n", r->f);
}

static void plan_measures(const rep *r)
{
	const tk_catalog *c = r->c;
	section_open(r, "measures", 3, T(r, "計画する対策", "Planned measures"));
	fprintf(r->f, "<p class=legend-note>%s</p>\n", T(r,
		"対策要求ごとに、目標レベルと、実施する対策（カタログの対策のポイント）を示します。",
		"For each requirement: its target level and the measures to carry out (the catalog's countermeasure "
		"points, in the catalog's Japanese)."));
	for (size_t d = 0; d < c->n_domains; d++) {
		const tk_domain *dom = &c->domains[d];
		domain_heading(r, d, false);
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			size_t i = dom->first_requirement + k;
			const tk_requirement *q = req(r, i);
			fputs("<article class=req id=\"r-", r->f);
			esc(r, q->id);
			fputs("\">\n<div class=req-head><span class=rid>", r->f);
			esc(r, q->id);
			fputs("</span><h4>", r->f);
			esc(r, title(r, q->title_ja, q->title_en));
			fputs("</h4></div>\n", r->f);
			if (r->lang == TK_LANG_EN) {
				fputs("<p class=req-ja lang=ja>", r->f);
				esc(r, q->title_ja);
				fputs("</p>\n", r->f);
			}
			fputs("<dl class=kv>\n", r->f);
			target_line(r, i);
			if (r->e->requirements[i].status == TK_ST_NA) {
				fprintf(r->f, "<dt>%s</dt><dd>", T(r, "対象外の理由", "Why not applicable"));
				esc_lines(r, r->a->ratings[i].na_reason);
				fputs("</dd>\n", r->f);
			}
			fputs("</dl>\n", r->f);
			points(r, q, "計画する対策（対策のポイント）", "Planned measures (対策のポイント)");
			fputs("</article>\n", r->f);
		}
	}
	fputs("</section>\n", r->f);
}

static tk_status write_plan(const rep *r)
{
	cover(r, true);
	static const char *const ids[] = { "system", "targets", "measures" };
	const char *names[] = { T(r, "対象システムと目標レベル", "The system and its target level"),
		T(r, "対策要求ごとの目標", "The target of each requirement"), T(r, "計画する対策", "Planned measures") };
	toc(r, ids, names, 3);
	plan_system(r);
	plan_targets(r);
	plan_measures(r);
	return TK_OK;
}

/* ---- the improvement plan (§5.3.4.6) ---- */

const char *tk_cause_label(tk_cause c, tk_lang lang)
{
	static const char *en[] = { "", "planning", "deployment", "management", "capability" };
	if ((unsigned)c > TK_CAUSE_CAPABILITY)
		return "";
	return lang == TK_LANG_EN ? en[c] : tk_cause_name_ja(c);
}

/* Below target by the numbers: under-measures, and unknowns (counted as
 * level 1, which is below every target). */
static bool below_target(const tk_req_result *q)
{
	return q->status == TK_ST_UNDER || q->status == TK_ST_UNKNOWN;
}

static bool has_entry(const tk_assessment *a, size_t i)
{
	for (size_t k = 0; k < a->n_improvements; k++)
		if (a->improvements[k].requirement == i)
			return true;
	return false;
}

static size_t count_gaps(const rep *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->c->n_requirements; i++)
		n += below_target(&r->e->requirements[i]) && !has_entry(r->a, i);
	return n;
}

static void achieved_cell(const rep *r, const tk_req_result *q)
{
	if (q->counted)
		fprintf(r->f, "<td class=n>%d / %d</td>", q->achieved, q->target);
	else
		fprintf(r->f, "<td class=n>- / %d</td>", q->target);
}

static void improvement_summary(const rep *r)
{
	const tk_assessment *a = r->a;
	const tk_evaluation *e = r->e;
	section_open(r, "summary", 1, T(r, "概要", "Summary"));
	size_t below = 0;
	for (size_t i = 0; i < r->c->n_requirements; i++)
		below += below_target(&e->requirements[i]);
	size_t gaps = count_gaps(r);
	fputs("<div class=figures>\n", r->f);
	figure_box(r, agg_under(&e->system) ? "under" : e->system.counted ? "ok" : "",
		T(r, "達成レベル / 目標", "Achieved / target"));
	agg_level(r, &e->system, false);
	fprintf(r->f, " / %d</div></div>\n", a->level);
	figure_box(r, below ? "under" : "ok", T(r, "目標に届かない対策要求", "Requirements below target"));
	fprintf(r->f, "%zu</div></div>\n", below);
	figure_box(r, "", T(r, "改善計画の項目", "Plan entries"));
	fprintf(r->f, "%zu</div></div>\n", a->n_improvements);
	figure_box(r, gaps ? "under" : "ok", T(r, "計画のない目標未達", "Below target, no plan"));
	fprintf(r->f, "%zu</div></div>\n</div>\n", gaps);
	incomplete_note(r);
	size_t by_cause[5] = { 0 };
	for (size_t k = 0; k < a->n_improvements; k++)
		by_cause[(unsigned)a->improvements[k].cause < 5 ? a->improvements[k].cause : 0]++;
	fprintf(r->f, "<h3>%s</h3>\n<table class=meta><thead><tr><th>%s</th><th class=n>%s</th></tr></thead><tbody>\n",
		T(r, "原因の分類（§5.3.4.5）", "Causes (§5.3.4.5)"), T(r, "原因", "Cause"), T(r, "項目", "Entries"));
	for (int c = TK_CAUSE_PLANNING; c <= TK_CAUSE_CAPABILITY; c++)
		fprintf(r->f, "<tr><td>%s</td><td class=n>%zu</td></tr>\n", tk_cause_label((tk_cause)c, r->lang), by_cause[c]);
	if (by_cause[TK_CAUSE_NONE])
		fprintf(r->f, "<tr><td class=muted>%s</td><td class=n>%zu</td></tr>\n", T(r, "（記入なし）", "(not given)"),
			by_cause[TK_CAUSE_NONE]);
	fputs("</tbody></table>\n</section>\n", r->f);
}

static void entry_field(const rep *r, const char *ja, const char *en, const char *value)
{
	fprintf(r->f, "<dt>%s</dt><dd>", T(r, ja, en));
	if (value && *value)
		esc_lines(r, value);
	else
		fprintf(r->f, "<span class=muted>%s</span>", T(r, "（記入なし）", "(not given)"));
	fputs("</dd>\n", r->f);
}

static void improvement_entries(const rep *r)
{
	const tk_assessment *a = r->a;
	section_open(r, "plan", 2, T(r, "改善実施計画", "The improvement plan"));
	if (!a->n_improvements) {
		fprintf(r->f, "<p>%s</p>\n</section>\n", T(r, "評価シートに改善計画（improvements）がありません。",
			"The assessment has no improvement plan (improvements)."));
		return;
	}
	fprintf(r->f, "<table><thead><tr><th class=n>No.</th><th>ID</th><th>%s</th><th class=n>%s</th><th>%s</th>"
		"<th>%s</th><th>%s</th></tr></thead><tbody>\n", T(r, "対策要求", "Requirement"),
		T(r, "達成 / 目標", "Achieved / target"), T(r, "原因", "Cause"), T(r, "実施時期", "Due"),
		T(r, "実施責任者", "Owner"));
	for (size_t k = 0; k < a->n_improvements; k++) {
		const tk_improvement *im = &a->improvements[k];
		fprintf(r->f, "<tr><td class=n><a href=\"#imp-%zu\">%zu</a></td>", k + 1, k + 1);
		req_id_title(r, im->requirement);
		achieved_cell(r, &r->e->requirements[im->requirement]);
		fprintf(r->f, "<td class=nw>%s</td><td class=id>", tk_cause_label(im->cause, r->lang));
		esc(r, im->due);
		fputs("</td><td class=owner>", r->f);
		esc(r, im->owner);
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n", r->f);
	for (size_t k = 0; k < a->n_improvements; k++) {
		const tk_improvement *im = &a->improvements[k];
		const tk_requirement *q = req(r, im->requirement);
		const tk_req_result *res = &r->e->requirements[im->requirement];
		fprintf(r->f, "<div class=entry id=\"imp-%zu\">\n<div class=req-head><span class=rid>%zu.</span><span class=rid>",
			k + 1, k + 1);
		esc(r, q->id);
		fputs("</span><h4>", r->f);
		esc(r, title(r, q->title_ja, q->title_en));
		fputs("</h4>", r->f);
		status_badge(r, res->status);
		fputs("</div>\n<dl class=kv>\n", r->f);
		fprintf(r->f, "<dt>%s</dt><dd>", T(r, "現状", "Now"));
		if (res->counted)
			fprintf(r->f, T(r, "達成 %d / 目標 %d", "achieved %d / target %d"), res->achieved, res->target);
		else
			fprintf(r->f, T(r, "%s / 目標 %d", "%s / target %d"), tk_req_status_label(res->status, r->lang), res->target);
		if (res->n_missing_target) {
			fprintf(r->f, "　%s ", T(r, "足りないもの:", "missing:"));
			shortfalls(r, res->missing_target, res->n_missing_target);
		}
		fputs("</dd>\n", r->f);
		entry_field(r, "原因", "Cause", tk_cause_label(im->cause, r->lang));
		entry_field(r, "改善の狙い", "Aim", im->aim);
		entry_field(r, "具体的改善内容", "Content", im->content);
		entry_field(r, "対策現場への展開手順", "Deployment steps", im->steps);
		entry_field(r, "実施時期", "Due", im->due);
		entry_field(r, "実施責任者", "Owner", im->owner);
		fputs("</dl>\n</div>\n", r->f);
	}
	fputs("</section>\n", r->f);
}

/* The requirements still below target with no entry in the plan: the plan
 * is not finished until each has one (or a decision not to act). */
static void improvement_gaps(const rep *r)
{
	const tk_evaluation *e = r->e;
	size_t gaps = count_gaps(r);
	section_open(r, "gaps", 3, T(r, "計画のない目標未達", "Below target with no plan entry"));
	if (!gaps) {
		fprintf(r->f, "<p>%s</p>\n</section>\n", T(r, "目標に届かない対策要求には、すべて改善計画があります。",
			"Every requirement below its target has an entry in the plan."));
		return;
	}
	fprintf(r->f, "<p>%s</p>\n", T(r,
		"次の対策要求は目標に届いていませんが、改善計画に項目がありません。計画に加えるか、"
		"加えない理由を記録してください。",
		"These requirements are below their targets but have no entry in the plan: add one, or record why not."));
	fprintf(r->f, "<table><thead><tr><th>ID</th><th>%s</th><th>%s</th><th class=n>%s</th><th>%s</th></tr></thead>"
		"<tbody>\n", T(r, "対策要求", "Requirement"), T(r, "状態", "Status"), T(r, "達成 / 目標", "Achieved / target"),
		T(r, "目標に足りないもの", "Missing for the target"));
	for (size_t i = 0; i < r->c->n_requirements; i++) {
		const tk_req_result *q = &e->requirements[i];
		if (!below_target(q) || has_entry(r->a, i))
			continue;
		fputs("<tr>", r->f);
		req_id_title(r, i);
		fputs("<td>", r->f);
		status_badge(r, q->status);
		fputs("</td>", r->f);
		achieved_cell(r, q);
		fputs("<td>", r->f);
		if (q->status == TK_ST_UNKNOWN)
			fputs(T(r, "実態の調査", "find out the actual state"), r->f);
		shortfalls(r, q->missing_target, q->n_missing_target);
		fputs("</td></tr>\n", r->f);
	}
	fputs("</tbody></table>\n</section>\n", r->f);
}

static tk_status write_improvement(const rep *r)
{
	cover(r, true);
	static const char *const ids[] = { "summary", "plan", "gaps" };
	const char *names[] = { T(r, "概要", "Summary"), T(r, "改善実施計画", "The improvement plan"),
		T(r, "計画のない目標未達", "Below target with no plan entry") };
	toc(r, ids, names, 3);
	improvement_summary(r);
	improvement_entries(r);
	improvement_gaps(r);
	return TK_OK;
}

/* ---- entry points ---- */

bool tk_report_kind_parse(const char *name, tk_report_kind *out)
{
	static const char *const names[] = { "assessment", "plan", "improvement" };
	for (int k = 0; k < 3; k++)
		if (name && strcmp(name, names[k]) == 0) {
			*out = (tk_report_kind)k;
			return true;
		}
	return false;
}

tk_status tk_report_write_html(const tk_evaluation *e, tk_report_kind kind, tk_lang lang, FILE *f, tk_error *err)
{
	rep r = { f, lang, kind, e, e->assessment, e->assessment->catalog };
	if (!r.c->has_scoring)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
			"カタログ %s には強度レベルの評価モデルがなく、報告書を作れません",
			"catalog %s has no strength scoring model; no report can be made", r.c->id);
	page_open(&r);
	tk_status st;
	switch (kind) {
	case TK_REPORT_PLAN: st = write_plan(&r); break;
	case TK_REPORT_IMPROVEMENT: st = write_improvement(&r); break;
	default: st = write_assessment(&r, err); break;
	}
	if (st)
		return st;
	fputs("</body>\n</html>\n", f);
	if (ferror(f))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "出力できません", "cannot write the output");
	return TK_OK;
}
