// Sign-in in two steps: user name and password, then (when the account has
// TOTP) the six-digit code or a recovery code. The server answers
// totp_required only after a right password, so the second step appears only then.
import { api, ApiError } from '../api.js';
import { h, clear, field, errorBox, showError } from '../dom.js';
import { t } from '../i18n.js';

export async function render(main, { done }) {
	document.title = `${t('sign_in')} – taisaku`;
	clear(main);
	const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
	const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
	const code = h('input', { type: 'text', name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6' });
	const recovery = h('input', { type: 'text', name: 'recovery_code', autocomplete: 'off', spellcheck: 'false' });
	const err = errorBox();
	const submit = h('button', { type: 'submit', class: 'primary' }, t('sign_in'));
	const step1 = h('div', {}, field(t('username'), username), field(t('password'), password));
	const useRecovery = h('input', { type: 'checkbox', id: 'use-recovery' });
	const codeField = field(t('totp_code'), code, t('totp_code_hint'));
	const recoveryField = field(t('recovery_code'), recovery);
	recoveryField.hidden = true;
	const step2 = h('div', { hidden: true },
		h('p', {}, t('totp_step')), codeField,
		h('div', { class: 'check' }, useRecovery, h('label', { for: 'use-recovery' }, t('use_recovery_code'))),
		recoveryField);
	useRecovery.addEventListener('change', () => {
		codeField.hidden = useRecovery.checked;
		recoveryField.hidden = !useRecovery.checked;
		(useRecovery.checked ? recovery : code).focus();
	});
	const form = h('form', { class: 'card narrow', novalidate: true }, step1, step2, err, h('div', { class: 'actions' }, submit));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		showError(err, '');
		if (!username.value || !password.value) {
			showError(err, t('need_username_password'));
			(username.value ? password : username).focus();
			return;
		}
		const body = { username: username.value, password: password.value };
		if (!step2.hidden) {
			if (useRecovery.checked)
				body.recovery_code = recovery.value.trim();
			else
				body.totp = code.value.trim();
		}
		submit.disabled = true;
		try {
			const session = await api('POST', '/session', body);
			done(session);
		} catch (e) {
			if (e instanceof ApiError && e.code === 'totp_required') {
				step1.hidden = true;
				step2.hidden = false;
				submit.textContent = t('verify');
				code.focus();
			} else {
				showError(err, e.message);
				if (!step2.hidden) {
					// A wrong code or a wrong password behind it: start again,
					// the server tells the two apart for nobody.
					code.value = '';
					recovery.value = '';
					(useRecovery.checked ? recovery : code).focus();
				} else {
					password.select();
					password.focus();
				}
			}
		} finally {
			submit.disabled = false;
		}
	});
	main.append(h('h1', {}, t('sign_in')), form);
	username.focus();
}
