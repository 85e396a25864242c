#!/usr/bin/env python3
"""Convert the FY2012 draft of the government's unified technical standard
seed into catalogs/nisc-2012.yaml.

Developer tool: the committed YAML is what taisaku reads.  This script
documents, and makes reproducible, how the YAML was obtained from the seed
(``seeds/001_28f1e19045113924.txt``, a text extraction of
「政府機関の情報セキュリティ対策のための統一技術基準（平成24年度版）（案）」,
情報セキュリティ対策推進会議).

Usage:
    python3 tools/nisc2yaml.py [--seed PATH] [--out PATH] [--dump]

How the seed is read
--------------------
The seed is a PDF converted to Markdown-ish text: a table of contents
(l.11-148), part 2.1 総則 (l.150-215), parts 2.2-2.4 with the compliance
items (l.219-749) and the two appendix tables 別表1/別表2 as tab-separated
rows (l.759-851).  The Markdown heading levels (#, ##, ...) and list bullets
(-) vary at random; the structure is taken from the printed numbering only:

    第 2.2 部           part       -> view     P2.2
    2.2.1               chapter    -> subview  C2.2.1
    2.2.1.1             section    -> domain   2.2.1.1     (heading 遵守事項)
    (1) (2) …           group      -> a heading; recorded as a domain note
    (a) (b) …           item       -> requirement 2.2.1.1(1)(a)
    (ア) (イ) …         sub-item   -> requirement 2.2.1.1(1)(a)(ア)

IDs therefore cannot collide: views start with P, subviews with C, domains
are bare section numbers and every requirement ID contains "(".

Physical lines of one item are joined (page breaks split nine sentences)
and layout noise removed: Markdown markers, line breaks, and the spaces the
PDF extraction put between Japanese characters and between Japanese and
ASCII letters or digits (平成 24 年度版 -> 平成24年度版, IPv6 通信 ->
IPv6通信); nothing else is changed.

Part 2.1 (総則) has no compliance item: every one of its headings says
統一管理基準に準じる.  It is recorded as catalog notes, and its four newly
defined terms (2.1.1.6) as glossary entries.

Decisions that are data, not parsing, are the tables below: English titles,
the title_ja of items the source prints no heading for (a phrase of the
item's text), modality overrides, parameters, documents, scope notes and
the anomaly notes.  Role and modality are read from the item's text by rule
(ROLES, modality_of); sub-items inherit both from their item.

The appendix tables: each row that cites a compliance item becomes a point
of that requirement (see table_points); the class columns' values are kept
in printed order because the PDF's merged cells are lost (see the catalog
notes).  Definitions in the tables' remarks become glossary entries, their
legends catalog notes; the three rows that cite only the Unified Management
Standard (別表2 rows 20-22) are catalog notes.

The script prints the consistency checks at the end and exits with status 1
if one fails.
"""

import re
import sys

import seedlib
from seedlib import (Checks, arg_parser, check_fragments, check_no_pua, check_reload, check_unique, is_wide,
                     join_wrapped, note, parameter_entries, squash, walk, walk_texts, write_catalog)

SEED_NAME = "seeds/001_28f1e19045113924.txt"
SEED_SHA256 = "5120a866d89c2b9e313a16c164ff2c156e5c7eb0883bb4928f7a05d8ebf38801"

TOC_LINES = (11, 148)
GENERAL_LINES = (150, 215)
BODY_LINES = (219, 749)
TABLE1_LINES = (761, 811)       # header row + rows 1-50
TABLE2_LINES = (815, 851)       # header row + rows 1-36

# --------------------------------------------------------------------------
# Text helpers (shared ones in tools/seedlib.py)
# --------------------------------------------------------------------------


def is_alnum_ascii(ch):
    return bool(ch) and ch.isascii() and ch.isalnum()


def also_drop(prev, nxt, s, j, out):
    """The spaces this extraction adds besides those between two wide
    characters (see clean)."""
    ref_next = re.match(r"\d+\.\d", s[j:]) is not None
    ref_prev = re.search(r"\d+(\.\d+)+(\([^()]*\))*$", "".join(out[-40:])) is not None
    return prev in "。、" or nxt in "。、" or \
        (is_wide(prev) and is_alnum_ascii(nxt) and not ref_next) or \
        (is_alnum_ascii(prev) and is_wide(nxt) and not ref_prev)


def clean(s):
    """Remove layout spaces: space runs between two wide characters, next to
    。 or 、, or between a wide character and an ASCII letter or digit (except
    next to a dotted reference such as 1.4.2.2(2)(a)); leading/trailing
    spaces; collapse other runs to one."""
    return seedlib.clean(s, also_drop)


class Seed(seedlib.Seed):
    sha256 = SEED_SHA256

    def printed(self, lines):
        # the comparison text: Markdown marks, list bullets and HTML tags are layout noise
        return re.sub(r"</?[bp]>", "", "".join(strip_markup(x) for x in lines))


def strip_markup(raw):
    """A body line without its Markdown heading marks and list bullet."""
    s = raw.strip()
    s = re.sub(r"^#+\s*", "", s)
    s = re.sub(r"^-\s+", "", s)
    return s


# --------------------------------------------------------------------------
# Parts 2.2-2.4: the numbered tree
# --------------------------------------------------------------------------

KANA = "アイウエオカキクケコサシスセソ"
LETTERS = "abcdefghijklmnopqrstuvwxyz"

PART_RE = re.compile(r"^第\s*(2\.\d)\s*部\s+(\S.*)$")
CHAP_RE = re.compile(r"^(2\.\d\.\d)\s+(\S.*)$")
SEC_RE = re.compile(r"^(2\.\d\.\d\.\d)\s+(\S.*)$")
GROUP_RE = re.compile(r"^\((\d)\)\s*(\S.*)$")
ITEM_RE = re.compile(r"^\(([a-z])\)\s*(\S.*)$")
SUB_RE = re.compile(r"^\(([アイウエオカキクケコ])\)\s*(\S.*)$")

# l.659 prints the item after (k) as "(1)" (digit one): it is item (l).
MISPRINTED_LABELS = {659: ("(1)", "l")}


class Node:
    def __init__(self, kind, num, line, text=None):
        self.kind, self.num, self.line = kind, num, line
        self.title = None
        self.pieces = [] if text is None else [text]
        self.piece_lines = [] if text is None else [line]
        self.children = []
        self.id = None
        self.parent = None
        self.compliance_line = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child

    @property
    def text(self):
        out = ""
        for t in self.pieces:
            out = join_wrapped(out, t) if out else t
        return clean(out)


def parse_body(seed):
    root = Node("root", "", 0)
    part = chap = sec = group = item = sub = None
    cur = None
    for n in range(BODY_LINES[0], BODY_LINES[1] + 1):
        s = strip_markup(seed.line(n))
        if not s:
            continue
        m = PART_RE.match(s)
        if m:
            part = root.add(Node("part", m.group(1), n))
            part.title = clean(m.group(2))
            part.id = "P" + m.group(1)
            chap = sec = group = item = sub = cur = None
            continue
        m = SEC_RE.match(s)
        if m:
            if not chap or not m.group(1).startswith(chap.num + "."):
                raise SystemExit("l.%d: section %s outside its chapter" % (n, m.group(1)))
            sec = chap.add(Node("section", m.group(1), n))
            sec.title = clean(m.group(2))
            sec.id = m.group(1)
            group = item = sub = cur = None
            continue
        m = CHAP_RE.match(s)
        if m:
            if not part or not m.group(1).startswith(part.num + "."):
                raise SystemExit("l.%d: chapter %s outside its part" % (n, m.group(1)))
            chap = part.add(Node("chapter", m.group(1), n))
            chap.title = clean(m.group(2))
            chap.id = "C" + m.group(1)
            sec = group = item = sub = cur = None
            continue
        if s == "遵守事項":
            if sec is None or sec.compliance_line:
                raise SystemExit("l.%d: unexpected 遵守事項" % n)
            sec.compliance_line = n
            continue
        if n in MISPRINTED_LABELS:
            printed, letter = MISPRINTED_LABELS[n]
            if not s.startswith(printed + " ") or item is None or \
                    LETTERS.index(letter) != LETTERS.index(item.num) + 1:
                raise SystemExit("l.%d: the misprinted label is not where expected" % n)
            s = "(%s) %s" % (letter, s[len(printed):].strip())
        m = GROUP_RE.match(s)
        if m:
            if sec is None or not sec.compliance_line:
                raise SystemExit("l.%d: group outside a section's 遵守事項" % n)
            if int(m.group(1)) != len(sec.children) + 1:
                raise SystemExit("l.%d: group (%s) out of sequence" % (n, m.group(1)))
            group = sec.add(Node("group", m.group(1), n))
            group.title = clean(m.group(2))
            group.id = "%s(%s)" % (sec.num, m.group(1))
            item = sub = cur = None
            continue
        m = ITEM_RE.match(s)
        if m:
            if group is None:
                raise SystemExit("l.%d: item outside a group" % n)
            if LETTERS.index(m.group(1)) != len(group.children):
                raise SystemExit("l.%d: item (%s) out of sequence" % (n, m.group(1)))
            item = group.add(Node("item", m.group(1), n, m.group(2)))
            item.id = "%s(%s)" % (group.id, m.group(1))
            cur = item
            sub = None
            continue
        m = SUB_RE.match(s)
        if m:
            if item is None:
                raise SystemExit("l.%d: sub-item outside an item" % n)
            if KANA.index(m.group(1)) != len(item.children):
                raise SystemExit("l.%d: sub-item (%s) out of sequence" % (n, m.group(1)))
            sub = item.add(Node("sub", m.group(1), n, m.group(2)))
            sub.id = "%s(%s)" % (item.id, m.group(1))
            cur = sub
            continue
        if cur is None:
            raise SystemExit("l.%d: text outside any item: %r" % (n, s[:40]))
        cur.pieces.append(s)
        cur.piece_lines.append(n)
    return root


# --------------------------------------------------------------------------
# Part 2.1 (総則), its glossary, and the table of contents
# --------------------------------------------------------------------------

DELEGATION = "統一管理基準に準じる。"


def parse_general(seed):
    """Sections 2.1.1.1-2.1.1.6: [(num, title, line, [(label, heading, text, line)])] and the terms."""
    secs, terms = [], []
    cur = None
    pending = None
    for n in range(GENERAL_LINES[0], GENERAL_LINES[1] + 1):
        s = strip_markup(seed.line(n))
        if not s:
            continue
        if s.startswith("第 2.1 部"):
            continue
        m = re.match(r"^(2\.1\.1\.\d)\s+(\S.*)$", s)
        if m:
            cur = (m.group(1), clean(m.group(2)), n, [])
            secs.append(cur)
            pending = None
            continue
        m = re.match(r"^\((\d)\)\s+(\S.*)$", s)
        if m:
            pending = ["(%s)" % m.group(1), clean(m.group(2)), None, n]
            cur[3].append(pending)
            continue
        m = re.match(r"^「(.+?)」とは、(.+)$", s)
        if m:
            terms.append({"term_ja": clean(m.group(1)), "text_ja": clean(m.group(2)), "line": n})
            continue
        if re.match(r"^【.】$", s) or s == "以下は、本統一技術基準で初出の用語。":
            continue
        if pending is not None and pending[2] is None:
            pending[2] = clean(s)
            continue
        if cur is not None and not cur[3] or (cur and s == DELEGATION and cur[0] in ("2.1.1.5", "2.1.1.6")):
            cur[3].append([None, None, clean(s), n])
            continue
        raise SystemExit("l.%d: unexpected text in part 2.1: %r" % (n, s[:40]))
    return secs, terms


def parse_toc(seed):
    """TOC entries: {number or (section, group): title}."""
    toc = {}
    sec = None
    for n in range(TOC_LINES[0], TOC_LINES[1] + 1):
        s = seed.line(n).strip()
        s = re.sub(r"\s*\.{3,}\s*", "\t", s)
        s = re.sub(r"\t\d+\s*$", "", s).strip()
        if not s or s.startswith("#"):
            continue
        m = re.match(r"^第\s*(2\.\d)\s*部\s+(\S.*)$", s)
        if m:
            toc["P" + m.group(1)] = (clean(m.group(2)), n)
            continue
        m = re.match(r"^(2\.\d\.\d(\.\d)?)\s+(\S.*)$", s)
        if m:
            toc[m.group(1)] = (clean(m.group(3)), n)
            if m.group(2):
                sec = m.group(1)
            continue
        m = re.match(r"^\((\d)\)\s+(\S.*)$", s)
        if m:
            toc["%s(%s)" % (sec, m.group(1))] = (clean(m.group(2)), n)
    return toc


# --------------------------------------------------------------------------
# The appendix tables
# --------------------------------------------------------------------------

VALUE_RE = re.compile(r"^(対象外|可|要|不要|禁|許可|届出|[＜<]府省庁の判断[＞>]|[＜<]府省庁で独自定義[＞>]"
                      r"|\(府省庁外通信回線との接続に準じる\))(\(※\d\))?$|^可 \(なお、")
