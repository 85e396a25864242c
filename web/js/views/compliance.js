// The compliance editor (issue 7): a round whose catalog is a compliance
// catalog (atla-ssr, nisc-2012, space-rules, port-tos) lists its sections,
// each with its items: the catalog's text as the seed prints it, and the
// item's status (implemented / partial / not implemented / not applicable
// with a reason / unknown / not assessed), a note and an action. Every
// change is saved at once (PUT /rounds/{id}/items/{item}); the answer
// carries the item's section and the round's new compliance, which replace
// the figures on the page. Evidence (title, date, reference) is edited the
// same way.
import { get, put, href } from '../api.js';
import { h, clear, field, select, announce, uid } from '../dom.js';
import { t } from '../i18n.js';
import { canRate, state } from '../state.js';

// The statuses in the order people choose them, with their labels.
export function statusOptions() {
	return [
		['unassessed', t('cs_unassessed')], ['implemented', t('cs_implemented')], ['partial', t('cs_partial')],
		['not-implemented', t('cs_not_implemented')], ['na', t('cs_na')], ['unknown', t('cs_unknown')],
	];
}

export function statusLabel(s) {
	const o = statusOptions().find(([v]) => v === s);
	return o ? o[1] : s;
}

// A compliance (0..1, or null when nothing is applicable) as people read
// it: half up to one decimal, as taisaku's reports print it.
export function fmtPercent(v) {
	return v === null || v === undefined ? '–' : `${(Math.round(v * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

// A gauge of a compliance with the figure beside it (the text is what
// screen readers and printouts get).
export function percentBar(v) {
	const bar = h('span', { class: 'gauge', 'aria-hidden': 'true' }, h('span', { class: 'fill ok' }));
	bar.firstChild.style.width = `${v === null || v === undefined ? 0 : Math.max(0, Math.min(1, v)) * 100}%`;
	return h('span', { class: 'levelbar' }, bar, h('span', { class: 'figures' }, fmtPercent(v)));
}

export function countsLine(c) {
	return t('cs_counts_line', c.implemented, c.partial, c['not-implemented'], c.na, c.unknown, c.unassessed);
}

export async function loadComplianceRound(id) {
	const round = await get(`/rounds/${id}`);
	const sys = await get(`/systems/${round.system_id}`);
	return { round, sys };
}

// The top of both compliance pages: where we are, the compliance and the
// tabs (items, results).
export function complianceHead(round, sys, active, titleText, overall) {
	const summary = h('p', { class: 'round-summary', id: 'compliance-summary' });
	updateOverall(summary, overall);
	const flash = state.flash ? h('p', { class: 'ok', role: 'status', id: 'flash' }, state.flash) : null;
	state.flash = null;
	const tabs = [['items', t('cs_items')], ['compliance', t('results')]];
	return h('div', { class: 'round-head' }, flash,
		h('nav', { class: 'crumbs', 'aria-label': t('breadcrumbs') },
			h('a', { href: '#/' }, t('nav_systems')), ' › ', h('a', { href: `#/system/${sys.id}` }, sys.name), ' › ',
			`${round.date || '–'} ${round.closed ? `(${t('closed')})` : ''}`),
		h('h1', {}, titleText, h('span', { class: 'h1-sub' }, `${sys.name} ${round.date || ''}`)),
		h('p', { class: 'sub' }, t('cs_catalog', round.catalog)),
		summary,
		h('nav', { class: 'tabs', 'aria-label': t('round_pages') }, tabs.map(([k, text]) =>
			h('a', { href: `#/round/${round.id}/${k}`, 'aria-current': k === active ? 'page' : null }, text))));
}

export function updateOverall(el, overall) {
	el.replaceChildren(h('span', { class: 'lbl' }, t('cs_compliance'), ' '), percentBar(overall.compliance),
		h('span', { class: 'counts' }, countsLine(overall.counts)));
	el.dataset.compliance = overall.compliance === null ? '' : String(overall.compliance);
}

