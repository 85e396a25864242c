#!/usr/bin/env bash
# taisaku db backup / db restore from the command line, on real SQLite files.
#   tests/store_backup.sh TAISAKU
# A store made with the store's own commands goes through a plain and a
# sealed archive into new databases and comes back identical (its backup
# again, byte for byte but for the first and last lines, which say when and
# hold the checksum; round export gives back the original files). Then the
# failures: wrong passphrase, a changed byte, a cut-off file, a non-empty
# database, no passphrase at all; each exits 1 with a clear message and
# leaves the database without a row. And the backup's columns are checked
# against the real schema, so a column added by a migration cannot be left
# out of backups unnoticed.
set -uo pipefail
command -v sqlite3 >/dev/null || { echo "sqlite3 (the command) is needed: scripts/bootstrap"; exit 1; }
. "$(dirname "$0")/store_env.sh" "$1"
fail=0
t() { "$taisaku" "$@"; }
expect_error() { # NAME PATTERN COMMAND...: exit status 1 and PATTERN on stderr
	local name=$1 pattern=$2
	shift 2
	"$@" >out 2>err
	local rc=$?
	check "$name: exit status" 1 "$rc"
	grep -q -- "$pattern" err || { echo "FAIL: $name: no '$pattern' in:"; cat err; fail=1; }
}
rows() { # DB: all rows of the store's tables, or "none" when there is no file
	[ -e "$1" ] || { echo none; return; }
	sqlite3 -batch -noheader "$1" "SELECT (SELECT COUNT(*) FROM organizations) + (SELECT COUNT(*) FROM systems)
		+ (SELECT COUNT(*) FROM catalogs) + (SELECT COUNT(*) FROM rounds) + (SELECT COUNT(*) FROM ratings)
		+ (SELECT COUNT(*) FROM round_levels)"
}
body() { sed '1d;$d' "$1"; } # an archive without its first and last lines

# A store with two organisations, three systems, four rounds, one closed.
ex=$root/examples
t db init --db src.db >/dev/null
t org add 株式会社みどり野設計事務所 --db src.db >/dev/null
t org add ○○銀行 --db src.db >/dev/null
t system add 社内業務システム --org 株式会社みどり野設計事務所 --industry 建設 --size 小 --db src.db >/dev/null
t system add 勘定系 --org ○○銀行 --industry 金融 --size 大 --db src.db >/dev/null
t system add 情報系 --org ○○銀行 --db src.db >/dev/null
t round import "$ex/small-company.yaml" --system 社内業務システム --db src.db >/dev/null
t round import "$ex/financial-institution.yaml" --system 勘定系 --db src.db >/dev/null
t round import "$ex/ordinary-company-2025.yaml" --system 情報系 --db src.db >/dev/null
t round import "$ex/ordinary-company-2026.yaml" --system 情報系 --db src.db >/dev/null
t round close 3 --db src.db >/dev/null
# Users with roles and an audit trail (taisaku user goes through the serve
# binary beside taisaku, when it is built).
users=false
if t user add 山田 --role owner --org ○○銀行 --db src.db >/dev/null 2>&1; then
	users=true
	t user add admin --role admin --db src.db >/dev/null
	t user disable 山田 --db src.db >/dev/null
	sqlite3 src.db "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, expires_at, remote)
		VALUES ('h', 1, 'c', 1, 1, 9999999999, '127.0.0.1'); INSERT INTO signin_failures VALUES ('x', 1, '127.0.0.1')"
fi
check "rounds in the source" 4 "$(sqlite3 src.db 'SELECT COUNT(*) FROM rounds')"

# Plain round trip.
t db backup -o plain.tkb --db src.db >out || { echo "FAIL: backup"; cat out; fail=1; }
grep -q "backup written: plain.tkb (not encrypted)" out || { echo "FAIL: backup message"; cat out; fail=1; }
check "archive mode" 600 "$(stat -c %a plain.tkb)"
check "first line" '{"format":"taisaku-backup/1"' "$(head -c 28 plain.tkb)"
t db restore plain.tkb --db copy.db >out || { echo "FAIL: restore"; cat out; fail=1; }
grep -q "rounds 4, rating rows 468" out || { echo "FAIL: restore summary"; cat out; fail=1; }
t db backup -o again.tkb --db copy.db >/dev/null
if ! cmp -s <(body plain.tkb) <(body again.tkb); then
	echo "FAIL: the restored store's backup differs:"
	diff <(body plain.tkb) <(body again.tkb) | head -5
	fail=1
fi
t round export 2 -o r2.yaml --db copy.db
cmp -s r2.yaml "$ex/financial-institution.yaml" || { echo "FAIL: round export after restore"; fail=1; }
check "closed flag" "3|1" "$(sqlite3 copy.db 'SELECT id, closed FROM rounds WHERE closed = 1')"
# peer_vectors is not in the archive but rebuilt by the restore, row for row.
vectors="SELECT round_id, system_id, assessed_on, catalog_id, catalog_hash, target_level, level, hex(levels)
	FROM peer_vectors ORDER BY round_id"
