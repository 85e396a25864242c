// The catalog's tree and text (views → subviews → domains → requirements,
// with each requirement's 対策のポイント and the ○/△/× columns of the
// peripheral elements), fetched once per catalog and kept for the session.
import { get } from './api.js';
import { getLang } from './i18n.js';

const cache = new Map();

// ev: the round's evaluation. A server without GET /catalogs/{id}
// (web/NEEDS.md) still gets a usable tree, built from the evaluation's
// requirement and domain IDs alone, marked `partial` (no titles, no points,
// no ○/△/× questions) so that the pages can say what is missing.
export async function loadCatalog(id, ev) {
	if (!cache.has(id))
		cache.set(id, get(`/catalogs/${encodeURIComponent(id)}`).then(index, (e) => {
			cache.delete(id);
			if (e.status === 404 && ev)
				return index(skeleton(id, ev));
			throw e;
		}));
	return cache.get(id);
}

function skeleton(id, ev) {
	const views = new Map();
	const domains = new Map();
	for (const d of ev.domains) {
		const vid = d.id.charAt(0);
		if (!views.has(vid))
			views.set(vid, { id: vid, subviews: [{ id: vid, domains: [] }] });
		const dom = { id: d.id, requirements: [] };
		domains.set(d.id, dom);
		views.get(vid).subviews[0].domains.push(dom);
	}
	for (const r of ev.requirements) {
		const did = r.id.split('.')[0];
		if (domains.has(did))
			domains.get(did).requirements.push({ id: r.id });
	}
	return { id, partial: true, views: [...views.values()], scoring: {} };
}

// Adds flat lookups to the tree: domains and requirements by id, in order.
function index(cat) {
	cat.domainList = [];
	cat.reqList = [];
	cat.domainById = new Map();
	cat.reqById = new Map();
	cat.viewOfDomain = new Map();
	for (const v of cat.views || [])
		for (const sv of v.subviews || [])
			for (const d of sv.domains || []) {
				cat.domainList.push(d);
				cat.domainById.set(d.id, d);
				cat.viewOfDomain.set(d.id, v);
				for (const r of d.requirements || []) {
					r.domain = d.id;
					cat.reqList.push(r);
					cat.reqById.set(r.id, r);
				}
			}
	cat.peripherals = (cat.scoring && cat.scoring.peripherals) || [];
	return cat;
}

// A node's title in the UI's language; Japanese when there is no English
// (the seeds' text is Japanese and authoritative).
export function title(node) {
	if (!node)
		return '';
	return (getLang() === 'en' && node.title_en) || node.title_ja || node.title_en || '';
}
