/* taisaku db backup -o FILE [--encrypt] / taisaku db restore FILE [--replace]:
 * the whole store in one portable archive and back (docs/backup.en.md). */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "cli.h"
#include "taisaku/backup.h"

#define USAGE_BACKUP "taisaku db backup -o FILE [--encrypt] [--passphrase-fd N] [--db URL]"
#define USAGE_RESTORE "taisaku db restore FILE [--replace] [--passphrase-fd N] [--db URL]"

/* What each table holds, for the summary line. */
static const struct {
	const char *table, *ja, *en;
} WHAT[] = {
	{ "organizations", "組織", "organisations" },
	{ "systems", "システム", "systems" },
	{ "catalogs", "カタログ", "catalogs" },
	{ "rounds", "評価回", "rounds" },
	{ "ratings", "評価行", "rating rows" },
	{ "round_levels", "レベル行", "level rows" },
	{ "round_compliance", "遵守状況の要約", "compliance summaries" },
	{ "round_revisions", "評価回の改訂", "round revisions" },
	{ "users", "利用者", "users" },
	{ "user_roles", "役割", "roles" },
	{ "system_assessors", "評価者の割り当て", "assessor assignments" },
	{ "recovery_codes", "回復コード", "recovery codes" },
	{ "audit", "監査証跡", "audit entries" },
	{ "external_imports", "他の記録庫からの取り込み", "benchmark imports" },
	{ "external_peers", "外部の比較対象", "external peers" },
	{ "external_levels", "外部の比較対象のレベル", "external peer levels" },
};

static void print_counts(const cli *c, const tk_backup_counts *n)
{
	for (size_t i = 0; i < n->ntables; i++) {
		const char *name = n->table[i];
		for (size_t k = 0; k < sizeof(WHAT) / sizeof(*WHAT); k++)
			if (strcmp(WHAT[k].table, name) == 0)
				name = cli_tr(c, WHAT[k].ja, WHAT[k].en);
		printf("%s%s %zu", i ? cli_tr(c, "、", ", ") : "  ", name, n->rows[i]);
	}
	printf("\n");
}

int cmd_db_backup(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_OUTPUT | OPT_ENCRYPT | OPT_PASSPHRASE_FD, 0, 0, USAGE_BACKUP))
		return EXIT_ERROR;
	if (!c->output || strcmp(c->output, "-") == 0)
		return cli_fail(c, "-o で書き出すファイルを指定してください（使い方: %s）",
			"give the file to write with -o (usage: %s)", USAGE_BACKUP);
	/* A passphrase without --encrypt would otherwise yield a plain archive
	 * its owner believes sealed. */
	if (c->passphrase_fd && !c->encrypt)
		return cli_fail(c, "--passphrase-fd は --encrypt と一緒に使ってください",
			"--passphrase-fd goes with --encrypt");
	char pass[1024];
	size_t pass_len = 0;
	if (c->encrypt && !cli_passphrase(c, true, pass, sizeof(pass), &pass_len))
		return EXIT_ERROR;
	tk_store *s = cli_store_open(c);
	if (!s) {
		sodium_memzero(pass, sizeof(pass));
		return EXIT_ERROR;
	}
	tk_error err = { 0 };
	tk_archive_writer *w;
	tk_backup_counts counts;
	tk_status st = tk_archive_create(c->output, c->encrypt ? pass : NULL, pass_len, TK_ARCHIVE_MODERATE,
		&w, &err);
	sodium_memzero(pass, sizeof(pass));
	if (st == TK_OK) {
		if ((st = tk_backup_write(s, w, &counts, &err)) != TK_OK)
			tk_archive_abort(w);
		else
			st = tk_archive_commit(w, &err);
	}
	tk_store_close(s);
	if (st)
		return cli_error(c, &err);
	printf(cli_tr(c, "バックアップを書きました: %s（%s）\n", "backup written: %s (%s)\n"), c->output,
		c->encrypt ? cli_tr(c, "暗号化", "encrypted") : cli_tr(c, "暗号化なし", "not encrypted"));
	print_counts(c, &counts);
	return EXIT_OK;
}

int cmd_db_restore(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, OPT_DB | OPT_REPLACE | OPT_PASSPHRASE_FD, 1, 1, USAGE_RESTORE))
		return EXIT_ERROR;
	const char *path = c->args[0];
	tk_error err = { 0 };
	tk_archive_reader *r;
	if (tk_archive_open(path, &r, &err))
		return cli_error(c, &err);
	/* The passphrase is checked before the database is even opened. */
	if (tk_archive_sealed(r)) {
		char pass[1024];
		size_t pass_len;
		if (!cli_passphrase(c, false, pass, sizeof(pass), &pass_len)) {
			tk_archive_close(r);
			return EXIT_ERROR;
		}
		tk_status st = tk_archive_unlock(r, pass, pass_len, &err);
		sodium_memzero(pass, sizeof(pass));
		if (st) {
			tk_archive_close(r);
			return cli_error(c, &err);
		}
	}
	/* A file that is no backup is turned away before any database is
	 * touched; one that does not exist yet is then made as db init makes it. */
	tk_backup_loader *b;
	tk_store *s;
	tk_backup_counts counts;
	tk_status st = tk_backup_restore_begin(r, path, &b, &err);
	if (st == TK_OK && (st = tk_store_init(cli_store_url(c), &s, NULL, &err)) != TK_OK)
		tk_backup_restore_cancel(b);
	if (st == TK_OK) {
		st = tk_backup_restore_finish(b, s, c->replace, &counts, &err);
		tk_store_close(s);
	}
	tk_archive_close(r);
	if (st)
		return cli_error(c, &err);
	printf(cli_tr(c, "復元しました: %s\n", "restored: %s\n"), path);
	print_counts(c, &counts);
	return EXIT_OK;
}
