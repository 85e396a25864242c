// An organisation's members, for its owners (and system administrators):
// each member's role here, changed or removed, and a user added by name
// (GET/PUT /organizations/{id}/members). Roles elsewhere stay as they are.
import { get, put } from '../api.js';
import { h, clear, field, select, errorBox, showError, announce } from '../dom.js';
import { t } from '../i18n.js';

const ROLES = ['owner', 'assessor', 'auditor', 'viewer'];

function roleSelect(current, label) {
	return select(ROLES.map((r) => [r, t('role_' + r)]), current, { 'aria-label': label });
}

export async function render(main, { seq, params }) {
	const orgId = Number(params[0]);
	const [{ organizations }, { members }] = await Promise.all([get('/organizations'), get(`/organizations/${orgId}/members`)]);
	if (!seq())
		return;
	const org = organizations.find((o) => o.id === orgId);
	const name = org ? org.name : String(orgId);
	document.title = `${t('members_of', name)} – taisaku`;
	clear(main);
	main.append(h('nav', { 'aria-label': t('breadcrumbs'), class: 'crumbs' }, h('a', { href: '#/' }, t('nav_systems')), ' › ', name),
		h('h1', {}, t('members_of', name)));
	const err = errorBox();
	main.append(err);
	const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
	const setRole = async (user, role, msg) => {
		showError(err, '');
		try {
			await put(`/organizations/${orgId}/members/${encodeURIComponent(user)}`, { role });
			announce(msg);
			reload();
		} catch (e) {
			showError(err, e.message);
		}
	};
	main.append(h('table', { class: 'list members' },
		h('caption', { class: 'visually-hidden' }, t('members_of', name)),
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('username')), h('th', { scope: 'col' }, t('role')),
			h('th', { scope: 'col' }, t('state')), h('th', { scope: 'col' }, t('actions')))),
		h('tbody', {}, members.length ? members.map((m) => {
			const s = roleSelect(m.role, t('role_of', m.username));
			const form = h('form', { class: 'inline-form' }, s, ' ', h('button', { type: 'submit', class: 'small' }, t('save')));
			form.addEventListener('submit', (ev) => {
				ev.preventDefault();
				setRole(m.id, s.value, t('saved'));
			});
			return h('tr', {},
				h('th', { scope: 'row' }, m.username),
				h('td', {}, form),
				h('td', {}, [m.disabled ? t('disabled') : t('active'), m.totp_enabled ? t('totp_on') : t('totp_off')].join(' / ')),
				h('td', { class: 'actions' }, h('button', { type: 'button', class: 'small',
					onclick: () => setRole(m.id, null, t('member_removed')) }, t('remove_member'))));
		}) : h('tr', {}, h('td', { colspan: 4 }, t('no_members'))))));
	main.append(h('h2', {}, t('add_member')), addForm(setRole));
}

function addForm(setRole) {
	const user = h('input', { type: 'text', autocomplete: 'off', required: true });
	const role = roleSelect('viewer', t('role'));
	const form = h('form', { class: 'inline-form', novalidate: true },
		field(t('username'), user, t('add_member_hint')), field(t('role'), role),
		h('button', { type: 'submit', class: 'primary' }, t('add_member')));
	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		if (user.value.trim())
			setRole(user.value.trim(), role.value, t('member_added'));
	});
	return form;
}
