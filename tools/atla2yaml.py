#!/usr/bin/env python3
"""Convert the MOD system security implementation requirements (explanatory
material) seed into catalogs/atla-ssr.yaml.

Developer tool: the committed YAML is what taisaku reads.  This script
documents, and makes reproducible, how the YAML was obtained from the seed
(``seeds/000_eb8ca8ef60ce7ee9.txt``, a text extraction of the slide deck
explaining 「装備品等及び役務の調達における情報セキュリティの確保に関する
システムセキュリティ実施要領」, 防装庁（事）第１３７号, 令和４年３月３１日).

Usage:
    python3 tools/atla2yaml.py [--seed PATH] [--out PATH] [--dump]

How the seed is read
--------------------
Every slide prints the normative text of the 要領 among diagram labels.  The
normative text is taken from the seed line ranges in BLOCKS (one list per
section 第２ … 第１２); everything else on the slides is diagram text.  Inside
the blocks the printed numbering gives the structure:

    １ ２ …        clause (項)       -> domain  S<sec>-<clause>
    (1) (2) …      item (号)
    ア イ ウ …     sub-item          -> a b c …
    (ｱ) (ｲ) …      sub-sub-item      -> i ii iii iv

A numbered line whose text has neither 、 nor 。 (outside brackets) and is
short is a heading; the lines after it are its text.  Every numbered node
with text of its own is a requirement (ID S<sec>.<clause>[.<item>[.<sub>[.<subsub>]]]);
a heading without text but with sub-items is only a grouping (recorded as a
domain note); a short numbered phrase without sub-items (the SSIP's document
list ア–コ, the monitored events (1)–(4) of 第８第１項, …) is a requirement
whose text is that phrase.  Physical lines are joined and layout noise (line
breaks, stray spaces between full-width characters) removed; nothing else is
changed.

Decisions that are data, not parsing, are the tables below: the titles of
items the source prints no heading for (a verbatim phrase of the item's
text), the English titles, the roles (verbatim from the text, or from the
enclosing item with a note), modality, organisation-defined parameters,
the documents an item requires, the slide commentary kept as points, and
the notes.  Points keep only the slide commentary that adds something to
the item's normative text (examples, specifics, differing wording);
commentary that repeats the text and bare diagram labels are left out.

The script prints the consistency checks at the end and exits with status 1
if one fails.
"""

import re
import sys

import seedlib
from seedlib import (Checks, arg_parser, check_fragments, check_no_pua, check_reload, check_unique,
                     checked_documents, checked_note, clean, join_wrapped, note, parameter_entries, print_roles, squash,
                     walk, write_catalog)

SEED_NAME = "seeds/000_eb8ca8ef60ce7ee9.txt"
SEED_SHA256 = "716d45a664ba027edb28dc90f3a0622137e2a66c16c97e1200452d8a88fa7c31"

# --------------------------------------------------------------------------
# Text helpers (shared ones in tools/seedlib.py)
# --------------------------------------------------------------------------

FW = str.maketrans("０１２３４５６７８９", "0123456789")


class Seed(seedlib.Seed):
    sha256 = SEED_SHA256


# --------------------------------------------------------------------------
# The normative text: seed line ranges per section, and its numbering
# --------------------------------------------------------------------------

BLOCKS = {
    2: [(45, 45), (64, 80), (90, 106)],
    3: [(155, 158), (167, 175), (232, 246), (282, 299), (337, 346), (399, 399), (423, 442)],
    4: [(455, 465), (528, 541), (565, 576), (606, 609), (620, 627)],
    5: [(690, 699), (752, 761), (800, 812), (839, 845), (862, 873), (908, 917)],
    6: [(947, 958), (978, 990), (1008, 1023), (1060, 1066)],
    7: [(1097, 1103), (1137, 1144), (1182, 1188), (1227, 1251)],
    8: [(1271, 1280), (1338, 1347), (1390, 1407), (1437, 1449)],
    9: [(1488, 1505), (1556, 1566), (1578, 1584), (1640, 1651)],
    10: [(1690, 1698), (1762, 1770)],
    11: [(1790, 1796)],
    12: [(1825, 1839), (1865, 1879), (1918, 1931), (1995, 2001)],
}

MARKERS = [
    (1, re.compile(r"^\s*([１２３４５６７８９])\s+(\S.*)$")),
    (2, re.compile(r"^\s*\(([1-9])\)\s*(\S.*)$")),
    (3, re.compile(r"^\s*([アイウエオカキクケコ])\s+(\S.*)$")),
    (4, re.compile(r"^\s*\(([ｱｲｳｴ])\)\s*(\S.*)$")),
]
KANA = "アイウエオカキクケコ"
HKANA = "ｱｲｳｴ"
ROMAN = ["i", "ii", "iii", "iv"]


def id_part(level, num):
    if level == 1:
        return num.translate(FW)
    if level == 2:
        return num
    if level == 3:
        return "abcdefghij"[KANA.index(num)]
    return ROMAN[HKANA.index(num)]


def headingish(rest):
    bare = re.sub(r"（[^）]*）|\([^)]*\)", "", rest)
    return "、" not in bare and "。" not in bare and len(rest.strip()) < 45


class Node:
    def __init__(self, level, num, line, rest, parent):
        self.level, self.num, self.line, self.parent = level, num, line, parent
        self.heading = None
        self.heading_line = None
        self.text = []              # physical pieces of the body
        self.text_lines = []
        self.children = []
        self.id = (parent.id + "." if parent and parent.level else "") + id_part(level, num) \
            if level else None
        if headingish(rest):
            self.heading = clean(rest)
            self.heading_line = line
        else:
            self.text.append(rest)
            self.text_lines.append(line)

    def printed_label(self):
        """The number and heading as printed, e.g. "(3) パスワードによる認証の実施"."""
        if self.level in (2, 4):
            return "(%s) %s" % (self.num, self.heading)
        return "%s %s" % (self.num, self.heading)

    @property
    def body(self):
        out = ""
        for t in self.text:
            out = join_wrapped(out, t) if out else t
        return clean(out)


def parse_section(seed, sec):
    """The numbered tree of one section 第N, from its BLOCKS."""
    root = Node(0, "", 0, "、", None)
    root.text = []
    root.id = "S%d" % sec
    stack = [root]
    for a, b in BLOCKS[sec]:
        for n in range(a, b + 1):
            raw = seed.line(n)
            if not raw.strip():
                continue
            if raw.strip().translate(FW).isdigit():
                raise SystemExit("l.%d: page number inside a normative block" % n)
            for level, rx in MARKERS:
                m = rx.match(raw)
                if m:
                    while stack[-1].level >= level:
                        stack.pop()
                    parent = stack[-1]
                    if parent.level != level - 1:
                        raise SystemExit("l.%d: level %d under level %d" % (n, level, parent.level))
                    node = Node(level, m.group(1), n, m.group(2), parent)
                    if parent.level == 0:
                        node.id = "S%d.%s" % (sec, id_part(level, m.group(1)))
                    parent.children.append(node)
                    stack.append(node)
                    break
            else:
                cur = stack[-1]
                if cur.level == 0:
                    raise SystemExit("l.%d: text outside any clause" % n)
                cur.text.append(raw)
                cur.text_lines.append(n)
    return root


# --------------------------------------------------------------------------
# Data: views, domains
# --------------------------------------------------------------------------

# 第N: (title as printed in the slide headings, English title, line of the first slide heading)
VIEWS = {
    2: ("システムセキュリティ実装計画書", "System security implementation plan", 19),
    3: ("構成管理", "Configuration management", 151),
    4: ("保護システムの基本的防御", "Basic protection of the protected system", 446),
    5: ("アクセス制御", "Access control", 674),
    6: ("識別及び認証", "Identification and authentication", 928),
    7: ("通信制御", "Communications control", 1083),
    8: ("システム監視", "System monitoring", 1265),
    9: ("システムログ", "System logs", 1473),
    10: ("脆弱性スキャン等", "Vulnerability scanning etc.", 1675),
    11: ("バックアップ", "Backup", 1773),
    12: ("システムメンテナンス等", "System maintenance etc.", 1806),
}