ID_RE = re.compile(r"\s*((?:[12]\.\d\.\d\.\d(?:\(\w+\))+)(?:、(?:[12]\.\d\.\d\.\d(?:\(\w+\))+))*)\s*$")
TABLE_NAMES = {1: "別表1", 2: "別表2"}
# 別表1 row 15 (立入り及び退出の管理方法) prints one method per class column.
ALL_VALUES_ROWS = {(1, 15)}
# rows whose item cell names a sub-topic of the item or an item of the management standard, not a
# wording of the item: not a title variant; the rows of their group carry the sub-topic in text_ja
NO_VARIANT_ROWS = {(2, 8), (2, 12), (2, 15)}


def table_cell(s):
    return clean(re.sub(r"</?[bp]>", "", s))


def bullets(raw):
    """A raw cell's lines: split before each ・ bullet that follows a space (the
    PDF's line breaks inside the cell), each piece cleaned."""
    raw = re.sub(r"</?[bp]>", "", raw)
    return [clean(p) for p in re.split(r"\s+(?=・)", raw.strip()) if p.strip()]


def legend_lines(raw):
    """A legend cell's lines: split after 。 and at runs of two or more spaces."""
    raw = re.sub(r"</?[bp]>", "", raw)
    return [clean(p) for p in re.split(r"(?<=。)\s+|\s{2,}", raw.strip()) if p.strip()]


def parse_table(seed, tno):
    a, b = TABLE1_LINES if tno == 1 else TABLE2_LINES
    header = [table_cell(c) for c in seed.line(a).split("\t")]
    rows = []
    for n in range(a + 1, b + 1):
        raw = seed.line(n)
        if not raw.strip():
            continue
        f = raw.split("\t")
        if len(f) != 10:
            raise SystemExit("l.%d: %d fields" % (n, len(f)))
        num = int(f[0])
        if num != len(rows) + 1:
            raise SystemExit("l.%d: row %d out of sequence" % (n, num))
        rows.append({"num": num, "line": n, "raw": f[1:], "cells": [table_cell(c) for c in f[1:]]})
    return header, rows


def classify_table(seed, tno, rows):
    """Rows -> (legend, headings, points per requirement, definitions, footnotes, unattached rows)."""
    legend = None
    headings = []
    footnotes = {}          # "※3" -> (text, line)
    definitions = []        # {term_ja, text_ja, line}
    parsed = []
    group = None            # (title, [ids], line)
    sub = None              # carried 対策例 label
    for r in rows:
        c = r["cells"]
        if r["num"] == 1:
            legend = "\n".join(legend_lines(r["raw"][0]))
            continue
        if re.match(r"^\(\d\) ", c[0]) and not any(c[1:]):
            headings.append((c[0], r["line"]))
            group, sub = None, None
            continue
        if c[0]:
            m = ID_RE.search(c[0])
            if not m:
                raise SystemExit("l.%d: no item ID in %r" % (r["line"], c[0]))
            ids = m.group(1).split("、")
            title = clean(c[0][:m.start()])
            group = (title, ids, r["line"])
            sub = None
        if group is None:
            raise SystemExit("l.%d: row outside a group" % r["line"])
        if c[1]:
            sub = c[1]
        values, texts, marks = [], [], set()
        for k in range(2, len(c)):
            cell, raw = c[k], r["raw"][k]
            if not cell:
                continue
            if (tno, r["num"]) in ALL_VALUES_ROWS and k >= 3:
                values.append("\n".join(bullets(raw)))
                continue
            if VALUE_RE.match(cell):
                values.append(cell)
                marks |= set(re.findall(r"※\d", cell))
                continue
            fm = re.match(r"^\((※\d)\)\s*(.*)$", cell)
            body = (fm.group(2) if fm else cell).lstrip("・")
            dm = re.match(r"^「(.+?)」とは、(.+)$", body)
            if dm:
                definitions.append({"term_ja": dm.group(1), "text_ja": dm.group(2), "line": r["line"]})
                continue
            if fm:
                footnotes[fm.group(1)] = (bullets(raw), r["line"])
                continue
            texts.extend(bullets(raw))
            marks |= set(re.findall(r"※\d", cell))
        parsed.append({"table": tno, "num": r["num"], "line": r["line"], "group": group, "sub": sub,
                       "values": values, "texts": texts, "marks": marks})
    return legend, headings, parsed, definitions, footnotes


# --------------------------------------------------------------------------
# Data: views, subviews, domains
# --------------------------------------------------------------------------

PART_EN = {
    "P2.2": "Measures based on clarified information security requirements",
    "P2.3": "Measures for the components of information systems",
    "P2.4": "Measures for individual matters",
}
CHAPTER_EN = {
    "C2.2.1": "Information security functions",
    "C2.2.2": "Information security threats",
    "C2.3.1": "Facilities and environment",
    "C2.3.2": "Computers",
    "C2.3.3": "Application software",
    "C2.3.4": "Communication lines",
    "C2.4.1": "Other",
}
# kind of the requirements below: the standard is technical; the facilities
# chapter (physical areas, visitors, articles) is management.
PART_KIND = {"P2.2": "technical", "P2.3": "technical", "P2.4": "technical"}
CHAPTER_KIND = {"C2.3.1": "management"}

SECTION_EN = {
    "2.2.1.1": "Authentication functions",
    "2.2.1.2": "Access control functions",
    "2.2.1.3": "Privilege management functions",
    "2.2.1.4": "Audit trail management functions",
    "2.2.1.5": "Assurance functions",
    "2.2.1.6": "Encryption and electronic signatures (including key management)",
    "2.2.2.1": "Security hole countermeasures",
    "2.2.2.2": "Malware countermeasures",
    "2.2.2.3": "Denial-of-service attack countermeasures",
    "2.2.2.4": "Stepping-stone countermeasures",
    "2.2.2.5": "Targeted attack countermeasures",
    "2.3.1.1": "Class-based management and usage restrictions of information handling areas",
    "2.3.2.1": "Measures common to computers",
    "2.3.2.2": "Terminals",
    "2.3.2.3": "Servers",
    "2.3.3.1": "E-mail",
    "2.3.3.2": "Web",
    "2.3.3.3": "Domain Name System (DNS)",
    "2.3.4.1": "Measures common to communication lines",
    "2.3.4.2": "Management of ministry-internal communication lines",
    "2.3.4.3": "Connection to communication lines outside the ministry",
    "2.4.1.1": "Measures when introducing IPv6 into information systems",
}

# Scope of a section: (text_en, line, text_ja) -- the section prints no
# 目的・趣旨 or 適用範囲; its scope is the parenthetical that an item declares
# valid for the whole section (以下この項において同じ) or the condition every
# item of the section repeats.
SCOPE = {
    "2.2.1.1": [("Scope: every item of this section applies to systems for which authentication has been judged "
                 "necessary; each item repeats the condition.", 229, "主体認証を行う必要があると認めた情報システムにおいて")],
    "2.2.1.2": [("Scope: group (1) applies to systems for which access control has been judged necessary.", 266,
                 "アクセス制御を行う必要があると認めた情報システムにおいて"),
                ("Scope: group (2) applies to systems on which staff cannot set access control themselves.", 273,
                 "行政事務従事者自らがアクセス制御を行うことができない情報システムについて")],
    "2.2.1.3": [("Scope: group (1) applies to systems for which privilege management has been judged necessary; "
                 "group (2) states no system scope.", 281, "権限管理を行う必要があると認めた情報システムにおいて"),
                ("2.2.1.3(2)(c) defines 付与 for the rest of the section (以下この項において同じ): granting "
                 "includes issuing, renewing and changing.", 291, "付与（発行、更新及び変更を含む。以下この項において同じ。）")],
    "2.2.1.4": [("Scope: every item of this section applies to systems for which the 情報セキュリティ責任者 "
                 "(not the officer the item addresses) has judged audit trails necessary.", 321,
                 "証跡を取得する必要があると情報セキュリティ責任者が認めた情報システム")],
    "2.2.1.5": [("Scope: systems judged to need assurance measures.", 343,
                 "保証のための対策を行う必要があると認められた情報システムにおいて")],
    "2.2.1.6": [("Scope: 2.2.1.6(1)(a) excludes paper documents from 要機密情報 for the whole section "
                 "(以下この項において同じ); the other items apply to systems for which encryption or electronic "
                 "signatures have been judged necessary.", 350, "要機密情報(書面を除く。以下この項において同じ。)")],
    "2.2.2.1": [("Scope: the section states no condition; it applies to the software on computers and network "
                 "devices (電子計算機及び通信回線装置).", None, None)],
    "2.2.2.2": [("Scope: 2.2.2.2(1)(a) excludes, for the whole section (以下この項において同じ), computers on "
                 "which no anti-virus software can run.", 403,
                 "電子計算機（当該電子計算機で動作可能なアンチウイルスソフトウェア等が存在しない場合を除く。以下この項において同じ。）")],
    "2.2.2.3": [("Scope: 2.2.2.3(1)(a) limits the whole section (以下この項において同じ) to systems handling 要安定情報 "
                 "that have computers, network devices or lines accessed from the Internet.", 418,
                 "要安定情報を取り扱う情報システム（インターネットからアクセスを受ける電子計算機、通信回線装置又は通信回線を有する情報システムに限る。以下この項において同じ。）")],
    "2.2.2.4": [("Scope: 2.2.2.4(1)(a) limits the whole section (以下この項において同じ) to systems with computers, "
                 "network devices or lines connected to lines outside the ministry such as the Internet.", 433,
                 "情報システム（インターネット等の府省庁外の通信回線に接続される電子計算機、通信回線装置又は通信回線を有する情報システムに限る。以下この項において同じ。）")],
    "2.2.2.5": [("Scope: the section states no common condition; (1)(b) alone is limited to systems connected to "
                 "lines outside the ministry such as the Internet.", 446,
                 "インターネット等の府省庁外の通信回線に接続される情報システムについて")],
    "2.3.1.1": [("Scope: the section states no scope sentence; its management measures apply by the class of the "
                 "information handling area as 別表1 and 別表2 set out, and individual management or usage "
                 "restrictions a ministry decides apply in addition. Items (4)(a), (4)(b), (7)(a) are limited to "
                 "systems handling 要保護情報, (9)(a), (9)(b) to systems handling 要安定情報.", 460,
                 "別表 1 に従って、クラスの区分に応じた措置を講ずること。なお、個別の管理対策を決定する場合は、当該個別管理についても講ずること。")],
    "2.3.2.1": [("Scope: the section states no common condition; each item states its own (要安定情報, 要保護情報, "
                 "computers under the officer's jurisdiction).", None, None)],
    "2.3.2.2": [("Scope: the section states no common condition; most items concern mobile terminals (モバイル端末, "
                 "defined in 2.1.1.6) handling 要保護情報 or 要機密情報.", None, None)],
    "2.3.2.3": [("Scope: the section states no common condition; each item states its own.", None, None)],
    "2.3.3.1": [("Scope: the section states no condition.", None, None)],
    "2.3.3.2": [("Scope: the section states no common condition; (1)(b) is limited to systems handling 要機密情報.",
                 None, None)],
    "2.3.3.3": [("Scope: the section states no common condition; each item names the DNS servers it applies to "
                 "(content servers, cache servers).", None, None)],
    "2.3.4.1": [("Scope: the section states no common condition; each item states its own.", None, None)],
    "2.3.4.2": [("Scope: the section states no common condition; group (3) applies when a VPN, a wireless LAN or "
                 "remote access over the public telephone network is built.", None, None)],
    "2.3.4.3": [("Scope: the section applies to ministry-internal lines connected to lines outside the ministry, "
                 "as its group headings say.", 724, "府省庁外通信回線と接続している府省庁内通信回線の運用時")],
    "2.4.1.1": [("Scope: group (1) applies to systems built on the assumption of IPv6 communication "
                 "(IPv6通信, defined in (1)(a) for the section).", 740,
                 "IPv6 技術を利用する通信（以下「IPv6 通信」という。）"),
                ("Scope: group (2) applies to systems used only between and within ministries.", 748,
                 "府省庁間及び府省庁内部のみで利用する情報システムについて")],
}

# --------------------------------------------------------------------------
# Data: requirements
# --------------------------------------------------------------------------

ROLES = ["情報システムセキュリティ責任者", "情報システムセキュリティ管理者", "権限管理を行う者",
         "区域情報セキュリティ責任者", "行政事務従事者"]

EN = {}


def E(prefix, *pairs):
    """English titles: E("2.2.1.1(1)", "(a)", "…", "(b)", "…", …)."""
    assert len(pairs) % 2 == 0, prefix
    for k in range(0, len(pairs), 2):
        rid = prefix + pairs[k]
        assert rid not in EN, rid
        EN[rid] = pairs[k + 1]


