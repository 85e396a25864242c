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

import argparse
import hashlib
import os
import re
import sys
import unicodedata

import yaml

SEED_NAME = "seeds/002_d46bb20b393115b9.txt"
SEED_SHA256 = "310e771f0a50e43e98d6267dfe40fb73b47cca1df47f6ed01bc7eafd73245128"
PART2_FIRST = 8463          # "第２部 対策要求事項の解説"
COMMITTEE_MARK = "セキュリティ対策評価モデルの開発プロジェクト委員リスト"

# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
FW_ALPHA = str.maketrans(
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def to_ascii_id(s):
    return s.translate(FW_DIGITS).translate(FW_ALPHA)


def is_wide(ch):
    """A character of Japanese running text (a space next to it is layout noise)."""
    if not ch or ord(ch) < 0x80:
        return False
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F", "H"):
        return True
    # ambiguous-width symbols used in the seed (○ △ × ― ● ▲ ① …)
    return eaw == "A" and ord(ch) >= 0x2000 or ch in "×"


_SPACES = re.compile(r" +")


def clean(s):
    """Remove layout spaces: runs of spaces between two wide characters,
    leading/trailing spaces; collapse other space runs to one."""
    s = s.replace("\u3000", " ").strip()
    out = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == " ":
            j = i
            while j < n and s[j] == " ":
                j += 1
            prev = out[-1] if out else ""
            nxt = s[j] if j < n else ""
            if is_wide(prev) and is_wide(nxt):
                pass                      # noise between two full-width chars
            else:
                out.append(" ")
            i = j
            continue
        out.append(ch)
        i += 1
    return "".join(out).strip()


def squash(s):
    """For comparisons: drop every kind of whitespace."""
    return re.sub(r"\s+", "", s)


def join_wrapped(a, b):
    """Join two physical lines of one sentence."""
    a = a.rstrip()
    b = b.lstrip()
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


# --------------------------------------------------------------------------
# Seed access
# --------------------------------------------------------------------------

class Seed:
    def __init__(self, path):
        raw = open(path, "rb").read()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != SEED_SHA256:
            sys.exit("%s: unexpected SHA-256 %s (the script encodes line numbers of %s)"
                     % (path, digest, SEED_SHA256))
        self.lines = raw.decode("utf-8").split("\n")
        self.flat = squash("".join(self.lines))

    def line(self, n):
        """1-based line access."""
        return self.lines[n - 1]

    def rng(self, a, b):
        """Lines a..b inclusive (1-based) as (lineno, text), blank lines dropped."""
        return [(n, self.lines[n - 1]) for n in range(a, b + 1)
                if self.lines[n - 1].strip()]

    def occurs(self, text):
        return squash(text) in self.flat


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
