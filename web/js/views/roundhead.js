// The top of every round page: where we are, the round's level against its
// target, and tabs to the plan, the assessment and the results.
import { get } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { levelBar } from './levelbar.js';
import { state } from '../state.js';

export async function loadRound(id) {
	const round = await get(`/rounds/${id}`);
	// A compliance round has no plan, ratings or levels: its own pages.
	if (round.kind === 'compliance')
		location.replace(`#/round/${id}/${/\/results$/.test(location.hash) ? 'compliance' : 'items'}`);
	const sys = await get(`/systems/${round.system_id}`);
	return { round, sys };
}

export function roundHead(round, sys, active, titleText) {
	const tabs = [['plan', t('plan')], ['assess', t('assess')], ['results', t('results')]];
	const summary = h('p', { class: 'round-summary', id: 'round-summary' });
	updateSummary(summary, round.level, round.target, round.counts);
	const flash = state.flash ? h('p', { class: 'ok', role: 'status', id: 'flash' }, state.flash) : null;
	state.flash = null;
	return h('div', { class: 'round-head' }, flash,
		h('nav', { class: 'crumbs', 'aria-label': t('breadcrumbs') },
			h('a', { href: '#/' }, t('nav_systems')), ' › ', h('a', { href: `#/system/${sys.id}` }, sys.name), ' › ',
			`${round.date || '–'} ${round.closed ? `(${t('closed')})` : ''}`),
		h('h1', {}, titleText, h('span', { class: 'h1-sub' }, `${sys.name} ${round.date || ''}`)),
		summary,
		h('nav', { class: 'tabs', 'aria-label': t('round_pages') }, tabs.map(([k, text]) =>
			h('a', { href: `#/round/${round.id}/${k}`, 'aria-current': k === active ? 'page' : null }, text))));
}

// Said on every round page while the server gives no catalog text.
export function partialNotice(cat) {
	return cat.partial ? h('p', { class: 'notice', id: 'catalog-partial' }, t('catalog_partial')) : null;
}

// The level line; the assessment editor calls it again after each save.
export function updateSummary(el, level, target, counts) {
	el.replaceChildren(h('span', { class: 'lbl' }, t('system_level'), ' '), levelBar(level, target),
		counts ? h('span', { class: 'counts' }, t('counts_line', counts.met, counts.under, counts.over, counts.unknown, counts.na, counts.unassessed)) : null);
}
