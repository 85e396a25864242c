#!/usr/bin/env bash
# The two back ends give the same answers: the same organisations, systems
# and rounds (every example assessment) go into a new SQLite file and into
# the PostgreSQL database named by $TAISAKU_TEST_DB (tests/pg_test.sh makes
# one that sorts by Japanese rules), and every command's output, `history`
# and `portfolio --format json` above all, must be the same byte for byte.
#   tests/store_cross.sh TAISAKU
set -uo pipefail
taisaku=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TAISAKU_CATALOG_DIR=catalogs
unset TAISAKU_LANG TAISAKU_NO_CACHE
pg=${TAISAKU_TEST_DB:?run through tests/pg_test.sh}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# t ARGS...: runs taisaku on $TAISAKU_DB and writes the command, its output
# and its exit status to the transcript (standard output).
t() {
	echo "\$ taisaku $*"
	"$taisaku" "$@" 2>&1
	echo "[exit $?]"
}

# fill: the same story on whichever database TAISAKU_DB names. Names mix
# upper and lower case, kanji and full-width letters, so that an order that
# is not by bytes shows.
fill() {
	"$taisaku" db init >/dev/null || return 1
	t org add ○○省
	t org add Acme
	t org add ○○省
	for sys in 本省LAN 支局LAN b-LAN B-LAN ａ全角; do
		t system add "$sys" --org ○○省 --industry 行政 --size 大
	done
	t system add 本省LAN --org Acme
	t round import examples/ordinary-company-2025.yaml --system 本省LAN --org ○○省
	t round import examples/ordinary-company-2026.yaml --system 本省LAN --org ○○省
	t round import examples/small-company.yaml --system 支局LAN
	t round import examples/financial-institution.yaml --system b-LAN
	t round import examples/small-company.yaml --system 本省LAN --org Acme
	t round import examples/small-company.yaml --system 本省LAN
	t round import examples/no-such-file.yaml --system B-LAN
	t round close 2
	t round delete 2
	t round delete 4
	t org list
	t system list --org ○○省 --lang en
	t round list --system 本省LAN --org ○○省 --format json
	for sys in 本省LAN 支局LAN b-LAN B-LAN; do
		t history "$sys" --org ○○省
		t history "$sys" --org ○○省 --format json --lang en
	done
	t portfolio ○○省
	t portfolio ○○省 --format json
	t portfolio Acme --format json --lang en
	t portfolio nobody --format json
	for r in 1 2 3 5; do
		"$taisaku" round export "$r" -o "$tmp/export-$r" >/dev/null 2>&1 && sha256sum <"$tmp/export-$r"
	done
}

# failed_batch: a batch with a bad file among good ones fails and leaves
# every row as it was (on PostgreSQL the good files' rows have been sent
# ahead in a pipeline by then: the failure must still undo them all).
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# Every row, as pg_dump writes them; not the sequences' positions, which
# PostgreSQL advances even for a transaction rolled back (a failed import
# leaves a gap in the round numbers: documented in docs/store.*.md), nor
# pg_dump's random \restrict key.
pg_state() {
	"$bin/pg_dump" --data-only --no-owner "$pg" | grep -v -E '^(--|\\(un)?restrict |SELECT pg_catalog.setval)' | sha256sum
}
failed_batch() {
	mkdir -p "$tmp/batch"
	cp examples/small-company.yaml "$tmp/batch/1.yaml"
	cp examples/ordinary-company-2026.yaml "$tmp/batch/2.yaml"
	cp tests/data/assessments/bad-key.yaml "$tmp/batch/3.yaml"
	local before after
	before=$(pg_state)
	TAISAKU_DB=$pg "$taisaku" round import --batch "$tmp/batch" --system 支局LAN --org ○○省 >/dev/null 2>&1 &&
		{ echo "store_cross: a batch with a bad file succeeded" >&2; fail=1; }
	TAISAKU_DB=$pg "$taisaku" round import tests/data/assessments/bad-key.yaml --system 支局LAN --org ○○省 \
		>/dev/null 2>&1 && { echo "store_cross: a bad file was imported" >&2; fail=1; }
	after=$(pg_state)
	[ "$before" = "$after" ] || { echo "store_cross: a failed import changed the PostgreSQL database" >&2; fail=1; }
}

fail=0
TAISAKU_DB=sqlite:$tmp/store.db fill >"$tmp/sqlite.txt" || fail=1
TAISAKU_DB=$pg fill >"$tmp/pg.txt" || fail=1
failed_batch
# closed_at is the time of closing: the one thing that may differ.
sed -i -E 's/"closed_at": "[^"]*"/"closed_at": "(time)"/' "$tmp/sqlite.txt" "$tmp/pg.txt"
if ! diff -u --label sqlite --label postgresql "$tmp/sqlite.txt" "$tmp/pg.txt"; then
	echo "store_cross: the back ends differ" >&2
	fail=1
fi
# The transcript must hold what it is meant to compare: rounds with levels
# in history and portfolio, names in byte order, the export of round 1
# identical to its file.
want() {
	grep -q -F -- "$1" "$tmp/pg.txt" || { echo "store_cross: the transcript lacks: $1" >&2; fail=1; }
}
want '"level": 2.6296031746'
want '"name": "B-LAN"'
want "$(sha256sum <examples/ordinary-company-2025.yaml)"
order=$(grep -o '"name": "[^"]*"' "$tmp/pg.txt" | head -5 | tr '\n' ' ')
[ "$order" = '"name": "B-LAN" "name": "b-LAN" "name": "支局LAN" "name": "本省LAN" "name": "ａ全角" ' ] ||
	{ echo "store_cross: systems not in byte order: $order" >&2; fail=1; }
exit $fail
