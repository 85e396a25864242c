#!/usr/bin/env bash
# The exported workbook as an office suite reads it: LibreOffice (headless)
# converts the xlsx of examples/ordinary-company-2026.yaml to CSV, and the
# values must be there: every requirement ID, the Japanese titles intact,
# and the core and ranks of a few requirements as the assessment gives them.
# Then LibreOffice saves the workbook again as xlsx, as an officer's office
# suite would, and importing that gives the same assessment text as
# importing the original.
#   tests/office_check.sh TAISAKU
set -euo pipefail
taisaku=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TAISAKU_CATALOG_DIR=catalogs
unset TAISAKU_LANG
command -v soffice >/dev/null || { echo "soffice (libreoffice-calc-nogui) is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$taisaku" export examples/ordinary-company-2026.yaml --format xlsx -o "$tmp/sheet.xlsx"
# A profile of its own, so that a running LibreOffice or a user's settings
# do not get in the way; filter options 44,34,76: comma, double quote, UTF-8.
HOME=$tmp soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$tmp" "$tmp/sheet.xlsx" >"$tmp/soffice.log" 2>&1 ||
	{ cat "$tmp/soffice.log"; exit 1; }
[ -s "$tmp/sheet.csv" ] || { echo "LibreOffice wrote no CSV"; cat "$tmp/soffice.log"; exit 1; }
"$taisaku" catalog export ecom-2004 --format csv -o "$tmp/catalog.csv"
python3 - "$tmp/sheet.csv" "$tmp/catalog.csv" <<'PY'
import csv, sys

rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
header = next(i for i, r in enumerate(rows) if r and r[0] == "ID")
cols = {name: i for i, name in enumerate(rows[header])}
for name in ["ID", "対策要求", "対策のポイント", "状態", "対策コア", "検討のレベル", "プロセスの確立",
             "実行管理", "見直し", "文書化", "対象外の理由", "根拠資料", "備考"]:
    assert name in cols, f"no column {name!r} in {rows[header]}"
byid = {r[0]: r for r in rows[header + 1:] if r and "." in r[0]}

catalog = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
idkey = next(k for k in catalog[0] if k.lower() == "id")
titlekey = next(k for k in catalog[0] if k.lower() == "title_ja")
failures = []
for req in catalog:
    got = byid.get(req[idkey])
    if got is None:
        failures.append(f"{req[idkey]}: missing")
    elif got[cols["対策要求"]] != req[titlekey]:
        failures.append(f"{req[idkey]}: title {got[cols['対策要求']]!r}, expected {req[titlekey]!r}")

# From examples/ordinary-company-2026.yaml.
expect = {
    "Ma1.1": ["評価済み", "3", "B", "B", "B", "B", "B"],
    "Ma1.3": ["評価済み", "3", "○○○○△", "B", "B", "B", "B"],
    "Ba4.1": ["評価済み", "4", "B", "B", "○△", "B", "B"],
    "Tb1.10": ["対象外", "", "", "", "", "", ""],
    "Tb1.5": ["わからない", "", "", "", "", "", ""],
}
order = ["状態", "対策コア", "検討のレベル", "プロセスの確立", "実行管理", "見直し", "文書化"]
for rid, want in expect.items():
    got = [byid[rid][cols[c]] for c in order]
    if got != want:
        failures.append(f"{rid}: {got}, expected {want}")
if "（１）" not in byid["Ma1.1"][cols["対策のポイント"]]:
    failures.append("Ma1.1: the points lost their Japanese numbering")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"LibreOffice read {len(byid)} requirements; titles and ratings as exported")
PY
mkdir "$tmp/resaved"
HOME=$tmp soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/resaved" "$tmp/sheet.xlsx" >"$tmp/soffice.log" 2>&1 ||
	{ cat "$tmp/soffice.log"; exit 1; }
"$taisaku" import "$tmp/sheet.xlsx" -o "$tmp/original.yaml"
"$taisaku" import "$tmp/resaved/sheet.xlsx" -o "$tmp/resaved.yaml"
diff -u "$tmp/original.yaml" "$tmp/resaved.yaml"
echo "the workbook saved again by LibreOffice imports to the same assessment"

# The compliance checklist (examples/space-operator-rules.yaml, with its
# roles and parameters) the same way: LibreOffice reads every item with its
# status and the chosen texts, and the workbook it saves again imports to
# the assessment itself.
"$taisaku" export examples/space-operator-rules.yaml --format xlsx -o "$tmp/compliance.xlsx"
HOME=$tmp soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$tmp" "$tmp/compliance.xlsx" >"$tmp/soffice.log" 2>&1 ||
	{ cat "$tmp/soffice.log"; exit 1; }
[ -s "$tmp/compliance.csv" ] || { echo "LibreOffice wrote no CSV of the compliance checklist"; cat "$tmp/soffice.log"; exit 1; }
python3 - "$tmp/compliance.csv" examples/space-operator-rules.yaml <<'PY'
import csv, sys
import yaml

rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
header = next(i for i, r in enumerate(rows) if r and r[0] == "ID")
cols = {name: i for i, name in enumerate(rows[header])}
byid = {r[0]: r for r in rows[header + 1:] if r and r[0]}
a = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
labels = {"implemented": "実施済み", "partial": "一部実施", "not-implemented": "未実施", "na": "対象外", "unknown": "不明"}
failures = []
for iid, v in a["items"].items():
    st = v if isinstance(v, str) else (v or {}).get("status")
    got = byid.get(iid)
    if got is None:
        failures.append(f"{iid}: missing")
    elif got[cols["状態"]] != labels.get(st, ""):
        failures.append(f"{iid}: status {got[cols['状態']]!r}, expected {labels.get(st)!r}")
for key in ("roles", "parameters"):
    for k, v in a[key].items():
        if byid.get(k, [None] * len(cols))[cols["組織の選択"]] != v:
            failures.append(f"{k}: chosen text not {v!r}")
if failures:
    print("\n".join(failures[:20]))
    sys.exit(1)
print(f"LibreOffice read {len(a['items'])} compliance items and "
      f"{len(a['roles']) + len(a['parameters'])} roles and values as exported")
PY
HOME=$tmp soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/resaved" "$tmp/compliance.xlsx" >"$tmp/soffice.log" 2>&1 ||
	{ cat "$tmp/soffice.log"; exit 1; }
"$taisaku" import "$tmp/resaved/compliance.xlsx" -o "$tmp/compliance.yaml"
diff -u examples/space-operator-rules.yaml "$tmp/compliance.yaml"
echo "the compliance checklist saved again by LibreOffice imports to the same assessment"
