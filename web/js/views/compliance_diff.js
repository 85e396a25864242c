// Differences between two compliance rounds of a system, worked out from
// their evaluations as `taisaku diff` does on two compliance files: the
// overall compliance, each section whose compliance changed, and each item
// whose status changed.
import { h, arrow } from '../dom.js';
import { t } from '../i18n.js';
import { fmtPercent, statusLabel } from './compliance.js';

export function complianceDiffView(ea, eb) {
	const frag = h('div', {});
	frag.append(h('p', { class: 'big' }, t('cs_compliance'), ': ', fmtPercent(ea.overall.compliance), ' → ',
		fmtPercent(eb.overall.compliance), ' ', arrow(ea.overall.compliance, eb.overall.compliance)));
	const sa = new Map(ea.sections.map((s) => [s.id, s]));
	const sections = eb.sections.filter((s) => {
		const o = sa.get(s.id);
		return !o || fmtPercent(o.compliance) !== fmtPercent(s.compliance);
	});
	frag.append(h('h3', {}, t('cs_sections_changed', sections.length)));
	if (sections.length)
		frag.append(h('table', { class: 'list', id: 'cs-diff-sections' },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cs_section')), h('th', { scope: 'col' }, t('cs_compliance')))),
			h('tbody', {}, sections.map((s) => {
				const o = sa.get(s.id) || {};
				return h('tr', {}, h('th', { scope: 'row' }, `${s.id} ${s.title_ja || ''}`),
					h('td', {}, `${fmtPercent(o.compliance)} → ${fmtPercent(s.compliance)} ${arrow(o.compliance, s.compliance)}`));
			}))));
	const ia = new Map(ea.items.map((i) => [i.id, i]));
	const items = eb.items.filter((i) => (ia.get(i.id)?.status || 'unassessed') !== i.status);
	frag.append(h('h3', {}, t('cs_items_changed', items.length)));
	if (items.length)
		frag.append(h('table', { class: 'list', id: 'cs-diff-items' },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cs_item')), h('th', { scope: 'col' }, t('status')))),
			h('tbody', {}, items.map((i) => h('tr', {}, h('th', { scope: 'row' }, i.id),
				h('td', {}, `${statusLabel(ia.get(i.id)?.status || 'unassessed')} → ${statusLabel(i.status)}`))))));
	return frag;
}