E("2.2.1.1(1)",
  "(a)", "Provide identification and authentication functions",
  "(b)", "Keep authentication information from being disclosed",
  "(b)(ア)", "Encrypt stored authentication information",
  "(b)(イ)", "Encrypt authentication information in transit",
  "(b)(ウ)", "Tell users when authentication information cannot be encrypted",
  "(c)", "Functions for the periodic change of authentication information",
  "(c)(ア)", "Check whether users change it periodically",
  "(c)(イ)", "Stop further use unless users change it periodically",
  "(d)", "Stop authentication at once when credentials are or may be misused",
  "(e)", "Functions for knowledge-based authentication",
  "(e)(ア)", "Users set their own authentication information",
  "(e)(イ)", "Hold authentication information so that others cannot easily learn it",
  "(e)(ウ)", "Require a specified minimum strength",
  "(f)", "Requirements for authentication methods other than knowledge, possession or biometrics",
  "(f)(ア)", "Prevent false acceptance",
  "(f)(イ)", "Prevent false rejection",
  "(f)(ウ)", "Prevent proxy use",
  "(f)(エ)", "Prevent duplication",
  "(f)(オ)", "Logons can be disabled individually",
  "(f)(カ)", "Authentication available without interruption",
  "(f)(キ)", "Continued supply for the system's service life",
  "(f)(ク)", "Safe re-issue to the legitimate subject",
  "(g)", "Consider additional authentication functions",
  "(g)(ア)", "Multi-factor authentication",
  "(g)(イ)", "Tell users about their previous logon",
  "(g)(ウ)", "Detect or prevent unauthorized logon attempts",
  "(g)(エ)", "Show a usage notice before login",
  "(g)(オ)", "Prevent re-use of previous authentication information",
  "(g)(カ)", "Individual logon before a shared administrator ID is used")
E("2.2.1.2",
  "(1)(a)", "Provide access control functions",
  "(1)(b)", "Consider additional access control functions",
  "(1)(b)(ア)", "Access control on attributes other than user and group",
  "(1)(b)(イ)", "Mandatory access control",
  "(2)(a)", "Access control by the information's classification and handling restrictions")
E("2.2.1.3",
  "(1)(a)", "Provide privilege management functions",
  "(1)(b)", "Consider additional privilege management functions",
  "(1)(b)(ア)", "Least privilege",
  "(1)(b)(イ)", "Automatic re-issue of authentication information",
  "(1)(b)(ウ)", "Dual lock",
  "(2)(a)", "Issue IDs and authentication information only to permitted subjects",
  "(2)(b)", "Tell users whether an ID is shared",
  "(2)(c)", "Measures when granting administrator IDs",
  "(2)(c)(ア)", "Only where duties require it",
  "(2)(c)(イ)", "Change default IDs",
  "(2)(c)(ウ)", "Change default authentication information",
  "(2)(c)(エ)", "Restrict login from the network",
  "(2)(d)", "Disable IDs no longer needed; check for unneeded IDs on personnel changes",
  "(2)(e)", "Recover authentication tokens no longer needed",
  "(2)(f)", "Least-necessary access settings; check them on personnel changes",
  "(2)(g)", "Consider further ID management measures",
  "(2)(g)(ア)", "One ID per person in a system",
  "(2)(g)(イ)", "Record to whom IDs are granted; prior permission to erase the record",
  "(2)(g)(ウ)", "Never re-grant an ID to another subject")
E("2.2.1.4",
  "(1)(a)", "Provide functions to acquire audit trails",
  "(1)(b)", "Define how to handle failure to acquire audit trails",
  "(1)(c)", "Access control on acquired audit trails",
  "(1)(d)", "Consider additional audit trail functions",
  "(1)(d)(ア)", "Automated support for review, analysis and reporting",
  "(1)(d)(イ)", "Immediate notice of events indicating a possible breach",
  "(2)(a)", "Acquire audit trails",
  "(2)(b)", "Keep audit trails for their retention period, then erase them",
  "(2)(c)", "Handle failure to acquire audit trails as defined")
E("2.2.1.5",
  "(1)(a)", "Provide assurance functions")
E("2.2.1.6",
  "(1)(a)", "Consider whether encryption functions are needed",
  "(1)(b)", "Provide encryption functions",
  "(1)(c)", "Consider whether electronic signature functions are needed",
  "(1)(d)", "Provide electronic signature functions",
  "(1)(e)", "Consider measures for cryptographic modules and keys",
  "(1)(e)(ア)", "Replaceable cryptographic module components",
  "(1)(e)(イ)", "Selectable algorithms",
  "(1)(e)(ウ)", "Products certified under the cryptographic module validation scheme",
  "(1)(e)(エ)", "Keys stored in tamper-resistant cryptographic modules",
  "(2)(a)", "Give signature verifiers the means to verify signatures",
  "(2)(b)", "Obtain information on compromised algorithms")
E("2.2.2.1",
  "(1)(a)", "Fix published security holes at installation or start of operation",
  "(1)(b)", "Apply available countermeasures even before holes are published",
  "(2)(a)", "Gather information on published security holes",
  "(2)(b)", "Analyse risks and draw up a security hole countermeasure plan",
  "(2)(b)(ア)", "Need for countermeasures",
  "(2)(b)(イ)", "Countermeasure method",
  "(2)(b)(ウ)", "Temporary workaround where no countermeasure exists",
  "(2)(b)(エ)", "Effect of the countermeasure or workaround on the system",
  "(2)(b)(オ)", "Schedule of the countermeasure",
  "(2)(b)(カ)", "Need for testing the countermeasure",
  "(2)(b)(キ)", "Test method",
  "(2)(b)(ク)", "Test schedule",
  "(2)(c)", "Apply countermeasures according to the plan",
  "(2)(d)", "Record the countermeasures applied",
  "(2)(e)", "Obtain fix files reliably and verify their integrity",
  "(2)(f)", "Periodically check countermeasure status and software configuration",
  "(2)(g)", "Share security hole information with other officers as needed")
E("2.2.2.2",
  "(1)(a)", "Install anti-virus software on computers",
  "(1)(b)", "Anti-malware measures on every expected infection route",
  "(1)(c)", "Consider combining several kinds of anti-virus software",
  "(1)(d)", "Consider measures against spreading",
  "(2)(a)", "Gather malware information and instruct staff",
  "(2)(b)", "Keep track of and review anti-malware measures")
E("2.2.2.3",
  "(1)(a)", "Use device functions against denial-of-service attacks",
  "(1)(b)", "Build the system to minimise the impact of attacks",
  "(1)(c)", "Define monitoring targets, methods and record retention",
  "(1)(d)", "Response procedures and contacts with the Internet line provider",
  "(1)(e)", "Consider measures to remove or reduce the impact",
  "(1)(f)", "Consider means to respond effectively",
  "(1)(g)", "Consider redundancy",
  "(2)(a)", "Monitor as defined and keep the records")
E("2.2.2.4",
  "(1)(a)", "Prevent use as a stepping stone",
  "(1)(b)", "Build the system to minimise the impact of use as a stepping stone",
  "(1)(c)", "Consider defining stepping-stone monitoring and record retention",
  "(2)(a)", "Monitor as defined and keep the records")
E("2.2.2.5",
  "(1)(a)", "Prevent intrusion and spread of targeted-attack malware (construction)",
  "(1)(b)", "Prevent use in targeted attacks",
  "(2)(a)", "Prevent intrusion and spread of targeted-attack malware (operation)")
E("2.3.1.1",
  "(1)(a)", "Measures to restrict who enters, by area class",
  "(1)(a)(ア)", "Keep suspicious persons out",
  "(1)(a)(イ)", "Physical separation and entry/exit control for systems handling information requiring protection",
  "(2)(a)", "Measures when permitting entry, by area class",
  "(2)(a)(ア)", "Check that persons entering are permitted",
  "(2)(a)(イ)", "Check that persons leaving were permitted",
  "(2)(a)(ウ)", "Permitted persons let no one else in or out",
  "(2)(a)(エ)", "Procedure for permitting continual entry",
  "(2)(a)(オ)", "Procedure for changes to continual entry permits",
  "(2)(a)(カ)", "Record and monitor everyone's entry and exit",
  "(3)(a)", "Measures for visitors, by area class",
  "(3)(a)(ア)", "Confirm visitors' identity and purpose",
  "(3)(a)(イ)", "Record visits",
  "(3)(a)(ウ)", "Procedure for the host to review a visitor's entry",
  "(3)(a)(エ)", "Restrict the areas visitors enter",
  "(3)(a)(オ)", "Host staff accompany visitors",
  "(3)(a)(カ)", "Visitors distinguishable at sight",
  "(4)(a)", "Prevent theft and removal of installed computers and network devices",
  "(4)(b)", "Measures for installing computers and network devices, by area class",
  "(4)(b)(ア)", "Physically isolate the installation area",
  "(4)(b)(イ)", "Protect displays from being viewed",
  "(4)(b)(ウ)", "Protect power and communication cabling",
  "(4)(b)(エ)", "Counter information leakage by electromagnetic emanation",
  "(5)(a)", "Monitor work in controlled areas",
  "(6)(a)", "Staff always visibly identifiable",
  "(7)(a)", "Restrictions on bringing articles in and out, by area class",
  "(7)(a)(ア)", "Measures for bringing system-related articles in and out",
  "(7)(a)(イ)", "Keep records of articles brought in and out",
  "(7)(a)(ウ)", "Restrict bringing in unrelated computers, media and recorders",
  "(7)(b)", "Permission for or notice of photography and recording",
  "(8)(a)", "Measures for handing over articles with delivery vendors",
  "(9)(a)", "Physical protection against natural and man-made disasters",
  "(9)(b)", "Power cut-off in disasters and failures")
E("2.3.2.1",
  "(1)(a)", "Secure the performance required of computers",
  "(1)(b)", "Install computers in controlled areas",
  "(1)(c)", "Consider computer redundancy",
  "(1)(d)", "Protect computers from misuse while staff are away",
  "(1)(e)", "Define permitted and prohibited software",
  "(2)(a)", "Use computers only for official duties",
  "(2)(b)", "Protect the computer when leaving one's seat",
  "(2)(c)", "No prohibited software; approval for software not permitted",
  "(2)(d)", "Periodically survey software and remedy improper states",
  "(3)(a)", "Erase all information when a computer is retired")
E("2.3.2.2",
  "(1)(a)", "Mobile terminals protected outside controlled areas",
  "(1)(b)", "Approval to use mobile terminals",
  "(1)(c)", "Encryption of stored information on mobile terminals",
  "(1)(d)", "Anti-theft and damage mitigation measures for mobile terminals",
  "(1)(e)", "Consider terminals that cannot store information",
  "(2)(a)", "Anti-theft measures when using mobile terminals",
  "(2)(b)", "Consider encryption when taking mobile terminals out",
  "(2)(c)", "Connect terminals only to permitted lines",
  "(2)(d)", "Consider synchronising terminal clocks")
E("2.3.2.3",
  "(1)(a)", "Consider concealing remote maintenance communications",
  "(1)(b)", "Consider load distribution or server redundancy",
  "(2)(a)", "Periodically check configuration changes and their security impact",
  "(2)(b)", "Measures to restore server operation",
  "(2)(c)", "Record server administration work",
  "(2)(d)", "Synchronise server clocks",
  "(2)(e)", "Consider monitoring the security state of servers",
  "(2)(f)", "Consider monitoring the system state of servers")
E("2.3.3.1",
  "(1)(a)", "No unauthorized relaying by mail servers",
  "(1)(b)", "Authenticate staff when mail is sent and received",
  "(1)(c)", "Prevent sender spoofing",
  "(2)(a)", "Use the ministry's mail service for official mail",
  "(2)(b)", "Display mail so that scripts do not run")
E("2.3.3.2",
  "(1)(a)", "Secure web server settings",
  "(1)(a)(ア)", "Restrict web server functions",
  "(1)(a)(イ)", "Restrict access to information on the web server",
  "(1)(a)(ウ)", "Manage IDs properly",
  "(1)(a)(エ)", "Encryption and certificate authentication where needed",
  "(1)(b)", "No unidentified confidential information on web servers",
  "(2)(a)", "Build security functions into web applications",
  "(2)(a)(ア)", "Do not hinder users from checking the URL",
  "(2)(a)(イ)", "Proper authentication and access control",
  "(2)(a)(ウ)", "Limit the file path names used",
  "(2)(a)(エ)", "Reject invalid input data",
  "(2)(a)(オ)", "Reject invalid output data",
  "(2)(a)(カ)", "Secure session management",
  "(3)(a)", "Secure web client settings",
  "(3)(b)", "Check the distributor of downloaded software by its signature",
  "(3)(c)", "Checks before sending confidential information in web forms",
  "(3)(c)(ア)", "The transmission is encrypted",
  "(3)(c)(イ)", "The site belongs to the intended organisation",
  "(3)(d)", "Consider restricting external websites")
E("2.3.3.3",
  "(1)(a)", "Keep name resolution from stopping",
  "(1)(b)", "Procedures for managing domain information",
  "(1)(c)", "Proper answers to resolution requests by cache servers",
  "(1)(d)", "Keep internal-only names from leaking",
  "(1)(e)", "Consider signing and validating DNS information",
  "(2)(a)", "Keep domain information consistent between servers",
  "(2)(b)", "Check that domain information is accurate")
