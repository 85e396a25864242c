#!/usr/bin/env bash
# The store through the command line, on a real SQLite file:
#  - round export gives back every imported file byte for byte (cmp);
#  - a closed round refuses delete and close, and its export is unchanged;
#  - a failing import or batch changes nothing in the database (every
#    table's content hashed before and after).
#   tests/store_cli.sh TAISAKU
set -uo pipefail
taisaku=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TAISAKU_CATALOG_DIR=catalogs
unset TAISAKU_LANG
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TAISAKU_DB=sqlite:$tmp/t.db
fail=0
t() { "$taisaku" "$@" >>"$tmp/log" 2>&1; }
check() { if ! eval "$1"; then echo "FAILED: $2"; fail=1; fi; }
# Everything in the database, as one hash (sqlite3's own dump of the rows).
state() { sqlite3 "$tmp/t.db" .dump | sha256sum; }

t db init
t org add 株式会社北辰精機製作所
t system add 受注管理システム --org 株式会社北辰精機製作所
files=(examples/ordinary-company-2025.yaml examples/ordinary-company-2026.yaml tests/data/assessments/small-company.json tests/data/assessments/with-bom.yaml)
i=0
for f in "${files[@]}"; do
	i=$((i + 1))
	check 't round import "$f" --system 受注管理システム' "import $f"
	check 't round export $i -o "$tmp/out$i"' "export round $i"
	check 'cmp -s "$f" "$tmp/out$i"' "round $i exported byte for byte ($f)"
done

before=$(state)
check '! t round import examples/small-company.yaml' "import into an unknown system fails"
check '! t round import tests/data/assessments/bad-key.yaml --system 受注管理システム' "a bad file fails"
check '! t round import --batch tests/data/assessments --system 受注管理システム' "a batch with a bad file fails"
check '! t round import examples/ordinary-company-2025.yaml --system 受注管理システム --org ない組織' "an unknown organisation fails"
check '! t org add 株式会社北辰精機製作所' "a second organisation of the same name fails"
check '[ "$(state)" = "$before" ]' "failed commands changed nothing"

check 't round close 1' "close round 1"
before=$(state)
check '! t round close 1' "closing a closed round fails"
check '! t round delete 1' "deleting a closed round fails"
check '[ "$(state)" = "$before" ]' "a closed round is unchanged"
check 't round export 1 -o "$tmp/again"' "export a closed round"
check 'cmp -s examples/ordinary-company-2025.yaml "$tmp/again"' "a closed round exports the same bytes"
check 't round delete 2' "an open round can be deleted"
check '[ "$(sqlite3 "$tmp/t.db" "SELECT COUNT(*) FROM ratings WHERE round_id = 2")" = 0 ]' "its rows went with it"
check '[ "$(sqlite3 "$tmp/t.db" "PRAGMA integrity_check")" = ok ]' "integrity_check"
check '[ "$(sqlite3 "$tmp/t.db" "PRAGMA foreign_key_check")" = "" ]' "foreign_key_check"
check '[ "$(sqlite3 "$tmp/t.db" "PRAGMA journal_mode")" = wal ]' "WAL mode"
if [ $fail -ne 0 ]; then cat "$tmp/log"; fi
exit $fail
