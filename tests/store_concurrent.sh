#!/usr/bin/env bash
# Four processes import into one PostgreSQL store at the same time (the
# database named by $TAISAKU_TEST_DB; tests/pg_test.sh makes it). Every
# import that reported success is there, whole (a round and all of its
# result rows), none is half there, and an import that did not get in says
# "busy, retried" instead of crashing.
#   tests/store_concurrent.sh TAISAKU
set -uo pipefail
taisaku=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TAISAKU_CATALOG_DIR=catalogs
export TAISAKU_LANG=en
export TAISAKU_DB=${TAISAKU_TEST_DB:?run through tests/pg_test.sh}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
sql() { "$bin/psql" -X -At "$TAISAKU_DB" -c "$1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=(examples/ordinary-company-2025.yaml examples/ordinary-company-2026.yaml examples/small-company.yaml
	examples/financial-institution.yaml)
"$taisaku" db init >/dev/null && "$taisaku" org add 並行 >/dev/null || exit 1
for w in 1 2 3 4; do
	"$taisaku" system add "system-$w" --org 並行 >/dev/null || exit 1
done

# writer W: imports 8 rounds one by one; writes "ok" or the message per import.
writer() {
	for i in 1 2 3 4 5 6 7 8; do
		if out=$("$taisaku" round import "${files[$((i % 4))]}" --system "system-$1" --org 並行 2>&1); then
			echo ok
		else
			echo "failed ($?): $out"
		fi
	done >"$tmp/writer-$1"
}
for w in 1 2 3 4; do writer "$w" & done
wait

fail=0
ok=$(cat "$tmp"/writer-* | grep -c '^ok$')
rounds=$(sql "SELECT COUNT(*) FROM rounds")
if [ "$ok" != "$rounds" ]; then
	echo "$ok imports reported success, but the store holds $rounds rounds"
	fail=1
fi
# Anything but success must be the clear busy message with exit status 1.
if grep -v '^ok$' "$tmp"/writer-* | grep -v 'failed (1): .*busy, retried'; then
	echo "an import failed otherwise than 'busy, retried'"
	fail=1
fi
# Whole rounds only: every round has one result row per requirement of its
# catalog (117 for ECOM) and its domain levels.
half=$(sql "SELECT COUNT(*) FROM rounds r WHERE r.n_items <> (SELECT COUNT(*) FROM ratings g WHERE g.round_id = r.id)
	OR NOT EXISTS (SELECT 1 FROM round_levels l WHERE l.round_id = r.id)")
[ "$half" = 0 ] || { echo "$half rounds are half there"; fail=1; }
[ "$(sql "SELECT COUNT(*) FROM ratings")" = "$((rounds * 117))" ] || { echo "rating rows do not add up"; fail=1; }
# Four writers really ran at once: each imported its 8 rounds.
for w in 1 2 3 4; do
	n=$(sql "SELECT COUNT(*) FROM rounds r JOIN systems y ON y.id = r.system_id WHERE y.name = 'system-$w'")
	[ "$n" -gt 0 ] || { echo "writer $w imported nothing"; fail=1; }
done
echo "$ok of 32 imports succeeded; $rounds rounds stored"
exit $fail
