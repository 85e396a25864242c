/* Authentication (seed 000 第6): argon2id passwords and their policy,
 * TOTP, recovery codes, sessions with hashed ids, and the audit helper. */
#include <ctype.h>
#include <liboath/oath.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "serve.h"

#define COOKIE "taisaku_session"

bool password_policy_ok(const char *pw, const char **why_ja, const char **why_en)
{
	/* Seed 000 第6: at least 10 characters, three of the four classes. */
	size_t chars = 0;
	bool upper = false, lower = false, digit = false, other = false;
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++) {
		if ((*p & 0xC0) != 0x80)
			chars++; /* count characters, not bytes */
		if (isupper(*p))
			upper = true;
		else if (islower(*p))
			lower = true;
		else if (isdigit(*p))
			digit = true;
		else if ((*p & 0xC0) != 0x80)
			other = true;
	}
	if (chars < 10) {
		*why_ja = "パスワードは10文字以上にしてください";
		*why_en = "the password must be at least 10 characters long";
		return false;
	}
	if (upper + lower + digit + other < 3) {
		*why_ja = "パスワードには英大文字・英小文字・数字・記号のうち3種類以上を含めてください";
		*why_en = "the password must contain three of: upper-case letters, lower-case letters, digits, symbols";
		return false;
	}
	return true;
}

bool password_hash(const char *pw, char out[128])
{
	_Static_assert(crypto_pwhash_STRBYTES <= 128, "hash buffer");
	return crypto_pwhash_str_alg(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
		crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

void random_token(char *out, size_t out_size, size_t n)
{
	unsigned char buf[64];
	if (n > sizeof(buf))
		n = sizeof(buf);
	randombytes_buf(buf, n);
	sodium_bin2base64(out, out_size, buf, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(buf, sizeof(buf));
}

void sha256_hex(const char *text, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

bool totp_new_secret(char *secret, size_t size)
{
	char raw[20], *b32 = NULL;
	size_t len = 0;
	randombytes_buf(raw, sizeof(raw));
	if (oath_base32_encode(raw, sizeof(raw), &b32, &len) != OATH_OK)
		return false;
	snprintf(secret, size, "%s", b32);
	sodium_memzero(raw, sizeof(raw));
	free(b32);
	return true;
}

int64_t totp_match(const char *secret_b32, const char *code, int64_t now)
{
	if (!code || strlen(code) != 6)
		return -1;
	for (const char *p = code; *p; p++)
		if (!isdigit((unsigned char)*p))
			return -1;
	char *raw = NULL;
	size_t len = 0;
	if (oath_base32_decode(secret_b32, strlen(secret_b32), &raw, &len) != OATH_OK)
		return -1;
	int pos = 0;
	/* One step either side, for clocks a little apart (RFC 6238 §5.2). */
	int rc = oath_totp_validate2(raw, len, (time_t)now, OATH_TOTP_DEFAULT_TIME_STEP_SIZE, 0, 1, &pos, code);
	sodium_memzero(raw, len);
	free(raw);
	return rc < 0 ? -1 : now / OATH_TOTP_DEFAULT_TIME_STEP_SIZE + pos;
}

void recovery_codes(char codes[10][20], char hashes[10][65])
{
	static const char ALPHA[] = "abcdefghjkmnpqrstuvwxyz23456789"; /* no 0/o, 1/l/i */
	for (int i = 0; i < 10; i++) {
		unsigned char raw[12];
		randombytes_buf(raw, sizeof(raw));
		int k = 0;
		for (int j = 0; j < 12; j++) {
			if (j && j % 4 == 0)
				codes[i][k++] = '-';
			codes[i][k++] = ALPHA[raw[j] % (sizeof(ALPHA) - 1)];
		}
		codes[i][k] = '\0';
		sha256_hex(codes[i], hashes[i]);
	}
}

const char *session_cookie(req *r)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, COOKIE);
}

static int64_t now_s(void)
{
	return (int64_t)time(NULL);
}

static bool is_read(const req *r)
{
	return strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
}

tk_status session_load(req *r, tk_error *err)
{
	const char *sid = session_cookie(r);
	if (!sid || strlen(sid) < 40 || strlen(sid) > 60)
		return TK_OK;
	sha256_hex(sid, r->sid_hash);
	/* Reads may use what was read a moment ago (session_cache.c); the
	 * checks below run on it all the same. */
	bool read = is_read(r), cached = read && cache_session_get(r->sid_hash, r->a, &r->sess, &r->user);
	unsigned long generation = cache_identity_generation();
	tk_status rc = TK_OK;
	if (!cached) {
		rc = tk_session_get(r->s, r->sid_hash, &r->sess, err);
		if (rc == TK_ENOTFOUND)
			return TK_OK;
		if (rc)
			return rc;
	}
	int64_t now = now_s();
	if (r->sess.revoked || now >= r->sess.expires_at || now - r->sess.last_seen >= g_cfg.idle_timeout_s)
		return TK_OK;
	if (!cached && (rc = tk_user_get(r->s, r->sess.user_id, r->a, &r->user, err)))
		return rc == TK_ENOTFOUND ? TK_OK : rc;
	if (r->user.disabled)
		return TK_OK;
	if (read && !cached)
		cache_session_put(generation, r->sid_hash, &r->sess, &r->user);
	/* The idle clock is written at most every 1/30 of the idle timeout (a
	 * minute for 30 minutes), so that reading is not a write each time. */
	if (now - r->sess.last_seen >= g_cfg.idle_timeout_s / 30) {
		if ((rc = tk_session_touch(r->s, r->sid_hash, now, err)))
			return rc;
		cache_session_seen(r->sid_hash, now);
	}
	r->signed_in = true;
	return TK_OK;
}

tk_status session_start(req *r, int64_t user, char csrf[64], int64_t *expires, tk_error *err)
{
	char sid[64];
	random_token(sid, sizeof(sid), 32); /* 256 bits */
	random_token(csrf, 64, 32);
	sha256_hex(sid, r->sid_hash);
	int64_t now = now_s();
	*expires = now + g_cfg.absolute_timeout_s;
	tk_status rc = tk_session_add(r->s, r->sid_hash, user, csrf, now, *expires, r->remote, err);
	if (rc)
		return rc;
	snprintf(r->cookie, sizeof(r->cookie), COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s", sid,
		g_cfg.tls ? "; Secure" : "");
	sodium_memzero(sid, sizeof(sid));
	return TK_OK;
}

void cookie_clear(req *r)
{
	snprintf(r->cookie, sizeof(r->cookie), COOKIE "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict%s",
		g_cfg.tls ? "; Secure" : "");
}

const char *user_role(const tk_user *u, int64_t org)
{
	for (size_t i = 0; i < u->n_roles; i++)
		if (u->roles[i].org_id == org)
			return u->roles[i].role;
	return NULL;
}

bool user_needs_totp(const tk_user *u)
{
	if (u->admin)
		return true;
	for (size_t i = 0; i < u->n_roles; i++)
		if (strcmp(u->roles[i].role, "owner") == 0)
			return true;
	return false;
}

void audit(req *r, const char *action, int64_t org, const char *target, const char *detail)
{
	tk_error err = { 0 };
	if (tk_audit_append(r->s, r->signed_in ? r->user.username : NULL, action, org, target, detail, r->remote,
		&err)) {
		char buf[700];
		fprintf(stderr, "taisaku serve: audit %s: %s\n", action, tk_error_format(&err, TK_LANG_EN, buf,
			sizeof(buf)));
	}
}
