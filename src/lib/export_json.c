/* Catalog as JSON: the tree nested view > domain > requirement, with every
 * requirement as an object scripts can rely on (id, title_ja, title_en,
 * purpose_ja, points, isms, kind, ...). */
#include <jansson.h>

#include "taisaku/export.h"
#include "export_internal.h"

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *strv_json(const tk_strv *v)
{
	json_t *a = json_array();
	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(a, json_string(v->v[i]));
	return a;
}

static json_t *marks_json(const tk_marks *m, const tk_label *labels)
{
	json_t *o = json_object(), *p = json_array(), *s = json_array();
	for (size_t i = 0; i < m->n_primary; i++)
		json_array_append_new(p, json_string(labels[m->primary[i]].id));
	for (size_t i = 0; i < m->n_secondary; i++)
		json_array_append_new(s, json_string(labels[m->secondary[i]].id));
	json_object_set_new(o, "primary", p);
	json_object_set_new(o, "secondary", s);
	return o;
}

json_t *tk_requirement_json(const tk_catalog *cat, const tk_requirement *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(o, "title_ja", json_string(r->title_ja));
	json_object_set_new(o, "title_en", json_string(r->title_en));
	json_object_set_new(o, "purpose_ja", str_or_null(r->purpose_ja));
	json_t *points = json_array();
	for (size_t i = 0; i < r->n_points; i++) {
		const tk_point *p = &r->points[i];
		json_t *po = json_object();
		json_object_set_new(po, "label", str_or_null(p->label));
		json_object_set_new(po, "title_ja", json_string(p->title_ja));
		json_object_set_new(po, "text_ja", str_or_null(p->text_ja));
		json_object_set_new(po, "items", tk_items_tree(p->items, p->n_items));
		json_array_append_new(points, po);
	}
	json_object_set_new(o, "points", points);
	json_t *isms = json_array(), *isms_titles = json_array();
	for (size_t i = 0; i < r->n_isms; i++) {
		json_array_append_new(isms, json_string(r->isms[i].id));
		json_array_append_new(isms_titles, str_or_null(r->isms[i].title_ja));
	}
	json_object_set_new(o, "isms", isms);
	json_object_set_new(o, "isms_titles_ja", isms_titles);
	if (r->isms_remark_ja)
		json_object_set_new(o, "isms_remark_ja", json_string(r->isms_remark_ja));
	json_object_set_new(o, "kind", json_string(tk_kind_name(r->kind)));
	if (r->title_variants_ja.n)
		json_object_set_new(o, "title_variants_ja", strv_json(&r->title_variants_ja));
	if (cat->n_activities)
		json_object_set_new(o, "activities", marks_json(&r->activities, cat->activities));
	if (cat->n_departments)
		json_object_set_new(o, "departments", marks_json(&r->departments, cat->departments));
	if (r->role_ja)
		json_object_set_new(o, "role_ja", json_string(r->role_ja));
	if (r->modality) {
		static const char *names[] = { "", "shall", "should", "consider" };
		json_object_set_new(o, "modality", json_string(names[r->modality]));
	}
	if (r->n_parameters) {
		json_t *pa = json_array();
		for (size_t i = 0; i < r->n_parameters; i++) {
			json_t *po = json_object();
			json_object_set_new(po, "id", json_string(r->parameters[i].id));
			json_object_set_new(po, "title_ja", json_string(r->parameters[i].title_ja));
			json_object_set_new(po, "value", str_or_null(r->parameters[i].value));
			json_array_append_new(pa, po);
		}
		json_object_set_new(o, "parameters", pa);
	}
	json_object_set_new(o, "documents_ja", strv_json(&r->documents_ja));
	json_object_set_new(o, "notes", tk_notes_tree(&r->notes));
	return o;
}

