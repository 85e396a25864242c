// Helpers of the API tests (api.test.mjs): a client with a cookie jar and
// the CSRF token, the servers as child processes, RFC 6238 TOTP codes, and
// validation of every answer against docs/openapi.yaml with ajv.
import { spawn, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

export const TAISAKU = process.env.TAISAKU;
export const DB = process.env.DB;

// ---- counting ----
export const results = { passed: 0, failed: 0 };
export function check(cond, what) {
	if (cond) results.passed++;
	else {
		results.failed++;
		console.log('FAIL ' + what);
	}
	return cond;
}
export function eq(got, want, what) {
	return check(got === want, `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

// ---- TOTP (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits), written here from
// the RFC so that the server's liboath is checked by an independent code ----
function base32(s) {
	const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const ch of s.replace(/=+$/, '')) bits += alpha.indexOf(ch).toString(2).padStart(5, '0');
	const out = [];
	for (let i = 0; i + 8 <= bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
	return Buffer.from(out);
}
export function totp(secret, t = Date.now() / 1000) {
	const step = Math.floor(t / 30);
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(step));
	const h = createHmac('sha1', base32(secret)).update(msg).digest();
	const o = h[h.length - 1] & 15;
	const v = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
	return String(v % 1000000).padStart(6, '0');
}
// A code of a step not used yet by this secret: the server accepts each
// step once (no replay), and the next step too (window of one step).
const usedSteps = new Map();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function freshTotp(secret) {
	for (;;) {
		const now = Math.floor(Date.now() / 1000 / 30);
		const step = Math.max(now, (usedSteps.get(secret) ?? -1) + 1);
		if (step <= now + 1) {
			usedSteps.set(secret, step);
			return totp(secret, step * 30);
		}
		await sleep(1000);
	}
}

// ---- servers ----
export async function freePort() {
	return new Promise((resolve) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const p = s.address().port;
			s.close(() => resolve(p));
		});
	});
}
export async function startServer(extra = []) {
	const port = await freePort();
	const child = spawn(TAISAKU, ['serve', '--db', DB, '--listen', `127.0.0.1:${port}`, ...extra], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	await new Promise((resolve, reject) => {
		child.stdout.on('data', (d) => { if (String(d).includes('http')) resolve(); });
		child.on('exit', (code) => reject(new Error('server exited ' + code)));
	});
	return { port, base: `http://127.0.0.1:${port}`, child, stop: () => child.kill('SIGTERM') };
}
export function cli(args, input) {
	try {
		return { code: 0, out: execFileSync(TAISAKU, [...args, '--db', DB], { encoding: 'utf8', input: input ?? '', stdio: ['pipe', 'pipe', 'pipe'] }) };
	} catch (e) {
		return { code: e.status, out: String(e.stdout), err: String(e.stderr) };
	}
}

// ---- the OpenAPI contract ----
const api = JSON.parse(readFileSync(process.env.OPENAPI_JSON, 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(JSON.parse(JSON.stringify(api).replaceAll('"#/components/', '"openapi#/components/')), 'openapi');
const routes = Object.keys(api.paths).map((p) => ({
	path: p,
	re: new RegExp('^/api/v1' + p.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));
const validators = new Map();
export const seen = new Set(); // "METHOD path status" validated
function validatorFor(method, path, status) {
	const r = routes.find((x) => x.re.test(path));
	if (!r) return { missing: `no path in openapi.yaml for ${path}` };
	const op = api.paths[r.path][method.toLowerCase()];
	if (!op) return { missing: `no ${method} ${r.path} in openapi.yaml` };
	let resp = op.responses[String(status)];
	if (!resp) return { missing: `${method} ${r.path} does not document ${status}` };
	if (resp.$ref) resp = api.components.responses[resp.$ref.split('/').pop()];
	const key = `${method} ${r.path} ${status}`;
	seen.add(key);
	const schema = resp.content?.['application/json']?.schema;
	if (!schema) return { key, v: null, content: resp.content };
	if (!validators.has(key)) {
		const fixed = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
		validators.set(key, ajv.compile(fixed));
	}
	return { key, v: validators.get(key) };
}
export function validate(method, path, status, body, contentType) {
	const { missing, key, v, content } = validatorFor(method, path.split('?')[0], status);
	if (missing) return check(false, missing);
	const bare = (contentType || '').split(';')[0];
	if (bare !== 'application/json' || !v) {
		// not JSON: the content type must be one the operation documents
		const docs = content || api.paths[routes.find((x) => x.re.test(path.split('?')[0])).path][method.toLowerCase()]
			.responses[String(status)]?.content || {};
		return check(!Object.keys(docs).length ? !contentType || status === 204 : bare in docs,
			`${key}: content type ${contentType} not documented`);
	}
	const ok = v(body);
	return check(ok, `${key}: ${JSON.stringify(v.errors)?.slice(0, 600)}`);
}

// ---- a signed-in client ----
export class Client {
	constructor(base) {
		this.base = base;
		this.cookie = null;
		this.csrf = null;
	}
	async req(method, path, body, opts = {}) {
		const headers = { ...(opts.headers || {}) };
		if (this.cookie && !opts.noCookie) headers.Cookie = this.cookie;
		if (this.csrf && method !== 'GET' && !opts.noCsrf) headers['X-CSRF-Token'] = this.csrf;
		let payload;
		if (body !== undefined && !(body instanceof Buffer) && typeof body !== 'string') {
			headers['Content-Type'] = 'application/json';
			payload = JSON.stringify(body);
		} else if (body !== undefined) payload = body;
		const res = await fetch(this.base + '/api/v1' + path, { method, headers, body: payload, redirect: 'manual' });
		const sc = res.headers.get('set-cookie');
		if (sc) {
			const m = /taisaku_session=([^;]*)/.exec(sc);
			this.cookie = m && m[1] ? `taisaku_session=${m[1]}` : null;
		}
		const type = res.headers.get('content-type') || '';
		const raw = Buffer.from(await res.arrayBuffer());
		let json = null;
		if (type.startsWith('application/json')) json = JSON.parse(raw.toString('utf8'));
		if (!opts.noValidate) validate(method, '/api/v1' + path, res.status, json, type);
		return { status: res.status, json, raw, headers: res.headers, type };
	}
	async signIn(username, password, totpSecret) {
		const body = { username, password };
		if (totpSecret) body.totp = await freshTotp(totpSecret);
		const r = await this.req('POST', '/session', body);
		if (r.status === 200) this.csrf = r.json.csrf_token;
		return r;
	}
}
