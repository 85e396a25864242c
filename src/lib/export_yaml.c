/* Catalog as YAML in its own format (docs/catalog-format.en.md), so that an
 * exported catalog loads back as the same catalog. The document is built as a
 * jansson tree in the format's shape and key order, then written in YAML block
 * style with every string double-quoted: quoting everything is the simplest
 * way to never have YAML misread "3.1.1", "no" or "o" as something else. */
#include <jansson.h>
#include <string.h>

#include "taisaku/export.h"
#include "export_internal.h"
#include "taisaku/report.h"

static void set_str(json_t *o, const char *key, const char *s)
{
	if (s)
		json_object_set_new(o, key, json_string(s));
}

static void set_strv(json_t *o, const char *key, const tk_strv *v)
{
	if (!v->n)
		return;
	json_t *a = json_array();
	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(a, json_string(v->v[i]));
	json_object_set_new(o, key, a);
}

json_t *tk_notes_tree(const tk_notes *n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n->n; i++) {
		json_t *no = json_object();
		set_str(no, "text_en", n->v[i].text_en);
		set_str(no, "text_ja", n->v[i].text_ja);
		set_str(no, "ref", n->v[i].ref);
		json_array_append_new(a, no);
	}
	return a;
}

/* The format leaves empty lists out. */
static void set_notes(json_t *o, const tk_notes *n)
{
	if (n->n)
		json_object_set_new(o, "notes", tk_notes_tree(n));
}

json_t *tk_items_tree(const tk_item *items, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		set_str(o, "text_ja", items[i].text_ja);
		if (items[i].n_items)
			json_object_set_new(o, "items", tk_items_tree(items[i].items, items[i].n_items));
		json_array_append_new(a, o);
	}
	return a;
}

static void set_marks(json_t *o, const char *key, const tk_marks *m, const tk_label *labels)
{
	if (!m->n_primary && !m->n_secondary)
		return;
	json_t *mo = json_object();
	if (m->n_primary) {
		json_t *a = json_array();
		for (size_t i = 0; i < m->n_primary; i++)
			json_array_append_new(a, json_string(labels[m->primary[i]].id));
		json_object_set_new(mo, "primary", a);
	}
	if (m->n_secondary) {
		json_t *a = json_array();
		for (size_t i = 0; i < m->n_secondary; i++)
			json_array_append_new(a, json_string(labels[m->secondary[i]].id));
		json_object_set_new(mo, "secondary", a);
	}
	json_object_set_new(o, key, mo);
}

static json_t *requirement_tree(const tk_catalog *cat, const tk_requirement *r)
{
	json_t *o = json_object();
	set_str(o, "id", r->id);
	set_str(o, "title_ja", r->title_ja);
	set_str(o, "title_en", r->title_en);
	set_strv(o, "title_variants_ja", &r->title_variants_ja);
	set_str(o, "purpose_ja", r->purpose_ja);
	if (r->points) {
		json_t *a = json_array();
		for (size_t i = 0; i < r->n_points; i++) {
			const tk_point *p = &r->points[i];
			json_t *po = json_object();
			set_str(po, "label", p->label);
			set_str(po, "title_ja", p->title_ja);
			set_str(po, "text_ja", p->text_ja);
			if (p->n_items)
				json_object_set_new(po, "items", tk_items_tree(p->items, p->n_items));
			json_array_append_new(a, po);
		}
		json_object_set_new(o, "points", a);
	}
	if (r->isms) {
		json_t *a = json_array();
		for (size_t i = 0; i < r->n_isms; i++) {
			json_t *io = json_object();
			set_str(io, "id", r->isms[i].id);
			set_str(io, "title_ja", r->isms[i].title_ja);
			json_array_append_new(a, io);
		}
		json_object_set_new(o, "isms", a);
	}
	set_str(o, "isms_remark_ja", r->isms_remark_ja);
	if (r->kind_overridden)
		set_str(o, "kind", tk_kind_name(r->kind));
	set_marks(o, "activities", &r->activities, cat->activities);
	set_marks(o, "departments", &r->departments, cat->departments);
	set_str(o, "role_ja", r->role_ja);
	if (r->modality) {
		static const char *names[] = { "", "shall", "should", "consider" };
		set_str(o, "modality", names[r->modality]);
	}
	if (r->n_parameters) {
		json_t *a = json_array();
		for (size_t i = 0; i < r->n_parameters; i++) {
			json_t *po = json_object();
			set_str(po, "id", r->parameters[i].id);
			set_str(po, "title_ja", r->parameters[i].title_ja);
			set_str(po, "value", r->parameters[i].value);
			json_array_append_new(a, po);
		}
		json_object_set_new(o, "parameters", a);
	}
	set_strv(o, "documents_ja", &r->documents_ja);
	set_notes(o, &r->notes);
	return o;
}

