/* The officer's console summary of an evaluation, in Japanese or English.
 * Numbers come first on each line so that columns line up whatever the
 * width of the Japanese titles after them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/report.h"

const char *tk_element_label(tk_element el, tk_lang lang)
{
	static const char *ja[] = { "検討のレベル", "プロセスの確立", "実行管理", "見直し", "文書化", "対策コア" };
	static const char *en[] = { "study", "process", "management", "review", "documentation", "core" };
	if ((unsigned)el > TK_EL_CORE)
		return "?";
	return lang == TK_LANG_EN ? en[el] : ja[el];
}

const char *tk_req_status_label(tk_req_status st, tk_lang lang)
{
	static const char *ja[] = { "未評価", "目標達成", "改善が必要", "過対策", "要調査", "対象外" };
	static const char *en[] = { "not assessed", "met", "under target", "over target", "unknown", "n/a" };
	if ((unsigned)st > TK_ST_NA)
		return "?";
	return lang == TK_LANG_EN ? en[st] : ja[st];
}

const char *tk_importance_label(tk_importance imp, tk_lang lang)
{
	/* The words of table 4-4 (特に重要な対策要求, リスクが特に低い...). */
	static const char *ja[] = { "特に重要", "重要", "一般", "リスクが特に低い" };
	static const char *en[] = { "critical", "important", "general", "low risk" };
	if ((unsigned)imp > TK_IMP_LOW)
		return "?";
	return lang == TK_LANG_EN ? en[imp] : ja[imp];
}

double tk_round1(double x)
{
	return floor(x * 10 + 0.5 + 1e-9) / 10;
}

void tk_shortfall_text(const tk_shortfall *s, char *buf, size_t size)
{
	if (s->element == TK_EL_CORE)
		snprintf(buf, size, "%d→%d", s->have, s->need);
	else
		snprintf(buf, size, "%s→%s", tk_rank_name((tk_rank)s->have), tk_rank_name((tk_rank)s->need));
}

static int cmp_under(const void *x, const void *y, void *ctx)
{
	const tk_evaluation *e = ctx;
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	const tk_req_result *a = &e->requirements[i], *b = &e->requirements[j];
	if (a->gap != b->gap)
		return a->gap - b->gap;
	double wa = e->assessment->requirement_weight[i], wb = e->assessment->requirement_weight[j];
	if (wa != wb)
		return wa > wb ? -1 : 1;
	return i < j ? -1 : 1;
}

size_t *tk_evaluation_under_ranked(const tk_evaluation *e)
{
	size_t n = 0, *v = malloc((e->n_under ? e->n_under : 1) * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < e->assessment->catalog->n_requirements; i++)
		if (e->requirements[i].status == TK_ST_UNDER)
			v[n++] = i;
	qsort_r(v, n, sizeof(*v), cmp_under, (void *)e);
	return v;
}

typedef struct text {
	FILE *f;
	tk_lang lang;
} text;

static const char *T(const text *t, const char *ja, const char *en)
{
	return t->lang == TK_LANG_EN ? en : ja;
}

static const char *title(const text *t, const char *ja, const char *en)
{
	return t->lang == TK_LANG_EN && en ? en : ja;
}

static void shortfalls(const text *t, const tk_shortfall *s, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char buf[32];
		tk_shortfall_text(&s[k], buf, sizeof(buf));
		fprintf(t->f, "%s%s %s", k ? ", " : "", tk_element_label(s[k].element, t->lang), buf);
	}
}

