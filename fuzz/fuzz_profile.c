/* libFuzzer target: the profile loader (taisaku-profile/1) against the real
 * ECOM catalog. A refusal must say what is wrong; an accepted profile must
 * keep every target within 2..5 and every override one level from the
 * target its importance derives (MODEL.md §4). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/profile.h"

static tk_catalog *ecom;

static tk_status resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	if (strcmp(id, "ecom-2004") != 0)
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "なし", "no catalog '%s'", id);
	*out = ecom;
	return TK_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ecom) {
		const char *dir = getenv("TAISAKU_CATALOG_DIR");
		char path[1024];
		snprintf(path, sizeof(path), "%s/ecom-2004.yaml", dir ? dir : "catalogs");
		tk_error err = { 0 };
		if (tk_catalog_load_file(path, &ecom, &err) != TK_OK)
			abort(); /* the fuzzer runs from the source root */
	}
	tk_profile *p;
	tk_error err = { 0 };
	if (tk_profile_load_buffer("fuzz.yaml", (const char *)data, size, resolve, NULL, &p, &err)) {
		if (!err.en[0] || !err.ja[0])
			abort();
		return 0;
	}
	for (size_t i = 0; i < ecom->n_requirements; i++) {
		int t = tk_profile_target(p, i), derived = ecom->scoring.targets[p->level][p->importance[i]];
		if (t < 2 || t > 5 || (p->override_level[i] && abs(t - derived) != 1))
			abort();
		if (p->importance[i] != TK_IMP_GENERAL && !p->importance_reason[i])
			abort(); /* every importance other than general has its reason */
	}
	tk_profile_free(p);
	return 0;
}
