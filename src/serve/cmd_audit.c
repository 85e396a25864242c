/* taisaku audit list|verify: the audit trail (seed 000 第9) at the console. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "serve.h"

static int audit_list(cli *c, int argc, char **argv)
{
	static const char *const known[] = { "db", "limit", "format", NULL };
	opts o;
	if (!opts_parse(c, &o, argc, argv, known, NULL))
		return EXIT_ERROR;
	const char *ls = opt(&o, "limit"), *fmt = opt(&o, "format");
	long limit = ls ? strtol(ls, NULL, 10) : 100;
	if (limit < 1 || limit > 1000000)
		return cli_fail(c, "--limit は 1〜1000000 です", "--limit is 1 to 1000000");
	if (fmt && strcmp(fmt, "json") && strcmp(fmt, "text"))
		return cli_fail(c, "--format は text か json です", "--format is text or json");
	c->db = opt(&o, "db");
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	tk_arena *a = tk_arena_new(4096);
	tk_audit_entry *v;
	size_t n;
	tk_error err = { 0 };
	int rc = EXIT_OK;
	if (tk_audit_list(s, true, 0, "", 0, (int)limit, a, &v, &n, &err))
		rc = cli_error(c, &err);
	/* Oldest first on the console, as a log reads. */
	for (size_t k = n; rc == EXIT_OK && k-- > 0;) {
		const tk_audit_entry *e = &v[k];
		if (fmt && strcmp(fmt, "json") == 0) {
			json_t *j = json_pack("{s:I,s:s,s:o,s:s,s:o,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)e->id, "at", e->at,
				"user", e->user ? json_string(e->user) : json_null(), "action", e->action, "org_id",
				e->org_id ? json_integer(e->org_id) : json_null(), "target", e->target, "detail", e->detail,
				"remote", e->remote, "prev_hash", e->prev_hash, "hash", e->hash);
			json_dumpf(j, stdout, JSON_COMPACT);
			putchar('\n');
			json_decref(j);
		} else {
			printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)e->id, e->at, e->user ? e->user : "-", e->action,
				e->target, e->detail, e->remote);
		}
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

static int audit_verify(cli *c, int argc, char **argv)
{
	static const char *const known[] = { "db", NULL };
	opts o;
	if (!opts_parse(c, &o, argc, argv, known, NULL))
		return EXIT_ERROR;
	c->db = opt(&o, "db");
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	int64_t checked, broken;
	tk_error err = { 0 };
	int rc = EXIT_OK;
	if (tk_audit_verify(s, &checked, &broken, &err))
		rc = cli_error(c, &err);
	else if (broken) {
		fprintf(stderr, c->lang == TK_LANG_EN ? "taisaku: the audit trail is broken at entry %lld "
			"(its hash or the link to the entry before it does not match)\n" :
			"taisaku: 監査証跡の連鎖がエントリ %lld で切れています（ハッシュか直前のエントリへのつながりが合いません）\n",
			(long long)broken);
		rc = EXIT_FAIL;
	} else {
		printf(c->lang == TK_LANG_EN ? "audit trail intact: %lld entries\n" : "監査証跡は完全です: %lld 件\n",
			(long long)checked);
	}
	tk_store_close(s);
	return rc;
}

int cmd_audit(cli *c, int argc, char **argv)
{
	static const cli_sub subs[] = { { "list", audit_list }, { "verify", audit_verify } };
	return cli_dispatch(c, "audit", subs, sizeof(subs) / sizeof(*subs), argc, argv);
}
