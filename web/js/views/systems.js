// The home page: the organisations the user may see, and for each its
// systems with the latest round's level against the target.
import { get, post } from '../api.js';
import { h, clear, field, errorBox, showError, announce } from '../dom.js';
import { t } from '../i18n.js';
import { canManage, isAdmin } from '../state.js';
import { levelBar } from './levelbar.js';
import { percentBar } from './compliance.js';

export async function render(main, { seq }) {
	const { organizations } = await get('/organizations');
	const lists = await Promise.all(organizations.map((o) => get(`/organizations/${o.id}/systems`)));
	if (!seq())
		return;
	document.title = `${t('nav_systems')} – taisaku`;
	clear(main);
	main.append(h('h1', {}, t('nav_systems')));
	if (!organizations.length)
		main.append(h('p', {}, t('no_organizations')));
	organizations.forEach((org, i) => main.append(orgSection(org, lists[i].systems)));
	if (isAdmin())
		main.append(addOrgForm());
}

function orgSection(org, systems) {
	const sec = h('section', { class: 'org', 'aria-labelledby': `org-${org.id}` },
		h('h2', { id: `org-${org.id}` }, org.name,
			org.role ? h('span', { class: 'tag' }, t('role_' + org.role)) : null));
	if (!systems.length)
		sec.append(h('p', {}, t('no_systems')));
	else
		sec.append(h('table', { class: 'list systems' },
			h('caption', { class: 'visually-hidden' }, t('systems_of', org.name)),
			h('thead', {}, h('tr', {},
				h('th', { scope: 'col' }, t('system')),
				h('th', { scope: 'col' }, t('latest_round')),
				h('th', { scope: 'col' }, t('level_vs_target')),
				h('th', { scope: 'col', class: 'num' }, t('n_under')),
				h('th', { scope: 'col', class: 'num' }, t('n_rounds')))),
			h('tbody', {}, systems.map((s) => {
				const l = s.latest;
				return h('tr', {},
					h('th', { scope: 'row' }, h('a', { href: `#/system/${s.id}` }, s.name),
						s.industry || s.size ? h('div', { class: 'sub' }, [s.industry, s.size].filter(Boolean).join(' / ')) : null),
					h('td', {}, l ? [l.date || '–', ' ', l.closed ? h('span', { class: 'tag' }, t('closed')) : h('span', { class: 'tag open' }, t('open'))] : t('no_rounds')),
					h('td', {}, !l ? '–' : l.kind === 'compliance' ? [t('cs_compliance'), ' ', percentBar(l.compliance)] : levelBar(l.level, l.target)),
					h('td', { class: 'num' }, l ? String(l.n_under) : '–'),
					h('td', { class: 'num' }, String(s.n_rounds)));
			}))));
	if (canManage(org.id))
		sec.append(h('p', {}, h('a', { href: `#/org/${org.id}/members` }, t('members_of', org.name))), addSystemForm(org));
	return sec;
}

function addSystemForm(org) {
	const name = h('input', { type: 'text', required: true });
	const industry = h('input', { type: 'text' });
	const size = h('input', { type: 'text' });
	const err = errorBox();
	const form = h('form', { class: 'inline-form', novalidate: true },
		field(t('system_name'), name), field(t('industry'), industry), field(t('size'), size),
		h('button', { type: 'submit' }, t('add_system')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		if (!name.value.trim()) {
			showError(err, t('need_name'));
			name.focus();
			return;
		}
		try {
			const s = await post(`/organizations/${org.id}/systems`,
				{ name: name.value.trim(), industry: industry.value.trim(), size: size.value.trim() });
			announce(t('system_added', s.name));
			location.hash = `#/system/${s.id}`;
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('details', { class: 'add' }, h('summary', {}, t('add_system')), form);
}

function addOrgForm() {
	const name = h('input', { type: 'text', required: true });
	const err = errorBox();
	const form = h('form', { class: 'inline-form', novalidate: true },
		field(t('org_name'), name), h('button', { type: 'submit' }, t('add_org')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		try {
			await post('/organizations', { name: name.value.trim() });
			announce(t('org_added'));
			window.dispatchEvent(new HashChangeEvent('hashchange'));
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('details', { class: 'add' }, h('summary', {}, t('add_org')), form);
}
