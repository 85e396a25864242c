#!/usr/bin/env python3
"""Write the sample assessments in examples/ (ECOM 2004, four files).

Developer tool, deterministic (no randomness): the committed files in
examples/ are its output, and each reads as if a security officer had filled
it in by hand.  The organisations are fictitious.

    python3 tools/make-examples.py [--out DIR] [--check]

Every file rates all 117 requirements of catalogs/ecom-2004.yaml: rated, `na`
with a reason, or `unknown`.  The data below is written per requirement and
per organisation; the script only lays it out (flow style, catalog order,
a `# ID title` comment above each entry, as `taisaku plan` writes it) and
checks it against the catalog: every ID present, ranks derived from ○/△/×
answers equal to the rank written next to them, overrides within ±1, and
an independent evaluation (MODEL.md §2-§6) that prints the expected counts.

Data notation (one requirement a line, fields separated by ' | '):

    ID | SPEC | NOTE | EXTRAS

SPEC is `core RANKS` (e.g. `3 BBCBC`, ranks in the order study, process,
management, review, documentation), `assets RANKS` (core per asset, from
the ASSETS table of the organisation), `na REASON` or `unknown`.
EXTRAS are space-separated: `ev=key,key` (evidence from the DOCS table),
`study=ooott` etc. (○/△/× answers in the catalog's column order: the
rank written in RANKS must be the one the answers give).
"""

import argparse
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "catalogs", "ecom-2004.yaml")
PERIPHERALS = ["study", "process", "management", "review", "documentation"]
RANK_ORDER = {"A": 4, "B": 3, "C": 2, "D": 1}
CAUSES = ("計画の無理", "展開の不手際", "管理の不徹底", "対応能力の欠如")


# --------------------------------------------------------------------------
# Catalog
# --------------------------------------------------------------------------

def load_catalog():
    with open(CATALOG, encoding="utf-8") as f:
        c = yaml.safe_load(f)
    reqs = []      # (id, title, domain)
    for v in c["views"]:
        for sv in v["subviews"]:
            for d in sv["domains"]:
                for r in d["requirements"]:
                    reqs.append((r["id"], r["title_ja"], d["id"]))
    sc = c["scoring"]
    periph = {p["id"]: p for p in sc["peripherals"]}
    return reqs, sc, periph


def cell_ok(cell, ans):
    """MODEL.md §2: ○ satisfies ○ △ ―; △ satisfies △ ―; × only ― and '△ or ×'."""
    if cell == "-":
        return True
    for alt in cell.split("|"):
        if alt == "o" and ans == "o":
            return True
        if alt == "t" and ans in ("o", "t"):
            return True
        if alt == "x" and ans == "x":
            return True
    return False


def rank_from_answers(per, answers):
    best = "D"
    for row in per["rows"]:
        if all(cell_ok(c, a) for c, a in zip(row["cells"], answers)):
            if RANK_ORDER[row["rank"]] > RANK_ORDER[best]:
                best = row["rank"]
    return best


def core_from_assets(assets):
    any_imp = any(a[1] for a in assets)
    imp = [a[2] for a in assets if a[1] or not any_imp]
    oth = [a[2] for a in assets if any_imp and not a[1]]
    mi, mo = min(imp), min(oth) if oth else 5
    if mi == 5 and mo == 5:
        return 5
    if mi >= 4 and mo >= 3:
        return 4
    if mi >= 3 and mo >= 2:
        return 3
    if mi >= 2:
        return 2
    return 1


# --------------------------------------------------------------------------
# Parsing the data tables
# --------------------------------------------------------------------------

