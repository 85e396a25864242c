/* The pieces every Excel checklist is made of (workbook_xlsx.c), shared
 * by the ECOM workbook (workbook_xlsx_write.c) and the compliance workbook
 * (workbook_compliance_write.c). */
#ifndef TAISAKU_WORKBOOK_XLSX_H
#define TAISAKU_WORKBOOK_XLSX_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <xlsxwriter.h>

#include "workbook_internal.h"

/* A workbook being written: its formats, and the first error. */
typedef struct wb_xlsx {
	lxw_workbook *wb;
	tk_lang lang;
	const char *path;    /* the assessment's file, named in errors */
	lxw_format *title, *header, *view, *domain, *text, *points, *center, *input, *input_wrap,
		*label, *level, *locked_text;
	tk_error *err;
	tk_status st;
} wb_xlsx;

/* A new workbook in a private temporary file (path: at least 64 bytes),
 * with the formats made. */
tk_status wb_xlsx_begin(wb_xlsx *x, char *path, size_t size);
/* Closes it, reads it into a malloc'd buffer and removes the file; returns
 * the first error of the whole writing. */
tk_status wb_xlsx_end(wb_xlsx *x, const char *path, char **data, size_t *len);

/* Writes a cell as text that reads back the same; an empty text leaves a
 * blank cell with the format. data: the value is read back, so one too long
 * for Excel is an error (otherwise it is cut). */
void wb_xlsx_put(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s, lxw_format *fmt,
	bool data);
/* A whole number, or a blank cell. */
void wb_xlsx_put_int(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s, lxw_format *fmt);

/* Lines a text takes in a column of the given width (row heights). */
int wb_text_lines(const char *s, double width);

void wb_xlsx_columns(lxw_worksheet *ws, const wb_column *cols, size_t n);
void wb_xlsx_headers(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, const wb_column *cols, size_t n);
/* A drop-down list over rows first..last of a column; strict: refuses
 * other values (else warns). */
void wb_xlsx_validate_list(lxw_worksheet *ws, uint32_t first, uint32_t last, uint16_t col,
	const char **list, bool strict, const char *title, const char *message);
/* A view's (level 0) or domain's (level 1) row. */
void wb_xlsx_group_row(wb_xlsx *x, lxw_worksheet *ws, uint32_t row, int level, const char *id,
	const char *title_ja, const char *title_en, size_t ncols);
void wb_xlsx_print_setup(lxw_worksheet *ws, uint32_t header_row);
/* A row of the hidden sheet: key, then the values (all text); nothing when
 * every value is NULL. */
void wb_xlsx_meta_row(wb_xlsx *x, lxw_worksheet *ws, uint32_t *row, const char *key, const char *const *values,
	size_t n);
/* The document's creation time from the assessment's date. */
time_t wb_created_time(const char *date);

#endif
