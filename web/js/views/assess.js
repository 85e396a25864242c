// The assessment editor. Left: the requirement tree (views → domains →
// requirements) with each requirement's achieved level against its target.
// Right: the chosen requirement's purpose and 対策のポイント from the catalog,
// and its rating: the core level (or the core per asset), the five
// peripheral ranks (or their ○/△/× answers), N/A with a reason, unknown,
// evidence and a note. Every change is saved at once (PUT one rating); the
// answer carries the requirement's, the domain's and the system's new
// levels, which replace the figures on the page.
import { get, put } from '../api.js';
import { h, append, clear, field, select, errorBox, showError, announce, fmtLevel, uid } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { canRate } from '../state.js';
import { loadCatalog, title } from '../catalog.js';
import { loadRound, roundHead, updateSummary, partialNotice } from './roundhead.js';

const ELEMENTS = ['study', 'process', 'management', 'review', 'documentation'];

export async function render(main, { params, seq }) {
	const id = Number(params[0]);
	const { round, sys } = await loadRound(id);
	const [ev, { ratings }] = await Promise.all([get(`/rounds/${id}/evaluation`), get(`/rounds/${id}/ratings`)]);
	const cat = await loadCatalog(round.catalog, ev);
	if (!seq())
		return;
	document.title = `${t('assess')} – ${sys.name} – taisaku`;
	const editable = !round.closed && canRate(sys.org_id, sys);
	const ed = {
		round, sys, cat, ratings, editable,
		evReq: new Map(ev.requirements.map((r) => [r.id, r])),
		evDomain: new Map(ev.domains.map((d) => [d.id, d])),
		chips: new Map(), domainChips: new Map(), links: new Map(),
		current: null,
	};
	clear(main);
	const head = roundHead(round, sys, 'assess', t('assess'));
	ed.summary = head.querySelector('#round-summary');
	updateSummary(ed.summary, ev.system.level, ev.system.target, ev.counts);
	main.append(head);
	const pn = partialNotice(cat);
	if (pn)
		main.append(pn);
	if (!editable)
		main.append(h('p', { class: 'notice' }, round.closed ? t('round_is_closed') : t('read_only_rate')));
	ed.panel = h('section', { class: 'req-panel', id: 'req-panel', 'aria-live': 'off' });
	main.append(h('div', { class: 'editor' }, tree(ed), ed.panel));
	const first = params[1] && cat.reqById.has(params[1]) ? params[1] : (ev.unassessed[0] || cat.reqList[0].id);
	select_(ed, first, false);
}

// ---- the tree ----

function tree(ed) {
	const nav = h('nav', { class: 'tree', 'aria-label': t('requirement_tree') });
	const lang = getLang();
	for (const v of ed.cat.views) {
		const vd = h('details', { open: true }, h('summary', {}, `${v.id} ${title(v)}`));
		for (const sv of v.subviews)
			for (const d of sv.domains) {
				const dchip = h('span', { class: 'chip' });
				ed.domainChips.set(d.id, dchip);
				setDomainChip(ed, d.id);
				const dd = h('details', { open: true, class: 'domain' }, h('summary', {}, h('span', { class: 'dtitle' }, `${d.id} ${title(d)}`), dchip));
				const ul = h('ul', {});
				for (const r of d.requirements) {
					const chip = h('span', { class: 'chip' });
					ed.chips.set(r.id, chip);
					setChip(ed, r.id);
					const a = h('a', { href: `#/round/${ed.round.id}/assess/${r.id}`, 'data-req': r.id, lang: lang === 'en' && r.title_en ? 'en' : 'ja' },
						h('span', { class: 'rid' }, r.id), ' ', h('span', { class: 'rt' }, title(r)), chip);
					a.addEventListener('click', (e) => {
						// Stay on the page: only the panel changes (the URL too,
						// so that the address can be shared or reloaded).
						e.preventDefault();
						select_(ed, r.id, true);
					});
					ed.links.set(r.id, a);
					ul.append(h('li', {}, a));
				}
				dd.append(ul);
				vd.append(dd);
			}
		nav.append(vd);
	}
	return nav;
}

