#!/usr/bin/env bash
# Runs one golden case: tests/golden/NAME.cmd holds the arguments to taisaku
# (one shell-quoted line); NAME.out and NAME.err the expected standard output
# and error (a missing .err means none), NAME.code the exit status (0 when
# missing). With --update, rewrites the expectations from the current binary.
# NAME.setup (optional) holds taisaku command lines run first, one a line,
# each of which must succeed (to fill the store for the store's commands).
# Every case has its own empty store: TAISAKU_DB is a file in the case's
# temporary directory, or the fresh database a harness names in
# TAISAKU_TEST_DB (tests/pg_test.sh on the pg branch).
#   tests/golden.sh TAISAKU NAME [--update]
set -uo pipefail
taisaku=$(realpath "$1")
name=$2
update=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/tests/golden
cd "$root"
export TAISAKU_CATALOG_DIR=catalogs
unset TAISAKU_LANG TAISAKU_NO_CACHE
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOLDEN_TMP=$tmp
export TAISAKU_DB=${TAISAKU_TEST_DB:-sqlite:$tmp/golden.db}
if [ -f "$dir/$name.setup" ]; then
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		eval "setup=($line)"
		if ! "$taisaku" "${setup[@]}" >"$tmp/setup.out" 2>&1; then
			echo "setup failed: $line"
			cat "$tmp/setup.out"
			exit 1
		fi
	done <"$dir/$name.setup"
	rm -f "$tmp/setup.out"
fi
eval "args=($(cat "$dir/$name.cmd"))"
"$taisaku" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
code=$?
# Files a case wrote with -o "$GOLDEN_TMP/..." are shown after its output.
for f in "$tmp"/*.file; do
	[ -e "$f" ] || continue
	printf -- '--- %s ---\n' "$(basename "$f")" >>"$tmp/out"
	cat "$f" >>"$tmp/out"
done
if [ "$update" = --update ]; then
	cp "$tmp/out" "$dir/$name.out"
	if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/$name.err"; else rm -f "$dir/$name.err"; fi
	if [ "$code" -ne 0 ]; then echo "$code" >"$dir/$name.code"; else rm -f "$dir/$name.code"; fi
	exit 0
fi
want_code=0
[ -f "$dir/$name.code" ] && want_code=$(cat "$dir/$name.code")
fail=0
if [ "$code" != "$want_code" ]; then
	echo "exit status $code, expected $want_code"
	fail=1
fi
diff -u "$dir/$name.out" "$tmp/out" || fail=1
if [ -f "$dir/$name.err" ]; then
	diff -u "$dir/$name.err" "$tmp/err" || fail=1
elif [ -s "$tmp/err" ]; then
	echo "unexpected standard error:"
	cat "$tmp/err"
	fail=1
fi
exit $fail
