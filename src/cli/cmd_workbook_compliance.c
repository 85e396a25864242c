/* export and import for compliance assessments (taisaku-workbook): the
 * same commands as for the ECOM checklist (cmd_export.c, cmd_import.c),
 * which come here when the assessment or workbook is of a compliance
 * catalog (include/taisaku/compliance_workbook.h). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "taisaku/compliance_workbook.h"
#include "taisaku/file.h"

int compliance_export(cli *c, cli_catalogs *cats, const char *path, bool xlsx)
{
	if (c->department)
		return cli_fail(c, "--department は ECOM の評価シートにだけ使えます（準拠性のチェックリストは全項目を書き出します）",
			"--department applies to ECOM assessments only (a compliance checklist has every item)");
	tk_error err = { 0 };
	tk_compliance *a;
	if (tk_compliance_load_file(path, cli_resolve_catalog, cats, &a, &err))
		return cli_error(c, &err);
	int rc;
	if (xlsx) {
		char *data;
		size_t len;
		if (tk_compliance_workbook_xlsx(a, c->lang, &data, &len, &err)) {
			rc = cli_error(c, &err);
		} else {
			tk_status st = tk_file_write_atomic(c->output, data, len, false, &err);
			free(data);
			rc = st ? cli_error(c, &err) : EXIT_OK;
		}
	} else {
		cli_out o;
		rc = EXIT_ERROR;
		if (cli_out_open(c, &o)) {
			tk_status st = tk_compliance_workbook_csv(a, c->lang, o.f, &err);
			rc = cli_out_done(c, &o, st, &err);
		}
	}
	tk_compliance_free(a);
	return rc;
}

/* Reads the workbooks named on the command line into one compliance
 * assessment; every problem is listed and then nothing is written. */
int compliance_import(cli *c, cli_catalogs *cats)
{
	tk_error err = { 0 };
	tk_compliance *base = NULL;
	if (c->base && tk_compliance_load_file(c->base, cli_resolve_catalog, cats, &base, &err))
		return cli_error(c, &err);
	tk_cimport *im;
	if (tk_cimport_new(base, cli_resolve_catalog, cats, &im, &err)) {
		tk_compliance_free(base);
		return cli_error(c, &err);
	}
	tk_workbook **wbs = calloc((size_t)c->nargs, sizeof(*wbs));
	int rc = wbs ? EXIT_OK : cli_fail(c, "メモリが足りません", "out of memory");
	size_t unreadable = 0;
	for (int i = 0; wbs && i < c->nargs; i++) {
		tk_error_clear(&err);
		if (tk_workbook_read_file(c->args[i], &wbs[i], &err)) {
			cli_error(c, &err);
			unreadable++;
		} else if (tk_cimport_add(im, wbs[i], &err)) {
			rc = cli_error(c, &err);
			break;
		}
	}
	tk_compliance *a = NULL;
	if (rc == EXIT_OK && ((unreadable < (size_t)c->nargs && tk_cimport_finish(im, &a)) || unreadable)) {
		size_t n = tk_cimport_problem_count(im);
		for (size_t i = 0; i < n; i++)
			cli_error(c, tk_cimport_problem(im, i));
		n += unreadable;
		rc = cli_nothing_written(c, n);
	} else if (rc == EXIT_OK) {
		cli_out o;
		c->durable = true;
		rc = cli_out_open(c, &o) ? cli_out_done(c, &o, tk_compliance_write_yaml(a, o.f, &err), &err) : EXIT_ERROR;
	}
	tk_compliance_free(a);
	tk_cimport_free(im);
	for (int i = 0; wbs && i < c->nargs; i++)
		tk_workbook_free(wbs[i]);
	free(wbs);
	tk_compliance_free(base);
	return rc;
}

bool workbook_is_compliance(const char *path)
{
	tk_workbook *wb;
	tk_error err = { 0 };
	if (tk_workbook_read_file(path, &wb, &err))
		return false; /* the import says why */
	bool yes = tk_workbook_is_compliance(wb);
	tk_workbook_free(wb);
	return yes;
}
