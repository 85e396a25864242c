"""Items per section (第２–第１２) of seed 000, counted from the seed alone.

How: the normative text numbers its provisions 項 "１ ", 号 "(1) ", "ア ",
"(ｱ) " at the start of a line (the slides' figures write "(1)暗号化"
without the space, and are not provisions). A provision is an item when it
has no sub-provisions, or when it has text of its own besides them: a
sentence on its line (a 、 or 。 outside brackets) or a paragraph with
"ものとする" / "こと。" before its first sub-provision. Headings that only
group sub-provisions ("(1) アカウントの管理") are not items. A slide that
repeats earlier provisions as a summary (第２ lines 108-116 repeat ３ and
４) is skipped: a 項 whose number is not above the last one seen starts a
repeat, which lasts until a higher 項."""
import re

SEED = "000_eb8ca8ef60ce7ee9.txt"
Z = "０１２３４５６７８９"
SECTION = re.compile(r"^\s*第([０-９]+) ")
LEVELS = [(1, re.compile(r"^([１-９][０-９]?) (.*)")), (2, re.compile(r"^\((\d+)\) (.*)")),
          (3, re.compile(r"^([アイウエオカキクケコサシスセソ]) (.*)")), (4, re.compile(r"^\(([ｱ-ﾝ])\) ?(.*)"))]


def zint(s):
    return int("".join(str(Z.index(c)) for c in s))


def outside_brackets(s):
    return re.sub(r"（[^）]*）|\([^)]*\)", "", s)


def count(lines):
    nodes, cur = {}, None
    for i, line in enumerate(lines, 1):
        m = SECTION.match(line)
        if m and len(line.strip()) < 40:       # a slide title "第５ アクセス制御（２／５）"
            cur = "S%d" % zint(m.group(1))
            nodes.setdefault(cur, [])
            continue
        if cur is None:
            continue
        for level, rx in LEVELS:
            m = rx.match(line)
            if m:
                nodes[cur].append((level, m.group(1), m.group(2), i))
                break
    counts = {}
    for sec, ns in nodes.items():
        n, last, repeat = 0, 0, False
        for k, (level, num, text, i) in enumerate(ns):
            if level == 1:
                v = zint(num)
                repeat = v <= last
                last = max(last, v)
            if repeat:
                continue
            nxt = ns[k + 1][3] if k + 1 < len(ns) else i + 40
            has_child = k + 1 < len(ns) and ns[k + 1][0] > level
            own_sentence = "、" in outside_brackets(text) or "。" in outside_brackets(text)
            own_paragraph = any("ものとする" in lines[j - 1] or "こと。" in lines[j - 1] for j in range(i + 1, nxt))
            if not has_child or own_sentence or own_paragraph:
                n += 1
        counts[sec] = n
    return counts
