# Sourced first by the store's shell tests that work in a folder of their
# own (store_backup.sh, store_backup_cross.sh, store_concurrent_sqlite.sh,
# store_sigkill.sh), with the program as its argument:
#   . "$(dirname "$0")/store_env.sh" "$1"
# Sets taisaku (the program) and root (the checkout); uses the checkout's
# catalogs and English messages, and no database or passphrase from the
# caller's environment; makes a work folder, removed at exit, the current
# folder; and defines check NAME EXPECTED ACTUAL, which sets fail=1 on a
# difference.
taisaku=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export TAISAKU_CATALOG_DIR=$root/catalogs TAISAKU_LANG=en
unset TAISAKU_DB TAISAKU_PASSPHRASE
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
check() { # NAME EXPECTED ACTUAL
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: expected '$2', got '$3'"
		fail=1
	fi
}