static json_t *domains_tree(const tk_catalog *cat, uint32_t first, uint32_t n)
{
	json_t *a = json_array();
	for (uint32_t i = 0; i < n; i++) {
		const tk_domain *d = &cat->domains[first + i];
		json_t *o = json_object();
		set_str(o, "id", d->id);
		set_str(o, "title_ja", d->title_ja);
		set_str(o, "title_en", d->title_en);
		set_strv(o, "title_variants_ja", &d->title_variants_ja);
		set_str(o, "purpose_ja", d->purpose_ja);
		set_strv(o, "themes", &d->themes);
		set_strv(o, "threats_ja", &d->threats_ja);
		json_t *reqs = json_array();
		for (uint32_t j = 0; j < d->n_requirements; j++)
			json_array_append_new(reqs, requirement_tree(cat, &cat->requirements[d->first_requirement + j]));
		json_object_set_new(o, "requirements", reqs);
		set_notes(o, &d->notes);
		json_array_append_new(a, o);
	}
	return a;
}

/* The kind a view passes down, when all of its requirements share one. */
static const char *view_kind(const tk_catalog *cat, const tk_view *v)
{
	tk_kind k = 0;
	for (uint32_t d = v->first_domain; d < v->first_domain + v->n_domains; d++)
		for (uint32_t r = 0; r < cat->domains[d].n_requirements; r++) {
			const tk_requirement *req = &cat->requirements[cat->domains[d].first_requirement + r];
			if (req->kind_overridden)
				continue;
			if (k && req->kind != k)
				return NULL;
			k = req->kind;
		}
	return k == TK_KIND_TECHNICAL ? "technical" : NULL;
}

static json_t *level_texts(const tk_level_text *v, size_t n, const char *a_key, const char *b_key)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "level", json_integer(v[i].level));
		set_str(o, a_key, v[i].a_ja);
		if (b_key)
			set_str(o, b_key, v[i].b_ja);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *core_tree(const tk_core_criterion *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "level", json_integer(v[i].level));
		set_str(o, "summary_ja", v[i].summary_ja);
		set_strv(o, "conditions_ja", &v[i].conditions_ja);
		json_array_append_new(a, o);
	}
	return a;
}

