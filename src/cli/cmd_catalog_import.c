/* taisaku catalog import FILE.json [-o CATALOG.yaml] [--id ID]
 * An OSCAL catalog as a taisaku catalog (import_oscal.c). The YAML is loaded
 * back before it is written: a catalog that would not load is never kept. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "taisaku/file.h"
#include "taisaku/import.h"

#define USAGE_IMPORT "taisaku catalog import FILE.json [-o CATALOG.yaml] [--id ID]"

int catalog_import(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_OUTPUT | OPT_ID, 1, 1, USAGE_IMPORT))
		return EXIT_ERROR;
	tk_error err = { 0 };
	char *data;
	size_t len;
	if (tk_file_read(c->args[0], &data, &len, &err))
		return cli_error(c, &err);
	cli_out o;
	if (!cli_out_open(c, &o)) {
		free(data);
		return EXIT_ERROR;
	}
	bool ok = tk_oscal_catalog_import(c->args[0], data, len, c->id, o.f, &err) == TK_OK;
	free(data);
	if (ok && fflush(o.f) != 0)
		ok = !tk_error_set(&err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	if (ok) {
		tk_catalog *cat;
		const char *name = c->output && strcmp(c->output, "-") ? c->output : "<stdout>";
		ok = tk_catalog_load_buffer(name, o.buf, o.len, &cat, &err) == TK_OK;
		if (ok)
			tk_catalog_free(cat);
	}
	if (!ok)
		cli_error(c, &err);
	return cli_out_close(c, &o, ok);
}
