"""Items (遵守事項) per section (2.2.1.1 … 2.4.1.1) of seed 001, counted
from the seed alone.

How: the body (from "第 2.2 部" on; before it are the table of contents
and part 2.1, which defers to the Unified Management Standard) heads each
section with a Markdown heading "#### 2.2.1.1 主体認証機能" (some are
"###"). Every 遵守事項 is a line that starts, after an optional list
marker, with "(a)" … or "(ア)" …: both levels are items (the (ア) lines
are the sub-items the catalog gives IDs such as 2.2.1.1(1)(b)(ア)). The
"(1)" lines only group them and are not items, unless the line is a
sentence of its own ("… こと。"): in 2.3.4.1 the extraction prints the
item (l) as "(1) 情報システムセキュリティ責任者は、…講ずること。" (a lower-case
L read as the digit one), between (k) and "(2) 通信回線の運用時". Counting stops at the
appendix (別表 / 付録), whose tables are not 遵守事項."""
import re

SEED = "001_28f1e19045113924.txt"
PER = "domain"
SECTION = re.compile(r"^#{2,5}\s+(2\.[234]\.\d+\.\d+)\s")
ITEM = re.compile(r"^\s*(?:[-*]\s+)?[\(（](?:[a-z]|[ア-ン])[\)）]")
MISREAD_L = re.compile(r"^\s*(?:[-*]\s+)?\(1\) .*こと。\s*$")
START = re.compile(r"^#+\s*第\s*2\.2\s*部")
STOP = re.compile(r"^#+\s*(別表|付録|別紙)")


def count(lines):
    counts, cur, body = {}, None, False
    for line in lines:
        if not body:
            body = bool(START.match(line))
            continue
        if STOP.match(line):
            break
        m = SECTION.match(line)
        if m:
            cur = m.group(1)
            counts.setdefault(cur, 0)
            continue
        if cur and (ITEM.match(line) or MISREAD_L.match(line)):
            counts[cur] += 1
    return counts
