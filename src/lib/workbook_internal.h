/* What the workbook writers and readers share: the sheets' names and
 * columns in both languages, the text of a cell for each kind of value,
 * and the cells of a workbook as read. */
#ifndef TAISAKU_WORKBOOK_INTERNAL_H
#define TAISAKU_WORKBOOK_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "taisaku/arena.h"
#include "taisaku/workbook.h"

/* The version of the workbook layout, kept in the hidden sheet. */
#define WB_FORMAT "taisaku-workbook/1"

/* Sheet names (at most 31 characters, as Excel allows). */
#define WB_SHEET_CHECKLIST_JA "チェックリスト"
#define WB_SHEET_CHECKLIST_EN "Checklist"
#define WB_SHEET_TARGETS_JA "目標"
#define WB_SHEET_TARGETS_EN "Targets"
#define WB_SHEET_RESULTS_JA "結果"
#define WB_SHEET_RESULTS_EN "Results"
#define WB_SHEET_META "taisaku"

/* The header of the ID column, the same in both languages, so that the
 * reader finds the header row whatever language the sheet was made in. */
#define WB_ID_HEADER "ID"

typedef struct wb_column {
	const char *key, *ja, *en;
	double width;
	bool input;        /* a cell the officer fills in */
	bool required;     /* import needs the column */
} wb_column;

/* The checklist's columns, in order. */
enum {
	CL_ID, CL_TITLE, CL_POINTS, CL_TARGET, CL_STATUS, CL_CORE,
	CL_STUDY, CL_PROCESS, CL_MANAGEMENT, CL_REVIEW, CL_DOCUMENTATION,
	CL_ASSETS, CL_NA, CL_EVIDENCE, CL_NOTE, CL_COLUMNS
};
extern const wb_column wb_checklist_columns[CL_COLUMNS];

/* The targets sheet's table, in order. */
enum {
	TG_ID, TG_TITLE, TG_IMPORTANCE, TG_DERIVED, TG_LEVEL, TG_REASON, TG_WEIGHT, TG_TARGET,
	TG_COLUMNS
};
extern const wb_column wb_target_columns[TG_COLUMNS];

/* The status column's words: rated, not applicable, unknown (blank: not
 * assessed). Import takes either language. */
const char *wb_status_label(tk_rating_kind kind, tk_lang lang);

/* Text of the structured cells: one item a line, fields split by " | ".
 * A backslash escapes "|", "\" and a space at either end of a field, and
 * \n, \r, \t stand for those characters, so that any value reads back. */
void wb_put_field(FILE *f, const char *s);

/* The cell texts of one requirement's checklist row, malloc'd (NULL for an
 * empty cell); wb_row_free releases them. */
void wb_checklist_row(const tk_assessment *a, size_t r, tk_lang lang, char *cells[CL_COLUMNS]);
void wb_row_free(char **cells, size_t n);

/* The points (対策のポイント) of a requirement as lines of text. */
void wb_points_text(const tk_requirement *r, FILE *f);

/* The effective target of a requirement: from S and the importance, then
 * the override. */
int wb_target(const tk_assessment *a, size_t r);

/* Whether requirement r goes in the sheet (dept < 0: every one). */
bool wb_wanted(const tk_catalog *cat, size_t r, long dept);

/* A CSV field (RFC 4180 quoting; a field a spreadsheet would run as a
 * formula gets an apostrophe in front, which the reader takes off). */
void wb_csv_field(FILE *f, const char *s);

/* A number as the shortest text that reads back to the same double. */
void wb_number_text(double x, char *buf, size_t size);


/* ---- cells as read ---- */

typedef struct wb_cell {
	uint32_t row, col;
	const char *text;   /* never NULL; "" for an empty string */
} wb_cell;

typedef struct wb_sheet {
	const char *name;
	size_t n_cells;
	wb_cell *cells;      /* sorted by row, then column */
	size_t n_rows;       /* rows with cells */
	uint32_t *row_ids;   /* their numbers, ascending */
	size_t *row_first;   /* index of each row's first cell; n_rows + 1 entries */
} wb_sheet;

struct tk_workbook {
	const char *name;
	bool csv;
	size_t n_sheets;
	wb_sheet sheets[TK_WB_MAX_SHEETS];
	size_t n_cells;      /* over all sheets, against TK_WB_MAX_CELLS */
	tk_arena *arena;
};

/* Cells gathered while a sheet is read, before they are sorted. */
typedef struct wb_cells {
	wb_cell *v;
	size_t n, cap;
} wb_cells;

tk_workbook *wb_new(const char *name, bool csv);

