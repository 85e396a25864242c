/* The compiled catalog cache: used when it matches the YAML byte for byte,
 * never when the YAML changed, and ignored when it is damaged. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "taisaku/catalog.h"
#include "taisaku/export.h"
#include "taisaku/file.h"
#include "testutil.h"

typedef struct fixture {
	char dir[64];
	char yaml[128];
	char cache[140];
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/taisaku-cache-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->yaml, sizeof(f->yaml), "%s/mini.yaml", f->dir);
	snprintf(f->cache, sizeof(f->cache), "%s.tkc", f->yaml);
	char *data;
	size_t len;
	tk_error err = { 0 };
	if (tk_file_read(TEST_DATA("mini.yaml"), &data, &len, &err) ||
	    tk_file_write_atomic(f->yaml, data, len, true, &err))
		return -1;
	free(data);
	unsetenv("TAISAKU_NO_CACHE");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	unlink(f->cache);
	unlink(f->yaml);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* The catalog as JSON text: what a user could tell apart. */
static char *as_json(const tk_catalog *cat)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tk_error err = { 0 };
	assert_int_equal(tk_catalog_export_json(cat, f, &err), TK_OK);
	fclose(f);
	return buf;
}

static tk_catalog *load(const char *path)
{
	tk_catalog *cat;
	tk_error err = { 0 };
	assert_int_equal(tk_catalog_load_cached(path, &cat, &err), TK_OK);
	return cat;
}

static void rewrite(const char *path, const char *data, size_t len)
{
	tk_error err = { 0 };
	assert_int_equal(tk_file_write_atomic(path, data, len, true, &err), TK_OK);
}

static void cache_is_used_and_equal(void **state)
{
	fixture *f = *state;
	tk_catalog *first = load(f->yaml);
	assert_false(first->from_cache);
	assert_int_equal(access(f->cache, R_OK), 0);
	tk_catalog *second = load(f->yaml);
	assert_true(second->from_cache);
	char *a = as_json(first), *b = as_json(second);
	assert_string_equal(a, b);
	/* The scoring model survives the image too. */
	assert_int_equal(second->scoring.targets[3][TK_IMP_CRITICAL], 4);
	assert_int_equal(second->scoring.peripherals[TK_P_MANAGEMENT].rows[3].cells[0], TK_CELL_T_OR_X);
	free(a);
	free(b);
	tk_catalog_free(first);
	tk_catalog_free(second);
}

static void stale_cache_is_not_used(void **state)
{
	fixture *f = *state;
	tk_catalog_free(load(f->yaml));
	/* Same size, one character changed: size alone cannot tell. */
	char *data;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(tk_file_read(f->yaml, &data, &len, &err), TK_OK);
	char *p = strstr(data, "Test catalog");
	assert_non_null(p);
	p[0] = 'B';
	rewrite(f->yaml, data, len);
	tk_catalog *cat = load(f->yaml);
	assert_false(cat->from_cache);
	assert_string_equal(cat->title_en, "Best catalog");
	tk_catalog_free(cat);
	/* ... and the rewritten cache now serves the new text. */
	cat = load(f->yaml);
	assert_true(cat->from_cache);
	assert_string_equal(cat->title_en, "Best catalog");
	tk_catalog_free(cat);
	free(data);
}

/* After the racy window the cache is matched by the YAML's stat identity,
 * without reading the YAML; an edit in place still changes the identity. */
static void identity_then_edit_in_place(void **state)
{
	fixture *f = *state;
	sleep(3); /* let the YAML's timestamps leave the racy window */
	tk_catalog_free(load(f->yaml));
	/* Spoil the cache's record of the YAML's content hash (header field 2):
	 * only the identity can now vouch for the cache. */
	int fd = open(f->cache, O_RDWR);
	assert_true(fd >= 0);
	uint64_t junk = 0x1234;
	assert_int_equal(pwrite(fd, &junk, sizeof(junk), 8 + 8), (ssize_t)sizeof(junk));
	close(fd);
	tk_catalog *cat = load(f->yaml);
	assert_true(cat->from_cache);
	tk_catalog_free(cat);
	/* Same inode, same size, one byte changed in place. */
	char *data;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(tk_file_read(f->yaml, &data, &len, &err), TK_OK);
	char *p = strstr(data, "Test catalog");
	fd = open(f->yaml, O_WRONLY);
	assert_int_equal(pwrite(fd, "X", 1, p - data), 1);
	close(fd);
	cat = load(f->yaml);
	assert_false(cat->from_cache);
	assert_string_equal(cat->title_en, "Xest catalog");
	tk_catalog_free(cat);
	free(data);
}

static void damaged_cache_falls_back(void **state)
{
	fixture *f = *state;
	tk_catalog_free(load(f->yaml));
	char *img;
	size_t len;
	tk_error err = { 0 };
	assert_int_equal(tk_file_read(f->cache, &img, &len, &err), TK_OK);
	/* One flipped byte anywhere in the body (after the 72-byte header; a
	 * damaged identity in the header only sends the check to the content). */
	for (size_t at = 72; at < len; at += len / 7) {
		img[at] ^= 0x5a;
		rewrite(f->cache, img, len);
		tk_catalog *cat = load(f->yaml);
		assert_false(cat->from_cache);
		tk_catalog_free(cat);
		img[at] ^= 0x5a;
	}
	/* Truncated, and empty. */
	rewrite(f->cache, img, len / 2);
	tk_catalog *cat = load(f->yaml);
	assert_false(cat->from_cache);
	tk_catalog_free(cat);
	rewrite(f->cache, img, 0);
	cat = load(f->yaml);
	assert_false(cat->from_cache);
	tk_catalog_free(cat);
	free(img);
}

static void unwritable_cache_still_loads(void **state)
{
	fixture *f = *state;
	/* A directory where the cache should go: it can be neither read nor
	 * replaced, even by root, and the catalog must load all the same. */
	assert_int_equal(mkdir(f->cache, 0700), 0);
	tk_catalog *cat = load(f->yaml);
	assert_false(cat->from_cache);
	assert_int_equal(cat->n_requirements, 4);
	tk_catalog_free(cat);
	rmdir(f->cache);
}

static void cache_can_be_turned_off(void **state)
{
	fixture *f = *state;
	setenv("TAISAKU_NO_CACHE", "1", 1);
	tk_catalog *cat = load(f->yaml);
	assert_false(cat->from_cache);
	assert_int_equal(access(f->cache, F_OK), -1);
	tk_catalog_free(cat);
	unsetenv("TAISAKU_NO_CACHE");
}

static void broken_yaml_is_reported_not_cached(void **state)
{
	fixture *f = *state;
	rewrite(f->yaml, "format: [\n", 10);
	tk_catalog *cat;
	tk_error err = { 0 };
	assert_int_equal(tk_catalog_load_cached(f->yaml, &cat, &err), TK_EINPUT);
	assert_null(cat);
	assert_int_equal(err.line, 2);
	assert_int_equal(access(f->cache, F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(cache_is_used_and_equal, setup, teardown),
		cmocka_unit_test_setup_teardown(stale_cache_is_not_used, setup, teardown),
		cmocka_unit_test_setup_teardown(identity_then_edit_in_place, setup, teardown),
		cmocka_unit_test_setup_teardown(damaged_cache_falls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(unwritable_cache_still_loads, setup, teardown),
		cmocka_unit_test_setup_teardown(cache_can_be_turned_off, setup, teardown),
		cmocka_unit_test_setup_teardown(broken_yaml_is_reported_not_cached, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
