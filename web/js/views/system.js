// One system: its rounds (the history, oldest first, with level against
// target), a new round from the plan, an assessment document upload, the
// peer attributes, and the differences between two rounds.
import { get, post, patch, put, api, href } from '../api.js';
import { h, clear, field, select, errorBox, showError, announce, fmtLevel, arrow } from '../dom.js';
import { t } from '../i18n.js';
import { canManage, canRate, isAdmin } from '../state.js';
import { loadCatalog, title } from '../catalog.js';
import { levelBar } from './levelbar.js';
import { complianceRow } from './compliance.js';
import { complianceDiffView } from './compliance_diff.js';

export async function render(main, { params, seq }) {
	const id = Number(params[0]);
	const [sys, { rounds }] = await Promise.all([get(`/systems/${id}`), get(`/systems/${id}/rounds`)]);
	if (!seq())
		return;
	document.title = `${sys.name} – taisaku`;
	clear(main);
	main.append(
		h('nav', { class: 'crumbs', 'aria-label': t('breadcrumbs') }, h('a', { href: '#/' }, t('nav_systems')), ' › ', sys.org),
		h('h1', {}, sys.name),
		h('p', { class: 'sub' }, [sys.industry && `${t('industry')}: ${sys.industry}`, sys.size && `${t('size')}: ${sys.size}`].filter(Boolean).join('　')),
		h('p', {}, h('a', { href: `#/system/${id}/peers` }, t('peers'))));
	main.append(h('h2', { id: 'history' }, t('history')));
	if (!rounds.length)
		main.append(h('p', {}, t('no_rounds')));
	else
		main.append(historyTable(sys, rounds));
	// the differences of ECOM rounds, and of compliance rounds of one catalog
	// (the latest compliance round's)
	const ecom = rounds.filter((r) => r.kind !== 'compliance');
	if (ecom.length >= 2)
		main.append(diffSection(ecom, 'diff-h', t('differences'),
			async (ea, eb) => diffView(ea, eb, await loadCatalog(eb.catalog, eb))));
	const lastC = rounds.filter((r) => r.kind === 'compliance').pop();
	const comp = lastC ? rounds.filter((r) => r.kind === 'compliance' && r.catalog === lastC.catalog) : [];
	if (comp.length >= 2)
		main.append(diffSection(comp, 'cs-diff-h', t('cs_differences'), async (ea, eb) => complianceDiffView(ea, eb)));
	if (canManage(sys.org_id)) {
		// a system without rounds chooses its catalog: ECOM or a compliance catalog
		const cats = rounds.length ? [] : (await get('/catalogs')).catalogs;
		if (!seq())
			return;
		main.append(h('h2', {}, t('new_round')), newRoundForm(sys, rounds, cats), uploadForm(sys), attributesForm(sys));
		if (isAdmin())
			main.append(await assessorsForm(sys));
	}
}

function historyTable(sys, rounds) {
	return h('table', { class: 'list rounds' },
		h('caption', { class: 'visually-hidden' }, t('history')),
		h('thead', {}, h('tr', {},
			h('th', { scope: 'col' }, t('date')),
			h('th', { scope: 'col' }, t('assessor')),
			h('th', { scope: 'col' }, t('level_vs_target')),
			h('th', { scope: 'col' }, t('counts')),
			h('th', { scope: 'col' }, t('state')),
			h('th', { scope: 'col' }, t('actions')))),
		h('tbody', {}, rounds.map((r) => {
			const c = r.counts;
			const closeBtn = !r.closed && canManage(sys.org_id)
				? h('button', { type: 'button', class: 'small', onclick: async (ev) => {
					if (!confirm(t('confirm_close')))
						return;
					try {
						await post(`/rounds/${r.id}/close`);
						announce(t('round_closed'));
						window.dispatchEvent(new HashChangeEvent('hashchange'));
					} catch (e) {
						ev.target.after(h('span', { class: 'error', role: 'alert' }, e.message));
					}
				} }, t('close_round'))
				: null;
			if (r.kind === 'compliance')
				return complianceRow(r, closeBtn);
			return h('tr', {},
				h('th', { scope: 'row' }, r.date || '–', h('div', { class: 'sub' }, r.document_name)),
				h('td', {}, r.assessor || '–'),
				h('td', {}, levelBar(r.level, r.target)),
				h('td', { class: 'counts' }, t('counts_line', c.met, c.under, c.over, c.unknown, c.na, c.unassessed)),
				h('td', {}, r.closed ? h('span', { class: 'tag' }, t('closed')) : h('span', { class: 'tag open' }, t('open'))),
				h('td', { class: 'actions' },
					h('a', { href: `#/round/${r.id}/plan` }, t('plan')), ' ',
					h('a', { href: `#/round/${r.id}/assess` }, r.closed || !canRate(sys.org_id, sys) ? t('view_ratings') : t('assess')), ' ',
					h('a', { href: `#/round/${r.id}/results` }, t('results')), ' ',
					h('a', { href: href(`/rounds/${r.id}/document`), download: '' }, t('document')), ' ',
					closeBtn));
		})));
}

