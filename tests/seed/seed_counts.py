#!/usr/bin/env python3
"""Issue 7's catalog test: each compliance catalog's item count per section
equals the count established from the seed text alone (tests/seed/count_*.py
say how each seed is counted), and a sample of items' Japanese text equals
the seed's, verbatim up to layout noise (tests/seed/samples_*.txt).

    seed_counts.py CATALOG_ID [SOURCE_ROOT]

The seeds are read from $TAISAKU_SEED_DIR, else SOURCE_ROOT/seeds, else
/work/shared/seeds; without them the test is skipped (exit 77)."""
import importlib.util
import os
import re
import sys

import yaml

ROOT = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
MODULES = {"atla-ssr": "count_atla", "nisc-2012": "count_nisc", "space-rules": "count_space", "port-tos": "count_port"}


def seed_dir():
    for d in (os.environ.get("TAISAKU_SEED_DIR"), os.path.join(ROOT, "seeds"), "/work/shared/seeds"):
        if d and os.path.isdir(d):
            return d
    return None


def catalog_counts(cid):
    """Items per section of the catalog: per view (atla-ssr, space-rules,
    port-tos) or per domain (nisc-2012), as the module says."""
    with open(os.path.join(ROOT, "catalogs", cid + ".yaml"), encoding="utf-8") as f:
        c = yaml.safe_load(f)
    per_view, per_domain, items = {}, {}, {}
    for v in c["views"]:
        for sv in v.get("subviews") or [{"domains": v.get("domains", [])}]:
            for d in sv["domains"]:
                per_view[v["id"]] = per_view.get(v["id"], 0) + len(d["requirements"])
                per_domain[d["id"]] = len(d["requirements"])
                for r in d["requirements"]:
                    items[r["id"]] = r
    return per_view, per_domain, items


def layout_free(s):
    """Only layout noise goes: line breaks and spaces (ASCII and ideographic)."""
    return re.sub(r"[\s　]+", "", s)


def check_samples(cid, lines, items):
    """Each sample names an item, a field and the seed lines that print it;
    the field's text must equal those lines' text, spaces and line breaks
    aside, after the provision's printed number (label=) at the start, or
    after the sentence before it (after=). Lines of page furniture inside the
    range are listed to drop."""
    path = os.path.join(HERE, "samples_%s.txt" % cid)
    failures, n = [], 0
    with open(path, encoding="utf-8") as f:
        for raw in f:
            raw = raw.rstrip("\n")
            if not raw or raw.startswith("#"):
                continue
            # ITEM FIELD FIRST-LAST [label=PRINTED-NUMBER] [after=WORDS] [drop=N,N...]
            parts = raw.split()
            iid, field, span = parts[0], parts[1], parts[2]
            drop, label, after = set(), "", ""
            for p in parts[3:]:
                if p.startswith("drop="):
                    drop = {int(x) for x in p[5:].split(",")}
                elif p.startswith("label="):
                    label = p[6:]
                elif p.startswith("after="):
                    after = p[6:]
            a, b = (int(x) for x in span.split("-"))
            seed_text = layout_free("".join(lines[k - 1] for k in range(a, b + 1) if k not in drop))
            # The provision's printed number ("(1)", "ア") heads its line but is
            # the item's ID, not its text.
            if label and seed_text.startswith(label):
                seed_text = seed_text[len(label):]
            # An item that is the second sentence of a paragraph starts after
            # the first on its first line (after= ends with that sentence's 。);
            # words not on the first line leave the text as it is (and unequal).
            if after:
                k = seed_text.find(after)
                if 0 <= k < len(layout_free(lines[a - 1])):
                    seed_text = seed_text[k + len(after):]
            item = items.get(iid)
            text = layout_free(item.get(field) or "") if item else None
            n += 1
            if text != seed_text:
                failures.append("%s %s: catalog %r\n    seed lines %d-%d %r" % (iid, field, text, a, b, seed_text))
    return n, failures


def main():
    cid = sys.argv[1]
    d = seed_dir()
    if not d:
        print("SKIP: no seeds directory (set TAISAKU_SEED_DIR)")
        return 77
    spec = importlib.util.spec_from_file_location(MODULES[cid], os.path.join(HERE, MODULES[cid] + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with open(os.path.join(d, mod.SEED), encoding="utf-8") as f:
        lines = f.read().split("\n")
    seed = mod.count(lines)
    per_view, per_domain, items = catalog_counts(cid)
    cat = per_domain if getattr(mod, "PER", "view") == "domain" else per_view
    bad = 0
    only = getattr(mod, "ONLY", False)
    for sec in sorted(set(seed) | set(cat), key=lambda s: (len(s), s)):
        if only and sec not in seed:
            print("---- %-10s not counted from the seed  catalog %4s" % (sec, cat.get(sec)))
            continue
        ok = seed.get(sec) == cat.get(sec)
        bad += not ok
        print("%s %-10s seed %4s catalog %4s" % ("ok  " if ok else "FAIL", sec, seed.get(sec), cat.get(sec)))
    n, failures = check_samples(cid, lines, items)
    for f in failures:
        print("FAIL verbatim " + f)
    counted = [s for s in cat if not only or s in seed]
    print("%s: %d of %d sections counted from the seed (%d differ), %d items in all; %d verbatim samples (%d differ)" %
          (cid, len(counted), len(cat), bad, sum(cat.values()), n, len(failures)))
    if n < 10:
        print("FAIL: fewer than 10 verbatim samples")
        return 1
    return 1 if bad or failures else 0


if __name__ == "__main__":
    sys.exit(main())
