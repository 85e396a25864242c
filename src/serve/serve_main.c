/* taisaku-serve: the commands that need the web server's libraries
 * (libmicrohttpd, libsodium, liboath): serve, user and audit. taisaku runs
 * it for `taisaku serve|user|audit ...` (src/cli/cmd_workbook.c), as it
 * runs taisaku-workbook, so that the everyday commands do not load them. */
#include <liboath/oath.h>
#include <sodium.h>
#include <string.h>

#include "cmd.h"

/* The help texts (cmd_help.c) list these when asked for an overview here. */
const command cli_commands[] = {
	{ "serve", cmd_serve, "ウェブアプリケーションを動かす", "run the web application" },
	{ "user", cmd_user, "利用者を管理する", "administer users" },
	{ "audit", cmd_audit, "監査証跡を表示・検証する", "list and verify the audit trail" },
	{ NULL, NULL, NULL, NULL },
};

int main(int argc, char **argv)
{
	cli c = { .lang = cli_default_lang() };
	int i = 1;
	while (i + 1 < argc && strcmp(argv[i], "--lang") == 0) {
		c.lang = strcmp(argv[i + 1], "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
		i += 2;
	}
	if (sodium_init() < 0 || oath_init() != OATH_OK)
		return cli_fail(&c, "暗号ライブラリを初期化できません", "cannot initialise the crypto libraries");
	if (i < argc && strcmp(argv[i], "serve") == 0)
		return cmd_serve(&c, argc - i - 1, argv + i + 1);
	if (i < argc && strcmp(argv[i], "user") == 0)
		return cmd_user(&c, argc - i - 1, argv + i + 1);
	if (i < argc && strcmp(argv[i], "audit") == 0)
		return cmd_audit(&c, argc - i - 1, argv + i + 1);
	return cli_fail(&c, "taisaku-serve は taisaku serve / user / audit から使います",
		"taisaku-serve is run by taisaku serve, user and audit");
}
