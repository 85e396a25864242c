/* The parts the OSCAL assessment results and POA&M share (oscal_results.h).
 *
 * Every uuid is a UUIDv5 of a name made from the document's key (the
 * catalog, the system, the organisation and the assessment date) and the
 * part's own stable name ("observation/Ma1.1"), so that the same assessment
 * always gives the same bytes. The only time in the documents is the
 * assessment date, never the clock. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/export.h"
#include "export_internal.h"
#include "oscal_internal.h"
#include "oscal_results.h"
#include "uuid5.h"

bool tk_oscal_doc_init(oscal_doc *d, const tk_evaluation *e, const char *kind)
{
	const tk_assessment *a = e->assessment;
	memset(d, 0, sizeof(*d));
	d->e = e;
	d->a = a;
	d->cat = a->catalog;
	d->control_ids = tk_oscal_control_ids(d->cat);
	d->resources = json_array();
	if (asprintf(&d->key, "%s/%s/%s/%s/%s", kind, d->cat->id, a->system_name,
		    a->organization ? a->organization : "", a->date ? a->date : "") < 0)
		d->key = NULL;
	tk_oscal_date_time(a->date, d->when);
	if (!d->control_ids || !d->resources || !d->key) {
		tk_oscal_doc_free(d);
		return false;
	}
	return true;
}

void tk_oscal_doc_free(oscal_doc *d)
{
	json_decref(d->control_ids);
	json_decref(d->resources);
	free(d->key);
	d->control_ids = d->resources = NULL;
	d->key = NULL;
}

void tk_oscal_doc_uuid(const oscal_doc *d, char out[37], const char *fmt, ...)
{
	char *part;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&part, fmt, ap);
	va_end(ap);
	if (n < 0) {
		tk_oscal_uuid(out, "%s", d->key);
		return;
	}
	tk_oscal_uuid(out, "%s/%s", d->key, part);
	free(part);
}

/* The loader checks dates are YYYY-MM-DD; without one, a fixed date keeps
 * the output reproducible. */
void tk_oscal_date_time(const char *date, char out[32])
{
	if (date && strlen(date) == 10)
		snprintf(out, 32, "%sT00:00:00+09:00", date);
	else
		snprintf(out, 32, "2000-01-01T00:00:00Z");
}

static json_t *jstr(const char *s)
{
	return json_string(s ? s : "");
}

static void add_int_prop(json_t *props, const char *name, int v)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%d", v);
	tk_oscal_add_prop(props, true, name, buf);
}

/* A party in a role: the organisation, or the assessor (a person or a
 * section, as written). */
static void add_party(json_t *md, const char *role, const char *role_title,
	const char *type, const char *name)
{
	char *n = tk_oscal_one_line(name), uuid[37];
	if (!n)
		return;
	tk_oscal_uuid(uuid, "party/%s/%s", role, n);
	json_t *roles = json_object_get(md, "roles");
	if (!roles)
		json_object_set_new(md, "roles", roles = json_array());
	json_array_append_new(roles, json_pack("{s:s, s:s}", "id", role, "title", role_title));
	json_t *parties = json_object_get(md, "parties");
	if (!parties)
		json_object_set_new(md, "parties", parties = json_array());
	json_array_append_new(parties, json_pack("{s:s, s:s, s:s}", "uuid", uuid, "type", type, "name", n));
	json_t *rp = json_object_get(md, "responsible-parties");
	if (!rp)
		json_object_set_new(md, "responsible-parties", rp = json_array());
	json_array_append_new(rp, json_pack("{s:s, s:[s]}", "role-id", role, "party-uuids", uuid));
	free(n);
}

json_t *tk_oscal_doc_metadata(const oscal_doc *d, const char *title)
{
	const tk_assessment *a = d->a;
	json_t *md = json_object(), *props = json_array();
	json_object_set_new(md, "title", json_string(title));
	json_object_set_new(md, "last-modified", json_string(d->when));
	json_object_set_new(md, "version", json_string(a->date ? a->date : "undated"));
	json_object_set_new(md, "oscal-version", json_string(TK_OSCAL_VERSION));
	tk_oscal_add_prop(props, true, "catalog", d->cat->id);
	tk_oscal_add_prop(props, true, "catalog-version", d->cat->version);
	tk_oscal_add_prop(props, true, "system", a->system_name);
	add_int_prop(props, "system-target-level", a->level);
	tk_oscal_add_prop(props, true, "system-level-reason", a->level_reason);
	tk_oscal_set_array(md, "props", props);
	add_party(md, "system-owner", "System Owner", "organization", a->organization);
	add_party(md, "assessor", "Assessor", "person", a->assessor);
	return md;
}

void tk_oscal_observation_uuid(const oscal_doc *d, size_t i, char out[37])
{
	tk_oscal_doc_uuid(d, out, "observation/%s", d->cat->requirements[i].id);
}

char *tk_oscal_requirement_title(const oscal_doc *d, size_t i)
{
	const tk_requirement *r = &d->cat->requirements[i];
	char *s;
	return asprintf(&s, "%s %s", r->id, r->title_ja) < 0 ? NULL : s;
}

/* An element as the evaluation text names it: the catalog's title of the
 * peripheral element, or 対策コア. */
static const char *element_ja(const tk_catalog *cat, tk_element el)
{
	if (el == TK_EL_CORE || (unsigned)el >= TK_PERIPHERALS || !cat->scoring.peripherals[el].title_ja)
		return "対策コア";
	return cat->scoring.peripherals[el].title_ja;
}

