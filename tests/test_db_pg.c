/* The PostgreSQL back end of the SQL driver (src/lib/db_pg.c), against a
 * real server: the database named by TAISAKU_TEST_DB (tests/pg_test.sh
 * makes a fresh one). Parameters and their numbering, every column type,
 * statements interleaved on one connection, transactions, the bounded
 * "busy, retried" path, constraint errors, and no password in any message. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/lib/db.h"
#include "testutil.h"

static const tk_db_ops *ops = &tk_db_pg_ops;

static const char *test_url(void)
{
	const char *url = getenv("TAISAKU_TEST_DB");
	if (!url || strncmp(url, "postgres", 8) != 0)
		fail_msg("TAISAKU_TEST_DB must name a PostgreSQL database (run through tests/pg_test.sh)");
	return url;
}

static tk_db *connect_with(const char *url)
{
	tk_db *db = NULL;
	tk_error err = { 0 };
	if (ops->open(url, &db, &err) != TK_OK)
		fail_msg("open: %s", err.en);
	return db;
}

static tk_db_stmt *prepare(tk_db *db, const char *sql)
{
	tk_db_stmt *st = NULL;
	tk_error err = { 0 };
	if (ops->prepare(db, sql, &st, &err) != TK_OK)
		fail_msg("prepare %s: %s", sql, err.en);
	return st;
}

static void exec_ok(tk_db *db, const char *sql)
{
	tk_error err = { 0 };
	if (ops->exec(db, sql, &err) != TK_OK)
		fail_msg("exec %s: %s", sql, err.en);
}

static tk_db_step step(tk_db_stmt *st)
{
	tk_error err = { 0 };
	tk_db_step s = ops->step(st, &err);
	if (s == TK_DB_FAILED)
		fail_msg("step: %s", err.en);
	return s;
}

/* SELECT COUNT(*) ... as a number. */
static int64_t count(tk_db *db, const char *sql)
{
	tk_db_stmt *st = prepare(db, sql);
	assert_int_equal(step(st), TK_DB_ROW);
	int64_t n = ops->column_int(st, 0);
	ops->finalize(st);
	return n;
}

static void values_round_trip(void **state)
{
	(void)state;
	tk_db *db = connect_with(test_url());
	exec_ok(db, "CREATE TEMP TABLE v (i BIGINT, t TEXT, d DOUBLE PRECISION, b BYTEA, n TEXT)");
	tk_db_stmt *ins = prepare(db, "INSERT INTO v (i, t, d, b, n) VALUES (?, ?, ?, ?, ?)");
	static const unsigned char blob[] = { 0, 1, 0xff, '\\', 'x', 0, '\'' };
	ops->bind_int(ins, 1, INT64_C(-9007199254740993));
	ops->bind_text(ins, 2, "情報セキュリティ対策 'quoted' ?");
	ops->bind_double(ins, 3, 0.1 + 0.2);
	ops->bind_blob(ins, 4, blob, sizeof(blob));
	ops->bind_null(ins, 5);
	assert_int_equal(step(ins), TK_DB_DONE);
	/* The same statement again with new values: an empty blob is a value,
	 * a NULL text pointer binds NULL. */
	ops->reset(ins);
	ops->bind_int(ins, 1, 2);
	ops->bind_text(ins, 2, NULL);
	ops->bind_double(ins, 3, 3.5);
	ops->bind_blob(ins, 4, "", 0);
	ops->bind_text(ins, 5, "");
	assert_int_equal(step(ins), TK_DB_DONE);
	ops->finalize(ins);

	tk_db_stmt *sel = prepare(db, "SELECT i, t, d, b, n FROM v ORDER BY i");
	assert_int_equal(step(sel), TK_DB_ROW);
	assert_true(ops->column_int(sel, 0) == INT64_C(-9007199254740993));
	assert_string_equal(ops->column_text(sel, 1), "情報セキュリティ対策 'quoted' ?");
	assert_true(ops->column_double(sel, 2) == 0.1 + 0.2);
	size_t len = 0;
	const void *b = ops->column_blob(sel, 3, &len);
	assert_int_equal(len, sizeof(blob));
	assert_memory_equal(b, blob, sizeof(blob));
	assert_true(ops->column_null(sel, 4));
	assert_null(ops->column_text(sel, 4));
	assert_int_equal(step(sel), TK_DB_ROW);
	assert_int_equal(ops->column_int(sel, 0), 2);
	assert_true(ops->column_null(sel, 1));
	assert_true(ops->column_double(sel, 2) == 3.5);
	b = ops->column_blob(sel, 3, &len);
	assert_non_null(b);
	assert_int_equal(len, 0);
	assert_false(ops->column_null(sel, 4));
	assert_string_equal(ops->column_text(sel, 4), "");
	assert_int_equal(step(sel), TK_DB_DONE);
	ops->finalize(sel);
	ops->close(db);
}