export async function render(main, { params, seq }) {
	const id = Number(params[0]);
	const { round, sys } = await loadComplianceRound(id);
	const [{ sections }, ev] = await Promise.all([get(`/rounds/${id}/items`), get(`/rounds/${id}/evaluation`)]);
	if (!seq())
		return;
	document.title = `${t('cs_items')} – ${sys.name} – taisaku`;
	const editable = !round.closed && canRate(sys.org_id, sys);
	const ed = { round, editable, sectionChips: new Map(), evSection: new Map(ev.sections.map((s) => [s.id, s])) };
	clear(main);
	const head = complianceHead(round, sys, 'items', t('cs_items'), ev.overall);
	ed.summary = head.querySelector('#compliance-summary');
	main.append(head);
	if (!editable)
		main.append(h('p', { class: 'notice' }, round.closed ? t('round_is_closed') : t('read_only_rate')));
	main.append(h('p', { class: 'hint' }, t('cs_editor_hint')));
	const target = params[1] ? decodeURIComponent(params[1]) : null;
	const list = h('div', { class: 'compliance-sections' });
	for (const s of sections)
		list.append(sectionBlock(ed, s, target));
	main.append(list);
	if (target) {
		const el = document.getElementById(itemDomId(target));
		if (el) {
			el.scrollIntoView({ block: 'start' });
			(el.querySelector('select') || el).focus({ preventScroll: true });
		}
	}
}

function itemDomId(itemId) {
	return 'item-' + itemId.replace(/[^A-Za-z0-9.-]/g, (c) => '_' + c.codePointAt(0).toString(16));
}

function sectionBlock(ed, s, target) {
	const chip = h('span', { class: 'chip' });
	ed.sectionChips.set(s.id, chip);
	setSectionChip(ed, s.id);
	const open = !target ? ed.sectionChips.size === 1 : s.items.some((i) => i.id === target);
	return h('details', { class: 'domain csection', open, id: `section-${s.id}` },
		h('summary', {}, h('span', { class: 'dtitle' }, `${s.id} ${s.title_ja}`), chip),
		s.items.map((it) => itemBlock(ed, it)));
}

function setSectionChip(ed, id) {
	const s = ed.evSection.get(id);
	const chip = ed.sectionChips.get(id);
	if (s && chip)
		chip.textContent = `${t('cs_compliance')} ${fmtPercent(s.compliance)}`;
}

function itemBlock(ed, it) {
	const hid = uid('ih');
	const status = select(statusOptions(), it.status, { class: 'cstatus', disabled: !ed.editable, 'data-item': it.id });
	const reason = h('input', { type: 'text', value: it.reason || '', disabled: !ed.editable, class: 'creason' });
	const note = h('textarea', { rows: 2, disabled: !ed.editable, class: 'cnote' }, it.note || '');
	const act = it.action || {};
	const content = h('input', { type: 'text', value: act.content || '', disabled: !ed.editable });
	const due = h('input', { type: 'date', value: act.due || '', disabled: !ed.editable });
	const owner = h('input', { type: 'text', value: act.owner || '', disabled: !ed.editable });
	const saveState = h('span', { class: 'save-state', role: 'status' });
	const reasonField = field(t('na_reason'), reason);
	reasonField.hidden = it.status !== 'na';
	const ctl = { status, reason, note, content, due, owner, saveState, reasonField, item: it, chain: Promise.resolve(), evidence: [] };
	const evList = h('ul', { class: 'cevidence' });
	const addEvidence = (e = {}) => {
		const row = {
			title: h('input', { type: 'text', value: e.title || '', disabled: !ed.editable }),
			date: h('input', { type: 'date', value: e.date || '', disabled: !ed.editable }),
			ref: h('input', { type: 'text', value: e.ref || '', disabled: !ed.editable }),
		};
		const li = h('li', { class: 'inline-form' }, field(t('evidence_title'), row.title), field(t('evidence_date'), row.date),
			field(t('evidence_ref'), row.ref),
			ed.editable ? h('button', { type: 'button', class: 'small', onclick: () => {
				li.remove();
				ctl.evidence = ctl.evidence.filter((x) => x !== row);
				changed();
			} }, t('remove_evidence')) : null);
		for (const c of [row.title, row.date, row.ref])
			c.addEventListener('change', () => changed());
		ctl.evidence.push(row);
		evList.append(li);
		return row;
	};
	// What a change does: save, unless something the document needs is missing.
	const changed = () => {
		if (status.value === 'na' && !reason.value.trim()) {
			saveState.textContent = t('need_na_reason');
			return;
		}
		if (ctl.evidence.some((x) => !x.title.value.trim() && (x.date.value || x.ref.value.trim()))) {
			saveState.textContent = t('need_evidence_title');
			return;
		}
		save(ed, ctl);
	};
	for (const e of it.evidence || [])
		addEvidence(e);
	const art = h('article', { class: 'citem', id: itemDomId(it.id), 'aria-labelledby': hid, tabindex: '-1' },
		h('h3', { id: hid }, h('span', { class: 'rid' }, it.id), ' ', it.title_ja),
		it.text_ja ? h('p', { class: 'ctext', lang: 'ja' }, it.text_ja) : null,
		it.role_ja ? h('p', { class: 'sub' }, t('cs_role'), ': ', it.role_ja) : null,
		it.documents_ja && it.documents_ja.length ? h('p', { class: 'sub' }, t('cs_documents'), ': ', it.documents_ja.join('、')) : null,
		h('div', { class: 'inline-form' }, field(t('status'), status), reasonField, saveState),
		field(t('note'), note),
		h('details', { class: 'caction', open: !!it.action },
			h('summary', {}, t('cs_action')),
			h('div', { class: 'inline-form' }, field(t('cs_action_content'), content), field(t('cs_action_due'), due),
				field(t('cs_action_owner'), owner))),
		h('fieldset', { class: 'cevidence' }, h('legend', {}, t('evidence')), evList,
			ed.editable ? h('button', { type: 'button', class: 'small', onclick: () => addEvidence().title.focus() }, t('add_evidence')) : null));
	status.addEventListener('change', () => {
		reasonField.hidden = status.value !== 'na';
		if (status.value === 'na' && !reason.value.trim())
			reason.focus();
		changed();
	});
	for (const c of [reason, note, content, due, owner])
		c.addEventListener('change', changed);
	return art;
}

