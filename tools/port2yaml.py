#!/usr/bin/env python3
"""Convert the port-sector information security guideline, volume for system
builders and operators (TOS etc.), into catalogs/port-tos.yaml.

Developer tool: the committed YAML is what taisaku reads.  This script
documents, and makes reproducible, how the YAML was obtained from the seed
(``seeds/004_fbc96da3babfd6cd.txt``, a text extraction of the guideline's
「システム構築・運用者編」 for the terminal operating systems (TOS) and related
systems of port critical-infrastructure operators).

Usage:
    python3 tools/port2yaml.py [--seed PATH] [--out PATH] [--dump]

How the seed is read
--------------------
Chapters 1–3 and 別紙１ are the views; every section that prints a box
【事業者に求めること】 is a domain (grouping headings such as 2.1 or 別紙１
1.5, which print no box, are recorded in notes); every item of a box (➢) is
a requirement, its text the requirement's purpose_ja.  The section's
〔解説〕 and every example group ● of its 〔具体例〕 become points of the
requirement they concern (table POINTS_TO; by default the box's first item):

    〔解説〕 / ●heading        -> point title_ja
    paragraphs                -> point text_ja (one line per paragraph)
    ＜…＞ ① ・ １． ✓ a)       -> items, nested in this order of rank

Physical lines are joined and layout noise removed (line breaks, stray spaces
between full-width characters, the page number, footnotes and their
superscript marks, repeated URL lines); nothing else is changed.  A line
that ends with a space after a Japanese character ends its paragraph or
item (the extraction marks paragraph ends that way; the one exception is
listed in CONTINUES).  The notes ※ … 港湾運送事業法では強制要件 under an
example group become notes on the requirements that group is attached to.

Decisions that are data, not parsing, are the tables below: the headings
and English titles, the requirement titles (a verbatim phrase of the item),
the roles (verbatim from the item, or from where the table says, with a
note), modality, parameters, documents, the Act notes' English text, the
glossary and the anomaly notes.

The script prints the consistency checks at the end and exits with status 1
if one fails.
"""

import re
import sys

import seedlib
from seedlib import (Checks, arg_parser, check_fragments, check_no_pua, check_reload, check_unique,
                     checked_documents, checked_note, clean, note, parameter_entries, squash, write_catalog)

SEED_NAME = "seeds/004_fbc96da3babfd6cd.txt"
SEED_SHA256 = "8b456ca225285a0d8a509044e58041762c08fa8f35b95b7526e80561379ed792"

# --------------------------------------------------------------------------
# Text helpers (shared ones in tools/seedlib.py)
# --------------------------------------------------------------------------


def join_wrapped(a, b):
    """Join two physical lines of one sentence (a URL on the second line is
    set off by a space)."""
    return seedlib.join_wrapped(a, b, url_space=True)


def ends_unit(raw):
    """The extraction ends a paragraph or list item with a space after the
    last Japanese character ("TOS " at a line end is a word space)."""
    s = raw.rstrip()
    return raw != s and bool(s) and not s[-1].isascii()


# --------------------------------------------------------------------------
# Layout noise: lines that are not running text, superscript footnote marks
# --------------------------------------------------------------------------

# footnotes (with their URL lines), URL lines the extraction repeats, the page number
NOISE_RANGES = [(873, 895), (903, 907), (915, 917), (1253, 1257), (1430, 1430), (2534, 2536)]
# superscript footnote marks glued to the text: line -> (as printed, without the mark)
FOOTNOTE_MARKS = {
    864: ("パケットフィルタリング1", "パケットフィルタリング"),
    866: ("handshake2 時", "handshake 時"),
    868: ("攻撃3への", "攻撃への"),
    870: ("Firewall）4の", "Firewall）の"),
    896: ("Network）5サービス", "Network）サービス"),
    1233: ("（例）6〕", "（例）〕"),
    2529: ("ガイドライン7において", "ガイドラインにおいて"),
}
# a line that continues the item before it although that line ends with a space
CONTINUES = {370, 620}


class Seed(seedlib.Seed):
    sha256 = SEED_SHA256

    def __init__(self, path):
        super().__init__(path)
        self.noise = set()
        for a, b in NOISE_RANGES:
            self.noise |= set(range(a, b + 1))
        text = []
        for n in range(1, len(self.lines) + 1):
            if n not in self.noise:
                text.append(self.text(n))
        # the seed without its layout noise: for text a footnote interrupts
        self.flat_clean = squash("".join(text))

    def text(self, n):
        """Line n with its superscript footnote mark removed."""
        s = self.lines[n - 1]
        if n in FOOTNOTE_MARKS:
            printed, plain = FOOTNOTE_MARKS[n]
            if printed not in s:
                raise SystemExit("l.%d: footnote mark %r not found" % (n, printed))
            s = s.replace(printed, plain)
        return s

    def occurs_clean(self, text):
        return squash(text) in self.flat_clean

    def around(self, line):
        """Lines n-4 .. n+4, as printed and without layout noise (a quote a
        footnote interrupts)."""
        rng = range(max(1, line - 4), min(len(self.lines), line + 4) + 1)
        return ["".join(self.line(k) for k in rng), "".join(self.text(k) for k in rng if k not in self.noise)]


# --------------------------------------------------------------------------
# Data: views and sections
# --------------------------------------------------------------------------

# (view id, heading line, number as printed, title_ja, title_en)
VIEWS = [
    ("P1", 72, "1", "事前準備", "Advance preparation"),
    ("P2", 254, "2", "平時対策", "Normal-time measures"),
    ("P3", 1885, "3", "インシデント発生時及び事後対応", "Incident response and follow-up"),
    ("A", 2032, "別紙１", "システムの取得・開発・保守に係るセキュリティ管理策",
     "Annex 1: Security controls for the acquisition, development and maintenance of systems"),
]

# (view, number as printed, heading line, title_ja, title_en); title_en None: a grouping heading (no box)
SECTIONS = [
    ("P1", "1.1", 73, "災害による障害の発生しにくい設備の設置及び管理",
     "Installing and managing facilities that resist disaster-caused failures"),
    ("P1", "1.2", 116, "装置の管理", "Equipment management"),
    ("P1", "1.3", 183, "リモートアクセス環境導入に関する対策基準の策定",
     "Standards for introducing remote access environments"),
    ("P2", "2.1", 255, "不正アクセス等の脅威への対策", None),
    ("P2", "2.1.1", 257, "利用者アクセスの管理", "User access management"),
    ("P2", "2.1.2", 379, "主体認証機能", "Authentication functions"),
    ("P2", "2.1.3", 513, "権限管理機能", "Privilege management functions"),
    ("P2", "2.2", 552, "情報システム等のアクセス制御", None),
    ("P2", "2.2.1", 554, "アクセス制御機能", "Access control functions"),
    ("P2", "2.2.2", 670, "パスワード管理", "Password management"),
    ("P2", "2.3", 743, "暗号を活用した情報管理", "Information management with cryptography"),
    ("P2", "2.4", 814, "負荷分散・冗長化", "Load distribution and redundancy"),
    ("P2", "2.5", 918, "多層防御", "Defence in depth"),
    ("P2", "2.6", 991, "資産のセキュリティ運用", None),
    ("P2", "2.6.1", 993, "情報システムの構成要素の運用", "Operating the components of information systems"),
    ("P2", "2.6.2", 1186, "情報システムの監視", "Monitoring information systems"),
    ("P2", "2.6.3", 1215, "情報システムの更改・廃棄時の措置", "Measures when systems are replaced or disposed of"),
    ("P2", "2.6.4", 1258, "データ管理", "Data management"),
    ("P2", "2.7", 1277, "サイバー攻撃等に備えた運用管理", None),
    ("P2", "2.7.1", 1279, "マルウェアからの保護", "Protection from malware"),
    ("P2", "2.7.2", 1441, "バックアップ", "Backup"),
    ("P2", "2.7.3", 1585, "ログ取得", "Log acquisition"),
    ("P2", "2.7.4", 1683, "運用ソフトウェアの管理", "Management of operational software"),
    ("P2", "2.7.5", 1746, "脆弱性の管理", "Vulnerability management"),
    ("P2", "2.7.6", 1850, "電子メール運用時の対策", "Measures for operating e-mail"),
    ("P3", "3.1", 1886, "インシデント発生時のコンティンジェンシープランの実行",
     "Executing the contingency plan when an incident occurs"),
    ("A", "1.1", 2055, "情報システムの取得・開発・改善における要求事項の確認",
     "Security requirements when acquiring, developing or improving systems"),
    ("A", "1.2", 2102, "情報システムのセキュリティ要件", None),
    ("A", "1.2.1", 2114, "情報システム企画・要件定義", "System planning and requirements definition"),
    ("A", "1.2.2", 2191, "情報システムの構築", "System construction"),
    ("A", "1.3", 2229, "端末、サーバ装置、複合機及び特定用途機器", None),
    ("A", "1.3.1", 2231, "端末", "Terminals"),
    ("A", "1.3.2", 2341, "サーバ装置", "Servers"),
    ("A", "1.3.3", 2398, "複合機及び IoT機器を含む特定用途機器",
     "Multifunction devices and special-purpose devices including IoT devices"),
    ("A", "1.3.4", 2507, "端末、サーバ装置、複合機及び特定用途機器の調達",
     "Procuring terminals, servers, multifunction and special-purpose devices"),
    ("A", "1.4", 2575, "アプリケーション", None),
    ("A", "1.4.1", 2577, "電子メール", "E-mail"),
    ("A", "1.4.2", 2634, "ウェブ", "Web"),
    ("A", "1.4.3", 2701, "ドメインネームシステム（DNS）", "Domain Name System (DNS)"),
    ("A", "1.4.4", 2745, "データベース", "Databases"),
    ("A", "1.4.5", 2784, "Web会議", "Web conferencing"),
    ("A", "1.5", 2841, "通信回線及び通信回線装置", None),
    ("A", "1.5.1", 2855, "通信回線共通対策", "Common measures for communication lines"),
    ("A", "1.5.2", 2926, "リモートアクセス環境導入時の対策", "Measures when introducing remote access environments"),
    ("A", "1.5.3", 2989, "無線 LAN環境導入時の対策", "Measures when introducing wireless LAN"),
    ("A", "1.5.4", 3031, "IPv6 (Internet Protocol Version 6)通信回線", "IPv6 communication lines"),
    ("A", "1.5.5", 3058, "5G /ローカル5G通信回線", "5G and local 5G communication lines"),
]


