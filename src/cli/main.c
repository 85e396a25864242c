/* taisaku: the command. A thin client of libtaisaku: it parses the command
 * line, calls the library and prints; every rule lives in the library. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

const command cli_commands[] = {
	{ "catalog", cmd_catalog, "カタログ（管理策の体系）の一覧・表示・書き出し・網羅性・OSCAL からの取り込み",
		"list, show, export and compare control catalogs, import OSCAL ones" },
	{ "plan", cmd_plan, "評価シート（計画）を作る", "write an assessment skeleton (plan)" },
	{ "profile", cmd_profile, "システムモデル別のプロファイル（標準の目標）の一覧・表示・計画との違い",
		"list and show system-model profiles (standard targets), and where a plan departs from one" },
	{ "evaluate", cmd_evaluate, "評価する（達成レベル・ギャップ・ばらつき）",
		"evaluate an assessment (levels, gaps, balance)" },
	{ "diff", cmd_diff, "二つの評価の違いを示す", "show what changed between two rounds" },
	{ "report", cmd_report, "報告書（評価報告・対策計画書・改善計画書）を HTML で作る",
		"write a report (assessment, measures plan, improvement plan) as HTML" },
	{ "export", cmd_export_via_sibling, "評価シートを Excel（xlsx）や CSV のチェックリスト、OSCAL に書き出す",
		"export an assessment as an Excel (xlsx) or CSV checklist, or as OSCAL" },
	{ "import", cmd_import_via_sibling, "記入済みの Excel や CSV を評価シートに読み込む",
		"read filled-in Excel or CSV checklists back into an assessment" },
	{ "project", cmd_project, "ECOM の評価を他の基準（防衛・NISC・宇宙・港湾・ISO/IEC 17799）に写像する",
		"project an ECOM assessment onto another standard (defense, NISC, space, port, ISO/IEC 17799)" },
	{ "db", cmd_db, "データベース（記録庫）を初期化・バックアップ・復元する",
		"initialise, back up and restore the database (the store)" },
	{ "org", cmd_org, "組織を登録・一覧する", "add and list organisations" },
	{ "system", cmd_system, "システム（セキュリティ区画）を登録・一覧する", "add and list systems (security segments)" },
	{ "round", cmd_round, "評価回を取り込む・書き出す・一覧する・確定する",
		"import, export, list and close assessment rounds" },
	{ "peers", cmd_peers, "システムを同業の比較対象と比べる", "compare a system with its peer group" },
	{ "benchmark", cmd_benchmark, "匿名化したレベルを他の組織と交換する", "exchange anonymised levels with other organisations" },
	{ "history", cmd_history, "システムのレベルの推移を示す", "show a system's levels over its rounds" },
	{ "portfolio", cmd_portfolio, "組織の全システムの最新レベルと目標を示す",
		"show every system of an organisation with its latest level and target" },
	{ "serve", cmd_serve_via_sibling, "ウェブアプリケーション（API と画面）を動かす",
		"run the web application (the API and the UI)" },
	{ "user", cmd_user_via_sibling, "ウェブアプリケーションの利用者を管理する", "administer the web application's users" },
	{ "audit", cmd_audit_via_sibling, "監査証跡を一覧・検証する", "list and verify the audit trail" },
	{ "help", cmd_help, "使い方を表示する", "show how to use a command" },
	{ "version", cmd_version, "版を表示する", "show the version" },
	{ NULL, NULL, NULL, NULL },
};

int cmd_version(cli *c, int argc, char **argv)
{
	if (!cli_parse(c, argc, argv, 0, 0, 0, "taisaku --version"))
		return EXIT_ERROR;
	printf("taisaku %s\n", TK_VERSION);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	cli c = { .lang = cli_default_lang() };
	/* --lang may come before the command too: taisaku --lang en catalog list */
	int i = 1;
	while (i + 1 < argc && strcmp(argv[i], "--lang") == 0) {
		if (strcmp(argv[i + 1], "en") && strcmp(argv[i + 1], "ja"))
			return cli_fail(&c, "--lang には ja か en を指定してください", "--lang takes ja or en");
		c.lang = strcmp(argv[i + 1], "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
		i += 2;
	}
	if (i >= argc)
		return help_print(&c, NULL, stderr), EXIT_ERROR;
	const char *name = argv[i];
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		name = "version";
	else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		name = "help";
	for (const command *cmd = cli_commands; cmd->name; cmd++)
		if (strcmp(cmd->name, name) == 0)
			return cmd->run(&c, argc - i - 1, argv + i + 1);
	cli_fail(&c, "コマンド '%s' はありません（taisaku help で一覧できます）",
		"no such command '%s' (taisaku help lists them)", name);
	return EXIT_ERROR;
}
