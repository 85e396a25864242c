#!/usr/bin/env bash
# Concurrent writers on one SQLite store (issue 5).
#   tests/store_concurrent_sqlite.sh TAISAKU
# 1. Four processes import at the same time, started together: three import
#    their files one by one, the fourth as one batch (one long transaction).
#    Every import succeeds (a busy database is retried inside taisaku), and
#    every round is there, once, with all its rows.
# 2. A writer that cannot get the lock in time (another process holds it for
#    longer than taisaku retries) fails with exit status 1 and the clear
#    "busy, retried" message, not a crash, and changes nothing; tried again
#    once the lock is free, its import lands.
set -uo pipefail
command -v sqlite3 >/dev/null || { echo "sqlite3 (the command) is needed: scripts/bootstrap"; exit 1; }
. "$(dirname "$0")/store_env.sh" "$1"
sample=$root/examples/small-company.yaml
per_writer=12
db=sqlite:w.db
"$taisaku" db init --db $db >/dev/null || exit 1
"$taisaku" org add 並行組織 --db $db >/dev/null || exit 1
"$taisaku" system add 並行システム --org 並行組織 --db $db >/dev/null || exit 1
fail=0
q() { sqlite3 -batch -noheader w.db "$@"; }

# 1. Four writers at once.
for w in 1 2 3 4; do
	mkdir "w$w"
	for ((k = 1; k <= per_writer; k++)); do cp "$sample" "w$w/$k.yaml"; done
done
writer() { # N: waits for the start, then imports its files
	while [ ! -e go ]; do sleep 0.001; done
	if [ "$1" = 4 ]; then
		"$taisaku" round import --batch w4 --system 並行システム --db $db >"log$1" 2>&1 || echo "batch failed" >>"log$1.fail"
		return
	fi
	for ((k = 1; k <= per_writer; k++)); do
		"$taisaku" round import "w$1/$k.yaml" --system 並行システム --db $db >>"log$1" 2>&1 ||
			echo "w$1/$k.yaml failed" >>"log$1.fail"
	done
}
for w in 1 2 3 4; do writer $w & done
start=$(date +%s%N)
touch go
wait
took=$((($(date +%s%N) - start) / 1000000))
for w in 1 2 3 4; do
	if [ -e "log$w.fail" ]; then
		echo "FAIL: writer $w:"
		cat "log$w.fail" "log$w"
		fail=1
	fi
done
total=$((4 * per_writer))
check "rounds" "$total" "$(q 'SELECT COUNT(*) FROM rounds')"
check "distinct files" "$total" "$(q 'SELECT COUNT(DISTINCT document_name) FROM rounds')"
check "rating rows" "$((total * 117))" "$(q 'SELECT COUNT(*) FROM ratings')"
check "rounds with missing rows" 0 "$(q 'SELECT COUNT(*) FROM rounds r
	WHERE (SELECT COUNT(*) FROM ratings t WHERE t.round_id = r.id) != r.n_items')"
check "integrity_check" ok "$(q 'PRAGMA integrity_check')"
echo "4 writers, $total rounds in $took ms: all there"

# 2. The lock held longer than taisaku retries (about 10 s); two writers,
#    one in English and one in Japanese, wait for it meanwhile.
sqlite3 w.db "BEGIN IMMEDIATE;" ".shell touch locked; sleep 13" "COMMIT;" &
holder=$!
while [ ! -e locked ]; do sleep 0.01; done
cp "$sample" late.yaml
start=$(date +%s%N)
TAISAKU_LANG=ja "$taisaku" round import late.yaml --system 並行システム --db $db >/dev/null 2>late.ja &
ja=$!
"$taisaku" round import late.yaml --system 並行システム --db $db >late.out 2>late.err
rc=$?
waited=$((($(date +%s%N) - start) / 1000000))
wait $ja
rc_ja=$?
check "exit status of the writer that found the database busy" 1 "$rc"
check "exit status of the other (Japanese)" 1 "$rc_ja"
if ! grep -q "database busy, retried [0-9]* times" late.err; then
	echo "FAIL: no 'busy, retried' message:"
	cat late.out late.err
	fail=1
fi
grep -q "データベースが使用中です（[0-9]* 回再試行しました）" late.ja || { echo "FAIL: Japanese message:"; cat late.ja; fail=1; }
echo "the blocked writer gave up after $waited ms: $(cat late.err)"
wait $holder
check "rounds after the refused imports" "$total" "$(q 'SELECT COUNT(*) FROM rounds')"
# Retried once the lock is free, it lands.
"$taisaku" round import late.yaml --system 並行システム --db $db >/dev/null || { echo "FAIL: the retry"; fail=1; }
check "rounds after the retry" "$((total + 1))" "$(q 'SELECT COUNT(*) FROM rounds')"
check "integrity_check at the end" ok "$(q 'PRAGMA integrity_check')"
exit $fail