def sec_key(view, num):
    """Domain ID: P2-1-1 (chapter 2, section 2.1.1), A1-5-2 (別紙１ section 1.5.2)."""
    if view == "A":
        return "A" + num.replace(".", "-")
    return "P" + num.replace(".", "-")


def req_id(view, num, i):
    """Requirement ID: P2.1.1.3 (third box item of 2.1.1), A1.5.2.1 (別紙１ 1.5.2)."""
    return ("A" if view == "A" else "P") + num + "." + str(i)


# --------------------------------------------------------------------------
# Parsing one section
# --------------------------------------------------------------------------

RANK = [  # (rank, pattern): list markers, nested in this order
    (0, re.compile(r"^＜.*＞$")),
    (1, re.compile(r"^[①②③] ")),
    (2, re.compile(r"^・ ?")),
    (3, re.compile(r"^[１２３４５]． ")),
    (4, re.compile(r"^✓ ?")),
    (4, re.compile(r"^[a-m]\) ")),
]
STRIP_MARK = {2: "・", 4: "✓"}     # bullet symbols dropped; numbers and ＜＞ kept as printed


class Block:
    """A point: 〔解説〕 or one example group ●."""

    def __init__(self, title, line):
        self.title, self.line = title, line
        self.paras = []         # [ [text, first line, after_items] ]
        self.items = []         # [ Item ]
        self.ptba = []          # [ [text, first line] ]  the ※ notes
        self.cur = None         # the unit physical lines are appended to

    def all_items(self):
        def walk(xs):
            for x in xs:
                yield x
                yield from walk(x.items)
        return list(walk(self.items))


class Item:
    def __init__(self, rank, text, line):
        self.rank, self.text, self.line, self.items = rank, text, line, []


class Unit:
    """Something physical lines are appended to: a box item, a paragraph, an item, a note."""

    def __init__(self, target, key):
        self.target, self.key = target, key

    def add(self, s):
        cur = self.target[self.key]
        if cur and s.startswith(" "):
            self.target[self.key] = cur.rstrip() + s
        else:
            self.target[self.key] = join_wrapped(cur, s) if cur else s.strip()


class Section:
    def __init__(self, view, num, line, title, title_en):
        self.view, self.num, self.line, self.title, self.title_en = view, num, line, title, title_en
        self.pre = []           # [ [text, line] ] text before the box (grouping headings)
        self.box = []           # [ [text, line] ]
        self.box_line = None
        self.box_marked = True
        self.expl = None        # Block
        self.blocks = []        # [ Block ]
        self.ex_line = None


def parse_section(seed, sec, first, last):
    mode = "pre"
    unit = None
    stack = []      # (rank, Item) within the current block
    block = None
    prev_ended = True
    word_space = False
    for n in range(first, last + 1):
        if n in seed.noise:
            continue
        raw = seed.text(n)
        if not raw.strip():
            continue
        s = raw.strip()
        ended = ends_unit(raw)
        new_para = prev_ended and n not in CONTINUES
        prev_ended = ended
        # "TOS " at the end of the line before: a space between words
        cont = (" " + s) if word_space else s
        word_space = raw != raw.rstrip() and raw.rstrip()[-1:].isascii() and raw.rstrip()[-1:].isalnum()
        if s == "【事業者に求めること】":
            mode, sec.box_line, unit = "box", n, None
            continue
        if s == "〔解説〕":
            mode, unit, stack = "expl", None, []
            block = sec.expl = Block("〔解説〕", n)
            continue
        if s.startswith("〔具体例"):
            mode, unit, block, sec.ex_line = "ex", None, None, n
            continue
        if mode == "pre":
            if new_para or unit is None:
                sec.pre.append(["", n])
                unit = Unit(sec.pre[-1], 0)
            unit.add(s)
            continue
        if mode == "box":
            if s.startswith("➢"):
                sec.box.append([s[1:].strip(), n])
                unit = Unit(sec.box[-1], 0)
            elif unit is None:
                # 2.6.3 prints its one box item without ➢
                sec.box_marked = False
                sec.box.append([s, n])
                unit = Unit(sec.box[-1], 0)
            else:
                unit.add(cont)
            continue
        # 〔解説〕 or 〔具体例〕
        if s.startswith("●"):
            if mode != "ex":
                raise SystemExit("l.%d: example group outside 〔具体例〕" % n)
            title = s[1:].strip()
            if title.endswith("〕"):       # 2.6.3: 〔具体例 … （例）〕
                title = title[:-1]
            block = Block(title, n)
            sec.blocks.append(block)
            unit, stack = None, []
            continue
        if block is None:
            raise SystemExit("l.%d: text outside any block: %s" % (n, s[:30]))
        if s.startswith("※"):
            block.ptba.append([s, n])
            unit = Unit(block.ptba[-1], 0)
            continue
        if s.startswith("＊注") and block.ptba and unit is not None and unit.target is block.ptba[-1]:
            # the definition of 特定の港 printed under the ※ notes belongs to the last one
            block.ptba[-1][0] = block.ptba[-1][0] + "\n" + s
            continue
        rank = None
        for r, rx in RANK:
            if rx.match(s):
                rank = r
                break
        if rank is not None:
            text = s
            if rank in STRIP_MARK and s.startswith(STRIP_MARK[rank]):
                text = s[len(STRIP_MARK[rank]):].strip()
            it = Item(rank, text, n)
            while stack and stack[-1][0] >= rank:
                stack.pop()
            (stack[-1][1].items if stack else block.items).append(it)
            stack.append((rank, it))
            unit = Unit(it.__dict__, "text")
            continue
        if s.startswith("http") and unit is not None:
            unit.add(s)         # a URL printed on its own line under the item it belongs to
            continue
        if new_para or unit is None:
            block.paras.append([s, n, bool(block.items)])
            unit = Unit(block.paras[-1], 0)
            stack = []
            continue
        unit.add(cont)
    for b in ([sec.expl] if sec.expl else []) + sec.blocks:
        for p in b.paras:
            p[0] = clean(p[0])
        for it in b.all_items():
            it.text = clean(it.text)
        for p in b.ptba:
            p[0] = "\n".join(clean(x) for x in p[0].split("\n"))
    for x in sec.box + sec.pre:
        x[0] = clean(x[0])
    return sec


def parse_all(seed):
    heads = [(line, "view", v) for v, line, _, _, _ in VIEWS] + \
            [(line, "sec", (v, num)) for v, num, line, _, _ in SECTIONS]
    heads.sort()
    vtitle = {}
    for vid, line, printed, title, _ in VIEWS:
        head = squash(seed.line(line))
        if head != squash(printed + title):
            raise SystemExit("l.%d: %r is not the heading %s %s" % (line, head, printed, title))
        vtitle[vid] = title
    sections = []
    view_pre = {}
    for k, (line, kind, what) in enumerate(heads):
        last = heads[k + 1][0] - 1 if k + 1 < len(heads) else len(seed.lines)
        if kind == "view":
            # text between a view heading and its first section (別紙１'s introduction)
            paras, cur = [], None
            prev_ended = True
            for n in range(line + 1, last + 1):
                raw = seed.text(n)
                if not raw.strip() or n in seed.noise:
                    continue
                if prev_ended or cur is None:
                    paras.append(["", n])
                    cur = paras[-1]
                cur[0] = join_wrapped(cur[0], raw.strip()) if cur[0] else raw.strip()
                prev_ended = ends_unit(raw)
            view_pre[what] = [[clean(t), n] for t, n in paras]
            continue
        v, num = what
        ent = next(e for e in SECTIONS if e[0] == v and e[1] == num)
        head = squash(seed.line(line))
        if head != squash(num + ent[3]):
            raise SystemExit("l.%d: %r is not the heading %s %s" % (line, head, num, ent[3]))
        sec = parse_section(seed, Section(v, num, line, ent[3], ent[4]), line + 1, last)
        if ent[4] is None and (sec.box or sec.expl or sec.blocks):
            raise SystemExit("%s %s: a grouping heading with a box" % (v, num))
        if ent[4] is not None and not sec.box:
            raise SystemExit("%s %s: no box" % (v, num))
        sections.append(sec)
    return sections, view_pre


