#!/usr/bin/env bash
# Runs one golden case: tests/golden/NAME.cmd holds the arguments to taisaku
# (one shell-quoted line); NAME.out and NAME.err the expected standard output
# and error (a missing .err means none), NAME.code the exit status (0 when
# missing). With --update, rewrites the expectations from the current binary.
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
