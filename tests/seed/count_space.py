"""Items of seed 003 (space operator sample rules) counted from the seed
alone, for every section: chapters 1 to 11 and the contractor checklist 9-1
(the catalog's view CL).

Chapters 1, 2, 5, 8 and 9 were counted by hand: RULES lists, per chapter, the
seed line where each rule starts and the words it starts with (checked
below against the seed, so that a list that drifts from the seed fails).
What counts as one rule, as read: each sentence of a rule paragraph that
lays an obligation on someone ("経営者等は…構築する。", "…委員会を設置する。"),
each ⚫ bullet (however many sentences it has), each "対象者：" block of
the training plan, and each ※ footnote that lays an obligation (chapter 8's
※1, ※2 and ※). Not rules: the ➢ and ①② lists under a rule (its points),
role tables, definitions ("※当社が営業秘密として管理する情報とは…をいう"),
editorial notes (※編集時注意), references and URLs. Where a rule's second
sentence only completes the first it is the same rule (2 §5 "計画には…含む
こととする。", 8 §5 "各工程の完了時に…承認を得る。", which 8 §1 prints as one
sentence). A ⚫ list is a list of rules when each bullet is a clause that
must be met or written (9 §1's evaluation criteria, 9 §3's contract
clauses), and the points of one rule when it names what one report comes
with (9 §5, lines 2136-2144: what the subcontracting report includes).
A table is a list of rules when each row lays down a regime of its own
(5 §1's three rows, レベル 1-3 領域, each with its own locks, users and
records); its cells are that rule's points.

The checklist: a table from its header row 「区分 No 確認項目」 to the start
of chapter 10; each row's number (1 … 24) starts a line, alone, or after
the row's 区分 ("社内体制 1 …"). Its 注 1 is the list's purpose and 注 2 a
rule for the contractor: 24 rows + 注 2.

Chapters 3, 4, 6, 7, 10 and 11 are counted by the same reading, in two
parts (count_by_bullets below): every ⚫ bullet that starts a line of the
chapter is counted from the seed, less the ⚫ lists that are points of a rule
(BULLET_POINTS: each range with the number of bullets it must hold, and why);
the rules that are not ⚫ bullets (the sentences of rule paragraphs, tables
and table rows) are listed by hand in TEXT_RULES, each checked at its seed
line like RULES. What the seed's form needs there:

- A sentence that only introduces the list below (「以下を実行する。」) is
  part of the rule before it when that rule has the same actor (6 §2, 6 §4.2,
  6 §5.4), a rule of its own when the actor changes (6 §4.1: システム管理者
  restricts, 従業員は…以下に注意する). A sentence that only completes the one
  before (an exception: 「…以外のソフトウェアを導入する場合は、…許可を得た
  うえで導入する」, 6 §1.1, 6 §1.4.3, 7 §2.2, 11 §1.1, 11 §1.2; the way the
  rule before is applied: 7 §2.1, 7 §2.3 and 7 §4's 「新規に…導入する場合
  は、…許可を得て導入する」, 6 §1.4.2's 持ち出し用ノートパソコン) is the same rule.
  A new actor or a new act is a new rule: 3 §1.1 (identify and record;
  evaluate confidentiality), 6 §1.2, 6 §1.5, 7 §1, 7 §6, 10 §7,
  and 6 §4.5's 「受信した場合は、システム管理者に報告し、システム管理者は社内に
  注意を促す。」 (reporting, and the administrator's warning, after the rule
  not to open such mail). References (「…を参照のこと」, 「…に記載する」),
  ＜labels＞ and editorial notes (※編集時注意) are not rules.
- Tables. A table that is the content of one rule is one rule, its rows the
  points: the standard settings 4 §9.1, §9.2 (two tables each: systems, and
  space systems, printed apart), §9.4, 6 §6.1-6.3, 7 §7.1's four tables, the
  response structure 10 §1, contact list 10 §3, incident categories 10 §4,
  the recovery table 10 §6, 11 §2.3's apps, the criteria of 3 §1.1 (機密性 3's
  six ⚫ criteria included: any one of them makes an asset 極秘), and 6 §4.5's
  targeted-mail indicators. A table whose rows each lay down their own regime
  is a list of rules (as 5 §1): the media of 3 §3.1 and §3.2 (medium →
  treatment), 4 §9.3's two columns (特権アカウント, 一般アカウント; its ⚫ cells
  are their points), the incident levels of 10 §2 (3, 2, 1, 0; level 3's ⚫
  cells are points) and of the two response tables of 10 §4 (leak: 3, 2 and
  1, whose only cell is 「※情報漏えい・流出は全て事故レベル 2 以上」;
  alteration/loss/outage: 3, 2, 1, 0), and 11's systems (§1.1, 7 rows),
  devices (§1.2, 8 rows), architectures (§1.3, 4 rows) and network devices
  (§3, 4 rows: 有線 LAN ハブ and 無線 LAN ルーター at home, モバイル Wi-Fi
  ルーター and 公衆 Wi-Fi outside). Rows printed only with placeholders
  (●●●● …) are rows the sample prints, and count.
- 10 §5: the bodies to report to. The IPA block is one rule (one body; its
  ➢ entries are its desks, one printed twice); the other bodies' cases each
  carry their own 「…報告すること」 sentence and each is a rule; 「事業内容に
  応じて、以下の報告・相談先から選択する。」 is a rule of its own. The cases
  numbered ①②③ under a body are the points of its rule, as are the ①-⑦
  steps of 10 §4's first response to a virus and the ※ among them (l.2495).
- 「アプリをインストールする際は、公式のマーケットを利用する。」 is printed
  twice, as a ⚫ of 11 §2.2 (l.3116) and as the rule of 11 §2.3's
  ＜公式マーケット＞ with its two ➢ markets (l.3148): both count, as printed.
- ⚫ lists that are points: 3 §1.1's 極秘 criteria, 4 §9.3's cells, 10 §2's
  level-3 cells, 10 §4's cases the employee cannot handle (2510-2514, the
  points of 「以下の場合など…問い合わせる」) and 10 §6's assumed incidents with
  their reasons (2725-2737). A ⚫ inside a line (a table cell printed after
  the row's first cell: 4 §9.3 l.764, 10 §2 l.2291) is never a rule; the
  chapters' other ⚫ bullets are all rules, nested ones too (6 §5.3, 11 §4.4).
- Chapter 11's heading is printed after its §1.1 (l.2895, a layout
  artefact): the chapter starts at 「1.テレワーク共通ルール」 (l.2801), right
  after 10 §7, and ends at the annex's table (l.3407)."""