DOMAIN_EN = {
    "S2-1": "Creating the system security implementation plan",
    "S2-2": "Periodic review of the plan",
    "S2-3": "Storing the plan",
    "S2-4": "Making the plan known",
    "S2-5": "Submitting the plan to the Ministry of Defense",
    "S3-1": "Applying security engineering principles",
    "S3-2": "Baseline configuration etc.",
    "S3-3": "Changes to the baseline configuration etc.",
    "S3-4": "Configuration records and their storage",
    "S4-1": "Defining the area of the protected system",
    "S4-2": "Operating procedures manual of the protected system",
    "S4-3": "Encryption of data to be protected",
    "S4-4": "Other basic protections",
    "S5-1": "Access control policy",
    "S5-2": "Controls based on the access control policy",
    "S6-1": "Identification and authentication",
    "S6-2": "Other considerations for identification and authentication",
    "S7-1": "Control of communications",
    "S7-2": "Protection of data in transit and of communication sessions",
    "S7-3": "Restricting communication functions",
    "S8-1": "Carrying out system monitoring",
    "S8-2": "How system monitoring is carried out",
    "S8-3": "Response when unauthorized access etc. is detected",
    "S8-4": "Use and storage of information obtained by monitoring",
    "S9-1": "Collecting and analysing system logs",
    "S9-2": "Managing system logs",
    "S9-3": "Timestamps of system logs",
    "S9-4": "Protecting the log collection tools",
    "S10-1": "Vulnerability scanning",
    "S10-2": "Using the analysis results",
    "S11-1": "Clause 1: periodic backup",
    "S11-2": "Clause 2: keeping backups",
    "S11-3": "Clause 3: backup frequency",
    "S11-4": "Clause 4: protecting backups",
    "S11-5": "Clause 5: backup procedures",
    "S12-1": "Planning system maintenance",
    "S12-2": "Carrying out system maintenance",
    "S12-3": "Recording system maintenance",
}

# other spellings of a clause title printed on the slides: domain -> [(text, line)]
DOMAIN_VARIANTS = {
    "S2-5": [("システムセキュリティ実装計画書の防衛省の確認", 122)],
}

# --------------------------------------------------------------------------
# Data: requirements
# --------------------------------------------------------------------------

REQ = {}


def R(rid, en, title=None, role=None, role_from=None, params=(), docs=(), mod="shall"):
    assert rid not in REQ, rid
    REQ[rid] = dict(en=en, title=title, role=role, role_from=role_from,
                    params=list(params), docs=list(docs), mod=mod)


SSIP = "システムセキュリティ実装計画書"
PSA = "保護システム管理者"
PSS = "保護システム担当者"
AM = "アカウント管理者"
CO = "防衛関連企業"
USER = "保護システム利用者"
SUP = "監督者"

SSIP_DOCS = ["ベースライン構成設定", "ブラックリスト又はホワイトリスト", "構成設定目録", "操作手順書",
             "アクセス制御方針", "モバイルコード及びVoIP技術の利用に係る要件",
             "各種のオフィス機器の利用に係る要件", "保護システムのセキュリティを確保するための組織体制図",
             "保護システムのネットワーク構成図", "保護すべきデータのデータフロー図"]

# 第２
R("S2.1.1", "Create the system security implementation plan as evidence of conformance",
  "システムセキュリティ実装計画書を作成する", CO, docs=[SSIP])
R("S2.1.2", "Contents of the plan; prepared by the administrator, approved by management",
  "次に掲げる文書等を記載又は添付する", PSA, docs=[SSIP] + SSIP_DOCS)
for _i, (_en, _t) in enumerate([
        ("Baseline configuration (第３第２項第１号)", None),
        ("Blacklist or whitelist (第３第２項第５号)", None),
        ("Configuration inventory (第３第４項第１号)", None),
        ("Operating procedures manual (第４第２項第１号)", None),
        ("Access control policy (第５第１項第１号)", None),
        ("Usage requirements for mobile code and VoIP (第７第３項第１号・第２号)", None),
        ("Usage requirements for office equipment (第７第３項第３号)", None),
        ("Organisation chart for the security of the protected system", None),
        ("Network configuration diagram of the protected system", None),
        ("Data-flow diagram of the data to be protected", None)]):
    R("S2.1.2." + "abcdefghij"[_i], _en, SSIP_DOCS[_i], PSA,
      "S2.1.2, the lead-in of this list (同計画は保護システム管理者が作成し)", docs=[SSIP_DOCS[_i]])
R("S2.2", "Review the plan periodically; changes approved as in 第１項第２号", None, PSA,
  params=[("システムセキュリティ実装計画書の内容を定期的に確認", None)], docs=[SSIP])
R("S2.3", "Store the plan locked away or encrypted for at least the necessary period", None, PSA,
  params=[("少なくとも必要な期間", None)], docs=[SSIP])
R("S2.4", "Make the plan known; do not show it to anyone outside system administration", None, PSA,
  docs=[SSIP])
R("S2.5", "Have the plan confirmed by the Ministry of Defense", None, CO,
  "S2.1.1 (the 防衛関連企業 creates the plan; the slide's diagram also puts 防衛関連企業 next to this clause)",
  docs=[SSIP])
# 第３
R("S3.1", "Apply security engineering principles when designing, developing, introducing or changing the system",
  None, CO)
R("S3.2.1", "Define a baseline configuration of the components, approved by the general supervisor",
  "ベースライン構成設定を定め総括者の承認を得る", PSA, docs=["ベースライン構成設定"])
R("S3.2.1.a", "The baseline allows the measures of the basic security policy etc. to be implemented",
  "情報セキュリティ基本方針等に基づく措置が実施可能なもの", PSA, "S3.2.1, the lead-in of this list")
R("S3.2.1.b", "The baseline ensures the security of the protected system",
  "保護システムのセキュリティを確保するもの", PSA, "S3.2.1, the lead-in of this list")
R("S3.2.1.c", "The baseline restricts component functions and behaviour to the minimum the business needs",
  "保護システム構成要素の機能及び動作を業務の遂行上必要な最小限度に制限する", PSA,
  "S3.2.1, the lead-in of this list")
R("S3.2.2", "Configure the components according to the baseline",
  "ベースライン構成設定に従って保護システム管理者が設定する", PSA)
R("S3.2.3.a", "Define approved procedures for controlling configuration; install software by them",
  "構成設定を適切に制御するための手順を定める", PSA,
  docs=["保護システム構成要素の構成設定を適切に制御するための手順"])
R("S3.2.3.b.i", "Limit physical and logical access rights for configuration to the minimum",
  "構成設定を行うための物理的及び論理的なアクセス権限", PSA,
  "S3.2.3.a, the first sub-item of the same item (3) 構成設定の方法")
R("S3.2.3.b.ii", "Only capable and suitable persons may use the logical configuration rights",
  "ふさわしい者に限り使用させる", PSA,
  "S3.2.3.a, the first sub-item of the same item (3) 構成設定の方法")
R("S3.2.3.c", "Least functionality: disable insecure and unnecessary functions and programs",
  None, PSA, "S3.2.3.a, the first sub-item of the same item (3) 構成設定の方法")
R("S3.2.4", "Review component configurations against the baseline periodically and when needed", None, PSA,
  params=[("定期的に", None)])
R("S3.2.5.a", "Create a blacklist or whitelist per component (separate lists for administrators and users)",
  "個々の保護システム構成要素ごとに、ブラックリスト又はホワイトリストを作成する", PSA,
  docs=["ブラックリスト又はホワイトリスト"])
R("S3.2.5.b", "Blacklist: make listed software impossible to install or run",
  "ブラックリストを作成した場合", PSA)
R("S3.2.5.c", "Whitelist: allow only listed software to be installed and run",
  "ホワイトリストを作成した場合", PSA)
R("S3.2.5.d", "Review the lists periodically and when needed; update them",
  "ホワイトリストを精査し、必要に応じ、当該リストを更新する", PSA, params=[("定期的に", None)],
  docs=["ブラックリスト又はホワイトリスト"])
R("S3.3.1", "Change the baseline, with approval, when vulnerabilities or business needs change",
  "総括者の承認を得て、ベースライン構成設定を変更する", PSA, docs=["ベースライン構成設定"])
R("S3.3.2", "Apply a special configuration, with approval, where the baseline cannot reasonably be followed",
  "総括者の承認を得て、特別の構成設定を行う", PSA)
R("S3.3.3", "Analyse the security impact before changing the baseline or applying a special configuration",
  "セキュリティに及ぼす影響を分析した上で、実施する", PSA)
R("S3.4.1.a.i", "Create a configuration inventory that confirms and proves the current configuration",
  "目録（以下「構成設定目録」という。）を作成する", PSA, docs=["構成設定目録"])
R("S3.4.1.a.ii", "The inventory names the person responsible for each component's configuration",
  "構成設定に責任を有する者の氏名、連絡先等を明記する", PSA,
  "S3.4.1.a.i, the first sub-item of the same sub-item ア 目録の作成", docs=["構成設定目録"])
R("S3.4.1.b.i", "Update the inventory whenever the configuration changes (installs and updates included)",
  "構成設定目録を更新する", PSA, docs=["構成設定目録"])
R("S3.4.1.b.ii", "Review the inventory periodically; correct it promptly", "構成設定目録の内容を定期的に精査し", PSA,
  "S3.4.1.b.i, the first sub-item of the same sub-item イ 目録の更新",
  params=[("定期的に", None)], docs=["構成設定目録"])
R("S3.4.2", "Record baseline decisions and changes and the configurations applied", None, PSA,
  docs=["ベースライン構成設定の決定及び変更並びに保護システム構成要素構成設定の実施を記録した文書"])
R("S3.4.3", "Keep the inventory and records locked away or encrypted for the necessary period", None, CO,
  params=[("必要な期間", None)], docs=["構成設定目録", "前号により作成した文書"])
