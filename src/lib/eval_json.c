/* An evaluation as JSON, the contract scripts rely on. */
#include <jansson.h>

#include "taisaku/report.h"
#include "export_internal.h"

static json_t *level_or_null(bool counted, double v)
{
	return counted ? json_real(v) : json_null();
}

static json_t *shortfalls_json(const tk_shortfall *s, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "element", json_string(tk_element_name(s[i].element)));
		if (s[i].element == TK_EL_CORE) {
			json_object_set_new(o, "have", json_integer(s[i].have));
			json_object_set_new(o, "need", json_integer(s[i].need));
		} else {
			json_object_set_new(o, "have", json_string(tk_rank_name((tk_rank)s[i].have)));
			json_object_set_new(o, "need", json_string(tk_rank_name((tk_rank)s[i].need)));
		}
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *requirement_json(const tk_evaluation *e, size_t i)
{
	const tk_assessment *a = e->assessment;
	const tk_req_result *r = &e->requirements[i];
	const tk_rating *rt = &a->ratings[i];
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(a->catalog->requirements[i].id));
	json_object_set_new(o, "status", json_string(tk_req_status_name(r->status)));
	json_object_set_new(o, "importance", json_string(tk_importance_name(a->importance[i])));
	json_object_set_new(o, "derived_target", json_integer(r->derived_target));
	json_object_set_new(o, "target", json_integer(r->target));
	json_object_set_new(o, "achieved", r->counted ? json_integer(r->achieved) : json_null());
	json_object_set_new(o, "core", rt->kind == TK_RATING_RATED ? json_integer(r->core) : json_null());
	json_object_set_new(o, "gap", r->counted ? json_integer(r->gap) : json_null());
	json_object_set_new(o, "missing_for_target", shortfalls_json(r->missing_target, r->n_missing_target));
	json_object_set_new(o, "missing_for_next", shortfalls_json(r->missing_next, r->n_missing_next));
	json_object_set_new(o, "coverage", r->coverage >= 0 ? json_real(r->coverage) : json_null());
	json_object_set_new(o, "imbalance", json_boolean(r->imbalance));
	json_object_set_new(o, "weight", json_real(a->requirement_weight[i]));
	if (rt->kind == TK_RATING_RATED) {
		json_t *ranks = json_object(), *missing = json_array();
		for (int p = 0; p < TK_PERIPHERALS; p++) {
			const char *name = tk_element_name((tk_element)p);
			json_object_set_new(ranks, name, json_string(tk_rank_name(rt->ranks[p])));
			if (!rt->rank_given[p])
				json_array_append_new(missing, json_string(name));
		}
		json_object_set_new(o, "ranks", ranks);
		json_object_set_new(o, "missing_ranks", missing);
	}
	if (rt->kind == TK_RATING_NA)
		json_object_set_new(o, "na_reason", json_string(rt->na_reason));
	if (rt->note)
		json_object_set_new(o, "note", json_string(rt->note));
	if (rt->n_evidence) {
		json_t *ev = json_array();
		for (size_t k = 0; k < rt->n_evidence; k++) {
			json_t *x = json_pack("{s:s}", "title", rt->evidence[k].title);
			if (rt->evidence[k].date)
				json_object_set_new(x, "date", json_string(rt->evidence[k].date));
			if (rt->evidence[k].ref)
				json_object_set_new(x, "ref", json_string(rt->evidence[k].ref));
			json_array_append_new(ev, x);
		}
		json_object_set_new(o, "evidence", ev);
	}
	if (a->override_level[i])
		json_object_set_new(o, "target_reason", json_string(a->override_reason[i]));
	return o;
}

static void add_id_list(json_t *doc, const char *key, const tk_evaluation *e, tk_req_status st)
{
	json_t *a = json_array();
	const tk_catalog *c = e->assessment->catalog;
	for (size_t i = 0; i < c->n_requirements; i++)
		if (e->requirements[i].status == st)
			json_array_append_new(a, json_string(c->requirements[i].id));
	json_object_set_new(doc, key, a);
}

static json_t *system_json(const tk_evaluation *e)
{
	const tk_assessment *a = e->assessment;
	json_t *sys = json_object();
	json_object_set_new(sys, "name", json_string(a->system_name));
	json_object_set_new(sys, "organization", a->organization ? json_string(a->organization) : json_null());
	json_object_set_new(sys, "date", a->date ? json_string(a->date) : json_null());
	json_object_set_new(sys, "target", json_integer(a->level));
	json_object_set_new(sys, "target_mean", level_or_null(e->system.counted, e->system.target));
	json_object_set_new(sys, "level", level_or_null(e->system.counted, e->system.level));
	json_object_set_new(sys, "complete", json_boolean(e->complete));
	return sys;
}

