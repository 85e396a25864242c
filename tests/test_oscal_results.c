/* The OSCAL assessment results and POA&M of the example assessments, read
 * back as JSON and checked against the evaluation they were made from: one
 * observation per requirement with the evaluation's numbers, a finding for
 * exactly the requirements below target, a poam-item for every improvement
 * and every shortfall, the due dates as milestones, and the same bytes
 * from a second export. (Schema validity: tests/oscal_validate.sh.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "taisaku/assessment.h"
#include "taisaku/export.h"
#include "ecom_fixture.h"
#include "testutil.h"

#define NS "https://taisaku.example/ns/oscal"
#define EXAMPLE(name) TK_SOURCE_ROOT "/examples/" name

typedef struct loaded {
	tk_assessment *a;
	tk_evaluation *e;
} loaded;

static loaded load(const char *path)
{
	loaded l = { 0 };
	tk_error err = { 0 };
	assert_int_equal(tk_assessment_load_file(path, ecom_resolve, NULL, &l.a, &err), TK_OK);
	assert_int_equal(tk_evaluate(l.a, &l.e, &err), TK_OK);
	return l;
}

static void unload(loaded *l)
{
	tk_evaluation_free(l->e);
	tk_assessment_free(l->a);
}

/* The export as text (malloc'd). */
static char *export_text(const tk_evaluation *e, bool poam)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tk_error err = { 0 };
	assert_int_equal(poam ? tk_assessment_export_oscal_poam(e, f, &err) : tk_assessment_export_oscal(e, f, &err),
		TK_OK);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static json_t *export_json(const tk_evaluation *e, bool poam)
{
	char *text = export_text(e, poam);
	json_error_t je;
	json_t *doc = json_loads(text, 0, &je);
	free(text);
	assert_non_null(doc);
	return doc;
}

/* The value of our prop name (with class, when given) on o, or NULL. */
static const char *prop(json_t *o, const char *name, const char *class)
{
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(o, "props"), i, p) {
		const char *ns = json_string_value(json_object_get(p, "ns"));
		const char *c = json_string_value(json_object_get(p, "class"));
		if (ns && strcmp(ns, NS) == 0 && strcmp(json_string_value(json_object_get(p, "name")), name) == 0 &&
		    (!class || (c && strcmp(c, class) == 0)))
			return json_string_value(json_object_get(p, "value"));
	}
	return NULL;
}

static int prop_int(json_t *o, const char *name)
{
	const char *v = prop(o, name, NULL);
	assert_non_null(v);
	return atoi(v);
}

static bool below(tk_req_status s)
{
	return s == TK_ST_UNDER || s == TK_ST_UNKNOWN;
}

static void results_match_evaluation(const char *path)
{
	loaded l = load(path);
	json_t *doc = export_json(l.e, false);
	json_t *res = json_array_get(json_object_get(json_object_get(doc, "assessment-results"), "results"), 0);
	json_t *obs = json_object_get(res, "observations"), *findings = json_object_get(res, "findings");
	assert_int_equal(json_array_size(obs), ecom->n_requirements);
	size_t n_below = 0;
	for (size_t i = 0; i < ecom->n_requirements; i++) {
		const tk_req_result *r = &l.e->requirements[i];
		json_t *o = json_array_get(obs, i);
		assert_string_equal(prop(o, "requirement", NULL), ecom->requirements[i].id);
		assert_string_equal(prop(o, "status", NULL), tk_req_status_name(r->status));
		assert_int_equal(prop_int(o, "target"), r->target);
		if (r->status == TK_ST_MET || r->status == TK_ST_UNDER || r->status == TK_ST_OVER) {
			assert_int_equal(prop_int(o, "achieved"), r->achieved);
			assert_int_equal(prop_int(o, "gap"), r->gap);
		} else {
			assert_null(prop(o, "achieved", NULL));
		}
		const tk_rating *rt = &l.a->ratings[i];
		if (rt->kind == TK_RATING_RATED) {
			assert_int_equal(prop_int(o, "core"), r->core);
			assert_string_equal(prop(o, "rank", "review"), tk_rank_name(rt->ranks[TK_P_REVIEW]));
		}
		assert_int_equal(json_array_size(json_object_get(o, "relevant-evidence")), rt->n_evidence);
		if (below(r->status)) {
			json_t *f = json_array_get(findings, n_below++);
			assert_string_equal(prop(f, "requirement", NULL), ecom->requirements[i].id);
			assert_string_equal(json_string_value(json_object_get(json_object_get(f, "target"), "target-id")),
				ecom->requirements[i].id);
		}
	}
	assert_int_equal(json_array_size(findings), n_below);
	assert_int_equal(n_below, l.e->n_under + l.e->n_unknown);
	/* The date of the assessment is the only time. */
	char when[40];
	snprintf(when, sizeof when, "%sT00:00:00+09:00", l.a->date);
	assert_string_equal(json_string_value(json_object_get(res, "start")), when);
	json_decref(doc);
	unload(&l);
}