# 第４
R("S4.1", "Define the area handling information to be protected and control its boundaries", None, CO)
R("S4.2.1", "Create an operating procedures manual, approved by the general supervisor",
  "操作手順書を作成し、総括者の承認を得る", PSA, docs=["操作手順書"])
R("S4.2.2", "Keep the manual available to users when they use the system",
  "参照することができる状態にする", PSA, "S4.2.1 (the 保護システム管理者 creates the manual)",
  docs=["操作手順書"])
R("S4.3.1.a", "Encrypt data to be protected stored in the protected system",
  "保護システムに保護すべきデータを保存する場合", CO)
R("S4.3.1.b", "Encrypt data to be protected stored on portable media",
  "保護すべきデータを可搬記憶媒体に保存する場合", CO, "S4.3.1.a, the first sub-item of the same item (1) 暗号化")
R("S4.3.2", "Use e-Government Recommended Ciphers etc. unless the Ministry instructs otherwise", None, CO)
R("S4.3.3", "Manage cryptographic keys strictly under the company's own rules", None, CO,
  docs=["自社の管理要領"])
R("S4.4.1.a", "Analyse and evaluate software before installing or updating it",
  "あらかじめその有効性や副作用の可能性等を分析及び評価し", PSA)
R("S4.4.1.b", "Apply necessary updates (patches, anti-virus signatures) promptly once available",
  "ソフトウェアのアップデートが利用可能となってから速やかに実施する", PSA,
  "S4.4.1.a, the first sub-item of the same item (1)")
R("S4.4.2", "Separate administrator functions from user functions", None, PSA)
R("S4.4.3", "Prevent misuse of administrator functions by users without administrator rights", None, PSA)
R("S4.4.4", "Prevent unauthorized or unintended data movement between virtual machines", None, PSA)
R("S4.4.5", "Verify, manage or restrict connections to external systems", None, PSA)
# 第５
R("S5.1.1", "Create an access control policy for logical access", "アクセス制御方針を作成する", CO,
  docs=["アクセス制御方針"])
R("S5.1.2", "The administrator writes the policy, approved by the general supervisor; least privilege",
  "アクセス制御方針は、保護システム管理者が作成し、総括者の承認を得る", PSA, docs=["アクセス制御方針"])
R("S5.1.3", "Review the policy periodically and after significant changes or incidents",
  "見直しを実施し、必要に応じてアクセス制御方針を修正する", PSA,
  params=[("アクセス制御方針を定期的に", None)], docs=["アクセス制御方針"])
R("S5.2.1.a", "Designate account managers from among the protected system staff",
  "ふさわしい者をアカウント管理者に指定する", PSA)
R("S5.2.1.b", "Plan account management for least privilege, approved by the administrator",
  "アカウントの管理を計画し、保護システム管理者の承認を得て実施する", AM)
R("S5.2.1.c", "Manage accounts per user and record their use (user name, start date and time)",
  "保護システム利用者ごとにアカウントの管理を実施する", AM,
  docs=["アカウントの利用状況（利用者名、利用開始日時）"])
R("S5.2.1.d", "Change or revoke access rights within a defined time after retirement, transfer or duty change",
  "当該保護システム利用者のアクセス権限を変更又は失効させる", AM,
  params=[("事由の発生から定められた時間内", None)])
R("S5.2.1.e", "Measures when access rights are changed or revoked", "次に掲げる措置を講じる", AM)
R("S5.2.1.e.i", "Disable the identifiers and authenticators of revoked rights",
  "保護システム利用者の失効するアクセス権限に関連する識別子", AM, "S5.2.1.e, the lead-in of this list")
R("S5.2.1.e.ii", "Have keys, ID cards, tokens and the operating manual returned",
  "鍵、ＩＤカード等証明証及びトークン等に加え、保護システムの操作手順書等を返納させる", AM,
  "S5.2.1.e, the lead-in of this list")
R("S5.2.1.e.iii", "Record the account revocation date and time etc.", "アカウント失効日時等の記録を行う", AM,
  "S5.2.1.e, the lead-in of this list", docs=["アカウント失効日時等の記録"])
R("S5.2.1.f", "Use accounts with partial administrator rights only when those rights are needed",
  "管理者権限の一部を付与されたアカウント", None,
  "-The text names no subject, and the enclosing item (1) アカウントの管理 names two roles "
  "(保護システム管理者 in ア, アカウント管理者 in イ–オ); role_ja is left out.")
R("S5.2.2.a", "Lock accounts after a set number of failed logons for a defined time", None, PSA,
  params=[("連続して失敗できる上限", None), ("当該ロック時から定められた時間", None)])
R("S5.2.2.b", "Show no information useful to an unauthorized logon attempt",
  "不正なログオン試行に有用な情報を表示させない", PSA, "S5.2.2.a, the first sub-item of the same item (2)")
R("S5.2.3", "Manage user sessions by methods a–f", None, PSA)
R("S5.2.3.a", "Lock the session after a set inactivity limit", "非アクティブ状態であり続ける時間の上限を設定し",
  PSA, "S5.2.3, the lead-in of this list", params=[("非アクティブ状態であり続ける時間の上限", None)])
R("S5.2.3.b", "Have users lock their session when leaving their seat",
  "離席する際には、当該ユーザセッションをロックさせる", PSA, "S5.2.3, the lead-in of this list")
R("S5.2.3.c", "Cover the whole display while the session is locked",
  "パソコンのディスプレイの全面をスクリーンセーバ等により保護する", PSA, "S5.2.3, the lead-in of this list")
R("S5.2.3.d", "Require multi-factor authentication to unlock a session",
  "当該ユーザセッションのロックを解除するために", PSA, "S5.2.3, the lead-in of this list")
R("S5.2.3.e", "End the session automatically when the user logs off",
  "自動的に当該ユーザセッションを終了させる", PSA, "S5.2.3, the lead-in of this list")
R("S5.2.3.f", "Terminate all programs when the session ends (except user-set continuing computations)",
  "すべてのソフトウェアプログラムを終了させる", PSA, "S5.2.3, the lead-in of this list")
R("S5.2.4.a", "Limit remote access to the minimum and approve it in advance",
  "リモートアクセスの利用を業務の遂行上必要最小限度に制限する", PSA)
R("S5.2.4.b", "Protect communications over remote access by measures i–iii",
  "当該アクセスを通じた通信を適切に保護する", PSA, "S5.2.4.a, the first sub-item of the same item (4)")
R("S5.2.4.b.i", "Encrypt remote access communications", "保護システムへのリモートアクセスに係る通信を暗号化する",
  PSA, "S5.2.4.a through the lead-in S5.2.4.b")
R("S5.2.4.b.ii", "Keep the boundary points receiving remote access (proxy, VPN servers) to the minimum",
  "リモートアクセス等を受ける保護システムの境界", PSA, "S5.2.4.a through the lead-in S5.2.4.b")
R("S5.2.4.b.iii", "Use no other communication path while remote access is in use (no split tunnelling)",
  "異なる通信経路を利用しない", PSA, "S5.2.4.a through the lead-in S5.2.4.b")
R("S5.2.4.c", "No administrator rights over remote access unless approved in advance",
  "リモートアクセス等を利用している際の管理者権限の使用", PSA,
  "S5.2.4.a, the first sub-item of the same item (4); the text names the 保護システム管理者 as approver")
# 第６
R("S6.1.1.a", "Assign distinguishable identifiers to accounts and devices, approved by the administrator",
  "識別可能な識別子を付与し", AM)
R("S6.1.1.b", "Activate identifiers in a way that protects confidentiality", "機密性に配慮した方法で設定する", AM,
  "S6.1.1.a, the first sub-item of the same item (1)")
R("S6.1.1.c", "Do not reuse identifiers before a defined period has passed",
  "識別子を他のアカウント及び保護システムを構成する機器に対し再使用してはならない", AM,
  "S6.1.1.a, the first sub-item of the same item (1)",
  params=[("当該識別子の使用を終えた日から定められた期間", None)])
R("S6.1.1.d", "Disable identifiers unused for a defined period", "当該識別子を無効化する", AM,
  "S6.1.1.a, the first sub-item of the same item (1)",
  params=[("定められた期間以上使用されなかった場合", None)])
R("S6.1.1.e", "Identify processes acting on behalf of users", None, AM,
  "S6.1.1.a, the first sub-item of the same item (1)")
R("S6.1.2.a", "Allow logon only with multi-factor authentication",
  "複数の異なる要素を保持すると認められた者のみを許可", AM)
R("S6.1.2.b", "Remote logon: multi-factor authentication resistant to replay attacks",
  "多要素認証をリプレイ攻撃に耐性のある方式で行う", AM, "S6.1.2.a, the first sub-item of the same item (2)")
R("S6.1.2.c", "Confirm at logon that the device is one given an identifier",
  "識別子を付与された機器であることを識別する", AM, "S6.1.2.a, the first sub-item of the same item (2)")
R("S6.1.2.d", "Authenticate processes acting on behalf of users as identified processes",
  "識別されたプロセスであることを認証する", AM, "S6.1.2.a, the first sub-item of the same item (2)")