// Differences between two rounds, worked out from their evaluations by
// view (ea, eb) (diffView for ECOM rounds, complianceDiffView).
function diffSection(rounds, headingId, heading, view) {
	const opts = rounds.map((r) => [r.id, `${r.date || '–'} (${r.document_name})`]);
	const a = select(opts, rounds[rounds.length - 2].id);
	const b = select(opts, rounds[rounds.length - 1].id);
	const out = h('div', { class: 'diff-out', 'aria-live': 'polite' });
	const err = errorBox();
	const form = h('form', { class: 'inline-form' }, field(t('diff_from'), a), field(t('diff_to'), b),
		h('button', { type: 'submit' }, t('compare')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		clear(out);
		try {
			const [ea, eb] = await Promise.all([get(`/rounds/${a.value}/evaluation`), get(`/rounds/${b.value}/evaluation`)]);
			out.append(await view(ea, eb));
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('section', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, heading), form, out);
}

// The system level, every domain, and each requirement whose status or
// achieved level changed (as `taisaku diff` does on files).
function diffView(ea, eb, cat) {
	const frag = h('div', {});
	frag.append(h('p', { class: 'big' }, t('system_level'), ': ', fmtLevel(ea.system.level), ' → ', fmtLevel(eb.system.level), ' ',
		arrow(ea.system.level, eb.system.level), '　', t('target'), ': ', ea.system.target, ' → ', eb.system.target));
	const da = new Map(ea.domains.map((d) => [d.id, d]));
	const changedDomains = eb.domains.filter((d) => {
		const o = da.get(d.id);
		return o && (fmtLevel(o.level) !== fmtLevel(d.level) || fmtLevel(o.target) !== fmtLevel(d.target));
	});
	frag.append(h('h3', {}, t('domains_changed', changedDomains.length)));
	if (changedDomains.length)
		frag.append(h('table', { class: 'list' },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('domain')), h('th', { scope: 'col' }, t('level')), h('th', { scope: 'col' }, t('target')))),
			h('tbody', {}, changedDomains.map((d) => {
				const o = da.get(d.id);
				return h('tr', {}, h('th', { scope: 'row' }, `${d.id} ${title(cat.domainById.get(d.id))}`),
					h('td', {}, `${fmtLevel(o.level)} → ${fmtLevel(d.level)} ${arrow(o.level, d.level)}`),
					h('td', {}, `${fmtLevel(o.target)} → ${fmtLevel(d.target)}`));
			}))));
	const ra = new Map(ea.requirements.map((r) => [r.id, r]));
	const changed = eb.requirements.filter((r) => {
		const o = ra.get(r.id);
		return !o || o.status !== r.status || o.achieved !== r.achieved || o.target !== r.target;
	});
	frag.append(h('h3', {}, t('requirements_changed', changed.length)));
	if (changed.length)
		frag.append(h('table', { class: 'list' },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('requirement')), h('th', { scope: 'col' }, t('achieved')),
				h('th', { scope: 'col' }, t('target')), h('th', { scope: 'col' }, t('status')))),
			h('tbody', {}, changed.map((r) => {
				const o = ra.get(r.id) || {};
				return h('tr', {}, h('th', { scope: 'row' }, `${r.id} ${title(cat.reqById.get(r.id))}`),
					h('td', {}, `${o.achieved ?? '–'} → ${r.achieved ?? '–'} ${arrow(o.achieved, r.achieved)}`),
					h('td', {}, `${o.target ?? '–'} → ${r.target}`),
					h('td', {}, `${t('status_' + (o.status || 'unassessed'))} → ${t('status_' + r.status)}`));
			}))));
	return frag;
}

