#!/usr/bin/env bash
# Checks one OSCAL export of taisaku:
#   1. it validates against the OSCAL 1.0.6 JSON schema of its model (ajv);
#   2. what a JSON schema cannot say: every id (catalog: groups, controls,
#      params, parts) and every uuid is unique, and every reference inside
#      the document (href "#uuid", observation-uuid, risk-uuid) resolves;
#   3. a second export gives the same bytes.
# Usage: tests/oscal_validate.sh TAISAKU CATALOG
#        tests/oscal_validate.sh TAISAKU --assessment FILE oscal|oscal-poam
#        tests/oscal_validate.sh TAISAKU --import FILE.json
#   TAISAKU  the built taisaku binary (this script builds nothing)
#   CATALOG  a catalog YAML file or id: taisaku catalog export CATALOG --format oscal
#   FILE     an ECOM assessment: taisaku export FILE --format oscal (assessment
#            results) or --format oscal-poam (plan of action and milestones)
#   FILE.json an OSCAL catalog: taisaku catalog import FILE.json, then the
#            export of the catalog it made (NIST's 1.1.2 catalog comes out as
#            valid 1.0.6)
# Needs `npm install` in the source root (ajv-cli, ajv-formats; package.json).
# OSCAL_SCHEMA overrides the schema file. Exits 0 when all checks pass, else 1.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 2 ]; then
	taisaku=$1
	what=$2
	export_cmd=(catalog export "$2" --format oscal)
	model=catalog
elif [ $# -eq 4 ] && [ "$2" = --assessment ] && { [ "$4" = oscal ] || [ "$4" = oscal-poam ]; }; then
	taisaku=$1
	what="$3 $4"
	export_cmd=(export "$3" --format "$4")
	model=$([ "$4" = oscal ] && echo assessment-results || echo poam)
elif [ $# -eq 3 ] && [ "$2" = --import ]; then
	taisaku=$1
	what="import $3"
	import=$3
	model=catalog
else
	echo "usage: $0 TAISAKU CATALOG | $0 TAISAKU --assessment FILE oscal|oscal-poam | $0 TAISAKU --import FILE.json" >&2
	exit 1
fi
ajv=$root/node_modules/.bin/ajv
schema=${OSCAL_SCHEMA:-$root/tests/oscal-1.0.6/oscal_${model}_schema.json}

fail() {
	echo "FAIL oscal $what: $*"
	exit 1
}

[ -x "$taisaku" ] || fail "no taisaku binary at '$taisaku'"
[ -x "$ajv" ] || fail "no $ajv; run 'npm install' in $root"
[ -f "$schema" ] || fail "no OSCAL schema at '$schema' (set OSCAL_SCHEMA)"
command -v node >/dev/null || fail "node is not installed"

tmp=$(mktemp -d) || fail "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
if [ -n "${import:-}" ]; then
	"$taisaku" catalog import "$import" --id imported -o "$tmp/imported.yaml" || fail "the import failed"
	export_cmd=(catalog export "$tmp/imported.yaml" --format oscal)
fi

# ajv wants a .json name to know how to parse the file.
"$taisaku" "${export_cmd[@]}" -o "$tmp/first.json" || fail "the export failed"

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
	const seen = { id: new Map(), uuid: new Map() }, dups = [], refs = [];
	(function walk(o, path) {
		if (Array.isArray(o))
			return o.forEach((v, i) => walk(v, path + "/" + i));
		if (o === null || typeof o !== "object")
			return;
		for (const key of ["id", "uuid"]) {
			if (typeof o[key] !== "string")
				continue;
			if (seen[key].has(o[key]))
				dups.push(key + " " + o[key] + " at " + path + " and " + seen[key].get(o[key]));
			seen[key].set(o[key], path);
		}
		if (typeof o.href === "string" && o.href.startsWith("#"))
			refs.push([o.href.slice(1), path + "/href"]);
		for (const key of ["observation-uuid", "risk-uuid"])
			if (typeof o[key] === "string")
				refs.push([o[key], path + "/" + key]);
		for (const k of Object.keys(o))
			walk(o[k], path + "/" + k);
	})(doc, "");
	const dangling = refs.filter(([r]) => !seen.uuid.has(r) && !seen.id.has(r))
		.map(([r, p]) => r + " at " + p);
	if (dups.length)
		console.log("duplicates:\n  " + dups.join("\n  "));
	if (dangling.length)
		console.log("references to nothing:\n  " + dangling.join("\n  "));
	process.exit(dups.length || dangling.length ? 1 : 0);' "$tmp/first.json"; then
	fail "ids or uuids not unique, or a reference resolves to nothing"
fi

"$taisaku" "${export_cmd[@]}" -o "$tmp/second.json" || fail "the second export failed"
if ! cmp -s "$tmp/first.json" "$tmp/second.json"; then
	diff "$tmp/first.json" "$tmp/second.json" | head -20
	fail "two exports differ"
fi

echo "ok oscal $what: valid OSCAL 1.0.6 $model, ids unique, references resolve, reproducible"
