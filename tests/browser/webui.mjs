// The web UI in a real browser (Debian's chromium, headless, driven by
// playwright-core) against a real `taisaku serve` on loopback with a
// temporary SQLite database: nothing is mocked.
//
//   node tests/browser/webui.mjs TAISAKU SOURCE_ROOT
//
// What it does, as a user would:
//   1. keyboard only: signs in as the first administrator with the one-time
//      password, is made to change it, enrols TOTP (the code computed here,
//      RFC 6238), keeps the recovery codes; signs out and in again with a
//      fresh TOTP code — checking the focus order and that focus is visible;
//   2. sees the organisation's systems with their latest level;
//   3. adds a system, creates its first round at level 3, plans it (level 4,
//      an importance, an override with its reason) and checks the targets
//      the server derives change;
//   4. rates requirements in the assessment editor and watches the
//      requirement's and the system's level change with each save; one
//      rating is done by keyboard only; ○/△/× answers, N/A and unknown too;
//      each is checked against what the API stored;
//   5. opens the results (the report's SVG charts, gaps), downloads the
//      report and the Excel workbook, changes a rating, uploads the
//      workbook and sees the rating and the level restored;
//   5b. opens a compliance round (atla-ssr), changes an item's status by
//      keyboard and sees the compliance (overall and its section's) change,
//      is asked for the reason of "not applicable", sees the open items and
//      downloads the compliance report;
//   6. English: the UI switches language; a viewer signs in (one-time
//      password, no TOTP) and is offered nothing that changes data;
//   7. the page never requests anything but the server (no external
//      resource) and logs no error (a CSP violation is logged as one).
// Screenshots at 1366×768 go to tests/artifacts/webui-*.png.
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

const [taisakuArg, rootArg] = process.argv.slice(2);
if (!taisakuArg || !rootArg) {
	console.error('usage: node tests/browser/webui.mjs TAISAKU SOURCE_ROOT');
	process.exit(2);
}
const taisaku = path.resolve(taisakuArg);
const root = path.resolve(rootArg);
const artifacts = path.join(root, 'tests', 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taisaku-webui-'));
const dbUrl = `sqlite:${path.join(tmp, 'taisaku.db')}`;

let failures = 0, checks = 0;
function check(cond, what) {
	checks++;
	if (!cond) {
		failures++;
		console.log(`FAIL ${what}`);
	} else {
		console.log(`ok   ${what}`);
	}
}

// ---- RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) from the base32 secret ----
function base32(s) {
	const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const ch of s.replace(/=+$/, '').toUpperCase()) {
		const v = abc.indexOf(ch);
		if (v < 0)
			throw new Error(`not base32: ${ch}`);
		bits += v.toString(2).padStart(5, '0');
	}
	const out = [];
	for (let i = 0; i + 8 <= bits.length; i += 8)
		out.push(parseInt(bits.slice(i, i + 8), 2));
	return Buffer.from(out);
}
function totp(secret, when = Date.now()) {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(when / 1000 / 30)));
	const mac = crypto.createHmac('sha1', base32(secret)).update(counter).digest();
	const off = mac[mac.length - 1] & 0xf;
	const n = (mac.readUInt32BE(off) & 0x7fffffff) % 1000000;
	return String(n).padStart(6, '0');
}
// A code from a time step not used yet (a server may refuse a code twice).
let lastStep = -1;
async function freshTotp(secret) {
	let step = Math.floor(Date.now() / 30000);
	if (step <= lastStep) {
		await new Promise((r) => setTimeout(r, (lastStep + 1) * 30000 - Date.now() + 200));
		step = Math.floor(Date.now() / 30000);
	}
	lastStep = step;
	return totp(secret);
}

// ---- the server ----
function cli(args, input) {
	return execFileSync(taisaku, args, { cwd: root, input, env: { ...process.env, TAISAKU_DB: dbUrl, LANG: 'C.UTF-8' }, encoding: 'utf8' });
}
function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

