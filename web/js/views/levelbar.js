// A small horizontal gauge of an achieved level against its target on the
// 0–5 scale, with the figures as text beside it (the gauge is decoration;
// the text is what screen readers and printouts get).
import { h, fmtLevel } from '../dom.js';
import { t } from '../i18n.js';

export function levelBar(level, target) {
	const under = level !== null && level !== undefined && target !== null && target !== undefined && level < target - 1e-9;
	const bar = h('span', { class: 'gauge', 'aria-hidden': 'true' },
		h('span', { class: ['fill', under ? 'under' : 'ok'] }),
		h('span', { class: 'target' }));
	// Widths through the CSSOM: allowed under a CSP that forbids inline style attributes.
	if (level !== null && level !== undefined)
		bar.firstChild.style.width = `${Math.max(0, Math.min(5, level)) * 20}%`;
	if (target !== null && target !== undefined)
		bar.lastChild.style.left = `${Math.max(0, Math.min(5, target)) * 20}%`;
	else
		bar.lastChild.hidden = true;
	return h('span', { class: ['levelbar', under ? 'is-under' : ''] }, bar,
		h('span', { class: 'figures' }, t('level_of_target', fmtLevel(level), target === null || target === undefined ? '–' : fmtLevel(target))));
}