json_t *tk_scoring_tree(const tk_scoring *s)
{
	json_t *o = json_object();
	set_str(o, "model", s->model);
	if (s->n_levels)
		json_object_set_new(o, "levels", level_texts(s->levels, s->n_levels, "rating_ja", "definition_ja"));
	json_t *th = json_object(), *tg = json_object();
	for (int l = 2; l <= 5; l++) {
		char key[2] = { (char)('0' + l), 0 };
		json_object_set_new(th, key, json_string(tk_rank_name(s->thresholds[l])));
		json_t *row = json_object();
		for (int i = 0; i < 4; i++)
			json_object_set_new(row, tk_importance_name((tk_importance)i), json_integer(s->targets[l][i]));
		json_object_set_new(tg, key, row);
	}
	json_object_set_new(o, "thresholds", th);
	json_object_set_new(o, "targets", tg);
	if (s->n_system_levels)
		json_object_set_new(o, "system_levels", level_texts(s->system_levels, s->n_system_levels, "concept_ja", "image_ja"));
	if (s->n_requirement_levels)
		json_object_set_new(o, "requirement_levels", level_texts(s->requirement_levels, s->n_requirement_levels, "concept_ja", NULL));
	if (s->n_core_technical || s->n_core_management) {
		json_t *c = json_object();
		if (s->n_core_technical)
			json_object_set_new(c, "technical", core_tree(s->core_technical, s->n_core_technical));
		if (s->n_core_management)
			json_object_set_new(c, "management", core_tree(s->core_management, s->n_core_management));
		json_object_set_new(o, "core_criteria", c);
	}
	if (s->n_factors) {
		json_t *a = json_array();
		for (size_t i = 0; i < s->n_factors; i++) {
			json_t *f = json_object();
			set_str(f, "id", s->factors[i].id);
			set_str(f, "title_ja", s->factors[i].title_ja);
			set_strv(f, "items_ja", &s->factors[i].items_ja);
			json_array_append_new(a, f);
		}
		json_object_set_new(o, "system_factors", a);
	}
	json_t *ps = json_array();
	for (int i = 0; i < TK_PERIPHERALS; i++) {
		const tk_peripheral *p = &s->peripherals[i];
		json_t *po = json_object(), *cols = json_array(), *rows = json_array();
		set_str(po, "id", p->id);
		set_str(po, "title_ja", p->title_ja);
		set_str(po, "title_en", p->title_en);
		set_str(po, "table_ja", p->table_ja);
		for (size_t c = 0; c < p->n_columns; c++) {
			json_t *co = json_object();
			set_str(co, "id", p->columns[c].id);
			set_str(co, "title_ja", p->columns[c].title_ja);
			set_str(co, "note_ja", p->columns[c].note_ja);
			json_array_append_new(cols, co);
		}
		for (size_t r = 0; r < p->n_rows; r++) {
			json_t *ro = json_object(), *cells = json_array();
			set_str(ro, "rank", tk_rank_name(p->rows[r].rank));
			for (size_t c = 0; c < p->n_columns; c++)
				json_array_append_new(cells, json_string(tk_cell_name((tk_cell)p->rows[r].cells[c])));
			json_object_set_new(ro, "cells", cells);
			set_str(ro, "remark_ja", p->rows[r].remark_ja);
			json_array_append_new(rows, ro);
		}
		json_object_set_new(po, "columns", cols);
		json_object_set_new(po, "rows", rows);
		set_str(po, "legend_ja", p->legend_ja);
		json_array_append_new(ps, po);
	}
	json_object_set_new(o, "peripherals", ps);
	set_notes(o, &s->notes);
	return o;
}

json_t *tk_glossary_tree(const tk_catalog *cat)
{
	json_t *a = json_array();
	for (size_t i = 0; i < cat->n_glossary; i++) {
		json_t *o = json_object();
		set_str(o, "term_ja", cat->glossary[i].term_ja);
		set_str(o, "text_ja", cat->glossary[i].text_ja);
		json_array_append_new(a, o);
	}
	return a;
}

