/* Backup and restore (include/taisaku/backup.h) on real SQLite databases:
 * a store with organisations, systems, rounds of the real examples and a
 * closed round goes into an archive and back into an empty database, and
 * the second store's own backup is the same, row for row and byte for byte.
 * Then every way an archive can be bad, each leaving the database empty. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ecom_fixture.h"
#include "taisaku/arena.h"
#include "taisaku/backup.h"
#include "taisaku/file.h"
#include "taisaku/store.h"
#include "taisaku/store_dump.h"
#include "testutil.h"

#define PASS "バックアップの合言葉"

typedef struct fixture {
	char dir[64];
	char src[128], dst[128]; /* database URLs */
	char archive[128];
} fixture;

static void must(tk_status st, const tk_error *err)
{
	if (st != TK_OK) {
		char buf[2048];
		print_error("%s\n", tk_error_format(err, TK_LANG_EN, buf, sizeof(buf)));
	}
	assert_int_equal(st, TK_OK);
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/taisaku-backup-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->src, sizeof(f->src), "sqlite:%s/src.db", f->dir);
	snprintf(f->dst, sizeof(f->dst), "sqlite:%s/dst.db", f->dir);
	snprintf(f->archive, sizeof(f->archive), "%s/store.tkb", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char cmd[160];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	int rc = system(cmd);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* A store like a real one: two organisations, three systems (one without
 * peer attributes), four rounds of the examples, one of them closed. */
static void populate(fixture *f)
{
	tk_store *s;
	tk_error err = { 0 };
	must(tk_store_init(f->src, &s, NULL, &err), &err);
	tk_store_set_user(s, "監査室 田中");
	int64_t id;
	const char *org1 = "株式会社みどり野設計事務所", *org2 = "○○銀行";
	must(tk_store_org_add(s, org1, &id, &err), &err);
	must(tk_store_org_add(s, org2, &id, &err), &err);
	must(tk_store_system_add(s, org1, "社内業務システム", "建設", "小", &id, &err), &err);
	must(tk_store_system_add(s, org2, "勘定系", "金融", "大", &id, &err), &err);
	must(tk_store_system_add(s, org2, "情報系", NULL, NULL, &id, &err), &err);
	static const struct { int org; const char *sys, *file; } rounds[] = {
		{ 1, "社内業務システム", "small-company.yaml" },
		{ 2, "勘定系", "financial-institution.yaml" },
		{ 2, "情報系", "ordinary-company-2025.yaml" },
		{ 2, "情報系", "ordinary-company-2026.yaml" },
	};
	for (size_t i = 0; i < sizeof(rounds) / sizeof(*rounds); i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/examples/%s", TK_SOURCE_ROOT, rounds[i].file);
		must(tk_store_round_import_file(s, rounds[i].org == 1 ? org1 : org2, rounds[i].sys, path,
			ecom_resolve, NULL, &id, &err), &err);
		if (i == 2)
			must(tk_store_round_close(s, id, &err), &err);
	}
	tk_store_close(s);
}

static void backup(const char *url, const char *path, const char *pass, tk_backup_counts *counts)
{
	tk_store *s;
	tk_archive_writer *w;
	tk_error err = { 0 };
	must(tk_store_open(url, &s, &err), &err);
	must(tk_archive_create(path, pass, pass ? strlen(pass) : 0, TK_ARCHIVE_INTERACTIVE, &w, &err), &err);
	tk_status st = tk_backup_write(s, w, counts, &err);
	if (st)
		tk_archive_abort(w);
	else
		st = tk_archive_commit(w, &err);
	must(st, &err);
	tk_store_close(s);
}

/* Restores path into url (initialised if new); returns the outcome. */
static tk_status restore(const char *url, const char *path, const char *pass, bool replace,
	tk_backup_counts *counts, tk_error *err)
{
	tk_store *s;
	tk_archive_reader *r;
	tk_status st = tk_store_init(url, &s, NULL, err);
	if (st)
		return st;
	if ((st = tk_archive_open(path, &r, err)) == TK_OK) {
		if (tk_archive_sealed(r))
			st = tk_archive_unlock(r, pass ? pass : "", pass ? strlen(pass) : 0, err);
		if (st == TK_OK)
			st = tk_backup_restore(s, r, path, replace, counts, err);
		tk_archive_close(r);
	}
	tk_store_close(s);
	return st;
}

/* The store's contents, canonically: its plain backup without the first
 * line (which says when and from which back end) and the last (whose
 * checksum covers the first). */
static char *contents(fixture *f, const char *url)
{
	char path[160];
	snprintf(path, sizeof(path), "%s/canonical.tkb", f->dir);
	backup(url, path, NULL, NULL);
	char *data;
	size_t len;
	tk_error err = { 0 };
	must(tk_file_read(path, &data, &len, &err), &err);
	unlink(path);
	char *first = strchr(data, '\n');
	assert_non_null(first);
	assert_true(len > 0 && data[len - 1] == '\n');
	data[len - 1] = '\0';
	char *last = strrchr(data, '\n');
	assert_non_null(last);
	char *body = strndup(first + 1, (size_t)(last - first));
	free(data);
	return body;
}

/* How many rows the store's tables hold, all together. */
static size_t rows_in(const char *url)
{
	tk_backup_counts c;
	char path[200];
	snprintf(path, sizeof(path), "%s.count.tkb", url + strlen("sqlite:"));
	backup(url, path, NULL, &c);
	unlink(path);
	size_t n = 0;
	for (size_t i = 0; i < c.ntables; i++)
		n += c.rows[i];
	return n;
}

static void test_round_trip(void **state)
{
	fixture *f = *state;
	populate(f);
	tk_backup_counts wrote, read;
	backup(f->src, f->archive, NULL, &wrote);
	tk_error err = { 0 };
	must(restore(f->dst, f->archive, NULL, false, &read, &err), &err);
	/* Every table came across, with rows in each that has any. */
	assert_int_equal(wrote.ntables, tk_store_ntables);
	assert_int_equal(read.ntables, wrote.ntables);
	for (size_t i = 0; i < wrote.ntables; i++)
		assert_int_equal(read.rows[i], wrote.rows[i]);
	assert_int_equal(wrote.rows[0], 2); /* organisations */
	assert_int_equal(wrote.rows[1], 3); /* systems */
	assert_int_equal(wrote.rows[3], 4); /* rounds */
	assert_true(wrote.rows[4] >= 4 * 117); /* ratings: every requirement of four rounds */
	char *a = contents(f, f->src), *b = contents(f, f->dst);
	assert_string_equal(a, b);
	free(a);
	free(b);

	/* Seen through the store API: the same rounds, documents byte for byte,
	 * who imported them and when, the closed flag. */
	tk_store *s1, *s2;
	must(tk_store_open(f->src, &s1, &err), &err);
	must(tk_store_open(f->dst, &s2, &err), &err);
	tk_arena *ar = tk_arena_new(1 << 16);
	for (int64_t id = 1; id <= 4; id++) {
		tk_store_round r1, r2;
		must(tk_store_round_get(s1, id, ar, &r1, &err), &err);
		must(tk_store_round_get(s2, id, ar, &r2, &err), &err);
		assert_string_equal(r1.system, r2.system);
		assert_string_equal(r1.imported_at, r2.imported_at);
		assert_string_equal(r2.imported_by, "監査室 田中");
		assert_int_equal(r1.closed, r2.closed);
		assert_int_equal(r2.closed, id == 3);
		assert_true(r1.level == r2.level);
		assert_int_equal(r1.n_under, r2.n_under);
		const char *d1, *d2;
		size_t l1, l2;
		must(tk_store_round_document(s1, id, ar, &d1, &l1, &err), &err);
		must(tk_store_round_document(s2, id, ar, &d2, &l2, &err), &err);
		assert_int_equal(l1, l2);
		assert_memory_equal(d1, d2, l1);
	}
	/* The restored store goes on: new keys do not collide with restored ones. */
	int64_t id;
	must(tk_store_org_add(s2, "新しい組織", &id, &err), &err);
	assert_int_equal(id, 3);
	tk_arena_free(ar);
	tk_store_close(s1);
	tk_store_close(s2);
}

static void test_sealed_round_trip(void **state)
{
	fixture *f = *state;
	populate(f);
	backup(f->src, f->archive, PASS, NULL);
	/* Nothing of the store shows through the sealed file. */
	char *raw;
	size_t len;
	tk_error err = { 0 };
	must(tk_file_read(f->archive, &raw, &len, &err), &err);
	assert_null(memmem(raw, len, "みどり野", strlen("みどり野")));
	assert_null(memmem(raw, len, "taisaku-backup/1", 16));
	free(raw);
	must(restore(f->dst, f->archive, PASS, false, NULL, &err), &err);
	char *a = contents(f, f->src), *b = contents(f, f->dst);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void test_wrong_passphrase(void **state)
{
	fixture *f = *state;
	populate(f);
	backup(f->src, f->archive, PASS, NULL);
	tk_error err = { 0 };
	assert_int_equal(restore(f->dst, f->archive, "バックアップの合言葉 ", false, NULL, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "wrong passphrase"));
	assert_int_equal(rows_in(f->dst), 0);
}

/* Changes the byte at offset (from the end when negative). */
static void poke(const char *path, long offset, char c)
{
	int fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	struct stat sb;
	assert_int_equal(fstat(fd, &sb), 0);
	off_t at = offset < 0 ? sb.st_size + offset : offset;
	assert_int_equal(pwrite(fd, &c, 1, at), 1);
	close(fd);
}

/* Offset of the first occurrence of needle in the file. */
static long find(const char *path, const char *needle)
{
	char *data;
	size_t len;
	tk_error err = { 0 };
	must(tk_file_read(path, &data, &len, &err), &err);
	char *p = memmem(data, len, needle, strlen(needle));
	assert_non_null(p);
	long at = p - data;
	free(data);
	return at;
}

static void test_tampered_plain(void **state)
{
	fixture *f = *state;
	populate(f);
	/* A changed level in a rating row (still valid JSON, still loads into
	 * the database) is caught by the checksum at the end, and the rows
	 * loaded before it are rolled back. */
	backup(f->src, f->archive, NULL, NULL);
	long at = find(f->archive, "\"Ma1.1\"");
	poke(f->archive, at + 2, 'b');
	tk_error err = { 0 };
	assert_int_equal(restore(f->dst, f->archive, NULL, false, NULL, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "SHA-256 does not match"));
	assert_non_null(strstr(err.ja, "改ざん"));
	assert_int_equal(rows_in(f->dst), 0);
	/* A byte that breaks the JSON is named by its line. */
	backup(f->src, f->archive, NULL, NULL);
	poke(f->archive, find(f->archive, "\"table\":\"rounds\""), '{');
	tk_error err2 = { 0 };
	assert_int_equal(restore(f->dst, f->archive, NULL, false, NULL, &err2), TK_EINPUT);
	assert_string_equal(err2.file, f->archive);
	assert_true(err2.line > 1);
	assert_int_equal(rows_in(f->dst), 0);
}

static void test_tampered_sealed(void **state)
{
	fixture *f = *state;
	populate(f);
	backup(f->src, f->archive, PASS, NULL);
	poke(f->archive, -100, 'x');
	tk_error err = { 0 };
	assert_int_equal(restore(f->dst, f->archive, PASS, false, NULL, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "tampered"));
	assert_int_equal(rows_in(f->dst), 0);
}

static void test_truncated(void **state)
{
	fixture *f = *state;
	populate(f);
	const char *pass[] = { NULL, PASS };
	for (int k = 0; k < 2; k++) {
		backup(f->src, f->archive, pass[k], NULL);
		struct stat sb;
		assert_int_equal(stat(f->archive, &sb), 0);
		/* Cut in the middle, and just before the end (the end line lost). */
		off_t cut[] = { sb.st_size / 2, sb.st_size - 1, sb.st_size - 150 };
		for (size_t i = 0; i < sizeof(cut) / sizeof(*cut); i++) {
			backup(f->src, f->archive, pass[k], NULL);
			assert_int_equal(truncate(f->archive, cut[i]), 0);
			tk_error err = { 0 };
			assert_int_equal(restore(f->dst, f->archive, pass[k], false, NULL, &err), TK_EINPUT);
			assert_non_null(strstr(err.en, "truncated"));
			assert_int_equal(rows_in(f->dst), 0);
		}
	}
}

static void test_not_empty(void **state)
{
	fixture *f = *state;
	populate(f);
	backup(f->src, f->archive, NULL, NULL);
	tk_error err = { 0 };
	/* Into the store it came from: refused, and nothing changes... */
	char *before = contents(f, f->src);
	assert_int_equal(restore(f->src, f->archive, NULL, false, NULL, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "not empty"));
	char *after = contents(f, f->src);
	assert_string_equal(before, after);
	free(after);
	/* ...unless told to replace it: then it is the archive's contents,
	 * even over a store that has changed since. */
	tk_store *s;
	int64_t id;
	must(tk_store_open(f->src, &s, &err), &err);
	must(tk_store_org_add(s, "後から足した組織", &id, &err), &err);
	tk_store_close(s);
	must(restore(f->src, f->archive, NULL, true, NULL, &err), &err);
	after = contents(f, f->src);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void test_empty_store(void **state)
{
	fixture *f = *state;
	tk_store *s;
	tk_error err = { 0 };
	must(tk_store_init(f->src, &s, NULL, &err), &err);
	tk_store_close(s);
	backup(f->src, f->archive, NULL, NULL);
	must(restore(f->dst, f->archive, NULL, false, NULL, &err), &err);
	assert_int_equal(rows_in(f->dst), 0);
}

static void test_schema_mismatch(void **state)
{
	fixture *f = *state;
	populate(f);
	backup(f->src, f->archive, NULL, NULL);
	poke(f->archive, find(f->archive, "\"schema\":") + 9, '7');
	tk_error err = { 0 };
	assert_int_equal(restore(f->dst, f->archive, NULL, false, NULL, &err), TK_EINPUT);
	assert_string_equal(err.key, "schema");
	assert_int_equal(err.line, 1);
	assert_int_equal(rows_in(f->dst), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sealed_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_passphrase, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tampered_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tampered_sealed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_mismatch, setup, teardown),
	};
	return cmocka_run_group_tests(tests, ecom_setup, ecom_teardown);
}
