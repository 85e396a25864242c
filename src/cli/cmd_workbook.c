/* taisaku export / taisaku import run in a sibling program, taisaku-workbook,
 * in the same directory (as git runs its git-* programs). The libraries
 * that read and write xlsx (libxlsxwriter, libzip, expat, and through them
 * libcrypto) cost about 1.4 ms of dynamic linking at every start; kept out
 * of taisaku itself, only the two commands that need them pay for it. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define SIBLING "taisaku-workbook"
/* serve, user and audit run in taisaku-serve the same way (the web
 * server's libraries: libmicrohttpd, libsodium, liboath). */
#define SERVE_SIBLING "taisaku-serve"

static int run_program(cli *c, const char *program, const char *command, int argc, char **argv)
{
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - strlen(program) - 1);
	if (n <= 0)
		return cli_fail(c, "自分の場所がわかりません: %s", "cannot tell where taisaku is: %s", strerror(errno));
	path[n] = '\0';
	char *slash = strrchr(path, '/');
	strcpy(slash ? slash + 1 : path, program);
	/* taisaku-workbook --lang L COMMAND ARGS..., so that the language chosen
	 * before the command (taisaku --lang en export ...) carries over. */
	char **args = calloc((size_t)argc + 5, sizeof(*args));
	if (!args)
		return cli_fail(c, "メモリが足りません", "out of memory");
	int k = 0;
	args[k++] = (char *)program;
	args[k++] = (char *)"--lang";
	args[k++] = (char *)(c->lang == TK_LANG_EN ? "en" : "ja");
	args[k++] = (char *)command;
	for (int i = 0; i < argc; i++)
		args[k++] = argv[i];
	args[k] = NULL;
	fflush(stdout);
	execv(path, args);
	int e = errno;
	free(args);
	return cli_fail(c, "%s を実行できません: %s", "cannot run %s: %s", path, strerror(e));
}

static int run_sibling(cli *c, const char *command, int argc, char **argv)
{
	return run_program(c, SIBLING, command, argc, argv);
}

int cmd_serve_via_sibling(cli *c, int argc, char **argv)
{
	return run_program(c, SERVE_SIBLING, "serve", argc, argv);
}

int cmd_user_via_sibling(cli *c, int argc, char **argv)
{
	return run_program(c, SERVE_SIBLING, "user", argc, argv);
}

int cmd_audit_via_sibling(cli *c, int argc, char **argv)
{
	return run_program(c, SERVE_SIBLING, "audit", argc, argv);
}

int cmd_export_via_sibling(cli *c, int argc, char **argv)
{
	return run_sibling(c, "export", argc, argv);
}

int cmd_import_via_sibling(cli *c, int argc, char **argv)
{
	return run_sibling(c, "import", argc, argv);
}
