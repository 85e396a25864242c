// The catalog's tree and text (views → subviews → domains → requirements,
// with each requirement's 対策のポイント and the ○/△/× columns of the
// peripheral elements), fetched once per catalog and kept for the session.
import { get } from './api.js';
import { getLang } from './i18n.js';

const cache = new Map();

export async function loadCatalog(id) {
	if (!cache.has(id))
		cache.set(id, get(`/catalogs/${encodeURIComponent(id)}`).then(index, (e) => {
			cache.delete(id);
			throw e;
		}));
	return cache.get(id);
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
	return (getLang() === 'en' && node.title_en) || node.title_ja || node.title_en || node.id || '';
}