import re

SEED = "003_3404daed23a594b7.txt"
ONLY = False  # every section is counted here

RULES = {
    "C1": [(40, "経営者等は自社の情報セキュリティに係る"), (42, "情報セキュリティ対策を推進するための組織として"),
           (44, "情報セキュリティ委員会は以下の構成とし"), (122, "監査・点検/点検責任者は、情報セキュリティ関連規程の"),
           (124, "情報セキュリティ委員会は、報告に基づき"), (128, "⚫情報セキュリティ関連規程が有効に実施されていない"),
           (130, "⚫情報セキュリティ関連規程に定められたルールが、対策として"),
           (134, "⚫情報セキュリティ関連規程に定められたルールが、関連法令"),
           (142, "情報セキュリティ責任者は、新たな脅威")],
    "C2": [(185, "従業員を雇用する際には"), (191, "従業員は、以下を遵守する。"), (193, "⚫従業員は、当社が営業秘密"),
           (197, "⚫従業員は、当社の情報セキュリティ方針"), (209, "⚫従業員は、在職中に交付された"),
           (213, "⚫従業員は、在職中に知り得た"), (221, "教育責任者は、以下の点を考慮し"), (252, "対象者：経営者等"),
           (260, "対象者：全従業員"), (276, "教育責任者は、以下に挙げる推奨資格")],
    "C5": [(877, "当社内で扱う情報資産の重要度に応じて"), (879, "なお、『人工衛星等の打上げ"),
           (889, "レベル1領域"), (916, "レベル2領域"), (949, "レベル3領域"),
           (985, "情報機器に関連する設備は以下を設置する"), (987, "⚫サーバーは施錠付き専用ラック"),
           (989, "⚫LANケーブルは回線盗聴防止"), (993, "衛星運用業務を行う施設・システムは以下"),
           (995, "⚫特定設備に対する専用室"), (999, "⚫ハードウェアや記憶媒体は"), (1001, "⚫固定が困難な場合は"),
           (1003, "⚫LANケーブルは回線盗聴防止"), (1005, "なお、衛星運用システムが他のシステムの"),
           (1010, "セキュリティ領域では区分にかかわらず"), (1012, "⚫複合機、プリンタに原稿"),
           (1014, "⚫複合機、プリンタの運用を終了"), (1016, "⚫FAX送信時には"), (1018, "⚫ホワイトボードは利用後に消去"),
           (1020, "⚫室内での撮影、録音は禁止"), (1024, "⚫応接室、会議室内"), (1026, "⚫外線受話時の際に"),
           (1028, "⚫部外者を見かけた場合"), (1034, "郵便物及び宅配便の受取り"), (1038, "⚫郵便物：本社施錠ポスト"),
           (1040, "⚫宅配便：本社1階受付")],
    "C8": [(1899, "情報システムの開発・改修を行う際には"), (1903, "『人工衛星等の打上げ及び人工衛星の管理に関する法律』"),
           (1929, "※1Microsoft365"), (1933, "※2新規システム開発を外部に委託する際は"),
           (1943, "情報システムのソフトウェア開発を行う際には"), (1945, "脆弱性に対する対策の有効性は"),
           (1957, "情報システムの開発及び改修を行う環境は"), (1957, "新たに情報システムの開発を行った場合"),
           (1968, "情報システムの保守を、定期的に"), (1970, "開発元又は外部の組織に委託することができない場合"),
           (1974, "⚫開発時に用いたソフトウェアに関する脆弱性"), (1978, "⚫開発時に用いたソフトウェア及びハードウェア"),
           (1988, "情報システムのハードウェア又はソフトウェアの変更を行う際には"),
           (2004, "※情報システムのハードウェア又はソフトウェアの変更を外部に委託する際")],
    "C9": [(2015, "情報セキュリティ部門責任者は「情報資産管理台帳」"), (2021, "宇宙システムのサプライチェーン対策として"),
           (2025, "『人工衛星等の打上げ及び人工衛星の管理に関する法律』"),
           (2037, "⚫一貫した品質管理体制"), (2039, "⚫情報セキュリティマネジメントシステム（ISMS）"),
           (2041, "⚫個人情報保護マネジメントシステム（PMS）"), (2043, "⚫SECURITYACTION"),
           (2045, "⚫人的・物理セキュリティ対策"), (2047, "⚫情報セキュリティ監査を定期的に"),
           (2049, "⚫情報セキュリティに関する方針を公開"), (2051, "⚫「委託先情報セキュリティ対策状況確認リスト」で"),
           (2061, "評価結果に基づき委託先を選定し"), (2067, "委託契約書には、下記に関する事項を明記する。"),
           (2069, "⚫委託業務に従事する従業員"), (2071, "⚫当社の社外秘又は極秘の情報資産及び個人情報の守"),
           (2073, "⚫再委託についての事項"), (2075, "⚫事故時の責任分担"), (2076, "⚫委託業務終了時の"),
           (2080, "⚫契約期間中における情報セキュリティ対策の実施状"), (2084, "⚫契約内容が遵守されない場合の措置"),
           (2086, "⚫委託先における試作品等を廃棄"), (2088, "⚫委託先より納品される製品"), (2090, "⚫事故発生時の報告方法"),
           (2092, "⚫委託先が調達した機器もしくは開発した構成品"),
           (2102, "委託開始後には、「委託先情報セキュリティ対策状況"), (2106, "対策の実施に関して不備又は変更が認められた場合は"),
           (2126, "当社が委託する業務を、委託先が他の組織又は個人に"), (2130, "報告には必要に応じて以下の提供を含め")],
}

