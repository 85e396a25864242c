/* taisaku diff OLD NEW [--format text|json]
 * What changed between two assessment rounds of the same system: levels,
 * statuses, targets and importance, and which requirements became or stopped
 * being under- or over-measures. Two compliance rounds: status changes per
 * item and compliance changes per section (cmd_compliance.c). */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "cli.h"
#include "taisaku/report.h"
#include "../lib/export_internal.h"

#define USAGE "taisaku diff OLD NEW [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]"

typedef struct assessment_round {
	tk_assessment *a;
	tk_evaluation *e;
} assessment_round;

static bool changed(double x, double y)
{
	return fabs(x - y) > 1e-9;
}

static bool requirement_changed(const assessment_round *o, const assessment_round *n, size_t i)
{
	const tk_req_result *a = &o->e->requirements[i], *b = &n->e->requirements[i];
	return a->status != b->status || a->achieved != b->achieved || a->target != b->target ||
	       a->core != b->core || o->a->importance[i] != n->a->importance[i];
}

/* The four lists: became under, no longer under, became over, no longer over. */
typedef struct transitions {
	json_t *lists[4];
} transitions;

static const char *const LIST_KEYS[4] = { "became_under", "no_longer_under", "became_over", "no_longer_over" };

static transitions transitions_of(const assessment_round *o, const assessment_round *n)
{
	transitions t;
	for (int k = 0; k < 4; k++)
		t.lists[k] = json_array();
	const tk_catalog *c = o->a->catalog;
	for (size_t i = 0; i < c->n_requirements; i++) {
		tk_req_status a = o->e->requirements[i].status, b = n->e->requirements[i].status;
		json_t *id = json_string(c->requirements[i].id);
		if (a != TK_ST_UNDER && b == TK_ST_UNDER)
			json_array_append(t.lists[0], id);
		if (a == TK_ST_UNDER && b != TK_ST_UNDER)
			json_array_append(t.lists[1], id);
		if (a != TK_ST_OVER && b == TK_ST_OVER)
			json_array_append(t.lists[2], id);
		if (a == TK_ST_OVER && b != TK_ST_OVER)
			json_array_append(t.lists[3], id);
		json_decref(id);
	}
	return t;
}

static json_t *side_json(const assessment_round *r, size_t i)
{
	const tk_req_result *q = &r->e->requirements[i];
	return json_pack("{s:s, s:o, s:o, s:i, s:s}", "status", tk_req_status_name(q->status),
		"achieved", q->counted ? json_integer(q->achieved) : json_null(),
		"core", q->core ? json_integer(q->core) : json_null(), "target", q->target,
		"importance", tk_importance_name(r->a->importance[i]));
}

static json_t *level_json(const tk_aggregate *g)
{
	return g->counted ? json_real(g->level) : json_null();
}

static tk_status write_json(const assessment_round *o, const assessment_round *n, FILE *f, tk_error *err)
{
	const tk_catalog *c = o->a->catalog;
	json_t *doc = json_object();
	json_object_set_new(doc, "catalog", json_string(c->id));
	json_object_set_new(doc, "system", json_pack("{s:{s:s, s:o, s:i, s:o}, s:{s:s, s:o, s:i, s:o}}",
		"old", "name", o->a->system_name, "date", o->a->date ? json_string(o->a->date) : json_null(),
		"target", o->a->level, "level", level_json(&o->e->system),
		"new", "name", n->a->system_name, "date", n->a->date ? json_string(n->a->date) : json_null(),
		"target", n->a->level, "level", level_json(&n->e->system)));
	json_t *views = json_array(), *domains = json_array(), *reqs = json_array();
	for (size_t v = 0; v < c->n_views; v++)
		json_array_append_new(views, json_pack("{s:s, s:o, s:o}", "id", c->views[v].id,
			"old", level_json(&o->e->views[v]), "new", level_json(&n->e->views[v])));
	for (size_t d = 0; d < c->n_domains; d++)
		json_array_append_new(domains, json_pack("{s:s, s:o, s:o}", "id", c->domains[d].id,
			"old", level_json(&o->e->domains[d]), "new", level_json(&n->e->domains[d])));
	for (size_t i = 0; i < c->n_requirements; i++)
		if (requirement_changed(o, n, i))
			json_array_append_new(reqs, json_pack("{s:s, s:o, s:o}", "id", c->requirements[i].id,
				"old", side_json(o, i), "new", side_json(n, i)));
	json_object_set_new(doc, "views", views);
	json_object_set_new(doc, "domains", domains);
	json_object_set_new(doc, "requirements", reqs);
	transitions t = transitions_of(o, n);
	for (int k = 0; k < 4; k++)
		json_object_set_new(doc, LIST_KEYS[k], t.lists[k]);
	return tk_json_write(doc, f, err);
}