json_t *tk_labels_tree(const tk_label *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		set_str(o, "id", v[i].id);
		set_str(o, "title_ja", v[i].title_ja);
		set_str(o, "title_en", v[i].title_en);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *catalog_tree(const tk_catalog *cat)
{
	json_t *o = json_object(), *meta = json_object();
	set_str(o, "format", cat->format);
	set_str(meta, "id", cat->id);
	set_str(meta, "title_ja", cat->title_ja);
	set_str(meta, "title_en", cat->title_en);
	set_str(meta, "version", cat->version);
	set_str(meta, "publisher_ja", cat->publisher_ja);
	set_str(meta, "source", cat->source);
	set_str(meta, "kind", cat->kind == TK_CATALOG_STRENGTH ? "strength" : "compliance");
	set_str(meta, "description_en", cat->description_en);
	json_object_set_new(o, "catalog", meta);
	if (cat->n_activities)
		json_object_set_new(o, "activities", tk_labels_tree(cat->activities, cat->n_activities));
	if (cat->n_departments)
		json_object_set_new(o, "departments", tk_labels_tree(cat->departments, cat->n_departments));
	if (cat->has_scoring)
		json_object_set_new(o, "scoring", tk_scoring_tree(&cat->scoring));
	json_t *views = json_array();
	for (size_t i = 0; i < cat->n_views; i++) {
		const tk_view *v = &cat->views[i];
		json_t *vo = json_object();
		set_str(vo, "id", v->id);
		set_str(vo, "title_ja", v->title_ja);
		set_str(vo, "title_en", v->title_en);
		set_str(vo, "purpose_ja", v->purpose_ja);
		set_str(vo, "kind", view_kind(cat, v));
		if (v->n_subviews) {
			json_t *subs = json_array();
			for (uint32_t j = 0; j < v->n_subviews; j++) {
				const tk_subview *s = &cat->subviews[v->first_subview + j];
				json_t *so = json_object();
				set_str(so, "id", s->id);
				set_str(so, "title_ja", s->title_ja);
				set_str(so, "title_en", s->title_en);
				set_str(so, "purpose_ja", s->purpose_ja);
				json_object_set_new(so, "domains", domains_tree(cat, s->first_domain, s->n_domains));
				set_notes(so, &s->notes);
				json_array_append_new(subs, so);
			}
			json_object_set_new(vo, "subviews", subs);
		} else {
			json_object_set_new(vo, "domains", domains_tree(cat, v->first_domain, v->n_domains));
		}
		set_notes(vo, &v->notes);
		json_array_append_new(views, vo);
	}
	json_object_set_new(o, "views", views);
	if (cat->n_glossary)
		json_object_set_new(o, "glossary", tk_glossary_tree(cat));
	set_notes(o, &cat->notes);
	return o;
}

/* ---- writing a jansson tree as block YAML ---- */

static void indent(FILE *out, int n)
{
	for (int i = 0; i < n; i++)
		fputc(' ', out);
}

static void emit(FILE *out, json_t *v, int level, bool in_seq);

static void emit_scalar(FILE *out, json_t *v)
{
	if (json_is_string(v))
		tk_yaml_quote(out, json_string_value(v));
	else if (json_is_integer(v))
		fprintf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_true(v))
		fputs("true", out);
	else if (json_is_false(v))
		fputs("false", out);
	else
		fputs("null", out);
}

static bool is_block(json_t *v)
{
	return (json_is_object(v) && json_object_size(v)) || (json_is_array(v) && json_array_size(v));
}

/* Writes a value whose first line is already positioned (after "key:" or "- "). */
static void emit(FILE *out, json_t *v, int level, bool in_seq)
{
	if (json_is_object(v) && json_object_size(v)) {
		const char *key;
		json_t *val;
		bool first = true;
		json_object_foreach(v, key, val) {
			if (!(first && in_seq))
				indent(out, level * 2);
			first = false;
			fprintf(out, "%s:", key);
			if (is_block(val)) {
				fputc('\n', out);
				emit(out, val, json_is_array(val) ? level : level + 1, false);
			} else {
				fputc(' ', out);
				if (json_is_array(val))
					fputs("[]", out);
				else if (json_is_object(val))
					fputs("{}", out);
				else
					emit_scalar(out, val);
				fputc('\n', out);
			}
		}
	} else if (json_is_array(v) && json_array_size(v)) {
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			indent(out, level * 2);
			fputs("- ", out);
			if (is_block(item) && json_is_object(item)) {
				emit(out, item, level + 1, true);
			} else if (is_block(item)) {
				fputc('\n', out);
				emit(out, item, level + 1, false);
			} else {
				emit_scalar(out, item);
				fputc('\n', out);
			}
		}
	}
}

void tk_yaml_write_tree(FILE *out, json_t *doc)
{
	emit(out, doc, 0, false);
}

tk_status tk_catalog_export_yaml(const tk_catalog *cat, FILE *out, tk_error *err)
{
	json_t *doc = catalog_tree(cat);
	if (!doc)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	fprintf(out, "# taisaku catalog %s, exported from %s\n", cat->id, cat->source);
	emit(out, doc, 0, false);
	json_decref(doc);
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "YAML を書き出せません", "cannot write the YAML");
	return TK_OK;
}