function newRoundForm(sys, rounds, cats) {
	const date = h('input', { type: 'date', value: new Date().toISOString().slice(0, 10) });
	const assessor = h('input', { type: 'text' });
	const level = select([['', t('from_plan')], [2, '2'], [3, '3'], [4, '4'], [5, '5']], rounds.length ? '' : 3);
	const from = select([['', t('latest')], ...rounds.map((r) => [r.id, `${r.date || '–'} (${r.document_name})`])], '');
	const copy = h('input', { type: 'checkbox', id: 'copy-ratings' });
	const catalog = cats.length ? select(cats.map((c) => [c.id, `${c.id} ${c.title}`]), 'ecom-2004', { id: 'new-round-catalog' }) : null;
	const compliance = () => !!catalog && cats.some((c) => c.id === catalog.value && c.kind === 'compliance')
		|| (rounds.length > 0 && rounds[rounds.length - 1].kind === 'compliance');
	const err = errorBox();
	const form = h('form', { class: 'inline-form', novalidate: true },
		field(t('date'), date), field(t('assessor'), assessor),
		catalog ? field(t('cs_new_round_catalog'), catalog) : null,
		rounds.length ? field(t('from_round'), from) : null,
		field(t('target_level'), level, rounds.length ? null : t('level_needed')),
		rounds.length ? h('div', { class: 'check' }, copy, h('label', { for: 'copy-ratings' }, t('copy_ratings'))) : null,
		h('button', { type: 'submit', class: 'primary' }, t('create_round')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		const body = {};
		if (date.value)
			body.date = date.value;
		if (assessor.value.trim())
			body.assessor = assessor.value.trim();
		if (catalog)
			body.catalog = catalog.value;
		if (level.value && !compliance())
			body.level = Number(level.value);
		if (rounds.length) {
			if (from.value)
				body.from_round = Number(from.value);
			body.copy_ratings = copy.checked;
		}
		try {
			const r = await post(`/systems/${sys.id}/rounds`, body);
			announce(t('round_created'));
			location.hash = r.kind === 'compliance' ? `#/round/${r.id}/items` : `#/round/${r.id}/plan`;
		} catch (e) {
			showError(err, e.message);
		}
	});
	return form;
}

function uploadForm(sys) {
	const file = h('input', { type: 'file', accept: '.yaml,.yml,.json' });
	const err = errorBox();
	const form = h('form', { class: 'inline-form', novalidate: true },
		field(t('upload_document'), file, t('upload_document_hint')),
		h('button', { type: 'submit' }, t('upload')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		const f = file.files[0];
		if (!f) {
			showError(err, t('choose_file'));
			file.focus();
			return;
		}
		const type = /\.json$/i.test(f.name) ? 'application/json' : 'application/yaml';
		try {
			const r = await api('POST', `/systems/${sys.id}/rounds/upload?name=${encodeURIComponent(f.name)}`, { blob: f, type });
			announce(t('uploaded'));
			location.hash = `#/round/${r.id}/results`;
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('details', { class: 'add' }, h('summary', {}, t('upload_document')), form);
}

function attributesForm(sys) {
	const industry = h('input', { type: 'text', value: sys.industry });
	const size = h('input', { type: 'text', value: sys.size });
	const err = errorBox();
	const form = h('form', { class: 'inline-form', novalidate: true },
		field(t('industry'), industry), field(t('size'), size), h('button', { type: 'submit' }, t('save')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		try {
			await patch(`/systems/${sys.id}`, { industry: industry.value.trim(), size: size.value.trim() });
			announce(t('saved'));
			window.dispatchEvent(new HashChangeEvent('hashchange'));
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('details', { class: 'add' }, h('summary', {}, t('attributes')), form);
}

// Only administrators can list users today (docs/api.md), so only they
// see this; web/NEEDS.md asks for the organisation's members for owners.
async function assessorsForm(sys) {
	let users = [];
	try {
		users = (await get('/users')).users.filter((u) => u.roles.some((r) => r.org_id === sys.org_id && r.role === 'assessor'));
	} catch {
		return h('span', {});
	}
	const err = errorBox();
	const boxes = users.map((u) => {
		const cb = h('input', { type: 'checkbox', id: `assessor-${u.id}`, value: u.id, checked: sys.assessors.includes(u.id) });
		return h('div', { class: 'check' }, cb, h('label', { for: cb.id }, u.username));
	});
	const form = h('form', { class: 'inline-form' },
		h('fieldset', {}, h('legend', {}, t('assessors')), boxes.length ? boxes : h('p', {}, t('no_assessors'))),
		h('button', { type: 'submit' }, t('save')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		try {
			await put(`/systems/${sys.id}/assessors`, { user_ids: boxes.map((b) => b.firstChild).filter((c) => c.checked).map((c) => Number(c.value)) });
			announce(t('saved'));
		} catch (e) {
			showError(err, e.message);
		}
	});
	return h('details', { class: 'add' }, h('summary', {}, t('assessors')), form);
}