/* A `?` inside a string, a quoted identifier or a comment is not a
 * parameter; the two outside are $1 and $2. */
static void question_marks_outside_literals_only(void **state)
{
	(void)state;
	tk_db *db = connect_with(test_url());
	tk_db_stmt *st = prepare(db,
		"SELECT '?''?' AS \"a?\", ? /* ? */ || '', -- ?\n ? || ''");
	ops->bind_text(st, 1, "one");
	ops->bind_text(st, 2, "two");
	assert_int_equal(step(st), TK_DB_ROW);
	assert_string_equal(ops->column_text(st, 0), "?'?");
	assert_string_equal(ops->column_text(st, 1), "one");
	assert_string_equal(ops->column_text(st, 2), "two");
	ops->finalize(st);
	ops->close(db);
}

/* One statement's rows are read while others run on the same connection,
 * and the same SQL prepared twice gives two independent statements. */
static void statements_interleave(void **state)
{
	(void)state;
	tk_db *db = connect_with(test_url());
	exec_ok(db, "CREATE TEMP TABLE n (x BIGINT); INSERT INTO n SELECT generate_series(1, 5)");
	tk_db_stmt *outer = prepare(db, "SELECT x FROM n WHERE x > ? ORDER BY x");
	tk_db_stmt *again = prepare(db, "SELECT x FROM n WHERE x > ? ORDER BY x");
	tk_db_stmt *ins = prepare(db, "INSERT INTO n (x) VALUES (?)");
	ops->bind_int(outer, 1, 0);
	ops->bind_int(again, 1, 3);
	int64_t sum = 0;
	while (step(outer) == TK_DB_ROW) {
		int64_t x = ops->column_int(outer, 0);
		sum += x;
		ops->reset(ins);
		ops->bind_int(ins, 1, x * 100);
		assert_int_equal(step(ins), TK_DB_DONE);
	}
	assert_int_equal(sum, 15);
	assert_int_equal(step(again), TK_DB_ROW);
	assert_int_equal(ops->column_int(again, 0), 4);
	ops->finalize(outer);
	ops->finalize(again);
	ops->finalize(ins);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM n"), 10);
	ops->close(db);
}

