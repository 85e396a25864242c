/* The PostgreSQL back end of the SQL driver (db.h), over libpq.
 *
 * Statements: the store's SQL uses `?`; they become $1..$n here (outside
 * string literals, quoted identifiers and comments) and are prepared on the
 * server once per connection (PQprepare), then run with PQexecPrepared. Text
 * parameters go as text, blobs in binary (bytea); results come back as text
 * and a whole result is kept, so statements may be interleaved freely on the
 * one connection. Inside a transaction, statements that return no rows are
 * pipelined instead (see pg_flush).
 *
 * Writers: begin takes a transaction-scoped advisory lock, the counterpart
 * of SQLite's BEGIN IMMEDIATE, so that writers of the store queue at the
 * start instead of deadlocking half-way. Waiting is bounded by lock_timeout
 * and retried a few times, then reported as "busy, retried".
 *
 * Messages carry the server's own text, never the URL (it may hold a
 * password): a failed connection names only the host, port and database.
 *
 * libpq is loaded (dlopen) when a PostgreSQL URL is opened, not linked: it
 * brings some twenty libraries (TLS, Kerberos, LDAP) whose loading would add
 * about 3.5 ms to every start of taisaku, most of which never touch a
 * database. Each connection holds the table of libpq functions it uses. */
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"

/* Each wait for the write lock lasts at most LOCK_WAIT; so many attempts in
 * all, with a short pause between them. */
#define LOCK_WAIT "2s"
#define BUSY_ATTEMPTS 5
/* The key of the advisory lock that stands for "the store is being written":
 * the bytes of "taisaku" as a number, so that it will not meet another
 * program's key by chance. */
#define WRITE_LOCK_KEY INT64_C(0x74616973616b75)

/* A statement prepared on the server, kept for the life of the connection:
 * the store prepares the same few statements over and over. */
typedef struct pg_prepared {
	struct pg_prepared *next;
	char *sql;
	char name[24];
	int nparams;
	bool described; /* no_rows is known (asked of the server when first needed) */
	bool no_rows;   /* returns no rows (an INSERT without RETURNING): may be deferred */
} pg_prepared;

/* The libpq functions this file calls, by name: a field of pq_api each,
 * of the function's own type (from libpq-fe.h), filled by dlsym. */
#define PQ_FUNCTIONS(X) \
	X(PQconnectdbParams) X(PQstatus) X(PQerrorMessage) X(PQdb) X(PQhost) X(PQport) X(PQfinish) \
	X(PQsetNoticeProcessor) X(PQexec) X(PQprepare) X(PQexecPrepared) X(PQresultStatus) \
	X(PQresultErrorField) X(PQcmdStatus) X(PQclear) X(PQtransactionStatus) X(PQntuples) \
	X(PQnfields) X(PQgetisnull) X(PQgetvalue) X(PQgetlength) X(PQftype) X(PQunescapeBytea) \
	X(PQfreemem) X(PQdescribePrepared) X(PQenterPipelineMode) X(PQexitPipelineMode) \
	X(PQpipelineSync) X(PQsendQueryPrepared) X(PQgetResult) X(PQconsumeInput)

typedef struct pq_api {
	void *lib; /* the dlopen handle */
#define PQ_FIELD(f) __typeof__(&f) f;
	PQ_FUNCTIONS(PQ_FIELD)
#undef PQ_FIELD
} pq_api;

/* The soname of the libpq the build was compiled against (libpq5). */
#define LIBPQ_SONAME "libpq.so.5"

typedef struct pg_db {
	tk_db base;
	pq_api pq;
	PGconn *conn;
	pg_prepared *prepared;
	unsigned next_id;
	bool in_tx;     /* between begin and commit or rollback */
	bool pipelined; /* in libpq's pipeline mode, with deferred statements */
	int pending;    /* deferred statements whose answers are not read yet */
} pg_db;

struct tk_db_stmt {
	pg_db *db;
	pg_prepared *prep; /* shared by the statements of the same SQL */
	char **values;   /* parameter i-1, malloc'd; NULL binds NULL */
	int *lengths;
	int *formats;    /* 0 text, 1 binary (blobs) */
	PGresult *res;   /* the result of the last run, or NULL */
	int row;         /* the current row; -1 before the first */
	unsigned char *blob; /* the decoded bytea of the last column_blob */
	bool sent;       /* deferred: sent, its answer read by pg_flush */
};