function setChip(ed, id) {
	const e = ed.evReq.get(id);
	const chip = ed.chips.get(id);
	if (!e || !chip)
		return;
	chip.className = `chip st-${e.status}`;
	chip.textContent = e.status === 'na' ? t('na_short') : e.status === 'unassessed' ? '–' : `${e.achieved ?? '–'}/${e.target}`;
	chip.title = t('status_' + e.status);
	chip.setAttribute('aria-label', `${t('status_' + e.status)}: ${t('achieved')} ${e.achieved ?? '–'}, ${t('target')} ${e.target}`);
}

function setDomainChip(ed, id) {
	const d = ed.evDomain.get(id);
	const chip = ed.domainChips.get(id);
	if (!d || !chip)
		return;
	const under = d.level !== null && d.target !== null && d.level < d.target - 1e-9;
	chip.className = `chip ${under ? 'st-under' : d.level === null ? 'st-unassessed' : 'st-met'}`;
	chip.textContent = `${fmtLevel(d.level)}/${fmtLevel(d.target)}`;
	chip.setAttribute('aria-label', `${t('level')} ${fmtLevel(d.level)}, ${t('target')} ${fmtLevel(d.target)}`);
}

function select_(ed, id, fromClick) {
	if (ed.current)
		ed.links.get(ed.current)?.removeAttribute('aria-current');
	ed.current = id;
	const link = ed.links.get(id);
	link?.setAttribute('aria-current', 'true');
	history.replaceState(null, '', `#/round/${ed.round.id}/assess/${id}`);
	if (!fromClick)
		link?.scrollIntoView({ block: 'nearest' });
	renderPanel(ed, id);
	if (fromClick)
		ed.panel.querySelector('h2').focus();
}

// ---- the panel ----

function renderPanel(ed, id) {
	const r = ed.cat.reqById.get(id);
	const panel = clear(ed.panel);
	const status = h('div', { class: 'req-status', id: 'req-status', 'aria-live': 'polite' });
	panel.append(
		h('h2', { tabindex: '-1', id: 'req-title' }, h('span', { class: 'rid' }, r.id), ' ', r.title_ja,
			getLang() === 'en' && r.title_en ? h('span', { class: 'en-title', lang: 'en' }, r.title_en) : null),
		status);
	showStatus(ed, status, id);
	if (r.purpose_ja)
		panel.append(h('details', { class: 'purpose' }, h('summary', {}, t('purpose')), h('div', { lang: 'ja', class: 'seed' }, paragraphs(r.purpose_ja))));
	if (r.points && r.points.length)
		panel.append(h('details', { class: 'points', open: true }, h('summary', {}, t('points')),
			h('div', { lang: 'ja', class: 'seed' }, r.points.map((p) => h('div', { class: 'point' },
				h('h3', {}, `${p.label || ''}${p.title_ja || ''}`),
				p.text_ja ? paragraphs(p.text_ja) : null,
				items(p.items))))));
	panel.append(ratingForm(ed, r, status));
	const nav = h('div', { class: 'prevnext' });
	const i = ed.cat.reqList.findIndex((x) => x.id === id);
	for (const [k, j] of [['previous', i - 1], ['next', i + 1]]) {
		const other = ed.cat.reqList[j];
		if (other)
			nav.append(h('button', { type: 'button', onclick: () => select_(ed, other.id, true) }, t(k, other.id)));
	}
	panel.append(nav);
}

function paragraphs(text) {
	return text.split('\n').map((line) => h('p', {}, line));
}

function items(list) {
	if (!list || !list.length)
		return null;
	return h('ul', {}, list.map((it) => h('li', {}, paragraphs(it.text_ja || ''), items(it.items))));
}