static void header(const text *t, const tk_evaluation *e)
{
	const tk_assessment *a = e->assessment;
	const tk_catalog *c = a->catalog;
	fprintf(t->f, "%s%s%s%s\n", a->system_name, a->organization ? T(t, "（", " (") : "",
		a->organization ? a->organization : "", a->organization ? T(t, "）", ")") : "");
	fprintf(t->f, "%s: %s (%s)", T(t, "カタログ", "catalog"), title(t, c->title_ja, c->title_en), c->id);
	if (a->date)
		fprintf(t->f, "  %s: %s", T(t, "評価日", "assessed"), a->date);
	if (a->assessor)
		fprintf(t->f, "  %s: %s", T(t, "評価者", "by"), a->assessor);
	fputc('\n', t->f);
	if (e->system.counted)
		fprintf(t->f, "%s %d%s%s %.1f%s  %s %.1f\n", T(t, "目標レベル", "target level"), a->level,
			T(t, "（", " ("), T(t, "対策要求ごとの目標の平均", "mean of requirement targets"),
			tk_round1(e->system.target), T(t, "）", ")"),
			T(t, "達成レベル", "achieved level"), tk_round1(e->system.level));
	else
		fprintf(t->f, "%s %d  %s\n", T(t, "目標レベル", "target level"), a->level,
			T(t, "達成レベル: 評価済みの対策要求がありません", "achieved level: nothing rated yet"));
	fprintf(t->f, "%s %zu: %s %zu / %s %zu / %s %zu / %s %zu / %s %zu / %s %zu\n",
		T(t, "対策要求", "requirements"), c->n_requirements,
		T(t, "目標達成", "met"), e->n_met, T(t, "改善が必要", "under"), e->n_under,
		T(t, "過対策", "over"), e->n_over, T(t, "要調査", "unknown"), e->n_unknown,
		T(t, "対象外", "n/a"), e->n_na, T(t, "未評価", "unassessed"), e->n_unassessed);
	if (!e->complete)
		fprintf(t->f, "%s\n", T(t, "※ 未評価の対策要求があり、評価は完了していません。",
			"Note: some requirements are not assessed; the evaluation is incomplete."));
}

static void aggregates(const text *t, const tk_evaluation *e)
{
	const tk_catalog *c = e->assessment->catalog;
	fprintf(t->f, "\n%s\n", T(t, "ビュー（達成 / 目標）", "Views (achieved / target)"));
	for (size_t v = 0; v < c->n_views; v++) {
		const tk_aggregate *g = &e->views[v];
		if (g->counted)
			fprintf(t->f, "  %.1f / %.1f  ", tk_round1(g->level), tk_round1(g->target));
		else
			fprintf(t->f, "   -  /  -   ");
		fprintf(t->f, "%s %s\n", c->views[v].id, title(t, c->views[v].title_ja, c->views[v].title_en));
	}
	fprintf(t->f, "\n%s\n", T(t, "対策ドメイン（達成 / 目標）", "Domains (achieved / target)"));
	for (size_t d = 0; d < c->n_domains; d++) {
		const tk_aggregate *g = &e->domains[d];
		if (g->counted)
			fprintf(t->f, "  %.1f / %.1f %s%s ", tk_round1(g->level), tk_round1(g->target),
				g->level + 1e-9 < g->target ? "▼" : " ", g->imbalance ? "!" : " ");
		else
			fprintf(t->f, "   -  /  -     ");
		fprintf(t->f, "%s %s\n", c->domains[d].id, title(t, c->domains[d].title_ja, c->domains[d].title_en));
	}
}

static void requirement_line(const text *t, const tk_evaluation *e, size_t i)
{
	const tk_requirement *q = &e->assessment->catalog->requirements[i];
	fprintf(t->f, "  %s %s\n", q->id, title(t, q->title_ja, q->title_en));
}

static void under_list(const text *t, const tk_evaluation *e)
{
	if (!e->n_under)
		return;
	fprintf(t->f, "\n%s: %zu\n", T(t, "改善が必要な対策要求（不足の大きい順）",
		"Under-measures (largest shortfall first)"), e->n_under);
	size_t *order = tk_evaluation_under_ranked(e);
	for (size_t k = 0; order && k < e->n_under; k++) {
		size_t i = order[k];
		const tk_req_result *r = &e->requirements[i];
		requirement_line(t, e, i);
		fprintf(t->f, "      %s %d / %s %d  %s: ", T(t, "達成", "achieved"), r->achieved,
			T(t, "目標", "target"), r->target, T(t, "不足", "missing"));
		shortfalls(t, r->missing_target, r->n_missing_target);
		fputc('\n', t->f);
	}
	free(order);
}