static void level_change(const cli *c, FILE *f, const tk_aggregate *a, const tk_aggregate *b)
{
	(void)c;
	if (a->counted && b->counted)
		fprintf(f, "%.1f → %.1f (%+.1f)", tk_round1(a->level), tk_round1(b->level),
			tk_round1(b->level) - tk_round1(a->level));
	else if (b->counted)
		fprintf(f, "- → %.1f", tk_round1(b->level));
	else if (a->counted)
		fprintf(f, "%.1f → -", tk_round1(a->level));
	else
		fputs("- → -", f);
}

static void level_or_dash(FILE *f, bool counted, int level)
{
	if (counted)
		fprintf(f, "%d", level);
	else
		fputc('-', f);
}

static void write_text(const cli *c, const assessment_round *o, const assessment_round *n, FILE *f)
{
	const tk_catalog *cat = o->a->catalog;
	fprintf(f, "%s: %s → %s\n", n->a->system_name, o->a->date ? o->a->date : "?", n->a->date ? n->a->date : "?");
	fprintf(f, "%s ", cli_tr(c, "達成レベル", "achieved level"));
	level_change(c, f, &o->e->system, &n->e->system);
	fprintf(f, "  %s %d → %d\n", cli_tr(c, "目標レベル", "target level"), o->a->level, n->a->level);
	fprintf(f, "%s %zu → %zu  %s %zu → %zu  %s %zu → %zu  %s %zu → %zu\n",
		cli_tr(c, "改善が必要", "under"), o->e->n_under, n->e->n_under,
		cli_tr(c, "過対策", "over"), o->e->n_over, n->e->n_over,
		cli_tr(c, "要調査", "unknown"), o->e->n_unknown, n->e->n_unknown,
		cli_tr(c, "未評価", "unassessed"), o->e->n_unassessed, n->e->n_unassessed);
	bool any = false;
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_aggregate *a = &o->e->domains[d], *b = &n->e->domains[d];
		if (a->counted == b->counted && (!a->counted || !changed(a->level, b->level)))
			continue;
		if (!any)
			fprintf(f, "\n%s\n", cli_tr(c, "対策ドメインの変化", "Domains that changed"));
		any = true;
		fputs("  ", f);
		level_change(c, f, a, b);
		fprintf(f, "  %s %s\n", cat->domains[d].id, c->lang == TK_LANG_EN ? cat->domains[d].title_en : cat->domains[d].title_ja);
	}
	any = false;
	for (size_t i = 0; i < cat->n_requirements; i++) {
		if (!requirement_changed(o, n, i))
			continue;
		if (!any)
			fprintf(f, "\n%s\n", cli_tr(c, "対策要求の変化", "Requirements that changed"));
		any = true;
		const tk_req_result *a = &o->e->requirements[i], *b = &n->e->requirements[i];
		const tk_requirement *r = &cat->requirements[i];
		fprintf(f, "  %s %s\n     ", r->id, c->lang == TK_LANG_EN ? r->title_en : r->title_ja);
		fprintf(f, " %s %s → %s", cli_tr(c, "状態", "status"), tk_req_status_label(a->status, c->lang),
			tk_req_status_label(b->status, c->lang));
		if (a->achieved != b->achieved) {
			fprintf(f, ", %s ", cli_tr(c, "達成", "achieved"));
			level_or_dash(f, a->counted, a->achieved);
			fputs(" → ", f);
			level_or_dash(f, b->counted, b->achieved);
		}
		if (a->core != b->core && a->core && b->core)
			fprintf(f, ", %s %d → %d", cli_tr(c, "対策コア", "core"), a->core, b->core);
		if (a->target != b->target)
			fprintf(f, ", %s %d → %d", cli_tr(c, "目標", "target"), a->target, b->target);
		if (o->a->importance[i] != n->a->importance[i])
			fprintf(f, ", %s %s → %s", cli_tr(c, "重要度", "importance"),
				tk_importance_label(o->a->importance[i], c->lang),
				tk_importance_label(n->a->importance[i], c->lang));
		fputc('\n', f);
	}
	static const char *ja[4] = { "新たに目標未達になった対策要求", "目標未達が解消した対策要求",
		"新たに過対策になった対策要求", "過対策でなくなった対策要求" };
	static const char *en[4] = { "Became under-measures", "No longer under-measures",
		"Became over-measures", "No longer over-measures" };
	transitions t = transitions_of(o, n);
	for (int k = 0; k < 4; k++) {
		size_t m = json_array_size(t.lists[k]);
		if (m) {
			fprintf(f, "\n%s: %zu\n ", cli_tr(c, ja[k], en[k]), m);
			for (size_t j = 0; j < m; j++)
				fprintf(f, " %s", json_string_value(json_array_get(t.lists[k], j)));
			fputc('\n', f);
		}
		json_decref(t.lists[k]);
	}
}

