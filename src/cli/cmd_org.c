/* taisaku org add NAME | org list
 * taisaku system add NAME --org ORG [--industry I] [--size S]
 * taisaku system set NAME [--org ORG] [--industry I] [--size S]
 * taisaku system list --org ORG
 * Organisations and their systems (security segments) in the store. */
#include <jansson.h>
#include <string.h>

#include "cli.h"
#include "../lib/export_internal.h"

#define USAGE_ORG_ADD "taisaku org add NAME [--db URL]"
#define USAGE_ORG_LIST "taisaku org list [--format text|json] [--db URL]"
#define USAGE_SYS_ADD "taisaku system add NAME --org ORG [--industry TEXT] [--size TEXT] [--db URL]"
#define USAGE_SYS_SET "taisaku system set NAME [--org ORG] [--industry TEXT] [--size TEXT] [--db URL]"
#define USAGE_SYS_LIST "taisaku system list --org ORG [--format text|json] [--db URL]"

/* --format text or json; false (message printed) for anything else. */
static bool json_format(const cli *c, bool *json)
{
	*json = c->format && strcmp(c->format, "json") == 0;
	if (c->format && !*json && strcmp(c->format, "text")) {
		cli_fail(c, "形式 '%s' は使えません（text, json）", "unknown format '%s' (text, json)", c->format);
		return false;
	}
	return true;
}

static int org_add(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB, 1, 1, USAGE_ORG_ADD))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	tk_error err = { 0 };
	int64_t id;
	int rc = tk_store_org_add(s, c->args[0], &id, &err) ? cli_error(c, &err) : EXIT_OK;
	if (rc == EXIT_OK)
		printf(cli_tr(c, "組織 '%s' を登録しました\n", "organisation '%s' added\n"), c->args[0]);
	tk_store_close(s);
	return rc;
}

static int org_list(cli *c, int argc, char **argv)
{
	bool json;
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_FORMAT, 0, 0, USAGE_ORG_LIST) || !json_format(c, &json))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	tk_arena *a = tk_arena_new(4096);
	tk_error err = { 0 };
	tk_store_org *v;
	size_t n;
	int rc = EXIT_ERROR;
	if (s && a && !tk_store_org_list(s, a, &v, &n, &err)) {
		if (json) {
			json_t *arr = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append_new(arr, json_pack("{s:s, s:I, s:s}", "name", v[i].name,
					"systems", (json_int_t)v[i].n_systems, "created_at", v[i].created_at));
			rc = tk_json_write(arr, stdout, &err) ? cli_error(c, &err) : EXIT_OK;
		} else {
			for (size_t i = 0; i < n; i++)
				printf(cli_tr(c, "%s\tシステム %zu\n", "%s\t%zu systems\n"), v[i].name, v[i].n_systems);
			rc = EXIT_OK;
		}
	} else if (s && a) {
		cli_error(c, &err);
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

int cmd_org(cli *c, int argc, char **argv)
{
	static const cli_sub subs[] = { { "add", org_add }, { "list", org_list } };
	return cli_dispatch(c, "org", subs, sizeof(subs) / sizeof(*subs), argc, argv);
}

static int system_add(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_INDUSTRY | OPT_SIZE, 1, 1, USAGE_SYS_ADD))
		return EXIT_ERROR;
	if (!c->org)
		return cli_fail(c, "--org で組織を指定してください（使い方: %s）", "name the organisation with --org (usage: %s)",
			USAGE_SYS_ADD);
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	tk_error err = { 0 };
	int64_t id;
	int rc = tk_store_system_add(s, c->org, c->args[0], c->industry, c->size, &id, &err) ? cli_error(c, &err)
		: EXIT_OK;
	if (rc == EXIT_OK)
		printf(cli_tr(c, "システム '%s' を組織 '%s' に登録しました\n", "system '%s' added to organisation '%s'\n"),
			c->args[0], c->org);
	tk_store_close(s);
	return rc;
}

static int system_set(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_INDUSTRY | OPT_SIZE, 1, 1, USAGE_SYS_SET))
		return EXIT_ERROR;
	if (!c->industry && !c->size)
		return cli_fail(c, "--industry か --size を指定してください（使い方: %s）",
			"give --industry or --size (usage: %s)", USAGE_SYS_SET);
	tk_store *s = cli_store_open(c);
	if (!s)
		return EXIT_ERROR;
	tk_error err = { 0 };
	int rc = tk_store_system_set(s, c->org, c->args[0], c->industry, c->size, &err) ? cli_error(c, &err) : EXIT_OK;
	if (rc == EXIT_OK)
		printf(cli_tr(c, "システム '%s' を更新しました\n", "system '%s' updated\n"), c->args[0]);
	tk_store_close(s);
	return rc;
}

static int system_list(cli *c, int argc, char **argv)
{
	bool json;
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_FORMAT, 0, 0, USAGE_SYS_LIST) || !json_format(c, &json))
		return EXIT_ERROR;
	if (!c->org)
		return cli_fail(c, "--org で組織を指定してください（使い方: %s）", "name the organisation with --org (usage: %s)",
			USAGE_SYS_LIST);
	tk_store *s = cli_store_open(c);
	tk_arena *a = tk_arena_new(4096);
	tk_error err = { 0 };
	tk_store_system *v;
	size_t n;
	int rc = EXIT_ERROR;
	if (s && a && !tk_store_system_list(s, c->org, a, &v, &n, &err)) {
		if (json) {
			json_t *arr = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:I}", "name", v[i].name,
					"industry", v[i].industry, "size", v[i].size, "rounds", (json_int_t)v[i].n_rounds));
			rc = tk_json_write(arr, stdout, &err) ? cli_error(c, &err) : EXIT_OK;
		} else {
			for (size_t i = 0; i < n; i++)
				printf(cli_tr(c, "%s\t%s\t%s\t評価回 %zu\n", "%s\t%s\t%s\t%zu rounds\n"), v[i].name,
					*v[i].industry ? v[i].industry : "-", *v[i].size ? v[i].size : "-", v[i].n_rounds);
			rc = EXIT_OK;
		}
	} else if (s && a) {
		cli_error(c, &err);
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

int cmd_system(cli *c, int argc, char **argv)
{
	static const cli_sub subs[] = { { "add", system_add }, { "set", system_set }, { "list", system_list } };
	return cli_dispatch(c, "system", subs, sizeof(subs) / sizeof(*subs), argc, argv);
}
