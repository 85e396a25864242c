// Results of a compliance round: the compliance overall, per view and per
// section (MODEL.md §8: implemented + ½·partial over the applicable items),
// the open items with their actions, the downloads (the compliance report,
// the checklist as Excel or CSV, the document) and the upload of a filled
// checklist.
import { get, href } from '../api.js';
import { h, clear, field, select } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { canRate } from '../state.js';
import { uploadWorkbook } from './results.js';
import { loadComplianceRound, complianceHead, fmtPercent, percentBar, countsLine, statusLabel } from './compliance.js';

export async function render(main, { params, seq }) {
	const id = Number(params[0]);
	const { round, sys } = await loadComplianceRound(id);
	const [ev, { sections }] = await Promise.all([get(`/rounds/${id}/evaluation`), get(`/rounds/${id}/items`)]);
	if (!seq())
		return;
	document.title = `${t('results')} – ${sys.name} – taisaku`;
	const titles = new Map(sections.flatMap((s) => s.items.map((i) => [i.id, i.title_ja])));
	clear(main);
	main.append(complianceHead(round, sys, 'compliance', t('results'), ev.overall));
	main.append(downloads(round, sys));
	main.append(tallyTable('cs-views', t('cs_by_view'), ev.views, t('cs_view')));
	main.append(tallyTable('cs-sections', t('cs_by_section'), ev.sections, t('cs_section')));
	main.append(openItems(round, ev, titles));
}

function tallyTable(id, heading, rows, what) {
	return h('section', { 'aria-labelledby': id + '-h' }, h('h2', { id: id + '-h' }, heading),
		h('table', { class: 'list', id },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, what), h('th', { scope: 'col' }, t('cs_compliance')),
				h('th', { scope: 'col' }, t('counts')))),
			h('tbody', {}, rows.map((x) => h('tr', { 'data-id': x.id },
				h('th', { scope: 'row' }, `${x.id} ${x.title_ja}`),
				h('td', {}, percentBar(x.compliance)),
				h('td', { class: 'counts' }, countsLine(x.counts)))))));
}

function openItems(round, ev, titles) {
	const byId = new Map(ev.items.map((i) => [i.id, i]));
	const sec = h('section', { 'aria-labelledby': 'cs-open-h' }, h('h2', { id: 'cs-open-h' }, t('cs_open_items', ev.open.length)));
	if (!ev.open.length) {
		sec.append(h('p', {}, t('none')));
		return sec;
	}
	sec.append(h('table', { class: 'list', id: 'cs-open' },
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cs_item')), h('th', { scope: 'col' }, t('status')),
			h('th', { scope: 'col' }, t('cs_action')), h('th', { scope: 'col' }, t('cs_action_due')), h('th', { scope: 'col' }, t('cs_action_owner')))),
		h('tbody', {}, ev.open.map((id) => {
			const it = byId.get(id) || {};
			const a = it.action || {};
			return h('tr', {},
				h('th', { scope: 'row' }, h('a', { href: `#/round/${round.id}/items/${encodeURIComponent(id)}` }, id), ' ', titles.get(id) || ''),
				h('td', {}, statusLabel(it.status)),
				h('td', {}, a.content || '–'), h('td', {}, a.due || '–'), h('td', {}, a.owner || '–'));
		}))));
	return sec;
}

function downloads(round, sys) {
	const rlang = select([['ja', '日本語'], ['en', 'English']], getLang(), { id: 'report-lang' });
	const reportLink = h('a', { class: 'button', id: 'download-report', download: '' }, t('download_report'));
	const fmt = select([['xlsx', 'Excel (.xlsx)'], ['csv', 'CSV']], 'xlsx', { id: 'export-format' });
	const wbLink = h('a', { class: 'button', id: 'download-workbook', download: '' }, t('download_workbook'));
	const update = () => {
		reportLink.href = href(`/rounds/${round.id}/report`, { lang: rlang.value });
		wbLink.href = href(`/rounds/${round.id}/export`, { format: fmt.value, lang: rlang.value });
	};
	rlang.addEventListener('change', update);
	fmt.addEventListener('change', update);
	update();
	const sec = h('section', { class: 'downloads card', 'aria-labelledby': 'dl-h' }, h('h2', { id: 'dl-h' }, t('downloads')),
		h('div', { class: 'inline-form' }, field(t('output_language'), rlang), reportLink),
		h('div', { class: 'inline-form' }, field(t('workbook_format'), fmt), wbLink,
			h('a', { class: 'button', href: href(`/rounds/${round.id}/document`), download: '' }, t('download_document'))));
	if (!round.closed && canRate(sys.org_id, sys))
		sec.append(uploadWorkbook(round, t('cs_upload_workbook_hint'),
			(r) => t('cs_workbook_imported', fmtPercent(r.compliance && r.compliance.value))));
	return sec;
}
