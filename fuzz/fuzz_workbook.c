/* libFuzzer target: bytes as an xlsx file and as a CSV, through the
 * workbook readers and, when they read, the import. Whatever the import
 * accepts must also survive the canonical text: writing the result,
 * loading that and writing it again gives the same bytes.
 *
 * A mutated zip nearly always fails its CRC check before any XML is read,
 * so an input that starts with "TKWB\n" is taken as the parts of a
 * workbook instead, split at "\n@@\n": xl/workbook.xml, its relationships,
 * xl/sharedStrings.xml, then the sheets. They are packed into a valid zip,
 * which lets the fuzzer reach the XML readers and the import. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "taisaku/assessment.h"
#include "taisaku/workbook.h"

/* The ECOM catalog, and the small test catalog: workbooks of it are small
 * and keep the fuzzer fast. */
static tk_catalog *ecom, *mini;
static tk_assessment *base;

static tk_status resolve(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	(void)ctx;
	if (strcmp(id, ecom->id) == 0)
		*out = ecom;
	else if (strcmp(id, mini->id) == 0)
		*out = mini;
	else
		return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL, "なし", "no catalog '%s'", id);
	return TK_OK;
}

static void init(void)
{
	static const char base_text[] = "catalog: mini\nsystem: { name: fuzz, level: 3 }\n";
	tk_error err = { 0 };
	if (tk_catalog_load_file(TK_CATALOG_DIR "/ecom-2004.yaml", &ecom, &err) ||
	    tk_catalog_load_file(TK_CATALOG_DIR "/../tests/data/mini.yaml", &mini, &err) ||
	    tk_assessment_load_buffer("base.yaml", base_text, sizeof(base_text) - 1, resolve, NULL, &base, &err)) {
		fprintf(stderr, "fuzz_workbook: cannot load the catalog: %s\n", err.en);
		abort();
	}
}

static char *canonical(const tk_assessment *a)
{
	char *buf = NULL;
	size_t len = 0;
	tk_error err = { 0 };
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		abort();
	if (tk_assessment_write_yaml(a, f, &err))
		abort();
	fclose(f);
	return buf;
}

static void import(const tk_workbook *wb, const tk_assessment *with)
{
	tk_import *im;
	tk_error err = { 0 };
	tk_assessment *a = NULL, *b = NULL;
	if (tk_import_new(with, resolve, NULL, &im, &err) || tk_import_add(im, wb, &err))
		abort();
	if (tk_import_finish(im, &a) == TK_OK) {
		char *t1 = canonical(a);
		if (tk_assessment_load_buffer("t1.yaml", t1, strlen(t1), resolve, NULL, &b, &err))
			abort(); /* the canonical text of an assessment must load */
		char *t2 = canonical(b);
		if (strcmp(t1, t2) != 0)
			abort();
		free(t1);
		free(t2);
	} else if (tk_import_problem_count(im) == 0) {
		abort(); /* a failed import says why */
	}
	tk_assessment_free(b);
	tk_assessment_free(a);
	tk_import_free(im);
}

/* Packs the parts into a zip (stored, not deflated: it is only a wrapper). */
static char *pack(const uint8_t *data, size_t size, size_t *len)
{
	static const char *const fixed[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml" };
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		return NULL;
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	const char *p = (const char *)data, *end = p + size;
	for (int i = 0; za && p <= end && i < 12; i++) {
		const char *sep = memmem(p, (size_t)(end - p), "\n@@\n", 4);
		size_t n = sep ? (size_t)(sep - p) : (size_t)(end - p);
		char name[64];
		if (i < 3)
			snprintf(name, sizeof(name), "%s", fixed[i]);
		else
			snprintf(name, sizeof(name), "xl/worksheets/sheet%d.xml", i - 2);
		zip_source_t *e = zip_source_buffer(za, p, n, 0);
		zip_int64_t idx = e ? zip_file_add(za, name, e, 0) : -1;
		if (idx < 0)
			zip_source_free(e);
		else
			zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		if (!sep)
			break;
		p = sep + 4;
	}
	char *out = NULL;
	if (za && zip_close(za) == 0 && zip_source_open(src) == 0) {
		zip_source_seek(src, 0, SEEK_END);
		zip_int64_t n = zip_source_tell(src);
		zip_source_seek(src, 0, SEEK_SET);
		out = n > 0 ? malloc((size_t)n) : NULL;
		if (out && zip_source_read(src, out, (zip_uint64_t)n) == n) {
			*len = (size_t)n;
		} else {
			free(out);
			out = NULL;
		}
		zip_source_close(src);
	} else if (za) {
		zip_discard(za);
	}
	zip_source_free(src);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ecom)
		init();
	tk_workbook *wb;
	tk_error err = { 0 };
	if (size >= 5 && memcmp(data, "TKWB\n", 5) == 0) {
		size_t len;
		char *zip = pack(data + 5, size - 5, &len);
		if (zip && tk_workbook_read_xlsx("p.xlsx", zip, len, &wb, &err) == TK_OK) {
			import(wb, NULL);
			tk_workbook_free(wb);
		}
		free(zip);
		return 0;
	}
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
