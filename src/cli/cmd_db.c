/* taisaku db init [--db URL]: creates the database if need be and brings
 * its schema up to date (the numbered migrations). */
#include <string.h>

#include "cli.h"

#define USAGE_INIT "taisaku db init [--db URL]"

static int db_init(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB, 0, 0, USAGE_INIT))
		return EXIT_ERROR;
	tk_error err = { 0 };
	tk_store *s;
	int applied = 0, version = 0;
	if (tk_store_init(cli_store_url(c), &s, &applied, &err))
		return cli_error(c, &err);
	if (tk_store_schema_version(s, &version, &err)) {
		tk_store_close(s);
		return cli_error(c, &err);
	}
	if (applied)
		printf(cli_tr(c, "データベースを初期化しました（%s、スキーマ版 %d、適用したマイグレーション %d）\n",
			"database initialised (%s, schema version %d, %d migrations applied)\n"),
			tk_store_backend(s), version, applied);
	else
		printf(cli_tr(c, "データベースは最新です（%s、スキーマ版 %d）\n",
			"database is up to date (%s, schema version %d)\n"), tk_store_backend(s), version);
	tk_store_close(s);
	return EXIT_OK;
}

int cmd_db(cli *c, int argc, char **argv)
{
	static const cli_sub subs[] = { { "init", db_init }, { "backup", cmd_db_backup },
		{ "restore", cmd_db_restore } };
	return cli_dispatch(c, "db", subs, sizeof(subs) / sizeof(*subs), argc, argv);
}
