/* taisaku-workbook: the export and import commands, run by taisaku (see
 * cmd_workbook.c). It takes the same arguments: [--lang ja|en] export|import ... */
#include <string.h>

#include "cli.h"

int main(int argc, char **argv)
{
	cli c = { .lang = cli_default_lang() };
	int i = 1;
	while (i + 1 < argc && strcmp(argv[i], "--lang") == 0) {
		c.lang = strcmp(argv[i + 1], "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
		i += 2;
	}
	if (i < argc && strcmp(argv[i], "export") == 0)
		return cmd_export(&c, argc - i - 1, argv + i + 1);
	if (i < argc && strcmp(argv[i], "import") == 0)
		return cmd_import(&c, argc - i - 1, argv + i + 1);
	return cli_fail(&c, "taisaku-workbook は taisaku export / taisaku import から使います",
		"taisaku-workbook is run by taisaku export and taisaku import");
}
