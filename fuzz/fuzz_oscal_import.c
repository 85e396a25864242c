/* libFuzzer target: the OSCAL catalog import. Whatever the JSON, the import
 * either refuses it with a message in both languages, or writes a catalog
 * that the loader accepts (the importer's promise: it never writes a
 * catalog taisaku cannot read). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "taisaku/catalog.h"
#include "taisaku/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *yaml = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&yaml, &len);
	if (!f)
		return 0;
	tk_error err = { 0 };
	tk_status st = tk_oscal_catalog_import("fuzz.json", (const char *)data, size, NULL, f, &err);
	fclose(f);
	if (st) {
		if (!err.en[0] || !err.ja[0])
			abort();
		free(yaml);
		return 0;
	}
	tk_catalog *cat;
	tk_error lerr = { 0 };
	if (tk_catalog_load_buffer("fuzz.yaml", yaml, len, &cat, &lerr) != TK_OK) {
		fprintf(stderr, "the import wrote a catalog that does not load: %s\n", lerr.en);
		abort();
	}
	tk_catalog_free(cat);
	free(yaml);
	return 0;
}
