// Users and roles (system administrators): add a user with a one-time
// password, disable/enable, reset the password, set the roles per
// organisation, revoke the sessions.
import { get, post, put, del } from '../api.js';
import { h, clear, field, select, errorBox, showError, announce } from '../dom.js';
import { t } from '../i18n.js';

const ROLES = ['owner', 'assessor', 'auditor', 'viewer'];

export async function render(main, { seq }) {
	const [{ users }, { organizations }] = await Promise.all([get('/users'), get('/organizations')]);
	if (!seq())
		return;
	document.title = `${t('nav_users')} – taisaku`;
	clear(main);
	main.append(h('h1', {}, t('nav_users')));
	const err = errorBox();
	main.append(err);
	const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
	const act = (fn, msg) => async () => {
		showError(err, '');
		try {
			await fn();
			announce(msg);
			reload();
		} catch (e) {
			showError(err, e.message);
		}
	};
	main.append(h('table', { class: 'list users' },
		h('caption', { class: 'visually-hidden' }, t('nav_users')),
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('username')), h('th', { scope: 'col' }, t('roles')),
			h('th', { scope: 'col' }, t('state')), h('th', { scope: 'col' }, t('actions')))),
		h('tbody', {}, users.map((u) => h('tr', {},
			h('th', { scope: 'row' }, u.username, u.admin ? h('span', { class: 'tag' }, t('role_admin')) : null),
			h('td', {}, u.roles.length ? u.roles.map((r) => `${r.org}: ${t('role_' + r.role)}`).join('、') : '–'),
			h('td', {}, [u.disabled ? t('disabled') : t('active'), u.must_change_password ? t('one_time_pw') : null,
				u.totp_enabled ? t('totp_on') : t('totp_off')].filter(Boolean).join(' / ')),
			h('td', { class: 'actions' },
				h('button', { type: 'button', class: 'small', onclick: act(() => post(`/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`), t('saved')) },
					u.disabled ? t('enable') : t('disable')), ' ',
				h('button', { type: 'button', class: 'small', onclick: act(() => del(`/users/${u.id}/sessions`), t('sessions_revoked')) }, t('revoke_sessions')), ' ',
				resetForm(u, err, reload), ' ',
				rolesForm(u, organizations, err, reload)))))));
	main.append(h('h2', {}, t('add_user')), addUserForm(organizations, reload));
}

function resetForm(u, err, reload) {
	const pw = h('input', { type: 'password', autocomplete: 'new-password' });
	const form = h('form', { class: 'inline-form' }, field(t('one_time_password'), pw, t('password_policy')), h('button', { type: 'submit', class: 'small' }, t('reset_password')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		try {
			await post(`/users/${u.id}/password`, { password: pw.value });
			announce(t('saved'));
			reload();
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('details', { class: 'add' }, h('summary', {}, t('reset_password')), form);
}

function roleRows(organizations, roles) {
	return organizations.map((o) => {
		const cur = roles.find((r) => r.org_id === o.id);
		const s = select([['', t('no_role')], ...ROLES.map((r) => [r, t('role_' + r)])], cur ? cur.role : '', { 'aria-label': t('role_in', o.name) });
		return { org: o, s, node: field(o.name, s) };
	});
}

function rolesForm(u, organizations, err, reload) {
	const rows = roleRows(organizations, u.roles);
	const form = h('form', { class: 'inline-form' }, rows.map((r) => r.node), h('button', { type: 'submit', class: 'small' }, t('save')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		try {
			await put(`/users/${u.id}/roles`, { roles: rows.filter((r) => r.s.value).map((r) => ({ org_id: r.org.id, role: r.s.value })) });
			announce(t('saved'));
			reload();
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('details', { class: 'add' }, h('summary', {}, t('set_roles')), form);
}

function addUserForm(organizations, reload) {
	const name = h('input', { type: 'text', autocomplete: 'off' });
	const pw = h('input', { type: 'password', autocomplete: 'new-password' });
	const admin = h('input', { type: 'checkbox', id: 'new-admin' });
	const rows = roleRows(organizations, []);
	const err = errorBox();
	const form = h('form', { class: 'card narrow', novalidate: true },
		field(t('username'), name), field(t('one_time_password'), pw, t('password_policy')),
		h('div', { class: 'check' }, admin, h('label', { for: 'new-admin' }, t('role_admin'))),
		h('fieldset', {}, h('legend', {}, t('roles')), rows.map((r) => r.node)),
		err, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('add_user'))));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		try {
			await post('/users', { username: name.value.trim(), password: pw.value, admin: admin.checked,
				roles: rows.filter((r) => r.s.value).map((r) => ({ org_id: r.org.id, role: r.s.value })) });
			announce(t('user_added'));
			reload();
		} catch (e) {
			showError(err, e.message);
		}
	});
	return form;
}
