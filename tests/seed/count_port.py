"""Items per section of seed 004 (port TOS guideline, builders and
operators), counted from the seed alone.

How: what the guideline asks of the operator is printed in boxes headed
「【事業者に求めること】」; each requirement in a box is a line starting with
"➢" (a requirement that wraps continues on unmarked lines), and the box
ends at 〔解説〕 (the explanation) or the next heading. The sections are the
guideline's parts: 1.x 事前準備 (P1), 2.x 平時対策 (P2), 3.x インシデント発生時
及び事後対応 (P3), and 別紙１ (A, the acquisition, development and
maintenance controls), told apart by the "N.M" headings and 別紙１.
One box (2.6.3, seed line 1219) has lost its "➢" in the extraction: a box
whose first requirement line starts without the marker, with the subject
「システム構築・運用者は」, counts that line as its requirement."""
import re

SEED = "004_fbc96da3babfd6cd.txt"
HEADING = re.compile(r"^\s*([1-3])\.[0-9]\s")
ANNEX = re.compile(r"^\s*別紙１")
BOX = "【事業者に求めること】"
END = re.compile(r"〔解説〕|〔具体例〕")


def count(lines):
    counts, part, annex, in_box = {}, None, False, False
    for line in lines:
        if ANNEX.match(line):
            annex, part, in_box = True, "A", False
            continue
        m = HEADING.match(line)
        if m:
            part = "A" if annex else "P" + m.group(1)
            in_box = False
            continue
        if BOX in line:
            in_box, in_this_box = True, 0
            continue
        if in_box and END.search(line):
            in_box = False
            continue
        text = line.lstrip()
        if in_box and part and (text.startswith("➢") or (not in_this_box and text.startswith("システム構築・運用者は"))):
            counts[part] = counts.get(part, 0) + 1
            in_this_box += 1
    return counts
