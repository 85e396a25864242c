/* taisaku project FILE --to CATALOG|iso17799 [--format text|json|yaml] [-o OUT]
 * Projects an ECOM assessment onto a compliance catalog through its mapping
 * (or onto the ISO/IEC 17799 controls the ECOM catalog references). */
#include <string.h>

#include "cli.h"
#include "taisaku/mapping.h"

#define USAGE "taisaku project FILE --to atla-ssr|nisc-2012|space-rules|port-tos|iso17799 [--format text|json|yaml] [--lang ja|en] [-o OUT] [--catalog-dir DIR]"

static int write_projection(cli *c, const tk_projection *p, const char *format)
{
	cli_out o;
	if (!cli_out_open(c, &o))
		return EXIT_ERROR;
	tk_error err = { 0 };
	tk_status st;
	if (strcmp(format, "json") == 0)
		st = tk_projection_write_json(p, o.f, &err);
	else if (strcmp(format, "yaml") == 0)
		st = tk_projection_write_yaml(p, o.f, &err);
	else
		st = tk_projection_write_text(p, c->lang, o.f, &err);
	if (st)
		cli_error(c, &err);
	return cli_out_close(c, &o, st == TK_OK);
}

int cmd_project(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_TO | OPT_FORMAT | OPT_OUTPUT | OPT_CATALOG_DIR, 1, 1, USAGE))
		return EXIT_ERROR;
	if (!c->to)
		return cli_fail(c, "--to で写像先のカタログを指定してください（使い方: %s）",
			"name the catalog to project onto with --to (usage: %s)", USAGE);
	const char *format = c->format ? c->format : "text";
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "yaml"))
		return cli_fail(c, "形式 '%s' は使えません（text, json, yaml）",
			"unknown format '%s' (text, json, yaml)", format);
	bool iso = strcmp(c->to, "iso17799") == 0;
	if (iso && strcmp(format, "yaml") == 0)
		return cli_fail(c, "iso17799 はカタログではないため、評価シート（yaml）には書き出せません（text か json）",
			"iso17799 is not a catalog, so it cannot be written as an assessment (yaml); use text or json");
	cli_catalogs cats = { .c = c };
	tk_error err = { 0 };
	tk_assessment *a = NULL;
	tk_evaluation *e = NULL;
	tk_catalog *target = NULL;
	tk_mapping *m = NULL;
	tk_projection *p = NULL;
	int rc = EXIT_ERROR;
	if (tk_assessment_load_file(c->args[0], cli_resolve_catalog, &cats, &a, &err) ||
	    tk_evaluate(a, &e, &err)) {
		cli_error(c, &err);
		goto done;
	}
	if (a->catalog->kind != TK_CATALOG_STRENGTH) {
		cli_fail(c, "%s は ECOM の評価シートではありません（カタログ %s）",
			"%s is not an ECOM assessment (catalog %s)", c->args[0], a->catalog->id);
		goto done;
	}
	if (iso) {
		if (tk_project_iso17799(e, &p, &err)) {
			cli_error(c, &err);
			goto done;
		}
	} else {
		if (cli_load_catalog(c, c->to, &target, &err)) {
			cli_error(c, &err);
			goto done;
		}
		if (target->kind != TK_CATALOG_COMPLIANCE) {
			cli_fail(c, "カタログ '%s' は適合性のカタログではありません",
				"catalog '%s' is not a compliance catalog", target->id);
			goto done;
		}
		if (cli_load_mapping(c, target, a->catalog, &m, &err) || tk_project(e, m, &p, &err)) {
			cli_error(c, &err);
			goto done;
		}
	}
	rc = write_projection(c, p, format);
done:
	tk_projection_free(p);
	tk_mapping_free(m);
	tk_catalog_free(target);
	tk_evaluation_free(e);
	tk_assessment_free(a);
	cli_catalogs_free(&cats);
	return rc;
}
