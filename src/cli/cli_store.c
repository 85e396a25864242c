/* What the store's commands share: which database, and subcommands. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_store_url(const cli *c)
{
	if (c->db)
		return c->db;
	const char *env = getenv("TAISAKU_DB");
	return env && *env ? env : TK_STORE_DEFAULT_URL;
}

tk_store *cli_store_open(const cli *c)
{
	tk_error err = { 0 };
	tk_store *s;
	if (tk_store_open(cli_store_url(c), &s, &err)) {
		cli_error(c, &err);
		return NULL;
	}
	return s;
}

bool cli_store_format(const cli *c, bool html, tk_store_format *fmt)
{
	if (!c->format) {
		*fmt = TK_STORE_TEXT;
		return true;
	}
	if (tk_store_format_parse(c->format, fmt) && (html || *fmt != TK_STORE_HTML))
		return true;
	cli_fail(c, "形式 '%s' は使えません（%s）", "unknown format '%s' (%s)", c->format,
		html ? "text, json, html" : "text, json");
	return false;
}

int cli_dispatch(cli *c, const char *cmd, const cli_sub *subs, size_t n, int argc, char **argv)
{
	if (argc < 1)
		return help_print(c, cmd, stderr), EXIT_ERROR;
	for (size_t i = 0; i < n; i++)
		if (strcmp(argv[0], subs[i].name) == 0)
			return subs[i].run(c, argc - 1, argv + 1);
	char names[256] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s", i ? ", " : "", subs[i].name);
	return cli_fail(c, "'%s %s' はありません（%s）", "no such command '%s %s' (%s)", cmd, argv[0], names);
}
