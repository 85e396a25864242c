// Results of a round: the level against the target, the report's own SVG
// charts (taken from the server-rendered report, so they are the same
// bytes), the gaps (under-measures and what they lack), the checklist for
// the next level, downloads (report, workbook, document) and the upload of
// a filled workbook.
import { get, api, href } from '../api.js';
import { h, clear, field, select, errorBox, showError, announce, fmtLevel } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { canRate, state } from '../state.js';
import { loadCatalog, title } from '../catalog.js';
import { loadRound, roundHead } from './roundhead.js';

export async function render(main, { params, seq }) {
	const id = Number(params[0]);
	const { round, sys } = await loadRound(id);
	const ev = await get(`/rounds/${id}/evaluation`);
	ev.round_id = id; // for the links from gaps to the editor
	const cat = await loadCatalog(round.catalog, ev);
	if (!seq())
		return;
	document.title = `${t('results')} – ${sys.name} – taisaku`;
	clear(main);
	main.append(roundHead(round, sys, 'results', t('results')));
	main.append(downloads(round, sys));
	const charts = h('section', { class: 'charts', 'aria-labelledby': 'charts-h' }, h('h2', { id: 'charts-h' }, t('charts')),
		h('p', { class: 'loading' }, t('loading')));
	main.append(charts);
	main.append(gaps(ev, cat), nextLevel(ev, cat), others(ev, cat));
	loadCharts(id, charts);
}

function downloads(round, sys) {
	const lang = getLang();
	const kind = select([['assessment', t('report_assessment')], ['plan', t('report_plan')], ['improvement', t('report_improvement')]], 'assessment', { id: 'report-kind' });
	const rlang = select([['ja', '日本語'], ['en', 'English']], lang, { id: 'report-lang' });
	const reportLink = h('a', { class: 'button', id: 'download-report', download: '' }, t('download_report'));
	const fmt = select([['xlsx', 'Excel (.xlsx)'], ['csv', 'CSV']], 'xlsx', { id: 'export-format' });
	const wbLink = h('a', { class: 'button', id: 'download-workbook', download: '' }, t('download_workbook'));
	const update = () => {
		reportLink.href = href(`/rounds/${round.id}/report`, { kind: kind.value, lang: rlang.value });
		wbLink.href = href(`/rounds/${round.id}/export`, { format: fmt.value, lang: rlang.value });
	};
	kind.addEventListener('change', update);
	rlang.addEventListener('change', update);
	fmt.addEventListener('change', update);
	update();
	const sec = h('section', { class: 'downloads card', 'aria-labelledby': 'dl-h' }, h('h2', { id: 'dl-h' }, t('downloads')),
		h('div', { class: 'inline-form' }, field(t('report_kind'), kind), field(t('output_language'), rlang), reportLink),
		h('div', { class: 'inline-form' }, field(t('workbook_format'), fmt), wbLink,
			h('a', { class: 'button', href: href(`/rounds/${round.id}/document`), download: '' }, t('download_document'))));
	if (!round.closed && canRate(sys.org_id, sys))
		sec.append(uploadWorkbook(round, t('upload_workbook_hint'), (r) => t('workbook_imported_level', fmtLevel(r.level))));
	return sec;
}

// The upload of a filled workbook (ECOM) or checklist (compliance): hint
// under the field, flash(answer) the line shown under the round's heading
// once the page is drawn again with the new figures.
export function uploadWorkbook(round, hint, flash) {
	const file = h('input', { type: 'file', id: 'workbook-file', accept: '.xlsx,.csv' });
	const err = errorBox();
	const form = h('form', { class: 'inline-form', novalidate: true },
		field(t('upload_workbook'), file, hint),
		h('button', { type: 'submit', id: 'workbook-upload' }, t('upload')), err);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		const f = file.files[0];
		if (!f) {
			showError(err, t('choose_file'));
			file.focus();
			return;
		}
		const type = /\.csv$/i.test(f.name) ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
		try {
			const r = await api('POST', `/rounds/${round.id}/workbook`, { blob: f, type });
			announce(t('workbook_imported'));
			state.flash = flash(r);
			window.dispatchEvent(new HashChangeEvent('hashchange'));
		} catch (e) {
			showError(err, e.message);
		}
	});
	return form;
}

