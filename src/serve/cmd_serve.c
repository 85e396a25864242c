/* taisaku serve: options, then the daemon (http.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "serve.h"

bool opts_parse(cli *c, opts *o, int argc, char **argv, const char *const *known, const char *const *flags)
{
	memset(o, 0, sizeof(*o));
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (strncmp(a, "--", 2) != 0 || !a[2]) {
			if (o->nargs == 8)
				return cli_fail(c, "引数が多すぎます", "too many arguments"), false;
			o->args[o->nargs++] = a;
			continue;
		}
		if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
			c->lang = strcmp(argv[++i], "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
			continue;
		}
		bool is_flag = false, is_known = false;
		for (const char *const *f = flags; f && *f; f++)
			is_flag |= strcmp(a + 2, *f) == 0;
		for (const char *const *k = known; k && *k; k++)
			is_known |= strcmp(a + 2, *k) == 0;
		if (!is_flag && !is_known)
			return cli_fail(c, "オプション %s はありません（taisaku help で使い方を確かめてください）",
				"no option %s (see taisaku help)", a), false;
		if (!is_flag && i + 1 >= argc)
			return cli_fail(c, "%s には値が必要です", "%s needs a value", a), false;
		if (o->n == 24)
			return cli_fail(c, "オプションが多すぎます", "too many options"), false;
		o->name[o->n] = a + 2;
		o->value[o->n++] = is_flag ? "" : argv[++i];
	}
	return true;
}

const char *opt(const opts *o, const char *name)
{
	for (int i = o->n - 1; i >= 0; i--)
		if (strcmp(o->name[i], name) == 0)
			return o->value[i];
	return NULL;
}

bool opt_flag(const opts *o, const char *name)
{
	return opt(o, name) != NULL;
}

/* A whole number option within [lo, hi]; def when absent. */
static bool num(cli *c, const opts *o, const char *name, long long lo, long long hi, long long def, long long *out)
{
	const char *v = opt(o, name);
	*out = def;
	if (!v)
		return true;
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*end || end == v || n < lo || n > hi) {
		cli_fail(c, "--%s は %lld〜%lld の整数です", "--%s takes a whole number from %lld to %lld", name, lo, hi);
		return false;
	}
	*out = n;
	return true;
}

int cmd_serve(cli *c, int argc, char **argv)
{
	static const char *const known[] = { "db", "listen", "tls-cert", "tls-key", "threads", "idle-timeout",
		"session-lifetime", "lockout", "lockout-window", "max-body", "max-header", "max-connections", "timeout",
		"catalog-dir", NULL };
	opts o;
	if (!opts_parse(c, &o, argc, argv, known, NULL))
		return EXIT_ERROR;
	if (o.nargs)
		return cli_fail(c, "serve は引数を取りません", "serve takes no arguments");
	long long v[9];
	if (!num(c, &o, "threads", 1, 64, 4, &v[0]) || !num(c, &o, "idle-timeout", 1, 86400, 1800, &v[1]) ||
		!num(c, &o, "session-lifetime", 1, 7 * 86400, 12 * 3600, &v[2]) || !num(c, &o, "lockout", 1, 100, 5, &v[3]) ||
		!num(c, &o, "lockout-window", 1, 86400, 900, &v[4]) ||
		!num(c, &o, "max-body", 1024, 1LL << 30, 8 << 20, &v[5]) ||
		!num(c, &o, "max-connections", 1, 100000, 256, &v[6]) || !num(c, &o, "timeout", 1, 3600, 30, &v[7]) ||
		!num(c, &o, "max-header", 4096, 1 << 20, 32 << 10, &v[8]))
		return EXIT_ERROR;
	c->db = opt(&o, "db");
	g_cfg = (serve_config){
		.db_url = cli_store_url(c),
		.listen = opt(&o, "listen") ? opt(&o, "listen") : "127.0.0.1:8080",
		.tls_cert = opt(&o, "tls-cert"),
		.tls_key = opt(&o, "tls-key"),
		.threads = (int)v[0],
		.idle_timeout_s = (int)v[1],
		.absolute_timeout_s = (int)v[2],
		.lockout_failures = (int)v[3],
		.lockout_window_s = (int)v[4],
		.max_body = (size_t)v[5],
		.max_connections = (unsigned)v[6],
		.timeout_s = (unsigned)v[7],
		.max_header = (size_t)v[8],
		.catalog_dir = opt(&o, "catalog-dir"),
		.lang = c->lang,
	};
	if (!g_cfg.tls_cert != !g_cfg.tls_key)
		return cli_fail(c, "--tls-cert と --tls-key は両方指定してください", "give both --tls-cert and --tls-key");
	g_cfg.tls = g_cfg.tls_cert != NULL;
	/* The database must be there and initialised before anyone connects. */
	tk_error err = { 0 };
	tk_store *s = serve_store(&err);
	if (!s)
		return cli_error(c, &err);
	return serve_run() ? EXIT_ERROR : EXIT_OK;
}