static void transactions_commit_and_roll_back(void **state)
{
	(void)state;
	tk_db *db = connect_with(test_url());
	tk_error err = { 0 };
	exec_ok(db, "CREATE TABLE tx (k TEXT PRIMARY KEY)");
	assert_int_equal(ops->begin(db, &err), TK_OK);
	exec_ok(db, "INSERT INTO tx VALUES ('rolled back')");
	ops->rollback(db);
	assert_int_equal(ops->begin(db, &err), TK_OK);
	exec_ok(db, "INSERT INTO tx VALUES ('kept')");
	assert_int_equal(ops->commit(db, &err), TK_OK);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM tx"), 1);

	/* A transaction with a failed statement does not pass for committed. */
	assert_int_equal(ops->begin(db, &err), TK_OK);
	exec_ok(db, "INSERT INTO tx VALUES ('lost')");
	tk_db_stmt *dup = prepare(db, "INSERT INTO tx VALUES (?) RETURNING k");
	ops->bind_text(dup, 1, "kept");
	assert_int_equal(ops->step(dup, &err), TK_DB_FAILED);
	assert_int_equal(err.status, TK_EINPUT);
	assert_non_null(strstr(err.en, "constraint"));
	assert_non_null(strstr(err.en, "23505"));
	ops->finalize(dup);
	tk_error_clear(&err);
	assert_int_equal(ops->commit(db, &err), TK_EIO);
	ops->rollback(db);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM tx"), 1);
	ops->close(db);
}

/* Inside a transaction a statement that returns no rows is sent without
 * waiting (pipeline); its failure is reported by the next call that needs
 * an answer, or by commit, and nothing of the transaction is kept. */
static void deferred_writes(void **state)
{
	(void)state;
	tk_db *db = connect_with(test_url());
	tk_error err = { 0 };
	exec_ok(db, "CREATE TABLE d (k BIGINT PRIMARY KEY, t TEXT)");
	tk_db_stmt *ins = prepare(db, "INSERT INTO d (k, t) VALUES (?, ?)");
	/* More than one batch of answers (PIPELINE_MAX), all kept. */
	assert_int_equal(ops->begin(db, &err), TK_OK);
	for (int i = 0; i < 1000; i++) {
		ops->reset(ins);
		ops->bind_int(ins, 1, i);
		ops->bind_text(ins, 2, "行");
		assert_int_equal(step(ins), TK_DB_DONE);
	}
	assert_int_equal(count(db, "SELECT COUNT(*) FROM d"), 1000);
	assert_int_equal(ops->commit(db, &err), TK_OK);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM d"), 1000);

	/* A duplicate among them: the query after it reports it. */
	assert_int_equal(ops->begin(db, &err), TK_OK);
	for (int i = 1000; i < 1010; i++) {
		ops->reset(ins);
		ops->bind_int(ins, 1, i == 1005 ? 7 : i);
		ops->bind_text(ins, 2, "x");
		assert_int_equal(step(ins), TK_DB_DONE);
	}
	tk_db_stmt *q = prepare(db, "SELECT COUNT(*) FROM d");
	assert_int_equal(ops->step(q, &err), TK_DB_FAILED);
	assert_int_equal(err.status, TK_EINPUT);
	assert_non_null(strstr(err.en, "23505"));
	ops->finalize(q);
	ops->rollback(db);

	/* The same, reported by commit. */
	tk_error_clear(&err);
	assert_int_equal(ops->begin(db, &err), TK_OK);
	ops->reset(ins);
	ops->bind_int(ins, 1, 2000);
	ops->bind_text(ins, 2, "x");
	assert_int_equal(step(ins), TK_DB_DONE);
	ops->reset(ins);
	ops->bind_int(ins, 1, 3);
	ops->bind_text(ins, 2, "x");
	assert_int_equal(step(ins), TK_DB_DONE);
	assert_int_equal(ops->commit(db, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "constraint"));
	ops->rollback(db);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM d"), 1000);
	assert_int_equal(count(db, "SELECT COUNT(*) FROM d WHERE k = 2000"), 0);

	/* Outside a transaction nothing is deferred: the error is immediate. */
	ops->reset(ins);
	ops->bind_int(ins, 1, 3);
	ops->bind_text(ins, 2, "x");
	tk_error_clear(&err);
	assert_int_equal(ops->step(ins, &err), TK_DB_FAILED);
	assert_non_null(strstr(err.en, "23505"));
	ops->finalize(ins);
	ops->close(db);
}