def parse_table(text, docs, assets_tab, periph):
    out = {}
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 3:
            raise SystemExit("bad line: " + line)
        rid, spec, note = parts[0], parts[1], parts[2]
        extras = parts[3].split() if len(parts) > 3 else []
        e = {"id": rid, "note": note or None, "evidence": [], "answers": {}}
        for x in extras:
            k, _, v = x.partition("=")
            if k == "ev":
                for key in v.split(","):
                    if key not in docs:
                        raise SystemExit(f"{rid}: unknown document {key}")
                    e["evidence"].append(docs[key])
            elif k in PERIPHERALS:
                cols = [c["id"] for c in periph[k]["columns"]]
                if len(v) != len(cols):
                    raise SystemExit(f"{rid}: {k} needs {len(cols)} answers")
                e["answers"][k] = dict(zip(cols, v))
            else:
                raise SystemExit(f"{rid}: unknown extra {x}")
        if spec.startswith("na "):
            e["kind"] = "na"
            e["reason"] = spec[3:].strip()
        elif spec == "unknown":
            e["kind"] = "unknown"
        else:
            m = re.fullmatch(r"(\d|assets) ([ABCD]{5})", spec)
            if not m:
                raise SystemExit(f"{rid}: bad spec {spec}")
            e["kind"] = "rated"
            if m.group(1) == "assets":
                e["assets"] = assets_tab[rid]
                e["core"] = core_from_assets(e["assets"])
            else:
                e["core"] = int(m.group(1))
            e["ranks"] = dict(zip(PERIPHERALS, m.group(2)))
            for k, ans in e["answers"].items():
                got = rank_from_answers(periph[k], list(ans.values()))
                if got != e["ranks"][k]:
                    raise SystemExit(f"{rid}: {k} answers give {got}, table says {e['ranks'][k]}")
        if rid in out:
            raise SystemExit(f"{rid}: twice")
        out[rid] = e
    return out


# --------------------------------------------------------------------------
# Evaluation (independent of the C engine, for the expected counts)
# --------------------------------------------------------------------------

def evaluate(org, reqs, sc):
    th = {int(k): v for k, v in sc["thresholds"].items()}
    tt = {int(k): v for k, v in sc["targets"].items()}
    S = org["system"]["level"]
    res = {"rated": 0, "na": 0, "unknown": 0, "under": 0, "over": 0, "met": 0}
    unders, overs = [], []
    for rid, _title, _dom in reqs:
        e = org["ratings"][rid]
        imp = org.get("importance", {}).get(rid, "general")
        target = tt[S][imp]
        ov = org.get("targets", {}).get(rid)
        if ov:
            if abs(ov[0] - target) != 1 or not 2 <= ov[0] <= 5:
                raise SystemExit(f"{rid}: override {ov[0]} vs derived {target}")
            target = ov[0]
        if e["kind"] == "na":
            res["na"] += 1
            continue
        if e["kind"] == "unknown":
            res["unknown"] += 1
            continue
        res["rated"] += 1
        ach = 1
        for L in (5, 4, 3, 2):
            if e["core"] >= L and all(RANK_ORDER[r] >= RANK_ORDER[th[L]] for r in e["ranks"].values()):
                ach = L
                break
        e["achieved"], e["target"] = ach, target
        if ach < target:
            res["under"] += 1
            unders.append(f"{rid}({ach}<{target})")
        elif ach > target:
            res["over"] += 1
            overs.append(f"{rid}({ach}>{target})")
        else:
            res["met"] += 1
    return res, unders, overs


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

_PLAIN_BAD = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|: |:$|^[-?:]|^\s|\s$")
_LOOKS_TYPED = re.compile(r"^(~|null|true|false|yes|no|on|off|[-+]?\d[\d.:eE+-]*)$", re.I)


def q(s):
    s = str(s)
    if s == "" or _PLAIN_BAD.search(s) or _LOOKS_TYPED.match(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def date_ok(s):
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) is not None


def fmt_evidence(ev):
    items = []
    for title, date, ref in ev:
        assert date_ok(date), date
        f = f"title: {q(title)}, date: {date}"
        if ref:
            f += f", ref: {q(ref)}"
        items.append("{ " + f + " }")
    return "evidence: [ " + ", ".join(items) + " ]"


def fmt_peripheral(e, p):
    if p in e["answers"]:
        a = ", ".join(f"{k}: {v}" for k, v in e["answers"][p].items())
        return f"{p}: {{ {a} }}"
    return f"{p}: {e['ranks'][p]}"


