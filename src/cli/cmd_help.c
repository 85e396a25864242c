/* taisaku help [COMMAND]: usage in Japanese or English. */
#include <string.h>

#include "cli.h"

typedef struct help_text {
	const char *name, *ja, *en;
} help_text;

static const help_text HELP[] = {
	{ "catalog",
	  "使い方:\n"
	  "  taisaku catalog list [--json] [--catalog-dir DIR]\n"
	  "      使えるカタログ（組み込みと --catalog-dir のもの）を一覧します。\n"
	  "  taisaku catalog show CATALOG [ID] [--json] [--lang ja|en] [--catalog-dir DIR]\n"
	  "      カタログの体系、または一つの対策要求（対策のポイント付き）を表示します。\n"
	  "      ID には対策要求・対策ドメイン・ビューの ID を指定できます。\n"
	  "  taisaku catalog export CATALOG --format json|yaml|csv|oscal [-o FILE] [--catalog-dir DIR]\n"
	  "      カタログを別の形式で書き出します。oscal は OSCAL 1.0.6 の catalog です。\n"
	  "\n"
	  "CATALOG はカタログ ID（例: ecom-2004）か .yaml ファイルのパスです。\n"
	  "終了コード: 0 成功、1 エラー（ファイル・行・列・キーを表示）。\n",
	  "usage:\n"
	  "  taisaku catalog list [--json] [--catalog-dir DIR]\n"
	  "      list the catalogs available (built in, and those in --catalog-dir).\n"
	  "  taisaku catalog show CATALOG [ID] [--json] [--lang ja|en] [--catalog-dir DIR]\n"
	  "      show a catalog's tree, or one requirement with its countermeasure points.\n"
	  "      ID may name a requirement, a domain or a view.\n"
	  "  taisaku catalog export CATALOG --format json|yaml|csv|oscal [-o FILE] [--catalog-dir DIR]\n"
	  "      write the catalog in another format; oscal is an OSCAL 1.0.6 catalog.\n"
	  "\n"
	  "CATALOG is a catalog ID (such as ecom-2004) or the path of a .yaml file.\n"
	  "Exit status: 0 success, 1 error (with file, line, column and key).\n" },
	{ "plan",
	  "使い方: taisaku plan --catalog ID --level N [--name NAME] [-o FILE] [--catalog-dir DIR]\n"
	  "  評価シート（計画）の雛形を書き出します。すべての対策要求が、日本語の名称と\n"
	  "  導出した目標レベルのコメント付きで並びます。N はシステムの目標レベル（2〜5）です。\n"
	  "  -o のファイルが既にあるときは上書きしません。\n",
	  "usage: taisaku plan --catalog ID --level N [--name NAME] [-o FILE] [--catalog-dir DIR]\n"
	  "  write an assessment skeleton: every requirement with its Japanese title and\n"
	  "  derived target as a comment. N is the system's target level (2 to 5).\n"
	  "  An existing -o file is never overwritten.\n" },
	{ "evaluate",
	  "使い方:\n"
	  "  taisaku evaluate FILE [--format text|json|html] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      評価シートを評価し、対策要求・ドメイン・ビュー・システムの達成レベル、\n"
	  "      目標とのギャップ（改善が必要・過対策）、次のレベルに足りないもの、ばらつきを示します。\n"
	  "  taisaku evaluate --batch DIR [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      DIR の *.yaml, *.yml, *.json をすべて評価し、システムごとに 1 行を出します。\n"
	  "      読めないファイルはエラーを表示して飛ばし、終了コードを 1 にします。\n"
	  "\n"
	  "終了コード: 0 すべての対策要求が目標を満たす、2 目標未達がある（わからないも未達とみなす）、\n"
	  "1 入力エラー（ファイル・行・列・キーを表示し、何も書き出しません）。\n",
	  "usage:\n"
	  "  taisaku evaluate FILE [--format text|json|html] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      evaluate an assessment: achieved levels of requirements, domains, views and\n"
	  "      the system, gaps (under and over), what the next level lacks, and balance.\n"
	  "  taisaku evaluate --batch DIR [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      evaluate every *.yaml, *.yml and *.json in DIR, one line per system;\n"
	  "      a file that cannot be read is reported and skipped, and the exit status is 1.\n"
	  "\n"
	  "Exit status: 0 every requirement meets its target, 2 some are below it (unknown\n"
	  "counts as below), 1 an input error (with file, line, column and key; nothing is written).\n" },
	{ "diff",
	  "使い方: taisaku diff OLD NEW [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "  同じシステムの二つの評価の違い（レベル、状態、目標、重要度、新たに目標未達になった・\n"
	  "  解消した対策要求、過対策の増減）を示します。\n",
	  "usage: taisaku diff OLD NEW [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "  show what changed between two rounds of one system: levels, statuses, targets,\n"
	  "  importance, and which requirements became or stopped being under- or over-measures.\n" },
	{ "help",
	  "使い方: taisaku help [COMMAND]\n  コマンドの使い方を表示します。\n",
	  "usage: taisaku help [COMMAND]\n  show how to use a command.\n" },
	{ "version",
	  "使い方: taisaku --version\n  版を表示します。\n",
	  "usage: taisaku --version\n  show the version.\n" },
	{ NULL, NULL, NULL },
};

int help_print(const cli *c, const char *name, FILE *out)
{
	if (!name) {
		fprintf(out, "%s\n\n", cli_tr(c,
			"taisaku: セキュリティ対策評価モデルと国内基準のための対策計画・評価ツール",
			"taisaku: plan and evaluate security countermeasures with the ECOM model and Japanese standards"));
		fprintf(out, "%s\n", cli_tr(c, "使い方: taisaku [--lang ja|en] COMMAND [ARGS]",
			"usage: taisaku [--lang ja|en] COMMAND [ARGS]"));
		fprintf(out, "\n%s\n", cli_tr(c, "コマンド:", "commands:"));
		for (const command *cmd = cli_commands; cmd->name; cmd++)
			fprintf(out, "  %-10s %s\n", cmd->name, cli_tr(c, cmd->summary_ja, cmd->summary_en));
		fprintf(out, "\n%s\n", cli_tr(c, "詳しくは taisaku help COMMAND を見てください。",
			"See taisaku help COMMAND for details."));
		return EXIT_OK;
	}
	for (const help_text *h = HELP; h->name; h++) {
		if (strcmp(h->name, name) == 0) {
			fputs(cli_tr(c, h->ja, h->en), out);
			return EXIT_OK;
		}
	}
	return cli_fail(c, "コマンド '%s' はありません", "no such command '%s'", name);
}

int cmd_help(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, 0, 0, 1, "taisaku help [COMMAND]"))
		return EXIT_ERROR;
	return help_print(c, c->nargs ? c->args[0] : NULL, stdout);
}
