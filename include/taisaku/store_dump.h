/* taisaku: the store's contents row by row, for backup and restore
 * (include/taisaku/backup.h, docs/backup.en.md).
 *
 * A backup carries everything the store holds, exactly: organisations,
 * systems with their attributes, catalog texts with their versions, rounds
 * with their original documents, who imported them and when, closed flags,
 * and the computed rating rows and levels (carried, not recomputed, so that
 * a restored round reads exactly as it did even if a later taisaku would
 * evaluate it differently). Keys are kept too, so that round numbers stay
 * valid.
 *
 * This part of the store names the tables and their columns with a type
 * each, reads them in a fixed order, and writes rows back inside one
 * transaction, in SQL both back ends accept: a dump from SQLite loads into
 * PostgreSQL and back. The backup module turns the rows into its file
 * format; it never sees SQL. */
#ifndef TAISAKU_STORE_DUMP_H
#define TAISAKU_STORE_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "taisaku/error.h"
#include "taisaku/store.h"

typedef enum tk_store_col_type {
	TK_COL_INT = 1,  /* 64-bit integer */
	TK_COL_REAL = 2, /* double */
	TK_COL_TEXT = 3, /* UTF-8 text */
	TK_COL_BLOB = 4, /* bytes kept exactly */
} tk_store_col_type;

typedef struct tk_store_column {
	const char *name;
	tk_store_col_type type;
} tk_store_column;

typedef struct tk_store_table {
	const char *name;
	const char *order_by;   /* the key: rows are dumped in this order */
	bool has_id;            /* an `id` key the database assigns */
	size_t ncols;
	const tk_store_column *cols;
} tk_store_table;

/* At most this many tables (the backup's counts have room for as many). */
#define TK_STORE_MAX_TABLES 32

/* The tables, parents before children: the order a restore fills them. */
extern const tk_store_table tk_store_tables[];
extern const size_t tk_store_ntables;

/* A column's value. p/len hold text or bytes (valid during the callback). */
typedef struct tk_store_value {
	bool null;
	int64_t i;
	double d;
	const char *p;
	size_t len;
} tk_store_value;

typedef tk_status (*tk_store_row_fn)(void *ctx, const tk_store_table *t, const tk_store_value *row,
	tk_error *err);

/* A read transaction, so that the tables of one dump agree with each other
 * (a snapshot: SQLite's deferred transaction in WAL mode, PostgreSQL's
 * repeatable read), without holding off writers meanwhile. */
tk_status tk_store_snapshot_begin(tk_store *s, tk_error *err);
void tk_store_snapshot_end(tk_store *s);

/* Calls fn for every row of t in key order. */
tk_status tk_store_dump_table(tk_store *s, const tk_store_table *t, tk_store_row_fn fn, void *ctx,
	tk_error *err);

/* Rows going back in: one transaction from begin to commit. begin refuses a
 * store that holds anything, unless replace, which deletes everything first
 * (closed rounds too: the whole store is being replaced) in the same
 * transaction; abort rolls it all back, leaving the store as it was. */
typedef struct tk_store_loader tk_store_loader;

tk_status tk_store_load_begin(tk_store *s, bool replace, tk_store_loader **out, tk_error *err);
tk_status tk_store_load_row(tk_store_loader *l, const tk_store_table *t, const tk_store_value *row,
	tk_error *err);
/* Sets the database's key counters past the loaded keys (PostgreSQL's
 * identity sequences), commits and frees l. */
tk_status tk_store_load_commit(tk_store_loader *l, tk_error *err);
void tk_store_load_abort(tk_store_loader *l);

#endif