/* ---- errors ---- */

/* Records a failed libpq call with the server's own message, in the same
 * words as the SQLite back end (db_sqlite.c) so that the store's messages do
 * not depend on the back end; the SQLSTATE is added for the DBA. */
static tk_status pg_fail(const pq_api *pq, tk_error *err, const PGresult *res, PGconn *conn,
	const char *what_ja, const char *what_en)
{
	const char *msg = res ? pq->PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *state = res ? pq->PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	char text[TK_ERROR_TEXT];
	if (!msg || !*msg)
		msg = pq->PQerrorMessage(conn);
	snprintf(text, sizeof(text), "%s", msg && *msg ? msg : "unknown error");
	/* libpq ends its own messages with a newline. */
	size_t n = strlen(text);
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		text[--n] = '\0';
	/* Constraint violations (class 23) are the caller's input at fault. */
	if (state && strncmp(state, "23", 2) == 0)
		return tk_error_set(err, TK_EINPUT, "", 0, 0, "", "データベースの制約に反します: %s (SQLSTATE %s)",
			"a database constraint is violated: %s (SQLSTATE %s)", text, state);
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	snprintf(ja, sizeof(ja), "データベースの%sに失敗しました: %s (SQLSTATE %s)", what_ja, text,
		state ? state : "-");
	snprintf(en, sizeof(en), "database %s failed: %s (SQLSTATE %s)", what_en, text, state ? state : "-");
	bool fresh = err && err->status == TK_OK;
	tk_status rc = tk_error_set_texts(err, TK_EIO, "", 0, 0, "", ja, en);
	/* The server refused for now: the connection is lost (class 08, or
	 * libpq says so), the server is shutting down or starting (57P0x),
	 * out of disk or memory (class 53), or read-only (25006). */
	if (fresh && ((conn && pq->PQstatus(conn) != CONNECTION_OK) ||
		(state && (!strncmp(state, "08", 2) || !strncmp(state, "57P0", 4) || !strncmp(state, "53", 2) ||
			!strcmp(state, "25006")))))
		err->unavailable = true;
	return rc;
}

/* The message after the bounded retries, in the SQLite back end's words. */
static tk_status pg_busy(tk_error *err, int retries)
{
	bool fresh = err && err->status == TK_OK;
	tk_status rc = tk_error_set(err, TK_EIO, "", 0, 0, "",
		"データベースが使用中です（%d 回再試行しました）。ほかの書き込みが終わってからやり直してください",
		"database busy, retried %d times; try again when the other writer has finished", retries);
	if (fresh)
		err->unavailable = true;
	return rc;
}

/* SQLSTATEs that say another transaction holds what we need: serialization
 * failure, deadlock, lock timeout. */
static bool pg_is_busy(const pq_api *pq, const PGresult *res)
{
	const char *state = res ? pq->PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	return state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
			strcmp(state, "55P03") == 0);
}

/* ---- connection ---- */

static void quiet_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static void pg_close(tk_db *base);

