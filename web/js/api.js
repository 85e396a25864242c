// The one place that talks to /api/v1: adds the CSRF token to every state
// change, asks for error messages in the UI's language, turns error bodies
// into ApiError (code + message), and tells the app when the session is gone.
import { getLang } from './i18n.js';

const BASE = '/api/v1';
let csrfToken = null;

export function setCsrf(token) {
	csrfToken = token;
}

export class ApiError extends Error {
	constructor(status, code, message) {
		super(message || code || String(status));
		this.status = status;
		this.code = code;
	}
}

// body: a plain object (sent as JSON), or { blob, type } for an upload.
export async function api(method, path, body) {
	const headers = { 'Accept-Language': getLang() === 'en' ? 'en' : 'ja' };
	const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
	if (method !== 'GET' && method !== 'HEAD' && csrfToken)
		headers['X-CSRF-Token'] = csrfToken;
	if (body && body.blob) {
		headers['Content-Type'] = body.type;
		init.body = body.blob;
	} else if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(body);
	}
	let res;
	try {
		res = await fetch(BASE + path, init);
	} catch (e) {
		throw new ApiError(0, 'network', e.message);
	}
	if (res.status === 204)
		return null;
	const type = res.headers.get('Content-Type') || '';
	if (!res.ok) {
		let code = null, message = null;
		if (type.includes('json')) {
			try {
				const j = await res.json();
				code = j.error && j.error.code;
				message = j.error && j.error.message;
			} catch { /* a body that is not JSON: keep the status */ }
		}
		const err = new ApiError(res.status, code, message);
		// A session that expired or was revoked mid-use: back to sign-in.
		if (res.status === 401 && code === 'unauthenticated' && path !== '/session')
			window.dispatchEvent(new CustomEvent('taisaku:unauthenticated'));
		if (res.status === 403 && (code === 'password_change_required' || code === 'totp_enrolment_required'))
			window.dispatchEvent(new CustomEvent('taisaku:forced', { detail: code }));
		throw err;
	}
	if (type.includes('json'))
		return res.json();
	return res.text();
}

export const get = (p) => api('GET', p);
export const post = (p, b) => api('POST', p, b === undefined ? {} : b);
export const put = (p, b) => api('PUT', p, b);
export const patch = (p, b) => api('PATCH', p, b);
export const del = (p) => api('DELETE', p);

// A URL the browser can follow itself (downloads): same origin, the cookie
// goes with it; no CSRF token is needed for GET.
export function href(path, query) {
	const q = query ? '?' + new URLSearchParams(query).toString() : '';
	return BASE + path + q;
}