E("2.3.4.1",
  "(1)(a)", "Build lines in view of their risks",
  "(1)(b)", "Secure the required line performance",
  "(1)(c)", "Define the software of network devices",
  "(1)(d)", "Group computers and separate the groups on the lines",
  "(1)(e)", "Access and routing control between the groups",
  "(1)(f)", "Consider concealing communications",
  "(1)(g)", "Select secure physical lines",
  "(1)(h)", "Secure remote maintenance connections to network devices",
  "(1)(i)", "Install network devices in controlled areas",
  "(1)(j)", "Agree security and service levels for leased lines",
  "(1)(k)", "Consider redundant lines and network devices",
  "(1)(l)", "Consider authenticating communicating computers",
  "(2)(a)", "Permission before changing network device software",
  "(2)(b)", "Record line and network device administration work",
  "(2)(c)", "Change to a closed line when security becomes hard to ensure",
  "(2)(d)", "Connect no unpermitted computers or network devices",
  "(2)(e)", "Synchronise network device clocks",
  "(2)(f)", "Measures to restore network device operation",
  "(2)(g)", "Consider periodically surveying network device software",
  "(2)(h)", "Protect network devices from unauthorized operation",
  "(3)(a)", "Erase all information when a network device is retired")
E("2.3.4.2",
  "(1)(a)", "Consider checking computers before they are logically connected",
  "(2)(a)", "Review access control settings",
  "(2)(b)", "Consider checking line use and state daily",
  "(2)(c)", "Consider monitoring communications on internal lines",
  "(3)(a)", "Consider measures for VPN environments",
  "(3)(a)(ア)", "VPN: procedures to start and stop use",
  "(3)(a)(イ)", "VPN: encrypt communications",
  "(3)(a)(ウ)", "VPN: identify computers or authenticate users",
  "(3)(a)(エ)", "VPN: acquire and manage authentication records",
  "(3)(a)(オ)", "VPN: limit the reachable lines",
  "(3)(a)(カ)", "VPN: keep the connection method confidential",
  "(3)(a)(キ)", "VPN: manage the computers that use it",
  "(3)(b)", "Consider measures for wireless LAN environments",
  "(3)(b)(ア)", "Wireless LAN: procedures to start and stop use",
  "(3)(b)(イ)", "Wireless LAN: encrypt communications",
  "(3)(b)(ウ)", "Wireless LAN: identify computers or authenticate users",
  "(3)(b)(エ)", "Wireless LAN: acquire and manage authentication records",
  "(3)(b)(オ)", "Wireless LAN: limit the reachable lines",
  "(3)(b)(カ)", "Wireless LAN: no other connection while connected",
  "(3)(b)(キ)", "Wireless LAN: manage connected computers and network devices",
  "(3)(c)", "Consider measures for remote access over the public telephone network",
  "(3)(c)(ア)", "Remote access: procedures to start and stop use",
  "(3)(c)(イ)", "Remote access: identify and authenticate callers or caller numbers",
  "(3)(c)(ウ)", "Remote access: acquire and manage authentication records",
  "(3)(c)(エ)", "Remote access: limit the reachable lines",
  "(3)(c)(オ)", "Remote access: no other connection during remote access",
  "(3)(c)(カ)", "Remote access: keep the access method confidential",
  "(3)(c)(キ)", "Remote access: manage the computers that use it")
E("2.3.4.3",
  "(1)(a)", "Permission before connecting to lines outside the ministry",
  "(1)(b)", "Independent line where connection would compromise security",
  "(2)(a)", "Change to an independent line when security becomes hard to ensure",
  "(2)(b)", "Review access control settings",
  "(2)(c)", "Check line use and state daily",
  "(2)(d)", "Monitor communications with lines outside the ministry")
E("2.4.1.1",
  "(1)(a)", "Prefer IPv6 Ready Logo Phase-2 products",
  "(1)(b)", "Counter threats from direct reachability by global addresses",
  "(1)(c)", "Filter unauthorized communication",
  "(1)(d)", "Keep IPv6 transition mechanisms from threatening other systems",
  "(1)(e)", "No security problems from equipment and software without IPv6 support",
  "(2)(a)", "Suppress IPv6 on lines not meant for it",
  "(2)(b)", "Consider monitoring lines not meant for IPv6")

