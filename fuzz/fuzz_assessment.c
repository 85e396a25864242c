/* libFuzzer target: the assessment loader (YAML and JSON) against the real
 * ECOM catalog, and for every assessment it accepts, the evaluation and all
 * of its writers. A refusal must say what is wrong. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/assessment.h"
#include "taisaku/report.h"

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
	tk_assessment *a;
	tk_error err = { 0 };
	if (tk_assessment_load_buffer("fuzz.yaml", (const char *)data, size, resolve, NULL, &a, &err)) {
		if (!err.en[0] || !err.ja[0])
			abort();
		return 0;
	}
	tk_evaluation *e;
	if (tk_evaluate(a, &e, &err) == TK_OK) {
		FILE *null = fopen("/dev/null", "w");
		tk_evaluation_write_json(e, null, &err);
		tk_evaluation_write_text(e, TK_LANG_JA, null, &err);
		tk_evaluation_write_html(e, TK_LANG_EN, null, &err);
		fclose(null);
		/* Aggregates stay within the levels. */
		if (e->system.counted && (e->system.level < 1 - 1e-9 || e->system.level > 5 + 1e-9))
			abort();
		tk_evaluation_free(e);
	}
	tk_assessment_free(a);
	return 0;
}
