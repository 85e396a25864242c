/* Sign-in, sign-out, the current user, password change and TOTP enrolment
 * (seed 000 第6). */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "serve.h"

/* A hash to verify against when the user does not exist, so that an
 * unknown name takes as long as a wrong password. */
static char dummy_hash[128];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static void make_dummy_once(void)
{
	password_hash("not-a-password-0000", dummy_hash);
}
static void make_dummy(void)
{
	pthread_once(&dummy_once, make_dummy_once);
}

static const char *str_field(json_t *j, const char *k)
{
	json_t *v = json_object_get(j, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static json_t *session_json(req *r, const char *csrf, int64_t expires)
{
	char at[40];
	time_t t = (time_t)expires + 9 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%S+09:00", &tm);
	return json_pack("{s:o,s:s,s:s,s:i}", "user", user_json(&r->user), "csrf_token", csrf, "expires_at", at,
		"idle_timeout_s", g_cfg.idle_timeout_s);
}

void h_session_post(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	const char *name = str_field(b, "username"), *pw = str_field(b, "password");
	const char *code = str_field(b, "totp"), *recovery = str_field(b, "recovery_code");
	tk_error err = { 0 };
	if (!name || !pw || strlen(name) > 200 || strlen(pw) > 1000) {
		reply_error(r, 400, "bad_request", "username と password を指定してください", "give username and password");
		goto out;
	}
	int64_t now = (int64_t)time(NULL);
	int failures = 0;
	if (tk_signin_failures(r->s, name, now - g_cfg.lockout_window_s, &failures, &err))
		goto internal;
	if (failures >= g_cfg.lockout_failures) {
		audit(r, "lockout", 0, name, "");
		reply_error(r, 423, "account_locked", "サインインの失敗が続いたため、しばらくロックしています",
			"too many failed sign-ins; the account is locked for a while");
		goto out;
	}
	tk_user u;
	tk_error probe = { 0 };
	bool found = tk_user_find(r->s, name, r->a, &u, &probe) == TK_OK;
	make_dummy();
	bool ok = password_verify(found ? u.pw_hash : dummy_hash, pw) && found && !u.disabled;
	if (ok && u.totp_secret) {
		if (!code && !recovery) {
			reply_error(r, 401, "totp_required", "確認コード（TOTP）を入力してください", "enter the TOTP code");
			goto out;
		}
		if (code) {
			int64_t step = totp_match(u.totp_secret, code, now);
			bool fresh = false;
			if (step >= 0 && tk_user_totp_step(r->s, u.id, step, &fresh, &err))
				goto internal;
			ok = step >= 0 && fresh; /* a code is good once */
		} else {
			char h[65];
			sha256_hex(recovery, h);
			bool used = false;
			if (tk_user_recovery_use(r->s, u.id, h, &used, &err))
				goto internal;
			ok = used;
		}
	}
	if (!ok) {
		/* Pruned as failures come, so that a flood of wrong names cannot grow
		 * the table without bound. */
		if (tk_signin_failure_add(r->s, name, now, r->remote, &err) ||
			tk_signin_failures_prune(r->s, now - g_cfg.lockout_window_s, &err))
			goto internal;
		audit(r, "signin_failed", 0, name, found ? "" : "unknown user");
		reply_error(r, 401, "invalid_credentials", "利用者名・パスワード・確認コードのいずれかが違います",
			"wrong user name, password or code");
		goto out;
	}
	if (tk_signin_failures_clear(r->s, name, &err))
		goto internal;
	char csrf[64];
	int64_t expires;
	if (session_start(r, u.id, csrf, &expires, &err))
		goto internal;
	r->user = u;
	r->signed_in = true;
	audit(r, "signin", 0, name, recovery && !code ? "recovery code" : "");
	reply_json(r, 200, session_json(r, csrf, expires));
	goto out;
internal:
	reply_internal(r, &err);
out:
	json_decref(b);
}

void h_session_get(req *r)
{
	reply_json(r, 200, session_json(r, r->sess.csrf_token, r->sess.expires_at));
}

void h_session_delete(req *r)
{
	tk_error err = { 0 };
	if (tk_session_revoke(r->s, r->sid_hash, &err)) {
		reply_internal(r, &err);
		return;
	}
	audit(r, "signout", 0, r->user.username, "");
	cookie_clear(r);
	reply_empty(r, 204);
}

void h_password_put(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	const char *cur = str_field(b, "current_password"), *pw = str_field(b, "new_password");
	const char *why_ja, *why_en;
	char hash[128];
	tk_error err = { 0 };
	if (!cur || !pw)
		reply_error(r, 400, "bad_request", "current_password と new_password を指定してください",
			"give current_password and new_password");
	else if (!password_verify(r->user.pw_hash, cur))
		reply_error(r, 401, "invalid_credentials", "今のパスワードが違います", "the current password is wrong");
	else if (!password_policy_ok(pw, &why_ja, &why_en))
		reply_error(r, 400, "weak_password", why_ja, why_en);
	else if (strcmp(pw, cur) == 0)
		reply_error(r, 400, "weak_password", "新しいパスワードは今のものと違うものにしてください",
			"the new password must differ from the current one");
	else if (!password_hash(pw, hash))
		reply_error(r, 500, "internal", "メモリが足りません", "out of memory");
	else if (tk_user_set_password(r->s, r->user.id, hash, false, &err) ||
		tk_session_revoke_user(r->s, r->user.id, r->sid_hash, &err))
		reply_internal(r, &err);
	else {
		audit(r, "password_change", 0, r->user.username, "");
		reply_empty(r, 204);
	}
	json_decref(b);
}

void h_totp_post(req *r)
{
	tk_error err = { 0 };
	char secret[64];
	if (r->user.totp_secret) {
		reply_error(r, 409, "conflict", "二要素認証はすでに登録されています", "TOTP is already enrolled");
		return;
	}
	if (!totp_new_secret(secret, sizeof(secret))) {
		reply_error(r, 500, "internal", "秘密鍵を作れません", "cannot make a secret");
		return;
	}
	if (tk_user_set_totp(r->s, r->user.id, secret, NULL, &err)) {
		reply_internal(r, &err);
		return;
	}
	/* The user name is percent-encoded only as far as the URI needs. */
	char uri[512], name[256];
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)r->user.username; *p && k + 4 < sizeof(name); p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			name[k++] = (char)*p;
		else
			k += (size_t)snprintf(name + k, sizeof(name) - k, "%%%02X", *p);
	}
	name[k] = '\0';
	snprintf(uri, sizeof(uri), "otpauth://totp/taisaku:%s?secret=%s&issuer=taisaku&algorithm=SHA1&digits=6&period=30",
		name, secret);
	reply_json(r, 200, json_pack("{s:s,s:s}", "secret", secret, "otpauth_uri", uri));
}

