#!/usr/bin/env bash
# Bad input, every kind taisaku accepts, through the real command line
# (docs/robustness.md is the table of what this tries). Each case checks
# the exit status, that the message says what is wrong (its English text,
# --lang en), that no output file was written, and that nothing crashed
# (a sanitizer report or a signal is a failure).
#   tests/robustness.sh TAISAKU [--table | --table-ja]
# --table prints one Markdown row per case (input | bad input | what the
# user sees | exit): docs/robustness.md quotes it. --table-ja does the same
# with the Japanese messages (--lang ja; the message is then not checked).
# The read-only cases need permissions to apply: run as root, taisaku is run
# as the user nobody (setpriv). The disk-full cases use a file-size limit
# (ulimit -f, SIGXFSZ ignored, so write() fails with EFBIG) and, when mount
# is permitted, a full tmpfs (ENOSPC).
set -uo pipefail
taisaku=$(realpath "$1")
table=${2:-}
lang=en
[ "$table" != --table-ja ] || lang=ja
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
export TAISAKU_CATALOG_DIR=$root/catalogs
unset TAISAKU_LANG TAISAKU_DB TAISAKU_NO_CACHE
tmp=$(mktemp -d)
mnt=
cleanup() { [ -z "$mnt" ] || umount "$mnt" 2>/dev/null; chmod -R u+w "$tmp"; rm -rf "$tmp"; }
trap cleanup EXIT
chmod 755 "$tmp"
fail=0
n=0

# As an ordinary user, so that file modes count (root ignores them).
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

