/* Shared plumbing of the taisaku command. */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "taisaku/compliance.h"
#include "taisaku/file.h"
#include "taisaku/mapping.h"

tk_lang cli_default_lang(void)
{
	const char *v = getenv("TAISAKU_LANG");
	if (v && *v)
		return strcmp(v, "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
	return TK_LANG_JA;
}

const char *cli_tr(const cli *c, const char *ja, const char *en)
{
	return c->lang == TK_LANG_EN ? en : ja;
}

int cli_fail(const cli *c, const char *ja, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	fputs("taisaku: ", stderr);
	vfprintf(stderr, cli_tr(c, ja, en), ap);
	fputc('\n', stderr);
	va_end(ap);
	return EXIT_ERROR;
}

int cli_error(const cli *c, const tk_error *err)
{
	char buf[2048];
	fprintf(stderr, "taisaku: %s\n", tk_error_format(err, c->lang, buf, sizeof(buf)));
	return EXIT_ERROR;
}

static const struct {
	const char *name;
	unsigned flag;
	bool takes_value;
} OPTIONS[] = {
	{ "--json", OPT_JSON, false },
	{ "-o", OPT_OUTPUT, true },
	{ "--output", OPT_OUTPUT, true },
	{ "--format", OPT_FORMAT, true },
	{ "--catalog-dir", OPT_CATALOG_DIR, true },
	{ "--batch", OPT_BATCH, true },
	{ "--catalog", OPT_CATALOG, true },
	{ "--level", OPT_LEVEL, true },
	{ "--name", OPT_NAME, true },
	{ "--department", OPT_DEPARTMENT, true },
	{ "--base", OPT_BASE, true },
	{ "--to", OPT_TO, true },
	{ "--profile", OPT_PROFILE, true },
	{ "--id", OPT_ID, true },
	{ "--db", OPT_DB, true },
	{ "--encrypt", OPT_ENCRYPT, false },
	{ "--passphrase-fd", OPT_PASSPHRASE_FD, true },
	{ "--replace", OPT_REPLACE, false },
	{ "--org", OPT_ORG, true },
	{ "--system", OPT_SYSTEM, true },
	{ "--industry", OPT_INDUSTRY, true },
	{ "--size", OPT_SIZE, true },
	{ "--group", OPT_GROUP, true },
};

bool cli_parse(cli *c, int argc, char **argv, unsigned allowed, int min_args, int max_args,
	const char *usage)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || a[1] == '\0') {
			if (c->nargs >= max_args || c->nargs >= CLI_MAX_ARGS) {
				cli_fail(c, "引数 '%s' は余分です（使い方: %s）", "unexpected argument '%s' (usage: %s)", a, usage);
				return false;
			}
			c->args[c->nargs++] = a;
			continue;
		}
		if (strcmp(a, "--lang") == 0) {
			if (i + 1 >= argc || (strcmp(argv[i + 1], "ja") && strcmp(argv[i + 1], "en"))) {
				cli_fail(c, "--lang には ja か en を指定してください", "--lang takes ja or en");
				return false;
			}
			c->lang = strcmp(argv[++i], "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
			continue;
		}
		size_t k = 0, n = sizeof(OPTIONS) / sizeof(*OPTIONS);
		while (k < n && strcmp(OPTIONS[k].name, a) != 0)
			k++;
		if (k == n || !(OPTIONS[k].flag & allowed)) {
			cli_fail(c, "オプション '%s' はこのコマンドでは使えません（使い方: %s）",
				"option '%s' is not known to this command (usage: %s)", a, usage);
			return false;
		}
		const char *value = NULL;
		if (OPTIONS[k].takes_value) {
			if (i + 1 >= argc) {
				cli_fail(c, "オプション '%s' には値が必要です", "option '%s' needs a value", a);
				return false;
			}
			value = argv[++i];
		}
		switch (OPTIONS[k].flag) {
		case OPT_JSON: c->json = true; break;
		case OPT_OUTPUT: c->output = value; break;
		case OPT_FORMAT: c->format = value; break;
		case OPT_CATALOG_DIR: c->catalog_dir = value; break;
		case OPT_BATCH: c->batch = value; break;
		case OPT_CATALOG: c->catalog = value; break;
		case OPT_LEVEL: c->level = value; break;
		case OPT_NAME: c->name = value; break;
		case OPT_DEPARTMENT: c->department = value; break;
		case OPT_BASE: c->base = value; break;
		case OPT_TO: c->to = value; break;
		case OPT_PROFILE: c->profile = value; break;
		case OPT_ID: c->id = value; break;
		case OPT_DB: c->db = value; break;
		case OPT_ENCRYPT: c->encrypt = true; break;
		case OPT_PASSPHRASE_FD: c->passphrase_fd = value; break;
		case OPT_REPLACE: c->replace = true; break;
		case OPT_ORG: c->org = value; break;
		case OPT_SYSTEM: c->system = value; break;
		case OPT_INDUSTRY: c->industry = value; break;
		case OPT_SIZE: c->size = value; break;
		case OPT_GROUP: c->group = value; break;
		}
	}
	if (c->nargs < min_args) {
		cli_fail(c, "引数が足りません（使い方: %s）", "missing argument (usage: %s)", usage);
		return false;
	}
	return true;
}