check "peer vectors in the source" 3 "$(sqlite3 src.db "SELECT COUNT(*) FROM peer_vectors")"
check "peer vectors after restore" "$(sqlite3 src.db "$vectors")" "$(sqlite3 copy.db "$vectors")"
if $users; then
	check "users after restore" 2 "$(sqlite3 copy.db 'SELECT COUNT(*) FROM users')"
	check "roles after restore" "$(sqlite3 src.db 'SELECT * FROM user_roles')" "$(sqlite3 copy.db 'SELECT * FROM user_roles')"
	check "sessions are not restored" 0 "$(sqlite3 copy.db 'SELECT COUNT(*) FROM sessions')"
	t audit verify --db copy.db >out || { echo "FAIL: audit verify after restore"; cat out; fail=1; }
	check "audit entries after restore" "$(t audit verify --db src.db)" "$(cat out)"
	t user add 新人 --role admin --db copy.db >/dev/null || { echo "FAIL: user add after restore"; fail=1; }
	t audit verify --db copy.db >/dev/null || { echo "FAIL: the audit chain goes on after a restore"; fail=1; }
fi
t --lang ja db restore plain.tkb --db ja.db >out
grep -q "組織 2、システム 3、カタログ 1、評価回 4、評価行 468" out || { echo "FAIL: Japanese summary"; cat out; fail=1; }

# Sealed round trip, the passphrase from a descriptor and from the environment.
printf '%s\n' 'correct horse 電池 staple' >pass
t db backup -o sealed.tkb --encrypt --passphrase-fd 3 --db src.db 3<pass >out || { echo "FAIL: sealed backup"; fail=1; }
grep -q "(encrypted)" out || { echo "FAIL: sealed message"; cat out; fail=1; }
check "sealed magic" "taisaku-backup-sealed/1" "$(head -1 sealed.tkb)"
if grep -q -a "みどり野" sealed.tkb; then echo "FAIL: plain text in the sealed archive"; fail=1; fi
TAISAKU_PASSPHRASE='correct horse 電池 staple' t db restore sealed.tkb --db sealed.db >/dev/null ||
	{ echo "FAIL: sealed restore"; fail=1; }
t db backup -o sealed-again.tkb --db sealed.db >/dev/null
cmp -s <(body plain.tkb) <(body sealed-again.tkb) || { echo "FAIL: sealed round trip differs"; fail=1; }

# Wrong passphrase: nothing happens to the database; a new one is not made.
echo 'correct horse 電池 stapler' >wrong
expect_error "wrong passphrase" "wrong passphrase" t db restore sealed.tkb --db wrong.db --passphrase-fd 3 3<wrong
check "no database made on a wrong passphrase" none "$(rows wrong.db)"
TAISAKU_LANG=ja expect_error "wrong passphrase (ja)" "パスフレーズが違います" \
	t db restore sealed.tkb --db wrong.db --passphrase-fd 3 3<wrong

# A changed byte in the middle of the sealed archive, and in a plain one.
size=$(stat -c %s sealed.tkb)
cp sealed.tkb tampered.tkb
printf 'X' | dd of=tampered.tkb bs=1 seek=$((size / 2)) conv=notrunc status=none
expect_error "tampered sealed" "tampered with" t db restore tampered.tkb --db t1.db --passphrase-fd 3 3<pass
check "rows after a tampered sealed archive" 0 "$(rows t1.db)"
sed 's/"Ma1.1","Ma1","met"/"Ma1.1","Ma1","out"/' plain.tkb >tampered-plain.tkb
cmp -s plain.tkb tampered-plain.tkb && { echo "FAIL: the plain archive was not changed"; fail=1; }
expect_error "tampered plain" "SHA-256 does not match" t db restore tampered-plain.tkb --db t2.db
check "rows after a tampered plain archive" 0 "$(rows t2.db)"

# Cut-off files.
head -c $((size - 40)) sealed.tkb >cut.tkb
expect_error "truncated sealed" "truncated" t db restore cut.tkb --db c1.db --passphrase-fd 3 3<pass
check "rows after a truncated sealed archive" 0 "$(rows c1.db)"
head -c $(($(stat -c %s plain.tkb) / 3)) plain.tkb >cut-plain.tkb
expect_error "truncated plain" "truncated" t db restore cut-plain.tkb --db c2.db
check "rows after a truncated plain archive" 0 "$(rows c2.db)"

# A file that is no backup: refused before any database is made.
expect_error "not a backup" "not a taisaku backup" t db restore "$ex/small-company.yaml" --db nb.db
check "no database made for a file that is no backup" none "$(rows nb.db)"

