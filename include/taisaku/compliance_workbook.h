/* taisaku: compliance assessments as spreadsheets, and back.
 *
 * The same flow as the ECOM checklist (workbook.h): export a compliance
 * assessment, let people fill it in in Excel or as CSV, import what they
 * wrote. The workbook has two sheets:
 *
 *   チェックリスト / Checklist  one row per item, grouped by view and
 *                               section: the item's text and role, and the
 *                               cells to fill in (status from a drop-down
 *                               list, reason for na, note, evidence, action,
 *                               due, owner); then, under 役割と値 / Roles
 *                               and values, one row per role and parameter
 *                               with the organisation's chosen text
 *   taisaku (hidden)            the catalog, the system, and every value as
 *                               exported (the originals), so that import can
 *                               tell what a sheet changed
 *
 * Import merges several filled workbooks: a row equal to its original (or,
 * with a base assessment, to the base) is unchanged and yields to a sheet
 * that changed it; two sheets that change one item, role or parameter
 * differently are a conflict. A CSV carries the checklist only, so it needs
 * the base. Every cell that cannot be read is reported with its file,
 * sheet, row and column, and nothing is produced. */
#ifndef TAISAKU_COMPLIANCE_WORKBOOK_H
#define TAISAKU_COMPLIANCE_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "taisaku/compliance.h"
#include "taisaku/workbook.h"

/* The xlsx workbook in a malloc'd buffer; the same assessment gives the
 * same bytes. */
tk_status tk_compliance_workbook_xlsx(const tk_compliance *c, tk_lang lang, char **data, size_t *len,
	tk_error *err);

/* The checklist as CSV: UTF-8 with a BOM, CRLF, RFC 4180. */
tk_status tk_compliance_workbook_csv(const tk_compliance *c, tk_lang lang, FILE *out, tk_error *err);

/* Whether a workbook as read is a compliance checklist: its hidden sheet
 * says so, or (a CSV) its header has the compliance columns. */
bool tk_workbook_is_compliance(const tk_workbook *wb);

typedef struct tk_cimport tk_cimport;

/* base (may be NULL) must outlive the import. */
tk_status tk_cimport_new(const tk_compliance *base, tk_catalog_resolver resolve, void *ctx,
	tk_cimport **out, tk_error *err);
/* Adds a workbook; it must stay alive until tk_cimport_finish. */
tk_status tk_cimport_add(tk_cimport *im, const tk_workbook *wb, tk_error *err);
/* Reads and merges; *out is a new compliance assessment, or TK_EINPUT with
 * the problems listed below. */
tk_status tk_cimport_finish(tk_cimport *im, tk_compliance **out);
size_t tk_cimport_problem_count(const tk_cimport *im);
const tk_error *tk_cimport_problem(const tk_cimport *im, size_t i);
void tk_cimport_free(tk_cimport *im);

#endif
