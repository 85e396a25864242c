/* A compliance evaluation as JSON for scripts (the contract is in
 * docs/guide.en.md, "Compliance assessments"): compliance unrounded, 0..1,
 * or null when nothing is applicable; every item with everything the
 * assessment says about it, so that another program needs nothing else. */
#include <math.h>

#include <jansson.h>

#include "taisaku/compliance.h"
#include "export_internal.h"

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* o gets the tally's fields after those it has (id, titles first). */
static json_t *tally_json(json_t *o, const tk_compliance_tally *t)
{
	json_object_set_new(o, "compliance", isnan(t->compliance) ? json_null() : json_real(t->compliance));
	json_object_set_new(o, "total", json_integer((json_int_t)t->total));
	json_object_set_new(o, "applicable", json_integer((json_int_t)t->applicable));
	json_t *counts = json_object();
	for (int s = 1; s < TK_CS_COUNT; s++)
		json_object_set_new(counts, tk_item_status_name((tk_item_status)s), json_integer((json_int_t)t->n[s]));
	json_object_set_new(counts, "unassessed", json_integer((json_int_t)t->n[TK_CS_UNASSESSED]));
	json_object_set_new(o, "counts", counts);
	return o;
}

static json_t *item_json(const tk_compliance *c, size_t i)
{
	const tk_catalog *cat = c->catalog;
	const tk_requirement *q = &cat->requirements[i];
	const tk_compliance_item *it = &c->items[i];
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(q->id));
	json_object_set_new(o, "section", json_string(cat->domains[q->domain].id));
	json_object_set_new(o, "status", json_string(tk_item_status_name(it->status)));
	json_object_set_new(o, "open", json_boolean(tk_item_status_open(it->status)));
	json_object_set_new(o, "reason", str_or_null(it->reason));
	json_object_set_new(o, "note", str_or_null(it->note));
	json_t *ev = json_array();
	for (size_t k = 0; k < it->n_evidence; k++)
		json_array_append_new(ev, json_pack("{s:s, s:o, s:o}", "title", it->evidence[k].title,
			"date", str_or_null(it->evidence[k].date), "ref", str_or_null(it->evidence[k].ref)));
	json_object_set_new(o, "evidence", ev);
	json_object_set_new(o, "action", it->has_action
		? json_pack("{s:s, s:o, s:o}", "content", it->action.content, "due", str_or_null(it->action.due),
			"owner", str_or_null(it->action.owner))
		: json_null());
	return o;
}

static json_t *choices_json(const tk_compliance_choice *v, size_t n)
{
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++)
		json_object_set_new(o, v[i].name, json_string(v[i].value));
	return o;
}

tk_status tk_compliance_write_json(const tk_compliance_result *r, FILE *out, tk_error *err)
{
	const tk_compliance *c = r->assessment;
	const tk_catalog *cat = c->catalog;
	json_t *doc = json_object();
	json_object_set_new(doc, "kind", json_string("compliance"));
	json_object_set_new(doc, "catalog", json_pack("{s:s, s:s, s:o}", "id", cat->id, "title_ja", cat->title_ja,
		"title_en", str_or_null(cat->title_en)));
	json_object_set_new(doc, "system", json_pack("{s:s, s:o, s:o, s:o}", "name", c->system_name,
		"organization", str_or_null(c->organization), "date", str_or_null(c->date),
		"assessor", str_or_null(c->assessor)));
	json_object_set_new(doc, "overall", tally_json(json_object(), &r->overall));
	json_t *views = json_array();
	for (size_t v = 0; v < cat->n_views; v++) {
		json_t *o = json_pack("{s:s, s:s}", "id", cat->views[v].id, "title_ja", cat->views[v].title_ja);
		json_array_append_new(views, tally_json(o, &r->views[v]));
	}
	json_object_set_new(doc, "views", views);
	json_t *sections = json_array();
	for (size_t d = 0; d < cat->n_domains; d++) {
		json_t *o = json_pack("{s:s, s:s, s:s}", "id", cat->domains[d].id, "title_ja", cat->domains[d].title_ja,
			"view", cat->views[cat->domains[d].view].id);
		json_array_append_new(sections, tally_json(o, &r->sections[d]));
	}
	json_object_set_new(doc, "sections", sections);
	json_t *items = json_array();
	for (size_t i = 0; i < cat->n_requirements; i++)
		json_array_append_new(items, item_json(c, i));
	json_object_set_new(doc, "items", items);
	json_t *open = json_array();
	for (size_t k = 0; k < r->n_open; k++)
		json_array_append_new(open, json_string(cat->requirements[r->open[k]].id));
	json_object_set_new(doc, "open", open);
	json_object_set_new(doc, "roles", choices_json(c->roles, c->n_roles));
	json_object_set_new(doc, "parameters", choices_json(c->parameters, c->n_parameters));
	return tk_json_write(doc, out, err);
}