static void status_list(const text *t, const tk_evaluation *e, tk_req_status st, size_t n,
	const char *ja, const char *en)
{
	if (!n)
		return;
	fprintf(t->f, "\n%s: %zu\n", T(t, ja, en), n);
	const tk_catalog *c = e->assessment->catalog;
	for (size_t i = 0; i < c->n_requirements; i++) {
		const tk_req_result *r = &e->requirements[i];
		if (r->status != st)
			continue;
		requirement_line(t, e, i);
		if (st == TK_ST_OVER)
			fprintf(t->f, "      %s %d / %s %d\n", T(t, "達成", "achieved"), r->achieved,
				T(t, "目標", "target"), r->target);
		else if (st == TK_ST_NA)
			fprintf(t->f, "      %s\n", e->assessment->ratings[i].na_reason);
		else if (st == TK_ST_UNKNOWN && e->assessment->ratings[i].note)
			fprintf(t->f, "      %s\n", e->assessment->ratings[i].note);
	}
}

/* The improvement plan (§5.3.4.6) as the assessment gives it. */
static void improvement_list(const text *t, const tk_evaluation *e)
{
	const tk_assessment *a = e->assessment;
	if (!a->n_improvements)
		return;
	fprintf(t->f, "\n%s: %zu\n", T(t, "改善計画", "Improvement plan"), a->n_improvements);
	for (size_t k = 0; k < a->n_improvements; k++) {
		const tk_improvement *im = &a->improvements[k];
		requirement_line(t, e, im->requirement);
		fprintf(t->f, "      %s", im->aim);
		if (im->due)
			fprintf(t->f, T(t, "（期限 %s）", " (due %s)"), im->due);
		if (im->owner)
			fprintf(t->f, T(t, "（担当 %s）", " (owner %s)"), im->owner);
		fputc('\n', t->f);
	}
}

static void imbalance_list(const text *t, const tk_evaluation *e)
{
	if (!e->n_imbalance)
		return;
	const tk_catalog *c = e->assessment->catalog;
	fprintf(t->f, "\n%s: %zu\n", T(t, "対策強度の不自然なばらつき", "Unnatural spread of strength"), e->n_imbalance);
	for (size_t i = 0; i < c->n_requirements; i++) {
		if (!e->requirements[i].imbalance)
			continue;
		requirement_line(t, e, i);
		fprintf(t->f, "      %s %d / %s %.1f\n", T(t, "達成", "achieved"), e->requirements[i].achieved,
			T(t, "ドメイン", "domain"), tk_round1(e->domains[c->requirements[i].domain].level));
	}
	for (size_t d = 0; d < c->n_domains; d++)
		if (e->domains[d].imbalance)
			fprintf(t->f, "  %s %s\n      %s %.1f / %s %.1f\n", c->domains[d].id,
				title(t, c->domains[d].title_ja, c->domains[d].title_en), T(t, "ドメイン", "domain"),
				tk_round1(e->domains[d].level), T(t, "システム", "system"), tk_round1(e->system.level));
}

tk_status tk_evaluation_write_text(const tk_evaluation *e, tk_lang lang, FILE *out, tk_error *err)
{
	text t = { out, lang };
	header(&t, e);
	aggregates(&t, e);
	under_list(&t, e);
	status_list(&t, e, TK_ST_UNKNOWN, e->n_unknown, "要調査（わからない）", "To investigate (unknown)");
	status_list(&t, e, TK_ST_OVER, e->n_over, "過対策の可能性（必要性を確認してください）",
		"Possible over-measures (check that they are needed)");
	imbalance_list(&t, e);
	improvement_list(&t, e);
	status_list(&t, e, TK_ST_NA, e->n_na, "対象外", "Not applicable");
	status_list(&t, e, TK_ST_UNASSESSED, e->n_unassessed, "未評価", "Not assessed");
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "出力できません", "cannot write the output");
	return TK_OK;
}
