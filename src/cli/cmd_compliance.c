/* The compliance side of evaluate, plan, diff and report: the commands
 * look at the catalog a file names, and a catalog of kind compliance comes
 * here (include/taisaku/compliance.h). Exit statuses mirror the ECOM ones:
 * evaluate gives 0 when every applicable item is implemented, 2 when any
 * item is open, 1 on an input error. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "taisaku/compliance.h"
#include "taisaku/file.h"
#include "taisaku/report.h"
#include "taisaku/rules.h"
#include "taisaku/ssp.h"
#include "../lib/export_internal.h"

/* A compliance assessment and its result, loaded together. */
typedef struct c_round {
	tk_compliance *a;
	tk_compliance_result *r;
} c_round;

static bool load_round(cli *c, cli_catalogs *cats, const char *path, c_round *out)
{
	tk_error err = { 0 };
	out->a = NULL;
	out->r = NULL;
	if (tk_compliance_load_file(path, cli_resolve_catalog, cats, &out->a, &err) ||
	    tk_compliance_evaluate(out->a, &out->r, &err)) {
		cli_error(c, &err);
		tk_compliance_free(out->a);
		out->a = NULL;
		return false;
	}
	return true;
}

static void free_round(c_round *r)
{
	tk_compliance_result_free(r->r);
	tk_compliance_free(r->a);
}

int compliance_evaluate(cli *c, cli_catalogs *cats, const char *path, const char *format)
{
	c_round rd;
	if (!load_round(c, cats, path, &rd))
		return EXIT_ERROR;
	tk_error err = { 0 };
	cli_out o;
	int rc = EXIT_ERROR;
	if (cli_out_open(c, &o)) {
		tk_status st;
		if (strcmp(format, "json") == 0)
			st = tk_compliance_write_json(rd.r, o.f, &err);
		else if (strcmp(format, "html") == 0)
			st = tk_compliance_write_html(rd.r, c->lang, o.f, &err);
		else
			st = tk_compliance_write_text(rd.r, c->lang, o.f, &err);
		rc = cli_out_done(c, &o, st, &err);
		if (rc == EXIT_OK)
			rc = tk_compliance_exit_code(rd.r);
	}
	free_round(&rd);
	return rc;
}

int compliance_batch_line(cli *c, cli_catalogs *cats, const char *path, bool json, FILE *f)
{
	c_round rd;
	if (!load_round(c, cats, path, &rd))
		return EXIT_ERROR;
	const tk_compliance_tally *t = &rd.r->overall;
	if (json) {
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:i, s:i, s:i, s:b}", "file", path,
			"name", rd.a->system_name, "kind", "compliance", "catalog", rd.a->catalog->id,
			"compliance", isnan(t->compliance) ? json_null() : json_real(t->compliance),
			"open", (json_int_t)rd.r->n_open, "unknown", (json_int_t)t->n[TK_CS_UNKNOWN],
			"unassessed", (json_int_t)t->n[TK_CS_UNASSESSED], "complete", t->n[TK_CS_UNASSESSED] == 0);
		/* One line, spaced like the ECOM lines of the same batch. */
		json_dumpf(o, f, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
		json_decref(o);
		fputc('\n', f);
	} else {
		char buf[16];
		fprintf(f, "%s\t%s %zu\t%s %zu\t%s\t%s\t%s\n", tk_compliance_percent(t->compliance, buf, sizeof(buf)),
			cli_tr(c, "未完了", "open"), rd.r->n_open, cli_tr(c, "不明", "unknown"), t->n[TK_CS_UNKNOWN],
			t->n[TK_CS_UNASSESSED] ? cli_tr(c, "未評価あり", "incomplete") : cli_tr(c, "完了", "complete"),
			rd.a->system_name, path);
	}
	int rc = tk_compliance_exit_code(rd.r);
	free_round(&rd);
	return rc;
}

int compliance_plan(cli *c, const tk_catalog *cat, const char *name)
{
	tk_compliance *a;
	tk_error err = { 0 };
	if (tk_compliance_new(cat, name, &a, &err))
		return cli_error(c, &err);
	cli_out o;
	int rc = EXIT_ERROR;
	if (cli_out_open(c, &o)) {
		c->durable = true; /* the sheet an officer will fill in */
		tk_status st = tk_compliance_write_yaml(a, o.f, &err);
		rc = cli_out_done(c, &o, st, &err);
	}
	tk_compliance_free(a);
	return rc;
}

