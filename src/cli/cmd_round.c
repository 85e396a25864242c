/* taisaku round import|export|list|close|delete: assessment rounds in the
 * store. An import is one transaction; a batch (--batch DIR or several
 * files) is one transaction for all its files, so it is all or nothing. */
#include <errno.h>
#include <math.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "taisaku/users.h"
#include "taisaku/compliance.h"
#include "taisaku/report.h"
#include "../lib/export_internal.h"

#define USAGE_IMPORT "taisaku round import FILE... [--system S] [--org O] [--db URL] | taisaku round import --batch DIR [--org O] [--db URL]"
#define USAGE_EXPORT "taisaku round export ROUND -o FILE [--db URL]"
#define USAGE_LIST "taisaku round list --system S [--org O] [--format text|json] [--db URL]"
#define USAGE_CLOSE "taisaku round close ROUND [--db URL]"
#define USAGE_DELETE "taisaku round delete ROUND [--db URL]"

/* A round number as printed by round list: 12 or #12. */
static bool parse_round(const cli *c, const char *s, int64_t *out)
{
	const char *p = s[0] == '#' ? s + 1 : s;
	char *end;
	errno = 0;
	long long v = strtoll(p, &end, 10);
	if (!*p || *end || errno || v <= 0 || *p == '+' || *p == '-') {
		cli_fail(c, "評価回の番号 '%s' が正しくありません（round list で確かめてください）",
			"'%s' is not a round number (round list shows them)", s);
		return false;
	}
	*out = v;
	return true;
}

static int round_import(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_SYSTEM | OPT_BATCH | OPT_CATALOG_DIR, 0, CLI_MAX_ARGS,
		    USAGE_IMPORT))
		return EXIT_ERROR;
	if (!c->nargs == !c->batch)
		return cli_fail(c, "ファイルか --batch DIR のどちらかを指定してください（使い方: %s）",
			"give files or --batch DIR, not both or neither (usage: %s)", USAGE_IMPORT);
	char **paths = NULL;
	size_t n = 0;
	if (c->batch && !cli_list_assessments(c, c->batch, &paths, &n))
		return EXIT_ERROR;
	const char *const *files = c->batch ? (const char *const *)paths : c->args;
	if (!c->batch)
		n = (size_t)c->nargs;
	tk_store *s = cli_store_open(c);
	if (!s) {
		cli_paths_free(paths, c->batch ? n : 0);
		return EXIT_ERROR;
	}
	cli_catalogs cats = { .c = c };
	tk_error err = { 0 };
	int64_t id = 0;
	size_t done = 0;
	bool batch = n > 1;
	tk_status st = batch
		? tk_store_round_import_files(s, c->org, c->system, files, n, cli_resolve_catalog, &cats, &done, &err)
		: n == 1 ? tk_store_round_import_file(s, c->org, c->system, files[0], cli_resolve_catalog, &cats, &id, &err)
		: TK_OK;
	int rc = EXIT_OK;
	if (st) {
		rc = cli_error(c, &err);
		if (batch)
			cli_fail(c, "一括取り込みを取り消しました（%zu 件とも取り込んでいません）",
				"the batch import was rolled back (none of the %zu files was imported)", n);
	} else if (batch) {
		printf(cli_tr(c, "%zu 件の評価回を取り込みました\n", "%zu rounds imported\n"), done);
	} else if (n == 1) {
		printf(cli_tr(c, "評価回 %lld を取り込みました（%s）\n", "round %lld imported (%s)\n"), (long long)id, files[0]);
	} else {
		fputs(cli_tr(c, "取り込むファイルがありません\n", "no files to import\n"), stdout);
	}
	cli_catalogs_free(&cats);
	tk_store_close(s);
	cli_paths_free(paths, c->batch ? n : 0);
	return rc;
}

