/* The SQLite back end of the store's driver (db.h).
 *
 * Every connection runs in WAL mode with foreign keys on and synchronous=FULL,
 * so that a transaction that reported COMMIT is on disk (WAL alone with
 * NORMAL may lose the last commits on power loss). A busy database is
 * retried by our own busy handler with a growing sleep, for a bounded time;
 * when that runs out the caller gets TK_EIO and a message that says how often
 * it was retried, never a bare "database is locked". */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"

/* Retries of a busy database: sleeps of 1, 2, 4 ... ms capped at 50 ms,
 * for about 10 s in all. Bounded so that a stuck writer is reported. */
#define BUSY_MAX_RETRIES 220
#define BUSY_MAX_SLEEP_MS 50

typedef struct sq_db {
	tk_db base;
	sqlite3 *h;
	char path[TK_ERROR_NAME];
	int retries;        /* busy retries of the current statement */
	int busy_gave_up;   /* retries done when the handler gave up; 0 if not */
} sq_db;

/* A statement remembers its connection, for the busy count in messages. */
typedef struct sq_stmt {
	sqlite3_stmt *st;
	struct sq_db *db;
} sq_stmt;

static sqlite3_stmt *S(tk_db_stmt *st)
{
	return ((sq_stmt *)st)->st;
}

static int busy_handler(void *ctx, int count)
{
	sq_db *db = ctx;
	if (count >= BUSY_MAX_RETRIES) {
		db->busy_gave_up = count;
		return 0;
	}
	db->retries = count + 1;
	long ms = count < 6 ? 1L << count : BUSY_MAX_SLEEP_MS;
	struct timespec ts = { .tv_sec = 0, .tv_nsec = ms * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
	return 1;
}

/* Marks the error just recorded (fresh: err had none before) as the
 * database's refusal for now (tk_error.unavailable). */
static tk_status unavailable(tk_error *err, bool fresh, tk_status rc)
{
	if (err && fresh)
		err->unavailable = true;
	return rc;
}

/* Fills err from the connection's last error. */
/* A failed SQLite call as an error in both languages. A read-only database
 * and a full disk are said plainly: they are the user's to fix, and SQLite
 * has rolled the transaction back, so nothing was changed. */
static tk_status fail(sq_db *db, int rc, const char *what_ja, const char *what_en, tk_error *err)
{
	bool fresh = !err || err->status == TK_OK;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || (rc & 0xff) == SQLITE_BUSY) {
		int n = db->busy_gave_up ? db->busy_gave_up : db->retries;
		db->busy_gave_up = 0;
		return unavailable(err, fresh, tk_error_set(err, TK_EIO, db->path, 0, 0, NULL,
			"データベースが使用中です（%d 回再試行しました）。ほかの書き込みが終わってからやり直してください",
			"database busy, retried %d times; try again when the other writer has finished", n));
	}
	if ((rc & 0xff) == SQLITE_READONLY)
		return unavailable(err, fresh, tk_error_set(err, TK_EIO, db->path, 0, 0, NULL,
			"データベースに書き込めません（ファイルかそのディレクトリが読み取り専用です）。何も変更していません: %s",
			"cannot write to the database (the file or its directory is read-only); nothing was changed: %s",
			sqlite3_errmsg(db->h)));
	if ((rc & 0xff) == SQLITE_FULL || rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC)
		return unavailable(err, fresh, tk_error_set(err, TK_EIO, db->path, 0, 0, NULL,
			"ディスクがいっぱいか書き込めないため、データベースに書き込めません。何も変更していません: %s",
			"cannot write to the database (the disk is full or refuses the write); nothing was changed: %s",
			sqlite3_errmsg(db->h)));
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	snprintf(ja, sizeof(ja), "データベースの%sに失敗しました: %s", what_ja, sqlite3_errmsg(db->h));
	snprintf(en, sizeof(en), "database %s failed: %s", what_en, sqlite3_errmsg(db->h));
	return tk_error_set_texts(err, TK_EIO, db->path, 0, 0, NULL, ja, en);
}

static sq_db *DB(tk_db *db)
{
	return (sq_db *)db;
}

static tk_status sq_open(const char *target, tk_db **out, tk_error *err)
{
	*out = NULL;
	if (!target || !*target)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "SQLite のファイル名がありません",
			"the SQLite URL names no file");
	sq_db *db = calloc(1, sizeof(*db));
	if (!db)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	db->base.ops = &tk_db_sqlite_ops;
	snprintf(db->path, sizeof(db->path), "%s", target);
	/* Never creates: a mistyped path must not leave an empty database
	 * behind (sq_create makes the file for `db init`). */
	int rc = sqlite3_open_v2(target, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		/* Missing is the common case and gets its remedy; a file that is
		 * there but cannot be opened (permissions) gets SQLite's reason. */
		tk_status st = rc == SQLITE_CANTOPEN && access(target, F_OK) != 0
			? tk_error_set(err, TK_ENOTFOUND, target, 0, 0, NULL,
				"データベースがありません（taisaku db init で作れます）",
				"no database here (taisaku db init creates one)")
			: fail(db, rc, "オープン", "open", err);
		sqlite3_close(db->h);
		free(db);
		return st;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_handler(db->h, busy_handler, db);
	/* journal_mode answers with a row; the others with none. */
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(db->h, "PRAGMA journal_mode=WAL", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	bool wal = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal) {
		tk_status s = rc == SQLITE_NOTADB
			? tk_error_set(err, TK_EINPUT, target, 0, 0, NULL, "SQLite のデータベースではありません",
				"not an SQLite database")
			: fail(db, rc == SQLITE_ROW ? SQLITE_ERROR : rc, "WAL 設定", "WAL setting", err);
		sqlite3_close(db->h);
		free(db);
		return s;
	}
	rc = sqlite3_exec(db->h, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		tk_status s = fail(db, rc, "設定", "setting", err);
		sqlite3_close(db->h);
		free(db);
		return s;
	}
	*out = &db->base;
	return TK_OK;
}

