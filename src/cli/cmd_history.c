/* taisaku history SYSTEM [--org O] [--format text|json]
 * taisaku portfolio ORG [--format text|json|html]
 * A system's levels over its rounds; an organisation's systems with their
 * latest round. Both are queries over the stored rows. */
#include <string.h>

#include "cli.h"

#define USAGE_HISTORY "taisaku history SYSTEM [--org O] [--format text|json] [-o OUT] [--db URL]"
#define USAGE_PORTFOLIO "taisaku portfolio ORG [--format text|json|html] [-o OUT] [--db URL]"

int cmd_history(cli *c, int argc, char **argv)
{
	tk_store_format fmt;
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_FORMAT | OPT_OUTPUT, 1, 1, USAGE_HISTORY) ||
	    !cli_store_format(c, false, &fmt))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	tk_arena *a = tk_arena_new(64 * 1024);
	tk_error err = { 0 };
	tk_store_round *v;
	size_t n;
	int rc = EXIT_ERROR;
	cli_out o;
	if (s && a && tk_store_history(s, c->org, c->args[0], a, &v, &n, &err) == TK_OK) {
		if (cli_out_open(c, &o)) {
			rc = cli_out_done(c, &o, tk_store_history_write(v, n, fmt, c->lang, o.f, &err), &err);
		}
	} else if (s && a) {
		cli_error(c, &err);
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

int cmd_portfolio(cli *c, int argc, char **argv)
{
	tk_store_format fmt;
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_FORMAT | OPT_OUTPUT, 1, 1, USAGE_PORTFOLIO) ||
	    !cli_store_format(c, true, &fmt))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	tk_arena *a = tk_arena_new(256 * 1024);
	tk_error err = { 0 };
	tk_store_portfolio_row *v;
	size_t n;
	int rc = EXIT_ERROR;
	cli_out o;
	if (s && a && tk_store_portfolio(s, c->args[0], a, &v, &n, &err) == TK_OK) {
		if (cli_out_open(c, &o)) {
			rc = cli_out_done(c, &o, tk_store_portfolio_write(c->args[0], v, n, fmt, c->lang, o.f, &err), &err);
		}
	} else if (s && a) {
		cli_error(c, &err);
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}
