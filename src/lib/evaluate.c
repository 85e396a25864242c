/* The evaluation, exactly as ../shared/MODEL.md §2-§6 says. Each rule is one
 * small function, named after the section it implements. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/arena.h"
#include "taisaku/assessment.h"

const char *tk_req_status_name(tk_req_status s)
{
	static const char *names[] = { "unassessed", "met", "under", "over", "unknown", "na" };
	return (unsigned)s < 6 ? names[s] : "?";
}

const char *tk_element_name(tk_element e)
{
	static const char *names[] = { "study", "process", "management", "review", "documentation", "core" };
	return (unsigned)e < 6 ? names[e] : "?";
}

const char *tk_cause_name_ja(tk_cause c)
{
	static const char *names[] = { "", "計画の無理", "展開の不手際", "管理の不徹底", "対応能力の欠如" };
	return (unsigned)c < 5 ? names[c] : "";
}

/* §2 coverage: the core level over several assets. */
int tk_core_from_assets(const tk_asset *assets, size_t n)
{
	bool any_important = false;
	for (size_t i = 0; i < n; i++)
		any_important |= assets[i].important;
	/* min over important assets, and over the others */
	int imp = 5, other = 5;
	for (size_t i = 0; i < n; i++) {
		bool important = assets[i].important || !any_important;
		int *m = important ? &imp : &other;
		if (assets[i].core < *m)
			*m = assets[i].core;
	}
	if (imp == 5 && other == 5)
		return 5;
	if (imp >= 4 && other >= 3)
		return 4;
	if (imp >= 3 && other >= 2)
		return 3;
	if (imp >= 2)
		return 2;
	return 1;
}

/* §3: the largest L in 5..2 whose core and peripheral thresholds are met. */
int tk_level_achieved(const tk_scoring *s, int core, const tk_rank ranks[TK_PERIPHERALS])
{
	for (int level = 5; level >= 2; level--) {
		if (core < level)
			continue;
		int p = 0;
		while (p < TK_PERIPHERALS && ranks[p] <= s->thresholds[level])
			p++;
		if (p == TK_PERIPHERALS)
			return level;
	}
	return 1;
}

/* §6: what is short of a level. */
size_t tk_level_shortfalls(const tk_scoring *s, int level, int core,
	const tk_rank ranks[TK_PERIPHERALS], tk_shortfall *out)
{
	size_t n = 0;
	if (level < 2 || level > 5)
		return 0;
	if (core < level)
		out[n++] = (tk_shortfall){ TK_EL_CORE, core, level };
	for (int p = 0; p < TK_PERIPHERALS; p++)
		if (ranks[p] > s->thresholds[level])
			out[n++] = (tk_shortfall){ (tk_element)p, (int)ranks[p], (int)s->thresholds[level] };
	return n;
}

/* §4: the derived target, and the override (checked on load to be ±1). */
static void targets_of(const tk_assessment *a, size_t i, tk_req_result *r)
{
	const tk_scoring *s = &a->catalog->scoring;
	r->derived_target = s->targets[a->level][a->importance[i]];
	r->target = a->override_level[i] ? a->override_level[i] : r->derived_target;
}

static void evaluate_requirement(const tk_assessment *a, size_t i, tk_req_result *r)
{
	const tk_scoring *s = &a->catalog->scoring;
	const tk_rating *rt = &a->ratings[i];
	targets_of(a, i, r);
	r->coverage = -1;
	switch (rt->kind) {
	case TK_RATING_UNASSESSED:
		r->status = TK_ST_UNASSESSED;
		return;
	case TK_RATING_NA:
		r->status = TK_ST_NA;
		return;
	case TK_RATING_UNKNOWN:
		/* §2: counted as level 1 and listed to investigate. */
		r->status = TK_ST_UNKNOWN;
		r->counted = true;
		r->achieved = 1;
		r->gap = 1 - r->target;
		return;
	case TK_RATING_RATED:
		break;
	}
	r->counted = true;
	r->core = rt->core;
	r->achieved = tk_level_achieved(s, rt->core, rt->ranks);
	r->gap = r->achieved - r->target;
	r->status = r->gap < 0 ? TK_ST_UNDER : r->gap > 0 ? TK_ST_OVER : TK_ST_MET;
	if (r->gap < 0)
		r->n_missing_target = tk_level_shortfalls(s, r->target, rt->core, rt->ranks, r->missing_target);
	if (r->achieved < 5)
		r->n_missing_next = tk_level_shortfalls(s, r->achieved + 1, rt->core, rt->ranks, r->missing_next);
	if (rt->n_assets) {
		size_t ok = 0;
		for (size_t k = 0; k < rt->n_assets; k++)
			ok += rt->assets[k].core >= r->target;
		r->coverage = (double)ok / (double)rt->n_assets;
	}
}