static tk_status sq_create(const char *target, tk_error *err)
{
	if (!target || !*target)
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "SQLite のファイル名がありません",
			"the SQLite URL names no file");
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(target, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	tk_status st = TK_OK;
	if (rc != SQLITE_OK)
		st = tk_error_set(err, TK_EIO, target, 0, 0, NULL, "データベースを作れません: %s",
			"cannot create the database: %s", h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
	sqlite3_close(h);
	return st;
}

static void sq_close(tk_db *db)
{
	if (!db)
		return;
	sqlite3_close_v2(DB(db)->h);
	free(db);
}

static tk_status sq_exec(tk_db *d, const char *sql, tk_error *err)
{
	sq_db *db = DB(d);
	db->retries = 0;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? TK_OK : fail(db, rc, "実行", "statement", err);
}

static tk_status sq_begin(tk_db *d, tk_error *err)
{
	return sq_exec(d, "BEGIN IMMEDIATE", err);
}

static tk_status sq_commit(tk_db *d, tk_error *err)
{
	return sq_exec(d, "COMMIT", err);
}

static void sq_rollback(tk_db *d)
{
	/* Fails harmlessly when SQLite has already rolled back itself. */
	if (!sqlite3_get_autocommit(DB(d)->h))
		sqlite3_exec(DB(d)->h, "ROLLBACK", NULL, NULL, NULL);
}

static tk_status sq_prepare(tk_db *d, const char *sql, tk_db_stmt **out, tk_error *err)
{
	sq_db *db = DB(d);
	*out = NULL;
	sq_stmt *w = calloc(1, sizeof(*w));
	if (!w)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	db->retries = 0;
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &w->st, NULL);
	if (rc != SQLITE_OK) {
		free(w);
		return fail(db, rc, "文の準備", "statement preparation", err);
	}
	w->db = db;
	*out = (tk_db_stmt *)w;
	return TK_OK;
}

static void sq_bind_text(tk_db_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(S(st), i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(S(st), i);
}

static void sq_bind_text_kept(tk_db_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(S(st), i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(S(st), i);
}

static void sq_bind_int(tk_db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(S(st), i, v);
}

static void sq_bind_double(tk_db_stmt *st, int i, double v)
{
	sqlite3_bind_double(S(st), i, v);
}

static void sq_bind_blob(tk_db_stmt *st, int i, const void *v, size_t len)
{
	/* A zero-length blob is still a blob, not NULL: an empty document stays empty. */
	sqlite3_bind_blob64(S(st), i, len ? v : "", len, SQLITE_TRANSIENT);
}

static void sq_bind_null(tk_db_stmt *st, int i)
{
	sqlite3_bind_null(S(st), i);
}

static tk_db_step sq_step(tk_db_stmt *st, tk_error *err)
{
	sq_db *db = ((sq_stmt *)st)->db;
	db->retries = 0;
	int rc = sqlite3_step(S(st));
	if (rc == SQLITE_ROW)
		return TK_DB_ROW;
	if (rc == SQLITE_DONE)
		return TK_DB_DONE;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		tk_error_set(err, TK_EINPUT, db->path, 0, 0, NULL, "データベースの制約に反します: %s",
			"a database constraint is violated: %s", sqlite3_errmsg(db->h));
	else
		fail(db, rc, "実行", "statement", err);
	sqlite3_reset(S(st));
	return TK_DB_FAILED;
}

static bool sq_column_null(tk_db_stmt *st, int i)
{
	return sqlite3_column_type(S(st), i) == SQLITE_NULL;
}

static const char *sq_column_text(tk_db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(S(st), i);
}

static int64_t sq_column_int(tk_db_stmt *st, int i)
{
	return sqlite3_column_int64(S(st), i);
}

static double sq_column_double(tk_db_stmt *st, int i)
{
	return sqlite3_column_double(S(st), i);
}

static const void *sq_column_blob(tk_db_stmt *st, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(S(st), i);
	*len = (size_t)sqlite3_column_bytes(S(st), i);
	return p ? p : "";
}

static void sq_reset(tk_db_stmt *st)
{
	sqlite3_reset(S(st));
	sqlite3_clear_bindings(S(st));
}

static void sq_finalize(tk_db_stmt *st)
{
	if (!st)
		return;
	sqlite3_finalize(S(st));
	free(st);
}

/* SQLite opens a file it cannot write read-only, silently, and such a
 * connection stays read-only after the file is writable again: it counts
 * as gone then, so that a long-lived holder (taisaku serve) opens a new one
 * that can take changes. */
static bool sq_alive(tk_db *base)
{
	sq_db *db = (sq_db *)base;
	if (sqlite3_db_readonly(db->h, "main") != 1)
		return true;
	const char *path = sqlite3_db_filename(db->h, "main");
	return !path || !*path || access(path, W_OK) != 0;
}

const tk_db_ops tk_db_sqlite_ops = {
	.backend = TK_DB_SQLITE,
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.prepare = sq_prepare,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_double = sq_bind_double,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.column_null = sq_column_null,
	.column_text = sq_column_text,
	.column_int = sq_column_int,
	.column_double = sq_column_double,
	.column_blob = sq_column_blob,
	.reset = sq_reset,
	.finalize = sq_finalize,
	.create = sq_create,
	.bind_text_kept = sq_bind_text_kept,
	.alive = sq_alive,
};