char *tk_oscal_shortfall_text(const oscal_doc *d, size_t i)
{
	const tk_req_result *r = &d->e->requirements[i];
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	if (r->status == TK_ST_UNKNOWN)
		fprintf(f, "評価者がわからないとした（目標レベル %d に達しないものとして数える）", r->target);
	else
		fprintf(f, "達成レベル %d、目標レベル %d（ギャップ %d）", r->achieved, r->target, r->gap);
	for (size_t k = 0; k < r->n_missing_target; k++) {
		const tk_shortfall *s = &r->missing_target[k];
		fputs(k ? "、" : "。目標に足りないもの: ", f);
		if (s->element == TK_EL_CORE)
			fprintf(f, "%s %d→%d", element_ja(d->cat, s->element), s->have, s->need);
		else
			fprintf(f, "%s %s→%s", element_ja(d->cat, s->element), tk_rank_name((tk_rank)s->have),
				tk_rank_name((tk_rank)s->need));
	}
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static const char *status_ja(tk_req_status s)
{
	static const char *ja[] = { "未評価", "目標達成", "改善が必要", "過対策", "要調査", "対象外" };
	return (unsigned)s < 6 ? ja[s] : "?";
}

/* The ECOM numbers of one requirement as props in our namespace. */
static json_t *observation_props(const oscal_doc *d, size_t i)
{
	const tk_req_result *r = &d->e->requirements[i];
	const tk_rating *rt = &d->a->ratings[i];
	json_t *props = json_array();
	tk_oscal_add_prop(props, true, "requirement", d->cat->requirements[i].id);
	tk_oscal_add_prop(props, true, "status", tk_req_status_name(r->status));
	tk_oscal_add_prop(props, true, "importance", tk_importance_name(d->a->importance[i]));
	add_int_prop(props, "target", r->target);
	if (r->derived_target != r->target)
		add_int_prop(props, "derived-target", r->derived_target);
	if (r->status != TK_ST_NA && r->status != TK_ST_UNASSESSED && r->status != TK_ST_UNKNOWN) {
		add_int_prop(props, "achieved", r->achieved);
		add_int_prop(props, "gap", r->gap);
	}
	if (rt->kind == TK_RATING_RATED) {
		add_int_prop(props, "core", r->core);
		for (int p = 0; p < TK_PERIPHERALS; p++) {
			json_t *pr = tk_oscal_add_prop(props, true, "rank", tk_rank_name(rt->ranks[p]));
			json_object_set_new(pr, "class", json_string(tk_element_name((tk_element)p)));
		}
	}
	return props;
}

static json_t *observation_description(const oscal_doc *d, size_t i)
{
	const tk_req_result *r = &d->e->requirements[i];
	const tk_rating *rt = &d->a->ratings[i];
	switch (r->status) {
	case TK_ST_NA:
		return json_sprintf("対象外: %s", rt->na_reason ? rt->na_reason : "");
	case TK_ST_UNASSESSED:
		return json_sprintf("未評価（目標レベル %d）", r->target);
	case TK_ST_UNKNOWN:
		return json_sprintf("要調査: 評価者がわからないとした（目標レベル %d）", r->target);
	default:
		return json_sprintf("達成レベル %d、目標レベル %d（%s）", r->achieved, r->target,
			status_ja(r->status));
	}
}

/* Evidence goes to the back matter; the observation points at it. */
static json_t *relevant_evidence(oscal_doc *d, size_t i)
{
	const tk_rating *rt = &d->a->ratings[i];
	const char *rid = d->cat->requirements[i].id;
	json_t *list = json_array();
	for (size_t k = 0; k < rt->n_evidence; k++) {
		const tk_evidence *ev = &rt->evidence[k];
		char uuid[37], href[40];
		tk_oscal_doc_uuid(d, uuid, "evidence/%s/%zu", rid, k + 1);
		snprintf(href, sizeof href, "#%s", uuid);
		json_t *res = json_pack("{s:s, s:s}", "uuid", uuid, "title", ev->title), *props = json_array();
		tk_oscal_add_prop(props, true, "evidence-date", ev->date);
		tk_oscal_set_array(res, "props", props);
		char *ref = tk_oscal_one_line(ev->ref);
		if (ref)
			json_object_set_new(res, "document-ids", json_pack("[{s:s, s:s}]",
				"scheme", TK_OSCAL_NS "/evidence-ref", "identifier", ref));
		free(ref);
		json_array_append_new(d->resources, res);
		json_array_append_new(list, json_pack("{s:s, s:s}", "href", href, "description", ev->title));
	}
	return list;
}

json_t *tk_oscal_observation(oscal_doc *d, size_t i)
{
	const tk_rating *rt = &d->a->ratings[i];
	char uuid[37], *title = tk_oscal_requirement_title(d, i);
	tk_oscal_observation_uuid(d, i, uuid);
	json_t *o = json_object();
	json_object_set_new(o, "uuid", json_string(uuid));
	json_object_set_new(o, "title", jstr(title));
	free(title);
	json_object_set_new(o, "description", observation_description(d, i));
	tk_oscal_set_array(o, "props", observation_props(d, i));
	/* How it was observed is not recorded; documents named as evidence
	 * were examined. */
	json_object_set_new(o, "methods", json_pack("[s]", rt->n_evidence ? "EXAMINE" : "UNKNOWN"));
	tk_oscal_set_array(o, "relevant-evidence", relevant_evidence(d, i));
	json_object_set_new(o, "collected", json_string(d->when));
	if (rt->note)
		json_object_set_new(o, "remarks", json_string(rt->note));
	return o;
}

tk_status tk_oscal_doc_write(json_t *doc, FILE *out, tk_error *err)
{
	if (!doc)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	return tk_json_write(doc, out, err);
}