# title_ja: the source prints no heading for items; by default title_of()
# takes a phrase of the text; these override it (each must occur in the text).
TITLE_JA = {
    "2.2.2.1(2)(d)": "実施日、実施内容及び実施者を含む事項を記録する",
    "2.3.2.3(2)(c)": "作業日、作業を行ったサーバ装置、作業内容及び作業者を含む事項を記録する",
    "2.3.4.1(2)(b)": "作業日、作業を行った通信回線及び通信回線装置並びに作業内容及び作業者を含む事項を記録する",
    "2.3.1.1(1)(a)(イ)": "物理的に隔離し、立入り及び退出を管理するための措置",
    "2.2.2.1(1)(b)": "採り得る対策がある場合は、当該対策を実施する",
    "2.2.2.2(1)(b)": "感染経路の全てにおいてアンチウイルスソフトウェア等により不正プログラム対策を実施する",
    "2.3.3.3(1)(d)": "府省庁内のみで使用する名前の解決を提供する場合、当該情報が外部に漏えいしないための措置を講ずる",
    "2.2.1.4(2)(a)": "情報システムに設けられた機能を利用して、証跡を取得する",
    "2.2.1.1(1)(b)": "主体認証情報が明らかにならないように管理する",
    "2.2.1.1(1)(c)": "利用者に対して定期的な変更を促す機能",
    "2.2.1.1(1)(d)": "主体認証情報若しくは主体認証情報格納装置による主体認証を停止する機能",
    "2.2.1.1(1)(e)": "知識による主体認証方式を用いる場合",
    "2.2.1.1(1)(f)": "知識、所有、生体情報以外の主体認証方式を用いる場合",
    "2.2.1.1(1)(g)": "以下のそれぞれの機能を設けることの必要性の有無を検討し",
    "2.2.1.1(1)(b)(ウ)": "暗号化が行われない旨を通知する",
    "2.2.1.1(1)(f)(ウ)": "代理の防止",
    "2.2.1.1(1)(f)(ア)": "誤認の防止",
    "2.2.1.1(1)(f)(イ)": "誤否認の防止",
    "2.2.1.1(1)(f)(エ)": "複製の防止",
    "2.2.1.1(1)(f)(オ)": "無効化の確保",
    "2.2.1.1(1)(f)(カ)": "可用性の確保",
    "2.2.1.1(1)(f)(キ)": "継続性の確保",
    "2.2.1.1(1)(f)(ク)": "再発行の確保",
    "2.2.1.1(1)(g)(オ)": "以前に設定した主体認証情報と同じものを再設定することを防止する機能",
    "2.2.1.1(1)(g)(カ)": "個別の識別コードによりログオンすることが必要となる機能",
    "2.2.1.1(1)(g)(エ)": "当該情報システムの利用に関する通知メッセージを表示する機能",
    "2.2.1.2(1)(b)": "以下のそれぞれの機能を設けることの必要性の有無を検討し",
    "2.2.1.2(2)(a)": "情報の格付及び取扱制限に従って、アクセス制御を行う",
    "2.2.1.3(1)(b)": "以下のそれぞれの機能を設けることの必要性の有無を検討し",
    "2.2.1.3(2)(a)": "識別コード及び主体認証情報を発行する",
    "2.2.1.3(2)(b)": "共用識別コードか、共用ではない識別コードかの区別を利用者に通知する",
    "2.2.1.3(2)(c)": "管理者権限を持つ識別コードを付与",
    "2.2.1.3(2)(d)": "当該行政事務従事者の識別コードを無効にする",
    "2.2.1.3(2)(e)": "主体認証情報格納装置を返還させる",
    "2.2.1.3(2)(f)": "必要最小限の範囲に限り許可を与えるようにアクセス制御の設定をする",
    "2.2.1.3(2)(g)": "以下のそれぞれの措置を講ずることの必要性の有無を検討し",
    "2.2.1.3(2)(g)(イ)": "識別コードをどの主体に付与したかについての記録",
    "2.2.1.4(1)(a)": "証跡管理のために証跡を取得する機能を設ける",
    "2.2.1.4(1)(b)": "証跡が取得できなくなった場合及び取得できなくなるおそれがある場合の対処方法を定め",
    "2.2.1.4(1)(c)": "取得した証跡についてアクセス制御を行う",
    "2.2.1.4(1)(d)": "以下のそれぞれの機能を設けることの必要性の有無を検討し",
    "2.2.1.4(1)(d)(イ)": "監視する者等にその旨を即時に通知する機能",
    "2.2.1.4(2)(b)": "保存期間が満了する日まで当該証跡を保存し",
    "2.2.1.4(2)(c)": "定められた対処方法に基づいて対処する",
    "2.2.1.6(1)(a)": "暗号化を行う機能を付加する必要性の有無を検討する",
    "2.2.1.6(1)(c)": "電子署名の付与及び検証を行う機能を付加する必要性の有無を検討する",
    "2.2.1.6(1)(e)": "以下のそれぞれの措置を講ずることの必要性の有無を検討し",
    "2.2.1.6(1)(e)(ウ)": "暗号モジュール試験及び認証制度に基づく認証を取得している製品の選択",
    "2.2.1.6(1)(e)(エ)": "鍵の耐タンパー性を有する暗号モジュールへの格納",
    "2.2.1.6(2)(a)": "電子署名の正当性を検証するための情報又は手段を署名検証者へ提供する",
    "2.2.1.6(2)(b)": "選択されたアルゴリズムの危殆化に関する情報を適宜入手する",
    "2.2.2.1(1)(a)": "公開されたセキュリティホールの対策を実施する",
    "2.2.2.1(2)(a)": "公開されたセキュリティホールに関連する情報を適宜入手する",
    "2.2.2.1(2)(b)": "セキュリティホール対策計画を策定する",
    "2.2.2.1(2)(e)": "信頼できる方法でパッチ又はバージョンアップソフトウェア等",
    "2.2.2.1(2)(f)": "定期的にセキュリティホール対策及びソフトウェア構成の状況を確認、分析し",
    "2.2.2.1(2)(g)": "他の情報システムセキュリティ責任者と共有する",
    "2.2.2.2(1)(a)": "アンチウイルスソフトウェア等を導入する",
    "2.2.2.2(1)(c)": "複数の種類のアンチウイルスソフトウェア等を組み合わせて導入する",
    "2.2.2.2(1)(d)": "拡散を防止する措置の必要性の有無を検討し",
    "2.2.2.2(2)(a)": "不正プログラムに関する情報の収集に努め",
    "2.2.2.2(2)(b)": "不正プログラム対策の状況を適宜把握し、その見直しを行う",
    "2.2.2.3(1)(a)": "装備している機能をサービス不能攻撃対策に活用する",
    "2.2.2.3(1)(b)": "サービス不能攻撃を受けた場合に影響が最小となるように情報システムを構築する",
    "2.2.2.3(1)(c)": "監視方法及び監視記録の保存期間を定める",
    "2.2.2.3(1)(d)": "サービス不能攻撃発生時の対処手順や連絡体制を整備する",
    "2.2.2.3(1)(e)": "サービス不能攻撃の影響を排除し、又は低減する措置の必要性の有無を検討し",
    "2.2.2.3(1)(f)": "攻撃への対処を効果的に実施できる手段を確保することの必要性の有無を検討し",
    "2.2.2.3(1)(g)": "冗長構成にすることの必要性の有無を検討し",
    "2.2.2.3(2)(a)": "監視方法に従って電子計算機、通信回線装置及び通信回線を監視し",
    "2.2.2.4(1)(a)": "踏み台として使われることを防止するための措置を講ずる",
    "2.2.2.4(1)(b)": "踏み台として使われた場合の影響が最小となるように情報システムを構築する",
    "2.2.2.4(1)(c)": "監視方法及び監視記録の保存期間を定める必要性の有無を検討し",
    "2.2.2.4(2)(a)": "定められた監視方法に従って情報システムを監視し",
    "2.2.2.5(1)(a)": "標的型攻撃による不正プログラムの侵入及び感染拡大等を防止するための措置を講ずる",
    "2.2.2.5(1)(b)": "標的型攻撃に利用されることを防止するための措置を講ずる",
    "2.2.2.5(2)(a)": "標的型攻撃による不正プログラムの侵入及び感染拡大等を防止するための措置を講ずる",
    "2.3.1.1(1)(a)": "立ち入る者を制限するための管理対策",
    "2.3.1.1(2)(a)": "立ち入る者を許可する際の管理対策",
    "2.3.1.1(3)(a)": "訪問者がある場合の管理対策",
    "2.3.1.1(3)(a)(イ)": "訪問者の氏名、所属及び訪問目的、訪問相手の氏名及び所属、訪問日並びに立入り及び退出の時刻を記録するための措置",
    "2.3.1.1(2)(a)(ウ)": "立入りを許可されていない者を要管理対策区域へ立ち入らせ、及び当該区域から退出させない措置",
    "2.3.1.1(2)(a)(カ)": "全ての者の要管理対策区域への立入り及び当該区域からの退出を記録し及び監視するための措置",
    "2.3.1.1(4)(a)": "盗難及び当該場所からの不正な持ち出しを防止するための措置",
    "2.3.1.1(4)(b)": "電子計算機及び通信回線装置の設置に係る管理対策",
    "2.3.1.1(4)(b)(ウ)": "配線を、損傷及び盗聴を含む脅威から保護するための措置",
    "2.3.1.1(5)(a)": "要管理対策区域内での作業を監視するための措置",
    "2.3.1.1(6)(a)": "行政事務従事者であることを常時視認することが可能な状態にする",
    "2.3.1.1(7)(a)": "物品の持込み及び持ち出しに係る利用制限対策",
    "2.3.1.1(7)(a)(ウ)": "情報システムに関連しない電子計算機、通信回線装置、電磁的記録媒体及び記録装置",
    "2.3.1.1(7)(b)": "撮影又は録音の許可を得、又は届け出る",
    "2.3.1.1(8)(a)": "受渡業者と物品の受渡しを行う際の対策",
    "2.3.1.1(9)(a)": "自然災害及び人為的災害から電子計算機及び通信回線装置を保護するための物理的な対策を講ずる",
    "2.3.1.1(9)(b)": "電子計算機及び通信回線装置の電源を遮断できる措置を講ずる",
    "2.3.2.1(1)(a)": "システム性能を将来の見通しを含め検討し、確保する",
    "2.3.2.1(1)(b)": "電子計算機を要管理対策区域内に設置する",
    "2.3.2.1(1)(c)": "電子計算機を冗長構成にする必要性を検討し",
    "2.3.2.1(1)(d)": "離席時に、電子計算機を不正操作から保護するための措置を講ずる",
    "2.3.2.1(1)(e)": "電子計算機で利用を認めるソフトウェア及び利用を禁止するソフトウェアを定める",
    "2.3.2.1(2)(a)": "行政事務の遂行以外の目的で電子計算機を利用しない",
    "2.3.2.1(2)(b)": "離席時に電子計算機を不正操作から保護するための措置を講ずる",
    "2.3.2.1(2)(c)": "電子計算機で利用を禁止するソフトウェアに定められたものを利用しない",
    "2.3.2.1(2)(d)": "全てのソフトウェアの状態を定期的に調査し",
    "2.3.2.1(3)(a)": "電子計算機の電磁的記録媒体の全ての情報を抹消する",
    "2.3.2.2(1)(a)": "要管理対策区域で利用される端末と同等の保護手段が有効に機能するように構成する",
    "2.3.2.2(1)(b)": "モバイル端末を利用する必要がある場合には、情報システムセキュリティ責任者の承認を得る",
    "2.3.2.2(1)(c)": "電磁的記録媒体に保存される情報の暗号化を行う機能を設ける",
    "2.3.2.2(1)(d)": "盗難防止及び盗難後の被害を軽減するための措置を定める",
    "2.3.2.2(1)(e)": "情報を保存できない端末を用いて情報システムを構築する必要性の有無を検討し",
    "2.3.2.2(2)(a)": "盗難防止措置を行う",
    "2.3.2.2(2)(b)": "要機密情報の暗号化を行う必要性の有無を検討し",
    "2.3.2.2(2)(c)": "接続許可を与えた通信回線以外に端末を接続しない",
    "2.3.2.2(2)(d)": "端末の時刻を同期する必要性の有無を検討し",
    "2.3.2.3(1)(a)": "通信を秘匿する必要性の有無を検討し",
    "2.3.2.3(1)(b)": "負荷を複数のサーバ装置に分散又はサーバ装置を冗長構成とする必要性の有無を検討し",
    "2.3.2.3(2)(a)": "定期的にサーバ装置の構成の変更を確認する",
    "2.3.2.3(2)(b)": "サーバ装置の運用状態を復元するために必要な措置を講ずる",
    "2.3.2.3(2)(d)": "サーバ装置の時刻を同期する",
    "2.3.2.3(2)(e)": "サーバ装置のセキュリティ状態を監視する必要性の有無を検討し",
    "2.3.2.3(2)(f)": "当該サーバ装置のシステム状態を監視する必要性の有無を検討し",
    "2.3.3.1(1)(a)": "電子メールサーバが電子メールの不正な中継を行わないように設定する",
    "2.3.3.1(1)(b)": "行政事務従事者の主体認証を行う機能を備える",
    "2.3.3.1(1)(c)": "電子メールの送信元について、なりすましの防止策を講ずる",
    "2.3.3.1(2)(a)": "電子メールサーバにより提供される電子メールサービスを利用する",
    "2.3.3.1(2)(b)": "スクリプトが電子計算機で実行されないように電子メールの内容を表示させる",
    "2.3.3.2(1)(a)": "適切にウェブサーバのセキュリティ設定をする",
    "2.3.3.2(1)(a)(エ)": "暗号化と電子証明書による認証の機能を設ける",
    "2.3.3.2(1)(b)": "当該サーバに特定した情報以外の要機密情報が含まれないことを確認する",
    "2.3.3.2(2)(a)": "ウェブアプリケーションの開発においてセキュリティ対策機能を組み込む",
    "2.3.3.2(3)(a)": "適切にウェブクライアントのセキュリティ設定をする",
    "2.3.3.2(3)(b)": "電子署名により当該ソフトウェアの配布元を確認する",
    "2.3.3.2(3)(c)": "フォームに要機密情報を入力して送信する場合",
    "2.3.3.2(3)(d)": "府省庁外のウェブサイトを制限する必要性の有無を検討し",
    "2.3.3.3(1)(a)": "名前解決を停止させないための措置を講ずる",
    "2.3.3.3(1)(b)": "管理するドメインに関する情報を運用管理するための手続を定める",
    "2.3.3.3(1)(c)": "名前解決の要求への適切な応答をするための措置を講ずる",
    "2.3.3.3(1)(e)": "電子署名を付与し、キャッシュサーバによる名前解決時には電子署名を検証する",
    "2.3.3.3(2)(a)": "管理するドメインに関する情報についてサーバ間で整合性を維持する",
    "2.3.3.3(2)(b)": "当該情報が正確であることを適宜確認する",
    "2.3.4.1(1)(a)": "通信回線構築によるリスクを検討し、通信回線を構築する",
    "2.3.4.1(1)(b)": "通信性能を発揮できる能力を、将来の見通しを含め検討し、確保する",
    "2.3.4.1(1)(c)": "通信回線装置が動作するために必要なソフトウェアを定める",
    "2.3.4.1(1)(d)": "通信回線に接続される電子計算機をグループ化し、それぞれ通信回線上で分離する",
    "2.3.4.1(1)(e)": "アクセス制御及び経路制御を行う",
    "2.3.4.1(1)(f)": "通信を秘匿する必要性の有無を検討し",
    "2.3.4.1(1)(g)": "物理的な回線のセキュリティを検討し、適切な回線を選択する",
    "2.3.4.1(1)(h)": "保守又は診断のために利用するサービスによる接続についてセキュリティを確保する",
    "2.3.4.1(1)(i)": "通信回線装置を要管理対策区域内に設置する",
    "2.3.4.1(1)(j)": "セキュリティレベル及びサービスレベルを含む事項に関して契約時に取り決めておく",
    "2.3.4.1(1)(k)": "通信回線又は通信回線装置を冗長構成にする必要性を検討し",
    "2.3.4.1(1)(l)": "通信を行う電子計算機の主体認証を行う必要性の有無を検討し",
    "2.3.4.1(2)(a)": "通信回線装置のソフトウェアを変更する場合には、情報システムセキュリティ責任者の許可を得る",
    "2.3.4.1(2)(c)": "独立した閉鎖的な通信回線に構成を変更する",
    "2.3.4.1(2)(d)": "許可を受けていない電子計算機及び通信回線装置を通信回線に接続しない",
    "2.3.4.1(2)(e)": "通信回線装置の時刻を同期する",
    "2.3.4.1(2)(f)": "通信回線装置の運用状態を復元するために必要な措置を講ずる",
    "2.3.4.1(2)(g)": "全てのソフトウェアの状態を定期的に調査する必要性の有無を検討し",
    "2.3.4.1(2)(h)": "通信回線装置を不正操作から保護するための措置を講ずる",
    "2.3.4.1(3)(a)": "通信回線装置の電磁的記録媒体の全ての情報を抹消する",
    "2.3.4.2(1)(a)": "接続することを許可されたものであることを確認する必要性の有無を検討し",
    "2.3.4.2(2)(a)": "アクセス制御の設定の見直しを行う",
    "2.3.4.2(2)(b)": "通信回線の利用状況及び状態を確認、分析する必要性の有無を検討し",
    "2.3.4.2(2)(c)": "府省庁内通信回線上を送受信される通信内容を監視する必要性の有無を検討し",
    "2.3.4.2(3)(a)": "VPN 環境を構築する場合",
    "2.3.4.2(3)(b)": "無線 LAN 環境を構築する場合",
    "2.3.4.2(3)(c)": "公衆電話網を経由したリモートアクセス環境を構築する場合",
    "2.3.4.3(1)(a)": "情報セキュリティ責任者の許可を得た上で、府省庁内通信回線を府省庁外通信回線と接続する",
    "2.3.4.3(1)(b)": "独立した通信回線として府省庁内通信回線を構築する",
    "2.3.4.3(2)(a)": "独立した通信回線に構成を変更する",
    "2.3.4.3(2)(b)": "アクセス制御の設定の見直しを行う",
    "2.3.4.3(2)(c)": "通信回線の利用状況及び状態を確認、分析し",
    "2.3.4.3(2)(d)": "府省庁内通信回線と府省庁外通信回線との間で送受信される通信内容を監視する",
    "2.4.1.1(1)(a)": "IPv6 Ready Logo Program に基づく Phase-2 準拠製品",
    "2.4.1.1(1)(b)": "グローバル IP アドレスによる直接の到達性における脅威を防止するための措置を講ずる",
    "2.4.1.1(1)(c)": "不正な通信を制限するフィルタリングを適切に行う",
    "2.4.1.1(1)(d)": "IPv6 移行機構が他の情報システムに情報セキュリティ上の脅威を及ぼすことを防止する",
    "2.4.1.1(1)(e)": "IPv6 に対応していない機器及びソフトウェアの利用によるセキュリティの問題がないように措置を講ずる",
    "2.4.1.1(2)(a)": "IPv6 通信を抑止するための措置を講ずる",
    "2.4.1.1(2)(b)": "IPv6 通信を想定していない通信回線を監視する必要性の有無を検討し",
}

# Modality is read from the text (modality_of); these items are read otherwise.
MODALITY_OVERRIDE = {
    # survey periodically (shall); consider remedying what the survey finds
    "2.3.2.1(2)(d)": "shall",
    # the sub-item itself says: consider the risk; provide the functions if judged necessary
    "2.3.3.2(1)(a)(エ)": "consider",
}

# Parameters an organisation fills in: (title_ja as printed in the text, value or None)
PARAMETERS = {
    "2.2.1.1(1)(e)(ウ)": [("セキュリティ上の強度", None)],
    "2.2.1.4(2)(b)": [("保存期間", None)],
    "2.2.2.3(1)(c)": [("監視対象", None), ("監視方法", None), ("監視記録の保存期間", None)],
    "2.2.2.4(1)(c)": [("監視方法", None), ("監視記録の保存期間", None)],
}

# Documents or records the item requires, as the text names them.
DOCUMENTS = {
    "2.2.1.4(1)(b)": ["対処方法"],
    "2.2.2.1(2)(b)": ["セキュリティホール対策計画"],
    "2.2.2.1(2)(c)": ["セキュリティホール対策計画"],
    "2.3.2.1(1)(e)": ["利用を認めるソフトウェア", "利用を禁止するソフトウェア"],
    "2.3.3.3(1)(b)": ["管理するドメインに関する情報を運用管理するための手続"],
    "2.3.4.2(3)(a)(エ)": ["主体認証記録"],
    "2.3.4.2(3)(b)(エ)": ["主体認証記録"],
    "2.3.4.2(3)(c)(ウ)": ["主体認証記録"],
}

# --------------------------------------------------------------------------
# Data: notes.  (text_en, line, text_ja or None); text_ja must occur near the line.
# --------------------------------------------------------------------------

