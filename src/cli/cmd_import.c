/* taisaku import WORKBOOK... -o FILE.yaml [--base FILE.yaml]
 * Reads filled-in checklists (xlsx or CSV) back into one assessment. Every
 * cell that cannot be read, and every requirement two workbooks fill in
 * differently, is reported; then nothing is written. The assessment is
 * someone's work, so it is written atomically and flushed to the disk. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "taisaku/workbook.h"

#define USAGE "taisaku import WORKBOOK.xlsx|FILE.csv [MORE...] -o FILE.yaml [--base FILE.yaml] [--lang ja|en] [--catalog-dir DIR]"

/* Whether -o names one of the workbooks being read: writing the YAML over
 * a filled workbook would lose it. */
static bool output_is_input(const cli *c)
{
	struct stat out, in;
	if (!c->output || strcmp(c->output, "-") == 0 || stat(c->output, &out) != 0)
		return false;
	for (int i = 0; i < c->nargs; i++)
		if (stat(c->args[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			return true;
	return false;
}

/* Every problem, then one line that says nothing was written. */
static int report_problems(const cli *c, const tk_import *im, size_t before)
{
	size_t n = tk_import_problem_count(im);
	for (size_t i = 0; i < n; i++)
		cli_error(c, tk_import_problem(im, i));
	n += before;
	return cli_nothing_written(c, n);
}

static int import_files(cli *c, const tk_assessment *base, cli_catalogs *cats)
{
	tk_error err = { 0 };
	tk_import *im;
	if (tk_import_new(base, cli_resolve_catalog, cats, &im, &err))
		return cli_error(c, &err);
	tk_workbook **wbs = calloc((size_t)c->nargs, sizeof(*wbs));
	int rc = wbs ? EXIT_OK : cli_fail(c, "メモリが足りません", "out of memory");
	/* A file that cannot be read at all is reported, and the others are
	 * still read, so that one run shows every problem. */
	size_t unreadable = 0, added = 0;
	for (int i = 0; wbs && i < c->nargs; i++) {
		tk_error_clear(&err);
		if (tk_workbook_read_file(c->args[i], &wbs[i], &err)) {
			cli_error(c, &err);
			unreadable++;
			continue;
		}
		if (tk_import_add(im, wbs[i], &err)) {
			rc = cli_error(c, &err);
			break;
		}
		added++;
	}
	tk_assessment *a = NULL;
	if (rc == EXIT_OK && unreadable && !added) {
		rc = report_problems(c, im, unreadable);
	} else if (rc == EXIT_OK && (tk_import_finish(im, &a) || unreadable)) {
		rc = report_problems(c, im, unreadable);
	} else if (rc == EXIT_OK) {
		cli_out o;
		c->durable = true;
		rc = cli_out_open(c, &o) ? cli_out_done(c, &o, tk_assessment_write_yaml(a, o.f, &err), &err) : EXIT_ERROR;
	}
	tk_assessment_free(a);
	tk_import_free(im);
	for (int i = 0; wbs && i < c->nargs; i++)
		tk_workbook_free(wbs[i]);
	free(wbs);
	return rc;
}

int cmd_import(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_OUTPUT | OPT_CATALOG_DIR | OPT_BASE, 1, CLI_MAX_ARGS, USAGE))
		return EXIT_ERROR;
	if (output_is_input(c))
		return cli_fail(c, "-o のファイル '%s' は読み込むブックの一つです（上書きしません）",
			"the -o file '%s' is one of the workbooks being read (it is not overwritten)", c->output);
	cli_catalogs cats = { .c = c };
	/* A compliance checklist: by its base, else by its first workbook. */
	if (c->base ? cli_is_compliance(&cats, c->base) : workbook_is_compliance(c->args[0])) {
		int rc = compliance_import(c, &cats);
		cli_catalogs_free(&cats);
		return rc;
	}
	tk_assessment *base = NULL;
	tk_error err = { 0 };
	if (c->base && tk_assessment_load_file(c->base, cli_resolve_catalog, &cats, &base, &err)) {
		cli_catalogs_free(&cats);
		return cli_error(c, &err);
	}
	int rc = import_files(c, base, &cats);
	tk_assessment_free(base);
	cli_catalogs_free(&cats);
	return rc;
}
