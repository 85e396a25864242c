#!/usr/bin/env python3
"""Makes the previous year's round of a sample assessment, for `make run`
(scripts/run-sample), so that every sample system has two rounds:
    sample_round.py IN.yaml OUT.yaml
The date goes back one year and, as a year earlier would plausibly show,
some ratings are one step weaker: every third rated requirement has its
review and management ranks one letter lower (B to C, C to D), every fifth
its core level one lower. Sample data, not anyone's assessment; the file
says so in its first line."""
import re
import sys

LOWER = {"A": "B", "B": "C", "C": "D", "D": "D"}


def weaker(line, n):
    if n % 3 == 0:
        line = re.sub(r"\b(review|management): ([A-D])\b", lambda m: f"{m.group(1)}: {LOWER[m.group(2)]}", line)
    if n % 5 == 0:
        line = re.sub(r"\bcore: ([2-5])\b", lambda m: f"core: {int(m.group(1)) - 1}", line, count=1)
    return line


def main():
    src, out = sys.argv[1], sys.argv[2]
    lines = open(src, encoding="utf-8").read().split("\n")
    res = [f"# 生成したサンプル（tools/sample_round.py）: {src.split('/')[-1]} の前年の評価回。"
           "日付を1年戻し、一部の評価を一段弱くしたもので、実在の評価ではない。"]
    n = 0
    for line in lines:
        if line.startswith("#"):
            continue
        m = re.match(r"^(\s+date: )(\d{4})(-\d\d-\d\d.*)$", line)
        if m:
            line = f"{m.group(1)}{int(m.group(2)) - 1}{m.group(3)}"
        if re.match(r"^  [A-Z][a-z]\d+\.\d+: \{ (core|assets)", line):
            n += 1
            line = weaker(line, n)
        res.append(line)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(res))


main()
