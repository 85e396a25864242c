/* Finding catalogs: the built-in directory and one the user names. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "taisaku/catalog.h"

#ifndef TK_CATALOG_DIR
#define TK_CATALOG_DIR "catalogs"
#endif

const char *tk_catalog_builtin_dir(void)
{
	const char *env = getenv("TAISAKU_CATALOG_DIR");
	return env && *env ? env : TK_CATALOG_DIR;
}

static bool is_catalog_name(const char *name, size_t *id_len)
{
	size_t n = strlen(name);
	if (n <= 5 || n - 5 >= 64 || strcmp(name + n - 5, ".yaml") != 0 || name[0] == '.')
		return false;
	*id_len = n - 5;
	return true;
}

/* Adds the catalogs of one directory; later directories override earlier ones. */
static tk_status scan(const char *dir, tk_catalog_entry **v, size_t *n, size_t *cap, tk_error *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return tk_error_set(err, TK_ENOTFOUND, dir, 0, 0, NULL,
			"カタログのディレクトリを開けません", "cannot open the catalog directory");
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t id_len;
		if (!is_catalog_name(e->d_name, &id_len))
			continue;
		size_t i = 0;
		while (i < *n && (strncmp((*v)[i].id, e->d_name, id_len) != 0 || (*v)[i].id[id_len]))
			i++;
		if (i == *n) {
			if (*n == *cap) {
				size_t nc = *cap ? *cap * 2 : 16;
				tk_catalog_entry *nv = realloc(*v, nc * sizeof(**v));
				if (!nv) {
					closedir(d);
					return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL,
						"メモリが足りません", "out of memory");
				}
				*v = nv;
				*cap = nc;
			}
			(*n)++;
		}
		snprintf((*v)[i].id, sizeof((*v)[i].id), "%.*s", (int)id_len, e->d_name);
		snprintf((*v)[i].path, sizeof((*v)[i].path), "%s/%s", dir, e->d_name);
	}
	closedir(d);
	return TK_OK;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const tk_catalog_entry *)a)->id, ((const tk_catalog_entry *)b)->id);
}

tk_status tk_catalog_dir_list(const char *extra_dir, tk_catalog_entry **out, size_t *n, tk_error *err)
{
	tk_catalog_entry *v = NULL;
	size_t cap = 0;
	*n = 0;
	tk_status st = scan(tk_catalog_builtin_dir(), &v, n, &cap, err);
	if (!st && extra_dir)
		st = scan(extra_dir, &v, n, &cap, err);
	if (st) {
		free(v);
		*n = 0;
		*out = NULL;
		return st;
	}
	qsort(v, *n, sizeof(*v), cmp_entry);
	*out = v;
	return TK_OK;
}

/* Finds NAME (an id, or a path to a .yaml file) as SUB/NAME.yaml in extra_dir,
 * then in the built-in directory (sub "" for the catalogs themselves). */
static bool find_yaml(const char *name, const char *extra_dir, const char *sub, char *path, size_t size)
{
	size_t len = strlen(name);
	if (strchr(name, '/') || (len > 5 && strcmp(name + len - 5, ".yaml") == 0)) {
		snprintf(path, size, "%s", name);
		return true;
	}
	const char *dirs[2] = { extra_dir, tk_catalog_builtin_dir() };
	for (int i = 0; i < 2; i++) {
		if (!dirs[i])
			continue;
		struct stat sb;
		snprintf(path, size, "%s/%s%s.yaml", dirs[i], sub, name);
		if (stat(path, &sb) == 0)
			return true;
	}
	return false;
}

tk_status tk_catalog_resolve(const char *name, const char *extra_dir, char *path, size_t size,
	tk_error *err)
{
	if (find_yaml(name, extra_dir, "", path, size))
		return TK_OK;
	return tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
		"カタログ '%s' が見つかりません（taisaku catalog list で一覧できます）",
		"catalog '%s' not found (taisaku catalog list shows them)", name);
}

/* ---- profiles: the subdirectory profiles/ of each catalog directory ---- */

#include "taisaku/profile.h"
#include "schema.h"

tk_status tk_profile_dir_list(const char *extra_dir, tk_catalog_entry **out, size_t *n, tk_error *err)
{
	tk_catalog_entry *v = NULL;
	size_t cap = 0;
	*n = 0;
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/profiles", tk_catalog_builtin_dir());
	tk_status st = scan(dir, &v, n, &cap, err);
	struct stat sb;
	/* A user's catalog directory need not have profiles of its own. */
	snprintf(dir, sizeof(dir), "%s/profiles", extra_dir ? extra_dir : "");
	if (!st && extra_dir && stat(dir, &sb) == 0)
		st = scan(dir, &v, n, &cap, err);
	if (st) {
		free(v);
		*n = 0;
		*out = NULL;
		return st;
	}
	qsort(v, *n, sizeof(*v), cmp_entry);
	*out = v;
	return TK_OK;
}

tk_status tk_profile_resolve(const char *name, const char *extra_dir, char *path, size_t size, tk_error *err)
{
	if (find_yaml(name, extra_dir, "profiles/", path, size))
		return TK_OK;
	/* Name the nearest profile, as for a misspelt key. */
	tk_catalog_entry *v = NULL;
	size_t n = 0;
	tk_error ignored = { 0 };
	const char **ids = NULL;
	const char *hint = NULL;
	if (tk_profile_dir_list(extra_dir, &v, &n, &ignored) == TK_OK && (ids = calloc(n + 1, sizeof(*ids)))) {
		for (size_t i = 0; i < n; i++)
			ids[i] = v[i].id;
		hint = tk_suggest(name, ids);
	}
	tk_status st = hint ? tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
				      "プロファイル '%s' が見つかりません（'%s' のことですか？）",
				      "profile '%s' not found; did you mean '%s'?", name, hint)
			    : tk_error_set(err, TK_ENOTFOUND, NULL, 0, 0, NULL,
				      "プロファイル '%s' が見つかりません（taisaku profile list で一覧できます）",
				      "profile '%s' not found (taisaku profile list shows them)", name);
	free(ids);
	free(v);
	return st;
}
