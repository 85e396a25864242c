/* An evaluated ECOM assessment as OSCAL 1.0.6 assessment results, valid
 * against NIST's oscal_assessment-results_schema.json.
 *
 *   import-ap     OSCAL wants the assessment plan the results follow. Ours is
 *                 the assessment file itself (targets, importance, weights),
 *                 so import-ap points at a back-matter resource that names it.
 *   result        one, started on the assessment date; the system's levels
 *                 as props; reviewed-controls: every control of the catalog.
 *   observation   one per requirement (oscal_results.c): status, achieved,
 *                 target, gap, core, ranks as props in our namespace;
 *                 evidence as relevant-evidence → back-matter resources.
 *   finding       one per requirement below its target (under, or unknown,
 *                 which counts as below): the control as the target,
 *                 not-satisfied, with what it lacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/export.h"
#include "taisaku/report.h"
#include "oscal_internal.h"
#include "oscal_results.h"

static bool below_target(const tk_req_result *r)
{
	return r->status == TK_ST_UNDER || r->status == TK_ST_UNKNOWN;
}

static json_t *finding(oscal_doc *d, size_t i)
{
	const tk_req_result *r = &d->e->requirements[i];
	char uuid[37], obs[37], *title = tk_oscal_requirement_title(d, i), *text = tk_oscal_shortfall_text(d, i);
	tk_oscal_doc_uuid(d, uuid, "finding/%s", d->cat->requirements[i].id);
	tk_oscal_observation_uuid(d, i, obs);
	json_t *props = json_array();
	tk_oscal_add_prop(props, true, "requirement", d->cat->requirements[i].id);
	tk_oscal_add_prop(props, true, "status", tk_req_status_name(r->status));
	json_t *f = json_pack("{s:s, s:s, s:s}", "uuid", uuid, "title", title ? title : "",
		"description", text ? text : "");
	tk_oscal_set_array(f, "props", props);
	json_object_set_new(f, "target", json_pack("{s:s, s:O, s:{s:s, s:s}}",
		"type", "objective-id", "target-id", json_array_get(d->control_ids, i),
		"status", "state", "not-satisfied", "reason", "fail"));
	json_object_set_new(f, "related-observations", json_pack("[{s:s}]", "observation-uuid", obs));
	free(title);
	free(text);
	return f;
}

static json_t *result_props(const oscal_doc *d)
{
	const tk_evaluation *e = d->e;
	json_t *props = json_array();
	char buf[32];
	if (e->system.counted) {
		snprintf(buf, sizeof buf, "%.1f", tk_round1(e->system.level));
		tk_oscal_add_prop(props, true, "system-level", buf);
	}
	const struct { const char *name; size_t n; } counts[] = {
		{ "count-met", e->n_met }, { "count-under", e->n_under }, { "count-over", e->n_over },
		{ "count-unknown", e->n_unknown }, { "count-na", e->n_na },
		{ "count-unassessed", e->n_unassessed },
	};
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		snprintf(buf, sizeof buf, "%zu", counts[k].n);
		tk_oscal_add_prop(props, true, counts[k].name, buf);
	}
	return props;
}

static json_t *result_json(oscal_doc *d)
{
	const tk_assessment *a = d->a;
	char uuid[37];
	tk_oscal_doc_uuid(d, uuid, "result");
	json_t *res = json_object();
	json_object_set_new(res, "uuid", json_string(uuid));
	json_object_set_new(res, "title", json_sprintf("%s の評価（%s）", a->system_name, a->date ? a->date : "日付なし"));
	json_object_set_new(res, "description", json_sprintf(
		"%s（%s）による評価。システムの目標レベル %d。対策要求 %zu のうち目標達成 %zu、改善が必要 %zu、"
		"過対策 %zu、要調査 %zu、対象外 %zu、未評価 %zu。",
		d->cat->title_ja, d->cat->id, a->level, d->cat->n_requirements, d->e->n_met, d->e->n_under,
		d->e->n_over, d->e->n_unknown, d->e->n_na, d->e->n_unassessed));
	json_object_set_new(res, "start", json_string(d->when));
	tk_oscal_set_array(res, "props", result_props(d));
	json_object_set_new(res, "reviewed-controls", json_pack("{s:[{s:s, s:{}}]}", "control-selections",
		"description", "カタログのすべての対策要求", "include-all"));
	json_t *obs = json_array(), *findings = json_array();
	for (size_t i = 0; i < d->cat->n_requirements; i++) {
		json_array_append_new(obs, tk_oscal_observation(d, i));
		if (below_target(&d->e->requirements[i]))
			json_array_append_new(findings, finding(d, i));
	}
	tk_oscal_set_array(res, "observations", obs);
	tk_oscal_set_array(res, "findings", findings);
	return res;
}

/* The assessment plan: the assessment file, named by its base name (the
 * directory it was read from is no part of the results). */
static json_t *plan_resource(oscal_doc *d, char href[40])
{
	char uuid[37];
	tk_oscal_doc_uuid(d, uuid, "assessment-plan");
	snprintf(href, 40, "#%s", uuid);
	const char *path = d->a->path ? d->a->path : "", *slash = strrchr(path, '/');
	json_t *r = json_pack("{s:s, s:s, s:s}", "uuid", uuid, "title", "評価計画（taisaku の評価シート）",
		"description", "目標レベル・重要度・目標の調整・重みを定めた taisaku の評価シート。"
		"OSCAL の評価計画に当たる。");
	json_t *props = json_array();
	tk_oscal_add_prop(props, true, "assessment-file", slash ? slash + 1 : path);
	tk_oscal_set_array(r, "props", props);
	return r;
}

tk_status tk_assessment_export_oscal(const tk_evaluation *e, FILE *out, tk_error *err)
{
	oscal_doc d;
	if (!tk_oscal_doc_init(&d, e, "assessment-results"))
		return tk_oscal_doc_write(NULL, out, err);
	char uuid[37], href[40], *title;
	tk_oscal_doc_uuid(&d, uuid, "document");
	if (asprintf(&title, "%s セキュリティ対策評価結果", d.a->system_name) < 0)
		title = NULL;
	json_t *ar = json_object();
	json_object_set_new(ar, "uuid", json_string(uuid));
	json_object_set_new(ar, "metadata", tk_oscal_doc_metadata(&d, title ? title : ""));
	free(title);
	json_array_append_new(d.resources, plan_resource(&d, href));
	json_object_set_new(ar, "import-ap", json_pack("{s:s}", "href", href));
	json_object_set_new(ar, "results", json_pack("[o]", result_json(&d)));
	json_object_set_new(ar, "back-matter", json_pack("{s:O}", "resources", d.resources));
	tk_oscal_doc_free(&d);
	return tk_oscal_doc_write(json_pack("{s:o}", "assessment-results", ar), out, err);
}
