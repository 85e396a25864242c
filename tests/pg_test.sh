#!/usr/bin/env bash
# Runs one test against PostgreSQL, in a database of its own:
#   tests/pg_test.sh PROGRAM [ARGS...]
# The server is the one whose URL is in $TAISAKU_TEST_PG_URL (tests/run
# starts one for the whole run with tests/pg_server.sh); without it, this
# test starts a private server and stops it afterwards, so that
# `meson test --suite pg` works on its own too. A fresh database is made for
# the test, named in $TAISAKU_TEST_DB, and dropped afterwards, whatever the
# test's outcome; the test's exit status is passed on. The database sorts
# text by Japanese rules (ICU ja-JP), as a Japanese site's database may: the
# store must give the same order as on SQLite all the same.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
private=
server=${TAISAKU_TEST_PG_URL:-}
cleanup() {
	if [ -n "${db:-}" ]; then
		"$bin/psql" -X -q "$server" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	fi
	[ -z "$private" ] || "$root/tests/pg_server.sh" stop "$private"
	[ -z "$private" ] || rm -rf "$private"
}
trap cleanup EXIT
if [ -z "$server" ]; then
	private=$(mktemp -d)
	server=$("$root/tests/pg_server.sh" start "$private") || exit 1
fi
# A name of our own for the database: letters and digits only.
db=t_$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
"$bin/psql" -X -q -v ON_ERROR_STOP=1 "$server" \
	-c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'ja-JP'" \
	>/dev/null || exit 1
# The same URL with the new database's name as its path.
TAISAKU_TEST_DB=$(sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/$db#" <<<"$server")
export TAISAKU_TEST_DB
"$@"