# Chapters counted by bullets: (first line, its words; end line, exclusive, its words).
SPANS = {
    "C3": (291, "3情報資産管理改訂日", 533, "4アクセス制御及び認証改訂日"),
    "C4": (533, "4アクセス制御及び認証改訂日", 869, "5物理的対策改訂日"),
    "C6": (1041, "6ＩＴ機器利用改訂日", 1615, "7ＩＴ基盤運用管理改訂日"),
    "C7": (1615, "7ＩＴ基盤運用管理改訂日", 1891, "8システム開発及び保守改訂日"),
    "C10": (2242, "10", 2801, "1.テレワーク共通ルール"),
    "C11": (2801, "1.テレワーク共通ルール", 3407, "No.題目NISTCSF2.0"),
}

# ⚫ lines that are points of a rule: (first, last, how many ⚫ lines, why).
BULLET_POINTS = {
    "C3": [(311, 323, 6, "3 §1.1: the criteria of 機密性 3：極秘")],
    "C4": [(762, 856, 20, "4 §9.3: the cells of the two columns 特権アカウント and 一般アカウント")],
    "C10": [(2283, 2287, 3, "10 §2: the cells of incident level 3"),
            (2510, 2514, 3, "10 §4: the cases of 「以下の場合など従業員自身で対応できない…」"),
            (2725, 2737, 4, "10 §6: the assumed incidents and their reasons")],
}
# ⚫ printed inside a line: table cells, points (checked: no other).
INLINE_BULLETS = {"C4": [764], "C10": [2291]}

