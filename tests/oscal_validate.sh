#!/usr/bin/env bash
# Checks the OSCAL export of one catalog:
#   1. it validates against the OSCAL 1.0.6 catalog JSON schema (ajv);
#   2. every id in it (groups, controls, params, parts) is unique, which
#      OSCAL requires but a JSON schema cannot say;
#   3. a second export gives the same bytes.
# Usage: tests/oscal_validate.sh TAISAKU CATALOG
#   TAISAKU  the built taisaku binary (this script builds nothing)
#   CATALOG  a catalog YAML file or id
# Needs `npm install` in the source root (ajv-cli, ajv-formats; package.json).
# OSCAL_SCHEMA overrides the schema file. Exits 0 when all checks pass, else 1.
set -uo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 TAISAKU CATALOG" >&2
	exit 1
fi
taisaku=$1
catalog=$2
root=$(cd "$(dirname "$0")/.." && pwd)
ajv=$root/node_modules/.bin/ajv
schema=${OSCAL_SCHEMA:-$root/tests/oscal-1.0.6/oscal_catalog_schema.json}

fail() {
	echo "FAIL oscal $catalog: $*"
	exit 1
}

[ -x "$taisaku" ] || fail "no taisaku binary at '$taisaku'"
[ -x "$ajv" ] || fail "no $ajv; run 'npm install' in $root"
[ -f "$schema" ] || fail "no OSCAL schema at '$schema' (set OSCAL_SCHEMA)"
command -v node >/dev/null || fail "node is not installed"

tmp=$(mktemp -d) || fail "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

# ajv wants a .json name to know how to parse the file.
"$taisaku" catalog export "$catalog" --format oscal -o "$tmp/first.json" ||
	fail "the export failed"

# draft-07 is what the schema declares. Strict mode stays on: it makes ajv
# refuse the schema when a format (date-time, uri, ...) is unknown, so the
# formats really are checked; ajv-formats provides them. Patterns use \p{L},
# which ajv compiles with the "u" flag.
if ! "$ajv" validate --spec=draft7 -s "$schema" -d "$tmp/first.json" \
	-c ajv-formats --all-errors --errors=text >"$tmp/ajv.log" 2>&1; then
	cat "$tmp/ajv.log"
	fail "not valid against $(basename "$schema")"
fi

if ! node -e '
	const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
	const seen = new Map(), dups = [];
	(function walk(o, path) {
		if (Array.isArray(o))
			return o.forEach((v, i) => walk(v, path + "/" + i));
		if (o === null || typeof o !== "object")
			return;
		if (typeof o.id === "string") {
			if (seen.has(o.id))
				dups.push(o.id + " at " + path + " and " + seen.get(o.id));
			seen.set(o.id, path);
		}
		for (const k of Object.keys(o))
			walk(o[k], path + "/" + k);
	})(doc, "");
	if (dups.length) {
		console.log("duplicate ids:\n  " + dups.join("\n  "));
		process.exit(1);
	}' "$tmp/first.json"; then
	fail "ids are not unique"
fi

"$taisaku" catalog export "$catalog" --format oscal -o "$tmp/second.json" ||
	fail "the second export failed"
if ! cmp -s "$tmp/first.json" "$tmp/second.json"; then
	diff "$tmp/first.json" "$tmp/second.json" | head -20
	fail "two exports differ"
fi

echo "ok oscal $catalog: valid OSCAL 1.0.6, ids unique, reproducible"