def fmt_rating(rid, e):
    pad = " " * (len(rid) + 6)
    lines = []
    if e["kind"] == "na":
        lines.append(f"na: {q(e['reason'])}")
    elif e["kind"] == "unknown":
        lines.append("unknown: true")
    else:
        periph = ", ".join(fmt_peripheral(e, p) for p in PERIPHERALS)
        if "assets" in e:
            al = []
            for name, imp, core in e["assets"]:
                f = f"name: {q(name)}"
                if imp:
                    f += ", important: true"
                f += f", core: {core}"
                al.append("{ " + f + " }")
            lines.append("assets: [ " + ", ".join(al) + " ]")
            lines.append(periph)
        else:
            lines.append(f"core: {e['core']}, " + periph)
    if e["evidence"]:
        lines.append(fmt_evidence(e["evidence"]))
    if e["note"]:
        lines.append(f"note: {q(e['note'])}")
    body = (",\n" + pad).join(lines)
    return f"  {rid}: {{ {body} }}"


def block_str(key, s, indent):
    return f"{' ' * indent}{key}: {q(s)}"


def write_org(org, reqs, path):
    out = []
    for c in org["header"]:
        out.append(f"# {c}" if c else "#")
    out.append("catalog: ecom-2004")
    sy = org["system"]
    out.append("system:")
    for k in ("name", "level", "organization", "date", "assessor", "reason"):
        if k in sy:
            v = sy[k]
            out.append(f"  {k}: {v if k in ('level', 'date') else q(v)}")
    titles = {r[0]: r[1] for r in reqs}
    order = {r[0]: i for i, r in enumerate(reqs)}
    if org.get("importance"):
        out.append("")
        out.append("# 重要度（特に重要 critical / 重要 important / リスクが特に低い low。記載のないものは general）")
        out.append("importance:")
        for rid in sorted(org["importance"], key=order.get):
            why = org.get("importance_why", {}).get(rid)
            out.append(f"  {rid}: {org['importance'][rid]}" + (f"    # {why}" if why else ""))
    if org.get("targets"):
        out.append("")
        out.append("# 目標レベルの個別調整（導出された目標から ±1、理由必須）")
        out.append("targets:")
        for rid in sorted(org["targets"], key=order.get):
            lv, why = org["targets"][rid]
            out.append(f"  {rid}: {{ level: {lv}, reason: {q(why)} }}")
    if org.get("weights"):
        out.append("")
        out.append("weights:")
        for k in ("requirements", "domains"):
            if org["weights"].get(k):
                items = ", ".join(f"{i}: {w}" for i, w in org["weights"][k].items())
                out.append(f"  {k}: {{ {items} }}")
    if org.get("settings"):
        out.append("")
        items = ", ".join(f"{k}: {v}" for k, v in org["settings"].items())
        out.append(f"settings: {{ {items} }}")
    out.append("")
    out.append("ratings:")
    for rid, title, _ in reqs:
        out.append(f"  # {rid} {title}")
        out.append(fmt_rating(rid, org["ratings"][rid]))
    if org.get("improvements"):
        out.append("")
        out.append("# 改善計画（§5.3.4.4〜5.3.4.6）")
        out.append("improvements:")
        for im in org["improvements"]:
            assert im["cause"] in CAUSES, im["cause"]
            assert im["requirement"] in titles, im["requirement"]
            out.append(f"  # {im['requirement']} {titles[im['requirement']]}")
            out.append(f"  - requirement: {im['requirement']}")
            for k in ("cause", "aim", "content", "steps"):
                if im.get(k):
                    out.append(block_str(k, im[k], 4))
            if im.get("due"):
                assert date_ok(im["due"])
                out.append(f"    due: {im['due']}")
            if im.get("owner"):
                out.append(block_str("owner", im["owner"], 4))
    text = "\n".join(out) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return text


def build(org_def, reqs, periph):
    org = dict(org_def)
    org["ratings"] = parse_table(org_def["table"], org_def["docs"], org_def.get("assets", {}), periph)
    ids = [r[0] for r in reqs]
    missing = [i for i in ids if i not in org["ratings"]]
    extra = [i for i in org["ratings"] if i not in ids]
    if missing or extra:
        raise SystemExit(f"{org_def['file']}: missing {missing}, extra {extra}")
    for k in list(org.get("importance", {})) + list(org.get("targets", {})):
        if k not in ids:
            raise SystemExit(f"{org_def['file']}: unknown requirement {k}")
    notes = {}
    for rid, e in org["ratings"].items():
        n = e["note"]
        if n and n in notes:
            raise SystemExit(f"{org_def['file']}: same note on {notes[n]} and {rid}")
        if n:
            notes[n] = rid
    return org