static json_t *domain_json(const tk_catalog *cat, const tk_domain *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(d->id));
	json_object_set_new(o, "title_ja", json_string(d->title_ja));
	json_object_set_new(o, "title_en", json_string(d->title_en));
	json_object_set_new(o, "purpose_ja", str_or_null(d->purpose_ja));
	if (d->title_variants_ja.n)
		json_object_set_new(o, "title_variants_ja", strv_json(&d->title_variants_ja));
	json_object_set_new(o, "themes", strv_json(&d->themes));
	json_object_set_new(o, "threats_ja", strv_json(&d->threats_ja));
	json_object_set_new(o, "notes", tk_notes_tree(&d->notes));
	json_t *reqs = json_array();
	for (uint32_t i = 0; i < d->n_requirements; i++)
		json_array_append_new(reqs, tk_requirement_json(cat, &cat->requirements[d->first_requirement + i]));
	json_object_set_new(o, "requirements", reqs);
	return o;
}

static json_t *domains_json(const tk_catalog *cat, uint32_t first, uint32_t n)
{
	json_t *a = json_array();
	for (uint32_t i = 0; i < n; i++)
		json_array_append_new(a, domain_json(cat, &cat->domains[first + i]));
	return a;
}

json_t *tk_catalog_json(const tk_catalog *cat)
{
	json_t *o = json_object();
	json_object_set_new(o, "format", json_string(cat->format));
	json_object_set_new(o, "id", json_string(cat->id));
	json_object_set_new(o, "title_ja", json_string(cat->title_ja));
	json_object_set_new(o, "title_en", json_string(cat->title_en));
	json_object_set_new(o, "version", json_string(cat->version));
	json_object_set_new(o, "publisher_ja", str_or_null(cat->publisher_ja));
	json_object_set_new(o, "source", json_string(cat->source));
	json_object_set_new(o, "kind", json_string(cat->kind == TK_CATALOG_STRENGTH ? "strength" : "compliance"));
	json_object_set_new(o, "counts", json_pack("{s:I, s:I, s:I, s:I}",
		"views", (json_int_t)cat->n_views, "subviews", (json_int_t)cat->n_subviews,
		"domains", (json_int_t)cat->n_domains, "requirements", (json_int_t)cat->n_requirements));
	json_object_set_new(o, "activities", tk_labels_tree(cat->activities, cat->n_activities));
	json_object_set_new(o, "departments", tk_labels_tree(cat->departments, cat->n_departments));
	if (cat->has_scoring)
		json_object_set_new(o, "scoring", tk_scoring_tree(&cat->scoring));
	json_t *views = json_array();
	for (size_t i = 0; i < cat->n_views; i++) {
		const tk_view *v = &cat->views[i];
		json_t *vo = json_object();
		json_object_set_new(vo, "id", json_string(v->id));
		json_object_set_new(vo, "title_ja", json_string(v->title_ja));
		json_object_set_new(vo, "title_en", json_string(v->title_en));
		json_object_set_new(vo, "notes", tk_notes_tree(&v->notes));
		if (v->n_subviews) {
			json_t *subs = json_array();
			for (uint32_t j = 0; j < v->n_subviews; j++) {
				const tk_subview *s = &cat->subviews[v->first_subview + j];
				json_t *so = json_object();
				json_object_set_new(so, "id", json_string(s->id));
				json_object_set_new(so, "title_ja", json_string(s->title_ja));
				json_object_set_new(so, "title_en", json_string(s->title_en));
				json_object_set_new(so, "notes", tk_notes_tree(&s->notes));
				json_object_set_new(so, "domains", domains_json(cat, s->first_domain, s->n_domains));
				json_array_append_new(subs, so);
			}
			json_object_set_new(vo, "subviews", subs);
		} else {
			json_object_set_new(vo, "domains", domains_json(cat, v->first_domain, v->n_domains));
		}
		json_array_append_new(views, vo);
	}
	json_object_set_new(o, "views", views);
	json_object_set_new(o, "glossary", tk_glossary_tree(cat));
	json_object_set_new(o, "notes", tk_notes_tree(&cat->notes));
	return o;
}

tk_status tk_json_write(json_t *doc, FILE *out, tk_error *err)
{
	int rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
	if (!rc)
		rc = fputc('\n', out) == EOF;
	json_decref(doc);
	if (rc)
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "JSON を書き出せません",
			"cannot write the JSON");
	return TK_OK;
}

tk_status tk_catalog_export_json(const tk_catalog *cat, FILE *out, tk_error *err)
{
	json_t *doc = tk_catalog_json(cat);
	if (!doc)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	return tk_json_write(doc, out, err);
}