// The item's entry in the document's own form: everything the page shows
// (empty fields left out: the document has no empty values).
function entry(ctl) {
	const b = { status: ctl.status.value };
	if (b.status === 'na')
		b.reason = ctl.reason.value.trim();
	if (ctl.note.value.trim())
		b.note = ctl.note.value.trim();
	const ev = ctl.evidence.filter((x) => x.title.value.trim()).map((x) => {
		const e = { title: x.title.value.trim() };
		if (x.date.value)
			e.date = x.date.value;
		if (x.ref.value.trim())
			e.ref = x.ref.value.trim();
		return e;
	});
	if (ev.length)
		b.evidence = ev;
	if (ctl.content.value.trim()) {
		b.action = { content: ctl.content.value.trim() };
		if (ctl.due.value)
			b.action.due = ctl.due.value;
		if (ctl.owner.value.trim())
			b.action.owner = ctl.owner.value.trim();
	}
	return b;
}

// Saves one after the other per item, so that a quick second change is
// not overtaken by the first one's answer.
function save(ed, ctl) {
	const body = entry(ctl);
	ctl.saveState.textContent = t('saving');
	ctl.chain = ctl.chain.then(async () => {
		try {
			const r = await put(`/rounds/${ed.round.id}/items/${encodeURIComponent(ctl.item.id)}`, body);
			ctl.item = { ...ctl.item, ...r.item };
			ed.evSection.set(r.section.id, r.section);
			setSectionChip(ed, r.section.id);
			updateOverall(ed.summary, r.overall);
			const at = new Date().toLocaleTimeString();
			ctl.saveState.textContent = t('saved_at', at);
			announce(t('cs_saved', fmtPercent(r.overall.compliance)));
		} catch (e) {
			ctl.saveState.textContent = `${t('not_saved')}: ${e.message}`;
		}
	});
	return ctl.chain;
}

// A compliance round's row of a system's history (views/system.js): its
// compliance instead of a level, and its own pages.
export function complianceRow(r, closeBtn) {
	const c = r.compliance || {};
	return h('tr', { class: 'compliance-round' },
		h('th', { scope: 'row' }, r.date || '–', h('div', { class: 'sub' }, r.document_name)),
		h('td', {}, r.assessor || '–'),
		h('td', {}, t('cs_compliance'), ' ', percentBar(c.value)),
		h('td', { class: 'counts' }, t('cs_counts_line', c.implemented, c.partial, c.not_implemented, r.counts.na, r.counts.unknown, r.counts.unassessed)),
		h('td', {}, r.closed ? h('span', { class: 'tag' }, t('closed')) : h('span', { class: 'tag open' }, t('open'))),
		h('td', { class: 'actions' },
			h('a', { href: `#/round/${r.id}/items` }, t('cs_items')), ' ',
			h('a', { href: `#/round/${r.id}/compliance` }, t('results')), ' ',
			h('a', { href: href(`/rounds/${r.id}/document`), download: '' }, t('document')), ' ',
			closeBtn));
}
