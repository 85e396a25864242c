// The audit trail (auditors, owners, administrators), newest first, with
// the server's verdict on the hash chain.
import { get } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';

export async function render(main, { seq }) {
	const { entries, verified } = await get('/audit?limit=200');
	if (!seq())
		return;
	document.title = `${t('nav_audit')} – taisaku`;
	clear(main);
	main.append(h('h1', {}, t('nav_audit')),
		h('p', { class: verified ? 'ok' : 'error' }, verified ? t('chain_ok') : t('chain_broken')),
		h('table', { class: 'list audit' },
			h('caption', { class: 'visually-hidden' }, t('nav_audit')),
			h('thead', {}, h('tr', {}, ['at', 'user', 'action', 'target', 'detail', 'remote'].map((k) => h('th', { scope: 'col' }, t('audit_' + k))))),
			h('tbody', {}, entries.map((e) => h('tr', {},
				h('td', { class: 'nowrap' }, e.at), h('td', {}, e.user || '–'), h('td', {}, e.action),
				h('td', {}, e.target), h('td', {}, e.detail), h('td', {}, e.remote))))));
}