R("S6.1.3.a", "Initial passwords: hard to guess and different for each account",
  "容易に推測されず、かつ、アカウントごとに異なるパスワードを割り当てる", AM)
R("S6.1.3.b", "Distribute initial passwords in a way that protects confidentiality",
  "機密性に配慮した方法により行う", AM, "S6.1.3.a, the first sub-item of the same item (3)")
R("S6.1.3.c", "Make users change the initial password immediately after first logon",
  "直ちに当該パスワードを変更させる", AM, "S6.1.3.a, the first sub-item of the same item (3)")
R("S6.1.3.d", "Passwords users create or change meet requirements i–ii",
  "保護システム利用者が作成又は変更するアカウントのユーザＩＤに係るパスワード", USER,
  "-The text names no obligor; role_ja is the 保護システム利用者 it names as the one who creates or "
  "changes the password.")
R("S6.1.3.d.i", "Password composition: at least 10 characters of at least 3 of 4 character types, not guessable",
  "大文字英字、小文字英字、数字及び特殊文字のうち３種類以上使用した１０文字以上", USER,
  "S6.1.3.d, the lead-in of this list",
  params=[("大文字英字、小文字英字、数字及び特殊文字のうち", "３種類以上"), ("パスワード", "１０文字以上")])
R("S6.1.3.d.ii", "Passwords are not written down or stored on media", None, USER,
  "S6.1.3.d, the lead-in of this list")
R("S6.1.3.e", "Store and transmit password information so that others cannot easily decrypt it",
  "他の者が容易に復号できない方式を用いて保存・伝送する", AM,
  "S6.1.3.a, the first sub-item of the same item (3)")
R("S6.1.3.f", "Invalidate a forgotten password and issue a new initial password",
  "保護システム利用者が作成したパスワードを忘失した場合", AM,
  "S6.1.3.a, the first sub-item of the same item (3)")
R("S6.2.1", "Ensure sufficient strength of other authenticators with suitable devices",
  "その他の認証子による認証について、適切な機器等", PSA)
R("S6.2.2", "Manage those devices strictly", "不正なアクセス等から保護するため厳格に管理する", PSA)
R("S6.2.3", "Disable authentication by devices replaced after loss or damage", "当該機器等による認証を無効化する", PSA)
# 第７
R("S7.1.1", "Route all external communication through proxies and interfaces that deny by default",
  "プロキシサーバ、インターフェイス(ゲートウェイ、ルーター及びファイアウォール等)を設置", CO)
R("S7.1.2", "Put public web servers in a separate subnetwork; manage remote access through an interface",
  "当該ウェブサーバ等を含むサブネットワークを設置する", CO, "S7.1.1, the first item of the same clause")
R("S7.2.1.a", "Limit communication of data to be protected; none with other systems without permission",
  "業務の遂行上必要最小限度の範囲に制限する", CO)
R("S7.2.1.b", "Communicate data to be protected encrypted or over an encrypted path",
  "当該データを転送する通信経路を暗号化しなければならない", CO,
  "S7.2.1.a, the first sub-item of the same item (1)")
R("S7.2.2.a", "Terminate network connections at session end or after a defined inactivity period",
  "当該セッションに関連するネットワーク接続を全て終了させる", CO,
  "S7.2.1.a, the first sub-item of the same clause",
  params=[("非アクティブ状態で定められた期間", None)])
R("S7.2.2.b", "Ensure the peer of an external session is the intended party (digital certificates etc.)",
  "通信先が意図した相手であることを確保する", CO, "S7.2.1.a, the first sub-item of the same clause")
R("S7.3.1.a", "Define usage requirements for mobile code", "保護システムにおける利用の要件を定める", PSA,
  docs=["保護システムにおける利用の要件"])
R("S7.3.1.b", "Allow mobile code only where it meets the requirements, approved by the administrator",
  "保護システムにおけるモバイルコードの利用", PSA)
R("S7.3.2.a", "Define usage requirements for VoIP (including path encryption)",
  "ＶｏＩＰ技術が悪意のある者により利用された場合", PSA, docs=["保護システムにおける利用の要件"])
R("S7.3.2.b", "Allow VoIP only where it meets the requirements, approved by the administrator",
  "保護システムにおけるＶｏＩＰ技術", PSA)
R("S7.3.3.a", "Define usage requirements for office equipment, including i–ii",
  "各種のオフィス機器等が悪意のある者により利用された場合", PSA, docs=["保護システムにおける利用要件"])
R("S7.3.3.a.i", "Prohibit remote activation and operation of office equipment", None, PSA,
  "S7.3.3.a, the lead-in of this list")
R("S7.3.3.a.ii", "Show a visible indication while office equipment is active", "外形的に明らかな表示を行う", PSA,
  "S7.3.3.a, the lead-in of this list")
R("S7.3.3.b", "Permit each use of office equipment only when it meets the requirements",
  "オフィス機器等の利用は、当該利用の都度", PSA)
# 第８
R("S8.1", "Install monitoring means and monitor the system internally and at its boundary for items 1–4",
  None, CO)
R("S8.1.1", "Monitor access by unauthorized parties or methods", None, CO, "S8.1, the lead-in of this list")
R("S8.1.2", "Monitor misuse of privileges (administrator privileges included)", None, CO,
  "S8.1, the lead-in of this list")
R("S8.1.3", "Monitor unauthorized internal and external communication", None, CO, "S8.1, the lead-in of this list")
R("S8.1.4", "Monitor intrusion of malicious code", None, CO, "S8.1, the lead-in of this list")
R("S8.2.1.a", "Monitor system behaviour continuously and use the log analysis results",
  "システム上の挙動を常時監視する", CO)
R("S8.2.1.b", "Alert the administrator and staff on detection", "アラートが発せられるよう、保護システムを設定する", CO,
  "S8.2.1.a, the first sub-item of the same item (1)")
R("S8.2.1.c", "Raise the monitoring level when risk or signs of unauthorized access increase",
  "システム監視のレベルを引き上げる", CO, "S8.2.1.a, the first sub-item of the same item (1)")
R("S8.2.2.a", "Continuously monitor i–ii for unauthorized communication", "次に掲げる事項に対する常時監視を行う", CO)
R("S8.2.2.a.i", "Traffic in both directions between the system and the outside", None, CO,
  "S8.2.2.a, the lead-in of this list")
R("S8.2.2.a.ii", "Unauthorized local, network and remote connections and remote access", None, CO,
  "S8.2.2.a, the lead-in of this list")
R("S8.2.2.b.i", "Install detection software with pattern matching and heuristic methods",
  "高度な手法を活用可能なソフトウェアをインストールする", CO, "S8.2.2.a, the first sub-item of the same item (2)")
R("S8.2.2.b.ii", "Apply updates of virus definitions and detection software promptly",
  "速やかにアップデートを行う", CO, "S8.2.2.a, the first sub-item of the same item (2)")
R("S8.2.2.b.iii", "Run full scans periodically and after long power-off", "フルスキャンを定期的に実施する", CO,
  "S8.2.2.a, the first sub-item of the same item (2)",
  params=[("定期的に", None), ("一定の期間以上電源の切断された状態", None)])
R("S8.2.2.b.iv", "Scan files in real time on download, opening and execution", "リアルタイムスキャンを実施する", CO,
  "S8.2.2.a, the first sub-item of the same item (2)")
R("S8.3", "Check for false positives and block, quarantine or delete detected malicious code", None, PSA)
R("S8.4.1", "Use monitoring information for incident response; notify the departments concerned",
  "情報セキュリティ事故等への対処などに利用する", CO)
R("S8.4.2", "Keep monitoring information locked away or encrypted for the necessary period",
  "システム監視により取得した情報に対する不正なアクセス、改ざん及び消去等を防ぐ", CO,
  "S8.4.1, the first item of the same clause", params=[("必要な期間", None)],
  docs=["システム監視により取得した情報"])
# 第９
R("S9.1.1.a", "Collect records of i–ii automatically to detect unauthorized operations and communication",
  "記録をシステム上で自動的に取得する", CO)
R("S9.1.1.a.i", "Actions performed on data to be protected", None, CO, "S9.1.1.a, the lead-in of this list")
R("S9.1.1.a.ii", "Operations of each user", None, CO, "S9.1.1.a, the lead-in of this list")
R("S9.1.1.b", "Decide further log content, targets and methods; approved by the administrator",
  "システムログの内容並びにその取得に係る対象及び方法を決定し", PSS)
R("S9.1.1.c", "Verify in advance that the logs can be collected; consider redesign if not",
  "取得可能であることを事前に検証する", None,
  "-The text names no subject, and the enclosing item (1) names two roles (防衛関連企業 in ア, "
  "保護システム担当者 in イ); role_ja is left out.")
R("S9.1.1.d", "Define in advance how to handle failed log collection; alert on failure",
  "当該失敗の影響の低減及び復旧等に係る対策をあらかじめ定める", None,
  "-The text names no subject, and the enclosing item (1) names two roles (防衛関連企業 in ア, "
  "保護システム担当者 in イ); role_ja is left out.")