const ORG = '株式会社北辰精機製作所';
const SYS = '受注管理システム';
const ADMIN_OTP = 'Ichiji-Pass-2026!';
const ADMIN_PW = 'Kanri-Sha-Pass-9#';
cli(['db', 'init']);
cli(['org', 'add', ORG]);
cli(['system', 'add', SYS, '--org', ORG, '--industry', '製造業', '--size', '従業員650名']);
cli(['round', 'import', 'examples/ordinary-company-2025.yaml', '--system', SYS]);
cli(['round', 'import', 'examples/ordinary-company-2026.yaml', '--system', SYS]);
// a compliance round (issue 7): the defence supplier's sample assessment of atla-ssr
const CSYS = '設計情報保護システム';
cli(['system', 'add', CSYS, '--org', ORG, '--industry', '製造業', '--size', '従業員650名']);
cli(['round', 'import', 'examples/defense-supplier-atla.yaml', '--system', CSYS]);
cli(['user', 'add', 'admin', '--role', 'admin', '--password-stdin'], ADMIN_OTP + '\n');
const VIEWER_OTP = 'Etsuran-Pass-2026!';
const VIEWER_PW = 'Etsuran-Shin-2026#';
cli(['user', 'add', 'yamada', '--role', 'viewer', '--org', ORG, '--password-stdin'], VIEWER_OTP + '\n');

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(taisaku, ['serve', '--listen', `127.0.0.1:${port}`], {
	cwd: tmp, env: { ...process.env, TAISAKU_DB: dbUrl }, stdio: ['ignore', 'pipe', 'pipe'],
});
let serverLog = '';
server.stdout.on('data', (d) => { serverLog += d; });
server.stderr.on('data', (d) => { serverLog += d; });
for (let i = 0; ; i++) {
	try {
		const r = await fetch(base + '/');
		if (r.ok)
			break;
	} catch { /* not yet */ }
	if (i > 100 || server.exitCode !== null) {
		console.log(`FAIL the server did not start:\n${serverLog}`);
		process.exit(1);
	}
	await new Promise((r) => setTimeout(r, 100));
}

const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	viewport: { width: 1366, height: 768 },
	acceptDownloads: true,
	locale: 'ja-JP',
});
const foreign = [];
await context.route('**/*', (route) => {
	const url = route.request().url();
	if (url.startsWith(base + '/') || url.startsWith('data:'))
		return route.continue();
	foreign.push(url);
	return route.abort();
});
const page = await context.newPage();
if (process.env.WEBUI_DEBUG)
	page.on('response', async (r) => console.log(`     ${r.request().method()} ${r.url().replace(base, '')} ${r.status()} ${r.status() >= 400 ? await r.text().catch(() => '') : ''}`));
const consoleErrors = [];
page.on('console', (m) => {
	// The browser logs every 4xx answer as "Failed to load resource"; the
	// UI expects some (401 before sign-in, 401 totp_required). Anything
	// else logged as an error (a CSP violation, an exception) is a failure.
	if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
		consoleErrors.push(m.text());
});
page.on('pageerror', (e) => consoleErrors.push(String(e)));

async function shot(name) {
	await page.screenshot({ path: path.join(artifacts, `webui-${name}.png`) });
}
const focused = () => page.evaluate(() => {
	const a = document.activeElement;
	const s = getComputedStyle(a);
	return { tag: a.tagName, type: a.type || '', name: a.name || '', id: a.id, text: (a.textContent || '').trim().slice(0, 40),
		outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, req: a.dataset ? a.dataset.req || '' : '' };
});
const api = async (p) => {
	const r = await page.request.get(base + '/api/v1' + p);
	return r.json();
};
async function until(fn, what, ms = 8000) {
	const end = Date.now() + ms;
	for (;;) {
		try {
			if (await fn())
				return true;
		} catch { /* not yet */ }
		if (Date.now() > end) {
			check(false, `${what} (timed out)`);
			return false;
		}
		await page.waitForTimeout(100);
	}
}

