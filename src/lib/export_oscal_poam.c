/* The improvement plan of an evaluated ECOM assessment as an OSCAL 1.0.6
 * plan of action and milestones, valid against NIST's oscal_poam_schema.json.
 *
 * The plan covers every requirement that has an entry in the assessment's
 * improvement plan (改善計画) and every requirement below its target
 * (under, or unknown), in catalog order; one of each per requirement:
 *   observation  as in the assessment results (oscal_results.c)
 *   risk         the shortfall: status "remediating" when an improvement
 *                is planned, else "open"; deadline = the latest due date;
 *                one remediation (lifecycle "planned") per improvement,
 *                holding the aim, the content and the steps, the cause and
 *                the owner as props, and its due date as a milestone task
 *   poam-item    the requirement, pointing at its observation and risk */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/export.h"
#include "oscal_internal.h"
#include "oscal_results.h"

static bool in_plan(const oscal_doc *d, size_t i, size_t *n_improvements)
{
	size_t n = 0;
	for (size_t k = 0; k < d->a->n_improvements; k++)
		n += d->a->improvements[k].requirement == i;
	*n_improvements = n;
	tk_req_status s = d->e->requirements[i].status;
	return n || s == TK_ST_UNDER || s == TK_ST_UNKNOWN;
}

/* "aim\n\ncontent\n\nsteps", leaving out what is not given. */
static json_t *improvement_text(const tk_improvement *im)
{
	const char *parts[][2] = { { "改善の狙い", im->aim }, { "具体的改善内容", im->content },
		{ "展開手順", im->steps } };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	const char *sep = "";
	for (size_t k = 0; k < 3; k++) {
		if (!parts[k][1])
			continue;
		fprintf(f, "%s%s: %s", sep, parts[k][0], parts[k][1]);
		sep = "\n\n";
	}
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	json_t *s = json_string(len ? buf : "改善計画（内容の記載なし）");
	free(buf);
	return s;
}

static json_t *remediation(const oscal_doc *d, size_t i, size_t n, const tk_improvement *im)
{
	const char *rid = d->cat->requirements[i].id;
	char uuid[37];
	tk_oscal_doc_uuid(d, uuid, "remediation/%s/%zu", rid, n);
	json_t *r = json_object(), *props = json_array();
	json_object_set_new(r, "uuid", json_string(uuid));
	json_object_set_new(r, "lifecycle", json_string("planned"));
	char *title = tk_oscal_one_line(im->aim ? im->aim : im->content);
	json_object_set_new(r, "title", json_string(title ? title : "改善計画"));
	free(title);
	json_object_set_new(r, "description", improvement_text(im));
	tk_oscal_add_prop(props, true, "cause", tk_cause_name_ja(im->cause));
	tk_oscal_add_prop(props, true, "owner", im->owner);
	tk_oscal_add_prop(props, true, "due", im->due);
	tk_oscal_set_array(r, "props", props);
	if (im->due) {
		char task[37], when[32];
		tk_oscal_doc_uuid(d, task, "milestone/%s/%zu", rid, n);
		tk_oscal_date_time(im->due, when);
		json_object_set_new(r, "tasks", json_pack("[{s:s, s:s, s:s, s:{s:{s:s}}}]",
			"uuid", task, "type", "milestone", "title", "実施時期",
			"timing", "on-date", "date", when));
	}
	return r;
}

static json_t *risk(const oscal_doc *d, size_t i)
{
	const tk_requirement *req = &d->cat->requirements[i];
	const tk_req_result *r = &d->e->requirements[i];
	char uuid[37], obs[37], *title = tk_oscal_requirement_title(d, i);
	tk_oscal_doc_uuid(d, uuid, "risk/%s", req->id);
	tk_oscal_observation_uuid(d, i, obs);
	bool below = r->status == TK_ST_UNDER || r->status == TK_ST_UNKNOWN;
	char *statement = below ? tk_oscal_shortfall_text(d, i) : NULL;
	json_t *o = json_object(), *rems = json_array();
	json_object_set_new(o, "uuid", json_string(uuid));
	json_object_set_new(o, "title", json_string(title ? title : req->id));
	json_object_set_new(o, "description", json_sprintf("対策要求 %s が目標レベル %d に達しない、または改善を計画している。",
		req->id, r->target));
	if (statement)
		json_object_set_new(o, "statement", json_string(statement));
	else
		json_object_set_new(o, "statement", json_sprintf(
			"目標は満たしている（%s）が、改善計画がある", tk_req_status_name(r->status)));
	const char *deadline = NULL;
	for (size_t k = 0, n = 0; k < d->a->n_improvements; k++) {
		const tk_improvement *im = &d->a->improvements[k];
		if (im->requirement != i)
			continue;
		json_array_append_new(rems, remediation(d, i, ++n, im));
		/* Dates are YYYY-MM-DD, so the latest is the greatest string. */
		if (im->due && (!deadline || strcmp(im->due, deadline) > 0))
			deadline = im->due;
	}
	json_object_set_new(o, "status", json_string(json_array_size(rems) ? "remediating" : "open"));
	if (deadline) {
		char when[32];
		tk_oscal_date_time(deadline, when);
		json_object_set_new(o, "deadline", json_string(when));
	}
	tk_oscal_set_array(o, "remediations", rems);
	json_object_set_new(o, "related-observations", json_pack("[{s:s}]", "observation-uuid", obs));
	free(title);
	free(statement);
	return o;
}