void h_totp_put(req *r)
{
	json_t *b = body_json(r);
	if (!b)
		return;
	tk_error err = { 0 };
	json_t *c = json_object_get(b, "code");
	const char *code = json_is_string(c) ? json_string_value(c) : NULL;
	int64_t step;
	if (r->user.totp_secret)
		reply_error(r, 409, "conflict", "二要素認証はすでに登録されています", "TOTP is already enrolled");
	else if (!r->user.totp_pending)
		reply_error(r, 400, "bad_request", "まず POST /session/totp で登録を始めてください",
			"start with POST /session/totp");
	else if ((step = totp_match(r->user.totp_pending, code, (int64_t)time(NULL))) < 0)
		reply_error(r, 400, "bad_request", "確認コードが違います", "wrong code");
	else {
		char codes[10][20], hashes[10][65];
		recovery_codes(codes, hashes);
		const char *hv[10];
		for (int i = 0; i < 10; i++)
			hv[i] = hashes[i];
		bool fresh;
		if (tk_store_begin(r->s, &err) || tk_user_set_totp(r->s, r->user.id, NULL, r->user.totp_pending, &err) ||
			tk_user_totp_step(r->s, r->user.id, step, &fresh, &err) ||
			tk_user_recovery_set(r->s, r->user.id, hv, 10, &err) ||
			tk_audit_append(r->s, r->user.username, "totp_enrol", 0, r->user.username, "", r->remote, &err) ||
			tk_store_commit(r->s, &err)) {
			tk_store_rollback(r->s);
			reply_internal(r, &err);
		} else {
			json_t *list = json_array();
			for (int i = 0; i < 10; i++)
				json_array_append_new(list, json_string(codes[i]));
			sodium_memzero(codes, sizeof(codes));
			reply_json(r, 200, json_pack("{s:o}", "recovery_codes", list));
		}
	}
	json_decref(b);
}
