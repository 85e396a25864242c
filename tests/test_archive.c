/* Archive files (include/taisaku/archive.h): plain and sealed round trips of
 * real files on disk, and every way a sealed archive can go wrong: a wrong
 * passphrase, one changed byte anywhere, a missing end, extra bytes. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "taisaku/archive.h"
#include "taisaku/file.h"
#include "testutil.h"

#define PASS "正しい馬 battery staple"

typedef struct fixture {
	char dir[64];
	char path[128];
	unsigned char *data; /* records to store: bytes of every value, several chunks long */
	size_t len;
	tk_archive_cost cost;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/taisaku-archive-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/backup.tkb", f->dir);
	f->len = 3 * 65536 + 1234; /* three full chunks and a short last one */
	f->data = malloc(f->len);
	for (size_t i = 0; i < f->len; i++)
		f->data[i] = (unsigned char)(i * 131 + i / 251);
	/* The cheaper key derivation, so that dozens of archives take seconds;
	 * one test keeps the cost backups use. */
	f->cost = TK_ARCHIVE_INTERACTIVE;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char cmd[160];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f->data);
	free(f);
	return 0;
}

/* Writes f->data to the archive in uneven pieces. */
static void write_archive(fixture *f, const char *pass)
{
	tk_archive_writer *w;
	tk_error err = { 0 };
	assert_int_equal(tk_archive_create(f->path, pass, pass ? strlen(pass) : 0, f->cost, &w, &err), TK_OK);
	size_t off = 0, step = 1;
	while (off < f->len) {
		size_t n = step < f->len - off ? step : f->len - off;
		assert_int_equal(tk_archive_write(w, f->data + off, n, &err), TK_OK);
		off += n;
		step = step * 3 + 7;
	}
	assert_int_equal(tk_archive_commit(w, &err), TK_OK);
}

/* Reads the whole archive back; returns the status and fills err. */
static tk_status read_archive(fixture *f, const char *pass, unsigned char **out, size_t *out_len,
	tk_error *err)
{
	tk_archive_reader *r;
	tk_status st = tk_archive_open(f->path, &r, err);
	if (st)
		return st;
	if (pass && (st = tk_archive_unlock(r, pass, strlen(pass), err)) != TK_OK) {
		tk_archive_close(r);
		return st;
	}
	size_t cap = f->len + 65536, n = 0, got;
	unsigned char *buf = malloc(cap);
	do {
		st = tk_archive_read(r, buf + n, cap - n < 1000 ? cap - n : 1000, &got, err);
		n += got;
	} while (st == TK_OK && got > 0 && n < cap);
	tk_archive_close(r);
	*out = buf;
	*out_len = n;
	return st;
}

static void assert_round_trip(fixture *f, const char *pass)
{
	unsigned char *back;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(read_archive(f, pass, &back, &len, &err), TK_OK);
	assert_int_equal(len, f->len);
	assert_memory_equal(back, f->data, len);
	free(back);
}

static void test_plain_round_trip(void **state)
{
	fixture *f = *state;
	write_archive(f, NULL);
	assert_round_trip(f, NULL);
	/* A plain archive is the records themselves. */
	char *raw;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(tk_file_read(f->path, &raw, &len, &err), TK_OK);
	assert_int_equal(len, f->len);
	assert_memory_equal(raw, f->data, len);
	free(raw);
}

static void test_sealed_round_trip(void **state)
{
	fixture *f = *state;
	f->cost = TK_ARCHIVE_MODERATE;
	write_archive(f, PASS);
	tk_archive_reader *r;
	tk_error err = { 0 };
	assert_int_equal(tk_archive_open(f->path, &r, &err), TK_OK);
	assert_true(tk_archive_sealed(r));
	/* Locked, it yields nothing. */
	unsigned char b[8];
	size_t got;
	assert_int_equal(tk_archive_read(r, b, sizeof(b), &got, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "passphrase is needed"));
	tk_archive_close(r);
	assert_round_trip(f, PASS);
	/* Sealed, none of the records shows through, and the file is private. */
	char *raw;
	size_t len;
	assert_int_equal(tk_file_read(f->path, &raw, &len, &err), TK_OK);
	assert_memory_equal(raw, TK_ARCHIVE_SEALED_MAGIC, strlen(TK_ARCHIVE_SEALED_MAGIC));
	assert_null(memmem(raw, len, f->data + 1000, 32));
	free(raw);
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
}

static void test_empty_archive(void **state)
{
	fixture *f = *state;
	f->len = 0;
	write_archive(f, PASS);
	assert_round_trip(f, PASS);
}