# --------------------------------------------------------------------------
# Data: requirements
# --------------------------------------------------------------------------

SBO = "システム構築・運用者"
CIO = "重要インフラ事業者等"

REQ = {}


def R(rid, en, mod, title=None, role=SBO, role_from=None, params=(), docs=()):
    """title: a verbatim phrase of the item for boxes with several items (single
    items take the section heading); role_from: None when the item names the
    role itself, else (where, text_ja, line) of the text that names it."""
    assert rid not in REQ, rid
    REQ[rid] = dict(en=en, mod=mod, title=title, role=role, role_from=role_from,
                    params=list(params), docs=list(docs))


def FIRST(rid):
    return ("box", rid)


READERS = ("readers", "実務を担う担当者（外部委託先含む）として対応すべき事項", 19)

# 1 事前準備
R("P1.1.1", "Consider physical protection of servers, terminals and line equipment against threats", "should")
R("P1.2.1", "Consider physical protection of equipment and power management (outages, lightning)", "consider")
R("P1.3.1", "Set standards for remote access environments used for telework", "shall",
  docs=["リモートアクセス環境導入に関する対策基準"])
# 2 平時対策
R("P2.1.1.1", "Technical safeguards for data: access control, anti-malware, monitoring", "shall",
  "データに対する技術的な安全管理措置を講ずる")
R("P2.1.1.2", "External connections (VPN routers etc.): only pre-authorised parties can connect", "shall",
  "接続元 IP アドレスの指定等予め許可された者のみがシステムへの接続が可能となるよう", role_from=FIRST("P2.1.1.1"))
R("P2.1.1.3", "Internal servers and network devices: only pre-authorised parties can connect", "shall",
  "管理者用パスワードの適正な管理等予め許可された者のみがシステムへの接続が可能となるよう", role_from=FIRST("P2.1.1.1"))
R("P2.1.2.1", "Identification and authentication functions according to the classification of information", "shall",
  "識別及び主体認証を行う機能を設ける")
R("P2.1.2.2", "Authenticate external users on VPN routers and other external-connection devices", "shall",
  "外部ユーザに対する主体認証を実施する", role_from=FIRST("P2.1.2.1"))
R("P2.1.2.3", "Authenticate administrators on internal servers and network devices", "shall",
  "管理者に対する主体認証を実施する", role_from=FIRST("P2.1.2.1"))
R("P2.1.3.1", "Consider the need for privilege management and provide it", "shall")
R("P2.2.1.1", "Consider the need for access control for each critical system and provide it", "shall",
  "アクセス制御を行う機能を設ける")
R("P2.2.1.2", "Control external access to VPN routers etc. (account lock etc.)", "shall",
  "アカウントロック機能等により、外部からのアクセスを適切に制御する", role_from=FIRST("P2.2.1.1"))
R("P2.2.1.3", "Firewalls etc. even where TOS etc. connect to external systems by leased lines", "should",
  "ファイアウォール設置等の措置を講じる", role_from=FIRST("P2.2.1.1"))
R("P2.2.2.1", "Password management against password attacks", "shall")
R("P2.3.1", "Implement encryption and digital signature functions", "shall",
  "暗号化機能及び電子署名の付与機能等を適切に実装する")
R("P2.3.2", "Control systems without encryption: alternatives such as log and traffic monitoring", "should",
  "ログや通信の監視等の代替措置を講ずる", role_from=FIRST("P2.3.1"))
R("P2.4.1", "Consider load distribution and redundancy; duplicate where needed", "shall",
  "システムの負荷分散や冗長化について検討を行い")
R("P2.4.2", "Prepare a backup system for business continuity after a cyberattack on TOS etc.", "shall",
  "バックアップシステムを用意する", role_from=FIRST("P2.4.1"))
R("P2.5.1", "Defence in depth for terminals, networks, systems and services of critical operations", "should")
R("P2.6.1.1", "Component-specific security in operating terminals, servers, lines, multifunction and special-purpose devices",
  "shall")
R("P2.6.2.1", "Monitor systems in normal times so that events can be found and traced", "shall")
R("P2.6.3.1", "Secure migration and erasure of unneeded information when systems are replaced or disposed of",
  "shall")
R("P2.6.4.1", "Data management according to the system's risk assessment (protection, storage location)", "shall")
R("P2.7.1.1", "Define daily practices for handlers to avoid malware infection", "shall",
  "取扱者に対する日常的実施事項を定める")
R("P2.7.1.2", "Anti-malware measures for external-connection network devices and servers in the TOS network", "shall",
  "適切なマルウェア対策を講じる", role_from=FIRST("P2.7.1.1"))
R("P2.7.1.3", "Operating rules for external storage media (USB) to avoid malware infection", "shall",
  "適切な運用ルールを定め実施する", role_from=FIRST("P2.7.1.1"))
R("P2.7.2.1", "Take backups against system failures and cyberattacks", "shall",
  "バックアップを適切に取得する")
R("P2.7.2.2", "Store backups apart from the live system", "shall",
  "現用システムとは切り離した場所に保存する", role_from=FIRST("P2.7.2.1"))
R("P2.7.3.1", "Acquire logs to confirm normal operation and detect unauthorised access", "shall",
  "必要に応じてログを取得する")
R("P2.7.3.2", "Collect logs of external network devices and TOS servers periodically; back them up outside the system",
  "shall", "定期的に取得し、システム外にバックアップを保存する", role_from=FIRST("P2.7.3.1"),
  params=[("サーバ機器等のログを定期的に取得", None)])
R("P2.7.4.1", "Understand the settings of systems, control systems and software (cloud services included)", "shall",
  "可能な限り把握・理解し、安全性の確保に努める")
R("P2.7.4.2", "Check and update the software of external network devices and TOS servers periodically", "shall",
  "ソフトウェアの情報を定期的に確認し、必要に応じ更新する", role_from=FIRST("P2.7.4.1"),
  params=[("ソフトウェアの情報を定期的に確認", None)])
R("P2.7.5.1", "Collect vulnerability information; check the state of countermeasures periodically", "shall",
  "脆弱性対策の状況を定期的に確認する", params=[("脆弱性対策の状況を定期的に確認", None)])
R("P2.7.5.2", "Control systems: alternatives such as traffic monitoring where updates or scans are impractical", "shall",
  "制御システムに関する通信を監視する等の代替策を検討し", role_from=FIRST("P2.7.5.1"))
R("P2.7.6.1", "Make the e-mail measures known throughout the organisation", "shall")
# 3 インシデント発生時及び事後対応
R("P3.1.1", "Follow the contingency plan: grasp the situation, contain damage, recover early", "shall",
  docs=["コンティンジェンシープラン"])
# 別紙１
R("A1.1.1", "Consider security requirements when acquiring, developing or improving systems; use certification",
  "shall", role_from=READERS)
R("A1.2.1.1", "Ask the responsible manager for a security maintenance structure over the whole system", "shall")
R("A1.2.2.1", "Take cybersecurity measures when building systems", "shall")
R("A1.3.1.1", "Terminals: measures against infection through misuse and against loss or theft", "shall",
  role_from=("ex", "システム構築・運用者は、端末で利用を認めるソフトウェア", 2252))
R("A1.3.2.1", "Servers: measures against unauthorised access, infection and outage", "shall")
R("A1.3.3.1", "Multifunction and IoT devices: name who is responsible and take measures", "should",
  role_from=("ex", "システム構築・運用者は、複合機を調達する際には", 2438))
R("A1.3.4.1", "Procurement: respond to supply-chain risk in view of Article 7 of the Cybersecurity Basic Act", "shall",
  role=CIO, role_from=("expl", "重要インフラ事業者等においてもこれらを参考として対策に活用することが", 2531))
R("A1.4.1.1", "E-mail: management and usage standards", "shall",
  role_from=("ex", "システム構築・運用者は、電子メールにおけるセキュリティ上のリスク", 2603),
  docs=["電子メールサーバの管理及び電子メールの利用に関する対策基準"])
R("A1.4.2.1", "Web servers: measures against tampering, outage and intrusion", "shall",
  role_from=("ex", "システム構築・運用者は、ウェブサーバを用いて提供するサービス", 2656))
R("A1.4.3.1", "DNS: server management and other measures", "shall",
  role_from=("ex", "システム構築・運用者は、DNSサーバの運用を維持するため", 2715))