/* The test URL with a setting added to its query part. */
static char *url_with(const char *extra)
{
	const char *url = test_url();
	size_t n = strlen(url) + strlen(extra) + 2;
	char *s = malloc(n);
	snprintf(s, n, "%s%c%s", url, strchr(url, '?') ? '&' : '?', extra);
	return s;
}

/* While one writer holds the store, another's begin waits, retries a
 * bounded number of times and then says so; afterwards it gets in. */
static void busy_writer_is_retried_then_reported(void **state)
{
	(void)state;
	/* A short wait per attempt, so that the test takes about a second. */
	char *url = url_with("options=-c%20lock_timeout%3D150ms");
	tk_db *a = connect_with(url), *b = connect_with(url);
	free(url);
	tk_error err = { 0 };
	assert_int_equal(ops->begin(a, &err), TK_OK);
	assert_int_equal(ops->begin(b, &err), TK_EIO);
	assert_non_null(strstr(err.en, "busy, retried 4 times"));
	assert_non_null(strstr(err.ja, "使用中"));
	assert_int_equal(ops->commit(a, &err), TK_OK);
	tk_error_clear(&err);
	assert_int_equal(ops->begin(b, &err), TK_OK);
	assert_int_equal(ops->commit(b, &err), TK_OK);
	ops->close(a);
	ops->close(b);
}

static void server_message_reaches_the_user(void **state)
{
	(void)state;
	tk_db *db = connect_with(test_url());
	tk_db_stmt *st = NULL;
	tk_error err = { 0 };
	assert_int_equal(ops->prepare(db, "SELECT * FROM no_such_table", &st, &err), TK_EIO);
	assert_null(st);
	assert_non_null(strstr(err.en, "relation \"no_such_table\" does not exist"));
	assert_non_null(strstr(err.ja, "no_such_table"));
	ops->close(db);
}

/* A wrong password, given in the URL: the message names the database, the
 * host and the failure, never the password. */
static void no_password_in_messages(void **state)
{
	(void)state;
	static const char canary[] = "canary-Secret-7f3a";
	PQconninfoOption *opts = PQconninfoParse(test_url(), NULL);
	assert_non_null(opts);
	const char *host = "", *port = "", *dbname = "";
	for (PQconninfoOption *o = opts; o->keyword; o++) {
		if (!o->val)
			continue;
		if (strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (strcmp(o->keyword, "dbname") == 0)
			dbname = o->val;
	}
	char url[512], db_name[128];
	snprintf(url, sizeof(url), "postgresql://taisaku:%s@%s:%s/%s", canary, host, port, dbname);
	snprintf(db_name, sizeof(db_name), "%s", dbname);
	PQconninfoFree(opts);
	tk_db *db = NULL;
	tk_error err = { 0 };
	assert_int_equal(ops->open(url, &db, &err), TK_EIO);
	assert_null(db);
	char buf[2048];
	for (int lang = TK_LANG_JA; lang <= TK_LANG_EN; lang++) {
		tk_error_format(&err, (tk_lang)lang, buf, sizeof(buf));
		assert_null(strstr(buf, canary));
		assert_non_null(strstr(buf, "password authentication failed"));
	}
	/* Nobody listening: the same, and no crash. */
	snprintf(url, sizeof(url), "postgresql://taisaku:%s@127.0.0.1:1/%s?connect_timeout=2", canary, db_name);
	tk_error_clear(&err);
	assert_int_equal(ops->open(url, &db, &err), TK_EIO);
	assert_null(strstr(err.en, canary));
	assert_null(strstr(err.ja, canary));
	assert_non_null(strstr(err.en, "cannot connect"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_round_trip),
		cmocka_unit_test(question_marks_outside_literals_only),
		cmocka_unit_test(statements_interleave),
		cmocka_unit_test(transactions_commit_and_roll_back),
		cmocka_unit_test(deferred_writes),
		cmocka_unit_test(busy_writer_is_retried_then_reported),
		cmocka_unit_test(server_message_reaches_the_user),
		cmocka_unit_test(no_password_in_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