/* Loads and evaluates path, then writes its result with an HTML writer. */
static int write_result(cli *c, cli_catalogs *cats, const char *path,
	tk_status (*write)(const tk_compliance_result *, tk_lang, FILE *, tk_error *))
{
	c_round rd;
	if (!load_round(c, cats, path, &rd))
		return EXIT_ERROR;
	tk_error err = { 0 };
	cli_out o;
	int rc = EXIT_ERROR;
	if (cli_out_open(c, &o))
		rc = cli_out_done(c, &o, write(rd.r, c->lang, o.f, &err), &err);
	free_round(&rd);
	return rc;
}

int compliance_report(cli *c, cli_catalogs *cats, const char *path)
{
	return write_result(c, cats, path, tk_compliance_report_html);
}

/* The organisation's rules (report --kind rules): refused, with every
 * open choice listed on stderr, while a parameter is not chosen or a
 * placeholder is left. */
int compliance_rules(cli *c, cli_catalogs *cats, const char *path)
{
	c_round rd;
	if (!load_round(c, cats, path, &rd))
		return EXIT_ERROR;
	tk_error err = { 0 };
	tk_rules *r;
	if (tk_rules_build(rd.a, &r, &err)) {
		free_round(&rd);
		return cli_error(c, &err);
	}
	size_t n;
	const tk_rules_open *open = tk_rules_open_choices(r, &n);
	int rc = EXIT_ERROR;
	if (n) {
		cli_fail(c, "%s: 決まっていない選択が %zu 件あるため、規程を書けません。評価シートの parameters: に"
			"選んだ文言を書いてください:", "%s: %zu choices are still open, so the rules cannot be written; "
			"give the chosen text under parameters: in the assessment:", path, n);
		for (size_t k = 0; k < n; k++) {
			if (open[k].kind == TK_RULES_UNCHOSEN)
				fprintf(stderr, "  %s\t%s\t%s%s%s\n", open[k].where, open[k].parameter,
					cli_tr(c, "「", "\""), open[k].text, cli_tr(c, "」", "\""));
			else
				fprintf(stderr, "  %s\t%s\t%s%s%s\n", open[k].where,
					cli_tr(c, "（パラメータなしのプレースホルダー）", "(a placeholder with no parameter)"),
					cli_tr(c, "「", "\""), open[k].text, cli_tr(c, "」", "\""));
		}
	} else {
		cli_out o;
		if (cli_out_open(c, &o)) {
			tk_status st = tk_rules_write_html(r, c->lang, o.f, &err);
			rc = cli_out_done(c, &o, st, &err);
		}
	}
	tk_rules_free(r);
	free_round(&rd);
	return rc;
}

/* The defense system security implementation plan (report --kind ssp). */
int compliance_ssp(cli *c, cli_catalogs *cats, const char *path)
{
	return write_result(c, cats, path, tk_ssp_write_html);
}

/* ---- diff ---- */

static bool compliance_changed(double x, double y)
{
	return isnan(x) != isnan(y) || (!isnan(x) && fabs(x - y) > 1e-9);
}

static json_t *compliance_json(double x)
{
	return isnan(x) ? json_null() : json_real(x);
}

static tk_status diff_json(const c_round *o, const c_round *n, FILE *f, tk_error *err)
{
	const tk_catalog *cat = o->a->catalog;
	json_t *doc = json_object();
	json_object_set_new(doc, "kind", json_string("compliance"));
	json_object_set_new(doc, "catalog", json_string(cat->id));
	json_object_set_new(doc, "system", json_pack("{s:{s:s, s:o}, s:{s:s, s:o}}",
		"old", "name", o->a->system_name, "date", o->a->date ? json_string(o->a->date) : json_null(),
		"new", "name", n->a->system_name, "date", n->a->date ? json_string(n->a->date) : json_null()));
	json_object_set_new(doc, "overall", json_pack("{s:o, s:o, s:i, s:i}",
		"old", compliance_json(o->r->overall.compliance), "new", compliance_json(n->r->overall.compliance),
		"open_old", (json_int_t)o->r->n_open, "open_new", (json_int_t)n->r->n_open));
	json_t *sections = json_array(), *items = json_array(), *closed = json_array(), *opened = json_array();
	for (size_t d = 0; d < cat->n_domains; d++)
		json_array_append_new(sections, json_pack("{s:s, s:o, s:o}", "id", cat->domains[d].id,
			"old", compliance_json(o->r->sections[d].compliance),
			"new", compliance_json(n->r->sections[d].compliance)));
	for (size_t i = 0; i < cat->n_requirements; i++) {
		tk_item_status a = o->a->items[i].status, b = n->a->items[i].status;
		if (a == b)
			continue;
		const char *id = cat->requirements[i].id;
		json_array_append_new(items, json_pack("{s:s, s:s, s:s}", "id", id,
			"old", tk_item_status_name(a), "new", tk_item_status_name(b)));
		if (tk_item_status_open(a) && !tk_item_status_open(b))
			json_array_append_new(closed, json_string(id));
		if (!tk_item_status_open(a) && tk_item_status_open(b))
			json_array_append_new(opened, json_string(id));
	}
	json_object_set_new(doc, "sections", sections);
	json_object_set_new(doc, "items", items);
	json_object_set_new(doc, "closed", closed);
	json_object_set_new(doc, "opened", opened);
	return tk_json_write(doc, f, err);
}