static json_t *poam_item(const oscal_doc *d, size_t i, size_t n_improvements)
{
	const tk_requirement *req = &d->cat->requirements[i];
	const tk_req_result *r = &d->e->requirements[i];
	char uuid[37], obs[37], rk[37], *title = tk_oscal_requirement_title(d, i);
	tk_oscal_doc_uuid(d, uuid, "poam-item/%s", req->id);
	tk_oscal_observation_uuid(d, i, obs);
	tk_oscal_doc_uuid(d, rk, "risk/%s", req->id);
	json_t *o = json_object(), *props = json_array();
	json_object_set_new(o, "uuid", json_string(uuid));
	json_object_set_new(o, "title", json_string(title ? title : req->id));
	json_object_set_new(o, "description", n_improvements
		? json_sprintf("改善計画 %zu 件（目標レベル %d）", n_improvements, r->target)
		: json_sprintf("目標レベル %d に達していないが、改善計画がない", r->target));
	tk_oscal_add_prop(props, true, "requirement", req->id);
	tk_oscal_add_prop(props, true, "status", tk_req_status_name(r->status));
	tk_oscal_set_array(o, "props", props);
	json_object_set_new(o, "related-observations", json_pack("[{s:s}]", "observation-uuid", obs));
	json_object_set_new(o, "related-risks", json_pack("[{s:s}]", "risk-uuid", rk));
	free(title);
	return o;
}

tk_status tk_assessment_export_oscal_poam(const tk_evaluation *e, FILE *out, tk_error *err)
{
	oscal_doc d;
	if (!tk_oscal_doc_init(&d, e, "poam"))
		return tk_oscal_doc_write(NULL, out, err);
	char uuid[37], *title;
	tk_oscal_doc_uuid(&d, uuid, "document");
	if (asprintf(&title, "%s 改善計画", d.a->system_name) < 0)
		title = NULL;
	json_t *p = json_object(), *obs = json_array(), *risks = json_array(), *items = json_array();
	json_object_set_new(p, "uuid", json_string(uuid));
	json_object_set_new(p, "metadata", tk_oscal_doc_metadata(&d, title ? title : ""));
	free(title);
	char *sys = tk_oscal_one_line(d.a->system_name);
	if (sys)
		json_object_set_new(p, "system-id", json_pack("{s:s, s:s}",
			"identifier-type", TK_OSCAL_NS "/system-name", "id", sys));
	free(sys);
	for (size_t i = 0; i < d.cat->n_requirements; i++) {
		size_t n;
		if (!in_plan(&d, i, &n))
			continue;
		json_array_append_new(obs, tk_oscal_observation(&d, i));
		json_array_append_new(risks, risk(&d, i));
		json_array_append_new(items, poam_item(&d, i, n));
	}
	tk_oscal_set_array(p, "observations", obs);
	tk_oscal_set_array(p, "risks", risks);
	/* poam-items is required; a plan with nothing to do says so. */
	if (!json_array_size(items)) {
		char none[37];
		tk_oscal_doc_uuid(&d, none, "poam-item/none");
		json_array_append_new(items, json_pack("{s:s, s:s, s:s}", "uuid", none,
			"title", "改善の必要なし", "description",
			"すべての対策要求が目標レベルを満たし、改善計画もない"));
	}
	json_object_set_new(p, "poam-items", items);
	if (json_array_size(d.resources))
		json_object_set_new(p, "back-matter", json_pack("{s:O}", "resources", d.resources));
	tk_oscal_doc_free(&d);
	return tk_oscal_doc_write(json_pack("{s:o}", "plan-of-action-and-milestones", p), out, err);
}
