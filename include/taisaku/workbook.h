/* taisaku: assessments as spreadsheets, and back.
 *
 * An officer sends each department a checklist to fill in (Excel or CSV)
 * and reads the filled sheets back into one assessment. The workbook has
 * four sheets:
 *
 *   チェックリスト / Checklist  one row per requirement, grouped by view and
 *                               domain: the points to check, the target, and
 *                               the cells to fill in (status, core, the five
 *                               peripheral ranks, assets, n/a reason,
 *                               evidence, notes)
 *   目標 / Targets              the system's level, and per requirement its
 *                               importance, target override and weight
 *   結果 / Results              the evaluation when the workbook was made
 *                               (read-only; never read back)
 *   taisaku (hidden)            the raw values that rebuild the rest of the
 *                               assessment: catalog, system, settings, domain
 *                               weights, improvement plan
 *
 * A CSV carries the checklist only, so importing one needs a base
 * assessment. Import is strict: every cell that cannot be read is reported
 * with its file, sheet, row and column, and nothing is produced. */
#ifndef TAISAKU_WORKBOOK_H
#define TAISAKU_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "taisaku/assessment.h"

/* Limits on what a workbook may make the reader do. A real checklist of
 * the ECOM catalog is about 0.2 MB unpacked; these leave room for catalogs
 * a hundred times larger and refuse zip bombs. */
#define TK_WB_MAX_FILE (64u << 20)     /* bytes of one xlsx or CSV file */
#define TK_WB_MAX_ENTRY (32u << 20)    /* unpacked bytes of one zip entry */
#define TK_WB_MAX_UNPACKED (96u << 20) /* unpacked bytes of all entries read */
#define TK_WB_MAX_RATIO 1000u          /* unpacked/packed of an entry over 1 MB */
#define TK_WB_MAX_ENTRIES 10000        /* entries in the zip */
#define TK_WB_MAX_SHEETS 64
#define TK_WB_MAX_CELLS 2000000        /* cells of one workbook */
#define TK_WB_MAX_STRINGS 1000000      /* shared strings */
#define TK_WB_MAX_CELL_TEXT (256u << 10) /* bytes of one cell */

typedef struct tk_workbook_options {
	tk_lang lang;            /* headers, sheet names and labels */
	const char *department;  /* NULL: every requirement */
} tk_workbook_options;

/* The department a name stands for: its id (`operations`), its Japanese
 * title as the catalog writes it (ｼｽﾃﾑの運用管理) or its English title. */
tk_status tk_department_find(const tk_catalog *cat, const char *name, size_t *index, tk_error *err);

/* Whether a department takes part in a requirement (● or ▲ in the
 * catalog's appendix table). */
bool tk_requirement_in_department(const tk_requirement *r, size_t department);

/* Writes the xlsx workbook into a malloc'd buffer. The same assessment and
 * options give the same bytes: the document's creation time is the
 * assessment's date (1980-01-01 when it has none). */
tk_status tk_workbook_write_xlsx(const tk_assessment *a, const tk_workbook_options *opt,
	char **data, size_t *len, tk_error *err);

/* Writes the checklist as CSV: UTF-8 with a BOM, CRLF, RFC 4180. */
tk_status tk_workbook_write_csv(const tk_assessment *a, const tk_workbook_options *opt,
	FILE *out, tk_error *err);

/* ---- reading ---- */

/* The cells of a workbook as read, before they mean anything. */
typedef struct tk_workbook tk_workbook;

/* Reads an xlsx file from memory (zip, then its XML); name is for messages. */
tk_status tk_workbook_read_xlsx(const char *name, const void *data, size_t len,
	tk_workbook **out, tk_error *err);

/* Reads an RFC 4180 CSV from memory (UTF-8, a BOM allowed). */
tk_status tk_workbook_read_csv(const char *name, const char *data, size_t len,
	tk_workbook **out, tk_error *err);

/* Reads a file: xlsx when its name ends in .xlsx or it starts as a zip,
 * CSV otherwise. */
tk_status tk_workbook_read_file(const char *path, tk_workbook **out, tk_error *err);

void tk_workbook_free(tk_workbook *wb);

/* Sheets and cells, for tests and tools. Rows and columns are 0-based;
 * a cell that is not there is NULL. */
size_t tk_workbook_sheet_count(const tk_workbook *wb);
const char *tk_workbook_sheet_name(const tk_workbook *wb, size_t sheet);
const char *tk_workbook_cell(const tk_workbook *wb, size_t sheet, unsigned row, unsigned col);

/* ---- importing ---- */

/* Filled workbooks merged into one assessment. Each workbook adds what its
 * rows say; with a base, a row equal to the base's entry is "unchanged"
 * and yields to a sheet that changed it. Two workbooks that change the same
 * entry differently are a conflict. */
typedef struct tk_import tk_import;

/* base (may be NULL) must outlive the import. Workbooks name their catalog
 * in the hidden sheet; resolve gives it. */
tk_status tk_import_new(const tk_assessment *base, tk_catalog_resolver resolve, void *ctx,
	tk_import **out, tk_error *err);

/* Adds a workbook; it must stay alive until tk_import_finish. */
tk_status tk_import_add(tk_import *im, const tk_workbook *wb, tk_error *err);

/* Reads every workbook and merges them. On success *out is a new assessment
 * (free with tk_assessment_free). Otherwise it returns TK_EINPUT and the
 * problems (unreadable cells, conflicts) are listed by the two calls below. */
tk_status tk_import_finish(tk_import *im, tk_assessment **out);

size_t tk_import_problem_count(const tk_import *im);
const tk_error *tk_import_problem(const tk_import *im, size_t i);

void tk_import_free(tk_import *im);

/* ---- the canonical assessment text ---- */

/* Writes an assessment in the layout `taisaku plan` writes (a comment with
 * each domain's and requirement's title and target, one flow-style entry
 * per requirement), with every field the loader reads. Loading the text
 * gives an assessment that evaluates the same, and writing that again
 * gives the same bytes. */
tk_status tk_assessment_write_yaml(const tk_assessment *a, FILE *out, tk_error *err);

#endif