R("A1.4.4.1", "Databases: measures against unauthorised access and improper use", "shall")
R("A1.4.5.1", "Web conferencing: operation, management and usage standards", "shall",
  role_from=("ex", "システム構築・運用者は、Web 会議におけるセキュリティ上のリスク", 2804),
  docs=["利用に関する対策基準"])
R("A1.5.1.1", "Realise and maintain the security of communication lines", "shall")
R("A1.5.2.1", "Standards for introducing remote access environments", "shall", role_from=READERS,
  docs=["リモートアクセス環境導入に関する対策基準"])
R("A1.5.3.1", "Wireless LAN: encryption and further measures", "shall",
  role_from=("expl", "システム構築・運用者は、無線 LAN 環境を構築する場合には", 3005))
R("A1.5.4.1", "IPv6: measures against its misuse for unauthorised access", "shall",
  role_from=("expl", "システム構築・運用者は、IPv6 通信を行う情報システムに係る対策として", 3042))
R("A1.5.5.1", "5G and local 5G lines: common line measures plus local-5G-specific risks", "shall")

# The 〔解説〕 paragraphs and example groups ● of boxes with several items: which
# item (1, 2, …) each belongs to, in printed order.  Sections not listed: all to item 1.
POINTS_TO = {
    "P2-1-1": {"blocks": [2, 3, 1]},
    "P2-1-2": {"blocks": [2, 3, 1, 1]},
    "P2-2-1": {"blocks": [2, 3, 1]},
    "P2-3": {"expl": [1, 2]},
    "P2-4": {"blocks": [2, 1]},
    "P2-7-1": {"expl": [1, 2], "blocks": [2, 2, 3, 1]},
    "P2-7-3": {"blocks": [2, 1, 1]},
    "P2-7-4": {"blocks": [2, 2, 1]},
    "P2-7-5": {"expl": [1, 1, 2]},
}

# --------------------------------------------------------------------------
# Data: the notes ※ … 港湾運送事業法では強制要件 (line of the ※ -> English text)
# --------------------------------------------------------------------------

ACT = "Mandatory under the Port Transport Business Act: "
BLANK = ("The marker symbol that showed which bullets are meant is blank in the seed (※ followed by spaces), "
         "so which of them it covers cannot be read from this text.")
PTBA_EN = {
    323: ACT + "for all ports (全ての港), marked bullets of the example group 外部との接続に係る不正アクセス対策 "
               "(five measures for VPN routers and other external-connection devices: source IP restriction, "
               "multi-factor authentication with complex passwords, distribution of identification codes, account "
               "lock, detection of login attempts). " + BLANK + " The group prints a second note for the specific ports.",
    325: ACT + "for the specific ports (特定の港: 京浜港, 名古屋港, 大阪港, 神戸港 and 博多港, as the note ＊注 says), "
               "other marked bullets of the example group 外部との接続に係る不正アクセス対策. " + BLANK,
    350: ACT + "for the specific ports, marked bullets of the example group TOS等ネットワーク内のサーバ機器、"
               "ネットワーク機器に係る不正アクセス対策 (multi-factor authentication of administrators with complex "
               "passwords; distribution of identification codes). " + BLANK,
    352: ACT + "for all ports, appropriate management of the administrators' initial IDs and passwords (changing them "
               "etc.) and complex passwords that are not easily guessed, as the note itself says (example group TOS等"
               "ネットワーク内のサーバ機器、ネットワーク機器に係る不正アクセス対策). The marker symbol is blank in the seed.",
    445: ACT + "for the specific ports, marked bullets of the example group 外部との接続に係る主体認証機能 "
               "(multi-factor authentication of external users with complex passwords; distribution of "
               "identification codes). " + BLANK,
    466: ACT + "for all ports, appropriate management of the administrators' initial IDs and passwords (changing them "
               "etc.) and complex passwords that are not easily guessed, as the note itself says (example group TOS等"
               "ネットワーク内のサーバ機器、ネットワーク機器に係る主体認証機能). The marker symbol is blank in the seed.",
    604: ACT + "for all ports, marked bullets of the example group 外部との接続に係るアクセス制御対策 (account lock; "
               "detection of login attempts). " + BLANK + " Both bullets are worded 実装することが望ましい (desirable), "
               "so whichever is marked, the text calls desirable what the note says the Act makes mandatory.",
    1339: ACT + "for all ports, marked bullets of the example group 外部接続するネットワーク機器に係るマルウェア対策 "
                "(periodic check and update of the software; periodic log acquisition with a backup outside the "
                "system; replacing the device after an attack). " + BLANK,
    1360: ACT + "for all ports, marked bullets of the example group TOS等ネットワーク内のサーバ機器等に係るマルウェア対策 "
                "(security software with current virus patterns; periodic logs with a backup outside the system; "
                "periodic check and update of the software). " + BLANK,
    1376: ACT + "for the specific ports, the example group 外部記憶媒体（USB等）に係るマルウェア対策, whose one "
                "measure is to refrain from USB media and, where unavoidable, to virus-check them beforehand on a "
                "terminal separated from TOS. The marker symbol is blank in the seed; the group has no other measure.",
    1495: ACT + "for all ports, setting appropriate backup targets and taking backups at an appropriate frequency, as "
                "the note itself says (the first two bullets of the example group バックアップ). The marker symbol "
                "is blank in the seed.",
    1499: ACT + "for all ports, further marked bullets of the example group バックアップ. " + BLANK +
                " It may cover keeping several generations (P2.7.2.1) or storing backups apart from the live system "
                "(P2.7.2.2), so the note is recorded on both requirements.",
    1623: ACT + "for all ports, the example group TOS等ネットワーク内のサーバ機器、ネットワーク機器のログの取得: "
                "periodic log acquisition of servers and network devices with a backup outside the system, its one "
                "measure. The marker symbol is blank in the seed.",
    1717: ACT + "for all ports, the example group 外部接続するネットワーク機器に係る運用ソフトウェアの管理: periodic "
                "check and reliable update of the software on VPN routers and other network devices, its one "
                "measure. The marker symbol is blank in the seed.",
}
# notes recorded on a further requirement besides the one their example group belongs to
PTBA_ALSO = {1499: ["P2.7.2.2"]}

# --------------------------------------------------------------------------
# Data: notes.  (text_en, line, text_ja or None); text_ja must occur near the line.
# --------------------------------------------------------------------------

