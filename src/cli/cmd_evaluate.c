/* taisaku evaluate FILE [--format text|json|html] [-o OUT]
 * taisaku evaluate --batch DIR
 * Exit status: 0 every counted requirement meets its target, 2 some are
 * below it (unknown counts as below), 1 an input error. A compliance
 * assessment (its catalog is of kind compliance) goes to cmd_compliance.c:
 * 0 every applicable item implemented, 2 any item open. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "taisaku/report.h"

#define USAGE "taisaku evaluate FILE [--format text|json|html | --json] [--lang ja|en] [-o OUT] [--catalog-dir DIR] | taisaku evaluate --batch DIR [--format text|json]"

static int evaluate_one(cli *c, const char *path)
{
	const char *format = c->format ? c->format : c->json ? "json" : "text";
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html"))
		return cli_fail(c, "形式 '%s' は使えません（text, json, html）",
			"unknown format '%s' (text, json, html)", format);
	cli_catalogs cats = { .c = c };
	if (cli_is_compliance(&cats, path)) {
		int crc = compliance_evaluate(c, &cats, path, format);
		cli_catalogs_free(&cats);
		return crc;
	}
	tk_error err = { 0 };
	tk_assessment *a;
	tk_evaluation *e = NULL;
	if (tk_assessment_load_file(path, cli_resolve_catalog, &cats, &a, &err) ||
	    tk_evaluate(a, &e, &err)) {
		cli_catalogs_free(&cats);
		return cli_error(c, &err);
	}
	cli_out o;
	int rc = EXIT_ERROR;
	if (cli_out_open(c, &o)) {
		tk_status st;
		if (strcmp(format, "json") == 0)
			st = tk_evaluation_write_json(e, o.f, &err);
		else if (strcmp(format, "html") == 0)
			st = tk_evaluation_write_html(e, c->lang, o.f, &err);
		else
			st = tk_evaluation_write_text(e, c->lang, o.f, &err);
		rc = cli_out_done(c, &o, st, &err);
		if (rc == EXIT_OK)
			rc = tk_evaluation_exit_code(e);
	}
	tk_evaluation_free(e);
	tk_assessment_free(a);
	cli_catalogs_free(&cats);
	return rc;
}

/* One line (or JSON object) per system; a broken file is reported and
 * the rest go on, and the exit status is then 1. */
static int evaluate_batch(cli *c, const char *dir)
{
	bool json = c->json || (c->format && strcmp(c->format, "json") == 0);
	if (c->format && !json && strcmp(c->format, "text"))
		return cli_fail(c, "--batch の形式は text か json です", "--batch takes --format text or json");
	char **names;
	size_t n;
	if (!cli_list_assessments(c, dir, &names, &n))
		return EXIT_ERROR;
	cli_catalogs cats = { .c = c };
	cli_out o;
	if (!cli_out_open(c, &o)) {
		cli_paths_free(names, n);
		return EXIT_ERROR;
	}
	int worst = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		const char *path = names[i];
		if (cli_is_compliance(&cats, path)) {
			int crc = compliance_batch_line(c, &cats, path, json, o.f);
			if (crc == EXIT_ERROR || (crc == EXIT_FAIL && worst == EXIT_OK))
				worst = crc;
			continue;
		}
		tk_error err = { 0 };
		tk_assessment *a;
		tk_evaluation *e = NULL;
		if (tk_assessment_load_file(path, cli_resolve_catalog, &cats, &a, &err) ||
		    tk_evaluate(a, &e, &err)) {
			cli_error(c, &err);
			worst = EXIT_ERROR;
			continue;
		}
		if (json) {
			json_t *file = json_string(path), *name = json_string(a->system_name);
			fprintf(o.f, "{\"file\": ");
			json_dumpf(file, o.f, JSON_ENCODE_ANY);
			fprintf(o.f, ", \"name\": ");
			json_dumpf(name, o.f, JSON_ENCODE_ANY);
			json_decref(file);
			json_decref(name);
			if (e->system.counted)
				fprintf(o.f, ", \"level\": %.12g", e->system.level);
			else
				fprintf(o.f, ", \"level\": null");
			fprintf(o.f, ", \"target\": %d, \"under\": %zu, \"unknown\": %zu, \"complete\": %s}\n",
				a->level, e->n_under, e->n_unknown, e->complete ? "true" : "false");
		} else {
		if (e->system.counted)
			fprintf(o.f, "%.1f/%d", tk_round1(e->system.level), a->level);
		else
			fprintf(o.f, "-/%d", a->level);
		fprintf(o.f, "\t%s %zu\t%s %zu\t%s\t%s\t%s\n", cli_tr(c, "未達", "under"), e->n_under,
			cli_tr(c, "要調査", "unknown"), e->n_unknown,
			e->complete ? cli_tr(c, "完了", "complete") : cli_tr(c, "未完了", "incomplete"),
			a->system_name, path);
		}
		if (worst == EXIT_OK && tk_evaluation_exit_code(e) == EXIT_FAIL)
			worst = EXIT_FAIL;
		tk_evaluation_free(e);
		tk_assessment_free(a);
	}
	cli_paths_free(names, n);
	cli_catalogs_free(&cats);
	int rc = cli_out_close(c, &o, true);
	return rc ? rc : worst;
}

int cmd_evaluate(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_FORMAT | OPT_JSON | OPT_OUTPUT | OPT_CATALOG_DIR | OPT_BATCH, 0, 1, USAGE))
		return EXIT_ERROR;
	if (c->batch) {
		if (c->nargs)
			return cli_fail(c, "--batch とファイルは同時に指定できません（使い方: %s）",
				"--batch and a file cannot be given together (usage: %s)", USAGE);
		return evaluate_batch(c, c->batch);
	}
	if (!c->nargs)
		return cli_fail(c, "評価するファイルを指定してください（使い方: %s）",
			"name the file to evaluate (usage: %s)", USAGE);
	return evaluate_one(c, c->args[0]);
}
