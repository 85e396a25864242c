// The account page, and the steps the server forces before anything else:
// changing a one-time password, then (administrators and owners) enrolling
// TOTP: the secret and the otpauth URI to type or paste into an
// authenticator app, a code to confirm, and the ten recovery codes shown once.
import { api } from '../api.js';
import { h, clear, field, errorBox, showError, announce } from '../dom.js';
import { t } from '../i18n.js';
import { state, needsTotp } from '../state.js';

export async function render(main, { forced, done }) {
	document.title = `${t('nav_account')} – taisaku`;
	clear(main);
	const u = state.session.user;
	main.append(h('h1', {}, forced ? t('first_steps') : t('nav_account')));
	if (u.must_change_password) {
		main.append(h('p', { class: 'notice' }, t('must_change_password')), passwordForm(done));
		return;
	}
	if (forced && needsTotp()) {
		main.append(h('p', { class: 'notice' }, t('must_enrol_totp')), totpSection(done));
		return;
	}
	main.append(h('dl', { class: 'kv' },
		h('dt', {}, t('username')), h('dd', {}, u.username),
		h('dt', {}, t('roles')), h('dd', {}, u.admin ? t('role_admin') + ' ' : '',
			u.roles.map((r) => `${r.org}: ${t('role_' + r.role)}`).join('、')),
		h('dt', {}, t('totp')), h('dd', {}, u.totp_enabled ? t('totp_on') : t('totp_off'))));
	main.append(h('h2', {}, t('change_password')), passwordForm(done));
	if (!u.totp_enabled)
		main.append(h('h2', {}, t('enrol_totp')), totpSection(done));
}

function passwordForm(done) {
	const cur = h('input', { type: 'password', autocomplete: 'current-password', required: true });
	const nw = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: '10' });
	const again = h('input', { type: 'password', autocomplete: 'new-password', required: true });
	const err = errorBox();
	const form = h('form', { class: 'card narrow', novalidate: true },
		field(t('current_password'), cur),
		field(t('new_password'), nw, t('password_policy')),
		field(t('new_password_again'), again),
		err,
		h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('change_password'))));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		if (nw.value !== again.value) {
			showError(err, t('passwords_differ'));
			again.focus();
			return;
		}
		try {
			await api('PUT', '/session/password', { current_password: cur.value, new_password: nw.value });
			announce(t('password_changed'));
			done();
		} catch (e) {
			showError(err, e.message);
			(e.code === 'weak_password' ? nw : cur).focus();
		}
	});
	queueMicrotask(() => cur.focus());
	return form;
}

function totpSection(done) {
	const box = h('div', { class: 'card narrow' });
	const err = errorBox();
	const start = h('button', { type: 'button', class: 'primary' }, t('totp_start'));
	box.append(h('p', {}, t('totp_explain')), err, h('div', { class: 'actions' }, start));
	start.addEventListener('click', async () => {
		showError(err, '');
		try {
			const p = await api('POST', '/session/totp');
			showSecret(box, p, done);
		} catch (e) {
			showError(err, e.message);
		}
	});
	queueMicrotask(() => start.focus());
	return box;
}

function showSecret(box, pending, done) {
	clear(box);
	const code = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', pattern: '[0-9]{6}' });
	const err = errorBox();
	const form = h('form', { novalidate: true },
		h('p', {}, t('totp_add_to_app')),
		h('dl', { class: 'kv' },
			h('dt', {}, t('totp_secret')), h('dd', {}, h('code', { class: 'secret', id: 'totp-secret' }, pending.secret)),
			h('dt', {}, t('totp_uri')), h('dd', {}, h('code', { class: 'uri', id: 'totp-uri' }, pending.otpauth_uri))),
		field(t('totp_code'), code, t('totp_confirm_hint')),
		err,
		h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('totp_confirm'))));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		try {
			const r = await api('PUT', '/session/totp', { code: code.value.trim() });
			showRecovery(box, r.recovery_codes, done);
		} catch (e) {
			showError(err, e.message);
			code.select();
			code.focus();
		}
	});
	box.append(form);
	code.focus();
}

function showRecovery(box, codes, done) {
	clear(box);
	const next = h('button', { type: 'button', class: 'primary' }, t('recovery_saved'));
	next.addEventListener('click', () => done());
	box.append(h('h3', { tabindex: '-1', id: 'recovery-heading' }, t('recovery_codes')),
		h('p', {}, t('recovery_explain')),
		h('ol', { class: 'codes', id: 'recovery-codes' }, codes.map((c) => h('li', {}, h('code', {}, c)))),
		h('div', { class: 'actions' }, next));
	announce(t('totp_enrolled'));
	box.querySelector('#recovery-heading').focus();
}