static json_t *counts_json(const tk_evaluation *e)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
		"met", (json_int_t)e->n_met, "under", (json_int_t)e->n_under, "over", (json_int_t)e->n_over,
		"unknown", (json_int_t)e->n_unknown, "na", (json_int_t)e->n_na,
		"unassessed", (json_int_t)e->n_unassessed, "imbalance", (json_int_t)e->n_imbalance);
}

static json_t *domain_json(const tk_evaluation *e, size_t d)
{
	const tk_aggregate *g = &e->domains[d];
	return json_pack("{s:s, s:o, s:o, s:b}", "id", e->assessment->catalog->domains[d].id,
		"level", level_or_null(g->counted, g->level), "target", level_or_null(g->counted, g->target),
		"imbalance", g->imbalance);
}

/* The compact form: the same tokens without the whitespace between them. */
static tk_status write_compact(json_t *doc, FILE *out, tk_error *err)
{
	int rc = !doc || json_dumpf(doc, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
	json_decref(doc);
	if (rc)
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "JSON を書き出せません", "cannot write the JSON");
	return TK_OK;
}

tk_status tk_evaluation_write_rating_json(const tk_evaluation *e, size_t requirement, FILE *out, tk_error *err)
{
	const tk_catalog *c = e->assessment->catalog;
	if (requirement >= c->n_requirements)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "要求の番号が範囲外です", "requirement out of range");
	json_t *doc = json_object();
	json_object_set_new(doc, "requirement", requirement_json(e, requirement));
	json_object_set_new(doc, "domain", domain_json(e, c->requirements[requirement].domain));
	json_object_set_new(doc, "system", system_json(e));
	json_object_set_new(doc, "counts", counts_json(e));
	return write_compact(doc, out, err);
}

static json_t *evaluation_json(const tk_evaluation *e)
{
	const tk_assessment *a = e->assessment;
	const tk_catalog *c = a->catalog;
	json_t *doc = json_object();
	json_object_set_new(doc, "catalog", json_string(c->id));
	json_object_set_new(doc, "file", json_string(a->path));
	json_object_set_new(doc, "system", system_json(e));
	json_object_set_new(doc, "counts", counts_json(e));
	json_t *views = json_array();
	for (size_t v = 0; v < c->n_views; v++)
		json_array_append_new(views, json_pack("{s:s, s:o, s:o}", "id", c->views[v].id,
			"level", level_or_null(e->views[v].counted, e->views[v].level),
			"target", level_or_null(e->views[v].counted, e->views[v].target)));
	json_object_set_new(doc, "views", views);
	json_t *domains = json_array(), *imbalance = json_array();
	for (size_t d = 0; d < c->n_domains; d++)
		json_array_append_new(domains, domain_json(e, d));
	json_object_set_new(doc, "domains", domains);
	json_t *reqs = json_array();
	for (size_t i = 0; i < c->n_requirements; i++) {
		json_array_append_new(reqs, requirement_json(e, i));
		if (e->requirements[i].imbalance)
			json_array_append_new(imbalance, json_string(c->requirements[i].id));
	}
	for (size_t d = 0; d < c->n_domains; d++)
		if (e->domains[d].imbalance)
			json_array_append_new(imbalance, json_string(c->domains[d].id));
	json_object_set_new(doc, "requirements", reqs);
	add_id_list(doc, "under", e, TK_ST_UNDER);
	add_id_list(doc, "over", e, TK_ST_OVER);
	add_id_list(doc, "unknown", e, TK_ST_UNKNOWN);
	add_id_list(doc, "unassessed", e, TK_ST_UNASSESSED);
	add_id_list(doc, "na", e, TK_ST_NA);
	json_object_set_new(doc, "imbalance", imbalance);
	json_t *plan = json_array();
	for (size_t k = 0; k < a->n_improvements; k++) {
		const tk_improvement *im = &a->improvements[k];
		json_t *x = json_pack("{s:s, s:s}", "requirement", c->requirements[im->requirement].id, "aim", im->aim);
		static const char *causes[] = { NULL, "planning", "deployment", "management", "capability" };
		if (im->cause)
			json_object_set_new(x, "cause", json_string(causes[im->cause]));
		const char *keys[] = { "content", "steps", "due", "owner" };
		const char *vals[] = { im->content, im->steps, im->due, im->owner };
		for (int j = 0; j < 4; j++)
			if (vals[j])
				json_object_set_new(x, keys[j], json_string(vals[j]));
		json_array_append_new(plan, x);
	}
	json_object_set_new(doc, "improvements", plan);
	return doc;
}

tk_status tk_evaluation_write_json(const tk_evaluation *e, FILE *out, tk_error *err)
{
	return tk_json_write(evaluation_json(e), out, err);
}

tk_status tk_evaluation_write_json_compact(const tk_evaluation *e, FILE *out, tk_error *err)
{
	return write_compact(evaluation_json(e), out, err);
}