static int round_export(cli *c, int argc, char **argv)
{
	int64_t round;
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_OUTPUT, 1, 1, USAGE_EXPORT) || !parse_round(c, c->args[0], &round))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	tk_arena *a = tk_arena_new(64 * 1024);
	if (!s || !a) {
		tk_arena_free(a);
		tk_store_close(s);
		return EXIT_ERROR;
	}
	tk_error err = { 0 };
	const char *data;
	size_t len;
	int rc = EXIT_ERROR;
	cli_out o;
	/* The content as it is now: with the ratings saved in taisaku serve
	 * since the document was written, if any (canonical YAML then). */
	cli_catalogs cats = { .c = c };
	tk_status st = tk_store_round_current(s, round, cli_resolve_catalog, &cats, a, &data, &len, &err);
	cli_catalogs_free(&cats);
	if (st) {
		cli_error(c, &err);
	} else if (cli_out_open(c, &o)) {
		/* The document is someone's work: flushed to disk when written. */
		c->durable = true;
		bool ok = fwrite(data, 1, len, o.f) == len;
		rc = cli_out_close(c, &o, ok);
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

static int round_list(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_SYSTEM | OPT_FORMAT, 0, 0, USAGE_LIST))
		return EXIT_ERROR;
	bool json = c->format && strcmp(c->format, "json") == 0;
	if (c->format && !json && strcmp(c->format, "text"))
		return cli_fail(c, "形式 '%s' は使えません（text, json）", "unknown format '%s' (text, json)", c->format);
	if (!c->system)
		return cli_fail(c, "--system でシステムを指定してください（使い方: %s）", "name the system with --system (usage: %s)",
			USAGE_LIST);
	tk_store *s = cli_store_open(c);
	tk_arena *a = tk_arena_new(16 * 1024);
	tk_error err = { 0 };
	tk_store_round *v;
	size_t n;
	int rc = EXIT_ERROR;
	if (s && a && tk_store_round_list(s, c->org, c->system, a, &v, &n, &err) == TK_OK) {
		if (json) {
			json_t *arr = json_array();
			for (size_t i = 0; i < n; i++) {
				json_t *o;
				if (v[i].is_compliance) /* compliance 0..1 and open items in place of level and under */
					o = json_pack("{s:I, s:o, s:s, s:o, s:I, s:b, s:s}", "round", (json_int_t)v[i].id,
						"date", v[i].date ? json_string(v[i].date) : json_null(), "catalog", v[i].catalog_id,
						"compliance", v[i].compliance_counted ? json_real(v[i].compliance) : json_null(),
						"open", (json_int_t)v[i].n_open, "closed", v[i].closed, "file", v[i].document_name);
				else
					o = json_pack("{s:I, s:o, s:s, s:o, s:i, s:I, s:b, s:s}", "round",
						(json_int_t)v[i].id, "date", v[i].date ? json_string(v[i].date) : json_null(),
						"catalog", v[i].catalog_id,
						"level", v[i].counted ? json_real(v[i].level) : json_null(), "target", v[i].target,
						"under", (json_int_t)v[i].n_under, "closed", v[i].closed, "file", v[i].document_name);
				json_object_set_new(o, "kind", json_string(v[i].is_compliance ? "compliance" : "ecom"));
				json_array_append_new(arr, o);
			}
			rc = tk_json_write(arr, stdout, &err) ? cli_error(c, &err) : EXIT_OK;
		} else {
			for (size_t i = 0; i < n; i++) {
				printf("#%lld\t%s\t", (long long)v[i].id, v[i].date ? v[i].date : "-");
				if (v[i].is_compliance) {
					char pct[16];
					printf(cli_tr(c, "%s\t未完了 %zu\t%s\t%s\n", "%s\topen %zu\t%s\t%s\n"),
						tk_compliance_percent(v[i].compliance_counted ? v[i].compliance : NAN, pct, sizeof(pct)),
						v[i].n_open, v[i].closed ? cli_tr(c, "確定", "closed") : cli_tr(c, "未確定", "open"),
						v[i].document_name);
					continue;
				}
				if (v[i].counted)
					printf("%.1f", tk_round1(v[i].level));
				else
					fputs("-", stdout);
				printf(cli_tr(c, " (%d)\t改善が必要 %zu\t%s\t%s\n", " (%d)\tunder %zu\t%s\t%s\n"), v[i].target,
					v[i].n_under, v[i].closed ? cli_tr(c, "確定", "closed") : cli_tr(c, "未確定", "open"),
					v[i].document_name);
			}
			rc = EXIT_OK;
		}
	} else if (s && a) {
		cli_error(c, &err);
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

/* close and delete: one round, one change. */
static int round_change(cli *c, int argc, char **argv, const char *usage,
	tk_status (*change)(tk_store *, int64_t, tk_error *), const char *done_ja, const char *done_en)
{
	int64_t round;
	if (!cli_parse(c, argc, argv, OPT_DB, 1, 1, usage) || !parse_round(c, c->args[0], &round))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	tk_error err = { 0 };
	int rc = change(s, round, &err) ? cli_error(c, &err) : EXIT_OK;
	if (rc == EXIT_OK)
		printf(cli_tr(c, done_ja, done_en), (long long)round);
	tk_store_close(s);
	return rc;
}

static int round_close(cli *c, int argc, char **argv)
{
	return round_change(c, argc, argv, USAGE_CLOSE, tk_store_round_close,
		"評価回 %lld を確定しました（以後は変更できません）\n", "round %lld closed (it can no longer change)\n");
}

static int round_delete(cli *c, int argc, char **argv)
{
	return round_change(c, argc, argv, USAGE_DELETE, tk_store_round_delete, "評価回 %lld を削除しました\n",
		"round %lld deleted\n");
}

int cmd_round(cli *c, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "import", round_import }, { "export", round_export }, { "list", round_list },
		{ "close", round_close }, { "delete", round_delete },
	};
	return cli_dispatch(c, "round", subs, sizeof(subs) / sizeof(*subs), argc, argv);
}
