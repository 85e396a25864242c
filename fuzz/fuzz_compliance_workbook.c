/* libFuzzer target: bytes as a CSV compliance checklist (and as an xlsx
 * file), through the workbook readers and the compliance import
 * (workbook_compliance_read.c) against the small compliance test catalog.
 * Whatever the import accepts must survive the canonical text: writing the
 * result, loading that and writing it again gives the same bytes; and a
 * failed import says why. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/compliance_workbook.h"

static tk_catalog *mini;
static tk_compliance *base;

static tk_status resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	if (strcmp(id, mini->id) != 0)
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "なし", "no catalog '%s'", id);
	*out = mini;
	return TK_OK;
}

static void init(void)
{
	static const char base_text[] = "catalog: mini-compliance\nsystem: { name: fuzz, date: 2026-01-01 }\n"
		"items:\n  S1.1: implemented\n  S1.2: { status: na, reason: なし }\n"
		"roles: { 情報セキュリティ責任者: 総務部長 }\nparameters: { S1.1-p1: 年2回 }\n";
	tk_error err = { 0 };
	if (tk_catalog_load_file(TK_CATALOG_DIR "/../tests/data/mini-compliance.yaml", &mini, &err) ||
	    tk_compliance_load_buffer("base.yaml", base_text, sizeof(base_text) - 1, resolve, NULL, &base, &err)) {
		fprintf(stderr, "fuzz_compliance_workbook: cannot load the catalog: %s\n", err.en);
		abort();
	}
}

static char *canonical(const tk_compliance *c)
{
	char *buf = NULL;
	size_t len = 0;
	tk_error err = { 0 };
	FILE *f = open_memstream(&buf, &len);
	if (!f || tk_compliance_write_yaml(c, f, &err))
		abort();
	fclose(f);
	return buf;
}

static void import(const tk_workbook *wb, const tk_compliance *with)
{
	tk_cimport *im;
	tk_error err = { 0 };
	tk_compliance *a = NULL, *b = NULL;
	if (tk_cimport_new(with, resolve, NULL, &im, &err) || tk_cimport_add(im, wb, &err))
		abort();
	if (tk_cimport_finish(im, &a) == TK_OK) {
		char *t1 = canonical(a);
		if (tk_compliance_load_buffer("t1.yaml", t1, strlen(t1), resolve, NULL, &b, &err))
			abort(); /* the canonical text must load */
		char *t2 = canonical(b);
		if (strcmp(t1, t2) != 0)
			abort();
		free(t1);
		free(t2);
	} else if (tk_cimport_problem_count(im) == 0) {
		abort(); /* a failed import says why */
	}
	tk_compliance_free(b);
	tk_compliance_free(a);
	tk_cimport_free(im);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!mini)
		init();
	tk_workbook *wb;
	tk_error err = { 0 };
	if (tk_workbook_read_xlsx("f.xlsx", data, size, &wb, &err) == TK_OK) {
		import(wb, NULL);
		tk_workbook_free(wb);
	}
	tk_error_clear(&err);
	if (tk_workbook_read_csv("f.csv", (const char *)data, size, &wb, &err) == TK_OK) {
		import(wb, base);
		tk_workbook_free(wb);
	}
	return 0;
}