static void results(void **state)
{
	(void)state;
	results_match_evaluation(EXAMPLE("ordinary-company-2026.yaml"));
	results_match_evaluation(EXAMPLE("financial-institution.yaml"));
	results_match_evaluation(EXAMPLE("small-company.yaml"));
}

static void poam_matches_plan(const char *path)
{
	loaded l = load(path);
	json_t *doc = export_json(l.e, true);
	json_t *p = json_object_get(doc, "plan-of-action-and-milestones");
	json_t *items = json_object_get(p, "poam-items"), *risks = json_object_get(p, "risks");
	size_t k = 0, n_milestones = 0;
	for (size_t i = 0; i < ecom->n_requirements; i++) {
		size_t n_imp = 0;
		for (size_t m = 0; m < l.a->n_improvements; m++)
			n_imp += l.a->improvements[m].requirement == i;
		if (!n_imp && !below(l.e->requirements[i].status))
			continue;
		json_t *item = json_array_get(items, k), *risk = json_array_get(risks, k);
		k++;
		assert_string_equal(prop(item, "requirement", NULL), ecom->requirements[i].id);
		assert_string_equal(json_string_value(json_object_get(risk, "status")), n_imp ? "remediating" : "open");
		json_t *rems = json_object_get(risk, "remediations");
		assert_int_equal(json_array_size(rems), n_imp);
		/* Each improvement's due date is its milestone, in order. */
		size_t r = 0;
		for (size_t m = 0; m < l.a->n_improvements; m++) {
			const tk_improvement *im = &l.a->improvements[m];
			if (im->requirement != i)
				continue;
			json_t *task = json_array_get(json_object_get(json_array_get(rems, r++), "tasks"), 0);
			if (!im->due) {
				assert_null(task);
				continue;
			}
			n_milestones++;
			assert_string_equal(json_string_value(json_object_get(task, "type")), "milestone");
			const char *date = json_string_value(json_object_get(json_object_get(
				json_object_get(task, "timing"), "on-date"), "date"));
			assert_non_null(date);
			assert_memory_equal(date, im->due, 10);
			if (im->owner)
				assert_string_equal(prop(json_array_get(rems, r - 1), "owner", NULL), im->owner);
		}
	}
	assert_int_equal(json_array_size(items), k);
	assert_true(k > 0);
	assert_true(n_milestones > 0);
	json_decref(doc);
	unload(&l);
}

static void poam(void **state)
{
	(void)state;
	poam_matches_plan(EXAMPLE("ordinary-company-2026.yaml"));
	poam_matches_plan(EXAMPLE("ordinary-company-2025.yaml"));
	poam_matches_plan(EXAMPLE("financial-institution.yaml"));
}

/* Same assessment, same bytes; another date, other uuids. */
static void deterministic(void **state)
{
	(void)state;
	loaded l = load(EXAMPLE("small-company.yaml"));
	char *a = export_text(l.e, false), *b = export_text(l.e, false);
	assert_string_equal(a, b);
	char *p1 = export_text(l.e, true);
	const char *date = l.a->date;
	l.a->date = "2030-01-01";
	char *c = export_text(l.e, false), *p2 = export_text(l.e, true);
	l.a->date = date;
	json_t *ja = json_loads(a, 0, NULL), *jc = json_loads(c, 0, NULL);
	assert_string_not_equal(json_string_value(json_object_get(json_object_get(ja, "assessment-results"), "uuid")),
		json_string_value(json_object_get(json_object_get(jc, "assessment-results"), "uuid")));
	assert_string_not_equal(p1, p2);
	json_decref(ja);
	json_decref(jc);
	free(a);
	free(b);
	free(c);
	free(p1);
	free(p2);
	unload(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(results),
		cmocka_unit_test(poam),
		cmocka_unit_test(deterministic),
	};
	return cmocka_run_group_tests(tests, ecom_setup, ecom_teardown);
}
