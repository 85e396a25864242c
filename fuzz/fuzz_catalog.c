/* libFuzzer target: the catalog loader, and for every catalog it accepts, the
 * exporters and the cache image round trip (which must give back the same
 * catalog, compared as JSON). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/catalog.h"
#include "taisaku/export.h"
#include "../src/lib/catalog_internal.h"

static char *json_text(const tk_catalog *cat)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tk_error err = { 0 };
	tk_catalog_export_json(cat, f, &err);
	fclose(f);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tk_catalog *cat;
	tk_error err = { 0 };
	if (tk_catalog_load_buffer("fuzz.yaml", (const char *)data, size, &cat, &err) != TK_OK) {
		/* Every refusal must say where and what. */
		if (!err.en[0] || !err.ja[0])
			abort();
		return 0;
	}
	FILE *null = fopen("/dev/null", "w");
	for (int f = TK_FORMAT_JSON; f <= TK_FORMAT_OSCAL; f++) {
		tk_error e = { 0 };
		tk_catalog_export(cat, (tk_format)f, null, &e);
	}
	fclose(null);
	size_t len;
	char *image = tk_catalog_cache_encode(cat, &len);
	if (image) {
		tk_catalog *back = tk_catalog_cache_decode(image, len, "fuzz.yaml");
		if (!back)
			abort();
		char *a = json_text(cat), *b = json_text(back);
		if (strcmp(a, b) != 0)
			abort();
		free(a);
		free(b);
		tk_catalog_free(back);
		free(image);
	}
	tk_catalog_free(cat);
	return 0;
}