CATALOG_NOTES = [
    ("The seed prints no cover, title, publisher, version or date. It calls itself 本ガイドラインの"
     "「システム構築・運用者編」, one volume of a guideline whose other volumes it names 導入編, 経営者層編 and "
     "セキュリティ責任者編, issued as a national guideline under the Cybersecurity Basic Act (国が定める"
     "「ガイドライン」). title_ja is the volume's name as the seed prints it. Public sources name the guideline "
     "「港湾分野における情報セキュリティ確保に係る安全ガイドライン」 of the Ministry of Land, Infrastructure, "
     "Transport and Tourism (2nd edition, March 2025), of which this appears to be a volume; the seed does not "
     "confirm this (unverified), so publisher_ja is left out "
     "and version says only what the seed says (it refers to a 第1版 and describes the state of technology as of 2024).",
     13, "本ガイドラインの「システム構築・運用者編」"),
    ("The introduction はじめに (intended readers, background after the Nagoya Port incident of July 2023, how to "
     "read the guideline) is not a requirement and is left out. It says that the items in the boxes "
     "【事業者に求めること】 are, by the nature of the guideline, recommendations only. modality therefore records "
     "how each item is worded, not legal force; the only legal obligations the seed names are those of the Port "
     "Transport Business Act, recorded as notes on the requirements concerned.",
     57, "それら事項は、本ガイドラインの性格上、あくまでも推奨事項である"),
    ("The introduction says the examples 〔具体例〕 reflect the state of technology as of 2024 and may become "
     "obsolete within a few years; they should be updated to current threats and countermeasures.",
     59, "2024 年時点の対策技術動向をもとにした内容であり、数年で陳腐化するおそれもある"),
    ("The introduction says that some content overlaps the other volumes (経営者層編, セキュリティ責任者編) and "
     "refers to table 1 of 導入編 2.3.3, which is not in the seed.", 67, "読み手間で重複する内容がある"),
    ("Structure: chapters 1–3 and the annex 別紙１ are the views P1, P2, P3 and A; every section with a box "
     "【事業者に求めること】 is a domain (P2-1-1 = section 2.1.1; A1-5-2 = section 1.5.2 of 別紙１); every item "
     "of a box is a requirement (P2.1.1.2 = second item of 2.1.1's box). Views, domains and requirements cannot "
     "share an ID: domain IDs use hyphens, requirement IDs dots. A requirement's points are the section's "
     "〔解説〕 (title 〔解説〕, its paragraphs one per line, its list as items) and the example groups ● of its "
     "〔具体例〕 (title = the group's heading, its lead paragraphs as text_ja, its bullets as items nested as "
     "printed: ＜…＞ sub-headings, ① ② ③, ・, １．–５．, ✓ and a)–m)). Where a box has several items, each "
     "paragraph of the 〔解説〕 and each example group goes to the item it concerns (the TOS-specific groups for "
     "VPN routers to the VPN item, and so on); what concerns the box as a whole goes to its first item. The "
     "bullet symbols ●, ・, ✓ and ➢ are dropped; numbers and ＜＞ headings are kept as printed.", None, None),
    ("Box items print no heading of their own. A requirement that is the only item of its box takes the section "
     "heading as title_ja; where a box has several items, title_ja is a phrase taken verbatim from the item.",
     None, None),
    ("The boxes are addressed to 事業者 (【事業者に求めること】, what is asked of operators); most items name "
     "システム構築・運用者 (builders and operators of the systems, the volume's intended readers, outsourced "
     "vendors included) as the one who acts. That term covers both the builder and the operator; the seed never "
     "names them separately. Where an item names no subject, role_ja is taken from the text the requirement's "
     "note gives.", 19, "当者（外部委託先含む）として対応すべき事項とその考え方を示している"),
    ("modality follows each item's own wording: 望ましい (desirable) → should; an item that only asks to consider "
     "(検討する, P1.2.1) → consider; instructions (講ずる, 設ける, 行う, 定める, 実施する, 求めること, and 努める as an "
     "effort obligation) and statements of necessity (必要である, 必要がある, 求められる) → shall; 重要 (important, "
     "A1.3.3.1) → should.", None, None),
    ("Port Transport Business Act (港湾運送事業法): fourteen notes ※ … は、港湾運送事業法では強制要件 under "
     "TOS-specific example groups of chapter 2 say that the Act makes the marked measures mandatory for all "
     "ports (10 notes) or for the five specific ports (4 notes). The marker symbol that identified the bullets "
     "is blank in the extraction, so the notes are recorded on the requirements their example groups belong to, "
     "with text_en saying what the note itself states and which bullets it may cover. Every requirement "
     "concerned is already worded as an instruction (modality shall); the legal obligation attaches to the "
     "marked example measures, not to the item's wording, so no modality was changed.", 323, "港湾運送事業法では強制要件"),
    ("Layout noise removed: line breaks, spaces between full-width characters, the one page number the "
     "extraction prints (24, inside the examples of 2.7.1), the footnotes 1–7 with their URLs and the "
     "superscript footnote numbers glued to the text (パケットフィルタリング1, 3-way handshake2, DoS/DDoS 攻撃3, "
     "WAF（…）4, CDN（…）5, （例）6, ガイドライン7), and URL lines the extraction repeats. Footnotes 1–5 are "
     "definitions and are kept in the glossary; footnotes 6 and 7 cite sources and are kept in notes.",
     1430, "24"),
    ("The seed has no glossary. The glossary holds the terms it defines itself: footnotes 1–5, the notes ＊注 on "
     "特定の港 and NAT, the definitions …とは… of パスワードリスト攻撃 and 標的型攻撃, and セキュリティ・バイ・デザイン "
     "(…方策を指す「セキュリティ・バイ・デザイン」). Terms it uses without defining them (格付け, 要安定情報, "
     "要管理対策区域, 取扱制限) are not in it.", None, None),
    ("The sections of 別紙１ are numbered 1.1–1.5.5 again, like chapter 1; their IDs carry the prefix A "
     "(A1-1, A1.1.1) to tell them apart.", 2055, "1.1 情報システムの取得・開発・改善における要求事項の確認"),
]

VIEW_NOTES = {
    "P2": [
        ("The headings 2.1 不正アクセス等の脅威への対策, 2.2 情報システム等のアクセス制御, 2.6 資産のセキュリティ運用 "
         "and 2.7 サイバー攻撃等に備えた運用管理 group sections 2.1.1–2.1.3, 2.2.1–2.2.2, 2.6.1–2.6.4 and "
         "2.7.1–2.7.6; they print no box and no text of their own and are not domains.", 255,
         "2.1 不正アクセス等の脅威への対策"),
    ],
    "A": [
        ("The headings 1.2 情報システムのセキュリティ要件, 1.3 端末、サーバ装置、複合機及び特定用途機器, 1.4 アプリケーション "
         "and 1.5 通信回線及び通信回線装置 of 別紙１ group sections 1.2.1–1.2.2, 1.3.1–1.3.4, 1.4.1–1.4.5 and "
         "1.5.1–1.5.5; they print no box and are not domains. 1.2 and 1.5 print an introduction of their own, "
         "given in the next two notes.", 2102, "1.2 情報システムのセキュリティ要件"),
    ],
}

REQ_NOTES = {
    "P1.2.1": [
        ("The bullet on cable conduits and lockable rooms or boxes is printed twice, under 機器・装置等の物理的な保護（例） "
         "and again under 電源管理（例）; both are kept.", 172,
         "重要システムの通信・電源ケーブルについて、ケーブル保護のための外装電線管の導入や")],
    "P2.2.1.2": [
        ("Both bullets of the example group 外部との接続に係るアクセス制御対策 are worded 実装することが望ましい "
         "(desirable), yet the group carries the note that the Act makes the marked bullets mandatory for all ports.",
         598, "アカウントロック機能を実装することが望ましい。")],
    "P2.3.1": [
        ("The text prints 鍵の保存方法の生成手順 (the storage method's generation procedure), apparently for "
         "鍵の保存方法、生成手順; kept as printed.", 785, "鍵の保存方法の生成手順")],
    "P2.4.1": [
        ("The example list 負荷分散・冗長化の対策（例） carries footnotes 1–5 defining its terms (kept in the "
         "glossary). Footnote 3 spells the term Dos/DDos攻撃 (the text: DoS/DDoS 攻撃) and prints 使用不能する "
         "(sic, 使用不能にする); kept as printed.", 881, "Dos/DDos攻撃：分散サービス拒否攻撃")],
    "P2.5.1": [
        ("The 〔解説〕 calls the approach 多重防御 where the box and the heading say 多層防御; kept as printed.", 942,
         "多重防御のセキュリティ対策体系")],
    "P2.6.1.1": [
        ("The last bullet of the multifunction and special-purpose device group (the risk of harming others and the "
         "environment through improper use) is printed as a bullet of its own but reads as a third topic of the "
         "awareness bullet before it; kept as printed.", 1183, "他人への被害や環境への悪影響を与えるリスクがあること")],
    "P2.6.3.1": [
        ("The item of this box is printed without the bullet ➢ that every other box item has.", 1219, None),
        ("The heading of the examples is broken across the group heading: 〔具体例 on one line, "
         "●情報システムの更改・廃棄時の措置（例）6〕 on the next (6 is a footnote mark); the point title is the "
         "group heading without the mark and the bracket.", 1233, "（例）6〕"),
        ("Footnote 6 (printed 6 6) gives the source of these examples: 総務省「廃棄するパソコンやメディアからの情報漏洩」 "
         "(www.soumu.go.jp/main_sosiki/cybersecurity/kokumin/business/business_admin_18.html).", 1253,
         "総務省「廃棄するパソコンやメディアからの情報漏洩」")],
    "P2.6.4.1": [
        ("The section prints no 〔具体例〕; its only point is the 〔解説〕, which refers to セキュリティ責任者編 1.6 "
         "(cloud services), not in the seed.", 1274, "【セキュリティ責任者編１．６クラウドサービス】参照")],
    "P2.7.1.1": [
        ("The examples print 特定の状況化で (sic, 状況下で) and メール運用の対策の実施すること (sic, 対策を実施すること); "
         "kept as printed.", 1394, "特定の状況化で実行できることを承認する")],
    "P2.7.2.1": [
        ("The example group バックアップ取得管理状況の把握（例） refers to a table (以下の表を参照し) that the extraction "
         "does not contain (blank lines only).", 1544, "以下の表を参照し")],
    "P2.7.2.2": [
        ("The section prints no 〔解説〕 paragraph or example group of this item's own; its measure is the last "
         "bullet of the example group バックアップ (with P2.7.2.1) and バックアップ先の分散化 in バックアップ方式の検討（例）.",
         1493, "バックアップは現用のシステムとは切り離した場所に保存すること")],
    "P2.7.4.2": [
        ("The example group TOS等ネットワーク内のサーバ機器等に係る運用ソフトウェアの管理 carries no Act note, although "
         "the same measure under 2.7.1 (サーバ機器及びネットワーク機器上で利用しているソフトウェアの情報を定期的に"
         "確認し、確実に更新する) belongs to a group that is mandatory for all ports.", 1723,
         "サーバ機器及びネットワーク機器上で利用しているソフトウェアの情報を定期的に確認し")],
    "P2.7.5.1": [
        ("The examples' sub-heading prints ＜システム運用・構築者の対策＞ (operators and builders, reversed) where "
         "everywhere else the role is システム構築・運用者; kept as printed.", 1792, "＜システム運用・構築者の対策＞")],
    "P3.1.1": [
        ("The example group インシデント対応の流れ（例） refers to a figure (上図) of the NIST incident response "
         "flow that the extraction does not contain (blank lines only).", 2031, "上図の「検知・分析」から"),
        ("The seed prints the NIST guide's title as Computer Security Incident Handling Guide Revison２ (sic, "
         "Revision 2); kept as printed.", 1997, "Revison２"),
        ("The first example of コンティンジェンシープラン及びBCPの実行（例） is addressed to the 情報セキュリティ責任者"
         "（CISO 等）, not to システム構築・運用者.", 1922, "情報セキュリティ責任者（CISO 等）は、サイバー攻撃等の事象が発生した際")],
    "A1.1.1": [
        ("The bullet on checking the contractor's compliance with the secure development policy is printed twice "
         "(third and fifth bullet); both are kept.", 2099,
         "システム開発を外部委託する場合には、サイバーセキュリティに配慮した開発方針の遵守状況を")],
    "A1.3.1.1": [
        ("The bullet not to use terminals and software whose manufacturer support has ended is printed in the "
         "examples (with the subject システム構築・運用者は) and again among the 推奨対策項目; both are kept.", 2290,
         "端末やソフトウェアについて、メーカーサポートが終了しているものを利用しないように周知する")],
    "A1.3.3.1": [
        ("The item ends 適切な対策を講ずることが重要。 (is important), a clipped sentence; modality is should.", 2404,
         "適切な対策を講ずることが重要。")],
    "A1.3.4.1": [
        ("Footnote 7 names the government guideline the 〔解説〕 refers to: NISC「政府機関等の対策基準策定のための"
         "ガイドライン（令和５年度版）令和５年７月４日」; the footnote is printed inside the 〔解説〕's last sentence, "
         "which the point joins.", 2534, "政府機関等の対策基準策定のためのガイドライン（令和５年度版）令和５年７月４日"),
        ("The examples quote that government guideline: their subject 統括情報セキュリティ責任者 is a role of "
         "government bodies, not of port operators.", 2543, "統括情報セキュリティ責任者は、機器等の選定基準に")],
    "A1.5.2.1": [
        ("Chapter 1 section 1.3 asks for the same standards (リモートアクセス環境導入に関する対策基準) where remote "
         "access is used for telework (P1.3.1), with overlapping example topics.", 2944,
         "リモートアクセス環境導入に関する対策基準を定める必要がある")],
    "A1.5.5.1": [
        ("The reference guidelines are listed with their URLs, which are kept in the items.", 3117, None)],
}