# The rules that are not ⚫ bullets: (seed line, first words).
TEXT_RULES = {
    "C3": [(301, "当社事業に必要で価値がある情報"), (303, "情報資産の機密性は、以下の基準に従って評価し"),
           (329, "『人工衛星等の打上げ及び人工衛星の管理に関する法律』"), (339, "情報資産の完全性は、以下の基準"),
           (351, "情報資産の可用性は、以下の基準"), (364, "情報資産の機密性は以下の方法で表示する"),
           (370, "表示が困難な場合は"), (376, "情報資産の取り扱いに関する情報セキュリティの運用管理責任者"),
           (384, "情報資産の利用者の範囲は"), (392, "関係法令に基づき、特定の記録"),
           (400, "情報資産を社外に持ち出す場合には"), (430, "社外秘又は極秘の情報資産を廃棄する場合は"),
           (432, "書類・フィルム細断/溶解/焼却"), (434, "USBメモリ・HDD・CD・DVD破壊/細断/完全消去"),
           (441, "社外秘又は極秘の情報資産を保存した媒体を再利用する場合は"), (443, "書類裏紙再利用禁止"),
           (445, "USBメモリ・HDD・CD-RWディスク・DVD-RWディスク"), (453, "CD-R・DVD-R再利用不可"),
           (461, "システム管理者は、以下の機器で処理するデータのバックアップ"),
           (503, "バックアップに利用した機器及び媒体の取り扱いは"), (519, "クラウドサービスを利用し、外部のサーバーに")],
    "C4": [(541, "機密性3及び機密性2に該当する情報資産を扱う情報システム又はサービス"),
           (565, "『人工衛星等の打上げ及び人工衛星の管理に関する法律』"),
           (577, "機密性3及び機密性2に該当する情報資産を扱う社内情報システム"),
           (595, "利用者の認証に用いるアカウントは、代表取締役"),
           (602, "機密性3及び機密性2に該当する情報資産を扱うシステムの利用者"), (606, "また、退職、異動"),
           (616, "利用者の認証に用いるパスワードは"), (628, "当社の従業員以外の者にアカウントを発行する場合は"),
           (636, "社外秘又は極秘の情報資産を扱う情報システムに、ネットワーク接続"),
           (644, "社外秘又は極秘の情報資産を扱う情報システムの端末"),
           (654, "アクセス制御対象システム・サービスアクセス制御方法"), (667, "アクセス制御対象宇宙システム"),
           (699, "情報システム利用者認証方法"), (709, "利用者認証の対象宇宙システム・サービス"),
           (762, "特権アカウント"), (762, "一般アカウント"), (864, "情報システム端末認証方法")],
    "C6": [(1051, "業務に利用するパソコンには、当社の標準ソフトウェアを導入する"),
           (1055, "また、『人工衛星等の打上げ及び人工衛星の管理に関する法律』"),
           (1069, "システム管理者は、利用者の業務に不要な機能"), (1069, "従業員は、業務に不要なシステムユーティリティ"),
           (1083, "必要に応じて、インストール・実行してはならないソフトウェアのリスト"),
           (1095, "従業員は、業務で使用するソフトウェアを最新の状態で利用する"),
           (1105, "従業員は、以下の方法でウイルス検知を行う"), (1114, "EDRの運用や管理にあたっては"),
           (1124, "従業員は、パソコン・スマートフォン・タブレットに導入したウイルス対策ソフトウェア"),
           (1136, "当社が管理するパソコン及びサーバー以外の機器を社内LANに接続することを禁止する"),
           (1148, "システム管理者は、適宜ウイルスに関する情報を収集し"), (1150, "従業員は、感染防止策が通知された場合は"),
           (1158, "従業員は、業務に利用するパソコン・タブレット・スマートフォンには"),
           (1176, "従業員は、社外秘又は極秘の書類及び電子データを保存した"),
           (1189, "従業員は、離席時に以下のいずれかにより"),
           (1211, "システム管理者は、ウイルス等の悪意のあるソフトウェア"), (1213, "従業員は、業務でウェブ閲覧を行う場合は"),
           (1237, "従業員は、インターネットで提供されているサービスを業務で利用する場合は"),
           (1284, "従業員は、業務で電子メールを利用する際には"),
           (1329, "標的型攻撃メール等によるウイルス感染を防止するため"),
           (1331, "受信した場合は、システム管理者に報告し、システム管理者は社内に注意を促す。"),
           (1432, "従業員個人が所有するパソコン"), (1444, "利用を開始する前に利用する本人が以下を実行する"),
           (1460, "利用期間中は、利用するＩＴ機器や電子媒体に"), (1507, "利用期間中にＩＴ機器や電子媒体を社内に持ち込む場合は"),
           (1521, "利用を終了する際には"), (1531, "種別名称開発・販売元バージョン"),
           (1564, "種別名称開発・販売元アップデート方法"), (1598, "種別名称開発・販売元アップデート方法")],
    "C7": [(1623, "システム管理者は、ＩＴ基盤の運用に当たり"), (1625, "ＩＴ基盤の情報セキュリティ対策及び関連仕様は"),
           (1633, "ＩＴ基盤で利用するサーバー機器に求める情報セキュリティ要件は"),
           (1641, "『人工衛星等の打上げ及び人工衛星の管理に関する法律』"),
           (1653, "ＩＴ基盤で利用するサーバー機器に導入するソフトウェアは"),
           (1663, "ＩＴ基盤で利用するネットワーク機器に求める情報セキュリティ要件は"),
           (1671, "また、IT基盤で利用するネットワーク機器の内、特定の用途"),
           (1681, "システム管理者は、ＩＴ基盤の運用を行う際には以下を実施すること"),
           (1718, "ＩＴ基盤の一部としてクラウドサービス等の外部サービスを導入する場合は"),
           (1724, "システム管理者がサービスプロバイダの情報セキュリティ対策をあらかじめ評価"),
           (1736, "システム管理者は、最新の脅威や攻撃に関する情報収集"),
           (1742, "システム管理者は、ＩＴ基盤で利用した機器を返却"),
           (1746, "内部記憶媒体の破壊又はデータの完全消去を、外部に委託する場合は"),
           (1756, "ＩＴ基盤で利用する機器及びソフトウェアの情報セキュリティ要件と"),
           (1761, "＜機器の情報セキュリティ要件＞"), (1803, "＜標準ソフトウェア＞"),
           (1819, "＜ネットワーク機器の情報セキュリティ要件＞"), (1848, "＜標準ネットワーク機器＞"),
           (1864, "ＩＴ基盤で利用するクラウドサービスの情報セキュリティ要件を以下とする")],
    "C10": [(2253, "情報セキュリティインシデントが発生した場合には、以下の体制で対応する"),
            (2265, "情報セキュリティインシデントが発生した場合、以下を参考に影響範囲を判断して対応する"),
            (2267, "なお、以下に示すインシデントの影響範囲に加え"),
            (2281, "3⚫顧客、取引先、株主等に影響が及ぶとき"), (2291, "2⚫事業の継続及び推進に影響が及ぶとき"),
            (2293, "1従業員の業務遂行に影響が及ぶとき"), (2295, "0インシデントにまでは至らないが"),
            (2309, "事故レベル1以上のインシデントが発生した場合、発見者は"),
            (2330, "インシデントを以下のとおりに区分し"),
            (2352, "3①発見者は即座にインシデント対応責任者及び代表取締役社長に報"),
            (2390, "2①発見者は発見次第、システム管理者に報告する。②システム管理者は漏えい先を調査し"),
            (2400, "1※情報漏えい・流出は全て事故レベル2以上"),
            (2409, "3①発見者は即座にインシデント対応責任者及び代表取締役社長に報"),
            (2435, "2①発見者は発見次第、システム管理者に報告する。②システム管理者は原因を特定し、応急処置を実行する。"),
            (2455, "1①発見者は発見次第、システム管理者に報告する。②システム管理者は原因を特定し、応急処置を実行するとともに"),
            (2475, "0発見者は発見次第、発生可能性のあるインシデント"),
            (2485, "従業員は、業務に利用しているパソコン、サーバー又はスマートフォン"),
            (2508, "以下の場合など従業員自身で対応できないと判断される場合は"),
            (2520, "システム管理者は、インシデント対応後に以下の機関への届け出"),
            (2524, "【独立行政法人情報処理推進機構セキュリティセンター】"),
            (2564, "漏えい等事案が発覚した場合は、速やかに下記URを参照して"),
            (2585, "番号法違反又は違反のおそれを把握した場合は"), (2607, "重大事態が発覚した場合は、直ちに"),
            (2619, "事業内容に応じて、以下の報告・相談先から選択する。"),
            (2635, "『衛星リモートセンシング記録の適正な取扱いの確保に関する法律』に基づき、報告が必要な場合"),
            (2647, "『人工衛星等の打上げ及び人工衛星の管理に関する法律』に基づき、報告が必要な場合"),
            (2679, "『電気通信事業法』及び『電気通信事業法施行規則』に基づき"), (2691, "『放送法』及び『放送法施行規則』に基づき"),
            (2707, "各重要インフラ分野の事業法に基づき"),
            (2717, "代表取締役は、情報セキュリティインシデントの影響により当社事業が中断した場合に備え"),
            (2723, "以下のインシデントによる事業の中断を想定する"), (2748, "＜復旧責任者及び関連連絡先＞"),
            (2796, "インシデント対応責任者は、想定する情報セキュリティインシデントが発生し"),
            (2798, "復旧責任者は、被害対象に応じて復旧から事業再開までの計画を立案する")],
    "C11": [(2805, "テレワークを実施する際には、以下の情報システム・サービスを利用する"),
            (2815, "電子メールソフト●●●●"), (2827, "クラウド型グループウェア●●●●"),
            (2847, "クラウド型ビジネスチャット●●●●"), (2855, "オンライン会議システム●●●●"),
            (2875, "●●●●シリーズ"), (2883, "●●●●CRMシステム"), (2889, "●●●●〇○○〇業務"),
            (2902, "テレワークで業務を行う際には、以下の情報機器を利用する"),
            (2908, "パソコン・全社貸与テレワーク用PCを利用"), (2920, "スマホ・タブレット●●部員は会社貸与"),
            (2928, "通信機器（ルーター）●●部員は会社貸与"), (2938, "USBメモリ・外付けHDD全社貸与品を利用"),
            (2940, "オンライン会議用ヘッドセット"), (2946, "オンライン会議用Webカメラ"), (2958, "プリンタ●●部員は会社貸与"),
            (2970, "●●●●●●●●●●●●"),
            (2974, "テレワークで利用するシステム構成に応じて、以下のセキュリティ対策を実施する"),
            (2978, "VPN方式"), (2992, "リモートデスクトップ方式"), (3007, "スタンドアロン（持ち帰り）方式"),
            (3035, "クラウドサービス方式"),
            (3059, "社有機器を利用する場合は以下を遵守する"), (3094, "私有機器を利用する場合は以下を遵守する"),
            (3134, "社内標準アプリは、以下を利用する"), (3148, "アプリをインストールする際は、公式のマーケットを利用する"),
            (3158, "テレワークで使用する通信機器（ルーター）には、以下の対策を講じる"),
            (3162, "自宅有線LANハブ"), (3188, "無線LANルーター・同じルーターに"), (3240, "モバイルWi-Fiルーター"),
            (3260, "公衆Wi-Fiサービス・メールは社内PCに"),
            (3285, "テレワーク端末で電子メール、ウェブサイトを利用する場合は"),
            (3303, "テレワーク端末で個人的にクラウドサービス、SNSを利用する場合は"), (3315, "在宅勤務では以下に注意する"),
            (3327, "取引先・レンタルオフィス・カフェ・ホテル・ファーストフード・コンビニ・空港・駅・鉄道・バスなど外出先"),
            (3356, "業務データの取り扱いに関して以下を遵守する"),
            (3372, "書類・印刷物・CD/DVD等の物理媒体の取り扱いに関して以下を遵守する"),
            (3386, "テレワークのことで分からないことがあったら"), (3394, "ウイルス感染の疑いや、情報機器や書類の紛失")],
}

