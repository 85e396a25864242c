#!/usr/bin/env python3
"""The defense implementation plan (taisaku report --kind ssp) against the
seed text itself (seed 000 第2, the defense standard):

- the documents of 第2 第1項第2号, ア–コ as the seed prints them, appear as
  the plan's rows ①（ア）…⑩（コ）, in the seed's order, each row naming the
  document as the seed does;
- the approval chain is the seed's sentence 「同計画は保護システム管理者が
  作成し、総括者を通じて経営者等の承認を得る」: the three roles in that order
  under 作成, 経由, 承認;
- the body carries the seed's heading 「保護システムに関連するすべての具体的
  な実施状況・内容」, and flagged rows are exactly those the assessment leaves
  without an implemented status and an attachment.

    ssp_structure.py TAISAKU SOURCE_ROOT

The seed is read from $TAISAKU_SEED_DIR, else SOURCE_ROOT/seeds, else
/work/shared/seeds; without it the test is skipped (exit 77)."""

import html
import os
import re
import subprocess
import sys

import yaml

TAISAKU, ROOT = sys.argv[1], sys.argv[2]
SEED = "000_eb8ca8ef60ce7ee9.txt"


def seed_text():
    for d in (os.environ.get("TAISAKU_SEED_DIR"), os.path.join(ROOT, "seeds"), "/work/shared/seeds"):
        if d and os.path.exists(os.path.join(d, SEED)):
            with open(os.path.join(d, SEED), encoding="utf-8") as f:
                return f.read()
    print("seed 000 not found: skipped")
    sys.exit(77)


def squash(s):
    return re.sub(r"\s+", "", s)


def text(fragment):
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


seed = seed_text()
# 第2 第1項第2号: the list ア–コ between 「(2)」 and the next heading.
start = seed.index("(2)   システムセキュリティ実装計画書には")
block = seed[start:seed.index("保護システムが情報セキュリティ基準に準拠していることの証明", start)]
labels = "アイウエオカキクケコ"
docs = []
for line in block.split("\n"):
    m = re.match(r"^([アイウエオカキクケコ]) (.+)$", line)
    if m:
        name = m.group(2)
        name = name.split("規定する", 1)[-1]        # 「第３第２項第１号に規定する」 is the reference
        name = name.split("（", 1)[0]               # ク's explanation in brackets
        docs.append((m.group(1), squash(name)))
if [d[0] for d in docs] != list(labels):
    fail(f"the seed's list is not ア–コ: {[d[0] for d in docs]}")
chain = re.search(r"同計画は(\S+?)が作成し、(\S+?)を通じて(\S+?)の承認を得る", squash(block))
if not chain:
    fail("the seed's approval sentence not found")
roles = chain.groups()

example = os.path.join(ROOT, "examples", "defense-supplier-atla.yaml")
out = subprocess.run([TAISAKU, "report", example, "--kind", "ssp"], capture_output=True, text=True)
if out.returncode != 0:
    fail(f"report --kind ssp exited {out.returncode}: {out.stderr}")
page = out.stdout

# the documents, in order
sec = page[page.index('id="documents"'):page.index('id="implementation"')]
rows = re.findall(r'<tr id="d-(\d+)"[^>]*>(.*?)</tr>', sec, re.S)
if len(rows) != len(docs):
    fail(f"{len(rows)} document rows, the seed lists {len(docs)}")
with open(example, encoding="utf-8") as f:
    a = yaml.safe_load(f)
circled = "①②③④⑤⑥⑦⑧⑨⑩"
for k, ((label, name), (num, row)) in enumerate(zip(docs, rows)):
    t = text(row)
    if not t.startswith(f"{circled[k]}（{label}）"):
        fail(f"row {num} does not start with {circled[k]}（{label}）: {t[:30]}")
    if name not in t:
        fail(f"row {num} does not name the seed's document {name}")
    item = a["items"].get(f"S2.1.2.{'abcdefghij'[k]}")
    st = item if isinstance(item, str) else (item or {}).get("status")
    has_ev = isinstance(item, dict) and bool(item.get("evidence"))
    flagged = 'class="check missing"' in row
    if flagged != (st != "implemented" or not has_ev):
        fail(f"row {num}: flagged={flagged} but status={st}, evidence={has_ev}")

# the approval chain
ch = page[page.index("<table class=chain>"):]
ch = ch[:ch.index("</table>")]
head = [text(x) for x in re.findall(r"<th scope=col>(.*?)</th>", ch)]
if head != ["作成", "経由", "承認"]:
    fail(f"chain columns {head}")
role_row = re.search(r"<tr><th scope=row>役割</th>(.*?)</tr>", ch, re.S).group(1)
got = tuple(text(x) for x in re.findall(r"<td>(.*?)</td>", role_row))
if got != roles:
    fail(f"chain roles {got}, the seed says {roles}")
names = re.search(r"<tr><th scope=row>担当</th>(.*?)</tr>", ch, re.S).group(1)
want = tuple(a["roles"].get(r, "未設定") for r in roles)
if tuple(text(x) for x in re.findall(r"<td[^>]*>(.*?)</td>", names)) != tuple(squash(w) for w in want):
    fail(f"chain names differ from the assessment's roles: {want}")

# the body
body = "保護システムに関連するすべての具体的な実施状況・内容"
if body not in squash(seed):
    fail("the seed does not print the body's heading")
if f"3. {body}</h2>" not in page:
    fail("the body's heading is missing")
n_items = sum(1 for line in open(os.path.join(ROOT, "catalogs", "atla-ssr.yaml"), encoding="utf-8")
              if re.match(r"^ {10}- id: S", line))
n_rows = page.count('<tr id="i-')
if n_rows != n_items:
    fail(f"{n_rows} items in the body, the catalog has {n_items}")
print(f"ok: {len(docs)} documents ア–コ in the seed's order, chain {'→'.join(roles)}, {n_items} items in the body")
