// Opens every kind of `taisaku report` in a real browser (Debian's
// chromium, headless, driven by playwright-core) and checks what a reader
// would notice:
//   1. the page makes no request other than for the file itself (and data:
//      URLs), and logs no error (a Content-Security-Policy violation is
//      logged as one): the report must open offline, self-contained;
//   2. no character of the page is drawn as the missing-glyph box (tofu);
//   3. it prints: page.pdf in A4 gives at least one page.
// It also leaves a PNG screenshot and the PDF of each report in
// tests/artifacts/ (gitignored) for people to look at.
//
//   node tests/browser/report.mjs TAISAKU SOURCE_ROOT
//
// How the missing-glyph check works. Chromium falls back, character by
// character, through every font installed (fontconfig) when the report's
// font stack lacks a glyph; it draws the box only when no installed font has
// the character at all. So the check asks the browser itself: it draws each
// distinct non-ASCII character of the page on a canvas, in the font stack the
// page uses (the body's computed font-family, which the SVG charts and the
// print header share), and compares the pixels with those of U+10FFFD, a
// private-use code point that no font maps, which therefore shows exactly
// the box this browser draws for a missing glyph. A character drawn
// identically to that box, or drawn with no ink at all, is a failure. Pixels,
// not widths: a full-width glyph and the box can have the same advance
// width (both 1 em in CJK fonts), so measureText alone cannot tell them
// apart. A second unmapped code point (U+10FFFB) must draw the same box as
// the first, or the reference itself is not trustworthy and the check fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

const [taisakuArg, rootArg] = process.argv.slice(2);
if (!taisakuArg || !rootArg) {
	console.error('usage: node tests/browser/report.mjs TAISAKU SOURCE_ROOT');
	process.exit(2);
}
const taisaku = path.resolve(taisakuArg);
const root = path.resolve(rootArg);
const artifacts = path.join(root, 'tests', 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taisaku-browser-'));

const cases = [];
for (const kind of ['assessment', 'plan', 'improvement'])
	for (const lang of ['ja', 'en'])
		cases.push({ kind, lang, input: 'examples/ordinary-company-2026.yaml', name: `${kind}-${lang}` });
for (const lang of ['ja', 'en'])
	cases.push({ kind: 'improvement', lang, input: 'examples/ordinary-company-2025.yaml', name: `improvement-2025-${lang}` });
// The compliance report, on the four compliance examples (the space
// operator's has the roles and parameters section).
for (const lang of ['ja', 'en'])
	for (const ex of ['defense-supplier-atla', 'ministry-nisc', 'space-operator-rules', 'port-terminal-tos'])
		cases.push({ kind: 'compliance', lang, input: `examples/${ex}.yaml`, name: `compliance-${ex}-${lang}` });
// The documents written from compliance assessments: the organisation's
// rules (space operator; port terminal, another catalog with parameters)
// and the defense implementation plan.
for (const lang of ['ja', 'en']) {
	for (const ex of ['space-operator-rules', 'port-terminal-tos'])
		cases.push({ kind: 'rules', lang, input: `examples/${ex}.yaml`, name: `rules-${ex}-${lang}` });
	cases.push({ kind: 'ssp', lang, input: 'examples/defense-supplier-atla.yaml', name: `ssp-${lang}` });
}

const SHOT_MAX = 12000; // px
let failures = 0;
function fail(name, message) {
	failures++;
	console.log(`FAIL ${name}: ${message}`);
}

// Runs in the page: every distinct character that is not ASCII or a space,
// drawn and compared with the missing-glyph box (see the top of this file).
function findTofu() {
	const chars = new Set();
	const texts = [document.title];
	const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
	while (walker.nextNode()) {
		const parent = walker.currentNode.parentElement;
		if (parent && (parent.tagName === 'STYLE' || parent.tagName === 'SCRIPT'))
			continue;
		texts.push(walker.currentNode.data);
	}
	for (const t of texts)
		for (const ch of t)
			if (ch.codePointAt(0) > 0x7e && !/\s/u.test(ch))
				chars.add(ch);
	const family = getComputedStyle(document.body).fontFamily;
	const size = 40, box = 64;
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = box;
	const g = canvas.getContext('2d', { willReadFrequently: true });
	g.font = `${size}px ${family}`;
	g.textBaseline = 'middle';
	g.fillStyle = '#000';
	const draw = (ch) => {
		g.clearRect(0, 0, box, box);
		g.fillText(ch, 8, box / 2);
		const px = g.getImageData(0, 0, box, box).data;
		let ink = 0, sig = '';
		for (let i = 3; i < px.length; i += 4) {
			ink += px[i] > 0;
			sig += String.fromCharCode(px[i]);
		}
		return { ink, sig, width: g.measureText(ch).width };
	};
	const tofu = draw('\u{10FFFD}'), tofu2 = draw('\u{10FFFB}');
	const bad = [];
	for (const ch of chars) {
		const d = draw(ch);
		if (d.ink === 0 || d.sig === tofu.sig)
			bad.push(ch);
	}
	return { family, checked: chars.size, boxInk: tofu.ink, boxStable: tofu.sig === tofu2.sig, bad };
}

// Pages in a PDF, from its page objects (Chromium writes them uncompressed).
function pdfPages(file) {
	const text = fs.readFileSync(file).toString('latin1');
	return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	viewport: { width: 1100, height: 900 },
	offline: true,
});