BULLET = "⚫"


def count_by_bullets(lines, sec):
    """⚫ bullets starting a line of the chapter, less those that are points,
    plus the rules that are not bullets."""
    first, fw, end, ew = SPANS[sec]
    assert flat(lines[first - 1]).startswith(flat(fw)), "%s starts at l.%d: %r" % (sec, first, lines[first - 1])
    assert flat(lines[end - 1]).startswith(flat(ew)), "%s ends before l.%d: %r" % (sec, end, lines[end - 1])
    starts = [n for n in range(first, end) if lines[n - 1].strip().startswith(BULLET)]
    inline = [n for n in range(first, end) if BULLET in lines[n - 1] and n not in starts]
    assert inline == INLINE_BULLETS.get(sec, []), "%s: ⚫ inside lines %r" % (sec, inline)
    assert all(lines[n - 1].count(BULLET) == 1 for n in starts), "%s: two ⚫ on a line" % sec
    points = set()
    for a, b, n, why in BULLET_POINTS.get(sec, []):
        here = [k for k in starts if a <= k <= b]
        assert len(here) == n, "%s l.%d-%d (%s): %d ⚫ lines, not %d" % (sec, a, b, why, len(here), n)
        points.update(here)
    rules = TEXT_RULES[sec]
    missing = [(n, w) for n, w in rules if not rules_found(lines, n, w)]
    assert not missing, "%s: not found at the line given: %r" % (sec, missing)
    bullets = [(n, w) for n, w in rules if n in starts]
    assert not bullets, "%s: listed, but ⚫ bullets (counted already): %r" % (sec, bullets)
    assert len(set(rules)) == len(rules), "%s: a rule listed twice" % sec
    return len(starts) - len(points) + len(rules)


