/* libFuzzer target: the store's document import path (tk_store_doc_prepare),
 * which sniffs, parses and evaluates an ECOM or compliance assessment before
 * it is stored as a round. The resolver offers the real ECOM and nisc-2012
 * catalogs. A refusal must say what is wrong in both languages; nothing
 * may crash or leak. No database is involved (that is the point of the split). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/store.h"

static tk_catalog *cats[2];
static const char *ids[2] = { "ecom-2004", "nisc-2012" };

static tk_status resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	for (int i = 0; i < 2; i++)
		if (strcmp(id, ids[i]) == 0) {
			*out = cats[i];
			return TK_OK;
		}
	return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "なし", "no catalog '%s'", id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!cats[0]) {
		const char *dir = getenv("TAISAKU_CATALOG_DIR");
		for (int i = 0; i < 2; i++) {
			char path[1024];
			snprintf(path, sizeof(path), "%s/%s.yaml", dir ? dir : "catalogs", ids[i]);
			tk_error err = { 0 };
			if (tk_catalog_load_file(path, &cats[i], &err) != TK_OK)
				abort(); /* the fuzzer runs from the source root */
		}
	}
	tk_store_doc *d;
	tk_error err = { 0 };
	if (tk_store_doc_prepare("fuzz.yaml", (const char *)data, size, resolve, NULL, &d, &err)) {
		if (!err.en[0] || !err.ja[0])
			abort();
		return 0;
	}
	tk_store_doc_free(d);
	return 0;
}