REQ_NOTES = {
    "2.2.1.1(1)(c)": [
        ("Besides the prompt to change, only one of the functions (ア) and (イ) is required (以下のいずれかの機能); "
         "the sub-items are alternatives.", 234, "以下のいずれかの機能を設けること")],
    "2.2.1.1(1)(f)": [
        ("The sub-items are properties the method must have where they apply to its characteristics "
         "(その特性に応じて適用可能な要件を全て満たす).", 243, "その特性に応じて適用可能な要件を全て満たす"),
        ("Sub-item (ア) is printed at the level of the items (its list bullet is not indented); it is read as "
         "the first sub-item of (f).", 244, "(ア) 正当な主体以外の主体認証を受諾しないこと。")],
    "2.2.1.1(1)(f)(オ)": [
        ("This property names the 情報システムセキュリティ管理者 as the one who decides to disable a logon; "
         "role_ja stays that of item (f), which introduces the method.", 248,
         "情報システムセキュリティ管理者の判断により")],
    "2.2.1.1(1)(g)": [
        ("Sub-item (ア) is printed at the level of the items; it is read as the first sub-item of (g).", 253,
         "(ア) 複数要素(複合)主体認証方式で主体認証を行う機能")],
    "2.2.1.1(1)(g)(ア)": [
        ("The glossary (2.1.1.6) defines this term as 複数要素（複合）主体認証（multiple factors authentication）方式, "
         "with full-width parentheses and the English name inside it; here it is printed with half-width "
         "parentheses and without the English.", 253, "複数要素(複合)主体認証方式")],
    "2.2.1.3(2)(c)(イ)": [
        ("The sentence is split by a page break after 初期設定以外の (l.293-295); joined.", 295, "識別コードを初期設定以外のものに変更すること")],
    "2.2.1.4(1)(a)": [
        ("The item addresses the 情報システムセキュリティ責任者, but whether audit trails are needed is judged by "
         "the 情報セキュリティ責任者; the same holds for every item of 2.2.1.4.", 321,
         "証跡を取得する必要があると情報セキュリティ責任者が認めた")],
    "2.2.1.4(1)(b)": [
        ("The second half is qualified by 必要に応じ (as needed): functions to handle the failure are provided "
         "as needed; defining the handling is unconditional. modality is shall.", 323, "必要に応じ")],
    "2.2.1.4(1)(c)": [
        ("A page break splits 情報セキュリテ|ィ責任者 (l.325-327), and the extraction puts a list bullet before the "
         "second half (- ィ責任者が認めた…); joined.", 327, "情報セキュリティ責任者が認めた情報システムにおいては、取得した証跡")],
    "2.2.1.4(1)(d)": [
        ("Sub-item (ア) is printed at the level of the items; it is read as the first sub-item of (d).", 329,
         "(ア) 証跡の点検、分析及び報告を支援するための自動化機能")],
    "2.2.1.5(1)(a)": [
        ("The text says 必要があると認められた (passive): unlike the other sections it does not say who judges "
         "that assurance measures are needed, and it does not say what assurance functions are.", 343,
         "保証のための対策を行う必要があると認められた情報システム")],
    "2.2.1.6(1)(a)": [
        ("The item only requires considering whether encryption is needed (必要性の有無を検討すること); providing "
         "it is item (b). modality is consider.", 352, "暗号化を行う機能を付加する必要性の有無を検討すること。")],
    "2.2.1.6(1)(c)": [
        ("The item only requires considering whether electronic signatures are needed; providing them is item (d). "
         "modality is consider.", 355, "電子署名の付与及び検証を行う機能を付加する必要性の有無を検討すること")],
    "2.2.2.1(1)(b)": [
        ("The text prints ないう段階 (sic, ない段階: at a stage where there is no information on published "
         "security holes); kept as printed.", 376, "情報がないう段階においても")],
    "2.2.2.1(2)(e)": [
        ("A page break splits 完全性|検証方法 (l.391-393); joined.", 393, "当該対策用ファイルの完全性検証方法が用意されている場合は、検証を行うこと")],
    "2.2.2.1(2)(g)": [
        ("Qualified by 必要に応じ (as needed); modality is shall for sharing where needed.", 396, "必要に応じ")],
    "2.2.2.2(2)(a)": [
        ("The first part says 努め (endeavour to collect information), which alone would be should; the item "
         "ends with an obligation (指示を行うこと), so modality is shall.", 408, "不正プログラムに関する情報の収集に努め")],
    "2.2.2.5(2)(a)": [
        ("The text is word for word that of 2.2.2.5(1)(a); only the group (construction / operation) differs.",
         449, "情報システムについて標的型攻撃による不正プログラムの侵入及び感染拡大等を防止するための措置を講ずること")],
    "2.3.1.1(1)(a)(イ)": [
        ("別表1 (l.768) words this measure 区域間を物理的に隔離し (isolate between areas); the item says only "
         "物理的に隔離し. Recorded as a title variant.", 768, "区域間を物理的に 隔離し"),
        ("別表1 row 15 prints 施設可能な扉 (three times) and row 16 扉等を施設; read 施錠 (lock), kept as printed. "
         "Row 15's class-1 cell is garbled: ・警備員等による立ち番 り等。ただし、ドアガラス 等で見えても良 い repeats "
         "the end of the next cell after 立ち番.", 776, "・警備員等による立ち番 り等。"),
        ("In 別表1 row 7 the last value (禁) stands in a tenth column the header does not have.", 768, None)],
    "2.3.1.1(3)(a)(ア)": [
        ("A page break splits 確認する|ための措置 (l.473-475); the following sub-items (イ)-(カ) are printed "
         "without indentation.", 475, "訪問相手の氏名及び所属を確認するための措置")],
    "2.3.1.1(3)(a)(ウ)": [
        ("別表1 (l.791) says 訪問者の情報取扱区域への立入り where the item says 訪問者の要管理対策区域への立入り. "
         "Recorded as a title variant.", 791, "訪問者の情報取扱区域への立入り")],
    "2.3.1.1(4)(a)": [
        ("別表1 rows 38-39 print セキュリティファイヤーによる固定 (sic, most likely セキュリティワイヤー, a security "
         "wire); kept as printed.", 799, "セキュリティファイヤーによる固定"),
        ("別表1 (l.799) prints this item as 設置及び利用場所が確定している電子計算機…を防止するための措置, without the "
         "class wording of the item. Recorded as a title variant.", 799, None)],
    "2.3.1.1(5)(a)": [
        ("別表1 (l.808) says 当該区域内での作業 where the item says 要管理対策区域内での作業. Recorded as a title "
         "variant.", 808, "当該区域内での作業を監視するための措置")],
    "2.3.1.1(1)(a)(ア)": [
        ("別表1 row 3 recommends (望ましい) that other classes treat showing the location of class 4 as 禁; "
         "this is the only should-wording in the seed, and it is in a table cell, not in an item.", 764,
         "クラス4の所在の表示は 「禁」とすることが望ましい")],
    "2.3.1.1(7)(a)": [
        ("別表2 rows 10 and 11 (mobile terminals) cite, besides 2.3.1.1(7)(a), items of the Unified "
         "Management Standard (1.4.2.2(2)(a), 1.4.2.2(2)(b)), which are not in this file; so does row 12 "
         "(1.2.5.3(3)(b)).", 825, "モバイル端末の起動・利用 1.4.2.2(2)(a)"),
        ("In 別表2 row 10 the last value stands in a tenth column the header does not have.", 825, None)],
    "2.3.1.1(7)(a)(ウ)": [
        ("別表2 rows 9 and 13 (起動・利用, start-up and use) are attached here because their 対策例 cell is "
         "blank and continues the (ウ) label of rows 8 and 12; they concern using rather than bringing in.",
         824, "起動・利用(府省庁内LAN未接続、要保護情報は取り扱わない場合)")],
    "2.3.1.1(7)(a)(ア)": [
        ("Sub-item (ア) is printed at the level of the items; it is read as the first sub-item of (a).", 502,
         "(ア) 情報システムに関連する物品の持込み及び持ち出しを行う措置")],
    "2.2.1.1(1)(c)(ア)": [
        ("One of (ア) and (イ) is required (以下のいずれかの機能, 2.2.1.1(1)(c)).", 234, "以下のいずれかの機能")],
    "2.2.1.1(1)(c)(イ)": [
        ("One of (ア) and (イ) is required (以下のいずれかの機能, 2.2.1.1(1)(c)).", 234, "以下のいずれかの機能")],
    "2.3.1.1(8)(a)": [
        ("別表2 row 18 prints 要保護情報又は機密性1情報; 機密性1 is the lowest confidentiality class, so this may "
         "be a slip for 機密性2 or 3; kept as printed.", 833, "要保護情報又は機密性1情報")],
    "2.3.2.1(1)(b)": [
        ("別表2 rows 24 and 26 (installing terminals and servers) print 禁 for the first class column, while "
         "the legend of 別表2 defines 禁止 (the legend of 別表1 defines 禁).", 839, None)],
    "2.3.2.1(2)(d)": [
        ("Mixed: surveying all software periodically is unconditional (shall); whether to remedy an improper "
         "state found is to be considered (必要性の有無を検討し、必要と認めるときは). modality is shall.", 528,
         "当該不適切な状態の改善を図る必要性の有無を検討し")],
    "2.3.2.3(1)(a)": [
        ("Mixed: concealing maintenance communications is to be considered, but for maintenance over lines "
         "outside the ministry the officer must judge it necessary (shall). modality is consider.", 555,
         "府省庁外通信回線を経由する保守作業については、通信を秘匿する必要があると判断すること"),
        ("A page break splits 保守作業|を行う場合 (l.553-555); joined.", 555, "通信回線を経由してサーバ装置の保守作業を行う場合は")],
    "2.3.3.2(1)(a)(エ)": [
        ("This sub-item has its own consider-wording (リスクを検討し、必要と判断した場合には) under a lead-in "
         "that is shall; modality is consider.", 593, "必要と判断した場合には")],
    "2.3.3.2(1)(b)": [
        ("A page break splits について|は (l.594-596); joined.", 596, "要機密情報を取り扱う情報システムについては")],
    "2.3.4.1(1)(l)": [
        ("The seed prints this item's label as (1) (digit one) after (k); it is read as (l), the next letter, "
         "and the ID is 2.3.4.1(1)(l).", 659, "(1) 情報システムセキュリティ責任者は、通信を行う電子計算機の主体認証を行う必要性の有無を検討し")],
    "2.3.4.1(2)(g)": [
        ("Whether to survey the software is to be considered; where surveyed, improper states found must be "
         "remedied (改善を図ること). modality is consider.", 667, "不適切な状態にある通信回線装置を検出した場合には")],
    "2.3.4.2(1)(a)": [
        ("A page break splits 電子計算|機 (l.677-679); joined.", 679, "通信回線装置に物理的に接続した電子計算機を")],
    "2.3.4.2(2)(b)": [
        ("On lines connected to lines outside the ministry the same check is unconditional (2.3.4.3(2)(c)); "
         "here it is to be considered.", 684, "通信回線の利用状況及び状態を確認、分析する必要性の有無を検討し")],
    "2.3.4.2(2)(c)": [
        ("Monitoring traffic with lines outside the ministry is unconditional (2.3.4.3(2)(d)); monitoring "
         "internal lines is to be considered.", 685, "通信内容を監視する必要性の有無を検討し")],
    "2.3.4.2(3)(b)": [
        ("Mixed: the measures are to be considered, but for a wireless LAN handling 要機密情報 encryption must "
         "be judged necessary (shall for sub-item (イ) there). modality is consider.", 697,
         "要機密情報を取り扱う無線 LAN 環境については、通信内容の暗号化を行う必要があると判断すること"),
        ("別表2 (l.847) paraphrases this item as 無線LAN環境を構築する場合に、必要に応じて措置を講ずること. "
         "Recorded as a title variant.", 847, "必要に応じて措置を講ずること"),
        ("別表2 row 36 (direct Internet connection from inside the ministry via networks it does not manage) is "
         "attached here only because its item cell is blank, continuing row 32.", 851,
         "府省庁内から府省庁管理外のネットワーク経由でのインターネット直接接続")],
    "2.3.4.2(3)(b)(イ)": [
        ("For a wireless LAN handling 要機密情報 the lead-in (b) requires judging encryption necessary.", 697,
         "通信内容の暗号化を行う必要があると判断すること")],
    "2.3.4.2(3)(c)": [
        ("A page break splits リモートアクセス環境|を構築する (l.705-707); the sub-items (ア)-(キ) are printed "
         "without indentation.", 707, "公衆電話網を経由したリモートアクセス環境を構築する場合には")],
    "2.4.1.1(2)(b)": [
        ("Read as: consider monitoring; where monitoring, identify the device and block IPv6 when IPv6 "
         "communication is detected. The sentence could also be read as making the blocking unconditional.",
         749, "IPv6 通信が検知された場合には通信している装置を特定し")],
}