R("S9.1.1.e", "Review log content, targets and methods periodically", "定期的に精査し、必要に応じて変更する", None,
  "-The text names no subject, and the enclosing item (1) names two roles (防衛関連企業 in ア, "
  "保護システム担当者 in イ); role_ja is left out.", params=[("定期的に", None)])
R("S9.1.2.a", "Analyse logs periodically, aggregated across all components",
  "定期的にシステムログの分析を実施する", PSS, params=[("定期的に", None)])
R("S9.1.2.b", "Choose log analysis methods considering i–ii; approved by the administrator",
  "システムログの分析の方法", PSS, "S9.1.2.a, the first sub-item of the same item (2)")
R("S9.1.2.b.i", "The method helps find abnormal situations", None, PSS, "S9.1.2.a through the lead-in S9.1.2.b")
R("S9.1.2.b.ii", "The method helps find similarities to past incidents", None, PSS,
  "S9.1.2.a through the lead-in S9.1.2.b")
R("S9.1.2.c", "Give the system a report generation function", "保護システムに報告書生成機能を持たせる", None,
  "-The text names no subject; the enclosing item (2) names the 保護システム担当者 as analyst, but a "
  "system function is more likely the administrator's; role_ja is left out.")
R("S9.1.2.d", "Document analysis results and report them promptly", "その結果を記録した文書を作成し", PSS,
  "S9.1.2.a, the first sub-item of the same item (2)", docs=["その結果を記録した文書"])
R("S9.1.2.e", "Do not alter log content (time order included) in the report",
  "システムログの内容（時刻の順序を含む。）を変更しない", PSS,
  "S9.1.2.a, the first sub-item of the same item (2)",
  docs=["システムログの分析に係る結果を記録した文書"])
R("S9.2.1", "Grant log configuration rights only to those who need them",
  "必要なアクセス権限を、必要な者に限定して付与する", PSA)
R("S9.2.2", "Keep logs and analysis records for the necessary period with restricted access",
  "システムログ及びその分析の結果の記録", PSA,
  "S9.2.1 and S9.2.3, the other items of the same clause", params=[("必要な期間", None)],
  docs=["システムログ及びその分析の結果の記録"])
R("S9.2.3", "Check stored logs periodically for tampering or deletion",
  "定期的に改ざん又は削除等が行われていないか確認する", PSA, params=[("定期的に", None)])
R("S9.3.1", "Timestamp logs with the system clock", "システムクロックを使用して、タイムスタンプを付与する", PSA)
R("S9.3.2", "Use one time notation based on JST (else UTC or GMT)", "日本標準時（ＪＳＴ）を基準とした時刻表記で統一する",
  PSA, "S9.3.1, the first item of the same clause", params=[("時刻表記", None)])
R("S9.3.3", "Synchronise the clock with an authoritative external NTP server",
  "ＮＴＰサーバ等から得られる日付及び時刻と同期する機能", PSA, "S9.3.1, the first item of the same clause",
  params=[("外部の権威ある機関が運営するＮＴＰサーバ等", None)])
R("S9.4", "Protect the log collection tools", None, PSA)
# 第１０
R("S10.1.1", "Scan the whole system for vulnerabilities periodically and analyse the results",
  "保護システム全体に対する脆弱性スキャンを定期的に行い", PSA, params=[("定期的に", None)])
R("S10.1.2", "Collect vulnerability information continuously; scan when a vulnerability may affect the system",
  "注意喚起及び助言等の情報を継続的に収集する", PSA)
R("S10.1.3", "Document the analysis; take the measures of 本基準第１１ when a vulnerability is found",
  "前２号による分析の結果を記載した文書を作成する", PSA, docs=["前２号による分析の結果を記載した文書"])
R("S10.2.1", "Share vulnerability information with those in the company who need it",
  "脆弱性の発見に資する情報を自社の必要な者及び組織に共有する", PSA)
R("S10.2.2", "Give staff and users (subcontractors included) security alerts and advice",
  "適切なセキュリティに係る注意喚起及び助言等を行う", PSA)
R("S10.2.3", "Fix identified vulnerabilities within a defined time", "定められた時間内に特定された脆弱性を修正する", PSA,
  params=[("定められた時間内", None)])
# 第１１
R("S11.1", "Back up all data to be protected and the system data periodically", "定期的にバックアップを行う", PSA,
  params=[("定期的に", None)])
R("S11.2", "Keep each backup at least until the next backup completes", "少なくとも次回のバックアップの完了まで保存する",
  PSA, "clauses 1, 4 and 5 of the same section",
  params=[("バックアップされたデータ", "少なくとも次回のバックアップの完了まで")])
R("S11.3", "Back up at a frequency matching the recovery time objective", "目標復旧時間に応じた頻度で行う", PSA,
  "clauses 1, 4 and 5 of the same section (the text itself says the objective is the company's, 自社が定めた)",
  params=[("自社が定めた保護システムの目標復旧時間", None), ("目標復旧時間に応じた頻度", None)])
R("S11.4", "Protect the confidentiality, integrity and availability of backups",
  "バックアップされたデータの機密性、完全性及び可用性を保護する", PSA)
R("S11.5", "Define backup procedures", "バックアップに関する手順を定める", PSA, docs=["バックアップに関する手順"])
# 第１２
R("S12.1.1", "Carry out maintenance periodically and when needed", "保護システムのメンテナンス等", PSA,
  params=[("定期的に", None)])
R("S12.1.2", "Write a maintenance plan with the facility manager, approved by the general supervisor",
  "管理責任者と調整の上作成し、総括者の承認を得る", PSA, docs=["システムメンテナンス等計画"])
R("S12.1.2.a", "Plan: maintenance personnel", None, PSA, "S12.1.2, the lead-in of this list")
R("S12.1.2.b", "Plan: maintenance targets (software, hardware, firmware)", "メンテナンス等の対象", PSA,
  "S12.1.2, the lead-in of this list")
R("S12.1.2.c", "Plan: maintenance content (equipment and tools)", "メンテナンス等の内容", PSA,
  "S12.1.2, the lead-in of this list")
R("S12.1.2.d", "Plan: other matters needed for clauses 2 and 3",
  "第２項及び第３項に規定する措置を実施するために必要な事項", PSA, "S12.1.2, the lead-in of this list")
R("S12.1.3", "Delete or move protected information before removal, taking out or remote maintenance",
  "保護すべき情報を削除又は移動させるなど必要な措置を講じ", PSA, docs=["システムメンテナンス等計画"])
R("S12.2", "Carry out maintenance according to the plan (measures 1–5)", None, PSA,
  docs=["システムメンテナンス等計画"])
R("S12.2.1.a", "Designate maintenance personnel from among users, kept to the minimum",
  "メンテナンス等を実施することができる人員", PSA)
R("S12.2.1.b", "Maintenance by non-users: with approval; end their involvement immediately after",
  "保護システム利用者以外の者によるメンテナンス等", PSA)
R("S12.2.2", "Use only approved and inspected maintenance tools", None, PSA,
  "S12.2, the lead-in of this clause; the text names the 保護システム管理者 as approver of the tools")
R("S12.2.3.a", "Require multi-factor authentication from maintenance personnel",
  "当該人員に対し多要素認証を求める", PSA, "S12.2, the lead-in of this clause")
R("S12.2.3.b", "Confirm maintenance equipment is the equipment listed in the plan",
  "システムメンテナンス等計画に記載された機器と同一であることを識別する", PSA, "S12.2, the lead-in of this clause",
  docs=["システムメンテナンス等計画"])
R("S12.2.4.a", "Designate a technically knowledgeable supervisor who reports promptly",
  "技術的な知見を有する者を監督者として指名し", PSA)
R("S12.2.4.b", "The supervisor oversees the work on site (or over the network)",
  "メンテナンス等の実施状況を監督する", SUP)
R("S12.2.4.c", "Use log collection and analysis (第９) to supervise maintenance",
  "システムログの取得及び分析を実施する", SUP, "S12.2.4.b, which names the 監督者 who supervises")
R("S12.2.5", "Put security measures in place before maintenance and confirm them afterwards",
  "メンテナンス等により影響を受けることが予測される事象についてのセキュリティ対策", PSA)
R("S12.3.1", "The supervisor records the maintenance; facility manager and administrator confirm",
  "記録を文書により作成し", SUP, docs=["システムメンテナンス等の結果を記録した文書"])
R("S12.3.2", "Keep the maintenance record locked away or encrypted for the necessary period",
  "システムメンテナンス等の結果を記録した文書", None,
  "-The text names no subject, and the enclosing clause names two roles (監督者 writes the record, "
  "管理責任者 and 保護システム管理者 confirm it); role_ja is left out.",
  params=[("必要な期間", None)], docs=["システムメンテナンス等の結果を記録した文書"])