HEADER = re.compile(r"区分\s+No\s+確認項目")
CHAPTER10 = re.compile(r"^\s*10\s*$")
ROW = re.compile(r"^\s*(?:[^\d\s]+\s+)?(\d{1,2})(?:\s|$)")  # rows 1, 8, 11 follow their 区分 ("社内体制 1 …")
NOTE2 = re.compile(r"^\s*注\s*2[：:]")


def flat(s):
    return re.sub(r"[\s　]+", "", s)


def rules_found(lines, line, words):
    """The rule's first words start on the given line (they may run on to
    the next printed lines, the seed being wrapped at a fixed width)."""
    here = flat(lines[line - 1])
    text = here + "".join(flat(lines[k - 1]) for k in range(line + 1, min(line + 5, len(lines)) + 1))
    k = text.find(flat(words))
    return 0 <= k < len(here)


def checklist(lines):
    rows, in_list, note2 = set(), False, 0
    for line in lines:
        if HEADER.search(line):
            in_list = True
            continue
        if in_list and CHAPTER10.match(line):
            break
        if not in_list:
            continue
        m = ROW.match(line)
        if m and 1 <= int(m.group(1)) <= 40:
            rows.add(int(m.group(1)))
        if NOTE2.match(line):
            note2 += 1
    # The rows are numbered 1..N without gaps; a stray number in a cell
    # (none today) would show as a gap.
    n = max(rows) if rows else 0
    assert rows == set(range(1, n + 1)), sorted(rows)
    return n + note2


def count(lines):
    counts = {"CL": checklist(lines)}
    for chapter, rules in RULES.items():
        missing = [(n, w) for n, w in rules if not rules_found(lines, n, w)]
        assert not missing, "%s: not found at the line given: %r" % (chapter, missing)
        counts[chapter] = len(rules)
    for sec in SPANS:
        counts[sec] = count_by_bullets(lines, sec)
    return counts
