// What the whole UI shares: the signed-in session (GET /session) and what
// the user may do, derived from the roles the server sent. The server
// checks every permission itself; these only decide which controls to show.
// flash: a message for the next page drawn (after an upload, say), shown once.
export const state = { session: null, flash: null };

export function user() {
	return state.session ? state.session.user : null;
}

export function roleIn(orgId) {
	const u = user();
	if (!u)
		return null;
	const g = u.roles.find((r) => r.org_id === orgId);
	return g ? g.role : null;
}

export function isAdmin() {
	const u = user();
	return !!(u && u.admin);
}

export function canManage(orgId) {
	return isAdmin() || roleIn(orgId) === 'owner';
}

// Rating: owner/admin always; an assessor only on systems assigned to them.
export function canRate(orgId, system) {
	if (canManage(orgId))
		return true;
	const u = user();
	return roleIn(orgId) === 'assessor' && !!system && (system.assessors || []).includes(u.id);
}

export function canAudit() {
	const u = user();
	return !!u && (u.admin || u.roles.some((r) => r.role === 'owner' || r.role === 'auditor'));
}

export function needsTotp() {
	const u = user();
	return !!u && !u.totp_enabled && (u.admin || u.roles.some((r) => r.role === 'owner'));
}