bool cli_diff_comparable(const cli *c, const tk_catalog *a, const tk_catalog *b, const char *system_a,
	const char *system_b)
{
	if (a != b) {
		cli_fail(c, "二つの評価のカタログが違います（%s と %s）", "the two rounds use different catalogs (%s and %s)",
			a->id, b->id);
		return false;
	}
	if (strcmp(system_a, system_b) != 0)
		fprintf(stderr, "taisaku: %s\n", cli_tr(c, "注意: 二つの評価のシステム名が違います",
			"note: the two rounds name different systems"));
	return true;
}

int cmd_diff(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CATALOG_DIR, 2, 2, USAGE))
		return EXIT_ERROR;
	const char *format = c->format ? c->format : "text";
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_fail(c, "形式 '%s' は使えません（text, json）", "unknown format '%s' (text, json)", format);
	cli_catalogs cats = { .c = c };
	if (cli_is_compliance(&cats, c->args[0]) || cli_is_compliance(&cats, c->args[1])) {
		int crc = compliance_diff(c, &cats, c->args[0], c->args[1], format);
		cli_catalogs_free(&cats);
		return crc;
	}
	assessment_round r[2] = { { 0 } };
	tk_error err = { 0 };
	int rc = EXIT_ERROR;
	for (int k = 0; k < 2; k++)
		if (tk_assessment_load_file(c->args[k], cli_resolve_catalog, &cats, &r[k].a, &err) ||
		    tk_evaluate(r[k].a, &r[k].e, &err)) {
			cli_error(c, &err);
			goto done;
		}
	if (!cli_diff_comparable(c, r[0].a->catalog, r[1].a->catalog, r[0].a->system_name, r[1].a->system_name))
		goto done;
	cli_out o;
	if (cli_out_open(c, &o)) {
		tk_status st = TK_OK;
		if (strcmp(format, "json") == 0)
			st = write_json(&r[0], &r[1], o.f, &err);
		else
			write_text(c, &r[0], &r[1], o.f);
		rc = cli_out_done(c, &o, st, &err);
	}
done:
	for (int k = 0; k < 2; k++) {
		tk_evaluation_free(r[k].e);
		tk_assessment_free(r[k].a);
	}
	cli_catalogs_free(&cats);
	return rc;
}
