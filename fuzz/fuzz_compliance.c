/* libFuzzer target: the compliance assessment loader (YAML and JSON)
 * against the real port-tos catalog (and any other compliance catalog the
 * input names, from TAISAKU_CATALOG_DIR), and for every assessment it
 * accepts: the evaluation, every writer, and the canonical writer's round
 * trip. A refusal must say what is wrong, in both languages. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/compliance.h"

/* Catalogs are loaded once, on first use, and kept for the process. */
static struct {
	char id[64];
	tk_catalog *cat;
} cats[8];

static tk_status resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	static const char *const known[] = { "port-tos", "nisc-2012", "atla-ssr", "space-rules", "ecom-2004" };
	size_t k = 0;
	while (k < sizeof(known) / sizeof(*known) && strcmp(known[k], id) != 0)
		k++;
	if (k == sizeof(known) / sizeof(*known))
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "なし", "no catalog '%s'", id);
	if (!cats[k].cat) {
		const char *dir = getenv("TAISAKU_CATALOG_DIR");
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s.yaml", dir ? dir : "catalogs", known[k]);
		if (tk_catalog_load_file(path, &cats[k].cat, err) != TK_OK)
			abort(); /* the fuzzer runs from the source root */
		snprintf(cats[k].id, sizeof(cats[k].id), "%s", known[k]);
	}
	*out = cats[k].cat;
	return TK_OK;
}

static char *written(const tk_compliance *c, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	tk_error err = { 0 };
	if (!f || tk_compliance_write_yaml(c, f, &err) != TK_OK)
		abort();
	fclose(f);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tk_compliance *c;
	tk_error err = { 0 };
	/* Whether it is a compliance file must be answerable for any input. */
	tk_document_is_compliance("fuzz.yaml", (const char *)data, size, resolve, NULL);
	if (tk_compliance_load_buffer("fuzz.yaml", (const char *)data, size, resolve, NULL, &c, &err)) {
		if (!err.en[0] || !err.ja[0])
			abort();
		return 0;
	}
	tk_compliance_result *r;
	if (tk_compliance_evaluate(c, &r, &err) != TK_OK)
		abort();
	FILE *null = fopen("/dev/null", "w");
	tk_compliance_write_json(r, null, &err);
	tk_compliance_write_text(r, TK_LANG_JA, null, &err);
	tk_compliance_write_html(r, TK_LANG_EN, null, &err);
	tk_compliance_report_html(r, TK_LANG_JA, null, &err);
	fclose(null);
	/* Compliance is a share, and the tallies add up. */
	const tk_compliance_tally *t = &r->overall;
	if (!isnan(t->compliance) && (t->compliance < 0 || t->compliance > 1))
		abort();
	if (t->total != c->catalog->n_requirements || t->applicable + t->n[TK_CS_NA] != t->total)
		abort();
	/* The canonical text reads back to itself. */
	size_t n1, n2;
	char *t1 = written(c, &n1);
	tk_compliance *back;
	if (tk_compliance_load_buffer("canonical.yaml", t1, n1, resolve, NULL, &back, &err))
		abort();
	char *t2 = written(back, &n2);
	if (n1 != n2 || memcmp(t1, t2, n1) != 0)
		abort();
	free(t1);
	free(t2);
	tk_compliance_free(back);
	tk_compliance_result_free(r);
	tk_compliance_free(c);
	return 0;
}
