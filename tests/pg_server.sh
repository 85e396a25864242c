#!/usr/bin/env bash
# A real PostgreSQL server for the tests, from Debian's packages (initdb and
# pg_ctl of /usr/lib/postgresql/*/bin), in a temporary directory, listening
# on loopback only, on a free port. Nothing of the machine's own clusters is
# touched.
#   tests/pg_server.sh start [STATE]   starts it and prints its URL
#   tests/pg_server.sh url   [STATE]   prints the URL of the running server
#   tests/pg_server.sh stop  [STATE]   stops it and removes its data
#   tests/pg_server.sh halt  [STATE]   stops it (fast shutdown), keeping its data
#   tests/pg_server.sh resume [STATE]  starts a halted server again, same port
#                                      (fault tests: the database goes away)
# STATE is a directory that remembers the server between the three calls
# (default $TAISAKU_PG_STATE, else build/pg-server in the source tree).
#
# initdb refuses to run as root, and CI runs as root: then the server runs as
# the `postgres` system user (Debian's package creates it), or failing that
# as a dedicated system user `taisaku-pg`, and its data directory is owned by
# that user. The user `taisaku` has a random password, kept in a pgpass file
# (mode 600) that the URL names, so the URL itself holds no secret. The
# server is for tests: fsync is off.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-}
state=${2:-${TAISAKU_PG_STATE:-$root/build/pg-server}}

die() {
	echo "pg_server.sh: $*" >&2
	exit 1
}

bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	[ -n "$d" ] && [ -x "$d/initdb" ] || die "no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)"
	echo "$d"
}

# as_server CMD...: runs a command as the user that owns the server.
as_server() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u "$(cat "$state/user")" -- "$@")
	else
		"$@"
	fi
}

# port_free PORT: nothing listens on 127.0.0.1:PORT.
port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
	[ ! -f "$state/url" ] || die "a server is already running for $state (stop it first)"
	local bin user tmp password port url opts
	bin=$(bindir)
	mkdir -p "$state"
	chmod 700 "$state"
	user=$(id -un)
	if [ "$(id -u)" -eq 0 ]; then
		if id postgres >/dev/null 2>&1; then
			user=postgres
		else
			id taisaku-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin taisaku-pg
			user=taisaku-pg
		fi
	fi
	echo "$user" >"$state/user"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/taisaku-pg.XXXXXX")
	echo "$tmp" >"$state/dir"
	password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
	umask 077
	printf '%s\n' "$password" >"$tmp/pwfile"
	[ "$(id -u)" -ne 0 ] || chown -R "$user" "$tmp"
	as_server "$bin/initdb" -D "$tmp/data" -U taisaku --pwfile="$tmp/pwfile" \
		--auth=scram-sha-256 -E UTF8 --locale=C --no-sync >"$tmp/initdb.log" 2>&1 ||
		{ cat "$tmp/initdb.log" >&2; die "initdb failed"; }
	rm -f "$tmp/pwfile"
	# A free port, tried again if another process takes it first.
	local tries=0
	while :; do
		tries=$((tries + 1))
		port=$((20000 + RANDOM % 40000))
		port_free "$port" || continue
		opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories= -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
		if as_server "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 -o "$opts" start >/dev/null 2>&1; then
			echo "$opts" >"$state/opts"
			break
		fi
		[ "$tries" -lt 5 ] || { cat "$tmp/server.log" >&2; die "the server did not start"; }
	done
	printf '127.0.0.1:%s:*:taisaku:%s\n' "$port" "$password" >"$state/pgpass"
	url="postgresql://taisaku@127.0.0.1:$port/taisaku?passfile=$state/pgpass"
	"$bin/psql" -X -q -v ON_ERROR_STOP=1 "postgresql://taisaku@127.0.0.1:$port/postgres?passfile=$state/pgpass" \
		-c 'CREATE DATABASE taisaku' >/dev/null
	echo "$url" >"$state/url"
	echo "$url"
}

stop() {
	[ -f "$state/dir" ] || return 0
	local tmp
	tmp=$(cat "$state/dir")
	if [ -f "$tmp/data/postmaster.pid" ]; then
		as_server "$(bindir)/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	case $tmp in */taisaku-pg.*) rm -rf "$tmp" ;; esac
	rm -f "$state/url" "$state/dir" "$state/pgpass" "$state/user" "$state/opts"
	rmdir "$state" 2>/dev/null || true
}

case $cmd in
start) start ;;
stop) stop ;;
halt)
	[ -f "$state/dir" ] || die "no server is running for $state"
	as_server "$(bindir)/pg_ctl" -D "$(cat "$state/dir")/data" -m fast -w stop >/dev/null
	;;
resume)
	[ -f "$state/opts" ] || die "no halted server for $state"
	as_server "$(bindir)/pg_ctl" -D "$(cat "$state/dir")/data" -l "$(cat "$state/dir")/server.log" -w -t 60 \
		-o "$(cat "$state/opts")" start >/dev/null
	;;
url)
	[ -f "$state/url" ] || die "no server is running for $state (tests/pg_server.sh start)"
	cat "$state/url"
	;;
*) die "usage: tests/pg_server.sh start|stop|halt|resume|url [STATE]" ;;
esac
