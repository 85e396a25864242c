/* taisaku user add|list|disable|enable|reset-password: user
 * administration at the console, on the same store as the server. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "serve.h"

/* The password from standard input (one line), or a new random one-time
 * password; *generated says which. */
static bool read_password(cli *c, const opts *o, char *pw, size_t size, bool *generated)
{
	*generated = false;
	if (opt_flag(o, "password-stdin")) {
		if (!fgets(pw, (int)size, stdin)) {
			cli_fail(c, "標準入力からパスワードを読めません", "cannot read the password from standard input");
			return false;
		}
		pw[strcspn(pw, "\r\n")] = '\0';
		const char *ja, *en;
		if (!password_policy_ok(pw, &ja, &en)) {
			cli_fail(c, "%s", "%s", c->lang == TK_LANG_EN ? en : ja);
			return false;
		}
		return true;
	}
	/* 18 random bytes in base64url: 24 characters, and a fixed tail so that
	 * the policy's three classes always hold. */
	random_token(pw, size - 4, 18);
	strcat(pw, "-9a");
	*generated = true;
	return true;
}

static tk_store *open_store(cli *c, const opts *o)
{
	c->db = opt(o, "db");
	return cli_store_open(c);
}

static int user_add(cli *c, int argc, char **argv)
{
	static const char *const known[] = { "db", "role", "org", NULL }, *const flags[] = { "password-stdin", NULL };
	opts o;
	if (!opts_parse(c, &o, argc, argv, known, flags))
		return EXIT_ERROR;
	const char *role = opt(&o, "role"), *org = opt(&o, "org");
	if (o.nargs != 1 || !role)
		return cli_fail(c, "使い方: taisaku user add NAME --role ROLE [--org ORG] [--password-stdin]",
			"usage: taisaku user add NAME --role ROLE [--org ORG] [--password-stdin]");
	bool admin = strcmp(role, "admin") == 0;
	if (!admin && !tk_role_valid(role))
		return cli_fail(c, "役割は admin, owner, assessor, auditor, viewer のいずれかです",
			"the role is one of admin, owner, assessor, auditor, viewer");
	if (!admin && !org)
		return cli_fail(c, "役割 %s には --org が必要です", "role %s needs --org", role);
	char pw[128], hash[128];
	bool generated;
	if (!read_password(c, &o, pw, sizeof(pw), &generated))
		return EXIT_ERROR;
	tk_store *s = open_store(c, &o);
	if (!s)
		return EXIT_ERROR;
	tk_error err = { 0 };
	int64_t id = 0, org_id = 0;
	tk_arena *a = tk_arena_new(1024);
	int rc = EXIT_OK;
	if (org) {
		tk_store_org *v;
		size_t n;
		if (tk_store_org_list(s, a, &v, &n, &err))
			goto fail;
		for (size_t i = 0; i < n; i++)
			if (strcmp(v[i].name, org) == 0)
				org_id = v[i].id;
		if (!org_id) {
			rc = cli_fail(c, "組織 '%s' はありません", "no organisation '%s'", org);
			goto out;
		}
	}
	if (!password_hash(pw, hash)) {
		rc = cli_fail(c, "メモリが足りません", "out of memory");
		goto out;
	}
	tk_user_role r = { .org_id = org_id, .org = org, .role = role };
	if (tk_store_begin(s, &err) || tk_user_add(s, o.args[0], hash, admin, &id, &err) ||
		(!admin && tk_user_set_roles(s, id, &r, 1, &err)) ||
		tk_audit_append(s, NULL, "user_add", org_id, o.args[0], admin ? "admin (console)" : role, "console", &err) ||
		tk_store_commit(s, &err)) {
		tk_store_rollback(s);
		goto fail;
	}
	if (generated)
		printf("%s\n", pw);
	fprintf(stderr, "%s\n", cli_tr(c, "利用者を登録しました（最初のサインインでパスワードの変更が必要です）",
		"user added (must change the password at the first sign-in)"));
	goto out;
fail:
	rc = cli_error(c, &err);
out:
	sodium_memzero(pw, sizeof(pw));
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

static int user_list(cli *c, int argc, char **argv)
{
	static const char *const known[] = { "db", "format", NULL };
	opts o;
	if (!opts_parse(c, &o, argc, argv, known, NULL))
		return EXIT_ERROR;
	const char *fmt = opt(&o, "format");
	if (fmt && strcmp(fmt, "json") && strcmp(fmt, "text"))
		return cli_fail(c, "--format は text か json です", "--format is text or json");
	tk_store *s = open_store(c, &o);
	if (!s)
		return EXIT_ERROR;
	tk_arena *a = tk_arena_new(4096);
	tk_user *v;
	size_t n;
	tk_error err = { 0 };
	int rc = EXIT_OK;
	if (tk_user_list(s, a, &v, &n, &err))
		rc = cli_error(c, &err);
	else if (fmt && strcmp(fmt, "json") == 0) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(list, user_json(&v[i]));
		json_dumpf(list, stdout, JSON_INDENT(2));
		putchar('\n');
		json_decref(list);
	} else {
		for (size_t i = 0; i < n; i++) {
			printf("%s\t%s%s%s", v[i].username, v[i].admin ? "admin " : "", v[i].disabled ? "disabled " : "",
				v[i].totp_secret ? "totp" : "-");
			for (size_t k = 0; k < v[i].n_roles; k++)
				printf("\t%s:%s", v[i].roles[k].org, v[i].roles[k].role);
			putchar('\n');
		}
	}
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

static int user_change(cli *c, int argc, char **argv, const char *what)
{
	static const char *const known[] = { "db", NULL }, *const flags[] = { "password-stdin", NULL };
	opts o;
	if (!opts_parse(c, &o, argc, argv, known, flags))
		return EXIT_ERROR;
	if (o.nargs != 1)
		return cli_fail(c, "利用者名を一つ指定してください", "give one user name");
	bool reset = strcmp(what, "reset-password") == 0;
	char pw[128] = "", hash[128];
	bool generated = false;
	if (reset && !read_password(c, &o, pw, sizeof(pw), &generated))
		return EXIT_ERROR;
	tk_store *s = open_store(c, &o);
	if (!s)
		return EXIT_ERROR;
	tk_arena *a = tk_arena_new(1024);
	tk_error err = { 0 };
	tk_user u;
	int rc = EXIT_OK;
	if (tk_user_find(s, o.args[0], a, &u, &err))
		goto fail;
	if (reset && !password_hash(pw, hash)) {
		rc = cli_fail(c, "メモリが足りません", "out of memory");
		goto out;
	}
	bool disable = strcmp(what, "disable") == 0;
	if (tk_store_begin(s, &err) ||
		(reset ? tk_user_set_password(s, u.id, hash, true, &err) :
			 tk_user_set_disabled(s, u.id, disable, &err)) ||
		((reset || disable) && tk_session_revoke_user(s, u.id, NULL, &err)) ||
		tk_audit_append(s, NULL, reset ? "password_reset" : disable ? "user_disable" : "user_enable", 0, u.username,
			"console", "console", &err) ||
		tk_store_commit(s, &err)) {
		tk_store_rollback(s);
		goto fail;
	}
	if (generated)
		printf("%s\n", pw);
	goto out;
fail:
	rc = cli_error(c, &err);
out:
	sodium_memzero(pw, sizeof(pw));
	tk_arena_free(a);
	tk_store_close(s);
	return rc;
}

static int user_disable(cli *c, int argc, char **argv)
{
	return user_change(c, argc, argv, "disable");
}

static int user_enable(cli *c, int argc, char **argv)
{
	return user_change(c, argc, argv, "enable");
}

static int user_reset(cli *c, int argc, char **argv)
{
	return user_change(c, argc, argv, "reset-password");
}

int cmd_user(cli *c, int argc, char **argv)
{
	static const cli_sub subs[] = { { "add", user_add }, { "list", user_list }, { "disable", user_disable },
		{ "enable", user_enable }, { "reset-password", user_reset } };
	return cli_dispatch(c, "user", subs, sizeof(subs) / sizeof(*subs), argc, argv);
}
