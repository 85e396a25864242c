#!/usr/bin/env bash
# The API tests of taisaku serve (tests/serve/api.test.mjs) against a real
# server on loopback, then the audit trail at the console: `audit verify`
# passes, and after one row is tampered with it names that row.
#   tests/serve/api.sh TAISAKU [DB-URL]
# Without DB-URL (or TAISAKU_TEST_DB) a fresh SQLite file is used; a
# PostgreSQL URL must name an empty database (tests/pg_server.sh makes one).
set -euo pipefail
taisaku=$(realpath "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=${2:-${TAISAKU_TEST_DB:-sqlite:$tmp/serve.db}}
if [ ! -d "$src/node_modules/ajv" ]; then
	echo "tests/serve/api.sh: node_modules missing (run scripts/bootstrap)" >&2
	exit 1
fi
python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"))' \
	"$src/docs/openapi.yaml" "$tmp/openapi.json"
cd "$tmp"
status=0
TAISAKU=$taisaku DB=$db SRC=$src OPENAPI_JSON=$tmp/openapi.json NODE_PATH=$src/node_modules \
	node "$src/tests/serve/api.test.mjs" || status=1

pass=0 fail=0
ok() { if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $*"; fi; }

# TLS: a self-signed certificate; the cookie is Secure and HSTS is sent.
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 1 -subj /CN=127.0.0.1 2>/dev/null
tport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$taisaku" serve --db "$db" --listen "127.0.0.1:$tport" --tls-cert cert.pem --tls-key key.pem >tls.log 2>&1 &
tls_pid=$!
for _ in $(seq 300); do curl -sk -o /dev/null "https://127.0.0.1:$tport/" && break; sleep 0.1; done
curl -sk -D tls.headers -o /dev/null -H 'Content-Type: application/json' \
	-d '{"username":"viewer","password":"Changed-Pass-22"}' "https://127.0.0.1:$tport/api/v1/session"
kill "$tls_pid"
ok grep -q "^HTTP/1.1 200" tls.headers
ok grep -qi "^set-cookie: taisaku_session=.*; Secure" tls.headers
ok grep -qi "^strict-transport-security: max-age=" tls.headers
ok test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$tport/" || true)" != 200

# Failed sign-ins older than the lockout window are deleted as new ones
# come (issue 6): with a 1 s window, after two failures 2 s apart only the
# newer is kept.
sql() { case $db in sqlite:*) sqlite3 "${db#sqlite:}" "$1" ;; *) psql -qtA "$db" -c "$1" ;; esac; }
pport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$taisaku" serve --db "$db" --listen "127.0.0.1:$pport" --lockout-window 1 >prune.log 2>&1 &
prune_pid=$!
for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$pport/" && break; sleep 0.1; done
fail_signin() {
	curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"Wrong-Pass-99\"}" \
		"http://127.0.0.1:$pport/api/v1/session"
}
fail_signin prune-old
ok test "$(sql "SELECT COUNT(*) FROM signin_failures WHERE username = 'prune-old'")" -eq 1
sleep 2.2
fail_signin prune-new
kill "$prune_pid"
ok test "$(sql "SELECT COUNT(*) FROM signin_failures WHERE username = 'prune-old'")" -eq 0
ok test "$(sql "SELECT COUNT(*) FROM signin_failures WHERE username = 'prune-new'")" -eq 1

# The chain at the console, then one row tampered with.
ok "$taisaku" audit verify --db "$db" >/dev/null
n=$("$taisaku" audit list --db "$db" --limit 1000000 | wc -l)
ok test "$n" -gt 50
case $db in
sqlite:*) sqlite3 "${db#sqlite:}" "UPDATE audit SET detail = 'changed' WHERE id = 7" ;;
*) psql -q "$db" -c "UPDATE audit SET detail = 'changed' WHERE id = 7" ;;
esac
set +e
out=$("$taisaku" --lang en audit verify --db "$db" 2>&1)
code=$?
set -e
ok test "$code" -eq 2
ok grep -q "broken at entry 7" <<<"$out"
echo "TLS and the audit trail at the console: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || status=1
exit $status
