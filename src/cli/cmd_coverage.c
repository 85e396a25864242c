/* taisaku catalog coverage A B [--format text|json]
 * How much of catalog B is covered by catalog A, through the mappings of
 * the compliance catalogs to ECOM (docs/mappings.en.md). */
#include <string.h>

#include "cli.h"
#include "taisaku/mapping.h"

#define USAGE "taisaku catalog coverage A B [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]"

int catalog_coverage(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_FORMAT | OPT_OUTPUT | OPT_CATALOG_DIR, 2, 2, USAGE))
		return EXIT_ERROR;
	const char *format = c->format ? c->format : "text";
	if (strcmp(format, "text") && strcmp(format, "json"))
		return cli_fail(c, "形式 '%s' は使えません（text, json）", "unknown format '%s' (text, json)", format);
	tk_error err = { 0 };
	tk_catalog *a = NULL, *b = NULL, *ecom_own = NULL;
	tk_mapping *ma = NULL, *mb = NULL;
	tk_coverage *cov = NULL;
	int rc = EXIT_ERROR;
	if (cli_load_catalog(c, c->args[0], &a, &err) || cli_load_catalog(c, c->args[1], &b, &err)) {
		cli_error(c, &err);
		goto done;
	}
	/* The ECOM catalog both mappings lead to: one of the two, or the built-in one. */
	const tk_catalog *ecom = a->kind == TK_CATALOG_STRENGTH ? a : b->kind == TK_CATALOG_STRENGTH ? b : NULL;
	if (!ecom) {
		if (cli_load_catalog(c, "ecom-2004", &ecom_own, &err)) {
			cli_error(c, &err);
			goto done;
		}
		ecom = ecom_own;
	}
	if ((a != ecom && cli_load_mapping(c, a, ecom, &ma, &err)) ||
	    (b != ecom && cli_load_mapping(c, b, ecom, &mb, &err)) ||
	    tk_coverage_compute(a, b, ecom, ma, mb, &cov, &err)) {
		cli_error(c, &err);
		goto done;
	}
	cli_out o;
	if (!cli_out_open(c, &o))
		goto done;
	tk_status st = strcmp(format, "json") == 0 ? tk_coverage_write_json(cov, o.f, &err)
						     : tk_coverage_write_text(cov, c->lang, o.f, &err);
	rc = cli_out_done(c, &o, st, &err);
done:
	tk_coverage_free(cov);
	tk_mapping_free(ma);
	tk_mapping_free(mb);
	tk_catalog_free(ecom_own);
	tk_catalog_free(a);
	tk_catalog_free(b);
	return rc;
}
