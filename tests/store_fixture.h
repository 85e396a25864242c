/* A fresh store for a group of unit tests (test_store*.c): SQLite in a new
 * temporary folder, or the database TAISAKU_TEST_DB names (tests/pg_test.sh
 * runs the same tests on PostgreSQL that way). Header only, so that the
 * tests that use it need nothing more in tests/meson.build. */
#ifndef TAISAKU_STORE_FIXTURE_H
#define TAISAKU_STORE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taisaku/store.h"

/* Makes dir from template (mkdtemp's XXXXXX), picks the store's url and
 * creates the store; -1, said on stderr, when any of that fails. */
static inline int store_fixture_open(const char *template, char dir[256], char url[512], tk_store **out)
{
	snprintf(dir, 256, "%s", template);
	if (!mkdtemp(dir))
		return -1;
	const char *env = getenv("TAISAKU_TEST_DB");
	if (env && *env)
		snprintf(url, 512, "%s", env);
	else
		snprintf(url, 512, "sqlite:%s/store.db", dir);
	tk_error err = { 0 };
	if (tk_store_init(url, out, NULL, &err)) {
		fprintf(stderr, "%s\n", err.en);
		return -1;
	}
	return 0;
}

/* Closes the store and removes its folder. */
static inline void store_fixture_close(tk_store *s, const char *dir)
{
	tk_store_close(s);
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

#endif
