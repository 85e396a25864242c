// The application shell: who is signed in, the navigation, the language,
// and a hash router (#/system/3, #/round/7/assess …) that renders one view
// into <main>. Hash routes keep every page a plain static file on the server.
import { api, get, setCsrf } from './api.js';
import { h, clear, announce } from './dom.js';
import { t, getLang, setLang, onLangChange } from './i18n.js';
import { state, isAdmin, canAudit, needsTotp } from './state.js';
import * as signin from './views/signin.js';
import * as account from './views/account.js';
import * as systems from './views/systems.js';
import * as system from './views/system.js';
import * as plan from './views/plan.js';
import * as assess from './views/assess.js';
import * as results from './views/results.js';
import * as users from './views/users.js';
import * as members from './views/members.js';
import * as audit from './views/audit.js';
import * as compliance from './views/compliance.js';
import * as complianceResults from './views/compliance_results.js';
import * as peers from './views/peers.js';

const main = document.getElementById('main');

const routes = [
	[/^#?\/?$/, systems],
	[/^#\/system\/(\d+)$/, system],
	[/^#\/system\/(\d+)\/peers(?:\?.*)?$/, peers],
	[/^#\/round\/(\d+)\/plan$/, plan],
	[/^#\/round\/(\d+)\/assess(?:\/([A-Za-z0-9.]+))?$/, assess],
	[/^#\/round\/(\d+)\/results$/, results],
	[/^#\/round\/(\d+)\/items(?:\/([^/]+))?$/, compliance],
	[/^#\/round\/(\d+)\/compliance$/, complianceResults],
	[/^#\/users$/, users],
	[/^#\/org\/(\d+)\/members$/, members],
	[/^#\/audit$/, audit],
	[/^#\/account$/, account],
];

export function go(hash) {
	if (location.hash === hash)
		render();
	else
		location.hash = hash;
}

// Session → which view: sign-in, the forced steps, or the route.
let renderSeq = 0;
async function render() {
	const seq = ++renderSeq;
	chrome();
	if (!state.session) {
		await signin.render(main, { done: afterSignIn });
		return;
	}
	const u = state.session.user;
	if (u.must_change_password || needsTotp()) {
		await account.render(main, { forced: true, done: refreshSession });
		return;
	}
	for (const [re, view] of routes) {
		const m = location.hash.match(re);
		if (m) {
			clear(main);
			main.append(h('p', { class: 'loading' }, t('loading')));
			try {
				await view.render(main, { params: m.slice(1), go, seq: () => seq === renderSeq });
			} catch (e) {
				if (seq !== renderSeq)
					return;
				clear(main);
				main.append(h('h1', {}, t('error')), h('p', { class: 'error', role: 'alert' }, e.message));
			}
			return;
		}
	}
	clear(main);
	main.append(h('h1', {}, t('not_found')), h('p', {}, h('a', { href: '#/' }, t('nav_systems'))));
}

// The header: navigation for what this user may reach, the user's name,
// sign-out; and the static strings of index.html in the current language.
function chrome() {
	document.documentElement.lang = getLang();
	document.getElementById('skip-link').textContent = t('skip_to_main');
	document.getElementById('lang-label').textContent = t('language');
	document.getElementById('lang-select').value = getLang();
	document.getElementById('nav').setAttribute('aria-label', t('nav_main'));
	const nav = clear(document.getElementById('nav'));
	const who = clear(document.getElementById('who'));
	const out = document.getElementById('signout');
	out.textContent = t('sign_out');
	const s = state.session;
	out.hidden = !s;
	if (!s)
		return;
	const u = s.user;
	const forced = u.must_change_password || needsTotp();
	const links = forced ? [] : [['#/', t('nav_systems')]];
	if (!forced && isAdmin())
		links.push(['#/users', t('nav_users')]);
	if (!forced && canAudit())
		links.push(['#/audit', t('nav_audit')]);
	if (!forced)
		links.push(['#/account', t('nav_account')]);
	const here = location.hash || '#/';
	nav.append(h('ul', {}, links.map(([href, text]) => h('li', {},
		h('a', { href, 'aria-current': (href === '#/' ? here === '#/' || here === '' : here.startsWith(href)) ? 'page' : null }, text)))));
	who.append(t('signed_in_as', u.username));
}

async function refreshSession() {
	try {
		state.session = await get('/session');
		setCsrf(state.session.csrf_token);
	} catch {
		state.session = null;
		setCsrf(null);
	}
	render();
}

function afterSignIn(session) {
	state.session = session;
	setCsrf(session.csrf_token);
	render().then(focusMain);
}

// After a page is drawn the focus goes to its content, unless the view put
// it somewhere inside already (a form's first field): keyboard and screen
// reader users start reading where the new page starts.
function focusMain() {
	if (!main.contains(document.activeElement))
		main.focus({ preventScroll: true });
}

document.getElementById('signout').addEventListener('click', async () => {
	try {
		await api('DELETE', '/session');
	} catch { /* signed out already */ }
	state.session = null;
	setCsrf(null);
	history.replaceState(null, '', '#/');
	render().then(focusMain);
	announce(t('signed_out'));
});

document.getElementById('lang-select').addEventListener('change', (e) => setLang(e.target.value));
onLangChange(() => render());
window.addEventListener('hashchange', () => {
	render().then(focusMain);
});
window.addEventListener('taisaku:unauthenticated', () => {
	if (state.session) {
		state.session = null;
		setCsrf(null);
		render();
	}
});
window.addEventListener('taisaku:forced', () => refreshSession());

refreshSession();
