/* The commands of taisaku-serve (serve_main.c). */
#ifndef TAISAKU_SERVE_CMD_H
#define TAISAKU_SERVE_CMD_H

#include "../cli/cli.h"

int cmd_serve(cli *c, int argc, char **argv);
int cmd_user(cli *c, int argc, char **argv);
int cmd_audit(cli *c, int argc, char **argv);

/* Options of these commands: --NAME VALUE pairs and flags, parsed once.
 * known lists the names taken; flags those without a value. Positional
 * arguments go to args. Returns false (with a message) on anything else. */
typedef struct opts {
	int nargs;
	const char *args[8];
	int n;
	const char *name[24], *value[24];
} opts;
bool opts_parse(cli *c, opts *o, int argc, char **argv, const char *const *known, const char *const *flags);
const char *opt(const opts *o, const char *name);
bool opt_flag(const opts *o, const char *name);

#endif