static void pct_change(FILE *f, double a, double b)
{
	char x[16], y[16];
	fprintf(f, "%s → %s", tk_compliance_percent(a, x, sizeof(x)), tk_compliance_percent(b, y, sizeof(y)));
	if (!isnan(a) && !isnan(b))
		fprintf(f, " (%+.1f)", tk_round1(b * 100) - tk_round1(a * 100));
}

static void diff_text(const cli *c, const c_round *o, const c_round *n, FILE *f)
{
	const tk_catalog *cat = o->a->catalog;
	bool en = c->lang == TK_LANG_EN;
	fprintf(f, "%s: %s → %s\n", n->a->system_name, o->a->date ? o->a->date : "?", n->a->date ? n->a->date : "?");
	fprintf(f, "%s ", cli_tr(c, "準拠率", "compliance"));
	pct_change(f, o->r->overall.compliance, n->r->overall.compliance);
	fprintf(f, "  %s %zu → %zu\n", cli_tr(c, "未完了", "open"), o->r->n_open, n->r->n_open);
	for (int s = 1; s <= TK_CS_COUNT; s++) {
		tk_item_status st = (tk_item_status)(s % TK_CS_COUNT); /* implemented .. unknown, then unassessed */
		fprintf(f, "%s%s %zu → %zu", s > 1 ? "  " : "", tk_item_status_label(st, c->lang),
			o->r->overall.n[st], n->r->overall.n[st]);
	}
	fputc('\n', f);
	bool any = false;
	for (size_t d = 0; d < cat->n_domains; d++) {
		const tk_compliance_tally *a = &o->r->sections[d], *b = &n->r->sections[d];
		if (!compliance_changed(a->compliance, b->compliance))
			continue;
		if (!any)
			fprintf(f, "\n%s\n", cli_tr(c, "準拠率が変わったセクション", "Sections whose compliance changed"));
		any = true;
		fputs("  ", f);
		pct_change(f, a->compliance, b->compliance);
		fprintf(f, "  %s %s\n", cat->domains[d].id, en ? cat->domains[d].title_en : cat->domains[d].title_ja);
	}
	any = false;
	for (size_t i = 0; i < cat->n_requirements; i++) {
		tk_item_status a = o->a->items[i].status, b = n->a->items[i].status;
		if (a == b)
			continue;
		if (!any)
			fprintf(f, "\n%s\n", cli_tr(c, "状態が変わった項目", "Items whose status changed"));
		any = true;
		const tk_requirement *q = &cat->requirements[i];
		fprintf(f, "  %s → %s  %s %s\n", tk_item_status_label(a, c->lang), tk_item_status_label(b, c->lang),
			q->id, en && q->title_en ? q->title_en : q->title_ja);
	}
}

int compliance_diff(cli *c, cli_catalogs *cats, const char *old_path, const char *new_path, const char *format)
{
	c_round r[2] = { { 0 } };
	int rc = EXIT_ERROR;
	tk_error err = { 0 };
	if (!load_round(c, cats, old_path, &r[0]) || !load_round(c, cats, new_path, &r[1]))
		goto done;
	if (!cli_diff_comparable(c, r[0].a->catalog, r[1].a->catalog, r[0].a->system_name, r[1].a->system_name))
		goto done;
	cli_out o;
	if (cli_out_open(c, &o)) {
		tk_status st = TK_OK;
		if (strcmp(format, "json") == 0)
			st = diff_json(&r[0], &r[1], o.f, &err);
		else
			diff_text(c, &r[0], &r[1], o.f);
		rc = cli_out_done(c, &o, st, &err);
	}
done:
	free_round(&r[0]);
	free_round(&r[1]);
	return rc;
}
