// A system's latest strength round against its peer group (issue 9):
// GET /systems/{id}/peers, the JSON of `taisaku peers --format json`. The
// radar of its domain levels against the peer mean, the system and views,
// the requirements where it lags most, every domain and requirement — as
// the HTML report of `taisaku peers --format html` shows them. Below 5
// organisations the server sends no statistic (k-anonymity is enforced in
// the library, not here); this page then says so and shows nothing else.
import { get, ApiError } from '../api.js';
import { h, clear, fmtLevel } from '../dom.js';
import { t } from '../i18n.js';

const MIN_ORGANISATIONS = 5; // TK_PEERS_MIN_ORGANISATIONS, for the message only
const LAGGING = 10;          // as many as the CLI and the report list

export async function render(main, { params, seq }) {
	const id = Number(params[0]);
	const group = new URLSearchParams(location.hash.split('?')[1] || '').get('group');
	const query = group === null ? '' : `?group=${encodeURIComponent(group)}`;
	const sys = await get(`/systems/${id}`);
	let p = null;
	try {
		p = await get(`/systems/${id}/peers${query}`);
	} catch (e) {
		if (!(e instanceof ApiError) || e.status !== 404)
			throw e;
	}
	if (!seq())
		return;
	document.title = `${t('peers')}: ${sys.name} – taisaku`;
	clear(main);
	main.append(
		h('nav', { class: 'crumbs', 'aria-label': t('breadcrumbs') }, h('a', { href: '#/' }, t('nav_systems')), ' › ',
			sys.org, ' › ', h('a', { href: `#/system/${id}` }, sys.name)),
		h('h1', {}, t('peers_of', sys.name)),
		groupForm(id, group === null ? 'industry,size' : group));
	if (!p) {
		main.append(h('p', {}, t('peers_no_round')));
		return;
	}
	main.append(h('p', { class: 'sub' }, t('peer_counts', p.group.systems, p.group.organisations)));
	if (p.group.organisations < MIN_ORGANISATIONS) {
		main.append(h('p', { class: 'notice', role: 'status' }, t('peers_kanon', MIN_ORGANISATIONS)));
		return;
	}
	if (p.domains.length >= 3)
		main.append(h('figure', { class: 'radar' }, radar(p.domains), h('figcaption', {}, t('peers_radar'))));
	main.append(h('h2', {}, t('peers_system_views')),
		table(t('peers_entry'), [{ ...p.system, id: t('peers_whole') }, ...p.views]));
	const lag = lagging(p.requirements);
	main.append(h('h2', {}, t('peers_lagging', LAGGING)), lag.length ? table(t('requirement'), lag) : h('p', {}, t('none')));
	main.append(h('h2', {}, t('peers_domains')), table(t('domain'), p.domains));
	main.append(h('details', {}, h('summary', {}, t('peers_requirements')), table(t('requirement'), p.requirements)));
}

// The attributes the group is formed by (?group= of the API and --group of the CLI).
function groupForm(id, current) {
	const opts = [
		['industry,size', `${t('industry')}・${t('size')}`], ['industry', t('industry')], ['size', t('size')],
		['level', t('target_level')], ['', t('peer_group_all')],
	];
	const sel = h('select', { id: 'peer-group' }, opts.map(([v, label]) => h('option', { value: v, selected: v === current }, label)));
	const form = h('form', { class: 'inline-form' },
		h('label', { for: 'peer-group' }, t('peer_attributes')), ' ', sel, ' ', h('button', { type: 'submit' }, t('peers_show')));
	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		location.hash = `#/system/${id}/peers?group=${encodeURIComponent(sel.value)}`;
	});
	return form;
}

// Requirements with a level below the peer mean, lowest deviation value first.
function lagging(reqs) {
	return reqs.filter((e) => e.level !== null && e.mean !== null && e.level + 1e-9 < e.mean)
		.sort((a, b) => a.deviation - b.deviation || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.slice(0, LAGGING);
}

const num = (v, digits) => (v === null || v === undefined ? '–' : v.toFixed(digits));

function table(first, entries) {
	const cols = [t('level'), t('peers_count'), t('peers_mean_col'), t('peers_sd'), t('peers_percentile'), t('peers_deviation')];
	return h('table', { class: 'list peers' },
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, first), cols.map((c) => h('th', { scope: 'col' }, c)))),
		h('tbody', {}, entries.map((e) => h('tr', {},
			h('th', { scope: 'row' }, e.id),
			h('td', { class: 'num' }, fmtLevel(e.level)),
			h('td', { class: 'num' }, String(e.count)),
			h('td', { class: 'num' }, fmtLevel(e.mean)),
			h('td', { class: 'num' }, num(e.sd, 2)),
			h('td', { class: 'num' }, num(e.percentile, 0)),
			h('td', { class: 'num' }, fmtLevel(e.deviation))))));
}

// The radar of the domain levels (0–5): this system filled, the peer mean
// as a line. Drawn here from the JSON; a missing level sits at the centre
// and its label says "–". The figures are in the table below (the chart is
// described for screen readers by its caption and title).
function radar(domains) {
	const n = domains.length, size = 420, c = size / 2, r = 150;
	const at = (i, v) => {
		const a = -Math.PI / 2 + (2 * Math.PI * i) / n, k = (Math.max(0, Math.min(5, v ?? 0)) / 5) * r;
		return [c + k * Math.cos(a), c + k * Math.sin(a)];
	};
	const pts = (vals) => vals.map((v, i) => at(i, v).map((x) => x.toFixed(1)).join(',')).join(' ');
	const svg = h('svg:svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img', 'aria-label': t('peers_radar') },
		h('svg:title', {}, t('peers_radar')));
	for (let ring = 1; ring <= 5; ring++)
		svg.append(h('svg:polygon', { points: pts(domains.map(() => ring)), fill: 'none', stroke: '#ccc', 'stroke-width': 1 }));
	domains.forEach((d, i) => {
		const [x, y] = at(i, 5), [lx, ly] = at(i, 5.9);
		svg.append(h('svg:line', { x1: c, y1: c, x2: x.toFixed(1), y2: y.toFixed(1), stroke: '#ddd', 'stroke-width': 1 }));
		svg.append(h('svg:text', { x: lx.toFixed(1), y: ly.toFixed(1), 'font-size': 10, 'text-anchor': 'middle', 'dominant-baseline': 'middle', fill: '#333' },
			d.level === null ? `${d.id} –` : d.id));
	});
	svg.append(h('svg:polygon', { points: pts(domains.map((d) => d.level)), fill: '#1f5fa8', 'fill-opacity': 0.35, stroke: '#1f5fa8', 'stroke-width': 2 }));
	svg.append(h('svg:polygon', { points: pts(domains.map((d) => d.mean)), fill: 'none', stroke: '#222', 'stroke-width': 2, 'stroke-dasharray': '5 3' }));
	const legend = h('p', { class: 'legend' },
		h('span', { class: 'swatch self', 'aria-hidden': 'true' }, '■'), ' ', t('peers_this_system'), '　',
		h('span', { class: 'swatch mean', 'aria-hidden': 'true' }, '┅'), ' ', t('peers_mean'));
	return h('div', {}, svg, legend);
}