# --------------------------------------------------------------------------
# Data: slide commentary kept as points: id -> [(title_ja, items, first line, last line)]
# Every string must occur (whitespace removed) in the seed lines given.
# --------------------------------------------------------------------------

POINTS = {
    "S2.1.1": [("保護システムが情報セキュリティ基準に準拠していることの証明", [], 82, 82)],
    "S2.1.2": [("保護システムに関連するすべての具体的な実施状況・内容", [], 30, 30)],
    "S2.1.2.a": [("①ベースライン構成設定",
                  ["ネットワーク構成並びにセキュリティ管理策の実装及び運用に係る機器、保護すべき情報を格納又は中継する機器について記載"],
                  34, 36)],
    "S2.1.2.i": [("⑨保護システムのネットワーク構成図",
                  ["使用設備・機器（サーバ、端末、DBなど）の構成、社内外の繋がりや、保護すべきデータの保護範囲が理解可能な構成図"],
                  52, 54)],
    "S2.1.2.j": [("⑩保護すべきデータのデータフロー図",
                  ["各構成部署でどのようなデータを扱い、そのデータがどのように移動及び保存されるのかが理解可能なフロー図"],
                  56, 58)],
    "S2.2": [("保護システム及び保護システムが稼働する環境の変化等に対応", ["必要に応じて更新"], 129, 143)],
    "S2.4": [("保護システムの契約担当者など職務上必要のある場合は配布又は閲覧可。", [], 120, 122)],
    "S4.1": [("イントラネット・外部ネットワークとの境界に物理的又は論理的に制御可能な措置(論理的措置：ネットワークのアクセス制御など)",
              [], 452, 453)],
    "S4.3.3": [("暗号鍵作成・配布・保管・アクセス・破壊", [], 518, 518)],
    "S4.4.4": [("データの不正な又は意図しない移動(残存情報、隠れチャンネルなど)をを防止する対策を講じるものとする。", [], 639, 641)],
    "S5.1.2": [("業務に応じて割り当てられた業務の実行に必要な正規のアクセスのみ許可", [], 723, 724)],
    "S5.2.1.a": [("アカウントの作成、設定、変更、有効化・無効化、削除を実施", [], 747, 748)],
    "S5.2.1.b": [("アカウント管理の計画を作成", ["業務の遂行上必要最小限度の機能及び権限", "管理者権限の分離"], 772, 787)],
    "S5.2.1.e.i": [("識別子（アカウントにあってはユーザＩＤ、保護システムを構成する機器にあってはホスト名等）及び認証子(パスワードなど）の無効化",
                    [], 822, 823)],
    "S5.2.4.b.iii": [("保護システムへのリモートアクセス等を利用している場合は、同時に当該リモートアクセスに利用するものとは異なる通信経路(スプリットトンネルの防止）を利用しない。",
                      [], 903, 904)],
    "S6.1.3.e": [("パスワードを認証するため、当該保護システム内に保存・伝送する必要があるパスワード情報",
                  ["バッシュ化等の復号不可能な暗号化方法を用いて保存・伝送"], 1044, 1046)],
    "S6.2.1": [("その他の認証に該当する認証子を当該保護システムにおいて有効化する場合は、機密性に配慮した方法で設定", [], 1056, 1056)],
    "S8.1": [("侵入探知システム、侵入防止システム、悪意あるコード防御用のソフトウェア、スキャンツール、監査記録モリタリングソフト、ネットワークモニタリングソフトなど",
              [], 1307, 1310)],
    "S8.2.1.c": [("システム監視のレベルの引き上げ", ["システム監視エリアの拡大、システムログ分析の拡大、配置人員の増強"], 1335, 1336),
                 ("サイバーセキュリティ関連機関（IPA、JPCERT等）", ["情報収集"], 1351, 1353)],
    "S8.4.1": [("システム監視により取得した情報の利用",
                ["情報セキュリティ事故等への対処", "リスク査定", "セキュリティ監査等に利用"], 1428, 1431)],
    "S9.1.1.b": [("不正な操作や通信の探知に必要なもの（保護システム以外も含む。）", [], 1481, 1482)],
    "S10.1.2": [("情報セキュリティ機関（情報セキュリティに関する専門的な外部機関：IPA、JPCERT等）", [], 1729, 1730)],
    "S11.3": [("バックアップされたデータに基づく保護システムの復旧に要する目標時間を定める。", [], 1784, 1785)],
    "S12.1.2.a": [("メンテナンス等を実施する人員（外部委託の場合は実施する事業者名を含む。）", [], 1820, 1820)],
}

# --------------------------------------------------------------------------
# Data: notes.  (text_en, line, text_ja or None); text_ja must occur near the line.
# --------------------------------------------------------------------------

CATALOG_NOTES = [
    ("The source covers 第２ to 第１２ of the 要領 and a glossary; 第１ is not reproduced anywhere in it, so the "
     "catalog has no view S1 and 第１'s title and content are unknown.", 19, None),
    ("The preamble はじめに (purpose, contents, numbering) is not a requirement and is left out; it says the "
     "「第〇」 numbers follow the 要領's own numbering.", 16, "目次の項番（「第〇」の部分）は"),
    ("The source names its issuer only through the notice number 防装庁（事）第１３７号; publisher_ja expands "
     "防装庁 to 防衛装備庁.", 4, "防装庁（事）第１３７号"),
    ("Each slide prints the normative text of the 要領 among diagram labels. Only the normative text is a "
     "requirement's purpose_ja; of the slide commentary only what adds to the item's text is kept, as points "
     "(examples, specifics, differing wording). Diagram-only content that matters is recorded in notes.",
     None, None),
    ("The text refers to 本基準 and 情報セキュリティ基準 (the security standard of the 特約条項 that this 要領 "
     "implements). References such as 本基準第１１第１項第４号及び第２項第１号 (S10.1.3) point to that "
     "standard, outside this file, not to 第１１ バックアップ of this 要領.", 1697, "本基準第１１第１項第４号及び第２項第１号"),
    ("Items and sub-items are printed as (1) and (ｱ) (half-width) and the text mixes full- and half-width "
     "digits in references (第1号, 第１号); the text is kept as printed.", 345, "第1号の規定により"),
    ("Slide page numbers are printed only on some slides, and slide headings stand at varying places among "
     "the diagram labels; the counters 第N（x／y） are complete for 第２–第１２. The heading 第１２ "
     "システムメンテナンス等（４／４） is followed directly by the glossary table: the extraction shows no "
     "content of that slide (第１２'s text ends with 第３項 on the slides before), and the glossary's （付録） "
     "headings stand after their rows. No normative text appears to be missing.", 2002,
     "第１２ システムメンテナンス等（４／４）"),
    ("After the last glossary entry the seed prints a stray 42」 (perhaps a page number); it is not an entry.",
     2130, "42」"),
    ("Glossary entry 5 (構成設定) prints ソフウェア (sic, ソフトウェア); kept as printed.", 2019, "ソフウェア"),
    ("The glossary spells ユーザーセッション and アンチウィルスシグネチャ where the text of the 要領 has "
     "ユーザセッション (第５第２項第３号) and アンチウイルスシグネチャ (第４第４項第１号イ).", 2067, "ユーザーセッション"),
]