bool cli_out_open(const cli *c, cli_out *o)
{
	memset(o, 0, sizeof(*o));
	o->f = open_memstream(&o->buf, &o->len);
	if (!o->f)
		cli_fail(c, "メモリが足りません", "out of memory");
	return o->f != NULL;
}

int cli_out_close(const cli *c, cli_out *o, bool ok)
{
	int rc = EXIT_OK;
	if (fclose(o->f) != 0)
		ok = false, rc = cli_fail(c, "出力を作れません", "cannot produce the output");
	if (ok && c->output && strcmp(c->output, "-") != 0) {
		tk_error err = { 0 };
		if (tk_file_write_atomic(c->output, o->buf, o->len, c->durable, &err))
			rc = cli_error(c, &err);
	} else if (ok) {
		if (fwrite(o->buf, 1, o->len, stdout) != o->len || fflush(stdout) != 0)
			rc = cli_fail(c, "標準出力に書けません", "cannot write to standard output");
	} else if (rc == EXIT_OK) {
		rc = EXIT_ERROR;
	}
	free(o->buf);
	o->buf = NULL;
	return rc;
}

int cli_nothing_written(const cli *c, size_t n)
{
	return cli_fail(c, "問題が %zu 件あるため、何も書き出していません", "%zu problem%s: nothing was written", n,
		c->lang == TK_LANG_EN && n != 1 ? "s" : "");
}

int cli_out_done(const cli *c, cli_out *o, tk_status st, const tk_error *err)
{
	if (st)
		cli_error(c, err);
	return cli_out_close(c, o, st == TK_OK);
}

tk_status cli_load_catalog(const cli *c, const char *name, tk_catalog **out, tk_error *err)
{
	char path[1024];
	tk_status st = tk_catalog_resolve(name, c->catalog_dir, path, sizeof(path), err);
	if (st)
		return st;
	return tk_catalog_load_cached(path, out, err);
}

tk_status cli_resolve_catalog(void *ctx, const char *id, const tk_catalog **out, tk_error *err)
{
	cli_catalogs *cc = ctx;
	for (size_t i = 0; i < cc->n; i++)
		if (strcmp(cc->v[i]->id, id) == 0) {
			*out = cc->v[i];
			return TK_OK;
		}
	/* An assessment names its catalog by ID only, never by path. */
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL,
				"カタログ ID '%s' は英小文字・数字・ハイフンで書いてください",
				"catalog ID '%s' must be lower-case letters, digits and hyphens", id);
	tk_catalog *cat;
	tk_status st = cli_load_catalog(cc->c, id, &cat, err);
	if (st)
		return st;
	if (cc->n == sizeof(cc->v) / sizeof(*cc->v)) {
		tk_catalog_free(cat);
		return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "カタログが多すぎます", "too many catalogs");
	}
	cc->v[cc->n++] = cat;
	*out = cat;
	return TK_OK;
}

bool cli_is_compliance(cli_catalogs *cats, const char *path)
{
	char *data;
	size_t len;
	tk_error err = { 0 };
	if (tk_file_read(path, &data, &len, &err))
		return false; /* the ECOM loader says why */
	bool yes = tk_document_is_compliance(path, data, len, cli_resolve_catalog, cats);
	free(data);
	return yes;
}

void cli_catalogs_free(cli_catalogs *cc)
{
	for (size_t i = 0; i < cc->n; i++)
		tk_catalog_free(cc->v[i]);
	cc->n = 0;
}

tk_status cli_load_mapping(const cli *c, const tk_catalog *from, const tk_catalog *ecom,
	tk_mapping **out, tk_error *err)
{
	char path[1024];
	tk_status st = tk_mapping_resolve(from->id, c->catalog_dir, path, sizeof(path), err);
	if (st)
		return st;
	return tk_mapping_load_file(path, from, ecom, out, err);
}

static bool is_assessment_name(const char *n)
{
	size_t len = strlen(n);
	if (n[0] == '.')
		return false;
	return (len > 5 && strcmp(n + len - 5, ".yaml") == 0) || (len > 4 && strcmp(n + len - 4, ".yml") == 0) ||
	       (len > 5 && strcmp(n + len - 5, ".json") == 0);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool cli_list_assessments(const cli *c, const char *dir, char ***paths, size_t *n)
{
	*paths = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d) {
		cli_fail(c, "ディレクトリ '%s' を開けません", "cannot open the directory '%s'", dir);
		return false;
	}
	size_t cap = 0, dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--; /* "examples/" and "examples" name the same files */
	struct dirent *ent;
	bool ok = true;
	while (ok && (ent = readdir(d))) {
		if (!is_assessment_name(ent->d_name))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(*paths, cap * sizeof(**paths));
			if (!nn) {
				ok = false;
				break;
			}
			*paths = nn;
		}
		if (asprintf(&(*paths)[*n], "%.*s/%s", (int)dl, dir, ent->d_name) < 0)
			ok = false;
		else
			(*n)++;
	}
	closedir(d);
	if (!ok) {
		cli_paths_free(*paths, *n);
		*paths = NULL;
		*n = 0;
		cli_fail(c, "メモリが足りません", "out of memory");
		return false;
	}
	if (*n)
		qsort(*paths, *n, sizeof(**paths), cmp_str);
	return true;
}

void cli_paths_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}
