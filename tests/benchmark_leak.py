#!/usr/bin/env python3
"""Checks a benchmark export for anything identifying (tests/benchmark_roundtrip.sh).

benchmark_leak.py EXPORT SETUP DOC...: SETUP is the taisaku command lines
that filled the source store (organisation and system names are taken from
them), DOC the assessment documents imported. Fails when the export contains
any of their names, notes, evidence titles and references, assessors,
reasons or dates (YYYY-MM-DD or YYYY-MM), or any string that is not a key,
the format, a 32-hex token, a catalog id or a peer attribute (industry, size).
"""
import json
import re
import shlex
import sys

export_path, setup_path, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(export_path, encoding="utf-8").read()
doc = json.loads(text)

secrets, attributes = set(), set()
for line in open(setup_path, encoding="utf-8"):
    words = shlex.split(line)
    if words[:2] in (["org", "add"], ["system", "add"]):
        secrets.add(words[2])
    for opt in ("--industry", "--size"):
        if opt in words:
            attributes.add(words[words.index(opt) + 1])
    if "--system" in words:
        secrets.add(words[words.index("--system") + 1])
FIELDS = re.compile(r"^\s*-?\s*(name|organization|assessor|note|title|ref|reason|owner|content|date|due)\s*:\s*(.+?)\s*$")
for path in docs:
    for line in open(path, encoding="utf-8"):
        m = FIELDS.match(line)
        if m:
            value = m.group(2).strip().strip("'\"")
            if len(value) >= 4 and not value.startswith(("{", "[", "|", ">")):
                secrets.add(value)
        for d in re.findall(r"\b\d{4}-\d{2}(?:-\d{2})?\b", line):
            secrets.add(d)
assert len(secrets) > 20, "too few secrets found: the test would prove nothing"
bad = sorted(s for s in secrets if s in text)
for s in bad:
    print(f"leaked: {s}")

strings = []
def walk(v, key=None):
    if isinstance(v, dict):
        for k, x in v.items():
            walk(x, k)
    elif isinstance(v, list):
        for x in v:
            walk(x, key)
    elif isinstance(v, str):
        strings.append((key, v))
walk(doc)
for key, v in strings:
    ok = (key == "format" and v == "taisaku-benchmark/1") \
        or (key in ("export", "organisation") and re.fullmatch(r"[0-9a-f]{32}", v)) \
        or (key == "catalog" and re.fullmatch(r"[a-z0-9.-]+", v)) \
        or (key in ("industry", "size") and v in attributes)
    if not ok:
        print(f"unexpected string: {key}: {v}")
        bad.append(v)
sys.exit(1 if bad else 0)