function showStatus(ed, el, id) {
	const e = ed.evReq.get(id);
	clear(el);
	if (!e)
		return;
	append(el, [h('span', { class: `chip big st-${e.status}` }, t('status_' + e.status)), ' ',
		h('span', { class: 'req-level', id: 'req-level' }, t('achieved'), ': ', h('strong', {}, e.achieved ?? '–'), ' / ', t('target'), ': ', h('strong', {}, e.target)),
		e.target_reason ? h('span', { class: 'sub' }, ` (${t('override')}: ${e.target_reason})`) : null,
		' ', h('span', { class: 'sub' }, t('importance'), ': ', t('imp_' + e.importance)),
		e.coverage !== null && e.coverage !== undefined ? h('span', { class: 'sub' }, ` ${t('coverage')}: ${Math.round(e.coverage * 100)}%`) : null]);
	const miss = e.status === 'under' ? e.missing_for_target : e.missing_for_next;
	if (miss && miss.length)
		el.append(h('p', { class: 'missing' }, e.status === 'under' ? t('missing_for_target') : t('missing_for_next'), ': ',
			miss.map((m) => `${t('el_' + m.element)} ${m.have ?? '–'}→${m.need}`).join('、')));
}

// ---- the rating form ----

function ratingForm(ed, r, statusEl) {
	const old = ed.ratings[r.id] || {};
	const dis = !ed.editable;
	const kindOf = old.na !== undefined ? 'na' : old.unknown ? 'unknown' : old.assets ? 'assets' : old.core !== undefined ? 'core' : 'none';
	const form = h('form', { class: 'rating', novalidate: true, 'aria-labelledby': 'req-title' });
	const saveState = h('p', { class: 'save-state', id: 'save-state', role: 'status' });
	const err = errorBox();

	// What kind of answer: rated, rated per asset, N/A, unknown, not yet.
	const kindName = uid('kind');
	const kinds = [['core', t('kind_core')], ['assets', t('kind_assets')], ['na', t('kind_na')], ['unknown', t('kind_unknown')], ['none', t('kind_none')]];
	const kindBox = h('fieldset', { class: 'kinds' }, h('legend', {}, t('rating_kind')),
		kinds.map(([k, text]) => {
			const rb = h('input', { type: 'radio', name: kindName, value: k, id: `kind-${k}`, checked: k === kindOf, disabled: dis });
			return h('span', { class: 'radio' }, rb, h('label', { for: rb.id }, text));
		}));
	const kind = () => form.querySelector(`input[name="${kindName}"]:checked`).value;

	// Core level, with the seed's achievement condition of each level.
	const crit = ((ed.cat.scoring && ed.cat.scoring.core_criteria) || {})[r.kind] || [];
	const coreOpts = [['', t('choose')]].concat([5, 4, 3, 2, 1].map((n) => {
		const c = crit.find((x) => x.level === n);
		return [n, c ? `${n} – ${c.summary_ja.split('\n')[0]}` : String(n)];
	}));
	const core = select(coreOpts, old.core ?? '', { disabled: dis, id: 'core-level' });
	const coreBox = h('div', { class: 'part core' }, field(t('core_level'), core, t('core_hint')));

	// Per-asset core levels.
	const assetRows = h('tbody', {});
	const addAsset = (a) => {
		const name = h('input', { type: 'text', value: a.name || '', disabled: dis, 'aria-label': t('asset_name') });
		const imp = h('input', { type: 'checkbox', checked: !!a.important, disabled: dis, 'aria-label': t('asset_important') });
		const c = select([['', '–'], [5, '5'], [4, '4'], [3, '3'], [2, '2'], [1, '1']], a.core ?? '', { disabled: dis, 'aria-label': t('asset_core') });
		const rm = h('button', { type: 'button', class: 'small', disabled: dis, 'aria-label': t('remove_asset') }, '×');
		const tr = h('tr', {}, h('td', {}, name), h('td', { class: 'center' }, imp), h('td', {}, c), h('td', {}, rm));
		tr.asset = { name, imp, c };
		rm.addEventListener('click', () => {
			tr.remove();
			changed();
		});
		assetRows.append(tr);
		return name;
	};
	(old.assets || []).forEach(addAsset);
	const assetsBox = h('div', { class: 'part assets' },
		h('table', { class: 'list compact' }, h('caption', {}, t('assets')),
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('asset_name')), h('th', { scope: 'col' }, t('asset_important')),
				h('th', { scope: 'col' }, t('asset_core')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('actions'))))),
			assetRows),
		h('button', { type: 'button', class: 'small', disabled: dis, onclick: () => addAsset({}).focus() }, t('add_asset')));

	// The five peripheral elements: a rank, or ○/△/× answers to the
	// points of the element's table in the catalog (tables 4-8 to 4-12).
	const periph = ELEMENTS.map((el) => peripheral(ed, el, old[el], dis));
	const periphBox = h('fieldset', { class: 'part peripherals' }, h('legend', {}, t('peripherals')), periph.map((p) => p.node));

	const naReason = h('textarea', { rows: 2, disabled: dis, id: 'na-reason' }, old.na || '');
	const naBox = h('div', { class: 'part na' }, field(t('na_reason'), naReason));

	// Evidence and the note belong to every kind.
	const evRows = h('div', { class: 'evidence-rows' });
	const addEvidence = (e) => {
		const ti = h('input', { type: 'text', value: e.title || '', disabled: dis, 'aria-label': t('evidence_title') , placeholder: t('evidence_title') });
		const da = h('input', { type: 'date', value: e.date || '', disabled: dis, 'aria-label': t('evidence_date') });
		const rf = h('input', { type: 'text', value: e.ref || '', disabled: dis, 'aria-label': t('evidence_ref'), placeholder: t('evidence_ref'), class: 'short' });
		const rm = h('button', { type: 'button', class: 'small', disabled: dis, 'aria-label': t('remove_evidence') }, '×');
		const row = h('div', { class: 'evidence-row' }, ti, da, rf, rm);
		row.ev = { ti, da, rf };
		rm.addEventListener('click', () => {
			row.remove();
			changed();
		});
		evRows.append(row);
		return ti;
	};
	(old.evidence || []).forEach(addEvidence);
	const note = h('textarea', { rows: 3, disabled: dis, id: 'note' }, old.note || '');
	const evBox = h('fieldset', { class: 'part evidence' }, h('legend', {}, t('evidence')), evRows,
		h('button', { type: 'button', class: 'small', disabled: dis, onclick: () => addEvidence({}).focus() }, t('add_evidence')));

	form.append(kindBox, coreBox, assetsBox, periphBox, naBox, evBox, field(t('note'), note), err, saveState);

	const showParts = () => {
		const k = kind();
		coreBox.hidden = k !== 'core';
		assetsBox.hidden = k !== 'assets';
		periphBox.hidden = k !== 'core' && k !== 'assets';
		naBox.hidden = k !== 'na';
	};
	showParts();

	// Builds the rating from the form; a string is a reason not to save yet.
	const build = () => {
		const k = kind();
		const out = {};
		if (k === 'core' || k === 'assets') {
			if (k === 'core') {
				if (!core.value)
					return t('need_core');
				out.core = Number(core.value);
			} else {
				const as = [...assetRows.children].map((tr) => tr.asset);
				if (!as.length)
					return t('need_asset');
				out.assets = [];
				for (const a of as) {
					if (!a.name.value.trim() || !a.c.value)
						return t('need_asset_fields');
					const x = { name: a.name.value.trim(), core: Number(a.c.value) };
					if (a.imp.checked)
						x.important = true;
					out.assets.push(x);
				}
			}
			for (const p of periph) {
				const v = p.value();
				if (typeof v === 'string' && v.startsWith('!'))
					return v.slice(1);
				if (v !== null)
					out[p.el] = v;
			}
		} else if (k === 'na') {
			if (!naReason.value.trim())
				return t('need_na_reason');
			out.na = naReason.value.trim();
		} else if (k === 'unknown') {
			out.unknown = true;
		}
		const evs = [];
		for (const row of evRows.children) {
			const e = row.ev;
			if (!e.ti.value.trim() && !e.da.value && !e.rf.value.trim())
				continue;
			if (!e.ti.value.trim())
				return t('need_evidence_title');
			const x = { title: e.ti.value.trim() };
			if (e.da.value)
				x.date = e.da.value;
			if (e.rf.value.trim())
				x.ref = e.rf.value.trim();
			evs.push(x);
		}
		if (evs.length)
			out.evidence = evs;
		if (note.value.trim())
			out.note = note.value.trim();
		return out;
	};

	// Saves one at a time, in order; a change during a save saves again after it.
	let saving = null, again = false;
	const save = async () => {
		if (saving) {
			again = true;
			return;
		}
		const rating = build();
		if (typeof rating === 'string') {
			// Not finished yet (no core level, no reason …): said quietly
			// beside the form, not as an alert, since the user is still typing.
			showError(err, '');
			saveState.textContent = rating;
			saveState.classList.add('pending');
			return;
		}
		saveState.classList.remove('pending');
		showError(err, '');
		saveState.textContent = t('saving');
		saving = put(`/rounds/${ed.round.id}/ratings/${encodeURIComponent(r.id)}`, rating);
		try {
			const res = await saving;
			if (Object.keys(rating).length)
				ed.ratings[r.id] = rating;
			else
				delete ed.ratings[r.id];
			applyResult(ed, res, statusEl);
			const now = new Date();
			saveState.textContent = t('saved_at', now.toLocaleTimeString(getLang() === 'en' ? 'en-GB' : 'ja-JP'));
			announce(t('saved_level', fmtLevel(res.system.level)));
		} catch (e) {
			showError(err, e.message);
			saveState.textContent = t('not_saved');
		} finally {
			saving = null;
			if (again) {
				again = false;
				save();
			}
		}
	};
	const changed = () => {
		showParts();
		if (ed.editable)
			save();
	};
	form.addEventListener('change', changed);
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		changed();
	});
	return form;
}