/* §5: weighted means of requirements in a domain, and of domains above. */
static void aggregate_domains(const tk_assessment *a, tk_evaluation *e)
{
	const tk_catalog *c = a->catalog;
	for (size_t d = 0; d < c->n_domains; d++) {
		const tk_domain *dom = &c->domains[d];
		double w = 0, level = 0, target = 0;
		for (uint32_t k = 0; k < dom->n_requirements; k++) {
			uint32_t i = dom->first_requirement + k;
			const tk_req_result *r = &e->requirements[i];
			if (!r->counted)
				continue;
			double wj = a->requirement_weight[i];
			w += wj;
			level += wj * r->achieved;
			target += wj * r->target;
		}
		if (w > 0)
			e->domains[d] = (tk_aggregate){ .counted = true, .level = level / w, .target = target / w };
	}
}

static tk_aggregate mean_of_domains(const tk_assessment *a, const tk_evaluation *e,
	uint32_t first, uint32_t n)
{
	double w = 0, level = 0, target = 0;
	for (uint32_t d = first; d < first + n; d++) {
		if (!e->domains[d].counted)
			continue;
		double p = a->domain_weight[d];
		w += p;
		level += p * e->domains[d].level;
		target += p * e->domains[d].target;
	}
	if (w <= 0)
		return (tk_aggregate){ 0 };
	return (tk_aggregate){ .counted = true, .level = level / w, .target = target / w };
}

/* §6 balance: unnatural spread between a requirement and its domain, and
 * between a domain and the system. */
static void flag_imbalance(const tk_assessment *a, tk_evaluation *e)
{
	const tk_catalog *c = a->catalog;
	for (size_t i = 0; i < c->n_requirements; i++) {
		tk_req_result *r = &e->requirements[i];
		const tk_aggregate *d = &e->domains[c->requirements[i].domain];
		if (r->counted && d->counted && fabs(r->achieved - d->level) >= a->balance_requirement - 1e-9) {
			r->imbalance = true;
			e->n_imbalance++;
		}
	}
	for (size_t d = 0; d < c->n_domains; d++) {
		tk_aggregate *dom = &e->domains[d];
		if (dom->counted && e->system.counted &&
		    fabs(dom->level - e->system.level) >= a->balance_domain - 1e-9) {
			dom->imbalance = true;
			e->n_imbalance++;
		}
	}
}

tk_status tk_evaluate(const tk_assessment *a, tk_evaluation **out, tk_error *err)
{
	const tk_catalog *c = a->catalog;
	tk_evaluation *e = calloc(1, sizeof(*e));
	if (e) {
		e->requirements = calloc(c->n_requirements ? c->n_requirements : 1, sizeof(*e->requirements));
		e->domains = calloc(c->n_domains ? c->n_domains : 1, sizeof(*e->domains));
		e->views = calloc(c->n_views ? c->n_views : 1, sizeof(*e->views));
	}
	if (!e || !e->requirements || !e->domains || !e->views) {
		tk_evaluation_free(e);
		return tk_error_set(err, TK_ENOMEM, a->path, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	e->assessment = a;
	for (size_t i = 0; i < c->n_requirements; i++) {
		tk_req_result *r = &e->requirements[i];
		evaluate_requirement(a, i, r);
		switch (r->status) {
		case TK_ST_UNDER: e->n_under++; break;
		case TK_ST_OVER: e->n_over++; break;
		case TK_ST_MET: e->n_met++; break;
		case TK_ST_UNKNOWN: e->n_unknown++; break;
		case TK_ST_NA: e->n_na++; break;
		case TK_ST_UNASSESSED: e->n_unassessed++; break;
		}
	}
	aggregate_domains(a, e);
	for (size_t v = 0; v < c->n_views; v++)
		e->views[v] = mean_of_domains(a, e, c->views[v].first_domain, c->views[v].n_domains);
	e->system = mean_of_domains(a, e, 0, (uint32_t)c->n_domains);
	e->complete = e->n_unassessed == 0;
	flag_imbalance(a, e);
	*out = e;
	return TK_OK;
}

void tk_evaluation_free(tk_evaluation *e)
{
	if (!e)
		return;
	free(e->requirements);
	free(e->domains);
	free(e->views);
	free(e);
}

int tk_evaluation_exit_code(const tk_evaluation *e)
{
	return e->n_under || e->n_unknown ? 2 : 0;
}