REQ_NOTES = {
    "S2.1.2": [
        ("The slide numbers the documents ア–コ as ①–⑩ and draws ①–⑦ under 記載 (written in the plan) and "
         "⑧–⑩ under 添付 (attached) with the label 記載の根拠又は補足; the text itself only says 記載又は添付.",
         47, "記載の根拠又は補足")],
    "S2.1.2.h": [
        ("The text names 情報システム管理者 here; everywhere else the role is 保護システム管理者. Kept as printed.",
         76, "総括者及び情報システム管理者")],
    "S3.4.2": [
        ("The text prints 保護システム構成要素構成設定 (without の, elsewhere 保護システム構成要素の構成設定); kept as printed.",
         438, "保護システム構成要素構成設定の実施")],
    "S4.3.3": [
        ("The slide's diagram calls the rules 自社の暗号鍵管理要領 and shows the 保護システム管理者 drafting them (策定); "
         "the text says only 自社の管理要領.", 545, "自社の暗号鍵管理要領")],
    "S4.4.4": [("The slide commentary prints をを (sic); kept as printed.", 641, "を防止する対策を講じるものとする。")],
    "S4.4.5": [
        ("The slide's diagram gives テレワーク, リモート会議 and クラウド as examples of external connections and "
         "shows 実施手順 being created (作成); the text names no procedure document.", 655, "テレワーク")],
    "S5.2.2.a": [
        ("The slide's diagram says ロック時から定められた期間 where the text says 定められた時間.", 850,
         "ロック時から定められた期間ログオン試行できないように設定")],
    "S5.2.3.c": [
        ("The slide commentary says ディスプレイの前面 (front) where the text says 全面 (whole).", 881,
         "パソコンのディスプレイの前面をスクリーンセーバー等により保護")],
    "S5.2.3.f": [
        ("The slide commentary says the programs excepted are those 保護システムが継続実行を設定した (set by the "
         "system), the text says 保護システム利用者が継続実行を設定した (set by the user); the text is followed.",
         884, "保護システムが継続実行を設定した計算処理プログラムを除き")],
    "S6.1.3.e": [("The slide commentary prints バッシュ化 (sic, ハッシュ化 = hashing); kept as printed.", 1046,
                  "バッシュ化等の復号不可能な暗号化方法")],
    "S7.1.2": [("The slide's diagram labels the subnetwork for public web servers DMZ.", 1127, "DMZ")],
    "S8.1": [("The slide commentary prints 監査記録モリタリングソフト (sic, モニタリング); kept as printed.", 1309,
              "監査記録モリタリングソフト")],
    "S8.4.1": [
        ("On the slide the bullet セキュリティ監査等に利用 runs into the label 取得した情報 (セキュリティ監査等に利用取得した情報); "
         "the point keeps the bullet only.", 1431, "セキュリティ監査等に利用取得した情報")],
    "S9.1.1.c": [
        ("The first half is an obligation (検証するものとする); the second is to consider (再設計を検討するものとする) "
         "a redesign when collection is difficult. modality is shall for the item as a whole.", 1500,
         "監視手法の再設計を検討するものとする")],
    "S9.1.2.b": [
        ("Sub-items i and ii are requirements the method is chosen 考慮して (taking them into account); they are "
         "rated as shall like the lead-in.", 1560, "次に掲げる要件を考慮して選択し")],
    "S9.4": [("The text prints システムログを、取得するツール with a stray comma (the clause title has システムログを取得するツール); "
              "kept as printed.", 1651, "システムログを、取得するツール")],
    "S10.1.3": [
        ("本基準第１１第１項第４号及び第２項第１号 refers to the 情報セキュリティ基準 of the 特約条項, outside this file, "
         "not to 第１１ バックアップ of this 要領.", 1697, "本基準第１１第１項第４号及び第２項第１号"),
        ("The slide's diagram shows what those measures are: improve or fix the system and hosted applications "
         "within a defined period under the incident response plan (情報セキュリティ事故等対処計画); if that is "
         "difficult, write a corrective plan (是正計画), carry it out by a defined deadline and report to the "
         "contracting officer (契約担当官) or the designated department.", 1710, "情報セキュリティ事故等対処計画に基づく")],
    "S11.2": [
        ("第１１'s parts are printed as clauses (１–５, cited as 第１項 in clause 4), but this clause cites clause 1 "
         "as 前号 (the previous item).", 1793, "前号の規定によりバックアップされたデータ")],
    "S12.1.3": [("The text prints システムテナンス等計画 (sic, システムメンテナンス等計画); kept as printed.", 1839,
                 "システムテナンス等計画")],
}


# --------------------------------------------------------------------------
# Glossary （付録）用語の解説
# --------------------------------------------------------------------------

GLOSSARY_RANGES = [(2008, 2054), (2061, 2111), (2118, 2128)]
GLOSS_ROW = re.compile(r"^(\d{1,2})(?: (\S+))?(?: (.+))?$")
# entry 29 prints its number, its term (over two lines) and its text on separate lines
GLOSS_SPECIAL = {29: (2081, (2082, 2083), (2085, 2085))}


def parse_glossary(seed):
    rows = []
    special_lines = set()
    for num, (nl, (ta, tb), (xa, xb)) in GLOSS_SPECIAL.items():
        special_lines |= {nl} | set(range(ta, tb + 1)) | set(range(xa, xb + 1))
    cur = None
    for a, b in GLOSSARY_RANGES:
        for n in range(a, b + 1):
            raw = seed.line(n).strip()
            if not raw:
                continue
            if n in special_lines:
                if n == 2081:
                    term = "".join(seed.line(k).strip() for k in range(2082, 2084))
                    text = "".join(seed.line(k).strip() for k in range(2085, 2086))
                    cur = [29, term, [text], n]
                    rows.append(cur)
                continue
            m = GLOSS_ROW.match(raw)
            if m and (not rows or int(m.group(1)) == rows[-1][0] + 1):
                cur = [int(m.group(1)), m.group(2), [m.group(3)] if m.group(3) else [], n]
                rows.append(cur)
            else:
                cur[2].append(raw)
    out = []
    for num, term, parts, n in rows:
        text = ""
        for p in parts:
            text = join_wrapped(text, p) if text else p
        out.append({"num": num, "term_ja": clean(term), "text_ja": clean(text), "line": n})
    return out


# --------------------------------------------------------------------------
# Building the catalog
# --------------------------------------------------------------------------

def prepare(node):
    """A short numbered phrase without text or sub-items is the item's text."""
    for nd in walk(node):
        if nd.level and nd.heading and not nd.body and not nd.children:
            nd.text, nd.text_lines = [nd.heading], [nd.heading_line]
            nd.heading = None


TRAIL = re.compile(r"(ものとする|こと)?。$")


def title_of(nd, data, notes):
    body = nd.body
    if nd.heading:
        if data["title"]:
            raise SystemExit("%s has a printed heading; no title needed" % nd.id)
        return nd.heading
    title = data["title"]
    if title is None:
        title = TRAIL.sub("", body)
        if len(title) > 45:
            raise SystemExit("%s: no printed heading and a long text; give a title" % nd.id)
    if title == body.rstrip("。"):
        how = "its whole text"
    elif body.startswith(title):
        how = "the opening of its text"
    elif title in body:
        how = "a phrase taken from its text"
    else:
        raise SystemExit("%s: title %r is not in the text" % (nd.id, title))
    notes.append(note("The source prints no heading for this item; title_ja is %s." % how, nd.line))
    return title


def build_requirement(seed, nd, used):
    rid = nd.id
    if rid not in REQ:
        raise SystemExit("%s: no entry in REQ" % rid)
    used.add(rid)
    data = REQ[rid]
    notes = []
    r = {"id": rid}
    r["title_ja"] = title_of(nd, data, notes)
    r["title_en"] = data["en"]
    variants = [t for t, line in REQ_VARIANTS.get(rid, [])]
    for t, line in REQ_VARIANTS.get(rid, []):
        assert squash(t) in squash(seed.line(line)), (rid, t)
    if variants:
        r["title_variants_ja"] = variants
    r["purpose_ja"] = nd.body
    pts = []
    for title, items, a, b in POINTS.get(rid, []):
        window = squash("".join(seed.lines[a - 1:b]))
        for s in [title] + items:
            if squash(s) not in window:
                raise SystemExit("%s: point text %r not in l.%d-%d" % (rid, s, a, b))
        p = {"title_ja": title}
        if items:
            p["items"] = [{"text_ja": s} for s in items]
        pts.append(p)
    if pts:
        r["points"] = pts
    if data["role"]:
        if data["role"] not in nd.body and data["role_from"] is None:
            raise SystemExit("%s: role %s is not named in the text" % (rid, data["role"]))
        r["role_ja"] = data["role"]
    if data["role_from"]:
        rf = data["role_from"]
        if rf.startswith("-"):
            notes.append(note(rf[1:], nd.line))
        else:
            notes.append(note("The text names no subject for this obligation; role_ja (%s) is taken from %s."
                              % (data["role"], rf), nd.line))
    r["modality"] = data["mod"]
    if data["params"]:
        for t, v in data["params"]:
            if t not in nd.body and not (t == "パスワード" and rid == "S6.1.3.d.i"):
                raise SystemExit("%s: parameter %r is not in the text" % (rid, t))
            if v is not None and v not in nd.body:
                raise SystemExit("%s: parameter value %r is not in the text" % (rid, v))
        r["parameters"] = parameter_entries(rid, data["params"])
    if data["docs"]:
        r["documents_ja"] = checked_documents(seed, rid, data["docs"])
    for t, line, j in REQ_NOTES.get(rid, []):
        notes.append(checked_note(seed, t, line, j))
    if notes:
        r["notes"] = notes
    return r


REQ_VARIANTS = {
    "S5.2.3": [("ユーザーセッションの管理", 875)],
    "S2.5": [("システムセキュリティ実装計画書の防衛省の確認", 122)],
}

FW_NUM = "０１２３４５６７８９"