# --------------------------------------------------------------------------
# Glossary: the terms the seed defines.  (term_ja, text_ja, first line, last line)
# --------------------------------------------------------------------------

GLOSSARY = [
    ("特定の港", "京浜港、名古屋港、大阪港、神戸港、博多港の５つの港。以下の事項において同様", 326, 328),
    ("NAT", "Network Address Translation（ネットワークアドレス変換）の頭文字を取った略語で、グローバル IP "
            "アドレスからプライベート IP アドレスを紐付けて変換する技術。", 618, 620),
    ("パスワードリスト攻撃", "攻撃者が何らかの方法で事前に入手した ID とパスワードのリストを使用し、ログイン機能を持つ"
                   "インターネットサービスに不正にログインを試みる攻撃手法である。", 678, 682),
    ("パケットフィルタリング", "フィルタリングの一種であり、ネットワークを行き交うパケットをポリシーに応じて制御する事", 873, 873),
    ("3-way handshake", "TCP（Transmission Control Protocol：インターネットで使用されているプロトコルの一つであり、"
                        "相手と接続を確立してから通信を行う）などにおいて使用されている、接続（コネクション）を確立するための手順。",
     876, 878),
    ("Dos/DDos攻撃", "分散サービス拒否攻撃。Webサーバやメールサーバなどに対して、複数のコンピュータから大量のサービス要求の"
                  "パケットを送りつけることで、相手のサーバやネットワークに過大な負荷をかけ、使用不能する攻撃手法。", 881, 883),
    ("WAF", "Webアプリケーションのやり取りを把握・管理することによって不正侵入を防御することのできるファイアウォールのことで、"
            "従来のファイアウォールがネットワークレベルでの管理であるのに対し、WAFは Webアプリケーションのレベルで管理ができる。",
     886, 888),
    ("CDN", "多数のユーザからの大量のアクセスを処理するための仕組み。キャッシュサーバを活用し、ユーザからのアクセスを分散させる"
            "ことができる。", 903, 905),
    ("標的型攻撃", "特定の組織に狙いを絞り、その組織の業務習慣等内部情報について事前に入念な調査を行った上で、様々な攻撃手法を"
              "組み合わせ、その組織に最適化した方法を用いて、執拗に行われる攻撃である。", 928, 932),
    ("セキュリティ・バイ・デザイン", "サイバーセキュリティを企画・設計段階から確保するための方策", 2033, 2035),
]

# --------------------------------------------------------------------------
# Dump (for reading the parse while writing the data tables)
# --------------------------------------------------------------------------

def dump_parse(seed):
    sections, view_pre = parse_all(seed)
    for v, paras in view_pre.items():
        for t, n in paras:
            print("VIEW %s pre l.%d: %s" % (v, n, t))
    for s in sections:
        print("=== %s %s %s (l.%d)%s" % (s.view, s.num, s.title, s.line, "" if s.title_en else "  [group]"))
        for t, n in s.pre:
            print("  pre l.%d: %s" % (n, t))
        for i, (t, n) in enumerate(s.box, 1):
            print("  BOX%d l.%d: %s" % (i, n, t))
        for b in ([s.expl] if s.expl else []) + s.blocks:
            print("  [%s] l.%d" % (b.title, b.line))
            for t, n, after in b.paras:
                print("    para l.%d%s: %s" % (n, " (after items)" if after else "", t))

            def show(xs, d):
                for x in xs:
                    print("    %s- l.%d r%d: %s" % ("  " * d, x.line, x.rank, x.text))
                    show(x.items, d + 1)
            show(b.items, 0)
            for t, n in b.ptba:
                print("    PTBA l.%d: %s" % (n, t.replace("\n", " / ")))


# --------------------------------------------------------------------------
# Building the catalog
# --------------------------------------------------------------------------

def item_dict(it):
    d = {"text_ja": it.text}
    if it.items:
        d["items"] = [item_dict(x) for x in it.items]
    return d


def block_point(b, paras=None):
    """A point from a block; paras: the 〔解説〕 paragraphs this requirement gets."""
    whole = paras is None
    ps = b.paras if whole else paras
    p = {"title_ja": b.title}
    if ps:
        p["text_ja"] = "\n".join(t for t, _, _ in ps)
    if b.items and whole:
        p["items"] = [item_dict(x) for x in b.items]
    return p


def opening(t):
    """The opening words of a paragraph, for a note's text_ja."""
    cut = min([k for k in (t.find("（"), t.find("、")) if k > 0] + [40])
    return t[:cut]


def section_points(sec, did, nreq):
    """points[i] for the i-th requirement (1-based) and the notes the layout needs."""
    pts = {i: [] for i in range(1, nreq + 1)}
    lnotes = {i: [] for i in range(1, nreq + 1)}
    ptba = {i: [] for i in range(1, nreq + 1)}
    assign = POINTS_TO.get(did, {})
    if sec.expl:
        to = assign.get("expl", [1] * len(sec.expl.paras))
        if len(to) != len(sec.expl.paras):
            raise SystemExit("%s: POINTS_TO expl has %d entries for %d paragraphs" % (did, len(to), len(sec.expl.paras)))
        if len(set(to)) == 1:
            pts[to[0]].append(block_point(sec.expl))
        else:
            if sec.expl.items:
                raise SystemExit("%s: a split 〔解説〕 with a list" % did)
            for i in sorted(set(to)):
                mine = [p for p, k in zip(sec.expl.paras, to) if k == i]
                pts[i].append(block_point(sec.expl, mine))
        blocks_expl = [sec.expl]
    else:
        blocks_expl = []
    to = assign.get("blocks", [1] * len(sec.blocks))
    if len(to) != len(sec.blocks):
        raise SystemExit("%s: POINTS_TO blocks has %d entries for %d groups" % (did, len(to), len(sec.blocks)))
    for b, i in zip(sec.blocks, to):
        pts[i].append(block_point(b))
        ptba[i].extend(b.ptba)
    for b, i in list(zip(blocks_expl, [None])) + list(zip(sec.blocks, to)):
        for t, n, after in b.paras:
            if after:
                tgt = i if i is not None else 1
                lnotes[tgt].append(note("In the seed this paragraph of the point %s is printed after its list; "
                                        "text_ja keeps the point's paragraphs together." % b.title, n, opening(t)))
    return pts, lnotes, ptba