CATALOG_NOTES = [
    ("The seed is a draft (（案）): the date line is printed blank (年 月 日) and the issuer is the "
     "情報セキュリティ対策推進会議.", 7, "年 月 日"),
    ("Part 2.1 総則 has no compliance item and is not a view. Every heading of it says 統一管理基準に準じる "
     "(follows the Unified Management Standard, which is not in this file): 15 delegations. See the notes on "
     "2.1.1.1-2.1.1.6; its four new terms are the glossary's first entries.", 155,
     "政府機関の情報セキュリティ対策のための統一管理基準（以下「統一管理基準」という。）に準じる。"),
    # (general notes per section 2.1.1.x are added by general_notes())
    ("No item is marked 基本遵守事項 or 強化遵守事項 (or 【基本】/【強化】); 2.1.1.2(3) on the changes to the "
     "countermeasure levels is delegated. modality is read from each item's wording: …すること is shall; "
     "…の必要性の有無を検討し、必要と認めたときは…講ずること and …必要性を検討し、必要と判断した場合には… (consider "
     "whether needed, implement where judged necessary) and …必要性の有無を検討すること are consider. No item "
     "ends in …するよう努めること or says 望ましい (2.2.2.2(2)(a) has 努め in its first clause only; 望ましい occurs "
     "once, in a cell of 別表1), so none is should. Items that mix both are noted.", 167,
     "「対策レベルの設定」に係る変更点"),
    ("Sections print no 目的・趣旨 or 適用範囲 text; a domain's scope, where the text states one (the "
     "parenthetical an item declares valid for the section, 以下この項において同じ, or a condition every item "
     "repeats), is a domain note beginning Scope:. Each item's own condition stays in its text (purpose_ja).",
     418, "以下この項において同じ。"),
    ("Items (a), (b)… and sub-items (ア), (イ)… print no heading: purpose_ja is the whole text and title_ja "
     "a phrase taken verbatim from it. The numbered groups (1), (2)… are headings without text of their own; "
     "each is a note of its domain naming the requirements under it.", None, None),
    ("Sub-items name no subject: their role_ja and modality are those of the item that introduces them "
     "(except where a note says otherwise).", None, None),
    ("The Markdown heading levels (## to #####) and the list bullets and indentation of the seed vary at "
     "random (2.2.2.2 is a level-2 heading like the chapters; several sub-items are printed as items); the "
     "structure is taken from the printed numbering only.", 398, "2.2.2.2 不正プログラム対策"),
    ("The PDF extraction puts spaces between Japanese text and ASCII letters or digits (平成 24 年度版, 別表 1, "
     "IPv6 通信, DNS の); they are removed as layout noise.", 4, "統一技術基準（平成 24 年度版）"),
    ("The body has no heading for chapter 2.1.1 (the sections 2.1.1.1-2.1.1.6 follow 第 2.1 部 directly); the "
     "table of contents has none either.", 152, "2.1.1.1 本統一技術基準の位置付け"),
    ("The appendix tables 別表1 (情報取扱区域のクラス別管理, rows 1-50) and 別表2 (情報取扱区域のクラス別利用制限, "
     "rows 1-36) are tab-separated rows whose header names the columns 遵守事項, 対策例, 備考, クラス0-3 and "
     "(クラス4以上(統一基準外)). Each row cites the item it details (a 対策例 label (ア), (イ)… narrows it to "
     "that sub-item; a blank item cell continues the row above); it is a point of that requirement, "
     "labelled ［別表N 行M］: title_ja the measure (対策例, or the item as the table words it), text_ja the row's "
     "labels, examples and remarks, items the values of the class columns in printed order. The PDF's merged "
     "cells are lost: rows print fewer values than there are class columns and some print labels in the class "
     "columns, so which class a value belongs to cannot be told for certain, and the catalog does not assign "
     "them; read them against the seed (l.759-851).", 761, None),
    ("Definitions printed in the tables' remark cells (「…」とは…) are glossary entries; footnotes (※1)-(※4) "
     "are added to the text of every row whose cells carry the mark.", 790, "(※2) ・「事前貸与者」とは"),
    ("The tables print their group headings in <b> tags and 別表2's legend in <p> tags (HTML left in the "
     "text); the tags are removed. 別表1 writes ＜府省庁の判断＞ with full-width brackets, 別表2 <府省庁の判断> "
     "with ASCII ones; kept as printed.", 763, None),
    ("別表2 numbers its own groups (1)-(6): (1)-(3) are the item groups 2.3.1.1(6)-(8); (4) 情報処理の制限, "
     "(5) 設備の設置 and (6) ネットワークの接続 have no group of 2.3.1.1 and cite items of 2.3.2.1, 2.3.4.1, "
     "2.3.4.2 or of the Unified Management Standard.", 834, "(4) 情報処理の制限"),
    ("The titles of the two tables are printed twice (l.755-757 as a list, then each before its table).", 755,
     "別表1 情報取扱区域のクラス別管理"),
    ("The tables cite items of the Unified Management Standard by its own numbering (1.4.2.2(2)(a), "
     "1.4.2.2(2)(b), 1.4.2.1(2)(a)(b), 1.2.5.3(3)(b)); the classes of information they name (機密性1-3情報, "
     "完全性1-2情報, 可用性1-2情報) and the terms the items use (要機密情報, 要保全情報, 要安定情報, 要保護情報, "
     "要管理対策区域, 情報取扱区域 and its クラス) are defined there, not in this file.", 835,
     "要管理対策区域外での情報処理の制限 1.4.2.1(2)(a)(b)"),
]


def general_notes(secs):
    """One catalog note per section of part 2.1, all delegated."""
    out = []
    for num, title, line, subs in secs:
        labelled = [(lab, head) for lab, head, text, ln in subs if lab]
        texts = [text for lab, head, text, ln in subs]
        if not texts or any(not (t.endswith("に準じる。") and "統一管理基準" in t) for t in texts):
            raise SystemExit("%s: not all delegated: %r" % (num, texts))
        if labelled:
            what = "its headings %s all say" % ", ".join("%s %s" % lh for lh in labelled)
        else:
            what = "it says"
        en = "%s %s (part 2.1): %s 統一管理基準に準じる." % (num, title, what)
        if num == "2.1.1.6":
            en += " It then defines the four terms first used in this standard (the glossary's first four entries)."
        out.append((en, line, "%s %s" % (num, title)))
    return out


# --------------------------------------------------------------------------
# Building the catalog
# --------------------------------------------------------------------------

def checked_note(seed, text_en, line, text_ja):
    """seedlib.checked_note; the quoted text_ja is printed with layout spaces, so it is cleaned."""
    return seedlib.checked_note(seed, text_en, line, text_ja, tidy=clean)


TRAIL = re.compile(r"(こと)?。?$")


def role_of(text):
    for r in sorted(ROLES, key=len, reverse=True):
        if text.startswith(r + "は、"):
            return r
    return None


def modality_of(text):
    if re.search(r"必要性の有無を検討|必要性を検討し", text):
        return "consider"
    if not re.search(r"こと。", text):
        raise SystemExit("no modality in %r" % text[:40])
    return "shall"


def title_of(rid, text):
    t = TITLE_JA.get(rid)
    if t is None:
        t = TRAIL.sub("", text)
        if len(t) > 45:
            # the last clause of the sentence (its main verb), if it says enough
            last = t.rsplit("、", 1)[-1]
            if len(last) < 10 or "当該" in last or "以下" in last:
                raise SystemExit("%s: no printed heading and a long text; give a title" % rid)
            t = last
    t = clean(t)
    if t not in text:
        raise SystemExit("%s: title %r is not in the text" % (rid, t))
    return t


def build_requirement(seed, nd, parent_req, table_pts):
    rid = nd.id
    if rid not in EN:
        raise SystemExit("%s: no English title" % rid)
    text = nd.text
    notes = []
    r = {"id": rid, "title_ja": title_of(rid, text), "title_en": EN[rid]}
    variants = table_pts.get("variants", {}).get(rid, [])
    if variants:
        r["title_variants_ja"] = variants
    r["purpose_ja"] = text
    pts = table_pts.get("points", {}).get(rid, [])
    if pts:
        r["points"] = pts
    if nd.kind == "item":
        role = role_of(text)
        if role is None:
            raise SystemExit("%s: no role at the start of the text" % rid)
        mod = modality_of(text)
    else:
        role = parent_req["role_ja"]
        mod = parent_req["modality"]
    mod = MODALITY_OVERRIDE.get(rid, mod)
    r["role_ja"] = role
    r["modality"] = mod
    if rid in PARAMETERS:
        for t, v in PARAMETERS[rid]:
            if t not in text:
                raise SystemExit("%s: parameter %r is not in the text" % (rid, t))
        r["parameters"] = parameter_entries(rid, PARAMETERS[rid])
    if rid in DOCUMENTS:
        for d in DOCUMENTS[rid]:
            if d not in text:
                raise SystemExit("%s: document %r is not in the text" % (rid, d))
        r["documents_ja"] = list(DOCUMENTS[rid])
    for t, line, j in REQ_NOTES.get(rid, []):
        notes.append(checked_note(seed, t, line, j))
    if notes:
        r["notes"] = notes
    return r


def table_points(seed):
    """Appendix-table rows -> points and title variants per requirement, glossary terms, notes."""
    out = {"points": {}, "variants": {}, "variant_lines": {}, "terms": [], "unattached": [],
           "legends": [], "headings": [], "rows": {}}
    for tno in (1, 2):
        header, rows = parse_table(seed, tno)
        legend, headings, parsed, defs, foot = classify_table(seed, tno, rows)
        out["legends"].append((tno, legend, rows[0]["line"]))
        out["headings"].append((tno, headings))
        out["terms"].extend(defs)
        out["rows"][tno] = parsed
        for row in parsed:
            title_g, ids, gline = row["group"]
            target = next((i for i in ids if i.startswith("2.")), None)
            texts = list(row["texts"])
            first_row = next(x["num"] for x in parsed if x["group"] is row["group"])
            if (tno, first_row) in NO_VARIANT_ROWS and row["sub"]:
                texts.insert(0, title_g)        # the sub-topic the row belongs to
            for mark in sorted(row["marks"]):
                if mark in foot:
                    texts.extend(foot[mark][0])
            p = {"label": "［%s 行%d］" % (TABLE_NAMES[tno], row["num"]),
                 "title_ja": row["sub"] or re.sub(r"^\([アイウエオカキ]\) ", "", title_g)}
            if texts:
                p["text_ja"] = "\n".join(texts)
            if row["values"]:
                p["items"] = [{"text_ja": v} for v in row["values"]]
            if target is None:
                out["unattached"].append((tno, row, ids, p))
                continue
            # a 対策例 label (ア), (イ)… names the sub-item of the cited item it details
            km = re.match(r"^\(([アイウエオカキ])\) ", row["sub"] or "")
            ptarget = "%s(%s)" % (target, km.group(1)) if km else target
            out["points"].setdefault(ptarget, []).append(p)
            wording = re.sub(r"^\([アイウエオカキ]\) ", "", title_g)
            if gline == row["line"] and (tno, row["num"]) not in NO_VARIANT_ROWS:
                out["variants"].setdefault(target, [])
                out["variant_lines"].setdefault(target, [])
                out["variant_lines"][target].append((wording, gline))
    return out