/* A new empty sheet; NULL (with err set) past TK_WB_MAX_SHEETS. */
wb_sheet *wb_add_sheet(tk_workbook *wb, const char *name, size_t len, tk_error *err);

/* Adds a cell (text copied); empty texts are skipped: a blank is no cell. */
tk_status wb_cell_add(tk_workbook *wb, wb_cells *cells, uint32_t row, uint32_t col,
	const char *text, size_t len, tk_error *err);

/* Sorts the gathered cells into the sheet (of two cells at one place the
 * later wins), indexes its rows and releases cells. */
tk_status wb_sheet_finish(tk_workbook *wb, wb_sheet *s, wb_cells *cells, tk_error *err);

/* Excel's limits on a sheet. */
#define WB_MAX_ROWS 1048576u
#define WB_MAX_COLS 16384u

/* "A", "B", ..., "AA": a column as spreadsheets name it. */
void wb_column_name(uint32_t col, char buf[8]);

/* ---- from assessment_write.c ---- */

/* One requirement's entry as the canonical text writes it ("{ core: 3, ... }"). */
void tk_write_rating_flow(FILE *f, const tk_catalog *cat, const tk_rating *rt);


/* ---- values of cells as typed (workbook_cells.c) ---- */

bool wb_is_space(char c);
/* An enumerated cell as typed: full-width letters, digits and spaces made
 * ASCII, the spaces around dropped; cut to size. */
const char *wb_norm(const char *s, char *buf, size_t size);
bool wb_blank(const char *s);
/* A value shown in a message: cut at a character boundary. */
const char *wb_shown(const char *s, char *buf, size_t size);

/* A structured cell's line split at each unescaped "|", each field
 * unescaped (in the arena). Returns the count (WB_MAX_FIELDS + 1: too many). */
#define WB_MAX_FIELDS 3
size_t wb_split_fields(tk_arena *arena, const char *line, size_t len, char *fields[WB_MAX_FIELDS]);
/* The next line of a structured cell that is not blank. */
bool wb_next_line(const char **p, const char **line, size_t *len);
size_t wb_count_lines(const char *s);

/* An evidence cell ("title | date | ref", one a line) into *out: 0, or 1
 * with the reason in ja/en, or -1 when memory runs out. */
int wb_parse_evidence(tk_arena *arena, const char *cell, tk_evidence **out, size_t *n,
	char ja[TK_ERROR_TEXT], char en[TK_ERROR_TEXT]);

/* "sheet 'X', row 12, column F (header): message" in both languages (a
 * CSV has no sheet name; column may be NULL). */
void wb_cell_texts(const char *sheet, uint32_t row, uint32_t col, const wb_column *column, const char *ja,
	const char *en, char tja[TK_ERROR_TEXT], char ten[TK_ERROR_TEXT]);

/* The text of a cell, or NULL when it is empty or absent. */
const char *wb_sheet_cell(const wb_sheet *s, uint32_t row, uint32_t col);

/* ---- the problems an import collects (workbook_cells.c) ---- */

/* The first WB_MAX_PROBLEMS problems in full (v, allocated by the importer
 * with room for that many), the rest only counted. */
#define WB_MAX_PROBLEMS 200
typedef struct wb_problems {
	tk_error *v;
	size_t n, dropped;
} wb_problems;

void wb_problem_texts(wb_problems *p, const char *file, const char *ja, const char *en);
/* A problem whose two texts take the same arguments. */
void wb_problem(wb_problems *p, const char *file, const char *ja, const char *en, ...)
	__attribute__((format(printf, 4, 5)));
/* A problem in a cell, named as wb_cell_texts names it. */
void wb_cell_problem(wb_problems *p, const char *file, const char *sheet, uint32_t row, uint32_t col,
	const wb_column *column, const char *ja, const char *en);
/* Problem i, or NULL past the last. */
const tk_error *wb_problem_at(const wb_problems *p, size_t i);

/* The workbooks an import is given, in that order (v is malloc'd). */
typedef struct wb_books {
	const tk_workbook **v;
	size_t n, cap;
} wb_books;

/* Adds a workbook; false when memory runs out. */
bool wb_books_add(wb_books *b, const tk_workbook *wb);

/* The sheet named ja, or en in any case; NULL when there is none. */
const wb_sheet *wb_find_sheet(const tk_workbook *wb, const char *ja, const char *en);

/* Resolves the catalog id the hidden sheet of workbook file names and checks
 * that it is of kind; a failure is a problem of that workbook. */
bool wb_resolve_catalog(wb_problems *p, const char *file, const char *id, tk_catalog_resolver resolve,
	void *ctx, tk_catalog_kind kind, const tk_catalog **out);

#endif