# A non-empty database is refused, and replaced only when told.
before=$(rows copy.db)
expect_error "non-empty" "not empty" t db restore plain.tkb --db copy.db
check "rows after the refusal" "$before" "$(rows copy.db)"
t org add 後から足した組織 --db copy.db >/dev/null
before=$(rows copy.db)
expect_error "--replace from a damaged file" "SHA-256 does not match" t db restore tampered-plain.tkb --db copy.db --replace
check "rows after a failed --replace (the old contents)" "$before" "$(rows copy.db)"
$users && sqlite3 copy.db "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, expires_at, remote)
	VALUES ('old', 3, 'c', 1, 1, 9999999999, '127.0.0.1')"
t db restore plain.tkb --db copy.db --replace >/dev/null || { echo "FAIL: --replace"; fail=1; }
$users && check "sessions of the replaced store are gone" 0 "$(sqlite3 copy.db 'SELECT COUNT(*) FROM sessions')"
t db backup -o replaced.tkb --db copy.db >/dev/null
cmp -s <(body plain.tkb) <(body replaced.tkb) || { echo "FAIL: --replace did not give the archive's store"; fail=1; }
t org add 復元後の組織 --db copy.db >/dev/null || { echo "FAIL: a new org after a restore"; fail=1; }

# Passphrases never from the command line, never without --encrypt, never empty.
expect_error "passphrase-fd alone" "goes with --encrypt" t db backup -o x.tkb --passphrase-fd 3 --db src.db 3<pass
expect_error "passphrase on the command line" "not known to this command" \
	t db backup -o x.tkb --encrypt --passphrase secret --db src.db
: >empty
expect_error "empty passphrase" "passphrase is empty" t db backup -o x.tkb --encrypt --passphrase-fd 3 --db src.db 3<empty
expect_error "no terminal" "no terminal to ask for the passphrase" setsid -w "$taisaku" db backup -o x.tkb --encrypt --db src.db
[ -e x.tkb ] && { echo "FAIL: an archive was written without a passphrase"; fail=1; }
# A failed backup leaves the file it would have replaced as it was.
cp plain.tkb keep.tkb
expect_error "backup of a missing database" "no database here" t db backup -o keep.tkb --db missing.db
cmp -s plain.tkb keep.tkb || { echo "FAIL: a failed backup changed its target"; fail=1; }
expect_error "backup without -o" "give the file to write with -o" t db backup --db src.db
check "files left beside the archives" "" "$(ls -A | grep tmp || true)"

# The passphrase typed at a terminal (a pseudo-terminal from script(1)):
# asked twice when sealing, once when opening.
if command -v script >/dev/null; then
	printf 'typed pass\ntyped pass\n' | script -qec "'$taisaku' db backup -o typed.tkb --encrypt --db src.db" /dev/null >typed.out 2>&1
	grep -q "Again:" typed.out && grep -q "(encrypted)" typed.out || { echo "FAIL: passphrase at a terminal"; cat typed.out; fail=1; }
	printf 'typed pass\n' | script -qec "'$taisaku' db restore typed.tkb --db typed.db" /dev/null >typed.out 2>&1
	check "restore with the passphrase typed" 4 "$(sqlite3 typed.db 'SELECT COUNT(*) FROM rounds' 2>/dev/null)"
	printf 'one\ntwo\n' | script -qec "'$taisaku' db backup -o typo.tkb --encrypt --db src.db" /dev/null >typed.out 2>&1
	grep -q "the two passphrases differ" typed.out || { echo "FAIL: mismatched passphrases"; cat typed.out; fail=1; }
fi

# The backup's columns are the schema's columns, table by table. Left out
# on purpose (and nowhere else): sessions, live sign-ins whose secrets must
# not outlive them in an archive, and signin_failures, the lockout's recent
# failures; a restore starts with nobody signed in; and peer_vectors, derived
# from the rounds and rebuilt by the restore (checked below). Any other table
# missing from the backup fails here.
unsaved="'sessions', 'signin_failures', 'peer_vectors'"
schema_tables=$(sqlite3 src.db "SELECT name FROM sqlite_master WHERE type = 'table'
	AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' AND name NOT IN ($unsaved) ORDER BY name")
archive_tables=$(grep '^{"table":' plain.tkb | sed 's/^{"table":"\([a-z_]*\)".*/\1/' | sort)
check "tables in the backup" "$(echo "$schema_tables" | tr '\n' ' ')" "$(echo "$archive_tables" | tr '\n' ' ')"
for tb in $schema_tables; do
	want=$(sqlite3 src.db "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('$tb') ORDER BY cid)")
	got=$(grep "^{\"table\":\"$tb\"" plain.tkb | sed 's/.*"columns":\[\(.*\)\]}/\1/; s/"//g')
	check "columns of $tb" "$want" "$got"
done
exit $fail