def build(seed):
    root = parse_body(seed)
    secs, terms = parse_general(seed)
    toc = parse_toc(seed)
    tp = table_points(seed)
    # title variants: the table's wording of an item, where it is not part of the item's text
    texts = {nd.id: nd.text for nd in walk(root) if nd.kind in ("item", "sub")}
    for rid, lst in tp["variant_lines"].items():
        if rid not in texts:
            raise SystemExit("a table cites %s, which is not an item" % rid)
        for wording, line in lst:
            if squash(wording) not in squash(texts[rid]) and wording not in tp["variants"][rid]:
                tp["variants"][rid].append(wording)
    views = []
    stats = {}
    for part in root.children:
        v = {"id": part.id, "title_ja": part.title, "title_en": PART_EN[part.id]}
        if part.id in PART_KIND:
            v["kind"] = PART_KIND[part.id]
        vnotes = []
        t = toc.get(part.id)
        if t and squash(t[0]) != squash(part.title):
            vnotes.append(note("The table of contents prints the title as %s." % t[0], t[1], t[0]))
        v["subviews"] = []
        for chap in part.children:
            sv = {"id": chap.id, "title_ja": chap.title, "title_en": CHAPTER_EN[chap.id]}
            if chap.id in CHAPTER_KIND:
                sv["kind"] = CHAPTER_KIND[chap.id]
            svnotes = []
            t = toc.get(chap.num)
            if t and squash(t[0]) != squash(chap.title):
                svnotes.append(note("The table of contents prints the title as %s." % t[0], t[1], t[0]))
            sv["domains"] = []
            for sec in chap.children:
                d = {"id": sec.id, "title_ja": sec.title, "title_en": SECTION_EN[sec.id]}
                dnotes = []
                t = toc.get(sec.num)
                if t is None:
                    raise SystemExit("%s is not in the table of contents" % sec.num)
                if squash(t[0]) != squash(sec.title):
                    d["title_variants_ja"] = [t[0]]
                    dnotes.append(note("The table of contents prints the title as %s (%s in the body)."
                                       % (t[0], sec.title), t[1], t[0]))
                for en, line, ja in SCOPE[sec.id]:
                    dnotes.append(checked_note(seed, en, line, ja))
                reqs = []
                st = {"groups": 0, "items": 0, "subs": 0}
                for grp in sec.children:
                    st["groups"] += 1
                    n_req = sum(1 for x in walk(grp) if x.kind in ("item", "sub"))
                    first, last = grp.children[0].num, grp.children[-1].num
                    span = "(%s)" % first if first == last else "(%s)-(%s)" % (first, last)
                    tg = toc.get(grp.id)
                    extra = ""
                    if tg is None:
                        raise SystemExit("%s is not in the table of contents" % grp.id)
                    if squash(tg[0]) != squash(grp.title):
                        extra = " The table of contents prints it as %s." % tg[0]
                    dnotes.append(note("Group %s is a heading without text of its own; its items are %s%s, %d "
                                       "requirements with their sub-items.%s" % (grp.id, grp.id, span, n_req, extra),
                                       grp.line,
                                       "(%s) %s" % (grp.num, grp.title)))
                    for it in grp.children:
                        st["items"] += 1
                        ri = build_requirement(seed, it, None, tp)
                        reqs.append(ri)
                        for sb in it.children:
                            st["subs"] += 1
                            reqs.append(build_requirement(seed, sb, ri, tp))
                d["requirements"] = reqs
                if dnotes:
                    d["notes"] = dnotes
                sv["domains"].append(d)
                stats[sec.id] = st
            if svnotes:
                sv["notes"] = svnotes
            v["subviews"].append(sv)
        if vnotes:
            v["notes"] = vnotes
        views.append(v)
    # every table point must have found its requirement
    placed = {r["id"] for v in views for sv in v["subviews"] for d in sv["domains"] for r in d["requirements"]}
    for rid in tp["points"]:
        if rid not in placed:
            raise SystemExit("table rows cite %s, which is not a requirement" % rid)
    glossary = [{"term_ja": t["term_ja"], "text_ja": t["text_ja"]} for t in terms] + \
               [{"term_ja": clean(t["term_ja"]), "text_ja": clean(t["text_ja"])} for t in tp["terms"]]
    cnotes = [checked_note(seed, *cn) for cn in CATALOG_NOTES[:2]]
    cnotes += [checked_note(seed, *gn) for gn in general_notes(secs)]
    cnotes += [checked_note(seed, *cn) for cn in CATALOG_NOTES[2:]]
    for tno, legend, line in tp["legends"]:
        cnotes.append(note("The legend of %s, which gives the meaning of the values in its class columns."
                           % TABLE_NAMES[tno], line, legend))
    for tno, row, ids, p in tp["unattached"]:
        vals = ", ".join(i["text_ja"] for i in p.get("items", []))
        cnotes.append(note("%s row %d (%s, %s) cites only the Unified Management Standard (%s) and is attached "
                           "to no requirement; its values in printed order: %s."
                           % (TABLE_NAMES[tno], row["num"], row["group"][0], p["title_ja"], ", ".join(ids), vals),
                           row["line"], p["title_ja"]))
    catalog = {
        "format": "taisaku-catalog/1",
        "catalog": {
            "id": "nisc-2012",
            "title_ja": "政府機関の情報セキュリティ対策のための統一技術基準（平成24年度版）（案）",
            "title_en": "Unified Technical Standard for Information Security Measures for Government Agencies, "
                        "FY2012 edition (draft)",
            "version": "平成24年度版（案）",
            "publisher_ja": "情報セキュリティ対策推進会議",
            "source": SEED_NAME,
            "kind": "compliance",
            "description_en": "The draft FY2012 edition of the Unified Technical Standard (統一技術基準) of the "
                              "Information Security Measures Promotion Council: the compliance items (遵守事項) "
                              "of parts 2.2-2.4 (security functions, threats, facilities, computers, e-mail, "
                              "web, DNS, communication lines, IPv6) with their responsible role and modality, "
                              "and the appendix tables on information handling areas as points. Part 2.1 "
                              "(general provisions) is delegated to the Unified Management Standard.",
        },
        "views": views,
        "glossary": glossary,
        "notes": cnotes,
    }
    assert squash(catalog["catalog"]["title_ja"]) in squash("".join(seed.lines[2:5]))
    return catalog, stats, root, secs, terms, tp, toc


# --------------------------------------------------------------------------
# YAML output
# --------------------------------------------------------------------------

def dump(catalog):
    return seedlib.dump(catalog, "政府機関の情報セキュリティ対策のための統一技術基準（平成24年度版）（案）.",
                        "nisc2yaml.py", SEED_NAME)


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

# My reading of the seed, per section: (groups, items, sub-items)
EXPECTED = {
    "2.2.1.1": (1, 7, 22), "2.2.1.2": (2, 3, 2), "2.2.1.3": (2, 9, 10), "2.2.1.4": (2, 7, 2),
    "2.2.1.5": (1, 1, 0), "2.2.1.6": (2, 7, 4),
    "2.2.2.1": (2, 9, 8), "2.2.2.2": (2, 6, 0), "2.2.2.3": (2, 8, 0), "2.2.2.4": (2, 4, 0), "2.2.2.5": (2, 3, 0),
    "2.3.1.1": (9, 12, 21),
    "2.3.2.1": (3, 10, 0), "2.3.2.2": (2, 9, 0), "2.3.2.3": (2, 8, 0),
    "2.3.3.1": (2, 5, 0), "2.3.3.2": (3, 7, 12), "2.3.3.3": (2, 7, 0),
    "2.3.4.1": (3, 21, 0), "2.3.4.2": (3, 7, 21), "2.3.4.3": (2, 6, 0),
    "2.4.1.1": (2, 7, 0),
}
# The reading aid (seed001.md §1 and §6.3): items and sub-items per section; its totals.
AID = {
    "2.2.1.1": (7, 22), "2.2.1.2": (3, 2), "2.2.1.3": (9, 10), "2.2.1.4": (7, 2), "2.2.1.5": (1, 0),
    "2.2.1.6": (7, 4), "2.2.2.1": (9, 8), "2.2.2.2": (6, 0), "2.2.2.3": (8, 0), "2.2.2.4": (4, 0),
    "2.2.2.5": (3, 0), "2.3.1.1": (12, 21), "2.3.2.1": (10, 0), "2.3.2.2": (9, 0), "2.3.2.3": (8, 0),
    "2.3.3.1": (5, 0), "2.3.3.2": (7, 12), "2.3.3.3": (7, 0), "2.3.4.1": (21, 0), "2.3.4.2": (7, 21),
    "2.3.4.3": (6, 0), "2.4.1.1": (7, 0),
}
AID_TOTALS = {"sections": 22, "groups": 53, "items": 163, "subs": 102}
AID_ROLES = {"情報システムセキュリティ責任者": 101, "情報システムセキュリティ管理者": 30, "行政事務従事者": 15,
             "区域情報セキュリティ責任者": 10, "権限管理を行う者": 7}
# The aid's modality classes M / C / K / M+C (127 / 31 / 2 / 3); in this catalog M is shall, C and K are
# consider, and of the three M+C items 2.3.2.1(2)(d) is shall and 2.3.2.3(1)(a), 2.3.4.2(3)(b) consider.
AID_ITEM_MODALITY = {"shall": 127 + 1, "consider": 31 + 2 + 2}
AID_TABLE_ROWS = {1: 50, 2: 36}


def run_checks(catalog, yaml_text, seed, stats, root, secs, terms, tp, toc):
    check = Checks()
    views = catalog["views"]
    subviews = [sv for v in views for sv in v["subviews"]]
    domains = [d for sv in subviews for d in sv["domains"]]
    reqs = [r for d in domains for r in d["requirements"]]
    items = [r for r in reqs if not re.search(r"\([アイウエオカキク]\)$", r["id"])]
    subs = [r for r in reqs if re.search(r"\([アイウエオカキク]\)$", r["id"])]
    print("Checks")
    check("views (parts 2.2-2.4)", [v["id"] for v in views] == ["P2.2", "P2.3", "P2.4"])
    check("subviews (chapters)", len(subviews) == 7, str(len(subviews)))
    check("domains (sections) = aid", len(domains) == AID_TOTALS["sections"], str(len(domains)))
    print("      section   groups  items  sub-items  requirements | aid items  aid sub-items")
    tot = {"groups": 0, "items": 0, "subs": 0}
    for sid in EXPECTED:
        st = stats.get(sid, {"groups": 0, "items": 0, "subs": 0})
        got = (st["groups"], st["items"], st["subs"])
        for k in tot:
            tot[k] += st[k]
        print("      %-9s %6d %6d %10d %13d | %9d %13d" % (sid, got[0], got[1], got[2], got[1] + got[2],
                                                            AID[sid][0], AID[sid][1]))
        check("  %s counts match my reading %s" % (sid, EXPECTED[sid]), got == EXPECTED[sid], str(got))
        check("  %s items and sub-items match the aid" % sid, got[1:] == AID[sid])
    for pid in ("P2.2", "P2.3", "P2.4"):
        ps = [s for s in stats if "P" + s[:3] == pid]
        print("      part %s: %d sections, %d groups, %d items, %d sub-items" % (
            pid[1:], len(ps), sum(stats[s]["groups"] for s in ps), sum(stats[s]["items"] for s in ps),
            sum(stats[s]["subs"] for s in ps)))
    check("totals: groups %d, items %d, sub-items %d (aid 53 / 163 / 102)" % (tot["groups"], tot["items"], tot["subs"]),
          tot == {k: AID_TOTALS[k] for k in tot})
    check("requirements = items + sub-items = 265", len(reqs) == 265 and len(items) == 163 and len(subs) == 102,
          "%d = %d + %d" % (len(reqs), len(items), len(subs)))
    deleg = sum(1 for s in secs for x in s[3] if x[2].endswith("に準じる。"))
    check("part 2.1: 6 sections, 15 delegations 統一管理基準に準じる, 4 new terms",
          len(secs) == 6 and deleg == 15 and len(terms) == 4, "%d, %d, %d" % (len(secs), deleg, len(terms)))
    roles = {}
    for r in items:
        roles[r["role_ja"]] = roles.get(r["role_ja"], 0) + 1
    check("items per role match the aid", roles == AID_ROLES,
          ", ".join("%s %d" % kv for kv in sorted(roles.items(), key=lambda kv: -kv[1])))
    mods = {}
    for r in items:
        mods[r["modality"]] = mods.get(r["modality"], 0) + 1
    check("items per modality match the aid's M/C/K/M+C as mapped (shall 128, consider 35)",
          mods == AID_ITEM_MODALITY, str(mods))
    smods = {}
    for r in subs:
        smods[r["modality"]] = smods.get(r["modality"], 0) + 1
    print("      sub-items per modality: %s (aid: 61 under M, 34 under C, 7 under M+C; "
          "2.3.3.2(1)(a)(エ) is consider under a shall lead-in)" % smods)
    check("every requirement has title_ja, title_en, purpose_ja, role_ja, modality",
          all(r.get(k) for r in reqs for k in ("title_ja", "title_en", "purpose_ja", "role_ja", "modality")))
    ids = [v["id"] for v in views] + [s["id"] for s in subviews] + [d["id"] for d in domains] + \
        [r["id"] for r in reqs] + [p["id"] for r in reqs for p in r.get("parameters", [])]
    check_unique(check, "IDs unique (views, subviews, domains, requirements, parameters)", ids)
    check("requirement IDs follow 2.x.y.z(n)(a)[(ア)]",
          all(re.match(r"^2\.[2-4]\.\d\.\d\(\d\)\([a-l]\)(\([アイウエオカキク]\))?$", r["id"]) for r in reqs))
    rows = {t: len(tp["rows"][t]) + 1 + len(dict(tp["headings"])[t]) for t in (1, 2)}
    check("table rows read (legend + headings + data) = printed row numbers", rows == AID_TABLE_ROWS, str(rows))
    npts = sum(len(r.get("points", [])) for r in reqs)
    n_data = sum(len(tp["rows"][t]) for t in (1, 2))
    check("every data row of the tables is a point or a catalog note",
          npts + len(tp["unattached"]) == n_data, "%d points + %d notes = %d rows" % (npts, len(tp["unattached"]), n_data))
    check_reload(check, yaml_text, catalog)
    check("deterministic: a second build gives the same bytes", dump(build(seed)[0]) == yaml_text)
    check_no_pua(check, yaml_text)
    empty = [p for p, t in walk_texts(catalog) if not t.strip()]
    check("no empty text values", not empty, str(empty[:3]))
    check_fragments(check, {"views": views, "glossary": catalog["glossary"], "notes": catalog["notes"]}, seed.occurs)
    n_params = sum(len(r.get("parameters", [])) for r in reqs)
    n_docs = sum(len(r.get("documents_ja", [])) for r in reqs)
    n_notes = sum(len(x.get("notes", [])) for x in reqs + domains + subviews + views) + len(catalog["notes"])
    n_var = sum(len(r.get("title_variants_ja", [])) for r in reqs + domains)
    print("  parameters: %d; documents: %d; points (table rows): %d; title variants: %d; notes: %d "
          "(catalog %d); glossary: %d" % (n_params, n_docs, npts, n_var, n_notes, len(catalog["notes"]),
                                          len(catalog["glossary"])))
    return check.ok


def main(argv=None):
    ap = arg_parser(__doc__, SEED_NAME, "nisc-2012.yaml")
    ap.add_argument("--dump", action="store_true", help="print the parsed structure and exit")
    args = ap.parse_args(argv)
    seed = Seed(args.seed)
    if args.dump:
        for nd in walk(parse_body(seed)):
            if nd.kind in ("part", "chapter", "section", "group"):
                print("%-16s l.%-4d %s" % (nd.id, nd.line, nd.title))
            elif nd.kind in ("item", "sub"):
                print("%-20s l.%-4d %s" % (nd.id, nd.line, nd.text))
        return 0
    catalog, stats, root_, secs, terms, tp, toc = build(seed)
    text = dump(catalog)
    write_catalog(args.out, text)
    return 0 if run_checks(catalog, text, seed, stats, root_, secs, terms, tp, toc) else 1


if __name__ == "__main__":
    sys.exit(main())