def build_views(seed):
    views = []
    used = set()
    stats = {}
    for sec in sorted(BLOCKS):
        vtitle, ven, vline = VIEWS[sec]
        printed = "第" + "".join(FW_NUM[int(c)] for c in str(sec))
        head = squash(seed.line(vline))
        if not head.startswith(printed + vtitle):
            raise SystemExit("l.%d: %r is not the heading of %s %s" % (vline, head, printed, vtitle))
        root = parse_section(seed, sec)
        prepare(root)
        v = {"id": "S%d" % sec, "title_ja": vtitle, "title_en": ven, "domains": []}
        st = {"clauses": 0, "items": 0, "reqs": 0, "parents": 0}
        for cl in root.children:
            st["clauses"] += 1
            did = "S%d-%s" % (sec, id_part(1, cl.num))
            dnotes = []
            title = cl.heading
            if not title:
                title = cl.num
                dnotes.append(note("The source prints no title for this clause; title_ja is its number as printed.",
                                   cl.line))
            d = {"id": did, "title_ja": title, "title_en": DOMAIN_EN[did]}
            vs = DOMAIN_VARIANTS.get(did, [])
            for t, line in vs:
                assert squash(t) in squash(seed.line(line)), (did, t)
            if vs:
                d["title_variants_ja"] = [t for t, _ in vs]
            reqs = []
            for nd in walk(cl):
                if nd.level == 2:
                    st["items"] += 1
                if nd.body:
                    reqs.append(build_requirement(seed, nd, used))
                    st["reqs"] += 1
                    if any(c.body or any(g.body for g in walk(c)) for c in nd.children):
                        st["parents"] += 1
                elif nd is not cl:
                    kids = [k.id for k in walk(nd) if k.body]
                    dnotes.append(note("%s %s is a heading without text of its own; the requirements under it are %s."
                                       % ("Item" if nd.level == 2 else "Sub-item", nd.id, ", ".join(kids)),
                                       nd.heading_line, nd.printed_label()))
            if not reqs:
                raise SystemExit("%s has no requirement" % did)
            d["requirements"] = reqs
            if dnotes:
                d["notes"] = dnotes
            v["domains"].append(d)
        views.append(v)
        stats[sec] = st
    missing = set(REQ) - used
    if missing:
        raise SystemExit("REQ entries that match no item: %s" % sorted(missing))
    return views, stats


def build(seed):
    views, stats = build_views(seed)
    gl = parse_glossary(seed)
    catalog = {
        "format": "taisaku-catalog/1",
        "catalog": {
            "id": "atla-ssr",
            "title_ja": "装備品等及び役務の調達における情報セキュリティの確保に関するシステムセキュリティ実施要領",
            "title_en": "Defense system security implementation requirements (explanatory material)",
            "version": "令和４年３月３１日 防装庁（事）第１３７号",
            "publisher_ja": "防衛装備庁",
            "source": SEED_NAME,
            "kind": "compliance",
            "description_en": "The system security implementation requirements (システムセキュリティ実施要領) that "
                              "the special contract clauses on information security in defense procurement "
                              "(防装庁（事）第１３７号, 31 March 2022) attach, taken from the explanatory slides: "
                              "sections 第２ to 第１２ (implementation plan, configuration management, basic "
                              "protection, access control, identification and authentication, communications, "
                              "monitoring, logs, vulnerability scanning, backup, maintenance), with roles, "
                              "organisation-defined parameters and required documents.",
        },
        "views": views,
        "glossary": [{"term_ja": g["term_ja"], "text_ja": g["text_ja"]} for g in gl],
        "notes": [checked_note(seed, t, l, j) for t, l, j in CATALOG_NOTES],
    }
    assert squash(catalog["catalog"]["title_ja"]) in squash("".join(seed.lines[6:8]))
    return catalog, stats, gl


# --------------------------------------------------------------------------
# YAML output
# --------------------------------------------------------------------------

def dump(catalog):
    return seedlib.dump(catalog, "システムセキュリティ実施要領 (防衛装備庁, 令和４年３月３１日), explanatory material.",
                       "atla2yaml.py", SEED_NAME)


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

# My reading of the seed: 第N -> (clauses, items (号), requirements, lead-ins with sub-requirements)
EXPECTED = {2: (5, 2, 16, 1), 3: (4, 11, 24, 1), 4: (4, 10, 13, 0), 5: (2, 7, 27, 3), 6: (2, 6, 20, 1),
            7: (3, 7, 14, 1), 8: (4, 8, 18, 2), 9: (4, 8, 21, 2), 10: (2, 6, 6, 0), 11: (5, 0, 5, 0),
            12: (3, 10, 19, 2)}
# The reading aid (seed000.md §6): rows per section (183 in all) and its leaf counts.
AID_ROWS = {2: 16, 3: 24, 4: 13, 5: 27, 6: 20, 7: 14, 8: 18, 9: 21, 10: 6, 11: 5, 12: 19}
AID_LEAVES = {2: 15, 3: 23, 4: 13, 5: 24, 6: 19, 7: 13, 8: 16, 9: 19, 10: 6, 11: 5, 12: 17}


def run_checks(catalog, yaml_text, seed, stats, gl):
    check = Checks()
    views = catalog["views"]
    domains = [d for v in views for d in v["domains"]]
    reqs = [r for d in domains for r in d["requirements"]]
    print("Checks")
    check("views (第２–第１２)", len(views) == 11, str(len(views)))
    check("domains (clauses)", len(domains) == sum(e[0] for e in EXPECTED.values()), str(len(domains)))
    check("requirements", len(reqs) == 183, str(len(reqs)))
    print("      section  clauses  items(号)  requirements  lead-ins  leaves | aid rows  aid leaves")
    for sec in sorted(stats):
        st = stats[sec]
        got = (st["clauses"], st["items"], st["reqs"], st["parents"])
        leaves = st["reqs"] - st["parents"]
        print("      第%-6d %7d %10d %13d %9d %7d | %8d %11d%s" % (
            sec, got[0], got[1], got[2], got[3], leaves, AID_ROWS[sec], AID_LEAVES[sec],
            "" if leaves == AID_LEAVES[sec] else "   <- leaves differ from the aid"))
        check("  第%d counts match my reading %s" % (sec, EXPECTED[sec]), got == EXPECTED[sec], str(got))
        check("  第%d requirement count matches the aid's rows" % sec, st["reqs"] == AID_ROWS[sec])
    parents = sum(st["parents"] for st in stats.values())
    print("      total: %d requirements = %d leaves + %d lead-ins (aid: 183 = 170 + 13)"
          % (len(reqs), len(reqs) - parents, parents))
    check("glossary entries numbered 1..44", [g["num"] for g in gl] == list(range(1, 45)), str(len(gl)))
    ids = [v["id"] for v in views] + [d["id"] for d in domains] + [r["id"] for r in reqs] + \
        [p["id"] for r in reqs for p in r.get("parameters", [])]
    check_unique(check, "IDs unique (views, domains, requirements, parameters)", ids)
    check("requirement IDs follow S<sec>.<clause>[.<item>[.<sub>[.<subsub>]]]",
          all(re.match(r"^S(1[0-2]|[2-9])\.[1-9](\.[1-9](\.[a-j](\.(i|ii|iii|iv))?)?)?$", r["id"]) for r in reqs))
    check("every requirement has title_ja, title_en, purpose_ja, modality",
          all(r.get("title_ja") and r.get("title_en") and r.get("purpose_ja") and r.get("modality") for r in reqs))
    check("every requirement without role_ja says why in a note",
          all(r.get("role_ja") or any("role_ja is left out" in n["text_en"] for n in r.get("notes", [])) for r in reqs),
          "%d without role_ja" % sum(1 for r in reqs if not r.get("role_ja")))
    check_reload(check, yaml_text, catalog)
    check_no_pua(check, yaml_text)
    check_fragments(check, {"views": views, "glossary": catalog["glossary"]}, seed.occurs)
    nbad = [n["text_ja"] for n in catalog["notes"] if n.get("text_ja") and not seed.occurs(n["text_ja"])]
    check("note text_ja found in the seed", not nbad, str(nbad[:3]))
    p = next(r for r in reqs if r["id"] == "S6.1.3.d.i")
    check("password requirement S6.1.3.d.i has its fixed values",
          [x.get("value") for x in p["parameters"]] == ["３種類以上", "１０文字以上"])
    n_params = sum(len(r.get("parameters", [])) for r in reqs)
    n_fixed = sum(1 for r in reqs for x in r.get("parameters", []) if "value" in x)
    n_docs = sum(len(r.get("documents_ja", [])) for r in reqs)
    n_pts = sum(len(r.get("points", [])) for r in reqs)
    n_notes = sum(len(x.get("notes", [])) for x in reqs + domains + views) + len(catalog["notes"])
    print("  parameters: %d (%d with a value fixed by the text); documents: %d on %d requirements; "
          "points: %d; notes: %d; glossary: %d" % (n_params, n_fixed, n_docs,
                                                  sum(1 for r in reqs if r.get("documents_ja")), n_pts,
                                                  n_notes, len(catalog["glossary"])))
    print_roles(reqs)
    return check.ok


def main(argv=None):
    ap = arg_parser(__doc__, SEED_NAME, "atla-ssr.yaml")
    ap.add_argument("--dump", action="store_true", help="print the parsed structure and exit")
    args = ap.parse_args(argv)
    seed = Seed(args.seed)
    if args.dump:
        for sec in sorted(BLOCKS):
            r = parse_section(seed, sec)
            prepare(r)
            for nd in walk(r):
                if nd.level:
                    print("%-14s l.%-5d %s | %s" % (nd.id, nd.line, nd.heading or "", nd.body))
        return 0
    catalog, stats, gl = build(seed)
    text = dump(catalog)
    write_catalog(args.out, text)
    return 0 if run_checks(catalog, text, seed, stats, gl) else 1


if __name__ == "__main__":
    sys.exit(main())
