#!/usr/bin/env python3
"""Convert the ECOM 2004 seed text into catalogs/ecom-2004.yaml.

Developer tool: the committed YAML is what taisaku reads.  This script
documents, and makes reproducible, how the YAML was obtained from the seed
(``seeds/002_d46bb20b393115b9.txt``, a PDF text extraction of the ECOM
"セキュリティ対策評価モデル" report, FY2004).

Usage:
    python3 tools/ecom2yaml.py [--seed PATH] [--out PATH] [--dump-points ID...]

The seed is fixed (its SHA-256 is checked), so some decisions are encoded
as data below with the seed line numbers they rest on (table cell ranges,
the threat -> domain mapping, the handful of numbering anomalies).  All
Japanese text is taken from the seed; only layout noise is removed:
page-number lines, blank lines, line breaks inside sentences, stray spaces
at line ends and single spaces between two full-width characters.

The script prints the consistency checks at the end (counts per view /
domain, points, purposes, ISMS, title_en, a text spot-check against the
seed) and exits with status 1 if one fails.
"""

import re
import sys

import seedlib
from seedlib import (Checks, Flow, arg_parser, check_no_pua, check_reload, clean, join_wrapped, note, squash,
                     write_catalog)

SEED_NAME = "seeds/002_d46bb20b393115b9.txt"
SEED_SHA256 = "310e771f0a50e43e98d6267dfe40fb73b47cca1df47f6ed01bc7eafd73245128"
PART2_FIRST = 8463          # "第２部 対策要求事項の解説"
COMMITTEE_MARK = "セキュリティ対策評価モデルの開発プロジェクト委員リスト"

# --------------------------------------------------------------------------
# Text helpers (shared ones in tools/seedlib.py)
# --------------------------------------------------------------------------

FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FW_ALPHA = str.maketrans(
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def to_ascii_id(s):
    return s.translate(FW_DIGITS).translate(FW_ALPHA)


_SPACES = re.compile(r" +")


# --------------------------------------------------------------------------
# Seed access
# --------------------------------------------------------------------------

class Seed(seedlib.Seed):
    sha256 = SEED_SHA256
    explain_mismatch = True

    def rng(self, a, b):
        """Lines a..b inclusive (1-based) as (lineno, text), blank lines dropped."""
        return [(n, self.lines[n - 1]) for n in range(a, b + 1)
                if self.lines[n - 1].strip()]


def cell_text(seed, a, b, keep_breaks=True):
    """Text of a table cell printed on lines a..b: physical lines joined;
    a line break is kept (as \\n) only before a bullet (・ －) or after a
    sentence end (。)."""
    parts = []
    for _, t in seed.rng(a, b):
        t = t.rstrip()
        s = t.strip()
        if not parts:
            parts.append(s)
            continue
        if keep_breaks and (s[:1] in "・－-" or parts[-1].endswith("。")):
            parts.append("\n" + s)
        else:
            parts[-1] = join_wrapped(parts[-1], s)
    return "\n".join(clean(p) for p in "".join(parts).split("\n"))


def lines_text(seed, a, b):
    """Lines a..b as one paragraph text: soft-wrapped lines (no trailing
    space) are joined, hard line ends (trailing space) become \\n."""
    out = []
    cur = None
    for _, t in seed.rng(a, b):
        if cur is None:
            cur = t
        else:
            cur = join_wrapped(cur, t)
        if t.endswith(" "):
            out.append(clean(cur))
            cur = None
    if cur is not None:
        out.append(clean(cur))
    return "\n".join(x for x in out if x)


# --------------------------------------------------------------------------
# Part 2: requirements
# --------------------------------------------------------------------------

REQ_RE = re.compile(r"^\s*([ＭＢＴＡ][ａｂｃｄ])([０-９0-9]+)\s*[.．]\s*([０-９0-9]+)\s*(.*)$")
SEC_RE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.\s+(\S.*?)\s*$")
MARK_RE = re.compile(r"^\s*【(主旨|対策のポイント|要求のポイント|対応 ISMS コントロール|参考)】\s*$")
POINT_RE = re.compile(r"^ ?（([０-９0-9]+)）\s*(.*)$")


def is_structural(raw):
    return bool(REQ_RE.match(raw) or SEC_RE.match(raw) or MARK_RE.match(raw))


class LLine:
    """A logical line: physical lines joined where the PDF wrapped them."""

    def __init__(self, n, raw):
        self.n = n                  # first physical line number
        self.last = n
        self.raw = raw              # first physical line, unmodified (indentation)
        self.text = raw
        self.hard = raw.endswith(" ")

    @property
    def indent(self):
        return len(self.raw) - len(self.raw.lstrip(" "))

    @property
    def s(self):
        return clean(self.text)

    def __repr__(self):
        return "L%d:%r" % (self.n, self.text)


def part2_lines(seed):
    end = next(n for n in range(PART2_FIRST, len(seed.lines) + 1)
               if COMMITTEE_MARK in seed.line(n))
    phys = [(n, seed.line(n)) for n in range(PART2_FIRST, end)
            if seed.line(n).strip() and not seed.line(n).strip().isdigit()]
    out = []
    for n, raw in phys:
        if out and not out[-1].hard and not is_structural(raw) \
                and not is_structural(out[-1].raw):
            cur = out[-1]
            cur.text = join_wrapped(cur.text, raw)
            cur.last = n
            cur.hard = raw.endswith(" ")
            continue
        out.append(LLine(n, raw))
    # l.18526: a table caption printed on the same line as the sentence
    # that introduces it ("…あげられる。    表 3-45 …")
    fixed = []
    for ll in out:
        m = re.match(r"^(.*。)\s{2,}(表\s*\d+-\d+.*)$", ll.text)
        if m:
            a = LLine(ll.n, m.group(1) + " ")
            b = LLine(ll.last, m.group(2))
            b.hard = ll.hard
            fixed += [a, b]
        else:
            fixed.append(ll)
    return fixed


class RawReq:
    def __init__(self, rid, head):
        self.id = rid
        self.head = head            # LLine of the heading
        self.title_lines = []
        self.sections = []          # [(marker, marker LLine, [LLine])]


def segment_requirements(lines):
    """Split Part 2 into section headings and requirements."""
    reqs = []
    headings = []                   # (number, title, LLine) of "3.2.1." headings
    cur = None
    for ll in lines:
        m = REQ_RE.match(ll.raw)
        if m:
            rid = "%s%s.%s" % (to_ascii_id(m.group(1)), to_ascii_id(m.group(2)),
                               to_ascii_id(m.group(3)))
            cur = RawReq(rid, ll)
            reqs.append(cur)
            rest = m.group(4)
            # the heading line is joined with its soft-wrapped continuation
            full = REQ_RE.match(ll.text).group(4)
            if full.strip():
                cur.title_lines.append(full)
            continue
        m = SEC_RE.match(ll.raw)
        if m:
            headings.append((m.group(1), clean(m.group(2)), ll))
            cur = None
            continue
        if cur is None:
            continue
        m = MARK_RE.match(ll.raw)
        if m:
            cur.sections.append((m.group(1), ll, []))
            continue
        if not cur.sections:
            cur.title_lines.append(ll.text)
        else:
            cur.sections[-1][2].append(ll)
    return reqs, headings


# ---- points (対策のポイント) ------------------------------------------------

TABLE_CAP_RE = re.compile(r"^\s*表\s*[0-9０-９]+\s*[-－]\s*[0-9０-９]+")
BULLET_MARKS = {"・": 2, "－": 3, "-": 3}
PARA_CUES = ("以下", "下記", "ためには", "としては")
PARA_STARTS = ("また", "なお", "このため")
NOTE_STARTS = ("なお", "（注", "(注", "注", "※", "ただし", "これら", "また、これら")
# a line that begins with one of these cannot begin a sentence or an item:
CONT_STARTS = tuple("のをがへ、。，）」ーっゃゅょぁぃぅぇぉ")

# Decisions for the few places where the printed numbering is not the
# structure (seed reading aid §10.2); line number -> bullet rank.
ITEM_OVERRIDES = {
    18601: 1,   # Tc5.2: stray "（２） ルールに沿った…記録の作成と保管の実施" under (4)
    21200: 2,   # Td4.4: second "（１） 準備事項の妥当性…チェック要領" among the ・ items
}
# requirements whose top-level points are the unnumbered first-level bullets
UNNUMBERED_L1_POINTS = {"Ma1.2"}
# requirements whose first point has no heading at all (text before (n))
LEADING_UNNUMBERED_POINT = {"Aa2.2"}


class Item:
    def __init__(self, rank, text, n):
        self.rank = rank
        self.lines = [text]
        self.items = []
        self.n = n

    def to_yaml(self):
        d = {"text_ja": "\n".join(self.lines)}
        if self.items:
            d["items"] = [i.to_yaml() for i in self.items]
        return d


class Point:
    def __init__(self, label, title, n):
        self.label = label
        self.title = title
        self.text = []
        self.items = []
        self.n = n
        self.tables = []            # (caption, line)

    def to_yaml(self):
        d = {}
        if self.label:
            d["label"] = self.label
        d["title_ja"] = self.title
        if self.text:
            d["text_ja"] = "\n".join(self.text)
        if self.items:
            d["items"] = [i.to_yaml() for i in self.items]
        return d


def table_line(ll):
    """A table row keeps single spaces between its cells."""
    return _SPACES.sub(" ", ll.text.strip())


def is_prose(ll):
    s = ll.s
    return ll.indent == 0 and s.endswith("。") and len(s) >= 20


def l1_candidate(ll):
    raw = ll.raw
    if not (1 <= ll.indent <= 2):
        return False
    c = raw.lstrip()[:1]
    return c not in "・－-（(【＊" and not c.isdigit()


def indented_paragraph(ll, after_heading):
    s = ll.s
    if not s.endswith("。") or len(s) < 25:
        return False
    return after_heading or s.startswith(PARA_STARTS) or any(c in s for c in PARA_CUES)


def parse_points(rid, lines, log):
    points = []
    cur = None
    stack = []                      # open items, increasing rank
    attach = None                   # first-level item receiving paragraphs
    in_table = False
    prev = None

    def new_point(label, title, n):
        nonlocal cur, stack, attach, in_table
        cur = Point(label, title, n)
        points.append(cur)
        stack = []
        attach = None
        in_table = False

    def add_item(rank, text, n):
        nonlocal attach
        it = Item(rank, text, n)
        while stack and stack[-1].rank >= rank:
            stack.pop()
        (stack[-1].items if stack else cur.items).append(it)
        stack.append(it)
        attach = it if rank == 1 else None
        return it

    for idx, ll in enumerate(lines):
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        s = ll.s
        after_heading = prev is not None and cur is not None and prev is cur._head
        prev = ll
        m = POINT_RE.match(ll.text)
        if m and ll.n not in ITEM_OVERRIDES and not m.group(2).lstrip().startswith("の") \
                and rid not in UNNUMBERED_L1_POINTS:
            new_point("（%s）" % m.group(1), clean(m.group(2)), ll.n)
            cur._head = ll
            continue
        if cur is None:
            if rid in UNNUMBERED_L1_POINTS and l1_candidate(ll):
                new_point(None, s, ll.n)
                cur._head = ll
                continue
            if rid in LEADING_UNNUMBERED_POINT:
                # no heading printed: the first sentence stands as the title
                first, _, rest = s.partition("。")
                new_point(None, first + "。", ll.n)
                cur._head = ll
                if rest:
                    cur.text.append(rest)
                log.append((rid, ll.n, "unnumbered point without heading"))
                continue
            log.append((rid, ll.n, "text before the first point: " + s[:30]))
            continue
        if rid in UNNUMBERED_L1_POINTS and l1_candidate(ll) and not in_table \
                and not indented_paragraph(ll, False):
            new_point(None, s, ll.n)
            cur._head = ll
            continue
        if rid in UNNUMBERED_L1_POINTS and l1_candidate(ll) and in_table \
                and nxt is not None and is_prose(nxt):
            new_point(None, s, ll.n)
            cur._head = ll
            continue

        if TABLE_CAP_RE.match(ll.raw) and "に示" not in s and not s.endswith("。"):
            in_table = True
            cur.tables.append((s, ll.n))
            cur.text.append(table_line(ll))
            stack, attach = [], None
            continue
        if in_table:
            if s.startswith("なお、"):
                in_table = False
            elif l1_candidate(ll) and nxt is not None and is_prose(nxt):
                in_table = False
            else:
                cur.text.append(table_line(ll))
                continue

        rank = ITEM_OVERRIDES.get(ll.n)
        text = s
        if rank is None:
            c = s[:1]
            if c in BULLET_MARKS and ll.raw.lstrip()[:1] == c:
                rank = BULLET_MARKS[c]
                text = clean(s[1:])
            elif l1_candidate(ll) and not indented_paragraph(ll, after_heading):
                rank = 1
        if rank is not None:
            add_item(rank, text, ll.n)
            continue

        # a paragraph
        if stack and s.startswith(CONT_STARTS) and not stack[-1].lines[-1].endswith("。"):
            stack[-1].lines[-1] += s
            log.append((rid, ll.n, "joined to previous item: " + s[:20]))
            continue
        if stack and s[:1] in "（(" and not s.startswith(("（注", "(注")) and len(s) < 80:
            stack[-1].lines.append(s)          # "（…）" printed under its item
            continue
        if attach is not None and not s.startswith(NOTE_STARTS):
            attach.lines.append(s)
            continue
        if stack:
            log.append((rid, ll.n, "paragraph after rank-%d item -> point text: %s"
                        % (stack[-1].rank, s[:30])))
        cur.text.append(s)
        stack, attach = [], None
    return points


def dump_points(points, out=sys.stdout):
    def item(it, depth):
        for k, line in enumerate(it.lines):
            out.write("    " * depth + ("- " if k == 0 else "  ") + line + "\n")
        for c in it.items:
            item(c, depth + 1)
    for p in points:
        out.write("[%s] %s   (l.%d)\n" % (p.label or "-", p.title, p.n))
        for t in p.text:
            out.write("    | " + t + "\n")
        for it in p.items:
            item(it, 1)


# --------------------------------------------------------------------------
# Part 1: chapter 3 (domains), Table 3-5, appendix table (付表)
# --------------------------------------------------------------------------

DOM_HEAD_RE = re.compile(r"^\s*3\.[34]\.\d+\.\d+\.\s*(.*?)(?:（([MBTAＭＢＴＡ][a-dａ-ｄ][0-9０-９])）)?\s*$")
DOM_LIST_END_RE = re.compile(r"本対策ドメインは.(?:その対象を別にした、)?(?:以下の|表 3-7に示す)対策要求で構成される")
CH3_FIRST, CH3_LAST = 2397, 3184


def parse_chapter3(seed):
    """§3.3/§3.4: per domain the heading title, purpose and the numbered
    list of its requirements."""
    heads = []
    for n in range(CH3_FIRST, CH3_LAST + 1):
        t = seed.line(n)
        m = DOM_HEAD_RE.match(t)
        if m and re.match(r"^\s*3\.[34]\.\d+\.\d+\.", t):
            code = to_ascii_id(m.group(2)) if m.group(2) else None
            heads.append([n, code, clean(m.group(1))])
    # §3.4.1.2 prints no code; Table 3-5 calls it Aa2
    for h in heads:
        if h[1] is None and "技術的な診断" in h[2]:
            h[1] = "Aa2"
    out = {}
    for i, (n, code, title) in enumerate(heads):
        end = heads[i + 1][0] - 1 if i + 1 < len(heads) else CH3_LAST
        body = seed.rng(n + 1, end)
        k = next(j for j, (_, t) in enumerate(body) if DOM_LIST_END_RE.search(t))
        purpose = lines_text(seed, body[0][0], body[k - 1][0])
        # the numbered list (soft-wrapped items joined)
        items = []
        cur = None
        for ln, t in body[k + 1:]:
            if re.match(r"^\s*\d+(\.\d+)*\.\s", t):          # next section heading
                break
            m = re.match(r"^\s*（([0-9０-９]+)）(.*)$", t)
            if m:
                cur = [clean(m.group(2)), t.endswith(" "), ln]
                items.append(cur)
            elif cur is not None and not cur[1]:
                cur[0] = clean(join_wrapped(cur[0], t))
                cur[1] = t.endswith(" ")
        out[code] = {"line": n, "title": title, "purpose": purpose,
                     "purpose_lines": (body[0][0], body[k - 1][0]),
                     "reqs": [(x[0], x[2]) for x in items]}
    return out


def parse_table35(seed):
    """Table 3-5 (l.2081–2216): domain titles and requirement counts."""
    out = {}
    for n in range(2083, 2217):
        for m in re.finditer(r"([MBTA][a-d]\d) (\S+) ([０-９]+)", seed.line(n)):
            out[m.group(1)] = (m.group(2), int(to_ascii_id(m.group(3))), n)
    return out


APPX_FIRST, APPX_LAST = 3185, 5983
APPX_ROW_RE = re.compile(r"^([MBTA])([a-dａ-ｄ])\s*([0-9０-９])\s*[.．]?\s*([0-9０-９]+)\s*\.?\s*(.*)$")
APPX_DOM_RE = re.compile(r"対策ドメイン「（([MBTA][a-d]\d)）(.*)」")
APPX_SUB_RE = re.compile(r"サブビユー「（([MBTA][a-d])）(.*?)」")
MARKS_RE = re.compile(r"^[●▲ ]*[●▲][●▲ ]*$")


def split_cells(s):
    """Mark cells: single spaces separate cells, an empty cell is an empty
    string; the line's own trailing space is dropped first."""
    if s.endswith(" "):
        s = s[:-1]
    return s.split(" ")


def parse_appendix(seed):
    rows = []
    doms = {}
    subs = {}
    cur = None
    dom = None
    for n in range(APPX_FIRST, APPX_LAST + 1):
        t = seed.line(n)
        m = APPX_DOM_RE.search(t)
        if m:
            dom = m.group(1)
            doms[dom] = (clean(m.group(2)), n)
            ms = APPX_SUB_RE.search(t)
            subs.setdefault(ms.group(1), (clean(ms.group(2)), n))
            cur = None
            continue
        m = APPX_ROW_RE.match(t)
        if m and dom is not None and cur is None:
            rid = "%s%s%s.%s" % (m.group(1), to_ascii_id(m.group(2)), to_ascii_id(m.group(3)),
                                 int(to_ascii_id(m.group(4))))
            rest = m.group(5)
            cur = {"id": rid, "printed_id": t.split(" ")[0], "line": n, "domain": dom,
                   "title_parts": [], "cells": None}
            rows.append(cur)
            t = rest
            if not t.strip():
                continue
            # title and marks on one line
            k = max(i for i, ch in enumerate(t) if ch not in "●▲ ")
            title, tail = t[:k + 1], t[k + 1:]
            cur["title_parts"].append(title)
            if tail.strip():
                cur["cells"] = split_cells(tail[1:])
                cur = None
            continue
        if cur is not None:
            if MARKS_RE.match(t):
                cur["cells"] = split_cells(t)
                cur = None
            elif t.strip():
                cur["title_parts"].append(t)
    for r in rows:
        title = ""
        for part in r["title_parts"]:
            title = join_wrapped(title, part) if title else part
        r["title"] = clean(title)
        if r["cells"] is None or len(r["cells"]) != 14:
            raise SystemExit("appendix row %s (l.%d): %r" % (r["id"], r["line"], r["cells"]))
    return rows, doms, subs


# --------------------------------------------------------------------------
# Data that the layout does not give mechanically (with seed line refs)
# --------------------------------------------------------------------------

VIEWS = [
    # id, title_ja (Part 2 heading), title_en, purpose lines (§3.3/§3.4), subviews
    ("M", "マネジメント・ビユー", "Management view", (2401, 2414), ["Ma"]),
    ("B", "ビジネスオペレーション・ビユー", "Business operation view", (2461, 2467), ["Ba"]),
    ("T", "テクニカル＆オペレーション・ビユー", "Technical and operation view", None,
     ["Ta", "Tb", "Tc", "Td"]),
    ("A", "アシュアランス・ビユー", "Assurance view", (3130, 3145), ["Aa"]),
]

SUBVIEWS = {
    # id: (title_ja as in Table 3-5, line, title_en, purpose lines)
    "Ma": ("セキュリティ対策推進基盤の確立", 2089,
           "Establishing the foundation for promoting security countermeasures", None),
    "Ba": ("セキュアな組織運営と業務運営の実現", 2104,
           "Realizing secure organizational management and business operation", None),
    "Ta": ("システムの信頼性の確保", 2114, "Ensuring system reliability", (2567, 2574)),
    "Tb": ("攻撃に対するシステムの堅牢性の確保", 2129,
           "Ensuring the robustness of systems against attacks", (2645, 2651)),
    "Tc": ("セキュアなシステムの構築とそのセキュアな運用の実現", 2155,
           "Realizing secure system construction and secure operation", (2864, 2873)),
    "Td": ("その他のセキュリティ対策", 2208, "Other security countermeasures", (3000, 3002)),
    "Aa": ("セキュリティ対策の実施状況の評価の実施", 2214,
           "Evaluating the implementation status of security countermeasures", None),
}

# other printed spellings of the sub-view titles: (text, line, where)
SUBVIEW_VARIANTS = {
    "Ma": [("セキュリティ対策基盤の確立", 2069, "Fig. 3-2")],
    "Ba": [("セキュアな組織運営と業務の運営の実現", 2071, "Fig. 3-2")],
    "Tb": [("攻撃に対する堅牢性の確保", 2075, "Fig. 3-2")],
    "Tc": [("セキュアなシステムの構築とセキュアなシステム運用の実現", 4975, "the appendix table")],
    "Td": [("必要となるその他のセキュリティ対策", 2077, "Fig. 3-2 and §3.3.6"),
           ("必要となるその他の対策", 5422, "the appendix table")],
    "Aa": [("セキュリティ対策の実施状況の評価", 21326, "the Part 2 heading 4.1"),
           ("セキュリティ対策の実態評価の実施", 2069, "Fig. 3-2"),
           ("セキュリティ対策の実態の評価", 5812, "the appendix table")],
}

DOMAIN_ORDER = ["Ma1", "Ma2", "Ba1", "Ba2", "Ba3", "Ba4", "Ba5", "Ta1", "Ta2", "Ta3",
                "Tb1", "Tb2", "Tb3", "Tb4", "Tb5", "Tb6", "Tb7", "Tb8", "Tb9",
                "Tc1", "Tc2", "Tc3", "Tc4", "Tc5", "Td1", "Td2", "Td3", "Td4", "Aa1", "Aa2"]

DOMAIN_EN = {
    "Ma1": "Establishing the security management environment",
    "Ma2": "Clarifying security requirements at the management level",
    "Ba1": "Security measures in organizational management",
    "Ba2": "Security measures in business operation",
    "Ba3": "Thorough protection of information at business sites",
    "Ba4": "Thorough user management",
    "Ba5": "Compliance with legal requirements",
    "Ta1": "Ensuring the accuracy of system processing",
    "Ta2": "Ensuring the robustness of systems against failures",
    "Ta3": "Ensuring system performance",
    "Tb1": "Unauthorized-access countermeasures",
    "Tb2": "Security-hole countermeasures",
    "Tb3": "Virus countermeasures",
    "Tb4": "Protection of system information and security-management information",
    "Tb5": "Protection of business information on systems",
    "Tb6": "Protection of information on communication paths",
    "Tb7": "Security measures for using Internet services",
    "Tb8": "Preparedness against denial of service",
    "Tb9": "Monitoring of system activity",
    "Tc1": "Building and maintaining a secure system",
    "Tc2": "Thorough software management",
    "Tc3": "Self-defence measures on individual devices",
    "Tc4": "Development of secure application software",
    "Tc5": "Pursuit of secure system operation",
    "Td1": "Ensuring the validity of stored electronic information",
    "Td2": "Security measures for special usage environments",
    "Td3": "Protection of facilities and equipment",
    "Td4": "Preparedness for security incidents",
    "Aa1": "Checking countermeasure status by audit techniques",
    "Aa2": "Checking for defects in countermeasures by technical diagnosis",
}

# Domain names printed in the §3.3 view/sub-view introductions (in domain order)
INTRO_LISTS = [(2470, 2474, ["Ba1", "Ba2", "Ba3", "Ba4", "Ba5"]),
               (2577, 2579, ["Ta1", "Ta2", "Ta3"]),
               (2652, 2660, ["Tb1", "Tb2", "Tb3", "Tb4", "Tb5", "Tb6", "Tb7", "Tb8", "Tb9"]),
               (2878, 2882, ["Tc1", "Tc2", "Tc3", "Tc4", "Tc5"]),
               (3003, 3006, ["Td1", "Td2", "Td3", "Td4"]),
               (3147, 3148, ["Aa1", "Aa2"])]

# Domain names in the right-hand column of Tables 3-3 and 3-4
TABLE33_34_NAMES = {
    "Ba1": ("組織管理上でのセキュリティ対策", 1789), "Ba2": ("業務運営上でのセキュリティ対策", 1799),
    "Ba3": ("業務現場における情報の保護", 1815), "Ba4": ("ユーザ管理の徹底", 1823),
    "Ba5": ("法的要求事項の遵守", 1828), "Ta1": ("システムの処理の正確性の確保", 1833),
    "Ta2": ("システム機器等の障害に対するシステムの堅牢性の確保", 1838),
    "Ta3": ("システムの性能の確保", 1846), "Tb2": ("セキュリティホール対策", 1853),
    "Tb3": ("ウイルス対策", 1858), "Tb4": ("システム情報やセキュリティ管理情報の保護", 1870),
    "Tb5": ("システム上の業務情報の保護", 1872), "Tb6": ("通信路上の情報の保護", 1874),
    "Tb7": ("インターネットサービスの使用にあたってのセキュリティ対策", 1876),
    "Tb8": ("サービス妨害への備え", 1890), "Td2": ("特殊なシステムの利用環境に対するセキュリティ対策の実施", 1884),
    "Tc1": ("セキュアなシステムの構築とその維持", 1892), "Tc2": ("ソフトウェアの管理の徹底", 1900),
    "Tc3": ("個々の機器における自衛策の実施", 1908), "Tc4": ("セキュアなアプリケーションソフトの開発", 1916),
    "Tc5": ("システム運用上のセキュリティ対策（セキュアなシステム運用の追求）", 1924),
    "Td1": ("保管電子情報の有効性の確保", 1929), "Td3": ("施設や設備の保護", 1943),
    "Ma1": ("セキュリティマネジメント環境の整備", 1965),
    "Ma2": ("経営レベルからのセキュリティ要求の明確化", 1968),
    "Aa1": ("監査手法によるセキュリティ対策の実施状況のチェックの実施", 1970),
    "Aa2": ("技術的な診断によるセキュリティ対策の機能状況のチェックの実施", 1972),
    "Td4": ("セキュリティ事故への備え", 1973),
}

ACTIVITIES = [  # appendix table header (l.3190–3240), layout spaces removed
    ("policy", "方針や基準の確立", "Establish policies and standards"),
    ("rules", "適用するルールの確立", "Establish the applicable rules"),
    ("requirements", "対策要件の指定", "Specify the countermeasure requirements"),
    ("means", "具体的手段の指定", "Specify the concrete means"),
    ("procedures", "実施要領の確立", "Establish implementation procedures"),
    ("org", "組織管理への展開", "Deploy to organizational management"),
    ("business", "業務運用への展開", "Deploy to business operation"),
    ("system_config", "ｼｽﾃﾑ構成への展開", "Deploy to system configuration"),
    ("system_ops", "ｼｽﾃﾑ運用への展開", "Deploy to system operation"),
]
DEPARTMENTS = [  # appendix table header (l.3242–3262)
    ("management", "管理部門", "Management department"),
    ("business_site", "業務現場", "Business site"),
    ("development", "ｼｽﾃﾑ企画開発", "System planning and development"),
    ("operations", "ｼｽﾃﾑの運用管理", "System operation management"),
    ("other", "その他", "Other"),
]

REQ_EN = {
    "Ma1.1": "Establish a management-level security policy",
    "Ma1.2": "Establish the structure of the security countermeasures",
    "Ma1.3": "Establish an organizational mechanism for promoting security countermeasures",
    "Ma1.4": "Clarify the responsibilities of those concerned and make them known",
    "Ma1.5": "Ensure that those concerned are able to carry out security countermeasures",
    "Ma1.6": "Secure a security budget and execute it properly",
    "Ma2.1": "Create a security-characteristics model of the target organization and information systems",
    "Ma2.2": "Clarify security requirements for the protected services provided inside and outside the organization",
    "Ma2.3": "Identify the information assets to be protected and clarify the protection requirements for each",
    "Ba1.1": "Establish a mechanism for managing human factors in security",
    "Ba1.2": "Foster the security awareness of those concerned and clarify their duties",
    "Ba1.3": "Verify the trustworthiness of those concerned and manage their conduct in the workplace",
    "Ba2.1": "Clarify the security requirements of each business site",
    "Ba2.2": "Pursue the practice of security requirements at business sites",
    "Ba2.3": "Implement security measures for real-time business collaboration with other companies",
    "Ba2.4": "Implement appropriate security measures for business outsourcing",
    "Ba3.1": "Establish rules for producing and handling printouts, and produce and handle printouts according to them",
    "Ba3.2": "Establish rules for the safe use of portable media, and handle portable media according to them",
    "Ba3.3": "Establish rules for the safe handling of information devices, and handle information devices according to them",
    "Ba3.4": "Establish rules for the safe handling of other electronic equipment, and use it according to them",
    "Ba4.1": "Establish user-management rules and manage users according to them",
    "Ba4.2": "Instruct users on preventing impersonation",
    "Ba5.1": "Comply with requirements arising from contracts with business partners",
    "Ba5.2": "Comply with laws and other rules relevant to the business",
    "Ba5.3": "Prepare for disputes",
    "Ta1.1": "Establish a mechanism for ensuring the accuracy of system processing",
    "Ta1.2": "Ensure that the business specifications of systems are defined accurately",
    "Ta1.3": "Eliminate defects from application software (ensure application software quality)",
    "Ta1.4": "Check the validity of processing results in daily business operation",
    "Ta1.5": "Ensure that business sites can respond when problems occur",
    "Ta2.1": "Establish the approach for achieving robustness against failures",
    "Ta2.2": "Build the designed failure countermeasures into the system correctly",
    "Ta2.3": "Ensure the capability to respond to system failures",
    "Ta3.1": "Establish a performance and capacity management mechanism",
    "Ta3.2": "Establish the system-side approach for meeting performance and capacity requirements",
    "Ta3.3": "Build the configuration and functions needed for system performance into the system correctly",
    "Ta3.4": "Check load, performance and capacity use routinely and act before problems occur",
    "Ta3.5": "Ensure the capability to deal with performance and capacity troubles",
    "Tb1.1": "Network-level unauthorized-access countermeasure 1: establish connection rules and design the network appropriately",
    "Tb1.2": "Network-level unauthorized-access countermeasure 2: specify appropriate connection conditions for connection requests from each terminal",
    "Tb1.3": "Network-level unauthorized-access countermeasure 3: implement connection-control devices correctly",
    "Tb1.4": "Network-level unauthorized-access countermeasure 4: use VLANs appropriately",
    "Tb1.5": "Network-level unauthorized-access countermeasure 5: use wireless LANs appropriately",
    "Tb1.6": "System-level unauthorized-access countermeasure 1: manage general user accounts appropriately",
    "Tb1.7": "System-level unauthorized-access countermeasure 2: apply appropriate access control to general users",
    "Tb1.8": "System-level unauthorized-access countermeasure 3: manage privileged user accounts appropriately",
    "Tb1.9": "System-level unauthorized-access countermeasure 4: apply appropriate access control to privileged users",
    "Tb1.10": "System-level unauthorized-access countermeasure 5: use a secure OS where needed",
    "Tb1.11": "Application-level unauthorized-access countermeasure 1: establish access-management standards for applications and specify appropriate access-management requirements for each application",
    "Tb1.12": "Application-level unauthorized-access countermeasure 2 (heading printed as system level): build the necessary access-management functions into each application",
    "Tb2.1": "Establish a management scheme for security-hole countermeasures",
    "Tb2.2": "Carry through properly from obtaining vulnerability information to applying countermeasures",
    "Tb2.3": "Apply security-hole countermeasures quickly and safely",
    "Tb2.4": "Manage the implementation status of security-hole countermeasures properly",
    "Tb3.1": "Establish a management mechanism for virus countermeasures",
    "Tb3.2": "Select and deploy anti-virus tools according to the required level",
    "Tb3.3": "Ensure that the anti-virus team and system users carry out what they must do against viruses",
    "Tb3.4": "Prepare a rapid-response structure for virus infections",
    "Tb4.1": "Establish a mechanism for protecting system information and security-management information",
    "Tb4.2": "Establish protection requirements for system information and security-management information",
    "Tb4.3": "Protect system information and security-management information in practice",
    "Tb5.1": "Establish a mechanism for protecting business information on systems",
    "Tb5.2": "Specify appropriate protection requirements for each item of business data on systems",
    "Tb5.3": "Apply the necessary protection measures to business information managed by a DBMS",
    "Tb5.4": "Take the protection of business information into account when building applications that work with a DBMS",
    "Tb6.1": "Establish protection requirements for communications",
    "Tb6.2": "Select communication paths that meet the protection requirements and use them properly",
    "Tb6.3": "Implement security measures for the use of wireless LANs",
    "Tb7.1": "Implement security measures for the use of e-mail",
    "Tb7.2": "Apply protective measures when using file transfer (FTP) and other dangerous protocols",
    "Tb8.1": "Design systems with denial of service by access concentration in mind",
    "Tb8.2": "Study and draw up emergency response procedures",
    "Tb9.1": "Monitor network activity",
    "Tb9.2": "Monitor access to systems",
    "Tb9.3": "Monitor access to applications",
    "Tc1.1": "Design a secure system configuration",
    "Tc1.2": "Build and maintain the system configuration according to the configuration policy",
    "Tc2.1": "Set management rules for platform software such as operating systems, and introduce, change and manage it according to them",
    "Tc2.2": "Set management rules for general-purpose business tools such as office software, and introduce, change and manage them according to them",
    "Tc2.3": "Set management rules for (individual) business software, and introduce, change and manage it according to them",
    "Tc3.1": "Security measures on network control devices",
    "Tc3.2": "Security measures on servers",
    "Tc3.3": "Security measures for client PCs on the LAN",
    "Tc4.1": "Build the necessary security functions into application software",
    "Tc4.2": "Eliminate vulnerabilities from application software",
    "Tc4.3": "Manage the development process",
    "Tc5.1": "Establish a management mechanism for secure system operation",
    "Tc5.2": "Put security requirements into practice in daily system operation",
    "Tc5.3": "Keep the operational environment intact",
    "Tc5.4": "Ensure the safety of system cutovers",
    "Tc5.5": "Put the security requirements on operations staff's conduct in the operations workplace into practice",
    "Tc5.6": "Security measures for outsourced system operation",
    "Td1.1": "Establish a management mechanism for storing electronic information properly over the long term",
    "Td1.2": "Prepare the technical environment needed to create and store electronic information kept long-term",
    "Td1.3": "Specify appropriate storage requirements for the information to be stored long-term",
    "Td1.4": "Carry out the storage measures specified for the target information",
    "Td2.1": "Clarify security requirements for the use of mobile computing",
    "Td2.2": "Implement the necessary security measures on the central-system side for mobile computing",
    "Td2.3": "Pursue the practice of mobile-computing security requirements on the user side",
    "Td2.4": "Establish a security framework for each remote office",
    "Td2.5": "Build remote-office-side systems securely",
    "Td2.6": "Pursue the secure operation of remote-office-side systems",
    "Td2.7": "Apply the necessary protection to remote-office facilities and equipment",
    "Td2.8": "Pursue the prevention of security incidents in business operation and organizational management at remote offices",
    "Td3.1": "Apply the necessary protection in closed protected areas",
    "Td3.2": "Apply the necessary protection in semi-closed protected areas",
    "Td3.3": "Apply the necessary protection to devices and equipment installed inside and outside the company",
    "Td4.1": "Ensure the capability to respond immediately when anomalies are detected",
    "Td4.2": "Ensure the capability to respond to system-related security incidents",
    "Td4.3": "Establish procedures for security incidents that affect business operation and make them known to those concerned",
    "Td4.4": "Prepare the system environment needed to deal with security incidents",
    "Td4.5": "Prepare for prolonged system outages",
    "Aa1.1": "Prepare the environment for carrying out security audits",
    "Aa1.2": "Audit the implementation status of countermeasures per countermeasure domain",
    "Aa1.3": "Evaluate and report audit results and follow them up",
    "Aa2.1": "Establish procedures for vulnerability diagnosis of systems with diagnostic tools",
    "Aa2.2": "Carry out vulnerability diagnosis of systems with diagnostic tools",
}

# ---- Tables 3-2 / 3-3 / 3-4: threats and themes ---------------------------
# Table 3-2 columns A–H (l.1199–1259) and the theme ids used for them.
THEME_COLUMNS = [("A", "正確性の確保", "accuracy"), ("B", "秘匿性の確保", "confidentiality"),
                 ("C", "可用性の確保", "availability"), ("D", "不正使用防止", "unauthorized_use"),
                 ("E", "ﾙｰﾙ違反防止", "rule_violation"), ("F", "有効性の確保", "effectiveness"),
                 ("G", "他社攻撃回避", "complicity"), ("H", "影響拡大防止", "damage_spread")]
THEME_ID = {c: t for c, _, t in THEME_COLUMNS}

# root threats (問題の原点) whose necessary countermeasures are listed for the
# whole block only: key -> (text, line)
ROOT_THREATS = {
    "stake": ("関係者の犯行", 1282),
    "entry": ("外部の者の施設等への不正な立ち入り", 1326),
}
# concrete threats (情報セキュリティへの具体的な脅威): key -> (text, line, marks)
# marks as read by the reading aid (Table 3-2, §2.5); rows whose marks share
# the threat's line are re-checked against the seed by check_threat_marks().
THREATS = {
    "spoof": ("他の利用者へのなりすましによるサービスの不正な使用", 1360, "AB"),
    "unauth": ("システムへの不正なアクセス", 1362, "ABCDEF"),
    "virus": ("ウイルスへの感染", 1384, "ABC"),
    "eaves": ("通信の盗聴", 1396, "B"),
    "tamper": ("通信データの改ざん", 1398, "A"),
    "dos": ("DoS 攻撃", 1410, "C"),
    "spec_acc": ("業務処理の正確性と言う点での業務仕様、業務処理要領の不備", 1481, "A"),
    "spec_comp": ("コンプライアンスという面での業務仕様、業務処理要領の不備", 1487, "E"),
    "ops": ("業務現場における業務処理上の不手際", 1505, "ABCDEF"),
    "user": ("ユーザの管理の不手際", 1521, "ABD"),
    "sloppy": ("業務現場における情報あるいは物理的な情報資産のずさんな取扱い", 1523, "AB"),
    "long": ("長期保管する電子情報の取扱い上の不手際", 1541, "F"),
    "collab": ("他社との業務連携における", 1555, "ABCDEF"),
    "outs_proc": ("業務処理の委託先での業務処理上の不手際", 1557, "ABCDEF"),
    "outs_info": ("業務処理の委託先での情報の取扱い上の不手際", 1563, "BCDEF"),
    "inet": ("インターネットサービスの不注意な利用", 1569, ""),
    "mobile": ("モバイルコンピューティングの不注意な利用", 1571, ""),
    "remote": ("リモートオフィスにおけるセキュリティ対策の不備や不手際", 1577, ""),
    "sysspec": ("業務仕様のシステム化にあたっての不手際", 1647, "ABCDEFG"),
    "perf": ("システムの性能を上回る負荷の発生", 1659, "C"),
    "appvuln": ("個々の業務システムにおけるアプリケーション上の脆弱性をついた攻撃", 1669, "ABCDEFG"),
    "compvuln": ("システムの構成機器に残された脆弱性をついた攻撃", 1679, "ABCDEFG"),
    "config": ("システム構成の管理上の不手際", 1697, ""),
    "opsenv": ("運用環境の保全上の不手際", 1719, "ABCDEFG"),
    "job": ("ジョブ実行上の不手際", 1729, "ABCDE"),
    "secops": ("システム運用へのセキュリティ要求への対応の不手際", 1731, "BD"),
    "opsout": ("システム運用の委託先でのシステム運用の不手際", 1733, "ABCDE"),
    "legal": ("電子情報の法的効力の維持にかかる処理の不手際", 1735, "F"),
    "legible": ("長期保管電子情報に対する見読性や法的効力の維持に必要な処理の不手際", 1741, "F"),
    "fail": ("システム機器や付帯設備の故障", 1743, "C"),
    "dis1": ("災害等によるシステム機器・関連設備・施設の破損", 1761, "C"),
    "dis2": ("災害等による情報格納媒体の破損", 1773, "C"),
}
# domain -> (root threats, concrete threats, {threat: themes override})
# A concrete threat belongs to a domain when one of the necessary
# countermeasures printed under that threat in Table 3-2 is consolidated into
# the domain by Table 3-3; a root threat when the countermeasure is printed
# only for the whole root-threat block.  themes = union of the concrete
# threats' marks (override where the domain's countermeasure answers one
# aspect only).
DOMAIN_THREATS = {
    "Ba1": (["stake"], [], {}),
    "Ba2": ([], ["spec_acc", "ops", "collab", "outs_proc", "outs_info"], {}),
    "Ba3": (["stake", "entry"], ["sloppy"], {}),
    "Ba4": (["stake", "entry"], ["spoof", "user"], {}),
    "Ba5": ([], ["spec_comp", "ops"], {"ops": "E"}),
    "Ta1": ([], ["sysspec"], {}),
    "Ta2": ([], ["fail"], {}),
    "Ta3": ([], ["perf"], {}),
    "Tb1": (["stake", "entry"], ["unauth"], {}),
    "Tb2": ([], ["unauth", "virus", "compvuln"], {}),
    "Tb3": ([], ["unauth", "virus"], {}),
    "Tb4": ([], ["unauth"], {}),
    "Tb6": ([], ["eaves", "tamper"], {}),
    "Tb7": ([], ["inet"], {}),
    "Tb8": ([], ["dos"], {}),
    "Tc1": ([], ["config"], {}),
    "Tc2": ([], ["config"], {}),
    "Tc3": ([], ["unauth", "compvuln"], {}),
    "Tc4": (["stake"], ["appvuln"], {}),
    "Tc5": ([], ["opsenv", "job", "secops", "opsout"], {}),
    "Td1": ([], ["long", "legal", "legible"], {}),
    "Td2": ([], ["mobile", "remote"], {}),
    "Td3": (["stake", "entry"], ["dis1", "dis2"], {}),
}
AUXILIARY_ISSUES = {  # Table 3-4 (l.1961–1973): issue (課題) per auxiliary domain
    "Ma1": ("セキュリティ対策推進基盤の確立", 1966),
    "Ma2": ("セキュリティ対策推進基盤の確立", 1966),
    "Aa1": ("セキュリティ対策の実態の評価と必要な是正措置の実施", 1970),
    "Aa2": ("セキュリティ対策の実態の評価と必要な是正措置の実施", 1970),
    "Td4": ("セキュリティ事故への備え", 1973),
}

# ---- Chapter 4 / 5: the scoring model ---------------------------------------
# Each text is given by the seed line ranges of its table cell; ranges are
# paragraphs (joined with \n), lines inside a range are joined as one text
# with \n kept before ・/－ bullets and after 。 (see cell_text()).

SYSTEM_LEVELS = {  # Table 4-2 (l.6205–6350): level -> (concept, image)
    5: ([(6228, 6232)], [(6240, 6248)]),
    4: ([(6266, 6272)], [(6278, 6290)]),
    3: ([(6302, 6308)], [(6310, 6314)]),
    2: ([(6326, 6330)], [(6332, 6336)]),
    1: ([(6348, 6350)], None),
}
REQUIREMENT_LEVELS = {  # Table 4-3 (l.6362–6442)
    5: [(6375, 6381), (6382, 6382)],
    4: [(6393, 6401), (6402, 6404)],
    3: [(6415, 6421), (6422, 6424)],
    2: [(6432, 6434), (6435, 6435)],
    1: [(6442, 6442)],
}
LEVELS = {  # Table 4-5 (l.6598–6775): level -> (rating, definition)
    5: ([(6620, 6620)], [(6632, 6642)]),
    4: ([(6658, 6658)], [(6670, 6680)]),
    3: ([(6698, 6698)], [(6712, 6724)]),
    2: ([(6742, 6748)], [(6754, 6764)]),
    1: ([(6772, 6772)], [(6773, 6773), (6775, 6775)]),
}
CORE_CRITERIA = {  # level -> (summary ranges, [condition ranges])
    "technical": {  # Table 4-6 (l.6782–6911)
        5: ([(6803, 6803), (6805, 6805)], [(6807, 6807), (6809, 6811), (6813, 6817)]),
        4: ([(6837, 6837), (6839, 6841)], [(6843, 6845), (6847, 6847), (6849, 6851)]),
        3: ([(6867, 6867)], [(6869, 6871), (6873, 6875), (6877, 6877)]),
        2: ([(6891, 6893), (6895, 6895)], [(6897, 6897), (6899, 6899)]),
        1: ([(6909, 6909)], [(6911, 6911)]),
    },
    "management": {  # Table 4-7 (l.6918–7040)
        5: ([(6940, 6940), (6942, 6942)],
            [(6944, 6944), (6946, 6946), (6948, 6950), (6952, 6952), (6954, 6954)]),
        4: ([(6974, 6974), (6976, 6978)], [(6980, 6982), (6984, 6984), (6986, 6988)]),
        3: ([(7002, 7002)], [(7004, 7006), (7008, 7010)]),
        2: ([(7022, 7024), (7026, 7026)], [(7028, 7028)]),
        1: ([(7038, 7038)], [(7040, 7040)]),
    },
}
SYSTEM_FACTORS = [  # Table 5-1 (l.7334–7366): id, title, line, [item ranges]
    ("business", "対象業務の特性", 7338, [(7338, 7344)]),
    ("organization", "組織における重要性", 7346, [(7346, 7350)]),
    ("environment", "システムの運営環境の脆弱性", 7352, [(7352, 7360), (7362, 7366)]),
]
CELL_CODES = {"○": "o", "△": "t", "×": "x", "―": "-", "△または×": "t|x", "○または△": "o|t"}
PERIPHERALS = [
    {"id": "study", "title_line": 7049, "title_en": "Level of study of the countermeasure",
     "table_line": 7057,
     "columns": [("structure", "検討体制", 7059, [(7076, 7076), (7078, 7078)]),
                 ("process", "プロセスの確立", 7062, None),
                 ("density", "検討の密度", 7063, None),
                 ("approval", "組織としての承認", 7063, None),
                 ("experts", "専門家の参画", 7066, None)],
     "rows": [("A", "o o o o o", 7069, None), ("B", "o o o o t", 7071, None),
              ("C", "t - t t -", 7073, None)],
     "legend": [(7075, 7075)]},
    {"id": "process", "title_line": 7080,
     "title_en": "Establishment of the implementation / execution process", "table_line": 7092,
     "columns": [("structure", "プロセスについての検討の体制", 7095, None),
                 ("density", "検討の密度と内容の決めの細かさ", 7099, None),
                 ("approval", "組織としての承認", 7104, None),
                 ("effectiveness", "対策現場での実効性", 7107, [(7117, 7119)]),
                 ("unnamed5", "", None, None)],
     "rows": [("A", "o o o o o", 7111, None), ("B", "o t t o t", 7113, None),
              ("C", "t t t t t", 7115, None)],
     "legend": [(7116, 7116)]},
    {"id": "management", "title_line": 7120,
     "title_en": "Thoroughness of implementation / execution management", "table_line": 7132,
     "columns": [("mechanism", "実行管理の仕組みの確立", 7134, [(7147, 7149)]),
                 ("execution", "実行管理の実施状況", 7134, [(7151, 7153)])],
     "rows": [("A", "o o", 7137, None), ("B", "o t", 7139, None), ("B", "t o", 7142, None),
              ("C", "t|x t", 7144, None)],
     "legend": [(7145, 7145)]},
    {"id": "review", "title_line": 7156, "title_en": "Execution of countermeasure reviews",
     "table_line": 7172,
     "columns": [("rules", "見直しについてのルールの確立", 7174, [(7199, 7200)]),
                 ("periodic", "定期的な見直しの実施状況", 7177, [(7201, 7204)]),
                 ("asneeded", "必要に応じた見直しの実施状況", 7180, [(7206, 7210)]),
                 ("response", "対策の変更が必要となった場合の対応の実態", 7184, [(7211, 7213)])],
     "rows": [("A", "o o o o", 7189, None), ("B", "o t t o|t", 7191, None),
              ("B", "t o o o|t", 7194, None), ("C", "t|x t t t", 7196, None)],
     "legend": None},
    {"id": "documentation", "title_line": 7215, "title_en": "Level of documentation",
     "table_line": 7226,
     "columns": [("mechanism", "文書化の管理の仕組みの確立", 7229, [(7259, 7263)]),
                 ("actual", "文書化の実態", 7233, [(7264, 7266)])],
     "rows": [("A", "o o", 7238, "確立したルールのもと文書化は徹底している"),
              ("B", "o t", 7240, [(7242, 7246)]),
              ("B", "t o", 7248, [(7249, 7251)]),
              ("C", "t|x t", 7253, [(7254, 7256)])],
     "legend": None},
]
THRESHOLDS = {5: "A", 4: "B", 3: "B", 2: "C"}
TARGETS = {5: {"critical": 5, "important": 5, "general": 4, "low": 4},
           4: {"critical": 4, "important": 4, "general": 3, "low": 3},
           3: {"critical": 4, "important": 3, "general": 3, "low": 2},
           2: {"critical": 2, "important": 2, "general": 2, "low": 2}}


# --------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------

def ranges_text(seed, ranges):
    return "\n".join(cell_text(seed, a, b) for a, b in ranges)


NOTE_LABEL_RE = re.compile(r"^[（(]注\s*[0-9０-９]*[）)]\s*")


def marks_of(text):
    return [CELL_CODES[t] for t in re.findall(r"△または×|○または△|[○△×―]", text)]


def build_scoring(seed):
    notes = []
    levels = []
    for lv in (5, 4, 3, 2, 1):
        r, d = LEVELS[lv]
        levels.append({"level": lv, "rating_ja": ranges_text(seed, r).replace("\n", ""),
                       "definition_ja": ranges_text(seed, d)})
    system_levels = []
    for lv in (5, 4, 3, 2, 1):
        c, i = SYSTEM_LEVELS[lv]
        d = {"level": lv, "concept_ja": ranges_text(seed, c)}
        if i:
            d["image_ja"] = ranges_text(seed, i)
        system_levels.append(d)
    requirement_levels = [{"level": lv, "concept_ja": ranges_text(seed, REQUIREMENT_LEVELS[lv])}
                          for lv in (5, 4, 3, 2, 1)]
    core = {}
    for kind, table in CORE_CRITERIA.items():
        core[kind] = []
        for lv in (5, 4, 3, 2, 1):
            summ, conds = table[lv]
            core[kind].append({
                "level": lv, "summary_ja": ranges_text(seed, summ),
                "conditions_ja": [re.sub(r"^・", "", cell_text(seed, a, b)) for a, b in conds]})
    factors = []
    for fid, title, line, item_ranges in SYSTEM_FACTORS:
        items = []
        for a, b in item_ranges:
            t = cell_text(seed, a, b)
            t = t[t.index("・") + 1:]            # drop "１ 対象業務の特性" and the bullet
            items.append(t)
        assert squash(title) in squash(seed.line(line))
        factors.append({"id": fid, "title_ja": title, "items_ja": items})
    peripherals = []
    for p in PERIPHERALS:
        title = clean(seed.line(p["title_line"]))
        title = re.sub(r"^（[０-９]）", "", title)
        title = re.sub(r"についての評価基準$", "", title)
        cols = []
        for cid, ctitle, cline, cnote in p["columns"]:
            if cline is not None:
                assert squash(ctitle)[:4] in squash("".join(seed.lines[cline - 1:cline + 4])), ctitle
            c = {"id": cid, "title_ja": ctitle}
            if cnote:
                c["note_ja"] = NOTE_LABEL_RE.sub("", ranges_text(seed, cnote))
            cols.append(c)
        rows = []
        for rank, cells, line, remark in p["rows"]:
            cells = cells.split(" ")
            printed = marks_of(seed.line(line))
            if printed != cells:
                raise SystemExit("%s row %s l.%d: printed %s, data %s"
                                 % (p["id"], rank, line, printed, cells))
            if len(cells) != len(cols):
                assert p["id"] == "process"   # the 5th value has no header
            r = {"rank": rank, "cells": Flow(cells)}
            if remark:
                if isinstance(remark, str):
                    assert remark in clean(seed.line(line))
                    r["remark_ja"] = remark
                else:
                    r["remark_ja"] = re.sub(r"クラス ?B$", "", ranges_text(seed, remark))
            rows.append(r)
        d = {"id": p["id"], "title_ja": title, "title_en": p["title_en"],
             "table_ja": clean(seed.line(p["table_line"])), "columns": cols, "rows": rows}
        if p["legend"]:
            d["legend_ja"] = ranges_text(seed, p["legend"])
        peripherals.append(d)

    notes += [
        note("Table 4-5 prints the same peripheral threshold (B or better) for levels 3 and 4; "
             "the two levels differ only in the core level. Kept as printed (thresholds 4: B, 3: B).",
             6670),
        note("Table 4-5 prints the level-3 core line twice, once without and once with "
             "'(shown per requirement)'; both lines are kept in definition_ja.", 6712,
             "・対策コアはレベル３以上\n・対策コアはレベル３以上（対策要求ごとに示される）"),
        note("Fig. 4-1 speaks of ranks A, B, C and D, but §4.5.4.4 defines only classes A–C and calls "
             "anything below C a failure (不合格); D is taken to mean 'below C'. Fig. 5-2 says A, B, C.",
             7043, "なお、クラス Cに満たないものは、不合格としてみるものとする。"),
        note("Tables 4-9, 4-10 and 4-12 all carry the title of Table 4-9 "
             "(関係プロセスの確立状況についての評価基準), apparently a copy error; table_ja keeps the printed "
             "titles and title_ja uses the §4.5.4.4 sub-heading of each element.", 7132),
        note("Table 4-9 prints four column headers but five values per row; the fifth value is kept as "
             "column unnamed5 with no title. Which header each value belongs to is uncertain; the "
             "values are in printed order.", 7111),
        note("Tables 4-11 and 4-12 have no general legend (only per-column notes, kept as note_ja); "
             "their legend_ja is omitted. The symbol ― (not asked) occurs only in Table 4-8.", 7199),
        note("Table 4-4 gives 'level 4 or higher' / 'level 3 or higher' for the non-important "
             "requirements; targets take the lower bound. Which requirements are (particularly) "
             "important is left to the user (note under Table 4-4); the importance classes critical / "
             "important / general / low follow MODEL.md §4.", 6583,
             "特に重要な対策要求や重要な対策要求は、システムのセキュリティ特性や経営からのセキュリティについての要求によって異なったものとなる。"),
        note("Table 4-2 gives no system image for level 1; image_ja is omitted there.", 6342),
        note("Table 4-5 says the level-1 rating is used only as a result of evaluating the actual "
             "state; no target can be level 1.", 6775),
    ]
    return {
        "model": "ecom-2004",
        "levels": levels,
        "thresholds": dict(THRESHOLDS),
        "targets": {k: dict(v) for k, v in TARGETS.items()},
        "system_levels": system_levels,
        "requirement_levels": requirement_levels,
        "core_criteria": core,
        "system_factors": factors,
        "peripherals": peripherals,
        "notes": notes,
    }


ISMS_RE = re.compile(r"^\s*(\d+\.\d+\.\d+)\s*(.*?)\s*$")


def parse_isms(lines):
    out, remark = [], None
    for ll in lines:
        m = ISMS_RE.match(ll.text)
        if m:
            out.append({"id": m.group(1), "title_ja": clean(m.group(2))})
        elif "ISMS" in ll.text:
            remark = ll.s
        else:
            raise SystemExit("unexpected ISMS line l.%d: %r" % (ll.n, ll.text))
    return out, remark


def marks_to_roles(cells, names):
    prim = [n for n, c in zip(names, cells) if c == "●"]
    sec = [n for n, c in zip(names, cells) if c == "▲"]
    d = {}
    if prim:
        d["primary"] = Flow(prim)
    if sec:
        d["secondary"] = Flow(sec)
    return d


def match_appendix(reqs_by_dom, rows):
    """Pair appendix rows with Part 2 requirements by title within a domain."""
    import difflib
    pairs = {}
    by_dom = {}
    for r in rows:
        by_dom.setdefault(r["domain"], []).append(r)
    for dom, rs in by_dom.items():
        cands = reqs_by_dom[dom]
        for r in rs:
            best = max(cands, key=lambda q: difflib.SequenceMatcher(
                None, squash(r["title"]), squash(q["title_ja"])).ratio())
            pairs[best["id"]] = r
        assert len({pairs[q["id"]]["id"] for q in cands}) == len(cands), dom
    moved = sorted((k, v["id"]) for k, v in pairs.items() if k != v["id"])
    expected = [("Tb9.1", "Tb9.2"), ("Tb9.2", "Tb9.1"), ("Td2.7", "Td2.8"), ("Td2.8", "Td2.7")]
    if moved != expected:
        raise SystemExit("appendix/Part 2 order differences changed: %s" % moved)
    return pairs


def point_numbering_note(rid, points):
    labels = [p.label for p in points]
    nums = [int(to_ascii_id(l[1:-1])) for l in labels if l]
    if not nums:
        return None
    expect = list(range(1, len(nums) + 1))
    if nums == expect and all(labels):
        return None
    shown = ", ".join(l if l else "(unnumbered)" for l in labels)
    probs = []
    fw = "０１２３４５６７８９"
    dups = sorted({n for n in nums if nums.count(n) > 1})
    if dups:
        probs.append("repeated: " + ", ".join("（%s）" % fw[n] for n in dups))
    missing = [n for n in range(1, max(nums) + 1) if n not in nums]
    if missing:
        probs.append("missing: " + ", ".join("（%s）" % fw[n] for n in missing))
    if not all(labels):
        probs.append("a point without a number")
    return "The points of 対策のポイント are numbered %s as printed (%s); the labels are kept as printed." \
        % (shown, "; ".join(probs))


REQ_NOTES = {
    # id: [(text_en, line, text_ja)]
    "Ma1.2": [("対策のポイント has no (n) numbering: its two points are the two first-level bullets, "
               "kept without label.", 8605, None)],
    "Ma1.3": [("ISMS control 4.1.6 is printed with the title 阻止機関の協力 (sic; ISO/IEC 17799:2000 "
               "4.1.6 is co-operation between organisations).", 8732, "4.1.6 阻止機関の協力")],
    "Ma2.3": [("ISMS controls 5.1.2 分類の方針 and 5.1.3 情報の分類 do not exist in ISO/IEC 17799:2000 "
               "(clause 5.1 has only 5.1.1; classification is 5.2.1/5.2.2). Kept as printed.", 9293, None)],
    "Ba1.3": [("In point (2) the text of a fourth bullet (numbered ④ in the source) is printed on the "
               "same line as the previous sub-item; kept verbatim inside that item.", 9558,
               "所属会社への要求の明確化と、その責任の明確化④ビジネスパートナーのスタッフや出入りの営業マン等のその他の外部スタッフの施設への立入りについてのセキュリティ要求事項の明確化")],
    "Tb1.10": [("The appendix table labels this requirement システムレベルでの対策４, repeating the number "
                "of Tb1.9; Part 2 numbers it 対策５.", 4239, None)],
    "Tb1.11": [("The heading prints アプリケーションレベルレベル and アプリケーケーション (typos, kept).",
                13999, None)],
    "Tb1.12": [("The heading says システムレベルでの不正アクセス対策２, but Table 3-7 and the appendix table "
                "put this requirement at application level (アプリケーションレベルでの対策２).", 14187, None)],
    "Tb6.2": [("ISMS titles do not match their numbers: in ISO/IEC 17799:2000 7.2.2 is power supplies "
               "and cabling security is 7.2.3. Kept as printed.", 16054, None)],
    "Tc4.3": [("ISMS control 10.5.4 is printed 隠れチャネルおよびトロイに木馬 (sic).", 18402, None)],
    "Tc5.2": [("A stray （２） ルールに沿ったシステムの運用にかかわる記録の作成と保管の実施 at the end of "
               "point (4) reads as that point's second sub-item and is kept as an item with its printed "
               "number, not counted as a point.", 18601, None),
              ("The caption of 表 3-45 is printed on the same line as the sentence that introduces it.",
               18526, None)],
    "Td1.3": [("This requirement prints 【要求のポイント】 instead of 【対策のポイント】; its points are "
               "taken from that section.", 19378, "【要求のポイント】")],
    "Td2.7": [("ISMS control 4.1.1 is printed without a title; title_ja is left out.", 20110, "4.1.1")],
    "Td4.4": [("A second （１） 準備事項の妥当性やその機能の保全状況についての定期的なチェック要領 appears "
               "among the ・ sub-items of the last bullet and is kept as such an item with its printed "
               "number, not counted as a point.", 21200, None)],
    "Aa1.2": [("Point (1) is followed by two notes, （注 1） and （注２）, printed as paragraphs; they are "
               "kept in the point's text.", 21510, None)],
    "Aa2.2": [("The first point has no heading or number in the seed (compare Aa1.2 （１）監査実施計画の策定); "
               "its first sentence is used as title_ja and the rest of the paragraph and its table as text_ja.",
               21900, None),
              ("Point （３） is titled 監査の実施 (audit) in this diagnosis requirement, apparently copied "
               "from Aa1.2; kept as printed.", 21935, "（３）監査の実施"),
              ("ISMS controls 12.2.3 and 12.2.4 do not exist in ISO/IEC 17799:2000; their titles are "
               "those of 12.2.1 and 12.2.2, which Aa2.1 cites. Kept as printed.", 21964, None)],
}


def domain_threat_fields(dom, seed, notes):
    """themes / threats_ja of a domain and the notes that explain them."""
    if dom in AUXILIARY_ISSUES:
        issue, line = AUXILIARY_ISSUES[dom]
        assert squash(issue) in squash(seed.line(line) + seed.line(line + 2))
        if dom == "Td4":
            notes.append(note(
                "Auxiliary domain of Table 3-4 (issue as printed in text_ja); Table 3-2 lists no threat "
                "for it. Its theme is column H (影響拡大防止, damage_spread): the footnote of Table 3-2 "
                "says that the spread of an incident's impact is caused by a lack of preparedness for "
                "incidents, not by a root threat.", 1412, issue))
            return ["damage_spread"], None
        notes.append(note(
            "Auxiliary domain of Table 3-4 (issue as printed in text_ja), not a direct countermeasure "
            "against a threat: Tables 3-2 and 3-3 give it no threats and no themes, so both are omitted.",
            line, issue))
        return None, None
    if dom not in DOMAIN_THREATS:
        why = {"Tb5": "Table 3-3 consolidates 'システム上の業務情報に対する不正なアクセスや操作の阻止' into "
                      "this domain, but no countermeasure of Table 3-2 corresponds to it",
               "Tb9": "neither Table 3-3 nor Table 3-4 names this domain"}[dom]
        notes.append(note("themes and threats_ja omitted: %s, so its threats cannot be determined "
                          "from the seed." % why, 1870 if dom == "Tb5" else 1782))
        return None, None
    roots, rows, override = DOMAIN_THREATS[dom]
    threats = [ROOT_THREATS[k][0] for k in roots] + [THREATS[k][0] for k in rows]
    cols = set()
    for k in rows:
        cols |= set(override.get(k, THREATS[k][2]))
    themes = [t for c, _, t in THEME_COLUMNS if c in cols]
    expl = []
    if roots:
        expl.append("%s: root threat(s) of Table 3-2 whose necessary countermeasures are listed for the "
                    "whole block only, so they contribute no theme" % ", ".join(ROOT_THREATS[k][0] for k in roots))
    unmarked = [THREATS[k][0] for k in rows if not THREATS[k][2]]
    if unmarked:
        expl.append("Table 3-2 marks no theme for %s" % ", ".join(unmarked))
    for k, v in override.items():
        expl.append("%s is marked %s in Table 3-2 but this domain's countermeasure answers only its "
                    "%s side" % (THREATS[k][0], ",".join(THREATS[k][2]), ",".join(THEME_ID[c] for c in v)))
    if expl:
        notes.append(note("Threats and themes: " + "; ".join(expl) + ".",
                          ROOT_THREATS[roots[0]][1] if roots else THREATS[rows[0]][1]))
    if not themes:
        themes = None
    return themes, threats


def check_threats(seed):
    """Every threat text occurs at its line; same-line marks agree."""
    for key, (text, line) in ROOT_THREATS.items():
        assert squash(text) in squash(seed.line(line) + seed.line(line + 2)), key
    for key, (text, line, marks) in THREATS.items():
        raw = seed.line(line)
        assert squash(text) in squash(raw), (key, raw)
        i = raw.find(text.split(" ")[-1]) + len(text.split(" ")[-1])
        tail = raw[i:]
        m = re.match(r"^ ([●▲ ]*[●▲][●▲ ]*?) ?(・.*)?$", tail)
        if m and len(m.group(1)) >= 15:       # all eight cells printed on the line
            cells = m.group(1).split(" ")[:8]
            got = "".join(c for c, v in zip("ABCDEFGH", cells) if v)
            if got != marks:
                raise SystemExit("Table 3-2 marks of %s (l.%d): seed %s, data %s" % (key, line, got, marks))


CATALOG_NOTES = [
    ("The theme ids stand for the eight columns A–H of Table 3-2: A 正確性の確保 accuracy, B 秘匿性の確保 "
     "confidentiality, C 可用性の確保 availability, D 不正使用防止 unauthorized_use, E ﾙｰﾙ違反防止 "
     "rule_violation, F 有効性の確保 effectiveness (validity of stored electronic information; not among "
     "the seven themes of §3.2.2.1), G 他社攻撃回避 complicity (in attacks on other sites), H 影響拡大防止 "
     "damage_spread.", 1199, None),
    ("Domain threats and themes: a concrete threat of Table 3-2 is assigned to a domain when one of the "
     "necessary countermeasures printed under that threat is consolidated into the domain by Table 3-3 "
     "(countermeasures matched by wording); where Table 3-2 prints the countermeasures only for a whole "
     "root-threat block (関係者の犯行, 外部の者の施設等への不正な立ち入り), the root threat is listed "
     "instead and contributes no theme. themes is the union of the ● marks of the assigned concrete "
     "threats. Column positions were rebuilt from the spacing of the extracted mark lines (a mark line "
     "printed on its own is read from the left, counting the blank-only line printed just before it, if "
     "any, as empty cells). Domains without a determinable mapping have neither key and a note.", 1195, None),
    ("Table 3-2 marks one cell with ▲ (業務処理の委託先での情報の取扱い上の不手際, column C) without "
     "defining it; it is counted as a mark.", 1563, None),
    ("Appendix table (付表): ● is mapped to primary and ▲ to secondary; the legend defines neither "
     "symbol. The mark rows were split into 14 cells (9 activities + 5 departments) on single spaces, an "
     "empty cell being an empty string; all 117 rows give 14 cells (and agree with an independent "
     "reconstruction of the table).", 3370,
     "活動区分は当該要求に含まれる活動の種類、また、主たる担当部門は当該要求の実施にかかわる部門を示す"),
    ("The first-level bullet glyph of Part 2 (a private-use character in the PDF) was lost in the "
     "extraction; such bullets are recognised as lines beginning with one or two spaces. Nesting: "
     "first-level bullet, then ・, then －/-. A paragraph following a first-level bullet is kept as "
     "further lines of that bullet's text_ja (it is the bullet's explanation); notes (なお, （注）, これら…) "
     "and paragraphs after deeper bullets go to the point's text_ja.", 8505, None),
    ("Tables inside 対策のポイント lost their cell structure in the extraction; their text is kept as "
     "text_ja lines of the point, one line per printed row, with single spaces kept between cells "
     "(other text has the spaces between full-width characters removed). Each such table has a note on "
     "its requirement.", 8608, None),
    ("【参考】 sections (Ma1.6, Ba5.1, Tb3.1, Tb6.1, Tc1.1, Td1.1, Td1.3, Td4.5, Aa1.1, Aa2.1) are "
     "reference material and are not part of the points.", 8902, None),
    ("Part 1 says that each requirement has its own five-level strength criterion (達成条件 per level; "
     "§4.1, Table 4-5), but Part 2 of this seed (the first volume, 第1分冊, of the practical prototype) "
     "contains none; only the generic criteria of Tables 4-5 to 4-12 are in scoring.", 10,
     "「セキュリティ対策評価モデル」の実用試作版の第 1分冊である本報告書"),
    ("§3.2.2.1 prints the explanations of themes (6) 被害拡大の防止 and (7) 他社サイト攻撃への加担の防止 "
     "swapped.", 1039, None),
    ("§3.2.2.4 refers to the consolidation table as 表** (an unfilled placeholder; it is Table 3-3).",
     1193, "表**のようになる。"),
    ("§3.2.3.2 states that the requirements contain all ISMS requirements, yet 30 requirements state "
     "that no ISMS control corresponds and some printed control numbers do not exist in ISO/IEC "
     "17799:2000 (see the notes on Ma2.3, Tb6.2 and Aa2.2).", 2391, None),
    ("Domain titles follow the §3.3/§3.4 headings; other printed spellings (Table 3-5, Tables 3-3/3-4, "
     "the view introductions of §3.3, Part 2 headings, the appendix table) are in title_variants_ja. "
     "Sub-view titles follow Table 3-5; their other spellings are noted on the view. Requirement titles "
     "follow the Part 2 headings; the §3.3/§3.4 lists and the appendix table give the variants.", 2081,
     None),
    ("Layout noise removed: page-number lines, blank lines, line breaks inside sentences (a line without "
     "a trailing space continues on the next), trailing spaces and spaces between two full-width "
     "characters. Source typos are kept.", None, None),
]

DOMAIN_EXTRA_NOTES = {
    "Tb1": [("Table 3-3 prints this domain's name garbled as 不正アクセス対（システムに対する不正なアクセスの阻止策）; "
             "it is not used as a title variant.", 1851, None)],
    "Tc5": [("The §3.3.5.5 heading (used as title_ja) differs from Table 3-5 and the Part 2 heading, "
             "which say システム運用上のセキュリティ対策.", 2967, None)],
    "Td2": [("The §3.3.6.2 heading (used as title_ja) differs from Table 3-5 and the Part 2 heading "
             "(特殊な利用環境に対するセキュリティ対策). The purpose text includes the two sub-sections "
             "（１） and （２） printed before the requirement list.", 3027, None)],
    "Aa2": [("The §3.4.1.2 heading prints no domain code; Aa2 is taken from Table 3-5.", 3171, None)],
    "Ma1": [("The appendix table prints セキュリティメネジメント環境の整備 (sic).", 3187, None)],
}


def build(seed):
    notes_log = []
    lines = part2_lines(seed)
    raw_reqs, heads = segment_requirements(lines)
    ch3 = parse_chapter3(seed)
    t35 = parse_table35(seed)
    appx_rows, appx_doms, appx_subs = parse_appendix(seed)
    check_threats(seed)

    dom_heads = [h for h in heads if h[0].count(".") == 2]
    assert len(dom_heads) == 30
    part2_dom_title = {d: h[1] for d, h in zip(DOMAIN_ORDER, dom_heads)}
    intro = {}
    for a, b, doms in INTRO_LISTS:
        names = [clean(t) for _, t in seed.rng(a, b)]
        assert len(names) == len(doms), (a, names)
        intro.update(zip(doms, [(n, a) for n in names]))

    # requirements
    reqs = {}
    for rr in raw_reqs:
        title = clean("".join(rr.title_lines))
        secs = {}
        for mk, ml, body in rr.sections:
            secs.setdefault(mk, (ml, body))
        purpose = "\n".join(ll.s for ll in secs["主旨"][1])
        pk = "対策のポイント" if "対策のポイント" in secs else "要求のポイント"
        points = parse_points(rr.id, secs[pk][1], notes_log)
        isms, remark = parse_isms(secs["対応 ISMS コントロール"][1])
        reqs[rr.id] = {"id": rr.id, "title_ja": title, "line": rr.head.n, "purpose_ja": purpose,
                       "points": points, "isms": isms, "isms_remark_ja": remark}
    by_dom = {}
    for r in reqs.values():
        by_dom.setdefault(r["id"].split(".")[0], []).append(r)
    pairs = match_appendix(by_dom, appx_rows)

    views = []
    for vid, vtitle, ven, vpurpose, subids in VIEWS:
        assert any(h[1] == vtitle for h in heads), vtitle
        v = {"id": vid, "title_ja": vtitle, "title_en": ven}
        if vpurpose:
            v["purpose_ja"] = lines_text(seed, *vpurpose)
        # MODEL.md §1: requirements of the technical view (Ta..Td) are technical,
        # the others management (the loader's default).
        if vid == "T":
            v["kind"] = "technical"
        v["subviews"] = []
        vnotes = []
        for sid in subids:
            stitle, sline, sen, spurpose = SUBVIEWS[sid]
            assert squash(stitle) in squash("".join(seed.lines[sline - 2:sline + 3])), sid
            sv = {"id": sid, "title_ja": stitle, "title_en": sen}
            if spurpose:
                sv["purpose_ja"] = lines_text(seed, *spurpose)
            for text, line, where in SUBVIEW_VARIANTS.get(sid, []):
                assert squash(text) in squash(seed.line(line)), (sid, text)
                vnotes.append(note("Sub-view %s (%s) is printed as %s in %s." % (sid, stitle, text, where),
                                   line, text))
            sv["domains"] = []
            for dom in [d for d in DOMAIN_ORDER if d.startswith(sid)]:
                sv["domains"].append(build_domain(seed, dom, ch3, t35, part2_dom_title, appx_doms,
                                                  intro, by_dom, pairs))
            v["subviews"].append(sv)
        if vnotes:
            v["notes"] = vnotes
        views.append(v)

    catalog = {
        "format": "taisaku-catalog/1",
        "catalog": {
            "id": "ecom-2004",
            "title_ja": "セキュリティ対策評価モデル",
            "title_en": "Security Measures Evaluation Model",
            "version": "2004",
            "publisher_ja": clean(join_wrapped(seed.line(1)[seed.line(1).index("（財）"):], seed.line(3)[:1])),
            "source": SEED_NAME,
            "kind": "strength",
            "description_en": "ECOM's FY2004 model that breaks information security down into 117 "
                              "countermeasure requirements in 4 views and 30 domains and rates each on "
                              "five strength levels from its core and five peripheral elements.",
        },
        "activities": [{"id": i, "title_ja": j, "title_en": e} for i, j, e in ACTIVITIES],
        "departments": [{"id": i, "title_ja": j, "title_en": e} for i, j, e in DEPARTMENTS],
        "scoring": build_scoring(seed),
        "views": views,
        "notes": [note(t, l, j) for t, l, j in CATALOG_NOTES],
    }
    header = squash("".join(seed.lines[3189:3262]))
    assert squash("".join(j for _, j, _ in ACTIVITIES + DEPARTMENTS)) in header.replace("対策要求ID対策要求名", "")
    return catalog, raw_reqs, notes_log


def build_domain(seed, dom, ch3, t35, part2_dom_title, appx_doms, intro, by_dom, pairs):
    c = ch3[dom]
    title = c["title"]
    variants = []
    for v in [t35[dom][0], part2_dom_title[dom], appx_doms[dom][0],
              intro.get(dom, (None,))[0], TABLE33_34_NAMES.get(dom, (None,))[0]]:
        if v and squash(v) != squash(title) and squash(v) not in map(squash, variants):
            variants.append(v)
    if dom in TABLE33_34_NAMES:
        t, line = TABLE33_34_NAMES[dom]
        assert squash(t) in squash(seed.line(line)), (dom, t)
    dnotes = []
    themes, threats = domain_threat_fields(dom, seed, dnotes)
    for t, l, j in DOMAIN_EXTRA_NOTES.get(dom, []):
        dnotes.append(note(t, l, j))
    d = {"id": dom, "title_ja": title, "title_en": DOMAIN_EN[dom]}
    if variants:
        d["title_variants_ja"] = variants
    d["purpose_ja"] = c["purpose"]
    if themes:
        d["themes"] = Flow(themes)
    if threats:
        d["threats_ja"] = threats
    reqs = sorted(by_dom[dom], key=lambda r: int(r["id"].split(".")[1]))
    if len(reqs) != t35[dom][1] or len(reqs) != len(c["reqs"]):
        raise SystemExit("%s: %d requirements in Part 2, Table 3-5 says %d, §3.3 lists %d"
                         % (dom, len(reqs), t35[dom][1], len(c["reqs"])))
    d["requirements"] = [build_requirement(seed, r, c["reqs"][i], pairs[r["id"]])
                         for i, r in enumerate(reqs)]
    if dnotes:
        d["notes"] = dnotes
    return d


def build_requirement(seed, r, ch3_item, appx):
    rid = r["id"]
    variants = []
    for v in (ch3_item[0], appx["title"]):
        if squash(v) != squash(r["title_ja"]) and squash(v) not in map(squash, variants):
            variants.append(v)
    notes = []
    pn = point_numbering_note(rid, r["points"])
    if pn and rid not in ("Ma1.2",):
        notes.append(note(pn, r["points"][0].n))
    for t, l, j in REQ_NOTES.get(rid, []):
        notes.append(note(t, l, j))
    if appx["id"] != rid:
        notes.append(note("The appendix table lists this requirement as %s (%s); its activity and "
                          "department marks were matched by title, not by position."
                          % (appx["id"], appx["title"]), appx["line"], appx["title"]))
    if to_ascii_id(appx["printed_id"]) != appx["id"]:
        notes.append(note("The appendix table prints this requirement's ID as %s (sic)."
                          % appx["printed_id"], appx["line"], appx["printed_id"]))
    for p in r["points"]:
        for cap, line in p.tables:
            notes.append(note(
                "The table %s in point %s lost its cell structure in the extraction; its text is kept as "
                "text_ja lines of the point, one line per printed row."
                % (re.match(r"表\s*\S+", cap).group(0), p.label or "「%s」" % p.title),
                line, cap))
    d = {"id": rid, "title_ja": r["title_ja"], "title_en": REQ_EN[rid]}
    if variants:
        d["title_variants_ja"] = variants
    d["purpose_ja"] = r["purpose_ja"]
    d["points"] = [p.to_yaml() for p in r["points"]]
    d["isms"] = r["isms"]
    if r["isms_remark_ja"]:
        d["isms_remark_ja"] = r["isms_remark_ja"]
    acts = marks_to_roles(appx["cells"][:9], [a[0] for a in ACTIVITIES])
    deps = marks_to_roles(appx["cells"][9:], [x[0] for x in DEPARTMENTS])
    if acts:
        d["activities"] = acts
    if deps:
        d["departments"] = deps
    if notes:
        d["notes"] = notes
    return d


# --------------------------------------------------------------------------
# YAML output
# --------------------------------------------------------------------------

def dump(catalog):
    """Only empty strings (text the seed does not print) are left out: the
    empty lists of this catalog (isms: []) say something."""
    return seedlib.dump(catalog, "ECOM セキュリティ対策評価モデル (2004).", "ecom2yaml.py", SEED_NAME,
                        empty=("",))


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

def walk_texts(node, path=""):
    """Every Japanese text of a requirement, with its path (the *_ja keys
    only: this catalog has no parameter values)."""
    return seedlib.walk_texts(node, path, values=False)


def count_points(reqs):
    return sum(len(r["points"]) for r in reqs)


def run_checks(catalog, yaml_text, seed, log_lines):
    check = Checks()
    views = catalog["views"]
    subviews = [s for v in views for s in v["subviews"]]
    domains = [d for s in subviews for d in s["domains"]]
    reqs = [r for d in domains for r in d["requirements"]]
    print("Checks")
    check("views", len(views) == 4, str(len(views)))
    check("sub-views", len(subviews) == 7, str(len(subviews)))
    check("domains", len(domains) == 30, str(len(domains)))
    check("requirements", len(reqs) == 117, str(len(reqs)))
    t35 = parse_table35(seed)
    per = {d["id"]: len(d["requirements"]) for d in domains}
    check("per-domain counts = Table 3-5", all(per[k] == t35[k][1] for k in per),
          " ".join("%s:%d" % (k, per[k]) for k in DOMAIN_ORDER))
    for s in subviews:
        print("      %s: %d domains, %d requirements" % (
            s["id"], len(s["domains"]), sum(len(d["requirements"]) for d in s["domains"])))
    npts = count_points(reqs)
    check("top-level points", npts == 444, str(npts))
    check("purposes non-empty", all(r.get("purpose_ja") for r in reqs),
          str(sum(1 for r in reqs if r.get("purpose_ja"))))
    empty = [r["id"] for r in reqs if r["isms"] == []]
    check("requirements with empty isms (each with isms_remark_ja)",
          len(empty) == 30 and all(r.get("isms_remark_ja") for r in reqs if r["isms"] == []),
          str(len(empty)))
    check("every requirement has title_en", all(r.get("title_en") for r in reqs))
    ids = [r["id"] for r in reqs] + [d["id"] for d in domains] + [s["id"] for s in subviews] + \
        [v["id"] for v in views]
    check("IDs unique", len(ids) == len(set(ids)))
    check_reload(check, yaml_text)
    check_no_pua(check, yaml_text)
    # text fidelity: every line of every Japanese text (≥20 chars) occurs in the seed
    bad = []
    total = 0
    for r in reqs:
        for path, text in walk_texts(r, r["id"]):
            for frag in text.split("\n"):
                if len(squash(frag)) >= 20:
                    total += 1
                    if not seed.occurs(frag):
                        bad.append((path, frag))
    check("requirement text fragments (>=20 chars) found in the seed", not bad,
          "%d of %d" % (total - len(bad), total))
    for path, frag in bad[:10]:
        print("        missing:", path, frag[:60])
    print("Spot-check (each text fragment of >=20 chars occurs in the seed, whitespace removed):")
    for rid in ("Ma1.1", "Ba3.1", "Tb1.1", "Td1.3", "Aa2.2"):
        r = next(x for x in reqs if x["id"] == rid)
        frags = [f for _, t in walk_texts(r) for f in t.split("\n") if len(squash(f)) >= 20]
        found = sum(1 for f in frags if seed.occurs(f))
        check("  %s %s" % (rid, r["title_ja"]), found == len(frags), "%d/%d" % (found, len(frags)))
    # scoring texts too
    sbad = [(p, t) for p, t in walk_texts(catalog["scoring"])
            for f in t.split("\n") if len(squash(f)) >= 20 and not seed.occurs(f)]
    check("scoring text fragments found in the seed", not sbad, str(sbad[:3]))
    dbad = [(d["id"], p) for d in domains for p, t in walk_texts({k: v for k, v in d.items()
                                                                  if k != "requirements"})
            for f in t.split("\n") if len(squash(f)) >= 8 and not seed.occurs(f)]
    check("domain text fragments found in the seed", not dbad, str(dbad[:3]))
    if log_lines:
        print("Parser decisions worth a look:")
        for rid, n, msg in log_lines:
            print("   %s l.%d %s" % (rid, n, msg))
    return check.ok


def main(argv=None):
    ap = arg_parser(__doc__, SEED_NAME, "ecom-2004.yaml")
    ap.add_argument("--dump-points", nargs="*", metavar="ID",
                    help="print the parsed points of these requirements and exit")
    args = ap.parse_args(argv)
    seed = Seed(args.seed)
    if args.dump_points:
        raw_reqs, _ = segment_requirements(part2_lines(seed))
        for rr in raw_reqs:
            if rr.id in args.dump_points:
                for mk, ml, body in rr.sections:
                    if mk in ("対策のポイント", "要求のポイント"):
                        print("=====", rr.id)
                        dump_points(parse_points(rr.id, body, []))
        return 0
    catalog, raw_reqs, log_lines = build(seed)
    text = dump(catalog)
    write_catalog(args.out, text)
    return 0 if run_checks(catalog, text, seed, log_lines) else 1


if __name__ == "__main__":
    sys.exit(main())
