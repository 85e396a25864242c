#!/usr/bin/env bash
# A backup restores across back ends (issue 5): SQLite → PostgreSQL → SQLite
# gives back an identical store. Run through tests/pg_test.sh, which makes a
# fresh PostgreSQL database and names it in $TAISAKU_TEST_DB:
#   tests/pg_test.sh tests/store_backup_cross.sh TAISAKU
# - a SQLite store's backup restored into PostgreSQL: PostgreSQL's own backup
#   is the same, byte for byte but for the first and last lines (which say
#   when and from which back end, and hold the checksum);
# - that backup restored into a new SQLite file: the same again;
# - on PostgreSQL after the restore, round export gives the original files,
#   new keys do not collide with restored ones, a second restore is refused
#   and --replace works, a sealed backup restores too, and a tampered or
#   truncated archive changes nothing there.
set -uo pipefail
pg=${TAISAKU_TEST_DB:?run through tests/pg_test.sh}
. "$(dirname "$0")/store_env.sh" "$1"
fail=0
t() { "$taisaku" "$@"; }
same_store() { # NAME A B: two backups hold the same store
	if ! cmp -s <(sed '1d;$d' "$2") <(sed '1d;$d' "$3"); then
		echo "FAIL: $1:"
		diff <(sed '1d;$d' "$2") <(sed '1d;$d' "$3") | cut -c1-200 | head -6
		fail=1
	fi
}

ex=$root/examples
t db init --db src.db >/dev/null || exit 1
t org add 株式会社みどり野設計事務所 --db src.db >/dev/null
t org add ○○銀行 --db src.db >/dev/null
t system add 社内業務システム --org 株式会社みどり野設計事務所 --industry 建設 --size 小 --db src.db >/dev/null
t system add 勘定系 --org ○○銀行 --industry 金融 --size 大 --db src.db >/dev/null
t system add 情報系 --org ○○銀行 --db src.db >/dev/null
t round import "$ex/small-company.yaml" --system 社内業務システム --db src.db >/dev/null
t round import "$ex/financial-institution.yaml" --system 勘定系 --db src.db >/dev/null
t round import "$ex/ordinary-company-2025.yaml" "$ex/ordinary-company-2026.yaml" --system 情報系 --db src.db >/dev/null
t round close 3 --db src.db >/dev/null
t db backup -o sqlite.tkb --db src.db >/dev/null || exit 1

# SQLite → PostgreSQL.
t db restore sqlite.tkb --db "$pg" >out 2>&1 || { echo "FAIL: restore into PostgreSQL"; cat out; exit 1; }
t db backup -o pg.tkb --db "$pg" >/dev/null || { echo "FAIL: backup of PostgreSQL"; exit 1; }
check "back end named in the PostgreSQL backup" '"backend":"postgresql"' "$(grep -o '"backend":"[a-z]*"' pg.tkb)"
same_store "SQLite → PostgreSQL" sqlite.tkb pg.tkb
for r in 1:small-company 2:financial-institution 3:ordinary-company-2025 4:ordinary-company-2026; do
	t round export "${r%%:*}" -o "r${r%%:*}.yaml" --db "$pg"
	cmp -s "r${r%%:*}.yaml" "$ex/${r#*:}.yaml" || { echo "FAIL: round ${r%%:*} exported from PostgreSQL"; fail=1; }
done
t portfolio ○○銀行 --db src.db >p-sqlite.txt
t portfolio ○○銀行 --db "$pg" >p-pg.txt
cmp -s p-sqlite.txt p-pg.txt || { echo "FAIL: portfolio differs after the restore"; diff p-sqlite.txt p-pg.txt; fail=1; }

# PostgreSQL → SQLite.
t db restore pg.tkb --db back.db >/dev/null || { echo "FAIL: restore into SQLite"; fail=1; }
t db backup -o back.tkb --db back.db >/dev/null
same_store "PostgreSQL → SQLite" sqlite.tkb back.tkb

# The restored PostgreSQL store goes on: its key counters are past the restored keys.
t org add 復元後の組織 --db "$pg" >/dev/null || { echo "FAIL: org add after a restore into PostgreSQL"; fail=1; }
t system add 新システム --org 復元後の組織 --db "$pg" >/dev/null || { echo "FAIL: system add after the restore"; fail=1; }
t round import "$ex/small-company.yaml" --system 新システム --db "$pg" >out 2>&1 || { echo "FAIL: import after the restore"; cat out; fail=1; }
grep -q "round 5 imported" out || { echo "FAIL: the next round number"; cat out; fail=1; }

# Not into a store that holds something; --replace; sealed.
t db restore sqlite.tkb --db "$pg" >out 2>&1
check "restore into a non-empty PostgreSQL database" 1 $?
grep -q "not empty" out || { echo "FAIL: no 'not empty' message"; cat out; fail=1; }
echo 'cross back end' >pass
t db backup -o sealed.tkb --encrypt --passphrase-fd 3 --db src.db 3<pass >/dev/null
t db restore sealed.tkb --replace --passphrase-fd 3 --db "$pg" 3<pass >/dev/null || { echo "FAIL: sealed --replace"; fail=1; }
t db backup -o pg2.tkb --db "$pg" >/dev/null
same_store "sealed SQLite backup → PostgreSQL with --replace" sqlite.tkb pg2.tkb

# A damaged archive changes nothing in PostgreSQL either: the whole restore
# is one transaction there too, rolled back at the first fault.
sed 's/"Ma1.1","Ma1","met"/"Ma1.1","Ma1","out"/' sqlite.tkb >tampered.tkb
t db restore tampered.tkb --replace --db "$pg" >out 2>&1
check "restore of a tampered archive into PostgreSQL" 1 $?
grep -q "SHA-256 does not match" out || { echo "FAIL: no checksum message"; cat out; fail=1; }
head -c $(($(stat -c %s sealed.tkb) - 30)) sealed.tkb >cut.tkb
t db restore cut.tkb --replace --passphrase-fd 3 --db "$pg" 3<pass >out 2>&1
check "restore of a truncated archive into PostgreSQL" 1 $?
grep -q "truncated" out || { echo "FAIL: no 'truncated' message"; cat out; fail=1; }
t db backup -o pg3.tkb --db "$pg" >/dev/null
same_store "PostgreSQL after two failed restores" sqlite.tkb pg3.tkb
exit $fail
