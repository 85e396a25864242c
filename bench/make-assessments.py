#!/usr/bin/env python3
"""Writes N complete, varied ECOM assessments for the benchmarks.

    bench/make-assessments.py N DIR [SYSTEMS]

With SYSTEMS, file k is a round of system k % SYSTEMS (業務システム0000 ...),
dated by round, all of one organisation (株式会社サンプル): the store's
benchmark (bench/store) imports them as SYSTEMS systems with N / SYSTEMS
rounds each.

Every requirement gets an entry: mostly rated (some with per-asset
coverage or ○/△/× answers, most with evidence and a note), some n/a and
some unknown, so the files are as large as real ones. Deterministic.
"""
import os
import random
import re
import sys

n, out = int(sys.argv[1]), sys.argv[2]
systems = int(sys.argv[3]) if len(sys.argv) > 3 else 0
here = os.path.dirname(os.path.abspath(__file__))
ids = re.findall(r"^\s+- id: ([A-Z][a-z]\d+\.\d+)$",
                 open(os.path.join(here, "..", "catalogs", "ecom-2004.yaml"), encoding="utf-8").read(),
                 re.M)
assert len(ids) == 117, len(ids)
os.makedirs(out, exist_ok=True)
rng = random.Random(2004)
ranks = "AABBBBCCD"
for k in range(n):
    level = rng.choice([2, 3, 3, 3, 4, 4, 5])
    if systems:
        head = ("system: { name: 業務システム%04d, level: %d, organization: 株式会社サンプル, date: %04d-04-15 }"
                % (k % systems, level, 2000 + k // systems))
    else:
        head = ("system: { name: 業務システム%04d, level: %d, organization: 株式会社サンプル%03d, date: 2026-%02d-15 }"
                % (k, level, k % 500, 1 + k % 12))
    lines = ["catalog: ecom-2004",
             head,
             "importance: { Tb2.3: critical, Tb1.6: important, Ma1.6: low }",
             "targets: { Ma1.2: { level: %d, reason: 経営方針による強化 } }" % (min(5, {2: 2, 3: 3, 4: 3, 5: 4}[level] + 1)),
             "ratings:"]
    for rid in ids:
        r = rng.random()
        if r < 0.04:
            lines.append("  %s: { na: 該当する設備や業務がないため対象外 }" % rid)
        elif r < 0.07:
            lines.append("  %s: { unknown: true, note: 担当部門に確認中 }" % rid)
        else:
            peri = ", ".join("%s: %s" % (p, rng.choice(ranks))
                             for p in ("study", "process", "management", "review", "documentation"))
            if rid.startswith("Tb2") and rng.random() < 0.5:
                core = "assets: [ { name: web01, important: true, core: %d }, { name: db01, important: true, core: %d }, { name: dev01, core: %d } ]" % (
                    rng.randint(2, 5), rng.randint(2, 5), rng.randint(1, 4))
            else:
                core = "core: %d" % rng.randint(1, 5)
            lines.append("  %s: { %s, %s, evidence: [ { title: 規程・手順書 %s 第%d版, date: 2026-03-%02d } ], note: 前回評価からの変更点を確認済み }"
                         % (rid, core, peri, rid, rng.randint(1, 9), rng.randint(1, 28)))
    lines.append("improvements:")
    lines.append("  - { requirement: Tb2.3, cause: 管理の不徹底, aim: パッチ適用の徹底, content: 適用状況の月次確認, due: 2027-03-31, owner: 情報システム部 }")
    with open(os.path.join(out, "system-%05d.yaml" % k if systems else "system-%04d.yaml" % k), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