try {
	for (const c of cases) {
		const out = path.join(tmp, `${c.name}.html`);
		try {
			execFileSync(taisaku, ['report', c.input, '--kind', c.kind, '--lang', c.lang, '-o', out], {
				cwd: root,
				env: { ...process.env, TAISAKU_CATALOG_DIR: path.join(root, 'catalogs') },
				stdio: ['ignore', 'inherit', 'inherit'],
			});
		} catch (e) {
			fail(c.name, `taisaku report failed: ${e.status ?? e.message}`);
			continue;
		}
		const url = pathToFileURL(out).href;
		const page = await context.newPage();
		const requests = [], errors = [];
		page.on('request', (r) => requests.push(r.url()));
		page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(url, { waitUntil: 'load', timeout: 60000 });
		await page.evaluate(() => document.fonts.ready);

		const foreign = requests.filter((u) => u !== url && !u.startsWith('data:'));
		if (foreign.length)
			fail(c.name, `requests other than the file: ${foreign.join(', ')}`);
		if (errors.length)
			fail(c.name, `console errors: ${errors.join(' | ')}`);

		const glyphs = await page.evaluate(findTofu);
		if (!glyphs.boxStable)
			fail(c.name, 'the missing-glyph reference is not stable; the glyph check cannot be trusted');
		else if (glyphs.bad.length)
			fail(c.name, `${glyphs.bad.length} of ${glyphs.checked} characters are drawn as the missing-glyph box ` +
				`in ${glyphs.family}: ${glyphs.bad.slice(0, 40).join('')}`);

		// The whole page, up to a height an image viewer still shows; the
		// long reports (every requirement with its points) are whole in the PDF.
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		await page.screenshot({ path: path.join(artifacts, `report-${c.name}.png`), fullPage: true,
			clip: { x: 0, y: 0, width: 1100, height: Math.min(height, SHOT_MAX) } });
		const pdf = path.join(artifacts, `report-${c.name}.pdf`);
		await page.pdf({ path: pdf, format: 'A4', printBackground: true });
		const pages = pdfPages(pdf);
		if (pages < 1)
			fail(c.name, 'the PDF has no pages');

		console.log(`${foreign.length || errors.length || glyphs.bad.length || pages < 1 ? 'FAIL' : 'ok  '} ${c.name}: ` +
			`${requests.length} request(s), ${glyphs.checked} characters checked, ${pages} A4 page(s)`);
		await page.close();
	}
} finally {
	await context.close();
	fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(failures ? `${failures} failure(s)` : 'all reports passed');
process.exit(failures ? 1 : 0);
