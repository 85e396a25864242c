// The plan editor: the system's target level with its reason, each
// requirement's importance, and target overrides of ±1 around the derived
// target, each with its reason (docs/guide.en.md §2). Saved as a whole
// (PUT /rounds/{id}/plan), after which the derived targets are fetched again.
import { get, put } from '../api.js';
import { h, clear, field, select, errorBox, showError, announce } from '../dom.js';
import { t } from '../i18n.js';
import { canManage } from '../state.js';
import { loadCatalog, title } from '../catalog.js';
import { loadRound, roundHead, partialNotice } from './roundhead.js';

const IMPORTANCE = ['critical', 'important', 'general', 'low'];

export async function render(main, { params, seq, saved }) {
	const id = Number(params[0]);
	const { round, sys } = await loadRound(id);
	const [plan, ev] = await Promise.all([get(`/rounds/${id}/plan`), get(`/rounds/${id}/evaluation`)]);
	const cat = await loadCatalog(round.catalog, ev);
	if (!seq())
		return;
	document.title = `${t('plan')} – ${sys.name} – taisaku`;
	const editable = !round.closed && canManage(sys.org_id);
	clear(main);
	main.append(roundHead(round, sys, 'plan', t('plan')));
	const pn = partialNotice(cat);
	if (pn)
		main.append(pn);
	if (!editable)
		main.append(h('p', { class: 'notice' }, round.closed ? t('round_is_closed') : t('read_only')));

	const evById = new Map(ev.requirements.map((r) => [r.id, r]));
	const level = select([2, 3, 4, 5].map((n) => [n, String(n)]), plan.level, { disabled: !editable, id: 'plan-level' });
	// What the chosen level means: the catalog's table 4-2, as the seed prints it.
	const concept = h('p', { class: 'concept', id: 'plan-level-concept' });
	const showConcept = () => {
		const sl = ((cat.scoring && cat.scoring.system_levels) || []).find((x) => x.level === Number(level.value));
		concept.textContent = sl ? sl.concept_ja : '';
	};
	level.addEventListener('change', showConcept);
	showConcept();
	const reason = h('textarea', { rows: 3, disabled: !editable, id: 'plan-reason' }, plan.reason || '');
	const err = errorBox();
	const rows = [];
	const body = [];
	for (const d of cat.domainList) {
		body.push(h('tr', { class: 'group' }, h('th', { colspan: 5, scope: 'colgroup', id: `pd-${d.id}` }, `${d.id} ${title(d)}`)));
		for (const r of d.requirements) {
			const e = evById.get(r.id) || {};
			const derived = e.derived_target;
			const ov = plan.overrides[r.id];
			const imp = select(IMPORTANCE.map((k) => [k, t('imp_' + k)]), plan.importance[r.id] || 'general',
				{ disabled: !editable, 'aria-label': t('importance_of', r.id) });
			const ovOpts = [['', t('no_override')]];
			for (const lv of [derived - 1, derived + 1])
				if (lv >= 1 && lv <= 5)
					ovOpts.push([lv, String(lv)]);
			if (ov && !ovOpts.some(([v]) => Number(v) === ov.level))
				ovOpts.push([ov.level, String(ov.level)]);
			const ovSel = select(ovOpts, ov ? ov.level : '', { disabled: !editable, 'aria-label': t('override_of', r.id) });
			const ovReason = h('input', { type: 'text', value: ov ? ov.reason : '', disabled: !editable || !ov,
				'aria-label': t('override_reason_of', r.id), placeholder: t('override_reason') });
			ovSel.addEventListener('change', () => {
				ovReason.disabled = !ovSel.value;
				if (ovSel.value)
					ovReason.focus();
			});
			rows.push({ id: r.id, imp, ovSel, ovReason });
			body.push(h('tr', {},
				h('th', { scope: 'row' }, h('span', { class: 'rid' }, r.id), ' ', title(r)),
				h('td', {}, imp),
				h('td', { class: 'num' }, derived ?? '–'),
				h('td', {}, ovSel),
				h('td', {}, ovReason)));
		}
	}
	const save = h('button', { type: 'submit', class: 'primary', disabled: !editable }, t('save_plan'));
	const form = h('form', { class: 'plan', novalidate: true },
		h('div', { class: 'card' }, field(t('target_level'), level, t('system_level_hint')), concept, field(t('level_reason'), reason)),
		h('table', { class: 'list plan-table' },
			h('caption', {}, t('plan_table_caption')),
			h('thead', {}, h('tr', {},
				h('th', { scope: 'col' }, t('requirement')), h('th', { scope: 'col' }, t('importance')),
				h('th', { scope: 'col', class: 'num' }, t('derived_target')), h('th', { scope: 'col' }, t('override')),
				h('th', { scope: 'col' }, t('override_reason')))),
			h('tbody', {}, body)),
		h('div', { class: 'savebar' }, save, err));
	form.addEventListener('submit', async (ev2) => {
		ev2.preventDefault();
		showError(err, '');
		const p = { level: Number(level.value), reason: reason.value.trim(), importance: {}, overrides: {} };
		for (const r of rows) {
			if (r.imp.value !== 'general')
				p.importance[r.id] = r.imp.value;
			if (r.ovSel.value) {
				if (!r.ovReason.value.trim()) {
					showError(err, t('override_needs_reason', r.id));
					r.ovReason.focus();
					return;
				}
				p.overrides[r.id] = { level: Number(r.ovSel.value), reason: r.ovReason.value.trim() };
			}
		}
		save.disabled = true;
		try {
			await put(`/rounds/${id}/plan`, p);
			announce(t('plan_saved'));
			await render(main, { params, seq, saved: true });
		} catch (e) {
			showError(err, e.message);
			save.disabled = false;
		}
	});
	main.append(form);
	if (saved) {
		const status = h('p', { class: 'ok', id: 'plan-saved', tabindex: '-1' }, t('plan_saved'));
		form.before(status);
		status.focus();
	}
}
