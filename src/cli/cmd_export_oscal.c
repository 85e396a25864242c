/* taisaku export FILE --format oscal|oscal-poam [-o OUT] [--catalog-dir DIR]
 * An evaluated assessment as OSCAL 1.0.6 assessment results, or its
 * improvement plan as an OSCAL plan of action and milestones. JSON only:
 * this runs in taisaku itself, with no xlsx library (cmd_workbook.c). */
#include <string.h>

#include "cli.h"
#include "taisaku/export.h"

#define USAGE "taisaku export FILE --format oscal|oscal-poam [-o OUT] [--catalog-dir DIR]"

bool cli_export_is_oscal(int argc, char **argv)
{
	for (int i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], "--format") == 0)
			return strncmp(argv[i + 1], "oscal", 5) == 0;
	return false;
}

int cmd_export_oscal(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CATALOG_DIR, 0, 1, USAGE))
		return EXIT_ERROR;
	if (!c->nargs)
		return cli_fail(c, "書き出す評価シートを指定してください（使い方: %s）",
			"name the assessment to export (usage: %s)", USAGE);
	bool poam = strcmp(c->format, "oscal-poam") == 0;
	if (!poam && strcmp(c->format, "oscal") != 0)
		return cli_fail(c, "形式 '%s' は使えません（xlsx, csv, oscal, oscal-poam）",
			"unknown format '%s' (xlsx, csv, oscal, oscal-poam)", c->format);
	cli_catalogs cats = { .c = c };
	tk_error err = { 0 };
	tk_assessment *a;
	tk_evaluation *e = NULL;
	if (tk_assessment_load_file(c->args[0], cli_resolve_catalog, &cats, &a, &err) ||
	    tk_evaluate(a, &e, &err)) {
		cli_catalogs_free(&cats);
		return cli_error(c, &err);
	}
	cli_out o;
	int rc = EXIT_ERROR;
	if (cli_out_open(c, &o)) {
		tk_status st = poam ? tk_assessment_export_oscal_poam(e, o.f, &err)
				    : tk_assessment_export_oscal(e, o.f, &err);
		rc = cli_out_done(c, &o, st, &err);
	}
	tk_evaluation_free(e);
	tk_assessment_free(a);
	cli_catalogs_free(&cats);
	return rc;
}
