/* taisaku export FILE --format xlsx|csv -o OUT [--department NAME] [--lang ja|en]
 * Writes an assessment as a checklist to fill in: an Excel workbook
 * (checklist, targets, results, and a hidden sheet that lets import rebuild
 * the assessment) or the checklist alone as CSV. With --department, only
 * the requirements that department takes part in. (--format oscal and
 * oscal-poam never come here: taisaku handles them, cmd_export_oscal.c.) */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "taisaku/file.h"
#include "taisaku/workbook.h"

#define USAGE "taisaku export FILE --format xlsx|csv -o OUT [--department NAME] [--lang ja|en] [--catalog-dir DIR]"

static int write_xlsx(cli *c, const tk_assessment *a, const tk_workbook_options *opt)
{
	char *data;
	size_t len;
	tk_error err = { 0 };
	if (tk_workbook_write_xlsx(a, opt, &data, &len, &err))
		return cli_error(c, &err);
	/* The workbook can be made again, so it is not flushed to the disk. */
	tk_status st = tk_file_write_atomic(c->output, data, len, false, &err);
	free(data);
	return st ? cli_error(c, &err) : EXIT_OK;
}

static int write_csv(cli *c, const tk_assessment *a, const tk_workbook_options *opt)
{
	cli_out o;
	tk_error err = { 0 };
	if (!cli_out_open(c, &o))
		return EXIT_ERROR;
	tk_status st = tk_workbook_write_csv(a, opt, o.f, &err);
	if (st)
		cli_error(c, &err);
	return cli_out_close(c, &o, st == TK_OK);
}

int cmd_export(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CATALOG_DIR | OPT_DEPARTMENT, 0, 1, USAGE))
		return EXIT_ERROR;
	if (!c->nargs)
		return cli_fail(c, "書き出す評価シートを指定してください（使い方: %s）",
			"name the assessment to export (usage: %s)", USAGE);
	if (!c->format)
		return cli_fail(c, "--format xlsx, csv, oscal, oscal-poam のどれかを指定してください（使い方: %s）",
			"--format xlsx, csv, oscal or oscal-poam is required (usage: %s)", USAGE);
	bool xlsx = strcmp(c->format, "xlsx") == 0;
	if (!xlsx && strcmp(c->format, "csv") != 0)
		return cli_fail(c, "形式 '%s' は使えません（xlsx, csv, oscal, oscal-poam）",
			"unknown format '%s' (xlsx, csv, oscal, oscal-poam)", c->format);
	bool to_stdout = !c->output || strcmp(c->output, "-") == 0;
	if (xlsx && to_stdout)
		return cli_fail(c, "xlsx は -o でファイルに書き出してください", "write xlsx to a file with -o");
	/* A workbook sent out comes back filled in: an existing file may be
	 * someone's work, so it is never overwritten. */
	if (!to_stdout && access(c->output, F_OK) == 0)
		return cli_fail(c, "ファイル '%s' は既にあります（記入済みかもしれないので上書きしません）",
			"the file '%s' exists already (it may be filled in, so it is not overwritten)", c->output);
	cli_catalogs cats = { .c = c };
	if (cli_is_compliance(&cats, c->args[0])) {
		int rc = compliance_export(c, &cats, c->args[0], xlsx);
		cli_catalogs_free(&cats);
		return rc;
	}
	tk_error err = { 0 };
	tk_assessment *a;
	if (tk_assessment_load_file(c->args[0], cli_resolve_catalog, &cats, &a, &err)) {
		cli_catalogs_free(&cats);
		return cli_error(c, &err);
	}
	tk_workbook_options opt = { .lang = c->lang, .department = c->department };
	int rc = xlsx ? write_xlsx(c, a, &opt) : write_csv(c, a, &opt);
	tk_assessment_free(a);
	cli_catalogs_free(&cats);
	return rc;
}
