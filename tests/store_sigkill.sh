#!/usr/bin/env bash
# The store survives SIGKILL at any moment of an import (issue 5).
#   tests/store_sigkill.sh TAISAKU [RUNS] [SEED]
# RUNS times (200 by default), starts `taisaku round import` on a real SQLite
# database, alternately of one file and of a batch of three (one
# transaction), and kills it with SIGKILL after a random delay within its
# usual run time. Afterwards:
#   - every import that reported success is there, exactly once;
#   - none is half there: every round has all its rating and level rows, and
#     a batch is there with all three rounds or with none;
#   - PRAGMA integrity_check says ok and PRAGMA foreign_key_check finds nothing;
#   - the database still takes an import.
# The test fails if the kills never landed before an import finished, or
# never after: then it would not have tested anything.
set -uo pipefail
runs=${2:-200}
seed=${3:-$((RANDOM * 32768 + RANDOM))}
command -v sqlite3 >/dev/null || { echo "sqlite3 (the command) is needed: scripts/bootstrap"; exit 1; }
. "$(dirname "$0")/store_env.sh" "$1"
RANDOM=$seed
echo "seed $seed (tests/store_sigkill.sh TAISAKU $runs $seed repeats this run)"

db=sqlite:kill.db
"$taisaku" db init --db $db >/dev/null || exit 1
"$taisaku" org add 検証組織 --db $db >/dev/null || exit 1
"$taisaku" system add 検証システム --org 検証組織 --db $db >/dev/null || exit 1
sample=$root/examples/small-company.yaml

# How long an undisturbed import takes here, so that the kills spread over it.
start=$(date +%s%N)
cp "$sample" probe.yaml
"$taisaku" round import probe.yaml --system 検証システム --db $db >/dev/null || exit 1
single_ms=$((($(date +%s%N) - start) / 1000000 + 5))
echo "an undisturbed import takes about $((single_ms - 5)) ms; kills within $((single_ms * 3 / 2)) ms"

reported=() # files whose import said it succeeded
expected=0  # rounds those imports brought
killed=0
finished=0
begun=$(date +%s)
for ((i = 1; i <= runs; i++)); do
	if ((i % 2)); then
		cp "$sample" "s$i.yaml"
		args=("s$i.yaml")
	else
		mkdir "b$i"
		for x in 1 2 3; do cp "$sample" "b$i/$x.yaml"; done
		args=(--batch "b$i")
	fi
	delay=$((RANDOM % (single_ms * 3 / 2)))
	"$taisaku" round import "${args[@]}" --system 検証システム --db $db >"out$i" 2>&1 &
	pid=$!
	sleep "$(printf '0.%03d' "$delay")"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	rc=$?
	if [ $rc -eq 0 ] && grep -q imported "out$i"; then
		reported+=("$i")
		finished=$((finished + 1))
		expected=$((expected + (i % 2 ? 1 : 3)))
	elif [ $rc -eq 137 ]; then
		killed=$((killed + 1))
	else
		echo "run $i: exit status $rc without being killed:"
		cat "out$i"
		exit 1
	fi
done
took=$(($(date +%s) - begun))

q() { sqlite3 -batch -noheader kill.db "$@"; }
fail=0
# The undisturbed import gives what a whole round holds: 117 requirements.
requirements=$(q "SELECT n_items FROM rounds WHERE document_name = 'probe.yaml'")
levels=$(q "SELECT COUNT(*) FROM round_levels WHERE round_id = 1")
check "integrity_check" ok "$(q 'PRAGMA integrity_check')"
check "foreign_key_check" "" "$(q 'PRAGMA foreign_key_check')"
for i in "${reported[@]}"; do
	if ((i % 2)); then
		check "import $i reported success" 1 "$(q "SELECT COUNT(*) FROM rounds WHERE document_name = 's$i.yaml'")"
	else
		check "batch $i reported success" 3 "$(q "SELECT COUNT(*) FROM rounds WHERE document_name LIKE 'b$i/%'")"
	fi
done
# No round without all its rows, none counted twice.
check "rounds with missing rating rows" 0 "$(q "SELECT COUNT(*) FROM rounds r WHERE n_items != $requirements
	OR (SELECT COUNT(*) FROM ratings t WHERE t.round_id = r.id) != r.n_items")"
check "rounds with missing level rows" 0 "$(q "SELECT COUNT(*) FROM rounds r
	WHERE (SELECT COUNT(*) FROM round_levels l WHERE l.round_id = r.id) != $levels")"
check "files imported twice" 0 "$(q "SELECT COUNT(*) FROM (SELECT document_name FROM rounds
	GROUP BY document_name HAVING COUNT(*) > 1)")"
check "batches half there" 0 "$(q "SELECT COUNT(*) FROM (SELECT substr(document_name, 1, instr(document_name, '/'))
	AS b FROM rounds WHERE document_name LIKE 'b%/%' GROUP BY b HAVING COUNT(*) != 3)")"
# Killed imports that had committed are there whole; the rest not at all.
present=$(q "SELECT COUNT(*) FROM rounds WHERE document_name != 'probe.yaml'")
echo "$runs runs in ${took} s: $finished finished and reported, $killed killed" \
	"($((present - expected)) rounds of killed imports had committed, whole)"
if [ "$killed" -eq 0 ] || [ "$finished" -eq 0 ]; then
	echo "FAIL: the kills should land both before and after imports finish"
	fail=1
fi
cp "$sample" after.yaml
"$taisaku" round import after.yaml --system 検証システム --db $db >/dev/null || { echo "FAIL: no import after the kills"; fail=1; }
exit $fail