def role_note(seed, rid, data):
    rf = data["role_from"]
    where = rf[0]
    if where == "box":
        return note("The item names no subject; role_ja is taken from the box's first item %s, which names it." % rf[1])
    if where == "readers":
        return checked_note(seed, "The item and its section name no subject; role_ja is the volume's intended "
                                  "reader: the introduction says the システム構築・運用者編 sets out what the staff "
                                  "who design, build and operate the systems (outsourced parties included) are to do.",
                            rf[2], rf[1])
    what = {"expl": "the section's 〔解説〕", "ex": "the section's examples"}[where]
    return checked_note(seed, "The item names no subject; role_ja is taken from %s, which names %s for the "
                              "measures of this section." % (what, data["role"]), rf[2], rf[1])


def build_requirement(seed, sec, i, text, line, pts, lnotes, ptba_lines, used):
    rid = req_id(sec.view, sec.num, i)
    if rid not in REQ:
        raise SystemExit("%s: no entry in REQ" % rid)
    used.add(rid)
    data = REQ[rid]
    r = {"id": rid}
    nbox = len(sec.box)
    if nbox == 1:
        if data["title"]:
            raise SystemExit("%s: the only item of its box takes the section heading" % rid)
        r["title_ja"] = sec.title
    else:
        if not data["title"] or data["title"] not in text:
            raise SystemExit("%s: title %r is not a phrase of the item" % (rid, data["title"]))
        r["title_ja"] = data["title"]
    r["title_en"] = data["en"]
    r["purpose_ja"] = text
    if pts:
        r["points"] = pts
    notes = []
    if data["role"]:
        if data["role_from"] is None:
            if data["role"] not in text:
                raise SystemExit("%s: role %s is not named in the item" % (rid, data["role"]))
        else:
            if data["role"] in text:
                raise SystemExit("%s: the item names its role; no role_from needed" % rid)
            notes.append(role_note(seed, rid, data))
        r["role_ja"] = data["role"]
    r["modality"] = data["mod"]
    if data["params"]:
        for t, v in data["params"]:
            if t not in text:
                raise SystemExit("%s: parameter %r is not in the item" % (rid, t))
        r["parameters"] = parameter_entries(rid, data["params"])
    if data["docs"]:
        r["documents_ja"] = checked_documents(seed, rid, data["docs"])
    for t, n in ptba_lines:
        if n not in PTBA_EN:
            raise SystemExit("l.%d: no English text for the Act note" % n)
        notes.append(note(PTBA_EN[n], n, t))
    notes.extend(lnotes)
    for t, n, j in REQ_NOTES.get(rid, []):
        notes.append(checked_note(seed, t, n, j))
    if notes:
        r["notes"] = notes
    return r


def build_views(seed):
    sections, view_pre = parse_all(seed)
    used = set()
    stats = {}
    views = []
    all_ptba = {}
    for vid, _, _, vtitle, ven in VIEWS:
        v = {"id": vid, "title_ja": vtitle, "title_en": ven}
        if view_pre.get(vid):
            v["purpose_ja"] = "\n".join(t for t, _ in view_pre[vid])
        v["domains"] = []
        vnotes = [checked_note(seed, t, n, j) for t, n, j in VIEW_NOTES.get(vid, [])]
        st = {"domains": 0, "reqs": 0, "points_expl": 0, "points_ex": 0}
        for sec in [s for s in sections if s.view == vid]:
            if sec.title_en is None:
                for t, n in sec.pre:
                    vnotes.append(note("Introduction printed under the grouping heading %s %s (no box):"
                                       % (sec.num, sec.title), n, t))
                continue
            did = sec_key(sec.view, sec.num)
            d = {"id": did, "title_ja": sec.title, "title_en": sec.title_en}
            if sec.pre:
                raise SystemExit("%s: text before the box" % did)
            pts, lnotes, ptba = section_points(sec, did, len(sec.box))
            for i in ptba:
                for t, n in ptba[i]:
                    all_ptba.setdefault(n, []).append(req_id(sec.view, sec.num, i))
            reqs = []
            for i, (text, line) in enumerate(sec.box, 1):
                ln = list(lnotes[i])
                reqs.append(build_requirement(seed, sec, i, text, line, pts[i], ln, ptba[i], used))
            d["requirements"] = reqs
            v["domains"].append(d)
            st["domains"] += 1
            st["reqs"] += len(reqs)
            st["points_expl"] += sum(1 for i in pts for p in pts[i] if p["title_ja"] == "〔解説〕")
            st["points_ex"] += sum(1 for i in pts for p in pts[i] if p["title_ja"] != "〔解説〕")
        if vnotes:
            v["notes"] = vnotes
        views.append(v)
        stats[vid] = st
    missing = set(REQ) - used
    if missing:
        raise SystemExit("REQ entries that match no item: %s" % sorted(missing))
    # Act notes recorded on a further requirement
    reqs_by_id = {r["id"]: r for v in views for d in v["domains"] for r in d["requirements"]}
    for n, extra in PTBA_ALSO.items():
        src = reqs_by_id[all_ptba[n][0]]
        nt = next(x for x in src["notes"] if x.get("ref") == "l.%d" % n)
        for rid in extra:
            r = reqs_by_id[rid]
            r.setdefault("notes", []).append(dict(nt))
            all_ptba[n].append(rid)
    return views, stats, sections, all_ptba


def build_glossary(seed):
    out = []
    for term, text, a, b in GLOSSARY:
        window = squash("".join(seed.lines[a - 1:b]))
        if squash(term) not in window or squash(text) not in window:
            raise SystemExit("glossary %s: not found in l.%d-%d" % (term, a, b))
        out.append({"term_ja": term, "text_ja": text})
    return out


def build(seed):
    views, stats, sections, all_ptba = build_views(seed)
    catalog = {
        "format": "taisaku-catalog/1",
        "catalog": {
            "id": "port-tos",
            "title_ja": "システム構築・運用者編",
            "title_en": "Port-sector information security guideline for TOS etc.: volume for system builders and operators",
            "version": "undated (refers to a 第1版; examples as of 2024)",
            "source": SEED_NAME,
            "kind": "compliance",
            "description_en": "The volume for system builders and operators (システム構築・運用者編) of the port-sector "
                              "information security guideline for critical-infrastructure operators that run "
                              "terminal operating systems (TOS) and related systems: advance preparation, "
                              "normal-time measures, incident response and, in 別紙１, security controls for "
                              "acquiring, developing and maintaining systems. Every item of the boxes "
                              "【事業者に求めること】 is a requirement, with the section's explanation and examples as "
                              "points; the notes on what the Port Transport Business Act (港湾運送事業法) makes "
                              "mandatory for all ports or the five specific ports are notes on the requirements "
                              "concerned.",
        },
        "views": views,
        "glossary": build_glossary(seed),
        "notes": [checked_note(seed, t, l, j) for t, l, j in CATALOG_NOTES],
    }
    assert seed.occurs(catalog["catalog"]["title_ja"])
    return catalog, stats, sections, all_ptba


# --------------------------------------------------------------------------
# YAML output (tools/seedlib.py)
# --------------------------------------------------------------------------

def dump(catalog):
    return seedlib.dump(catalog, "港湾分野の情報セキュリティガイドライン「システム構築・運用者編」 (TOS etc.).",
                        "port2yaml.py", SEED_NAME)


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

# My reading of the seed: view -> (domains = sections with a box, requirements = box items)
EXPECTED = {"P1": (3, 3), "P2": (18, 32), "P3": (1, 1), "A": (17, 17)}
# The reading aid (seed004.md Part 5): boxes and box items per chapter, markers, Act notes
AID = {"P1": (3, 3), "P2": (18, 32), "P3": (1, 1), "A": (17, 17)}
AID_MARKERS = {"・": 332, "✓": 79, "a)–m)": 13}
AID_ACT = (14, 10, 4)


def count_items(points):
    by = {}

    def walk(xs):
        for x in xs:
            t = x["text_ja"]
            k = ("＜＞" if t.startswith("＜") else "①" if t[:1] in "①②③" else "１．" if re.match(r"^[１-５]．", t)
                 else "a)–m)" if re.match(r"^[a-m]\) ", t) else "bullet")
            by[k] = by.get(k, 0) + 1
            walk(x.get("items", []))
    for p in points:
        walk(p.get("items", []))
    return by