try {
	// ---- 1. first sign-in, by keyboard only ----
	await page.goto(base + '/');
	await page.waitForSelector('input[name="username"]');
	await shot('signin');
	let f = await focused();
	check(f.name === 'username', 'the sign-in page opens with the focus in the user name');
	await page.keyboard.type('admin');
	await page.keyboard.press('Tab');
	f = await focused();
	check(f.name === 'password', 'Tab goes from the user name to the password');
	check(f.outline, 'the focused field shows a visible outline');
	await page.keyboard.type(ADMIN_OTP);
	await page.keyboard.press('Tab');
	f = await focused();
	check(f.tag === 'BUTTON' && f.type === 'submit', 'Tab goes from the password to the sign-in button');
	check(f.outline, 'the focused button shows a visible outline');
	await page.keyboard.press('Enter');
	// Forced: the one-time password must be changed.
	await page.waitForSelector('h1:text("最初の設定")');
	await shot('first-password');
	f = await focused();
	check(f.type === 'password', 'the forced password change opens with the focus in the current password');
	check(await page.locator('nav#nav a').count() === 0, 'no navigation before the forced steps are done');
	await page.keyboard.type(ADMIN_OTP);
	await page.keyboard.press('Tab');
	await page.keyboard.type(ADMIN_PW);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab'); // past the policy hint's field into the repeat field
	f = await focused();
	if (f.tag !== 'INPUT') // the hint is text, not a stop: one Tab too many means we are on the button
		await page.keyboard.press('Shift+Tab');
	await page.keyboard.type(ADMIN_PW);
	await page.keyboard.press('Enter');
	// Forced: TOTP enrolment.
	await page.waitForSelector('text=登録を始める');
	f = await focused();
	check(f.tag === 'BUTTON', 'the enrolment start button has the focus');
	await page.keyboard.press('Enter');
	await page.waitForSelector('#totp-secret');
	const secret = (await page.textContent('#totp-secret')).trim();
	const uri = (await page.textContent('#totp-uri')).trim();
	check(/^[A-Z2-7]+=*$/.test(secret), 'the TOTP secret is shown in base32');
	check(uri.startsWith('otpauth://totp/') && uri.includes(`secret=${secret}`), 'the otpauth URI carries the secret');
	await shot('totp-enrol');
	f = await focused();
	check(f.tag === 'INPUT', 'the code field has the focus');
	await page.keyboard.type(await freshTotp(secret));
	await page.keyboard.press('Enter');
	await page.waitForSelector('#recovery-codes li');
	check(await page.locator('#recovery-codes li').count() === 10, 'ten recovery codes are shown');
	await shot('recovery-codes');
	await page.keyboard.press('Tab');
	f = await focused();
	check(f.tag === 'BUTTON', 'Tab reaches the continue button after the recovery codes');
	await page.keyboard.press('Enter');
	await page.waitForSelector(`a:text("${SYS}")`);
	// Sign out, then in again with a fresh TOTP code.
	await page.click('#signout');
	await page.waitForSelector('input[name="username"]');
	await page.keyboard.type('admin');
	await page.keyboard.press('Tab');
	await page.keyboard.type(ADMIN_PW);
	await page.keyboard.press('Enter');
	await page.waitForSelector('input[name="totp"]:visible');
	f = await focused();
	check(f.name === 'totp', 'after the password the TOTP code field appears and has the focus');
	await shot('signin-totp');
	await page.keyboard.type('000000' === totp(secret) ? '111111' : '000000');
	await page.keyboard.press('Enter');
	await page.waitForSelector('p.error[role="alert"]:visible');
	check(true, 'a wrong TOTP code is refused with a message');
	await page.keyboard.type(await freshTotp(secret));
	await page.keyboard.press('Enter');
	await page.waitForSelector(`a:text("${SYS}")`);
	check(true, 'signed in with password and TOTP');

	// ---- 2. the systems with their latest level ----
	const row = page.locator('table.systems tbody tr', { hasText: SYS });
	const rowText = await row.textContent();
	const rounds = (await api('/systems/1/rounds')).rounds;
	const latest = rounds[rounds.length - 1];
	check(rowText.includes((Math.round(latest.level * 10) / 10).toFixed(1)) && rowText.includes(`/ ${latest.target}`),
		`the systems page shows the latest level against the target (${rowText.replace(/\s+/g, ' ').slice(0, 80)})`);
	await shot('systems');

	// ---- 3. a new system, its first round, the plan ----
	await page.click('summary:text("システムを追加")');
	await page.fill('label:text("システム名") + input', '経費精算システム');
	await page.click('form.inline-form button:text("システムを追加")');
	await page.waitForSelector('h1:text("経費精算システム")');
	await page.selectOption('label:text("システムの目標レベル") + select', '3');
	await page.click('button:text("評価回を作成")');
	await page.waitForSelector('#plan-level');
	const roundId = Number(page.url().match(/round\/(\d+)\/plan/)[1]);
	const ev0 = await api(`/rounds/${roundId}/evaluation`);
	const ma11 = ev0.requirements.find((r) => r.id === 'Ma1.1');
	await page.selectOption('#plan-level', '4');
	await page.fill('#plan-reason', '取引先の会計データを扱うため、平均より一段高い強度とする');
	await page.selectOption('select[aria-label="Ma1.1 の重要度"]', 'critical');
	const ovSel = page.locator('select[aria-label="Ma1.2 の目標の調整"]');
	const ovValue = await ovSel.locator('option').nth(1).getAttribute('value');
	await ovSel.selectOption(ovValue);
	await page.fill('input[aria-label="Ma1.2 の目標を調整する理由"]', '監査法人の指摘により強化');
	await page.click('button:text("計画を保存")');
	await page.waitForSelector('#plan-saved');
	const plan = await api(`/rounds/${roundId}/plan`);
	check(plan.level === 4 && plan.importance['Ma1.1'] === 'critical' && plan.overrides['Ma1.2'] &&
		plan.overrides['Ma1.2'].level === Number(ovValue) && plan.overrides['Ma1.2'].reason === '監査法人の指摘により強化',
		'the plan the server stored is the one entered');
	const ev1 = await api(`/rounds/${roundId}/evaluation`);
	const ma11b = ev1.requirements.find((r) => r.id === 'Ma1.1');
	check(ev1.system.target === 4 && ma11b.derived_target > ma11.derived_target,
		`the derived target of Ma1.1 rose with the level and its importance (${ma11.derived_target} → ${ma11b.derived_target})`);
	const derivedCell = await page.locator('tr', { has: page.locator('select[aria-label="Ma1.1 の重要度"]') }).locator('td.num').textContent();
	check(derivedCell.trim() === String(ma11b.derived_target), 'the plan page shows the new derived target after saving');
	await shot('plan');

	// ---- 4. the assessment editor ----
	await page.click('nav.tabs a:text("評価入力")');
	await page.waitForSelector('#req-panel h2');
	await page.click('.tree a[data-req="Ma1.1"]');
	await page.waitForSelector('#req-title:has-text("Ma1.1")');
	check(await page.locator('details.points .point').count() >= 3, 'the requirement shows its countermeasure points from the catalog');
	const summary = () => page.textContent('#round-summary');
	const reqLevel = () => page.textContent('#req-level');
	const before = await summary();
	await page.check('#kind-core');
	await page.selectOption('#core-level', '2');
	for (const el of ['検討レベル', 'プロセスの確立', '実行管理', '見直し', '文書化'])
		await page.selectOption(`select[aria-label="${el} のランク"]`, 'C');
	await until(async () => (await reqLevel()).includes('達成: 2'), 'Ma1.1 rated core 2, ranks C: achieved 2');
	const mid = await summary();
	check(mid !== before, `the system level changes live (${before.replace(/\s+/g, ' ').slice(0, 40)} → ${mid.replace(/\s+/g, ' ').slice(0, 40)})`);
	await page.selectOption('#core-level', '3');
	for (const el of ['検討レベル', 'プロセスの確立', '実行管理', '見直し'])
		await page.selectOption(`select[aria-label="${el} のランク"]`, 'B');
	// Documentation as ○/△/× answers: ○△ is rank B (table 4-12).
	await page.selectOption('select[aria-label="文書化 の入力方法"]', 'answers');
	const answers = page.locator('.periph', { hasText: '文書化' }).locator('.answers select');
	const nAnswers = await answers.count();
	check(nAnswers === 2, `documentation asks the two points of table 4-12 (${nAnswers})`);
	if (nAnswers === 2) {
		await answers.nth(0).selectOption('o');
		await answers.nth(1).selectOption('t');
	} else { // without the catalog's questions: go on with a rank, the check above failed
		await page.selectOption('select[aria-label="文書化 の入力方法"]', 'rank');
		await page.selectOption('select[aria-label="文書化 のランク"]', 'B');
	}
	await page.fill('#note', '基本方針は社長承認');
	await page.locator('#note').blur();
	await until(async () => (await reqLevel()).includes('達成: 3'), 'Ma1.1 rated core 3, ranks B (one by ○△): achieved 3');
	await until(async () => (await page.textContent('#save-state')).includes('保存しました'), 'the editor says it saved');
	const chip = await page.textContent('.tree a[data-req="Ma1.1"] .chip');
	check(/^3\//.test(chip.trim()), `the tree shows the new level of Ma1.1 (${chip})`);
	let ratings = (await api(`/rounds/${roundId}/ratings`)).ratings;
	check(JSON.stringify(ratings['Ma1.1']) === JSON.stringify({ core: 3, study: 'B', process: 'B', management: 'B', review: 'B',
		documentation: { mechanism: 'o', actual: 't' }, note: '基本方針は社長承認' }), `the server stored the rating entered (${JSON.stringify(ratings['Ma1.1'])})`);
	await shot('assess');

	// N/A needs its reason; unknown.
	await page.click('.tree a[data-req="Ma1.3"]');
	await page.waitForSelector('#req-title:has-text("Ma1.3")');
	await page.check('#kind-na');
	await until(async () => (await page.textContent('#save-state')).includes('理由'), 'N/A without a reason is not saved and says why');
	await page.fill('#na-reason', '単一拠点のため該当しない');
	await page.locator('#na-reason').blur();
	await until(async () => (await api(`/rounds/${roundId}/ratings`)).ratings['Ma1.3']?.na === '単一拠点のため該当しない', 'N/A with its reason is stored');
	await page.click('.tree a[data-req="Ma1.4"]');
	await page.waitForSelector('#req-title:has-text("Ma1.4")');
	await page.check('#kind-unknown');
	await until(async () => (await api(`/rounds/${roundId}/ratings`)).ratings['Ma1.4']?.unknown === true, 'unknown is stored');
	await until(async () => (await reqLevel()).includes('達成: 1'), 'unknown counts as achieved 1');

	// One rating by keyboard only: walk the tree with Tab to Ma1.2, Enter,
	// then the kind, the core level and the five ranks.
	await page.locator('#main').focus();
	let reached = false;
	for (let i = 0; i < 80 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = (await focused()).req === 'Ma1.2';
	}
	check(reached, 'Tab reaches Ma1.2 in the requirement tree');
	check((await focused()).outline, 'the focused tree link shows a visible outline');
	await page.keyboard.press('Enter');
	await page.waitForSelector('#req-title:has-text("Ma1.2")');
	f = await focused();
	check(f.id === 'req-title', 'Enter on a requirement moves the focus to its heading');
	// Past the purpose and the points (two summaries) to the kind radios.
	for (let i = 0; i < 6 && (await focused()).type !== 'radio'; i++)
		await page.keyboard.press('Tab');
	f = await focused();
	check(f.type === 'radio' && f.id === 'kind-none', 'Tab reaches the rating kind, on the checked choice (not assessed)');
	// Arrow keys move through a radio group; from the last it wraps to the first.
	await page.keyboard.press('ArrowRight');
	check((await focused()).id === 'kind-core' && await page.isChecked('#kind-core'), 'an arrow key chooses "rated"');
	await page.keyboard.press('Tab');
	f = await focused();
	check(f.id === 'core-level', 'Tab goes from the rating kind to the core level');
	await page.keyboard.type('3');
	for (let k = 0; k < 5; k++) {
		await page.keyboard.press('Tab'); // how the element is given
		await page.keyboard.press('Tab'); // its rank
		await page.keyboard.type('B');
	}
	await page.keyboard.press('Tab');
	await until(async () => {
		const r = (await api(`/rounds/${roundId}/ratings`)).ratings['Ma1.2'];
		return r && r.core === 3 && ['study', 'process', 'management', 'review', 'documentation'].every((k) => r[k] === 'B');
	}, 'the keyboard-only rating of Ma1.2 is stored (core 3, all B)');
	await until(async () => (await reqLevel()).includes('達成: 3'), 'Ma1.2 shows achieved 3');
	await shot('assess-keyboard');

	// ---- 5. results, downloads, workbook upload (on the imported round 2) ----
	const r2 = latest.id;
	await page.goto(`${base}/#/round/${r2}/results`);
	await page.waitForSelector('.charts svg');
	check(await page.locator('.charts svg').count() >= 2, 'the results show the report\'s SVG charts');
	const report = await (await page.request.get(`${base}/api/v1/rounds/${r2}/report?kind=assessment&lang=ja`)).text();
	const firstSvg = await page.locator('.charts svg').first().evaluate((s) => s.outerHTML);
	check(report.includes(firstSvg.slice(0, 200)), 'the chart is the report\'s own SVG');
	const ev2 = await api(`/rounds/${r2}/evaluation`);
	check(await page.locator('#gaps-h').textContent().then((s) => s.includes(`（${ev2.under.length}）`)), `the gaps list counts ${ev2.under.length} requirements under target`);
	await shot('results');
	let [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
	const reportFile = path.join(tmp, 'report.html');
	await dl.saveAs(reportFile);
	const reportText = fs.readFileSync(reportFile, 'utf8');
	check(/^<!doctype html/i.test(reportText) && reportText.includes('<svg'), 'the report downloads as HTML with its charts');
	[dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-workbook')]);
	const wb = path.join(tmp, 'checklist.xlsx');
	await dl.saveAs(wb);
	const wbBytes = fs.readFileSync(wb);
	check(wbBytes.length > 1000 && wbBytes.subarray(0, 2).toString() === 'PK', `the workbook downloads as .xlsx (${wbBytes.length} bytes)`);
	// Change one rating of round 2 in the editor, then upload the workbook:
	// the workbook's rating (and the level) come back.
	const orig = (await api(`/rounds/${r2}/ratings`)).ratings;
	const level0 = ev2.system.level;
	await page.goto(`${base}/#/round/${r2}/assess/Ma1.1`);
	await page.waitForSelector('#req-title:has-text("Ma1.1")');
	await page.check('#kind-unknown');
	await until(async () => (await api(`/rounds/${r2}/ratings`)).ratings['Ma1.1']?.unknown === true, 'round 2: Ma1.1 changed to unknown');
	const level1 = (await api(`/rounds/${r2}/evaluation`)).system.level;
	check(level1 < level0, `the level fell (${level0} → ${level1})`);
	await page.click('nav.tabs a:text("結果")');
	await page.waitForSelector('#workbook-file');
	await page.setInputFiles('#workbook-file', wb);
	await page.click('#workbook-upload');
	await page.waitForSelector('#flash');
	check((await page.textContent('#flash')).includes('チェックリストを取り込みました'), 'the page says it imported the checklist');
	const after = (await api(`/rounds/${r2}/ratings`)).ratings;
	check(JSON.stringify(after['Ma1.1']) === JSON.stringify(orig['Ma1.1']), `the uploaded workbook restored the rating of Ma1.1 (${JSON.stringify(after['Ma1.1'])} vs ${JSON.stringify(orig['Ma1.1'])})`);
	const level2 = (await api(`/rounds/${r2}/evaluation`)).system.level;
	check(Math.abs(level2 - level0) < 1e-9, `the level is back (${level2})`);
	await shot('results-uploaded');

	// ---- history and differences ----
	await page.goto(`${base}/#/system/1`);
	await page.waitForSelector('table.rounds');
	await page.click('button:text("比較")');
	await page.waitForSelector('.diff-out h3');
	check((await page.textContent('.diff-out')).includes('→'), 'the differences between two rounds are shown');
	await shot('history');

	// ---- users and roles (administrator) ----
	await page.goto(`${base}/#/users`);
	await page.waitForSelector('table.users');
	await page.fill('form.card label:text("ユーザー名") + input', 'tanaka');
	await page.fill('form.card label:text("一時パスワード") + input', 'Hyouka-Sha-2026!');
	await page.selectOption(`select[aria-label="${ORG} でのロール"] >> nth=-1`, 'assessor');
	await page.click('button:text("ユーザーを追加")');
	await page.waitForSelector('table.users th:text("tanaka")');
	const tanaka = (await api('/users')).users.find((u) => u.username === 'tanaka');
	check(tanaka && tanaka.must_change_password && tanaka.roles.length === 1 && tanaka.roles[0].role === 'assessor',
		'a user added on the users page holds the assessor role and a one-time password');
	await shot('users');

	// ---- compliance rounds: the editor and the results ----
	const cy = (await api('/organizations/1/systems')).systems.find((y) => y.name === CSYS);
	check(cy && cy.latest.kind === 'compliance', 'the compliance system\'s latest round is a compliance round');
	await page.goto(`${base}/#/`);
	await page.waitForSelector(`a:text("${CSYS}")`);
	check((await page.textContent(`tr:has(a:text("${CSYS}"))`)).includes('準拠率'), 'the systems list shows the compliance of the compliance system');
	await page.click(`a:text("${CSYS}")`);
	await page.waitForSelector('tr.compliance-round');
	await page.click('tr.compliance-round a:text("項目の評価")');
	await page.waitForSelector('select[data-item="S2.1.2.d"]');
	const cr = Number(page.url().match(/round\/(\d+)\/items/)[1]);
	const items = async () => (await api(`/rounds/${cr}/items`)).sections.flatMap((x) => x.items);
	const c0 = Number(await page.getAttribute('#compliance-summary', 'data-compliance'));
	const t0 = await page.textContent('#compliance-summary');
	check((await page.textContent('[id="item-S2.1.1"] .ctext')).startsWith('防衛関連企業は、自社の保有又は使用する保護システムについて'), 'the item shows the catalog\'s text verbatim');
	// by keyboard: S2.1.2.d is not implemented; two steps up is implemented
	await page.focus('select[data-item="S2.1.2.d"]');
	check((await focused()).outline, 'the status selector shows its focus');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await until(async () => (await items()).find((i) => i.id === 'S2.1.2.d').status === 'implemented', 'S2.1.2.d saved as implemented (keyboard)');
	await until(async () => Number(await page.getAttribute('#compliance-summary', 'data-compliance')) > c0, 'the compliance on the page rose');
	const cev = await api(`/rounds/${cr}/evaluation`);
	const t1 = await page.textContent('#compliance-summary');
	check(t1 !== t0 && t1.includes(`${(Math.round(cev.overall.compliance * 1000) / 10).toFixed(1)}%`), `the page shows the new compliance (${t0} → ${t1})`);
	check((await page.textContent('[id="section-S2-1"] summary')).includes(`${(Math.round(cev.sections[0].compliance * 1000) / 10).toFixed(1)}%`), 'the section shows its new compliance');
	// not applicable needs a reason: not saved until it is given
	await page.selectOption('select[data-item="S2.1.2.e"]', 'na');
	check((await page.textContent('[id="item-S2.1.2.e"] .save-state')).includes('対象外の理由'), 'na without a reason asks for the reason');
	check((await items()).find((i) => i.id === 'S2.1.2.e').status === 'not-implemented', 'and is not saved');
	await page.fill('[id="item-S2.1.2.e"] .creason', '該当する方針文書がない');
	await page.keyboard.press('Tab');
	await until(async () => (await items()).find((i) => i.id === 'S2.1.2.e').reason === '該当する方針文書がない', 'na saved with its reason');
	// evidence: added, typed, saved when the field is left
	await page.click('[id="item-S2.1.1"] button:text("証跡を追加")');
	await page.keyboard.type('システムセキュリティ実装計画書 第3版');
	await page.keyboard.press('Tab');
	await until(async () => (await items()).find((i) => i.id === 'S2.1.1').evidence.some((e) => e.title === 'システムセキュリティ実装計画書 第3版'), 'evidence added to S2.1.1 is saved');
	await shot('compliance-items');
	await page.click('nav.tabs a:text("結果")');
	await page.waitForSelector('#cs-sections');
	const cev2 = await api(`/rounds/${cr}/evaluation`);
	check((await page.textContent('#cs-open-h')).includes(`（${cev2.open.length}）`), `the results count ${cev2.open.length} open items`);
	check(await page.locator('#cs-open a:text-is("S2.1.2.d")').count() === 0 && await page.locator('#cs-open a:text-is("S2.1.2.f")').count() === 1,
		'the open items list no longer has S2.1.2.d, still has S2.1.2.f');
	[dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
	await dl.saveAs(path.join(tmp, 'compliance.html'));
	check(fs.readFileSync(path.join(tmp, 'compliance.html'), 'utf8').includes('S2.1.2.d'), 'the compliance report downloads');
	await shot('compliance-results');
	await page.goto(`${base}/#/round/${cr}/assess`);
	await page.waitForSelector('select[data-item="S2.1.1"]');
	check(page.url().endsWith(`#/round/${cr}/items`), 'the ECOM editor\'s address of a compliance round leads to its items');
	// a second compliance round with the statuses copied, one changed, then the two compared
	await page.goto(`${base}/#/system/${cy.id}`);
	await page.waitForSelector('#copy-ratings');
	await page.check('#copy-ratings');
	await page.click('button:text("評価回を作成")');
	await page.waitForSelector('select[data-item="S2.1.2.f"]');
	const cr2 = Number(page.url().match(/round\/(\d+)\/items/)[1]);
	check(cr2 !== cr, 'a new compliance round opens in its item editor');
	await page.selectOption('select[data-item="S2.1.2.f"]', 'implemented');
	await until(async () => (await api(`/rounds/${cr2}/items`)).sections.flatMap((x) => x.items).find((i) => i.id === 'S2.1.2.f').status === 'implemented', 'S2.1.2.f implemented in the new round');
	await page.goto(`${base}/#/system/${cy.id}`);
	await page.waitForSelector('#cs-diff-h');
	await page.click('section[aria-labelledby="cs-diff-h"] button:text("比較")');
	await page.waitForSelector('#cs-diff-items');
	const diffItems = await page.textContent('#cs-diff-items');
	check(diffItems.includes('S2.1.2.f') && diffItems.includes('→ 実施済み'), 'the comparison of the two compliance rounds lists S2.1.2.f, now implemented');
	check(await page.locator('#cs-diff-items tbody tr').count() === 1, 'and only that item (the statuses were copied)');
	check((await page.textContent('section[aria-labelledby="cs-diff-h"] p.big')).includes('↑'), 'the overall compliance rose');
	await shot('compliance-diff');
	// ---- an organisation's members (owners; the administrator here) ----
	await page.goto(`${base}/#/`);
	await page.click(`a:text("${ORG} のメンバー")`);
	await page.waitForSelector('table.members');
	await page.selectOption('form.inline-form select[aria-label="ロール"]', 'viewer');
	await page.fill('form.inline-form label:text("ユーザー名") + input', 'tanaka');
	await page.keyboard.press('Enter'); /* by keyboard: Enter in the name submits */
	await page.waitForSelector('table.members select[aria-label="tanaka のロール"]');
	const roleNow = async () => (await api('/users')).users.find((u) => u.username === 'tanaka')?.roles?.[0]?.role;
	check(await roleNow() === 'viewer', 'a member added by name on the members page has the role chosen');
	await page.selectOption('table.members select[aria-label="tanaka のロール"]', 'assessor');
	await page.locator('table.members tr:has(th:text("tanaka")) button:text("保存")').click();
	await until(async () => await roleNow() === 'assessor', 'the members page changes a member\'s role');
	await shot('members');

	// ---- 6. English ----
	await page.goto(`${base}/#/system/1`);
	await page.waitForSelector('table.rounds');
	await page.selectOption('#lang-select', 'en');
	await page.waitForSelector('h2:text("Compare rounds")');
	check(await page.getAttribute('html', 'lang') === 'en', 'the page switches to English');
	await shot('history-en');
	await page.goto(`${base}/#/round/${roundId}/assess/Ma1.1`);
	await page.waitForSelector('#req-title');
	await shot('assess-en');
	await page.selectOption('#lang-select', 'ja');

	// ---- a viewer: no TOTP required, read-only pages, no controls to change anything ----
	await page.click('#signout');
	await page.waitForSelector('input[name="username"]');
	await page.fill('input[name="username"]', 'yamada');
	await page.fill('input[name="password"]', VIEWER_OTP);
	await page.keyboard.press('Enter');
	await page.waitForSelector('h1:text("最初の設定")');
	await page.fill('input[autocomplete="current-password"]', VIEWER_OTP);
	await page.locator('input[autocomplete="new-password"]').nth(0).fill(VIEWER_PW);
	await page.locator('input[autocomplete="new-password"]').nth(1).fill(VIEWER_PW);
	await page.click('button:text("パスワードを変更")');
	await page.waitForSelector(`a:text("${SYS}")`);
	check(await page.locator('summary:text("システムを追加")').count() === 0, 'a viewer is offered no "add a system"');
	check(await page.locator('#nav a[href="#/users"]').count() === 0, 'a viewer has no users page in the navigation');
	await page.goto(`${base}/#/round/${r2}/assess/Ma1.1`);
	await page.waitForSelector('#req-title:has-text("Ma1.1")');
	check((await page.textContent('main')).includes('閲覧のみ'), 'the assessment editor says read only to a viewer');
	check(await page.locator('#core-level').isDisabled() && await page.locator('#kind-core').isDisabled(), 'the rating controls are disabled for a viewer');
	await page.goto(`${base}/#/round/${r2}/results`);
	await page.waitForSelector('#download-report');
	check(await page.locator('#workbook-file').count() === 0, 'a viewer is offered no workbook upload');
	await page.goto(`${base}/#/round/${cr}/items`);
	await page.waitForSelector('select[data-item="S2.1.1"]');
	check(await page.locator('select[data-item="S2.1.1"]').isDisabled() && (await page.textContent('main')).includes('閲覧のみ'), 'the compliance editor is read only for a viewer');
	await shot('viewer-results');

	// ---- the peer comparison (issue 9), as the viewer: nothing below 5 organisations, then the radar and tables ----
	await page.goto(`${base}/#/system/1`);
	await page.click('a:text("同業比較")');
	await page.waitForSelector('h1:has-text("同業比較")');
	check((await page.textContent('main')).includes('未満のため、統計は示しません'), 'peers: under 5 organisations the k-anonymity message');
	check(await page.locator('.radar svg').count() === 0 && await page.locator('table.peers').count() === 0,
		'peers: no chart and no table under 5 organisations');
	for (let i = 1; i <= 5; i++) {
		const org = `比較先${i}`;
		cli(['org', 'add', org]);
		cli(['system', 'add', '比較用', '--org', org, '--industry', '製造業', '--size', '従業員650名']);
		cli(['round', 'import', `examples/${i % 2 ? 'small-company' : 'financial-institution'}.yaml`, '--system', '比較用', '--org', org]);
	}
	await page.reload();
	await page.waitForSelector('.radar svg polygon');
	check(await page.locator('.radar svg polygon').count() === 7, 'peers: the radar has five rings, this system and the peer mean');
	const peers = await page.evaluate(async () => (await fetch('/api/v1/systems/1/peers')).json());
	check(peers.group.organisations === 5 && (await page.textContent('main')).includes('比較対象: 5 システム、5 組織'),
		'peers: a group of 5 organisations is shown');
	check(await page.locator('table.peers').first().locator('tbody tr').count() === 1 + peers.views.length,
		'peers: the system and its views in the first table');
	await shot('viewer-peers');
} catch (e) {
	failures++;
	console.log(`FAIL ${e.stack || e}`);
	await shot('failure').catch(() => {});
}

check(foreign.length === 0, `no request leaves the server (${foreign.join(', ')})`);
check(consoleErrors.length === 0, `no error in the console (${consoleErrors.join(' | ')})`);
await context.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${checks - failures + (failures > checks ? 0 : 0)} checks passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