/* Loads libpq and looks up every function of PQ_FUNCTIONS. */
static tk_status pq_load(pq_api *pq, tk_error *err)
{
	pq->lib = dlopen(LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!pq->lib)
		return tk_error_set(err, TK_EIO, "", 0, 0, "",
			"PostgreSQL のクライアントライブラリ %s を読み込めません (apt-get install libpq5): %s",
			"cannot load the PostgreSQL client library %s (apt-get install libpq5): %s",
			LIBPQ_SONAME, dlerror());
	const char *missing = NULL;
#define PQ_LOOKUP(f) \
	if (!(pq->f = (__typeof__(pq->f))dlsym(pq->lib, #f)) && !missing) \
		missing = #f;
	PQ_FUNCTIONS(PQ_LOOKUP)
#undef PQ_LOOKUP
	if (missing) {
		dlclose(pq->lib);
		pq->lib = NULL;
		return tk_error_set(err, TK_EIO, "", 0, 0, "",
			"PostgreSQL のクライアントライブラリ %s に %s がありません",
			"the PostgreSQL client library %s lacks %s", LIBPQ_SONAME, missing);
	}
	return TK_OK;
}

static tk_status pg_open(const char *target, tk_db **out, tk_error *err)
{
	*out = NULL;
	pg_db *db = calloc(1, sizeof(*db));
	if (!db)
		return tk_error_set(err, TK_ENOMEM, "", 0, 0, "", "メモリが足りません", "out of memory");
	db->base.ops = &tk_db_pg_ops;
	const pq_api *pq = &db->pq;
	tk_status rc = pq_load(&db->pq, err);
	if (rc) {
		free(db);
		return rc;
	}
	/* db.c may hand over the whole URL or only the part after the scheme. */
	char *url = NULL;
	if (strncmp(target, "//", 2) == 0) {
		size_t n = strlen(target) + sizeof("postgresql:");
		if ((url = malloc(n)) != NULL)
			snprintf(url, n, "postgresql:%s", target);
	}
	/* The URL's own settings come first; UTF-8 is imposed afterwards, since
	 * every text the store keeps is UTF-8. */
	const char *keys[] = {"dbname", "client_encoding", "application_name", NULL};
	const char *vals[] = {url ? url : target, "UTF8", "taisaku", NULL};
	db->conn = pq->PQconnectdbParams(keys, vals, 1);
	free(url);
	if (!db->conn) {
		rc = tk_error_set(err, TK_ENOMEM, "", 0, 0, "", "メモリが足りません", "out of memory");
	} else if (pq->PQstatus(db->conn) != CONNECTION_OK) {
		/* libpq's message names the host and the user, never the password. */
		char text[TK_ERROR_TEXT];
		snprintf(text, sizeof(text), "%s", pq->PQerrorMessage(db->conn));
		size_t n = strlen(text);
		while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
			text[--n] = '\0';
		const char *name = pq->PQdb(db->conn), *host = pq->PQhost(db->conn), *port = pq->PQport(db->conn);
		bool fresh = err && err->status == TK_OK;
		rc = tk_error_set(err, TK_EIO, "", 0, 0, "",
			"PostgreSQL のデータベース %s（%s:%s）に接続できません: %s",
			"cannot connect to PostgreSQL database %s (%s:%s): %s",
			name ? name : "?", host ? host : "?", port ? port : "?", text);
		if (fresh)
			err->unavailable = true; /* the server may be down or restarting */
	} else {
		/* Notices (e.g. "relation already exists, skipping") are not for
		 * the user's terminal. Unless the URL set one (options=-c
		 * lock_timeout=...), writers wait at most LOCK_WAIT per attempt. */
		pq->PQsetNoticeProcessor(db->conn, quiet_notice, NULL);
		PGresult *res = pq->PQexec(db->conn, "SELECT set_config('lock_timeout', '" LOCK_WAIT "', false) "
			"WHERE current_setting('lock_timeout') = '0'");
		if (pq->PQresultStatus(res) != PGRES_TUPLES_OK)
			rc = pg_fail(pq, err, res, db->conn, "設定", "setup");
		pq->PQclear(res);
	}
	if (rc) {
		pg_close(&db->base);
		return rc;
	}
	*out = &db->base;
	return TK_OK;
}

/* ---- deferred statements ----
 * Inside a transaction, a statement that returns no rows (a rating row's
 * INSERT) is sent without waiting for its answer: libpq's pipeline mode
 * queues it, and the answers are read in one go by pg_flush, before anything
 * that needs an answer (a query, begin, commit, prepare, exec). An import
 * then costs one round trip to the server for all of a round's rows instead
 * of one per row. The first failure among them is reported by the call that
 * flushes; the transaction has then failed as a whole (the server skips the
 * rest), so nothing half-done can be committed. */
#define PIPELINE_MAX 256 /* answers read at the latest after so many */

static tk_status pg_flush(pg_db *db, tk_error *err)
{
	if (!db->pipelined)
		return TK_OK;
	const pq_api *pq = &db->pq;
	tk_status rc = TK_OK;
	bool broken = !pq->PQpipelineSync(db->conn);
	for (int i = 0; !broken && i < db->pending; i++) {
		PGresult *res = pq->PQgetResult(db->conn);
		if (!res) {
			broken = true;
			break;
		}
		ExecStatusType s = pq->PQresultStatus(res);
		/* After a failure the server skips the rest: PIPELINE_ABORTED. */
		if (s != PGRES_COMMAND_OK && s != PGRES_PIPELINE_ABORTED && rc == TK_OK)
			rc = pg_is_busy(pq, res) ? pg_busy(err, 0) : pg_fail(pq, err, res, db->conn, "実行", "step");
		pq->PQclear(res);
		/* The end of this statement's answers. */
		while ((res = pq->PQgetResult(db->conn)) != NULL)
			pq->PQclear(res);
	}
	if (!broken) {
		PGresult *res = pq->PQgetResult(db->conn);
		broken = !res || pq->PQresultStatus(res) != PGRES_PIPELINE_SYNC;
		pq->PQclear(res);
	}
	if (broken || !pq->PQexitPipelineMode(db->conn)) {
		if (rc == TK_OK)
			rc = pg_fail(pq, err, NULL, db->conn, "実行", "step");
	}
	db->pipelined = false;
	db->pending = 0;
	return rc;
}

static void pg_close(tk_db *base)
{
	if (!base)
		return;
	pg_db *db = (pg_db *)base;
	if (db->conn)
		db->pq.PQfinish(db->conn);
	for (pg_prepared *p = db->prepared, *next; p; p = next) {
		next = p->next;
		free(p->sql);
		free(p);
	}
	dlclose(db->pq.lib);
	free(db);
}

/* Text already ends with a full statement result; only success matters. */
static tk_status pg_simple(pg_db *db, const char *sql, const char *what_ja, const char *what_en,
	tk_error *err)
{
	const pq_api *pq = &db->pq;
	tk_status rc = pg_flush(db, err);
	if (rc)
		return rc;
	PGresult *res = pq->PQexec(db->conn, sql);
	ExecStatusType st = pq->PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
		rc = pg_fail(pq, err, res, db->conn, what_ja, what_en);
	pq->PQclear(res);
	return rc;
}

static tk_status pg_exec(tk_db *base, const char *sql, tk_error *err)
{
	return pg_simple((pg_db *)base, sql, "実行", "exec", err);
}

/* ---- transactions ---- */

static void pause_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static tk_status pg_begin(tk_db *base, tk_error *err)
{
	const pq_api *pq = &((pg_db *)base)->pq;
	pg_db *db = (pg_db *)base;
	char lock[96];
	snprintf(lock, sizeof(lock), "SELECT pg_advisory_xact_lock(%" PRId64 ")", (int64_t)WRITE_LOCK_KEY);
	for (int attempt = 1;; attempt++) {
		tk_status rc = pg_simple(db, "BEGIN", "トランザクション開始", "begin", err);
		if (rc != TK_OK)
			return rc;
		PGresult *res = pq->PQexec(db->conn, lock);
		if (pq->PQresultStatus(res) == PGRES_TUPLES_OK) {
			pq->PQclear(res);
			db->in_tx = true;
			return TK_OK;
		}
		bool busy = pg_is_busy(pq, res);
		if (!busy || attempt == BUSY_ATTEMPTS) {
			if (busy)
				pg_busy(err, attempt - 1);
			else
				pg_fail(pq, err, res, db->conn, "トランザクション開始", "begin");
			pq->PQclear(res);
			pq->PQclear(pq->PQexec(db->conn, "ROLLBACK"));
			return err ? err->status : TK_EIO;
		}
		pq->PQclear(res);
		pq->PQclear(pq->PQexec(db->conn, "ROLLBACK"));
		pause_ms(20L * attempt);
	}
}

static tk_status pg_commit(tk_db *base, tk_error *err)
{
	const pq_api *pq = &((pg_db *)base)->pq;
	pg_db *db = (pg_db *)base;
	db->in_tx = false;
	tk_status rc = pg_flush(db, err);
	if (rc) {
		pq->PQclear(pq->PQexec(db->conn, "ROLLBACK"));
		return rc;
	}
	PGresult *res = pq->PQexec(db->conn, "COMMIT");
	/* A transaction that failed earlier answers COMMIT with ROLLBACK and a
	 * success status; that must not pass for a commit. */
	if (pq->PQresultStatus(res) != PGRES_COMMAND_OK || strcmp(pq->PQcmdStatus(res), "COMMIT") != 0) {
		if (pq->PQresultStatus(res) == PGRES_COMMAND_OK)
			rc = tk_error_set(err, TK_EIO, "", 0, 0, "",
				"PostgreSQL: トランザクションは先の失敗のため取り消されました",
				"PostgreSQL: the transaction was rolled back after an earlier failure");
		else if (pg_is_busy(pq, res))
			rc = pg_busy(err, 0);
		else
			rc = pg_fail(pq, err, res, db->conn, "確定", "commit");
	}
	pq->PQclear(res);
	return rc;
}

static void pg_rollback(tk_db *base)
{
	const pq_api *pq = &((pg_db *)base)->pq;
	pg_db *db = (pg_db *)base;
	tk_error ignored = { 0 };
	db->in_tx = false;
	pg_flush(db, &ignored); /* the transaction is dropped: its errors too */
	if (pq->PQtransactionStatus(db->conn) != PQTRANS_IDLE)
		pq->PQclear(pq->PQexec(db->conn, "ROLLBACK"));
}

/* ---- statements ---- */

/* Rewrites `?` as $1, $2 ... outside '...' strings, "..." identifiers and
 * comments. Returns a malloc'd text and the number of parameters. */
static char *pg_number_params(const char *sql, int *count)
{
	size_t len = strlen(sql), cap = len * 4 + 1; /* "?" → at most "$9999" */
	char *out = malloc(cap);
	if (!out)
		return NULL;
	size_t o = 0;
	int n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = sql[i];
		if (c == '\'' || c == '"') {
			/* A doubled quote inside stays inside. */
			out[o++] = sql[i++];
			while (i < len) {
				out[o++] = sql[i];
				if (sql[i] == c) {
					if (i + 1 < len && sql[i + 1] == c)
						out[o++] = sql[++i];
					else
						break;
				}
				i++;
			}
		} else if (c == '-' && sql[i + 1] == '-') {
			while (i < len && sql[i] != '\n')
				out[o++] = sql[i++];
			if (i < len)
				out[o++] = sql[i];
		} else if (c == '/' && sql[i + 1] == '*') {
			out[o++] = sql[i++];
			out[o++] = sql[i++];
			while (i < len && !(sql[i] == '*' && sql[i + 1] == '/'))
				out[o++] = sql[i++];
			if (i < len) {
				out[o++] = sql[i++];
				out[o++] = sql[i];
			}
		} else if (c == '?' && n < 9999) {
			o += (size_t)snprintf(out + o, cap - o, "$%d", ++n);
		} else {
			out[o++] = c;
		}
	}
	out[o] = '\0';
	*count = n;
	return out;
}

static tk_status pg_prepare(tk_db *base, const char *sql, tk_db_stmt **out, tk_error *err)
{
	const pq_api *pq = &((pg_db *)base)->pq;
	pg_db *db = (pg_db *)base;
	*out = NULL;
	pg_prepared *prep = db->prepared;
	while (prep && strcmp(prep->sql, sql) != 0)
		prep = prep->next;
	if (!prep) {
		tk_status rc = pg_flush(db, err);
		if (rc)
			return rc;
		int n = 0;
		char *text = pg_number_params(sql, &n);
		prep = calloc(1, sizeof(*prep));
		char *copy = strdup(sql);
		if (!text || !prep || !copy) {
			free(text);
			free(prep);
			free(copy);
			return tk_error_set(err, TK_ENOMEM, "", 0, 0, "", "メモリが足りません", "out of memory");
		}
		snprintf(prep->name, sizeof(prep->name), "tk%u", ++db->next_id);
		prep->nparams = n;
		prep->sql = copy;
		PGresult *res = pq->PQprepare(db->conn, prep->name, text, 0, NULL);
		free(text);
		if (pq->PQresultStatus(res) != PGRES_COMMAND_OK) {
			pg_fail(pq, err, res, db->conn, "準備", "prepare");
			pq->PQclear(res);
			free(prep->sql);
			free(prep);
			return err ? err->status : TK_EIO;
		}
		pq->PQclear(res);
		prep->next = db->prepared;
		db->prepared = prep;
	}
	tk_db_stmt *st = calloc(1, sizeof(*st));
	int n = prep->nparams > 0 ? prep->nparams : 1;
	if (st) {
		st->values = calloc((size_t)n, sizeof(*st->values));
		st->lengths = calloc((size_t)n, sizeof(*st->lengths));
		st->formats = calloc((size_t)n, sizeof(*st->formats));
	}
	if (!st || !st->values || !st->lengths || !st->formats) {
		if (st) {
			free(st->values);
			free(st->lengths);
			free(st->formats);
		}
		free(st);
		return tk_error_set(err, TK_ENOMEM, "", 0, 0, "", "メモリが足りません", "out of memory");
	}
	st->db = db;
	st->prep = prep;
	st->row = -1;
	*out = st;
	return TK_OK;
}

/* Stores a parameter's bytes (a copy); out of range is ignored, as the
 * server then reports the missing parameter. */
static void pg_bind_bytes(tk_db_stmt *st, int i, const void *v, size_t len, int format)
{
	if (i < 1 || i > st->prep->nparams)
		return;
	free(st->values[i - 1]);
	st->values[i - 1] = NULL;
	st->lengths[i - 1] = 0;
	st->formats[i - 1] = format;
	if (!v)
		return;
	char *copy = malloc(len + 1);
	if (!copy)
		return; /* binds NULL; a NOT NULL column then refuses it */
	memcpy(copy, v, len);
	copy[len] = '\0';
	st->values[i - 1] = copy;
	st->lengths[i - 1] = (int)len;
}

static void pg_bind_text(tk_db_stmt *st, int i, const char *v)
{
	pg_bind_bytes(st, i, v, v ? strlen(v) : 0, 0);
}

static void pg_bind_int(tk_db_stmt *st, int i, int64_t v)
{
	char buf[24];
	int n = snprintf(buf, sizeof(buf), "%" PRId64, v);
	pg_bind_bytes(st, i, buf, (size_t)n, 0);
}

static void pg_bind_double(tk_db_stmt *st, int i, double v)
{
	char buf[32];
	/* 17 significant digits give back the same double. */
	int n = snprintf(buf, sizeof(buf), "%.17g", v);
	pg_bind_bytes(st, i, buf, (size_t)n, 0);
}

static void pg_bind_blob(tk_db_stmt *st, int i, const void *v, size_t len)
{
	/* As in SQLite, a NULL pointer binds NULL; an empty blob is a value. */
	pg_bind_bytes(st, i, v, len, 1);
}

static void pg_bind_null(tk_db_stmt *st, int i)
{
	pg_bind_bytes(st, i, NULL, 0, 0);
}

static void pg_clear_result(tk_db_stmt *st)
{
	const pq_api *pq = &st->db->pq;
	pq->PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	pq->PQfreemem(st->blob);
	st->blob = NULL;
	st->sent = false;
}

static tk_db_step pg_step(tk_db_stmt *st, tk_error *err)
{
	const pq_api *pq = &st->db->pq;
	pg_db *db = st->db;
	if (st->sent)
		return TK_DB_DONE;
	/* Whether a statement returns rows is asked of the server once, and
	 * only inside a transaction, where the answer matters: a read-only
	 * command never pays the round trip. */
	pg_prepared *prep = st->prep;
	if (!st->res && db->in_tx && !prep->described) {
		if (pg_flush(db, err))
			return TK_DB_FAILED;
		PGresult *res = pq->PQdescribePrepared(db->conn, prep->name);
		prep->no_rows = pq->PQresultStatus(res) == PGRES_COMMAND_OK && pq->PQnfields(res) == 0;
		prep->described = true;
		pq->PQclear(res);
	}
	if (!st->res && prep->no_rows && db->in_tx &&
	    (db->pipelined || (db->pipelined = pq->PQenterPipelineMode(db->conn)))) {
		if (!pq->PQsendQueryPrepared(db->conn, st->prep->name, st->prep->nparams,
			    (const char *const *)st->values, st->lengths, st->formats, 0)) {
			pg_fail(pq, err, NULL, db->conn, "実行", "step");
			return TK_DB_FAILED;
		}
		st->sent = true;
		if (++db->pending >= PIPELINE_MAX && pg_flush(db, err))
			return TK_DB_FAILED;
		return TK_DB_DONE;
	}
	if (!st->res) {
		if (pg_flush(db, err))
			return TK_DB_FAILED;
		st->res = pq->PQexecPrepared(st->db->conn, st->prep->name, st->prep->nparams,
			(const char *const *)st->values, st->lengths, st->formats, 0);
		ExecStatusType s = pq->PQresultStatus(st->res);
		if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
			/* Writers queue in begin; a lock wait that still times out
			 * here (a statement outside a transaction) is "busy" too. */
			if (pg_is_busy(pq, st->res))
				pg_busy(err, 0);
			else
				pg_fail(pq, err, st->res, st->db->conn, "実行", "step");
			/* Kept (with no rows) so that a second step does not run it again. */
			return TK_DB_FAILED;
		}
		st->row = -1;
	}
	pq->PQfreemem(st->blob);
	st->blob = NULL;
	if (pq->PQresultStatus(st->res) != PGRES_TUPLES_OK)
		return TK_DB_DONE;
	if (st->row + 1 >= pq->PQntuples(st->res)) {
		st->row = pq->PQntuples(st->res);
		return TK_DB_DONE;
	}
	st->row++;
	return TK_DB_ROW;
}

static bool pg_has_cell(tk_db_stmt *st, int i)
{
	const pq_api *pq = &st->db->pq;
	return st->res && pq->PQresultStatus(st->res) == PGRES_TUPLES_OK && st->row >= 0 &&
	       st->row < pq->PQntuples(st->res) && i >= 0 && i < pq->PQnfields(st->res);
}

static bool pg_column_null(tk_db_stmt *st, int i)
{
	const pq_api *pq = &st->db->pq;
	return !pg_has_cell(st, i) || pq->PQgetisnull(st->res, st->row, i);
}

static const char *pg_column_text(tk_db_stmt *st, int i)
{
	const pq_api *pq = &st->db->pq;
	if (pg_column_null(st, i))
		return NULL;
	return pq->PQgetvalue(st->res, st->row, i);
}

static int64_t pg_column_int(tk_db_stmt *st, int i)
{
	const char *v = pg_column_text(st, i);
	if (!v)
		return 0;
	/* A boolean comes as t/f; a numeric as digits with a fraction (cut). */
	if (v[0] == 't' && !v[1])
		return 1;
	return strtoll(v, NULL, 10);
}

static double pg_column_double(tk_db_stmt *st, int i)
{
	const char *v = pg_column_text(st, i);
	return v ? strtod(v, NULL) : 0.0;
}

static const void *pg_column_blob(tk_db_stmt *st, int i, size_t *len)
{
	const pq_api *pq = &st->db->pq;
	*len = 0;
	const char *v = pg_column_text(st, i);
	if (!v)
		return NULL;
	if (pq->PQftype(st->res, i) != 17 /* BYTEAOID */) {
		*len = (size_t)pq->PQgetlength(st->res, st->row, i);
		return v;
	}
	pq->PQfreemem(st->blob);
	st->blob = pq->PQunescapeBytea((const unsigned char *)v, len);
	/* An empty bytea is a value: give a non-NULL pointer. */
	return st->blob ? (const void *)st->blob : (const void *)"";
}

static void pg_reset(tk_db_stmt *st)
{
	pg_clear_result(st);
}

static void pg_finalize(tk_db_stmt *st)
{
	if (!st)
		return;
	pg_clear_result(st);
	for (int i = 0; i < st->prep->nparams; i++)
		free(st->values[i]);
	free(st->values);
	free(st->lengths);
	free(st->formats);
	free(st);
}

/* libpq notices a closed connection only when it reads: what the server
 * sent meanwhile is read now, without blocking (libpq's socket does not
 * block). Twice: a server shutting down sends "terminating connection"
 * and then closes, and one read takes the message, the next the end. */
static bool pg_alive(tk_db *base)
{
	pg_db *db = (pg_db *)base;
	const pq_api *pq = &db->pq;
	if (db->in_tx || db->pipelined)
		return pq->PQstatus(db->conn) == CONNECTION_OK; /* the next statement will say */
	for (int i = 0; i < 2 && pq->PQstatus(db->conn) == CONNECTION_OK; i++)
		pq->PQconsumeInput(db->conn);
	return pq->PQstatus(db->conn) == CONNECTION_OK;
}

const tk_db_ops tk_db_pg_ops = {
	.backend = TK_DB_POSTGRESQL,
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.prepare = pg_prepare,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.column_null = pg_column_null,
	.column_text = pg_column_text,
	.column_int = pg_column_int,
	.column_double = pg_column_double,
	.column_blob = pg_column_blob,
	.reset = pg_reset,
	.finalize = pg_finalize,
	.alive = pg_alive,
};
