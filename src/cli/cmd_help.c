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
	{ "report",
	  "使い方: taisaku report FILE [--kind assessment|plan|improvement] [--lang ja|en] [-o OUT.html] [--catalog-dir DIR]\n"
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
	  "  -o を省くと標準出力に書きます。\n"
	  "\n"
	  "終了コード: 0 報告書を書いた（目標未達があっても 0）、1 入力エラー（何も書き出しません）。\n",
	  "usage: taisaku report FILE [--kind assessment|plan|improvement] [--lang ja|en] [-o OUT.html] [--catalog-dir DIR]\n"
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
	  "\n"
	  "Exit status: 0 success, 1 an error or a conflict (nothing is written).\n" },
	{ "db",
	  "使い方:\n"
	  "  taisaku db init [--db URL]\n"
	  "      データベースを（なければ作って）初期化し、スキーマを最新の版にします。\n"
	  "      何度実行しても安全です。SQLite は WAL モード・外部キー有効・コミットごとにディスクへ書き込みます。\n"
	  "  taisaku db backup -o FILE [--encrypt] [--passphrase-fd N] [--db URL]\n"
	  "      記録庫の中身すべて（組織、システムと業種・規模、カタログの版と本文、評価回と元の評価シート、\n"
	  "      取り込んだ人と日時、確定の印、評価行とレベル）を一つのファイルに書き出します。形式は\n"
	  "      JSON Lines（taisaku-backup/1）で、最後の行の SHA-256 で全体を検証します。ファイルは\n"
	  "      所有者だけが読める権限（0600）で、書き終えてから置き換えます（途中のファイルは残りません）。\n"
	  "      バックエンドによらない形式で、SQLite のバックアップを PostgreSQL に戻せます（逆も）。\n"
	  "  taisaku db restore FILE [--replace] [--passphrase-fd N] [--db URL]\n"
	  "      バックアップを空のデータベースに戻します（なければ db init と同じように作ります）。\n"
	  "      全体を一つのトランザクションで書き、最後の行まで検証できたときだけ確定します。\n"
	  "      パスフレーズの誤り、改ざん・破損、途中で切れたファイル、スキーマの版の違いはエラーになり、\n"
	  "      データベースには何も書きません。中身のあるデータベースへは戻しません。--replace を付けると、\n"
	  "      確定した評価回も含めて中身をすべてバックアップの内容に置き換えます（同じトランザクションで）。\n"
	  "\n"
	  "暗号化（--encrypt）: パスフレーズから argon2id（libsodium）で鍵を導き、XChaCha20-Poly1305 の\n"
	  "ストリームで封をします。パスフレーズはコマンドラインでは受け取りません。--passphrase-fd N\n"
	  "（スクリプトが開いたファイル記述子 N の 1 行目）、環境変数 TAISAKU_PASSPHRASE、端末での入力\n"
	  "（表示なし。backup では確認のためもう一度）の順に探します。restore は暗号化を自動で見分けます。\n"
	  "\n"
	  "--db URL はデータベースです: sqlite:PATH（既定 sqlite:./taisaku.db）か postgresql://...。\n"
	  "指定がなければ環境変数 TAISAKU_DB を使います。終了コード: 0 成功、1 エラー（何も変更しません）。\n",
	  "usage:\n"
	  "  taisaku db init [--db URL]\n"
	  "      create the database if there is none and bring its schema up to date.\n"
	  "      Safe to run again. SQLite runs in WAL mode with foreign keys on; every commit is on disk.\n"
	  "  taisaku db backup -o FILE [--encrypt] [--passphrase-fd N] [--db URL]\n"
	  "      write everything in the store to one file: organisations, systems with industry and size,\n"
	  "      catalog versions and texts, rounds with their original documents, who imported them and\n"
	  "      when, closed flags, rating rows and levels. The format is JSON Lines (taisaku-backup/1),\n"
	  "      checked as a whole by the SHA-256 on its last line. The file is readable by its owner only\n"
	  "      (0600) and replaces FILE only once complete (no partial file is ever left). It does not\n"
	  "      depend on the back end: a SQLite backup restores into PostgreSQL, and the other way round.\n"
	  "  taisaku db restore FILE [--replace] [--passphrase-fd N] [--db URL]\n"
	  "      load a backup into an empty database (made as db init makes it if there is none), in one\n"
	  "      transaction that commits only once the last line has checked out. A wrong passphrase,\n"
	  "      a changed or damaged byte, a cut-off file or another schema version is an error, and\n"
	  "      nothing is written. A database that holds anything is refused; with --replace, all it\n"
	  "      holds, closed rounds too, is replaced by the backup's contents (in the same transaction).\n"
	  "\n"
	  "Encryption (--encrypt): a key derived from a passphrase with argon2id (libsodium) seals the file\n"
	  "as an XChaCha20-Poly1305 stream. The passphrase is never taken from the command line; it comes\n"
	  "from --passphrase-fd N (the first line read from descriptor N, opened by a script), else the\n"
	  "environment variable TAISAKU_PASSPHRASE, else the terminal (not echoed; asked twice by backup).\n"
	  "restore recognises a sealed file by itself.\n"
	  "\n"
	  "--db URL names the database: sqlite:PATH (default sqlite:./taisaku.db) or postgresql://....\n"
	  "Without it, the environment variable TAISAKU_DB is used. Exit status: 0 success, 1 error (nothing changed).\n" },
	{ "org",
	  "使い方:\n"
	  "  taisaku org add NAME [--db URL]\n"
	  "      組織を登録します。同じ名前の組織は登録できません。\n"
	  "  taisaku org list [--format text|json] [--db URL]\n"
	  "      組織をシステム数とともに一覧します。\n"
	"\n"
	  "--db URL はデータベースです: sqlite:PATH（既定 sqlite:./taisaku.db）か postgresql://...。\n"
	  "指定がなければ環境変数 TAISAKU_DB を使います。終了コード: 0 成功、1 エラー（何も変更しません）。\n",
	  "usage:\n"
	  "  taisaku org add NAME [--db URL]\n"
	  "      add an organisation; names are unique.\n"
	  "  taisaku org list [--format text|json] [--db URL]\n"
	  "      list the organisations with their number of systems.\n"
	"\n"
	  "--db URL names the database: sqlite:PATH (default sqlite:./taisaku.db) or postgresql://....\n"
	  "Without it, the environment variable TAISAKU_DB is used. Exit status: 0 success, 1 error (nothing changed).\n" },
	{ "system",
	  "使い方:\n"
	  "  taisaku system add NAME --org ORG [--industry TEXT] [--size TEXT] [--db URL]\n"
	  "      組織にシステム（セキュリティ区画）を登録します。業種と規模は同業比較に使います。\n"
	  "  taisaku system set NAME [--org ORG] [--industry TEXT] [--size TEXT] [--db URL]\n"
	  "      業種・規模を変更します。\n"
	  "  taisaku system list --org ORG [--format text|json] [--db URL]\n"
	  "      組織のシステムを業種・規模・評価回の数とともに一覧します。\n"
	"\n"
	  "--db URL はデータベースです: sqlite:PATH（既定 sqlite:./taisaku.db）か postgresql://...。\n"
	  "指定がなければ環境変数 TAISAKU_DB を使います。終了コード: 0 成功、1 エラー（何も変更しません）。\n",
	  "usage:\n"
	  "  taisaku system add NAME --org ORG [--industry TEXT] [--size TEXT] [--db URL]\n"
	  "      add a system (security segment) to an organisation; industry and size are for peer comparison.\n"
	  "  taisaku system set NAME [--org ORG] [--industry TEXT] [--size TEXT] [--db URL]\n"
	  "      change the industry or size.\n"
	  "  taisaku system list --org ORG [--format text|json] [--db URL]\n"
	  "      list an organisation's systems with industry, size and number of rounds.\n"
	"\n"
	  "--db URL names the database: sqlite:PATH (default sqlite:./taisaku.db) or postgresql://....\n"
	  "Without it, the environment variable TAISAKU_DB is used. Exit status: 0 success, 1 error (nothing changed).\n" },
	{ "round",
	  "使い方:\n"
	  "  taisaku round import FILE... [--system S] [--org O] [--db URL] [--catalog-dir DIR]\n"
	  "      評価シートを評価し、評価回として取り込みます（原本のバイト列・カタログの版と本文・\n"
	  "      対策要求ごとの評価結果）。--system がなければ評価シートの system.name を使います。\n"
	  "      --org は同じ名前のシステムが複数の組織にあるときに必要です。\n"
	  "  taisaku round import --batch DIR [--org O] [--db URL]\n"
	  "      DIR の *.yaml, *.yml, *.json をすべて取り込みます。複数のファイルは一つのトランザクションで、\n"
	  "      一つでも誤りがあれば何も取り込みません。\n"
	  "  taisaku round export ROUND -o FILE [--db URL]\n"
	  "      取り込んだ評価シートを、取り込んだときと同じバイト列で書き出します。\n"
	  "  taisaku round list --system S [--org O] [--format text|json] [--db URL]\n"
	  "      システムの評価回を日付順に一覧します（番号・日付・レベル（目標）・改善が必要な数・確定）。\n"
	  "  taisaku round close ROUND [--db URL]\n"
	  "      評価回を確定します。確定した評価回は変更も削除もできません。\n"
	  "  taisaku round delete ROUND [--db URL]\n"
	  "      未確定の評価回を削除します。\n"
	"\n"
	  "--db URL はデータベースです: sqlite:PATH（既定 sqlite:./taisaku.db）か postgresql://...。\n"
	  "指定がなければ環境変数 TAISAKU_DB を使います。終了コード: 0 成功、1 エラー（何も変更しません）。\n",
	  "usage:\n"
	  "  taisaku round import FILE... [--system S] [--org O] [--db URL] [--catalog-dir DIR]\n"
	  "      evaluate assessments and store each as a round (the original bytes, the catalog's version\n"
	  "      and text, every requirement's result). Without --system the file's system.name is used;\n"
	  "      --org is needed when systems of that name exist in several organisations.\n"
	  "  taisaku round import --batch DIR [--org O] [--db URL]\n"
	  "      import every *.yaml, *.yml and *.json in DIR. Several files are one transaction:\n"
	  "      if any of them is wrong, none is imported.\n"
	  "  taisaku round export ROUND -o FILE [--db URL]\n"
	  "      write the imported assessment back, byte for byte as it was imported.\n"
	  "  taisaku round list --system S [--org O] [--format text|json] [--db URL]\n"
	  "      list a system's rounds by date (number, date, level (target), under-measures, closed).\n"
	  "  taisaku round close ROUND [--db URL]\n"
	  "      close a round; a closed round can be neither changed nor deleted.\n"
	  "  taisaku round delete ROUND [--db URL]\n"
	  "      delete a round that is not closed.\n"
	"\n"
	  "--db URL names the database: sqlite:PATH (default sqlite:./taisaku.db) or postgresql://....\n"
	  "Without it, the environment variable TAISAKU_DB is used. Exit status: 0 success, 1 error (nothing changed).\n" },
	{ "history",
	  "使い方: taisaku history SYSTEM [--org O] [--format text|json] [-o OUT] [--db URL]\n"
	  "  システムの評価回ごとに、日付・システムの達成レベルと目標・改善が必要な数・\n"
	  "  対策ドメインごとの達成レベルを示します（text は評価回ごとの列、タブ区切り）。\n"
	"\n"
	  "--db URL はデータベースです: sqlite:PATH（既定 sqlite:./taisaku.db）か postgresql://...。\n"
	  "指定がなければ環境変数 TAISAKU_DB を使います。終了コード: 0 成功、1 エラー（何も変更しません）。\n",
	  "usage: taisaku history SYSTEM [--org O] [--format text|json] [-o OUT] [--db URL]\n"
	  "  for each round of a system: the date, the system's achieved level and target, the\n"
	  "  under-measures and every domain's level (text: one tab-separated column per round).\n"
	"\n"
	  "--db URL names the database: sqlite:PATH (default sqlite:./taisaku.db) or postgresql://....\n"
	  "Without it, the environment variable TAISAKU_DB is used. Exit status: 0 success, 1 error (nothing changed).\n" },
	{ "portfolio",
	  "使い方: taisaku portfolio ORG [--format text|json|html] [-o OUT] [--db URL]\n"
	  "  組織のすべてのシステムについて、最新の評価回（日付順で最後）の達成レベル・目標・\n"
	  "  改善が必要な数・要調査の数を示します。html は棒グラフ付きの自己完結した 1 ページです。\n"
	"\n"
	  "--db URL はデータベースです: sqlite:PATH（既定 sqlite:./taisaku.db）か postgresql://...。\n"
	  "指定がなければ環境変数 TAISAKU_DB を使います。終了コード: 0 成功、1 エラー（何も変更しません）。\n",
	  "usage: taisaku portfolio ORG [--format text|json|html] [-o OUT] [--db URL]\n"
	  "  every system of an organisation with its latest round (the last by date): achieved level,\n"
	  "  target, under-measures and unknowns. html is one self-contained page with a bar chart.\n"
	"\n"
	  "--db URL names the database: sqlite:PATH (default sqlite:./taisaku.db) or postgresql://....\n"
	  "Without it, the environment variable TAISAKU_DB is used. Exit status: 0 success, 1 error (nothing changed).\n" },
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