def run_checks(catalog, yaml_text, yaml_again, seed, stats, sections, all_ptba):
    check = Checks()
    views = catalog["views"]
    domains = [d for v in views for d in v["domains"]]
    reqs = [r for d in domains for r in d["requirements"]]
    print("Checks")
    check("views (chapters 1–3, 別紙１)", len(views) == 4, str(len(views)))
    check("domains = sections with a box (reading aid: 39 boxes)", len(domains) == 39, str(len(domains)))
    check("requirements = box items (reading aid: 53 = 52 ➢ + 1 unbulleted)", len(reqs) == 53, str(len(reqs)))
    print("      view  domains  requirements  〔解説〕 points  example points | aid boxes  aid items")
    for vid, st in stats.items():
        print("      %-5s %7d %13d %15d %15d | %9d %10d" % (vid, st["domains"], st["reqs"], st["points_expl"],
                                                         st["points_ex"], AID[vid][0], AID[vid][1]))
        check("  %s counts match my reading %s" % (vid, EXPECTED[vid]),
              (st["domains"], st["reqs"]) == EXPECTED[vid])
        check("  %s counts match the reading aid" % vid, (st["domains"], st["reqs"]) == AID[vid])
    raw = seed.lines
    n_arrow = sum(1 for l in raw if l.strip().startswith("➢"))
    n_box = sum(1 for l in raw if l.strip() == "【事業者に求めること】")
    n_expl = sum(1 for l in raw if l.strip() == "〔解説〕")
    n_ex = sum(1 for l in raw if l.strip().startswith("〔具体例"))
    n_dot = sum(1 for l in raw if l.strip().startswith("●"))
    check("boxes in the seed = domains", n_box == len(domains), str(n_box))
    check("➢ in the seed + unbulleted box items = requirements",
          n_arrow + sum(1 for s in sections if s.box and not s.box_marked) == len(reqs), "%d ➢" % n_arrow)
    allpts = [p for r in reqs for p in r.get("points", [])]
    expl_pts = [p for p in allpts if p["title_ja"] == "〔解説〕"]
    ex_pts = [p for p in allpts if p["title_ja"] != "〔解説〕"]
    split = sum(1 for d in POINTS_TO.values() if len(set(d.get("expl", [1]))) > 1)
    check("〔解説〕 points = 〔解説〕 in the seed + split ones (%d 〔解説〕, %d split)" % (n_expl, split),
          len(expl_pts) == n_expl + split, str(len(expl_pts)))
    check("example points = ● groups in the seed (%d; %d sections with 〔具体例〕)" % (n_dot, n_ex),
          len(ex_pts) == n_dot, str(len(ex_pts)))
    by = count_items(allpts)
    n_mid = sum(1 for l in raw if l.strip().startswith("・"))
    n_chk = sum(1 for l in raw if l.strip().startswith("✓"))
    n_abc = sum(1 for l in raw if re.match(r"^\s*[a-m]\) ", l))
    n_ang = sum(1 for l in raw if l.strip().startswith("＜"))
    print("      items: %s" % ", ".join("%s %d" % kv for kv in sorted(by.items())))
    check("bullets ・ + ✓ in items = seed (%d ・ + %d ✓; aid: %d + %d)" % (n_mid, n_chk, AID_MARKERS["・"],
                                                                      AID_MARKERS["✓"]),
          by.get("bullet", 0) == n_mid + n_chk and n_mid == AID_MARKERS["・"] and n_chk == AID_MARKERS["✓"])
    check("a)–m) items = seed = aid (13)", by.get("a)–m)", 0) == n_abc == AID_MARKERS["a)–m)"])
    check("＜＞ sub-headings = seed (%d)" % n_ang, by.get("＜＞", 0) == n_ang)
    check("① ② ③ and １．–５． items (3 + 5)", by.get("①", 0) == 3 and by.get("１．", 0) == 5)
    # Act notes
    act_lines = [n for n, l in enumerate(raw, 1) if "港湾運送事業法では強制要件" in l and l.strip().startswith("※")]
    act_all = [n for n in act_lines if "（全ての港）" in "".join(raw[n - 1:n + 2])]
    act_notes = [x for r in reqs for x in r.get("notes", []) if x["text_en"].startswith(ACT)]
    print("      Act notes: %d in the seed (%d all ports, %d specific ports), %d note entries on %d requirements: %s"
          % (len(act_lines), len(act_all), len(act_lines) - len(act_all), len(act_notes),
             len({r["id"] for r in reqs for x in r.get("notes", []) if x["text_en"].startswith(ACT)}),
             ", ".join("l.%d→%s" % (n, "+".join(all_ptba[n])) for n in sorted(all_ptba))))
    check("Act notes: every ※ in the seed recorded (aid: %d = %d + %d)" % AID_ACT,
          sorted(all_ptba) == act_lines and (len(act_lines), len(act_all), len(act_lines) - len(act_all)) == AID_ACT)
    check("Act notes: requirements concerned are all modality shall",
          all(r["modality"] == "shall" for r in reqs for x in r.get("notes", []) if x["text_en"].startswith(ACT)))
    # IDs
    ids = [v["id"] for v in views] + [d["id"] for d in domains] + [r["id"] for r in reqs] + \
        [p["id"] for r in reqs for p in r.get("parameters", [])]
    check_unique(check, "IDs unique (views, domains, requirements, parameters)", ids)
    check("ID forms: views P1–P3, A; domains P<n>-…, A1-…; requirements with dots only",
          all(re.match(r"^(P[1-3]|A)$", v["id"]) for v in views)
          and all(re.match(r"^(P[1-3]|A1)(-[1-9]){1,2}$", d["id"]) for d in domains)
          and all(re.match(r"^(P[1-3]|A1)(\.[1-9]){2,3}$", r["id"]) for r in reqs))
    check("every requirement has title_ja, title_en, purpose_ja, role_ja, modality",
          all(r.get(k) for r in reqs for k in ("title_ja", "title_en", "purpose_ja", "role_ja", "modality")))
    check("multi-item titles are phrases of the item", all(r["title_ja"] in r["purpose_ja"] or
                                                           any(r["title_ja"] == d["title_ja"] for d in domains)
                                                           for r in reqs))
    mods = {}
    for r in reqs:
        mods[r["modality"]] = mods.get(r["modality"], 0) + 1
    roles = {}
    for r in reqs:
        roles[r["role_ja"]] = roles.get(r["role_ja"], 0) + 1
    derived = sum(1 for r in reqs if REQ[r["id"]]["role_from"])
    print("      modality: %s; roles: %s (%d taken from other text, with a note)"
          % (", ".join("%s %d" % kv for kv in sorted(mods.items())),
             ", ".join("%s %d" % kv for kv in sorted(roles.items())), derived))
    # YAML
    check_reload(check, yaml_text, catalog)
    check("deterministic: a second build gives the same bytes", yaml_text == yaml_again)
    check_no_pua(check, yaml_text)
    check_fragments(check, {"views": views, "glossary": catalog["glossary"]}, seed.occurs,
                    seed.occurs_clean, "footnotes, footnote marks")
    # coverage: every line from chapter 1 on is in the catalog, apart from headings, markers and noise
    blob = []

    def collect(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, str) and k.endswith("_ja"):
                    blob.append(v)
                else:
                    collect(v)
        elif isinstance(node, list):
            for x in node:
                collect(x)
    collect(catalog)
    blob = squash("\n".join(blob))
    heads = {line for _, line, _, _, _ in VIEWS} | {line for _, _, line, _, _ in SECTIONS} | {1233}
    uncovered = []
    for n in range(VIEWS[0][1], len(seed.lines) + 1):
        t = seed.text(n).strip()
        if not t or n in seed.noise or n in heads:
            continue
        t = re.sub(r"^[●・✓➢]\s*", "", t)
        if t in ("【事業者に求めること】", "〔解説〕") or t.startswith("〔具体例"):
            continue
        if squash(t) not in blob:
            uncovered.append(n)
    check("every seed line from l.%d on is in the catalog (headings, box/〔解説〕/〔具体例〕 markers and "
          "layout noise apart)" % VIEWS[0][1], not uncovered, ", ".join("l.%d" % n for n in uncovered[:10]))
    nts = [x for x in catalog["notes"]] + [x for v in views for x in v.get("notes", [])] + \
        [x for r in reqs for x in r.get("notes", [])]
    nbad = [x["text_ja"] for x in nts if x.get("text_ja") and not all(seed.occurs(f) or seed.occurs_clean(f)
                                                                 for f in x["text_ja"].split("\n"))]
    check("note text_ja found in the seed", not nbad, str(nbad[:3]))
    n_params = sum(len(r.get("parameters", [])) for r in reqs)
    n_docs = sum(len(r.get("documents_ja", [])) for r in reqs)
    print("  parameters: %d; documents: %d; points: %d; notes: %d (catalog %d, views %d, requirements %d); glossary: %d"
          % (n_params, n_docs, len(allpts), len(nts), len(catalog["notes"]),
             sum(len(v.get("notes", [])) for v in views), sum(len(r.get("notes", [])) for r in reqs),
             len(catalog["glossary"])))
    return check.ok


def main(argv=None):
    ap = arg_parser(__doc__, SEED_NAME, "port-tos.yaml")
    ap.add_argument("--dump", action="store_true", help="print the parsed structure and exit")
    args = ap.parse_args(argv)
    seed = Seed(args.seed)
    if args.dump:
        dump_parse(seed)
        return 0
    catalog, stats, sections, all_ptba = build(seed)
    text = dump(catalog)
    again = dump(build(Seed(args.seed))[0])
    write_catalog(args.out, text)
    return 0 if run_checks(catalog, text, again, seed, stats, sections, all_ptba) else 1


if __name__ == "__main__":
    sys.exit(main())
