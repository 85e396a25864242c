/* libFuzzer target: the mapping loader (taisaku-mapping/1) against the real
 * nisc-2012 and ECOM catalogs. A refusal must say what is wrong in both
 * languages; an accepted mapping must give every item of the `from` catalog
 * one entry whose `to` indices lie inside the ECOM catalog. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "taisaku/mapping.h"

static tk_catalog *load(const char *id)
{
	const char *dir = getenv("TAISAKU_CATALOG_DIR");
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s.yaml", dir ? dir : "catalogs", id);
	tk_catalog *c;
	tk_error err = { 0 };
	if (tk_catalog_load_file(path, &c, &err) != TK_OK)
		abort(); /* the fuzzer runs from the source root */
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tk_catalog *from, *to;
	if (!from) {
		from = load("nisc-2012");
		to = load("ecom-2004");
	}
	tk_mapping *m;
	tk_error err = { 0 };
	if (tk_mapping_load_buffer("fuzz.yaml", (const char *)data, size, from, to, &m, &err)) {
		if (!err.en[0] || !err.ja[0])
			abort();
		return 0;
	}
	for (size_t i = 0; i < from->n_requirements; i++) {
		const tk_map_entry *e = &m->entries[i];
		if (e->relation > TK_REL_NONE)
			abort();
		for (size_t k = 0; k < e->n_to; k++)
			if (e->to[k] >= to->n_requirements)
				abort();
	}
	tk_mapping_free(m);
	return 0;
}