function peripheral(ed, el, old, dis) {
	const def = ed.cat.peripherals.find((p) => p.id === el) || { columns: [] };
	const isAnswers = old && typeof old === 'object';
	const mode = select([['rank', t('by_rank')], ['answers', t('by_answers')]], isAnswers ? 'answers' : 'rank',
		{ disabled: dis, 'aria-label': t('how_rated', t('el_' + el)) });
	const rank = select([['', t('not_given')], ['A', 'A'], ['B', 'B'], ['C', 'C'], ['D', 'D']], !isAnswers && old ? old : '',
		{ disabled: dis, 'aria-label': t('rank_of', t('el_' + el)), class: 'rank' });
	const cols = def.columns.map((c, i) => {
		const s = select([['', '–'], ['o', '○'], ['t', '△'], ['x', '×']], isAnswers ? old[c.id] || '' : '',
			{ disabled: dis, 'aria-label': `${t('el_' + el)}: ${c.title_ja || t('unnamed_column', i + 1)}` });
		return { id: c.id, s, node: h('label', { class: 'answer', title: c.note_ja || '' }, h('span', { lang: 'ja' }, c.title_ja || t('unnamed_column', i + 1)), s) };
	});
	const answers = h('div', { class: 'answers' }, cols.map((c) => c.node));
	const show = () => {
		rank.hidden = mode.value !== 'rank';
		answers.hidden = mode.value !== 'answers';
	};
	mode.addEventListener('change', show);
	show();
	const node = h('div', { class: 'periph' },
		h('div', { class: 'periph-head' }, h('span', { class: 'periph-name' }, t('el_' + el),
			def.title_ja ? h('span', { class: 'sub', lang: 'ja' }, ` ${def.title_ja}`) : null), mode, rank),
		answers);
	const value = () => {
		if (mode.value === 'rank')
			return rank.value || null;
		const given = cols.filter((c) => c.s.value);
		if (!given.length)
			return null;
		if (given.length < cols.length)
			return '!' + t('answer_every_point', t('el_' + el));
		return Object.fromEntries(cols.map((c) => [c.id, c.s.value]));
	};
	return { el, node, value };
}

function applyResult(ed, res, statusEl) {
	ed.evReq.set(res.requirement.id, res.requirement);
	setChip(ed, res.requirement.id);
	if (res.domain) {
		ed.evDomain.set(res.domain.id, res.domain);
		setDomainChip(ed, res.domain.id);
	}
	if (ed.current === res.requirement.id)
		showStatus(ed, statusEl, res.requirement.id);
	updateSummary(ed.summary, res.system.level, res.system.target, res.counts);
}
