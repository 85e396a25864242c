/* taisaku peers SYSTEM [--org O] [--group industry,size,level]
 *   [--format text|json|html] [-o OUT] [--db URL]
 * A system's latest round against its peer group (issue 9); the statistics
 * and k-anonymity are the library's (tk_store_peers). */
#include "cli.h"

#define USAGE_PEERS "taisaku peers SYSTEM [--org O] [--group industry,size,level] " \
	"[--format text|json|html] [-o OUT] [--db URL]"

int cmd_peers(cli *c, int argc, char **argv)
{
	tk_store_format fmt;
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_ORG | OPT_FORMAT | OPT_OUTPUT | OPT_GROUP, 1, 1, USAGE_PEERS) ||
	    !cli_store_format(c, true, &fmt))
		return EXIT_ERROR;
	tk_error err = { 0 };
	unsigned group = TK_PEERS_BY_INDUSTRY | TK_PEERS_BY_SIZE;
	if (c->group && !tk_store_peers_group_parse(c->group, &group, &err)) {
		cli_error(c, &err);
		return EXIT_ERROR;
	}
	tk_store *s = cli_store_open(c);
	tk_arena *a = tk_arena_new(256 * 1024);
	tk_store_peer_result p;
	int rc = EXIT_ERROR;
	cli_out o;
	if (s && a && tk_store_peers(s, c->org, c->args[0], group, a, &p, &err) == TK_OK) {
		if (cli_out_open(c, &o)) {
			rc = cli_out_done(c, &o, tk_store_peers_write(&p, fmt, c->lang, o.f, &err), &err);
		}
	} else if (s && a) {
		cli_error(c, &err);
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}
