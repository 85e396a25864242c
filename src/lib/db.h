/* taisaku: the SQL driver under the store (internal to the library).
 *
 * The store (include/taisaku/store.h) is written once, in SQL that both
 * SQLite and PostgreSQL accept, against this small driver. A back end is one
 * file that fills a tk_db_ops table: db_sqlite.c and db_pg.c. Nothing above
 * the store ever sees which back end is in use.
 *
 * SQL text uses `?` for parameters; a back end that numbers its parameters
 * ($1, $2 ... for PostgreSQL) rewrites them when it prepares the statement.
 * Only prepared statements with bound parameters reach the database: values
 * are never spliced into SQL text. */
#ifndef TAISAKU_DB_H
#define TAISAKU_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "taisaku/error.h"

typedef struct tk_db tk_db;
typedef struct tk_db_stmt tk_db_stmt;

typedef enum tk_db_backend { TK_DB_SQLITE = 1, TK_DB_POSTGRESQL = 2 } tk_db_backend;

/* A step's outcome. */
typedef enum tk_db_step { TK_DB_ROW = 1, TK_DB_DONE = 2, TK_DB_FAILED = 3 } tk_db_step;

typedef struct tk_db_ops {
	tk_db_backend backend;
	const char *name; /* "sqlite", "postgresql" */
	/* Opens the database named by the part of the URL after the scheme. */
	tk_status (*open)(const char *target, tk_db **out, tk_error *err);
	void (*close)(tk_db *db);
	/* Runs SQL with no parameters and no rows (DDL, several statements allowed). */
	tk_status (*exec)(tk_db *db, const char *sql, tk_error *err);
	/* Transactions. begin takes the write lock at once (SQLite: BEGIN
	 * IMMEDIATE), so that a writer that has to wait waits at the start. A
	 * busy database is retried inside the back end for a bounded time, then
	 * reported as TK_EIO with a "busy, retried" message. */
	tk_status (*begin)(tk_db *db, tk_error *err);
	tk_status (*commit)(tk_db *db, tk_error *err);
	void (*rollback)(tk_db *db);
	tk_status (*prepare)(tk_db *db, const char *sql, tk_db_stmt **out, tk_error *err);
	/* Parameters are numbered from 1. Text is copied; NULL text binds NULL. */
	void (*bind_text)(tk_db_stmt *st, int i, const char *v);
	void (*bind_int)(tk_db_stmt *st, int i, int64_t v);
	void (*bind_double)(tk_db_stmt *st, int i, double v);
	void (*bind_blob)(tk_db_stmt *st, int i, const void *v, size_t len);
	void (*bind_null)(tk_db_stmt *st, int i);
	/* Runs or advances the statement; on TK_DB_FAILED err is filled. */
	tk_db_step (*step)(tk_db_stmt *st, tk_error *err);
	/* Columns of the current row, numbered from 0. Text and blobs stay
	 * valid until the next step, reset or finalize. */
	bool (*column_null)(tk_db_stmt *st, int i);
	const char *(*column_text)(tk_db_stmt *st, int i);
	int64_t (*column_int)(tk_db_stmt *st, int i);
	double (*column_double)(tk_db_stmt *st, int i);
	const void *(*column_blob)(tk_db_stmt *st, int i, size_t *len);
	/* Makes the statement ready to run again with new bindings. */
	void (*reset)(tk_db_stmt *st);
	void (*finalize)(tk_db_stmt *st);
	/* Makes an empty database at target if there is none (SQLite: the
	 * file), for `taisaku db init`; open never creates, so that a mistyped
	 * path is an error instead of a new empty database. NULL when the back
	 * end cannot create databases (PostgreSQL: the DBA makes them). Added by
	 * the store branch, last in the table so that back ends written
	 * without it still compile. */
	tk_status (*create)(const char *target, tk_error *err);
	/* Binds text the caller keeps unchanged until the statement is reset,
	 * without copying it: a batch import binds a million rating rows'
	 * catalog ids and status names, and copying each cost a fifth of the
	 * writer's time on SQLite. NULL when the back end has no cheaper way
	 * (store_bind_kept then copies with bind_text). */
	void (*bind_text_kept)(tk_db_stmt *st, int i, const char *v);
	/* Whether the connection still works, without waiting: false once the
	 * server has gone away (PostgreSQL restarted), or (SQLite) when it was
	 * opened read-only and the file can be written again, so that a
	 * long-lived holder (taisaku serve) opens a new one. NULL: always. */
	bool (*alive)(tk_db *db);
} tk_db_ops;

/* Every connection starts with its ops table, so callers can dispatch on it. */
struct tk_db {
	const tk_db_ops *ops;
};

extern const tk_db_ops tk_db_sqlite_ops;
extern const tk_db_ops tk_db_pg_ops;

/* Opens a database from a URL: "sqlite:PATH", a bare PATH (SQLite), or
 * "postgresql://..." / "postgres://..." (libpq's own URL syntax). */
tk_status tk_db_open(const char *url, tk_db **out, tk_error *err);

/* The same, creating the database first when the back end can (db init). */
tk_status tk_db_open_create(const char *url, tk_db **out, tk_error *err);

/* The back end a URL names, or NULL (then err says why). target receives the
 * part after the scheme. */
const tk_db_ops *tk_db_backend_of(const char *url, const char **target, tk_error *err);

#endif
