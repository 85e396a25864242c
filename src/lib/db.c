/* tk_db_open: a database URL to its back end.
 *
 * The dispatch is a table of URL schemes. A back end that is not compiled
 * in still has its row, so that its URL gives a clear error instead of being
 * taken for a file name. */
#include <stdio.h>
#include <string.h>

#include "db.h"

#ifdef TK_HAVE_PG
#define PG_OPS (&tk_db_pg_ops)
#else
#define PG_OPS NULL
#endif

static const struct {
	const char *scheme; /* with its separator */
	const tk_db_ops *ops;
	const char *name;
} SCHEMES[] = {
	{ "sqlite:", &tk_db_sqlite_ops, "SQLite" },
	{ "postgresql://", PG_OPS, "PostgreSQL" },
	{ "postgres://", PG_OPS, "PostgreSQL" },
};

const tk_db_ops *tk_db_backend_of(const char *url, const char **target, tk_error *err)
{
	if (!url || !*url) {
		tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "データベースの URL が空です", "the database URL is empty");
		return NULL;
	}
	for (size_t i = 0; i < sizeof(SCHEMES) / sizeof(*SCHEMES); i++) {
		size_t n = strlen(SCHEMES[i].scheme);
		if (strncmp(url, SCHEMES[i].scheme, n) != 0)
			continue;
		if (!SCHEMES[i].ops) {
			tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
				"この taisaku は %s に対応していません（%s 対応を有効にしてビルドしてください）",
				"this taisaku was built without %s support (rebuild with the %s back end)",
				SCHEMES[i].name, SCHEMES[i].name);
			return NULL;
		}
		/* libpq reads the whole URL; SQLite only the path after "sqlite:". */
		*target = SCHEMES[i].ops->backend == TK_DB_SQLITE ? url + n : url;
		return SCHEMES[i].ops;
	}
	/* Any other scheme is a mistake, not a file called "mysql://...". */
	const char *colon = strstr(url, "://");
	if (colon) {
		tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
			"データベースの URL '%s' の種類が分かりません（sqlite:PATH か postgresql://... を指定してください）",
			"unknown kind of database URL '%s' (use sqlite:PATH or postgresql://...)", url);
		return NULL;
	}
	*target = url; /* a bare path is an SQLite file */
	return &tk_db_sqlite_ops;
}

static tk_status open_url(const char *url, bool create, tk_db **out, tk_error *err)
{
	*out = NULL;
	const char *target;
	const tk_db_ops *ops = tk_db_backend_of(url, &target, err);
	if (!ops)
		return err ? err->status : TK_EINPUT;
	if (create && ops->create) {
		tk_status st = ops->create(target, err);
		if (st)
			return st;
	}
	return ops->open(target, out, err);
}

tk_status tk_db_open(const char *url, tk_db **out, tk_error *err)
{
	return open_url(url, false, out, err);
}

tk_status tk_db_open_create(const char *url, tk_db **out, tk_error *err)
{
	return open_url(url, true, out, err);
}