static void test_wrong_passphrase(void **state)
{
	fixture *f = *state;
	write_archive(f, PASS);
	unsigned char *back;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(read_archive(f, "正しい馬 battery stapl", &back, &len, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "wrong passphrase"));
	assert_non_null(strstr(err.ja, "パスフレーズが違います"));
	assert_string_equal(err.file, f->path);
}

/* Flips one bit at offset in the archive file. */
static void flip(fixture *f, long offset)
{
	int fd = open(f->path, O_RDWR);
	assert_true(fd >= 0);
	unsigned char c;
	assert_int_equal(pread(fd, &c, 1, offset), 1);
	c ^= 0x20;
	assert_int_equal(pwrite(fd, &c, 1, offset), 1);
	close(fd);
}

static void test_tampered_byte(void **state)
{
	fixture *f = *state;
	write_archive(f, PASS);
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	/* A byte in the header (the cost, the salt), in the first chunk, in the
	 * middle and in the last: each is caught, and no record from a chunk
	 * that does not verify is handed out. */
	long at[] = { 30, 40, 60, 100, 84 + 4 + 65536 + 17 + 2000, (long)sb.st_size - 1 };
	for (size_t i = 0; i < sizeof(at) / sizeof(*at); i++) {
		write_archive(f, PASS);
		flip(f, at[i]);
		unsigned char *back = NULL;
		size_t len = 0;
		tk_error err = { 0 };
		tk_status st = read_archive(f, PASS, &back, &len, &err);
		assert_int_not_equal(st, TK_OK);
		assert_true(strstr(err.en, "damaged") || strstr(err.en, "wrong passphrase"));
		assert_true(len % 65536 == 0 && len < f->len);
		free(back);
	}
}

static void test_truncated(void **state)
{
	fixture *f = *state;
	write_archive(f, PASS);
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	/* Cut inside the header, inside a chunk, and exactly at a chunk's end
	 * (the final chunk is missing: the hardest case). */
	off_t cut[] = { 50, 84 + 10, 84 + 4 + 65536 + 17, sb.st_size - 1 };
	for (size_t i = 0; i < sizeof(cut) / sizeof(*cut); i++) {
		write_archive(f, PASS);
		assert_int_equal(truncate(f->path, cut[i]), 0);
		unsigned char *back = NULL;
		size_t len = 0;
		tk_error err = { 0 };
		assert_int_not_equal(read_archive(f, PASS, &back, &len, &err), TK_OK);
		assert_non_null(strstr(err.en, "truncated"));
		assert_non_null(strstr(err.ja, "途中で切れています"));
		free(back);
	}
}

static void test_extra_bytes(void **state)
{
	fixture *f = *state;
	write_archive(f, PASS);
	FILE *fp = fopen(f->path, "ab");
	fputs("more", fp);
	fclose(fp);
	unsigned char *back;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(read_archive(f, PASS, &back, &len, &err), TK_EINPUT);
	assert_non_null(strstr(err.en, "extra data after its end"));
	free(back);
}

static void test_abort_leaves_target(void **state)
{
	fixture *f = *state;
	tk_error err = { 0 };
	assert_int_equal(tk_file_write_atomic(f->path, "old", 3, false, &err), TK_OK);
	tk_archive_writer *w;
	assert_int_equal(tk_archive_create(f->path, PASS, strlen(PASS), f->cost, &w, &err), TK_OK);
	assert_int_equal(tk_archive_write(w, f->data, f->len, &err), TK_OK);
	tk_archive_abort(w);
	char *raw;
	size_t len;
	assert_int_equal(tk_file_read(f->path, &raw, &len, &err), TK_OK);
	assert_int_equal(len, 3);
	assert_memory_equal(raw, "old", 3);
	free(raw);
	/* and no temporary file is left beside it */
	char cmd[200];
	snprintf(cmd, sizeof(cmd), "test $(ls -A '%s' | wc -l) -eq 1", f->dir);
	assert_int_equal(system(cmd), 0);
}

static void test_empty_passphrase_refused(void **state)
{
	fixture *f = *state;
	tk_archive_writer *w;
	tk_error err = { 0 };
	assert_int_equal(tk_archive_create(f->path, "", 0, f->cost, &w, &err), TK_EINPUT);
	assert_null(w);
	assert_int_equal(access(f->path, F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sealed_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_archive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_passphrase, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tampered_byte, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extra_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_abort_leaves_target, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_passphrase_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
