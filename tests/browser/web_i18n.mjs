// The web UI's message table (web/js/i18n.js): Japanese and English have
// the same keys, no message is empty, both languages use the same {n}
// arguments, and every key the code asks for with t('…') exists — also the
// keys built from a prefix (t('status_' + s)) for every value the API can
// send. Runs in node alone (no browser, no server).
//
//   node tests/browser/web_i18n.mjs SOURCE_ROOT
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(process.argv[2] || '.');
const web = path.join(root, 'web', 'js');
// i18n.js reads localStorage only inside a try; node has none: Japanese.
const { messages } = await import(pathToFileURL(path.join(web, 'i18n.js')).href);
let failures = 0;
const fail = (m) => {
	failures++;
	console.log(`FAIL ${m}`);
};
const ja = Object.keys(messages.ja), en = Object.keys(messages.en);
for (const k of ja)
	if (!(k in messages.en))
		fail(`'${k}' has no English text`);
for (const k of en)
	if (!(k in messages.ja))
		fail(`'${k}' has no Japanese text`);
const args = (s) => [...s.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort().join(',');
for (const k of ja) {
	if (!messages.ja[k] || (k in messages.en && !messages.en[k]))
		fail(`'${k}' is empty`);
	if (k in messages.en && args(messages.ja[k]) !== args(messages.en[k]))
		fail(`'${k}' takes {${args(messages.ja[k])}} in Japanese but {${args(messages.en[k])}} in English`);
}
const files = [];
for (const dir of [web, path.join(web, 'views')])
	for (const f of fs.readdirSync(dir))
		if (f.endsWith('.js'))
			files.push(path.join(dir, f));
const used = new Set();
for (const f of files) {
	const src = fs.readFileSync(f, 'utf8');
	for (const m of src.matchAll(/\bt\('([a-z0-9_]+)'[,)]/g))
		used.add(m[1]);
	// t(k, …) over a literal list of keys: [['previous', …], ['next', …]]
	for (const m of src.matchAll(/\[\['([a-z_]+)', i - 1\], \['([a-z_]+)', i \+ 1\]\]/g))
		used.add(m[1]).add(m[2]);
	for (const m of src.matchAll(/list\([^)]*, '([a-z_]+)'\)/g))
		used.add(m[1]);
}
const families = {
	status_: ['met', 'under', 'over', 'unknown', 'na', 'unassessed'],
	imp_: ['critical', 'important', 'general', 'low'],
	role_: ['owner', 'assessor', 'auditor', 'viewer', 'admin'],
	el_: ['core', 'study', 'process', 'management', 'review', 'documentation'],
	kind_: ['core', 'assets', 'na', 'unknown', 'none'],
	audit_: ['at', 'user', 'action', 'target', 'detail', 'remote'],
};
for (const [p, vs] of Object.entries(families))
	for (const v of vs)
		used.add(p + v);
for (const k of used)
	if (!(k in messages.ja))
		fail(`the code uses '${k}', which the table lacks`);
for (const k of ja)
	if (!used.has(k))
		fail(`'${k}' is in the table but never used`);
console.log(`${ja.length} messages, ${used.size} used; ${failures} failed`);
process.exit(failures ? 1 : 0);
