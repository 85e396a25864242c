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
	  "使い方: taisaku plan --catalog ID [--level N] [--name NAME] [-o FILE] [--catalog-dir DIR]\n"
	  "  評価シート（計画）の雛形を書き出します。すべての対策要求が、日本語の名称と\n"
	  "  導出した目標レベルのコメント付きで並びます。N はシステムの目標レベル（2〜5）です。\n"
	  "  準拠性のカタログ（atla-ssr, nisc-2012, space-rules, port-tos など）では --level を付けず、\n"
	  "  すべての項目をセクションと名称のコメント付きの空欄（未評価）として並べた準拠性評価シートを\n"
	  "  書き出します。\n"
	  "  -o のファイルが既にあるときは上書きしません。\n",
	  "usage: taisaku plan --catalog ID [--level N] [--name NAME] [-o FILE] [--catalog-dir DIR]\n"
	  "  write an assessment skeleton: every requirement with its Japanese title and\n"
	  "  derived target as a comment. N is the system's target level (2 to 5).\n"
	  "  For a compliance catalog (atla-ssr, nisc-2012, space-rules, port-tos, ...) give no\n"
	  "  --level: the skeleton lists every item, blank (unassessed), under comments with its\n"
	  "  section and title.\n"
	  "  An existing -o file is never overwritten.\n" },
	{ "evaluate",
	  "使い方:\n"
	  "  taisaku evaluate FILE [--format text|json|html | --json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      評価シートを評価し、対策要求・ドメイン・ビュー・システムの達成レベル、\n"
	  "      目標とのギャップ（改善が必要・過対策）、次のレベルに足りないもの、ばらつきを示します。\n"
	  "  taisaku evaluate --batch DIR [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      DIR の *.yaml, *.yml, *.json をすべて評価し、システムごとに 1 行を出します。\n"
	  "      読めないファイルはエラーを表示して飛ばし、終了コードを 1 にします。\n"
	  "\n"
	  "準拠性評価シート（カタログが準拠性のカタログのもの）は準拠性を評価します: 準拠率\n"
	  "（実施済み + 一部実施×½）÷ 適用される項目（対象外を除くすべて。不明と未評価は分母に含めます）を\n"
	  "全体・ビュー・セクションごとに、状態ごとの件数、未完了の項目（一部実施・未実施・不明・未評価）と\n"
	  "その対応、対象外の項目と理由を示します。\n"
	  "\n"
	  "終了コード: 0 すべての対策要求が目標を満たす（準拠性: 適用される項目がすべて実施済み）、\n"
	  "2 目標未達がある（わからないも未達とみなす。準拠性: 未完了の項目がある）、\n"
	  "1 入力エラー（ファイル・行・列・キーを表示し、何も書き出しません）。\n",
	  "usage:\n"
	  "  taisaku evaluate FILE [--format text|json|html | --json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      evaluate an assessment: achieved levels of requirements, domains, views and\n"
	  "      the system, gaps (under and over), what the next level lacks, and balance.\n"
	  "  taisaku evaluate --batch DIR [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "      evaluate every *.yaml, *.yml and *.json in DIR, one line per system;\n"
	  "      a file that cannot be read is reported and skipped, and the exit status is 1.\n"
	  "\n"
	  "A compliance assessment (its catalog is a compliance catalog) is evaluated for\n"
	  "compliance: (implemented + ½·partial) ÷ applicable items (all but n/a; unknown and\n"
	  "unassessed stay in the denominator), overall, per view and per section, with the counts\n"
	  "per status, the open items (partial, not implemented, unknown, unassessed) and their\n"
	  "actions, and the items not applicable with their reasons.\n"
	  "\n"
	  "Exit status: 0 every requirement meets its target (compliance: every applicable item\n"
	  "implemented), 2 some are below it (unknown counts as below; compliance: an item is open),\n"
	  "1 an input error (with file, line, column and key; nothing is written).\n" },
	{ "diff",
	  "使い方: taisaku diff OLD NEW [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "  同じシステムの二つの評価の違い（レベル、状態、目標、重要度、新たに目標未達になった・\n"
	  "  解消した対策要求、過対策の増減）を示します。\n"
	  "  準拠性評価シートでは、準拠率と状態ごとの件数の変化、準拠率が変わったセクション、\n"
	  "  状態が変わった項目を示します。\n",
	  "usage: taisaku diff OLD NEW [--format text|json] [--lang ja|en] [-o OUT] [--catalog-dir DIR]\n"
	  "  show what changed between two rounds of one system: levels, statuses, targets,\n"
	  "  importance, and which requirements became or stopped being under- or over-measures.\n"
	  "  For compliance assessments: the change of compliance and of the counts per status,\n"
	  "  the sections whose compliance changed and the items whose status changed.\n" },
	{ "report",
	  "使い方: taisaku report FILE [--kind assessment|plan|improvement|compliance|rules|ssp] [--lang ja|en] [-o OUT.html] [--catalog-dir DIR]\n"
	  "  評価シートから報告書を一つの HTML ファイルとして作ります。外部のファイルや通信を使わずに\n"
	  "  オフラインで開け、A4 で印刷できます（各ページに対象システムと日付の見出しが付きます）。\n"
	  "  --kind assessment（既定）\n"
	  "      評価報告書: 目標と達成レベルの概要、対策ドメインのレーダーチャートとビューごとの棒グラフ、\n"
	  "      改善が必要な対策要求（不足の大きい順）と目標に足りないもの、過対策、要調査、ばらつき、\n"
	  "      網羅性、対策要求ごとの評価・証跡・備考と対策のポイント。\n"
	  "  --kind plan\n"
	  "      セキュリティ対策計画書: システムの目標レベルと選んだ理由（表 4-2）、対策要求ごとの重要度・\n"
	  "      目標・調整の理由、計画する対策（対策のポイント）、承認欄（作成者・確認者・承認者）。\n"
	  "  --kind improvement\n"
	  "      改善計画書: 改善計画の各項目（原因・改善の狙い・具体的改善内容・展開手順・実施時期・\n"
	  "      実施責任者）と、改善計画のない目標未達の対策要求。\n"
	  "  --kind compliance（準拠性評価シートでは既定）\n"
	  "      準拠性評価報告書: 全体とビューの準拠率と状態ごとの件数、セクションごとの準拠率の棒グラフ、\n"
	  "      未完了の項目と対応（内容・期限・担当）、対象外の項目と理由、項目ごとの状態・備考・根拠、\n"
	  "      組織が定めた役割と値、承認欄。\n"
	  "  --kind rules（準拠性評価シート）\n"
	  "      自社の情報セキュリティ関連規程: カタログの章・節・項目を順に、本文の選択肢とプレースホルダー\n"
	  "      （parameters:）を選んだ文言に、役割名（roles:）を自社の担当に置き換えて書きます。対象外（na）の\n"
	  "      項目は除き、付録に理由とともに示します。表紙（組織名・日付）、承認欄、改訂履歴、役割と用語。\n"
	  "      本文は日本語のままです（--lang en は枠だけ英語）。選ばれていない値があるか、○ 〇 ● △ ◇ *** 20yy\n"
	  "      が残るときは、項目・値の ID・印刷されている文言の一覧を示して何も書きません。カタログの value\n"
	  "      （サンプルの例示）は選んだものとは見なしません。\n"
	  "  --kind ssp（atla-ssr の準拠性評価シート）\n"
	  "      システムセキュリティ実装計画書（基準 第2）: 作成（保護システム管理者）・経由（総括者）・承認\n"
	  "      （経営者等）の欄に roles: の担当を入れ、記載又は添付する文書ア〜コ（①〜⑩）を各項目の根拠\n"
	  "      （evidence）を添付として示し、実施済みで添付のあるもの以外を欠落・不完全と明示します。本文は\n"
	  "      すべての節と項目の状態・実施状況・根拠です。\n"
	  "  -o を省くと標準出力に書きます。\n"
	  "\n"
	  "終了コード: 0 報告書を書いた（目標未達があっても 0）、1 入力エラー（何も書き出しません）。\n",
	  "usage: taisaku report FILE [--kind assessment|plan|improvement|compliance|rules|ssp] [--lang ja|en] [-o OUT.html] [--catalog-dir DIR]\n"
	  "  write a report from an assessment as one self-contained HTML file: no external file or\n"
	  "  request, it opens offline and prints on A4 (every page headed with the system and the date).\n"
	  "  --kind assessment (default)\n"
	  "      the assessment report: targets and achieved levels, a radar chart of the domains and a\n"
	  "      bar chart per view, the under-measures (largest shortfall first) with what each lacks,\n"
	  "      over-measures, unknowns, spread, coverage, and every requirement with its rating,\n"
	  "      evidence, note and countermeasure points.\n"
	  "  --kind plan\n"
	  "      the security measures plan: the system's target level and why (table 4-2), each\n"
	  "      requirement's importance, target and reason for a change, the planned measures\n"
	  "      (countermeasure points), and an approval block (prepared, reviewed, approved by).\n"
	  "  --kind improvement\n"
	  "      the improvement plan: each entry (cause, aim, content, deployment steps, due date,\n"
	  "      owner), and the requirements below target that have no entry.\n"
	  "  --kind compliance (the default for a compliance assessment)\n"
	  "      the compliance report: compliance and counts per status overall and per view, a bar\n"
	  "      chart of compliance per section, the open items with their actions (content, due\n"
	  "      date, owner), the items not applicable with their reasons, every item with its status,\n"
	  "      note and evidence, the organisation's roles and values, and an approval block.\n"
	  "  --kind rules (a compliance assessment)\n"
	  "      the organisation's own information security rules: the catalog's chapters, sections\n"
	  "      and items in order, the alternatives and placeholders (parameters:) replaced by the\n"
	  "      chosen text and the role names (roles:) by the organisation's titles; items marked na\n"
	  "      are left out and listed with their reasons in an appendix. Cover (organisation, date),\n"
	  "      approval block, revision history, roles and terms. The rules stay Japanese (--lang en\n"
	  "      changes the frame only). While a parameter is not chosen, or ○ 〇 ● △ ◇ *** 20yy is\n"
	  "      left, it lists every open choice (item, parameter ID, the text as printed) and writes\n"
	  "      nothing. A catalog value (the sample's own example) does not count as chosen.\n"
	  "  --kind ssp (an assessment of atla-ssr)\n"
	  "      the system security implementation plan (standard 第2): prepared by the 保護システム\n"
	  "      管理者, through the 総括者, approved by the 経営者等 (names from roles:); the documents\n"
	  "      ア–コ (①–⑩) with each item's evidence as its attachments, every one missing or\n"
	  "      incomplete flagged; and the status, implementation and evidence of every section and item.\n"
	  "  Without -o the report goes to standard output.\n"
	  "\n"
	  "Exit status: 0 the report was written (also when targets are not met), 1 an input error\n"
	  "(nothing is written).\n" },
	{ "export",
	  "使い方: taisaku export FILE --format xlsx|csv [-o OUT] [--department NAME] [--lang ja|en] [--catalog-dir DIR]\n"
	  "  評価シートを記入用のチェックリストとして書き出します。\n"
	  "  xlsx  チェックリスト（対策要求ごとに 1 行、対策のポイント付き。状態・対策コア・ランクはプルダウン）、\n"
	  "        目標（重要度・目標の変更・重み）、結果（書き出した時点の評価）と、taisaku import が\n"
	  "        評価シートを組み立て直すための隠しシートからなるブックです。-o が必要です。\n"
	  "  csv   チェックリストだけを UTF-8（BOM 付き）・CRLF・RFC 4180 で書き出します。数式と見なされる\n"
	  "        値（= + - @ で始まるもの）は先頭にアポストロフィを付けて書き、読み込むときに外します。\n"
	  "  --department NAME\n"
	  "        その部門が担当する対策要求（●と▲）だけを書き出します。NAME は部門 ID（operations）か\n"
	  "        カタログのとおりの名称（ｼｽﾃﾑの運用管理）です。\n"
	  "  準拠性評価シートは、項目ごとの行（状態のプルダウン・対象外の理由・備考・根拠資料・対応・期限・\n"
	  "  対応の担当）と、役割と値の行（組織の選択）、書き出したときの値を持つ隠しシートのブックに\n"
	  "  なります（--department は使えません）。\n"
	  "  -o のファイルが既にあるときは上書きしません（記入済みのブックかもしれないため）。\n"
	  "\n"
	  "終了コード: 0 成功、1 エラー（何も書き出しません）。\n",
	  "usage: taisaku export FILE --format xlsx|csv [-o OUT] [--department NAME] [--lang ja|en] [--catalog-dir DIR]\n"
	  "  write an assessment as a checklist to fill in.\n"
	  "  xlsx  a workbook: the checklist (one row per requirement with its countermeasure points;\n"
	  "        drop-down lists for status, core and ranks), the targets (importance, overrides,\n"
	  "        weights), the results when it was made, and a hidden sheet from which taisaku import\n"
	  "        rebuilds the assessment. -o is required.\n"
	  "  csv   the checklist alone: UTF-8 with a BOM, CRLF, RFC 4180. A value a spreadsheet would\n"
	  "        run as a formula (starting with = + - @) is written after an apostrophe, which import\n"
	  "        takes off again.\n"
	  "  --department NAME\n"
	  "        only the requirements that department takes part in (● and ▲). NAME is the\n"
	  "        department's ID (operations) or its title as the catalog writes it (ｼｽﾃﾑの運用管理).\n"
	  "  A compliance assessment becomes a checklist of its items (a drop-down status, reason for na,\n"
	  "  notes, evidence, action, due date, owner), rows for its roles and values (the chosen text),\n"
	  "  and a hidden sheet with every value as exported (--department does not apply).\n"
	  "  An existing -o file is never overwritten (it may be a filled-in workbook).\n"
	  "\n"
	  "Exit status: 0 success, 1 an error (nothing is written).\n" },
	{ "import",
	  "使い方: taisaku import WORKBOOK.xlsx|FILE.csv [MORE...] [-o FILE.yaml] [--base FILE.yaml] [--lang ja|en] [--catalog-dir DIR]\n"
	  "  記入済みのチェックリスト（taisaku export で作ったもの）を読み込み、評価シートを書き出します。\n"
	  "  部門ごとのブックをいくつでも指定でき、一つの評価シートにまとめます。\n"
	  "  --base FILE.yaml\n"
	  "        元の評価シート。ブックにない対策要求はこれのままになり、元と同じ行は「変更なし」として\n"
	  "        変更したブックに譲ります。CSV だけを読み込むときは必要です。\n"
	  "  二つのブックが同じ対策要求を違う内容にしたときは、両方のファイル・行・内容を示します。\n"
	  "  読めないセルはすべて、ファイル・シート・行・列を示して報告します。問題があれば何も書き出しません。\n"
	  "  評価シートはディスクに書き込んでから置き換えます。-o を省くと標準出力に書きます。\n"
	  "  準拠性のチェックリスト（隠しシートか --base で判別）では、書き出したときの値と同じ行が「変更なし」\n"
	  "  です。項目・役割・値を二つのブックが違う内容に変えると食い違いとして示します。\n"
	  "\n"
	  "終了コード: 0 成功、1 エラーまたは食い違い（何も書き出しません）。\n",
	  "usage: taisaku import WORKBOOK.xlsx|FILE.csv [MORE...] [-o FILE.yaml] [--base FILE.yaml] [--lang ja|en] [--catalog-dir DIR]\n"
	  "  read filled-in checklists (made by taisaku export) and write the assessment. Give any\n"
	  "  number of workbooks, one per department say: they are merged into one assessment.\n"
	  "  --base FILE.yaml\n"
	  "        the original assessment: requirements no workbook has stay as they are, and a row\n"
	  "        equal to the original counts as unchanged and yields to a workbook that changed it.\n"
	  "        Needed when only CSV files are read.\n"
	  "  When two workbooks fill in one requirement differently, both files, rows and values are shown.\n"
	  "  Every cell that cannot be read is reported with its file, sheet, row and column. On any\n"
	  "  problem nothing is written; the assessment is flushed to the disk before it replaces the\n"
	  "  -o file. Without -o it goes to standard output.\n"
	  "  A compliance checklist (told by its hidden sheet or by --base) counts a row equal to its\n"
	  "  value when exported as unchanged; two workbooks that change an item, role or value\n"
	  "  differently are a conflict.\n"
	  "\n"
	  "Exit status: 0 success, 1 an error or a conflict (nothing is written).\n" },
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
