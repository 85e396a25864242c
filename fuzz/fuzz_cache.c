/* libFuzzer target: decoding a damaged cache image must fail cleanly. */
#include <stdint.h>

#include "taisaku/catalog.h"
#include "../src/lib/catalog_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tk_catalog *cat = tk_catalog_cache_decode((const char *)data, size, "fuzz.tkc");
	tk_catalog_free(cat);
	return 0;
}