# try INPUT BAD EXPECT_RC MESSAGE_REGEX NO_FILE -- COMMAND...
#   runs taisaku --lang en COMMAND in $tmp; NO_FILE is a path that must not
#   exist afterwards ("-" for none); an empty MESSAGE_REGEX: any message. PRE (a variable) is put before taisaku
#   (a wrapper such as setpriv or a shell that sets a ulimit).
PRE=()
try() {
	local input=$1 bad=$2 rc_want=$3 msg=$4 nofile=$5
	shift 6
	n=$((n + 1))
	local rc=0
	[ "$nofile" = - ] || rm -rf "${tmp:?}/$nofile"
	(cd "$tmp" && "${PRE[@]}" "$taisaku" --lang "$lang" "$@") >"$tmp/.out" 2>"$tmp/.err" || rc=$?
	local first
	first=$(grep -v '^$' "$tmp/.err" | head -n 1 | sed "s|$tmp/||g; s|$root/||g")
	local why=()
	[ "$rc" = "$rc_want" ] || why+=("exit $rc, not $rc_want")
	[ -z "$msg" ] || [ "$lang" = ja ] || grep -q -E -- "$msg" "$tmp/.err" || why+=("message does not match /$msg/")
	[ "$nofile" = - ] || [ ! -e "$tmp/$nofile" ] || why+=("$nofile was written")
	if grep -q -E 'Sanitizer|runtime error|Segmentation|core dumped' "$tmp/.err" || [ "$rc" -gt 128 ]; then
		why+=("crashed")
	fi
	if [ ${#why[@]} -gt 0 ]; then
		fail=1
		echo "FAILED: $input / $bad: ${why[*]}" >&2
		sed 's/^/    /' "$tmp/.err" | head -n 5 >&2
	fi
	if [ -n "$table" ]; then
		local nf=""
		[ "$nofile" = - ] || nf=" (no \`$nofile\`)"
		printf '| %s | %s | `%s` | %s%s |\n' "$input" "$bad" "${first//|/\\|}" "$rc" "$nf"
	fi
	[ "$nofile" = - ] || rm -rf "${tmp:?}/$nofile"
}

# ---- inputs -------------------------------------------------------------
cd "$tmp" || exit 1
: >empty.yaml
python3 - "$root" <<'EOF'
import random, sys
# 4 KiB of pseudo-random bytes (seeded: the same garbage every run)
random.seed(7)
garbage = bytes(random.getrandbits(8) for _ in range(4096))
for name in ('garbage.yaml', 'garbage.json', 'garbage.xlsx', 'garbage.db'):
    open(name, 'wb').write(garbage)
open('deep.yaml', 'w').write('[' * 100000 + '\n')
open('deep-map.yaml', 'w').write('{a: ' * 100000 + '\n')
open('deep.json', 'w').write('[' * 100000 + '\n')
# a valid assessment with a 64 MiB comment: large, but nothing to refuse
src = open(sys.argv[1] + '/examples/small-company.yaml', encoding='utf-8').read()
with open('huge.yaml', 'w', encoding='utf-8') as f:
    f.write(src)
    line = '# ' + 'x' * 1022 + '\n'
    f.write(line * 65536)
# a 64 MiB single scalar value (a note), no newline in it
with open('huge-value.yaml', 'w', encoding='utf-8') as f:
    f.write(src.replace('catalog: ecom-2004', 'catalog: ecom-2004\nx: "' + 'y' * (64 << 20) + '"', 1))
EOF
ex=$root/examples/small-company.yaml
printf '\xef\xbb\xbf' | cat - "$ex" >bom.yaml
sed 's/^catalog: ecom-2004/catalog: ecom-2004\nsystem: { name: x, level: 2 }/' "$ex" >dup-key.yaml
sed 's/^catalog: ecom-2004/catalog: ecom-2004\ncatalogue: x/' "$ex" >unknown-key.yaml
sed 's/^  level: 2$/  level: high/' "$ex" >wrong-type.yaml
sed 's/^  level: 2$/  level: [2]/' "$ex" >wrong-type2.yaml
sed 's/^catalog: ecom-2004/catalog: no-such-catalog/' "$ex" >wrong-catalog.yaml
sed 's/^catalog: ecom-2004/catalog: nisc-2012/' "$ex" >other-catalog.yaml
printf 'catalog: ecom-2004\nsystem: { name: "\xff\xfe" }\n' >bad-utf8.yaml
head -c 3000 "$root/tests/data/assessments/small-company.json" >truncated.json
sed 's/"level": 2/"level": "2"/' "$root/tests/data/assessments/small-company.json" >wrong-type.json
printf 'catalog: ecom-2004\n\tsystem: x\n' >tab.yaml
printf 'catalog: ecom-2004\nsystem: &a [*a, *a]\n' >alias.yaml
printf 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n' >billion-laughs.yaml
# compliance assessments
mc=$root/examples/ministry-nisc.yaml
sed 's/"2.2.1.1(1)(a)": { status: implemented,/"2.2.1.1(1)(a)": { status: done,/' "$mc" >c-bad-status.yaml
sed 's/"2.2.1.1(1)(a)": { status: implemented,/"9.9.9": { status: implemented,/' "$mc" >c-unknown-item.yaml
printf 'catalog: nisc-2012\nsystem: { name: x }\nitems:\n  "2.2.1.1(1)(a)": na\n' >c-na-noreason.yaml
printf 'catalog: nisc-2012\nsystem: { name: x }\nitems:\n  "2.2.1.1(1)(a)": implemented\n  "2.2.1.1(1)(a)": partial\n' >c-dup-item.yaml
# profiles
sed '0,/^  value: 2$/s//  value: 9/' "$root/catalogs/profiles/small-company.yaml" >p-bad-level.yaml
printf 'format: taisaku-profile/9\n' >p-bad-format.yaml
# catalogs
cp "$root/tests/data/mini.yaml" cat-ok.yaml
sed '0,/^  id: mini/s//  id: mini\n  id: mini2/' cat-ok.yaml >cat-dup.yaml
sed '0,/^  id: mini/s//  id: mini\n  colour: red/' cat-ok.yaml >cat-unknown.yaml
head -c 2000 cat-ok.yaml >cat-truncated.yaml
# mappings (a catalog directory whose mappings/nisc-2012.yaml is bad)
mkdir -p md1/mappings md2/mappings md3/mappings
: >md1/mappings/nisc-2012.yaml
sed '0,/^to: ecom-2004/s//to: ecom-2004\ncolour: red/' "$root/catalogs/mappings/nisc-2012.yaml" >md2/mappings/nisc-2012.yaml
sed '0,/to: \[\([A-Z][a-z][0-9]\.[0-9]\)/s//to: [Zz9.9/' "$root/catalogs/mappings/nisc-2012.yaml" >md3/mappings/nisc-2012.yaml
# workbooks
head -c 5000 "$root/tests/data/workbooks/mini.xlsx" >truncated.xlsx
python3 - "$root/tests/data/workbooks/mini.xlsx" <<'EOF'
import sys, zipfile
# a zip bomb: a real workbook whose first sheet is 200 MiB of spaces (packs to ~200 KiB)
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile('bomb.xlsx', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for info in src.infolist():
        if info.filename == 'xl/worksheets/sheet1.xml':
            with z.open(info.filename, 'w', force_zip64=True) as f:
                block = b' ' * (1 << 20)
                for _ in range(200):
                    f.write(block)
        else:
            z.writestr(info.filename, src.read(info.filename))
EOF
# a CSV whose note cell is a formula: kept as text, written back after an apostrophe
wb=$root/tests/data/workbooks
python3 - "$wb/mini-filled.csv" <<'EOF'
import csv, io, sys
raw = open(sys.argv[1], encoding='utf-8-sig', newline='').read()
rows = list(csv.reader(io.StringIO(raw)))
rows[1][-1] = '=HYPERLINK("http://evil.example/","x")'
out = io.StringIO()
csv.writer(out, lineterminator='\r\n').writerows(rows)
open('formula.csv', 'w', encoding='utf-8-sig', newline='').write(out.getvalue())
EOF
printf '\xef\xbb\xbfID,状態\r\nMa1.1,"unterminated\r\n' >csv-quote.csv
# OSCAL catalogs
sed '0,/"title": "Policy and Procedures"/s//"title": 7/' "$root/tests/data/oscal/small-catalog.json" >o-wrong-type.json
head -c 1500 "$root/tests/data/oscal/small-catalog.json" >o-truncated.json
printf '{"catalog": {"uuid": "x", "metadata": {}, "groups": [], "colour": 1}}' >o-unknown.json
cd "$root" || exit 1

# ---- catalog YAML (catalog show FILE) -------------------------------------
try 'catalog YAML' 'empty file' 1 'empty' - -- catalog show empty.yaml
try 'catalog YAML' '4 KiB of random bytes' 1 'not valid UTF-8|syntax' - -- catalog show garbage.yaml
try 'catalog YAML' 'a key given twice (`id`)' 1 "cat-dup.yaml:[0-9]+:[0-9]+.*twice|cat-dup.yaml:[0-9]+:[0-9]+.*duplicate" - -- catalog show cat-dup.yaml
try 'catalog YAML' 'an unknown key (`colour`)' 1 "cat-unknown.yaml:[0-9]+:[0-9]+.*colour" - -- catalog show cat-unknown.yaml
try 'catalog YAML' 'cut off after 2000 bytes' 1 'cat-truncated.yaml' - -- catalog show cat-truncated.yaml
try 'catalog YAML' '100 000 nested `[`' 1 'nesting is too deep' - -- catalog show deep.yaml
try 'catalog YAML' 'catalog export to a directory that does not exist' 1 'nodir' nodir -- catalog export ecom-2004 --format json -o nodir/x.json

# ---- ECOM assessment YAML / JSON (evaluate FILE) ---------------------------
try 'assessment YAML' 'no such file' 1 'missing.yaml.*(cannot open|No such)' - -- evaluate missing.yaml
try 'assessment YAML' 'empty file' 1 'empty.yaml: .*empty' out.txt -- evaluate empty.yaml -o out.txt
try 'assessment YAML' '4 KiB of random bytes' 1 'garbage.yaml:1:[0-9]+: not valid UTF-8' out.txt -- evaluate garbage.yaml -o out.txt
try 'assessment YAML' 'invalid UTF-8 in a value (`\xff\xfe`)' 1 'bad-utf8.yaml:2:[0-9]+: not valid UTF-8' out.txt -- evaluate bad-utf8.yaml -o out.txt
try 'assessment YAML' 'a UTF-8 BOM before the document (accepted)' 2 '' - -- evaluate bom.yaml -o out.txt
try 'assessment YAML' '`system` given twice' 1 'dup-key.yaml:[0-9]+:[0-9]+.*system' out.txt -- evaluate dup-key.yaml -o out.txt
try 'assessment YAML' 'an unknown key `catalogue`' 1 "unknown-key.yaml:[0-9]+:[0-9]+.*catalogue.*catalog" out.txt -- evaluate unknown-key.yaml -o out.txt
try 'assessment YAML' '`level: high` (a word for a number)' 1 'wrong-type.yaml:[0-9]+:[0-9]+.*level' out.txt -- evaluate wrong-type.yaml -o out.txt
try 'assessment YAML' '`level: [2]` (a list for a number)' 1 'wrong-type2.yaml:[0-9]+:[0-9]+.*level' out.txt -- evaluate wrong-type2.yaml -o out.txt
try 'assessment YAML' 'a catalog that does not exist' 1 'wrong-catalog.yaml:[0-9]+:[0-9]+.*no-such-catalog' out.txt -- evaluate wrong-catalog.yaml -o out.txt
try 'assessment YAML' 'the wrong catalog (ECOM ratings, `catalog: nisc-2012`)' 1 'other-catalog.yaml:[0-9]+:[0-9]+' out.txt -- evaluate other-catalog.yaml -o out.txt
try 'assessment YAML' 'a tab for indentation' 1 'tab.yaml:2:[0-9]+' out.txt -- evaluate tab.yaml -o out.txt
try 'assessment YAML' 'an alias that refers to itself' 1 'alias.yaml:[0-9]+:[0-9]+' out.txt -- evaluate alias.yaml -o out.txt
try 'assessment YAML' '“billion laughs”: aliases nested 7 deep (9^7 nodes)' 1 'billion-laughs.yaml:[0-9]+:[0-9]+' out.txt -- evaluate billion-laughs.yaml -o out.txt
try 'assessment YAML' '100 000 nested `[`' 1 'deep.yaml:1:[0-9]+: nesting is too deep' out.txt -- evaluate deep.yaml -o out.txt
try 'assessment YAML' '100 000 nested `{a: `' 1 'deep-map.yaml:1:[0-9]+: nesting is too deep' out.txt -- evaluate deep-map.yaml -o out.txt
try 'assessment YAML' 'a valid file with 64 MiB of comments (accepted)' 2 '' - -- evaluate huge.yaml -o out.txt
try 'assessment YAML' 'a 64 MiB scalar under an unknown key' 1 'huge-value.yaml:[0-9]+:[0-9]+.*\bx\b' out.txt -- evaluate huge-value.yaml -o out.txt
try 'assessment JSON' 'cut off after 3000 bytes' 1 'truncated.json:[0-9]+:[0-9]+' out.txt -- evaluate truncated.json -o out.txt
try 'assessment JSON' '`"level": "2"` (a string for a number)' 1 'wrong-type.json:[0-9]+:[0-9]+.*level' out.txt -- evaluate wrong-type.json -o out.txt
try 'assessment JSON' '100 000 nested `[`' 1 'deep.json:1:[0-9]+' out.txt -- evaluate deep.json -o out.txt
try 'assessment JSON' '4 KiB of random bytes' 1 'garbage.json' out.txt -- evaluate garbage.json -o out.txt

# ---- compliance assessment -------------------------------------------------
try 'compliance assessment' 'status `done`' 1 'c-bad-status.yaml:[0-9]+:[0-9]+.*done' out.txt -- evaluate c-bad-status.yaml -o out.txt
try 'compliance assessment' 'an item the catalog does not have (`9.9.9`)' 1 'c-unknown-item.yaml:[0-9]+:[0-9]+.*9\.9\.9' out.txt -- evaluate c-unknown-item.yaml -o out.txt
try 'compliance assessment' '`na` without a reason' 1 'c-na-noreason.yaml:[0-9]+:[0-9]+.*reason' out.txt -- evaluate c-na-noreason.yaml -o out.txt
try 'compliance assessment' 'an item given twice' 1 'c-dup-item.yaml:[0-9]+:[0-9]+' out.txt -- evaluate c-dup-item.yaml -o out.txt

# ---- profile ---------------------------------------------------------------
try 'profile' '`level: 9`' 1 'p-bad-level.yaml:[0-9]+:[0-9]+.*value.*9' - -- profile show p-bad-level.yaml
try 'profile' '`format: taisaku-profile/9`' 1 'p-bad-format.yaml:[0-9]+:[0-9]+.*format' - -- profile show p-bad-format.yaml
try 'profile' 'empty file (plan --profile)' 1 'empty.yaml' plan.yaml -- plan --catalog ecom-2004 --name x --profile empty.yaml -o plan.yaml

# ---- mapping ---------------------------------------------------------------
try 'mapping' 'empty `mappings/nisc-2012.yaml` in --catalog-dir' 1 'nisc-2012.yaml.*empty' out.txt -- project "$root/examples/small-company.yaml" --to nisc-2012 --catalog-dir md1 -o out.txt
try 'mapping' 'an unknown key `colour`' 1 'nisc-2012.yaml:[0-9]+:[0-9]+.*colour' out.txt -- project "$root/examples/small-company.yaml" --to nisc-2012 --catalog-dir md2 -o out.txt
try 'mapping' 'a `to` ID ECOM does not have (`Zz9.9`)' 1 'nisc-2012.yaml:[0-9]+:[0-9]+.*Zz9\.9' out.txt -- project "$root/examples/small-company.yaml" --to nisc-2012 --catalog-dir md3 -o out.txt

# ---- workbooks (import) ----------------------------------------------------
try 'xlsx workbook' 'cut off after 5000 bytes' 1 'truncated.xlsx' out.yaml -- import truncated.xlsx -o out.yaml
try 'xlsx workbook' '4 KiB of random bytes' 1 'garbage.xlsx' out.yaml -- import garbage.xlsx -o out.yaml
try 'xlsx workbook' 'zip bomb (a sheet of 200 MiB of spaces packed into 200 KiB)' 1 'bomb.xlsx.*(zip bomb|too large)' out.yaml -- import bomb.xlsx -o out.yaml
try 'CSV checklist' 'an unterminated quote' 1 'csv-quote.csv' out.yaml -- import csv-quote.csv --base "$wb/mini-assessment.yaml" --catalog-dir "$root/tests/data" -o out.yaml
try 'CSV checklist' 'without --base' 1 'base' out.yaml -- import formula.csv -o out.yaml
try 'CSV checklist' 'a note `=HYPERLINK(...)` (accepted as text)' 0 '' - -- import formula.csv --base "$wb/mini-assessment.yaml" --catalog-dir "$root/tests/data" -o formula.yaml
try 'CSV checklist' '… exported again: the formula is written after an apostrophe' 0 '' - -- export formula.yaml --format csv --catalog-dir "$root/tests/data" -o formula2.csv
if ! grep -q "'=HYPERLINK" "$tmp/formula2.csv"; then fail=1; echo "FAILED: a formula in a CSV cell is not neutralised on export" >&2; fi
try 'xlsx workbook' '… the same note exported to xlsx (a string cell, never a formula)' 0 '' - -- export formula.yaml --format xlsx --catalog-dir "$root/tests/data" -o formula.xlsx
if unzip -p "$tmp/formula.xlsx" 'xl/worksheets/*.xml' | grep -q '<f>'; then fail=1; echo "FAILED: the xlsx holds a formula" >&2; fi
try 'xlsx workbook' 'an existing -o file is not overwritten' 1 'formula.xlsx' - -- export formula.yaml --format xlsx --catalog-dir "$root/tests/data" -o formula.xlsx

# ---- OSCAL catalog JSON (catalog import) -----------------------------------
try 'OSCAL catalog JSON' 'empty file' 1 'empty.yaml' cat.yaml -- catalog import empty.yaml -o cat.yaml
try 'OSCAL catalog JSON' '4 KiB of random bytes' 1 'garbage.json' cat.yaml -- catalog import garbage.json -o cat.yaml
try 'OSCAL catalog JSON' '100 000 nested `[`' 1 'deep.json' cat.yaml -- catalog import deep.json -o cat.yaml
try 'OSCAL catalog JSON' 'a control'"'"'s `"title": 7` (a number for a string)' 1 'o-wrong-type.json.*title' cat.yaml -- catalog import o-wrong-type.json -o cat.yaml
try 'OSCAL catalog JSON' 'a catalog cut off after 1500 bytes' 1 'o-truncated.json:[0-9]+:[0-9]+' cat.yaml -- catalog import o-truncated.json -o cat.yaml

# ---- command line and environment ------------------------------------------
try 'command line' 'an unknown command' 1 'frobnicate' - -- frobnicate
try 'command line' 'an unknown option' 1 '--colour' out.txt -- evaluate "$ex" --colour red -o out.txt
try 'command line' 'an option without its value' 1 '\-o' - -- evaluate "$ex" -o
try 'command line' '`--format pdf`' 1 'pdf' out.txt -- evaluate "$ex" --format pdf -o out.txt
try 'command line' '`--lang fr`' 1 'lang' out.txt -- evaluate "$ex" --lang fr -o out.txt
try 'command line' '`plan --level 7`' 1 'level' plan.yaml -- plan --catalog ecom-2004 --level 7 --name x -o plan.yaml
try 'command line' '-o into a directory that does not exist' 1 'nodir' nodir -- evaluate "$ex" -o nodir/out.txt
PRE=(env TAISAKU_CATALOG_DIR=/nonexistent)
try 'TAISAKU_CATALOG_DIR' 'a directory that does not exist' 1 'ecom-2004' out.txt -- evaluate "$ex" -o out.txt
PRE=(env TAISAKU_LANG=fr)
try 'TAISAKU_LANG' '`fr` (ignored: Japanese, --lang en here)' 2 '' - -- evaluate "$ex" -o out.txt
PRE=(env TAISAKU_DB=nosuchdriver://x)
try 'TAISAKU_DB' 'an unknown URL scheme' 1 'nosuchdriver' - -- org list
PRE=()

# ---- output: read-only directory, disk full ---------------------------------
mkdir -p "$tmp/ro" && chmod 555 "$tmp/ro"
if [ ${#as_user[@]} -gt 0 ] || [ "$(id -u)" != 0 ]; then
	PRE=("${as_user[@]}")
	try 'output (-o)' 'a read-only directory' 1 'ro/out.txt' ro/out.txt -- evaluate "$ex" -o ro/out.txt
	try 'output (-o)' 'a read-only directory (xlsx)' 1 'ro/out.xlsx' ro/out.xlsx -- export "$ex" --format xlsx -o ro/out.xlsx
	PRE=()
fi
# A file-size limit of 64 KiB: the HTML report (larger) cannot be written.
PRE=(bash -c 'trap "" XFSZ; ulimit -f 64; exec "$@"' -)
try 'output (-o)' 'disk full (file-size limit 64 KiB, EFBIG)' 1 'report.html' report.html -- report "$ex" -o report.html
try 'output (-o)' 'disk full, xlsx (file-size limit 64 KiB)' 1 'cannot write the workbook' out.xlsx -- export "$ex" --format xlsx -o out.xlsx
PRE=()
if find "$tmp" -name "*.tmp??????" | grep -q .; then fail=1; echo "FAILED: a temporary file was left behind" >&2; fi

# ---- the store (SQLite) ------------------------------------------------------
db=$tmp/s.db
PRE=()
try 'store URL' '`--db sqlite:` a directory that does not exist' 1 'nodir' nodir -- db init --db "sqlite:$tmp/nodir/s.db"
try 'store URL' '`--db postgresql://` with nothing listening (port 1)' 1 'postgresql|connect|PostgreSQL' - -- org list --db 'postgresql://127.0.0.1:1/x?connect_timeout=2'
try 'store database' 'missing (org list before db init)' 1 'db init|no such|not' missing.db -- org list --db "sqlite:$tmp/missing.db"
try 'store database' 'a file that is not a database' 1 'garbage.db' - -- org list --db "sqlite:$tmp/garbage.db"
"$taisaku" db init --db "sqlite:$db" >/dev/null 2>&1
"$taisaku" org add 北辰 --db "sqlite:$db" >/dev/null 2>&1
"$taisaku" system add 社内業務システム --org 北辰 --db "sqlite:$db" >/dev/null 2>&1
"$taisaku" round import "$ex" --system 社内業務システム --db "sqlite:$db" >/dev/null 2>&1
dump() { sqlite3 "$db" .dump | sha256sum; }
before=$(dump)
if [ ${#as_user[@]} -gt 0 ] || [ "$(id -u)" != 0 ]; then
	chmod 444 "$db"
	PRE=("${as_user[@]}")
	try 'store database' 'read-only file (round import)' 1 'read-only|readonly|s.db' - -- round import "$ex" --system 社内業務システム --db "sqlite:$db"
	try 'store database' 'read-only file (org add)' 1 'read-only|readonly|s.db' - -- org add 別組織 --db "sqlite:$db"
	PRE=()
	chmod 644 "$db"
	[ "$(dump)" = "$before" ] || { fail=1; echo "FAILED: the read-only database changed" >&2; }
fi
# Disk full during an import: no file may grow beyond 40 KiB (room for the
# 32 KiB shared-memory index), so the write-ahead log cannot take a round
# (its document and 117 rating rows).
PRE=(bash -c 'trap "" XFSZ; ulimit -f 40; exec "$@"' -)
try 'store database' 'disk full during round import (file-size limit)' 1 'full|large|s.db|disk' - -- round import "$root/examples/ordinary-company-2025.yaml" --system 社内業務システム --db "sqlite:$db"
PRE=()
[ "$(dump)" = "$before" ] || { fail=1; echo "FAILED: the database changed after a failed import (disk full)" >&2; }
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || { fail=1; echo "FAILED: integrity_check after disk full" >&2; }
[ "$(sqlite3 "$db" 'SELECT count(*) FROM rounds')" = 1 ] || { fail=1; echo "FAILED: the committed round is gone" >&2; }
# The same on a real full file system (a 1 MiB tmpfs), where mount is allowed.
mkdir -p "$tmp/full"
if mount -t tmpfs -o size=1m tmpfs "$tmp/full" 2>/dev/null; then
	mnt=$tmp/full
	fdb=$tmp/full/s.db
	"$taisaku" db init --db "sqlite:$fdb" >/dev/null 2>&1
	"$taisaku" org add 北辰 --db "sqlite:$fdb" >/dev/null 2>&1
	"$taisaku" system add 社内業務システム --org 北辰 --db "sqlite:$fdb" >/dev/null 2>&1
	"$taisaku" round import "$ex" --system 社内業務システム --db "sqlite:$fdb" >/dev/null 2>&1
	fbefore=$(sqlite3 "$fdb" .dump | sha256sum)
	# fill the rest of the file system
	dd if=/dev/zero of="$tmp/full/filler" bs=4k >/dev/null 2>&1
	try 'store database' 'disk full during round import (a full 1 MiB tmpfs, ENOSPC)' 1 'full|disk|s.db' - -- round import "$root/examples/ordinary-company-2025.yaml" --system 社内業務システム --db "sqlite:$fdb"
	try 'output (-o)' 'disk full (a full tmpfs, ENOSPC)' 1 'full/report.html' full/report.html -- report "$ex" -o full/report.html
	rm -f "$tmp/full/filler"
	[ "$(sqlite3 "$fdb" .dump | sha256sum)" = "$fbefore" ] || { fail=1; echo "FAILED: the database on the full disk changed" >&2; }
	[ "$(sqlite3 "$fdb" 'PRAGMA integrity_check')" = ok ] || { fail=1; echo "FAILED: integrity_check after ENOSPC" >&2; }
	umount "$mnt" && mnt=
else
	echo "robustness: mount not permitted, the ENOSPC case (a full tmpfs) is skipped" >&2
fi

echo "robustness: $n cases, $([ $fail = 0 ] && echo ok || echo FAILED)" >&2
exit $fail
