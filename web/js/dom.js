// A tiny element builder, so that views read as the page they make and no
// HTML string is ever built from data (no injection, no innerHTML with data).
//   h('button', { type: 'button', onclick: f, class: 'primary' }, t('save'))
export function h(tag, attrs, ...children) {
	const el = tag.startsWith('svg:')
		? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
		: document.createElement(tag);
	for (const [k, v] of Object.entries(attrs || {})) {
		if (v === null || v === undefined || v === false)
			continue;
		if (k.startsWith('on') && typeof v === 'function')
			el.addEventListener(k.slice(2), v);
		else if (k === 'class')
			el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
		else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'indeterminate')
			el[k] = v;
		else if (k === 'dataset')
			Object.assign(el.dataset, v);
		else
			el.setAttribute(k, v === true ? '' : String(v));
	}
	append(el, children);
	return el;
}

export function append(el, children) {
	for (const c of children.flat(Infinity)) {
		if (c === null || c === undefined || c === false)
			continue;
		el.append(c instanceof Node ? c : document.createTextNode(String(c)));
	}
	return el;
}

export function clear(el) {
	while (el.firstChild)
		el.firstChild.remove();
	return el;
}

// A unique id for label/for and aria-describedby pairs.
let seq = 0;
export function uid(prefix = 'f') {
	return `${prefix}-${++seq}`;
}

// A labelled form field: the label is always a real <label for>, so screen
// readers and clicks on the text reach the control.
export function field(label, control, hint) {
	if (!control.id)
		control.id = uid();
	const hintEl = hint ? h('span', { class: 'hint', id: control.id + '-hint' }, hint) : null;
	if (hintEl)
		control.setAttribute('aria-describedby', hintEl.id);
	return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

export function select(options, value, attrs = {}) {
	return h('select', attrs, options.map(([v, text]) =>
		h('option', { value: v, selected: String(v) === String(value) }, text)));
}

// Formats a level (a weighted mean) as people read it: one decimal.
// Which way a figure moved from x to y (nothing when either is missing).
export function arrow(x, y) {
	if (x === null || y === null || x === undefined || y === undefined)
		return '';
	return y > x + 1e-9 ? '↑' : y < x - 1e-9 ? '↓' : '＝';
}

export function fmtLevel(v) {
	return v === null || v === undefined || Number.isNaN(v) ? '–' : (Math.round(v * 10) / 10).toFixed(1);
}

// Polite announcements for screen readers (saved, signed out …), spoken
// by the page's one live region.
export function announce(text) {
	const live = document.getElementById('live');
	if (!live)
		return;
	live.textContent = '';
	setTimeout(() => { live.textContent = text; }, 30);
}

// An error line that screen readers read out when it appears.
export function errorBox() {
	return h('p', { class: 'error', role: 'alert', hidden: true });
}

export function showError(box, message) {
	box.textContent = message || '';
	box.hidden = !message;
}
