#!/usr/bin/env bash
# taisaku benchmark export / import through the command line (issue 9):
#  - the export contains nothing identifying: none of the source store's
#    organisation or system names, nor any name, note, evidence title,
#    reference, assessor or date (full or year-month) of the imported
#    documents; every string in it is a key, the format, a random token,
#    the catalog id or a peer attribute (tests/benchmark_leak.py);
#  - two exports give each organisation different tokens;
#  - importing it into another store adds every system to the peer pool,
#    and the peer group then counts the exporting organisations;
#  - importing the same file twice is refused and changes nothing.
#   tests/benchmark_roundtrip.sh TAISAKU
set -uo pipefail
taisaku=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TAISAKU_CATALOG_DIR=catalogs
unset TAISAKU_LANG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$1"; then echo "FAILED: $2"; fail=1; fi; }

# The source store: the golden cases' six organisations (tests/golden/peers-text.setup).
export TAISAKU_DB=sqlite:$tmp/src.db
while IFS= read -r line; do
	[ -n "$line" ] || continue
	eval "args=($line)"
	"$taisaku" "${args[@]}" >>"$tmp/log" 2>&1 || { echo "setup failed: $line"; cat "$tmp/log"; exit 1; }
done <tests/golden/peers-text.setup
check '"$taisaku" benchmark export -o "$tmp/a.json" >>"$tmp/log"' "export"
check '"$taisaku" benchmark export -o "$tmp/b.json" >>"$tmp/log"' "second export"
docs=$(sed -n 's/^round import \([^ ]*\).*/\1/p' tests/golden/peers-text.setup | sort -u)
check 'python3 tests/benchmark_leak.py "$tmp/a.json" tests/golden/peers-text.setup $docs' "nothing identifying in the export"
check '[ "$(grep -c "\"organisation\"" "$tmp/a.json")" = 8 ]' "8 systems exported"
tokens() { python3 -c 'import json,sys; print("\n".join(sorted({s["organisation"] for s in json.load(open(sys.argv[1]))["systems"]})))' "$1"; }
check '[ "$(tokens "$tmp/a.json" | wc -l)" = 7 ]' "one token per organisation (7)"
check '[ -z "$(comm -12 <(tokens "$tmp/a.json") <(tokens "$tmp/b.json"))" ]' "new tokens with every export"

# The receiving store: one system of its own, no local peers.
export TAISAKU_DB=sqlite:$tmp/dst.db
"$taisaku" db init >>"$tmp/log" 2>&1
"$taisaku" org add 受け手 >>"$tmp/log" 2>&1
"$taisaku" system add 受注 --org 受け手 --industry 製造業 --size 中 >>"$tmp/log" 2>&1
"$taisaku" round import examples/ordinary-company-2026.yaml --system 受注 >>"$tmp/log" 2>&1
check '"$taisaku" peers 受注 --format json | grep "\"organisations\": 0" >/dev/null' "no peers before the import"
check '"$taisaku" benchmark import "$tmp/a.json" | grep "8 システム" >/dev/null' "import adds 8 systems"
check '"$taisaku" peers 受注 --format json | grep "\"organisations\": 6" >/dev/null' "6 external organisations in the group (金融 excluded)"
before=$(sqlite3 "$tmp/dst.db" .dump | sha256sum)
check '! "$taisaku" benchmark import "$tmp/a.json" 2>"$tmp/err"' "second import refused"
check 'grep -q "すでに取り込んであります" "$tmp/err"' "second import says why"
check '[ "$(sqlite3 "$tmp/dst.db" .dump | sha256sum)" = "$before" ]' "refused import changes nothing"
# A bad file: a level out of range names the key; nothing is stored.
sed 's/"level": [0-9.]*/"level": 7/' "$tmp/b.json" >"$tmp/bad.json"
check '! "$taisaku" benchmark import "$tmp/bad.json" 2>"$tmp/err"' "bad file refused"
check 'grep -q "systems\[0\].level" "$tmp/err"' "bad file names the key"
check '[ "$(sqlite3 "$tmp/dst.db" .dump | sha256sum)" = "$before" ]' "bad import changes nothing"
[ $fail = 0 ] || cat "$tmp/log"
exit $fail