// The charts: the assessment report's <figure>s as GET /charts gives them
// (a read, not audited as a report download), parsed as an inert document
// and adopted. SVG with presentation attributes only, so the page's CSP
// (no inline style) does not touch them.
async function loadCharts(id, sec) {
	try {
		const html = await get(`/rounds/${id}/charts?lang=${getLang()}`);
		// Without its <style> and any <script>: even an inert parsed document
		// reports them to the page's CSP as blocked inline content.
		const clean = html.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '');
		const doc = new DOMParser().parseFromString(clean, 'text/html');
		const figs = doc.querySelectorAll('#charts figure, section.charts figure, figure');
		sec.querySelector('.loading')?.remove();
		const wrap = h('div', { class: 'figs' });
		for (const f of figs) {
			if (!f.querySelector('svg'))
				continue;
			for (const s of f.querySelectorAll('script, style, foreignObject'))
				s.remove();
			wrap.append(document.importNode(f, true));
		}
		sec.append(wrap.childNodes.length ? wrap : h('p', {}, t('no_charts')));
	} catch (e) {
		sec.querySelector('.loading')?.remove();
		sec.append(h('p', { class: 'error' }, e.message));
	}
}

function missingText(list) {
	return (list || []).map((m) => `${t('el_' + m.element)} ${m.have ?? '–'}→${m.need}`).join('、');
}


function gaps(ev, cat) {
	const under = ev.requirements.filter((r) => r.status === 'under');
	const sec = h('section', { 'aria-labelledby': 'gaps-h' }, h('h2', { id: 'gaps-h' }, t('gaps', under.length)));
	if (!under.length) {
		sec.append(h('p', {}, t('no_gaps')));
		return sec;
	}
	sec.append(h('table', { class: 'list' },
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('requirement')), h('th', { scope: 'col', class: 'num' }, t('achieved')),
			h('th', { scope: 'col', class: 'num' }, t('target')), h('th', { scope: 'col' }, t('importance')), h('th', { scope: 'col' }, t('missing_for_target')))),
		h('tbody', {}, under.map((r) => h('tr', {},
			h('th', { scope: 'row' }, h('a', { href: `#/round/${ev.round_id}/assess/${r.id}` }, h('span', { class: 'rid' }, r.id), ' ', title(cat.reqById.get(r.id)))),
			h('td', { class: 'num' }, r.achieved ?? '–'), h('td', { class: 'num' }, r.target),
			h('td', {}, t('imp_' + r.importance)), h('td', {}, missingText(r.missing_for_target)))))));
	return sec;
}

// For each rated requirement below 5: what the next level up needs.
function nextLevel(ev, cat) {
	const rows = ev.requirements.filter((r) => r.achieved !== null && r.achieved < 5 && r.missing_for_next && r.missing_for_next.length);
	const sec = h('section', { 'aria-labelledby': 'next-h' }, h('h2', { id: 'next-h' }, t('next_level_checklist', rows.length)));
	if (!rows.length) {
		sec.append(h('p', {}, t('nothing_next')));
		return sec;
	}
	sec.append(h('details', {}, h('summary', {}, t('show_checklist')),
		h('ul', { class: 'checklist' }, rows.map((r) => h('li', {},
			h('a', { href: `#/round/${ev.round_id}/assess/${r.id}` }, h('span', { class: 'rid' }, r.id), ' ', title(cat.reqById.get(r.id))), ': ',
			t('to_level', r.achieved + 1), ' — ', missingText(r.missing_for_next))))));
	return sec;
}

function others(ev, cat) {
	const list = (ids, key) => ids.length ? h('div', {}, h('h3', {}, t(key, ids.length)),
		h('ul', {}, ids.map((id) => {
			const r = ev.requirements.find((x) => x.id === id);
			return h('li', {}, h('span', { class: 'rid' }, id), ' ', title(cat.reqById.get(id)),
				r && (r.na_reason || r.note) ? h('span', { class: 'sub' }, ` — ${r.na_reason || r.note}`) : null);
		}))) : null;
	return h('section', { 'aria-labelledby': 'other-h' }, h('h2', { id: 'other-h' }, t('other_findings')),
		list(ev.unknown, 'list_unknown'), list(ev.unassessed, 'list_unassessed'), list(ev.na, 'list_na'),
		!ev.unknown.length && !ev.unassessed.length && !ev.na.length ? h('p', {}, t('none')) : null);
}
