/* Compliance of a compliance assessment (MODEL.md §8): per section, per
 * view and overall, and the open items. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/compliance.h"
#include "taisaku/report.h"

bool tk_item_status_open(tk_item_status st)
{
	return st == TK_CS_PARTIAL || st == TK_CS_NOT_IMPLEMENTED || st == TK_CS_UNKNOWN ||
	       st == TK_CS_UNASSESSED;
}

void tk_compliance_tally_add(tk_compliance_tally *t, tk_item_status st)
{
	t->n[st]++;
	t->total++;
	if (st != TK_CS_NA)
		t->applicable++;
	/* Unknown and unassessed stay in the denominator as not achieved:
	 * what is not known to be done is not counted as done. */
	t->compliance = t->applicable
		? ((double)t->n[TK_CS_IMPLEMENTED] + 0.5 * (double)t->n[TK_CS_PARTIAL]) / (double)t->applicable
		: NAN;
}

tk_status tk_compliance_evaluate(const tk_compliance *c, tk_compliance_result **out, tk_error *err)
{
	const tk_catalog *cat = c->catalog;
	tk_compliance_result *r = calloc(1, sizeof(*r));
	if (r) {
		r->sections = calloc(cat->n_domains ? cat->n_domains : 1, sizeof(*r->sections));
		r->views = calloc(cat->n_views ? cat->n_views : 1, sizeof(*r->views));
		r->open = calloc(cat->n_requirements ? cat->n_requirements : 1, sizeof(*r->open));
	}
	if (!r || !r->sections || !r->views || !r->open) {
		tk_compliance_result_free(r);
		*out = NULL;
		return tk_error_set(err, TK_ENOMEM, c->path, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	r->assessment = c;
	r->overall.compliance = NAN;
	for (size_t d = 0; d < cat->n_domains; d++)
		r->sections[d].compliance = NAN;
	for (size_t v = 0; v < cat->n_views; v++)
		r->views[v].compliance = NAN;
	for (size_t i = 0; i < cat->n_requirements; i++) {
		tk_item_status st = c->items[i].status;
		const tk_domain *dom = &cat->domains[cat->requirements[i].domain];
		tk_compliance_tally_add(&r->sections[cat->requirements[i].domain], st);
		tk_compliance_tally_add(&r->views[dom->view], st);
		tk_compliance_tally_add(&r->overall, st);
		if (tk_item_status_open(st))
			r->open[r->n_open++] = (uint32_t)i;
	}
	*out = r;
	return TK_OK;
}

void tk_compliance_result_free(tk_compliance_result *r)
{
	if (!r)
		return;
	free(r->sections);
	free(r->views);
	free(r->open);
	free(r);
}

int tk_compliance_exit_code(const tk_compliance_result *r)
{
	return r->n_open ? 2 : 0;
}

const char *tk_item_status_label(tk_item_status st, tk_lang lang)
{
	static const char *const ja[] = { "未評価", "実施済み", "一部実施", "未実施", "対象外", "不明" };
	static const char *const en[] = { "unassessed", "implemented", "partial", "not implemented",
		"not applicable", "unknown" };
	if ((unsigned)st >= TK_CS_COUNT)
		st = TK_CS_UNASSESSED;
	return lang == TK_LANG_EN ? en[st] : ja[st];
}

const char *tk_compliance_percent(double compliance, char *buf, size_t size)
{
	if (isnan(compliance))
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.1f%%", tk_round1(compliance * 100));
	return buf;
}
