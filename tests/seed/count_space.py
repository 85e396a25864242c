"""Items of seed 003 (space operator sample rules) counted from the seed
alone, for the sections counted so far: chapters 1, 2, 5, 8 and 9, and the
contractor checklist 9-1 (the catalog's view CL).

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

Not counted yet: chapters 3, 4, 6, 7, 10 and 11 (the catalog's C3, C4, C6, C7, C10, C11);
they are reported as not counted (ONLY below), not as passed."""
import re

SEED = "003_3404daed23a594b7.txt"
ONLY = True   # compare only the sections counted here

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
    return counts
