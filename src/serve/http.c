/* taisaku serve over GNU libmicrohttpd: the daemon, the limits, the body,
 * the security headers on every answer, and the embedded static files. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve.h"
#include "taisaku/file.h"

serve_config g_cfg;

/* The connections open now, to answer 503 above the limit (libmicrohttpd
 * itself would only close the socket). */
static atomic_uint n_connections;

static __thread tk_store *thread_store;

tk_store *serve_store(tk_error *err)
{
	/* A connection the database server dropped (PostgreSQL restarted) is
	 * replaced, so that serving resumes without restarting taisaku. */
	if (thread_store && !tk_store_alive(thread_store)) {
		tk_store_close(thread_store);
		thread_store = NULL;
	}
	if (!thread_store && tk_store_open(g_cfg.db_url, &thread_store, err) != TK_OK)
		return NULL;
	return thread_store;
}

/* ---- answers ---- */

static void set_out(req *r, unsigned status, const char *type, char *data, size_t len)
{
	if (r->out && !r->out_static)
		free(r->out);
	shared_release(r->shared);
	r->shared = NULL;
	r->status = status;
	r->out_type = type;
	r->out = data;
	r->out_len = len;
	r->out_static = false;
}

shared_buf *shared_new(const char *data, size_t len)
{
	shared_buf *b = malloc(sizeof(*b) + len);
	if (!b)
		return NULL;
	atomic_init(&b->refs, 1);
	b->len = len;
	memcpy(b->data, data, len);
	return b;
}

void shared_release(shared_buf *b)
{
	if (b && atomic_fetch_sub(&b->refs, 1) == 1)
		free(b);
}

static void shared_done(void *cls)
{
	shared_release(cls);
}

void reply_shared(req *r, unsigned status, const char *type, shared_buf *b)
{
	set_out(r, status, type, NULL, 0);
	atomic_fetch_add(&b->refs, 1);
	r->shared = b;
}

void reply_bytes(req *r, unsigned status, const char *type, char *data, size_t len)
{
	set_out(r, status, type, data, len);
}

void reply_empty(req *r, unsigned status)
{
	set_out(r, status, NULL, NULL, 0);
}

void reply_json(req *r, unsigned status, json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT | JSON_ENSURE_ASCII * 0);
	json_decref(body);
	if (!text) {
		reply_error(r, 500, "internal", "メモリが足りません", "out of memory");
		return;
	}
	set_out(r, status, "application/json; charset=utf-8", text, strlen(text));
}

void reply_error(req *r, unsigned status, const char *code, const char *ja, const char *en)
{
	json_t *e = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", r->lang == TK_LANG_EN ? en : ja);
	char *text = e ? json_dumps(e, JSON_COMPACT) : NULL;
	json_decref(e);
	set_out(r, status, "application/json; charset=utf-8", text, text ? strlen(text) : 0);
}

void reply_tk_error(req *r, unsigned status, const char *code, const tk_error *err)
{
	/* a storage failure that is the database's refusal for now: 503 */
	if (status == 500 && (err->unavailable || !r->s || !tk_store_alive(r->s))) {
		reply_internal(r, err);
		return;
	}
	char ja[TK_ERROR_TEXT + 400], en[TK_ERROR_TEXT + 400];
	tk_error_format(err, TK_LANG_JA, ja, sizeof(ja));
	tk_error_format(err, TK_LANG_EN, en, sizeof(en));
	reply_error(r, status, code, ja, en);
}

void reply_internal(req *r, const tk_error *err)
{
	char buf[TK_ERROR_TEXT + 400];
	fprintf(stderr, "taisaku serve: %s %s: %s\n", r->method, r->path, tk_error_format(err, TK_LANG_EN, buf,
		sizeof(buf)));
	/* The database refused for now (read-only, disk full, busy, its server
	 * down or restarting: nothing was changed) or the connection has gone:
	 * 503. SQLite's reasons are said (they name no file); PostgreSQL's
	 * would name the server's host or files, so they stay in the log. */
	bool alive = r->s && tk_store_alive(r->s);
	if (err->unavailable || !alive) {
		bool own = alive && strcmp(tk_store_backend(r->s), "sqlite") == 0;
		const char *ja = own ? err->ja : "データベースに接続できないか、いまは書き込めません",
			   *en = own ? err->en : "the database cannot be reached or cannot take changes now";
		char tja[TK_ERROR_TEXT + 100], ten[TK_ERROR_TEXT + 100];
		snprintf(tja, sizeof(tja), "%s（しばらくしてからやり直してください）", ja);
		snprintf(ten, sizeof(ten), "%s (try again later)", en);
		reply_error(r, 503, "unavailable", tja, ten);
		return;
	}
	reply_error(r, 500, "internal", "サーバの内部でエラーが起きました", "internal server error");
}

const char *query_arg(req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *header(req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

json_t *body_json(req *r)
{
	const char *type = header(r, "Content-Type");
	if (!type || strncmp(type, "application/json", 16) != 0) {
		reply_error(r, 415, "unsupported_media_type", "本文は application/json で送ってください",
			"the body must be application/json");
		return NULL;
	}
	json_error_t je;
	json_t *j = json_loadb(r->body ? r->body : "", r->body_len, JSON_REJECT_DUPLICATES, &je);
	if (j && !json_is_object(j)) {
		/* Well-formed JSON, so there is no place to point at. */
		json_decref(j);
		reply_error(r, 400, "bad_request", "本文は JSON のオブジェクト（{...}）にしてください",
			"the body must be a JSON object ({...})");
		return NULL;
	}
	if (!j) {
		char ja[300], en[300];
		snprintf(ja, sizeof(ja), "本文が JSON のオブジェクトではありません（%d 行 %d 列: %s）", je.line, je.column, je.text);
		snprintf(en, sizeof(en), "the body is not a JSON object (line %d, column %d: %s)", je.line, je.column,
			je.text);
		reply_error(r, 400, "bad_request", ja, en);
		return NULL;
	}
	return j;
}

/* ---- static files ---- */

static const web_asset *find_asset(const char *path)
{
	if (strcmp(path, "/") == 0)
		path = "/index.html";
	for (size_t i = 0; i < web_n_assets; i++)
		if (strcmp(web_assets[i].path, path) == 0)
			return &web_assets[i];
	return NULL;
}

static void serve_static(req *r, const char *url)
{
	if (strcmp(r->method, "GET") && strcmp(r->method, "HEAD")) {
		reply_error(r, 405, "method_not_allowed", "このメソッドは使えません", "method not allowed");
		return;
	}
	const web_asset *w = find_asset(url);
	if (!w) {
		reply_error(r, 404, "not_found", "見つかりません", "not found");
		return;
	}
	r->status = 200;
	r->out = (char *)w->data;
	r->out_len = w->len;
	r->out_static = true;
	r->out_type = w->type;
}

/* ---- the headers every answer carries ---- */

static void add_headers(req *r, struct MHD_Response *resp, bool api)
{
	if (r->html_report)
		/* Reports are self-contained pages with their own <style>; no script at all. */
		MHD_add_response_header(resp, "Content-Security-Policy",
			"default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
			"base-uri 'none'; form-action 'none'");
	else
		MHD_add_response_header(resp, "Content-Security-Policy",
			"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			"connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
	MHD_add_response_header(resp, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	if (g_cfg.tls)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
	/* Every API answer is private; the UI's files are revalidated. */
	MHD_add_response_header(resp, "Cache-Control", api ? "no-store" : "no-cache");
	if (api)
		MHD_add_response_header(resp, "Pragma", "no-cache");
	if (r->out_type)
		MHD_add_response_header(resp, "Content-Type", r->out_type);
	if (r->cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", r->cookie);
	if (r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition", r->disposition);
}

static enum MHD_Result send_answer(req *r, bool api, bool close)
{
	struct MHD_Response *resp;
	if (r->shared) {
		resp = MHD_create_response_from_buffer_with_free_callback_cls(r->shared->len, r->shared->data, shared_done,
			r->shared);
		r->shared = NULL; /* the response holds the reference now */
	} else if (r->out_static)
		resp = MHD_create_response_from_buffer(r->out_len, r->out, MHD_RESPMEM_PERSISTENT);
	else {
		resp = MHD_create_response_from_buffer(r->out_len, r->out ? r->out : (char *)"",
			r->out ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
		r->out = NULL; /* the response owns it now */
	}
	if (!resp)
		return MHD_NO;
	add_headers(r, resp, api);
	if (close)
		MHD_add_response_header(resp, "Connection", "close");
	enum MHD_Result ok = MHD_queue_response(r->conn, r->status ? r->status : 500, resp);
	MHD_destroy_response(resp);
	return ok;
}

static tk_lang request_lang(struct MHD_Connection *c)
{
	const char *q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
	if (q)
		return strcmp(q, "en") == 0 ? TK_LANG_EN : TK_LANG_JA;
	const char *al = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
	return al && strncmp(al, "en", 2) == 0 ? TK_LANG_EN : TK_LANG_JA;
}

static void remote_of(struct MHD_Connection *c, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, size, "?");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)size);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)size);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
	const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	req *r = *con_cls;
	if (!r) {
		if (!(r = calloc(1, sizeof(*r))))
			return MHD_NO;
		*con_cls = r;
		r->conn = c;
		r->method = method;
		r->lang = request_lang(c);
		remote_of(c, r->remote, sizeof(r->remote));
		/* Above the connection limit: a clear answer, then the socket closes. */
		if (atomic_load(&n_connections) > g_cfg.max_connections) {
			reply_error(r, 503, "unavailable", "接続が多すぎます。しばらくしてからやり直してください",
				"too many connections; try again later");
			return send_answer(r, true, true);
		}
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > g_cfg.max_body) {
			reply_error(r, 413, "payload_too_large", "本文が大きすぎます", "the request body is too large");
			return send_answer(r, true, true);
		}
		return MHD_YES;
	}
	if (*upload_size) {
		/* Bodies without a length (chunked) are counted as they come. */
		if (!r->too_large) {
			if (r->body_len + *upload_size > g_cfg.max_body) {
				r->too_large = true;
				free(r->body);
				r->body = NULL;
				r->body_len = 0;
			} else {
				if (r->body_len + *upload_size + 1 > r->body_cap) {
					size_t cap = (r->body_len + *upload_size + 1) * 2;
					char *bigger = realloc(r->body, cap < g_cfg.max_body + 1 ? cap : g_cfg.max_body + 1);
					if (!bigger)
						return MHD_NO;
					r->body = bigger;
					r->body_cap = cap < g_cfg.max_body + 1 ? cap : g_cfg.max_body + 1;
				}
				memcpy(r->body + r->body_len, upload, *upload_size);
				r->body_len += *upload_size;
				r->body[r->body_len] = '\0';
			}
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (r->queued) { /* the writer has answered it (save_queue.c) */
		r->queued = false;
		return send_answer(r, true, false);
	}
	if (r->status) /* answered already (413 above) */
		return MHD_YES;
	bool api = strncmp(url, "/api/", 5) == 0;
	if (r->too_large) {
		reply_error(r, 413, "payload_too_large", "本文が大きすぎます", "the request body is too large");
		return send_answer(r, true, true);
	}
	if (!(r->a = tk_arena_new(4096)))
		return MHD_NO;
	if (api) {
		r->path = url;
		route(r);
		if (r->queued) /* answered when its batch is committed */
			return MHD_YES;
	} else {
		r->path = url;
		serve_static(r, url);
	}
	return send_answer(r, api, false);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
	(void)cls;
	(void)c;
	(void)t;
	req *r = *con_cls;
	if (!r)
		return;
	free(r->body);
	if (r->out && !r->out_static)
		free(r->out);
	shared_release(r->shared);
	tk_arena_free(r->a);
	free(r);
	*con_cls = NULL;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
	enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	(void)c;
	(void)socket_context;
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		atomic_fetch_add(&n_connections, 1);
	else
		atomic_fetch_sub(&n_connections, 1);
}

static void on_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("taisaku serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

static volatile sig_atomic_t stopping;
static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

/* host:port into a socket address (IPv4 or IPv6 literal, or localhost). */
static bool parse_listen(const char *spec, struct sockaddr_storage *ss, socklen_t *len, unsigned short *port)
{
	char host[128];
	const char *colon = strrchr(spec, ':');
	if (!colon || (size_t)(colon - spec) >= sizeof(host))
		return false;
	memcpy(host, spec, (size_t)(colon - spec));
	host[colon - spec] = '\0';
	char *end;
	unsigned long p = strtoul(colon + 1, &end, 10);
	if (*end || p > 65535)
		return false;
	*port = (unsigned short)p;
	char *h = host;
	if (h[0] == '[') {
		h++;
		h[strlen(h) - 1] = '\0';
	}
	if (strcmp(h, "localhost") == 0)
		h = (char *)"127.0.0.1";
	memset(ss, 0, sizeof(*ss));
	struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, h, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons(*port);
		*len = sizeof(*v4);
		return true;
	}
	if (inet_pton(AF_INET6, h, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons(*port);
		*len = sizeof(*v6);
		return true;
	}
	return false;
}

/* A message at the console in the chosen language. */
static int console_fail(const char *ja, const char *en, const char *arg)
{
	fprintf(stderr, "taisaku: ");
	fprintf(stderr, g_cfg.lang == TK_LANG_EN ? en : ja, arg);
	fputc('\n', stderr);
	return 1;
}

int serve_run(void)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	unsigned short port;
	if (!parse_listen(g_cfg.listen, &ss, &sslen, &port))
		return console_fail("--listen '%s' には ホスト:ポート を指定してください（例 127.0.0.1:8080）",
			"--listen '%s' takes host:port (such as 127.0.0.1:8080)", g_cfg.listen);
	char *cert = NULL, *key = NULL;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (g_cfg.tls) {
		size_t n;
		tk_error err = { 0 };
		if (!MHD_is_feature_supported(MHD_FEATURE_TLS))
			return console_fail("この libmicrohttpd は TLS を使えません%s", "this libmicrohttpd has no TLS%s", "");
		if (tk_file_read(g_cfg.tls_cert, &cert, &n, &err) || tk_file_read(g_cfg.tls_key, &key, &n, &err)) {
			char buf[700];
			free(cert);
			return console_fail("%s", "%s", tk_error_format(&err, g_cfg.lang, buf, sizeof(buf)));
		}
		flags |= MHD_USE_TLS;
	}
	struct MHD_OptionItem tls_opts[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, key },
		{ MHD_OPTION_END, 0, NULL },
	};
	if (!save_queue_start())
		return console_fail("保存用のスレッドを起動できません%s", "cannot start the saving thread%s", "");
	struct MHD_Daemon *d = MHD_start_daemon(flags, port, NULL, NULL, on_request, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, on_log, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)g_cfg.threads,
		/* a little above the limit, so that the ones over it get their 503 */
		MHD_OPTION_CONNECTION_LIMIT, g_cfg.max_connections + 16,
		MHD_OPTION_CONNECTION_TIMEOUT, g_cfg.timeout_s,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, g_cfg.max_header,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		MHD_OPTION_ARRAY, g_cfg.tls ? tls_opts : tls_opts + 2,
		MHD_OPTION_END);
	if (!d) {
		save_queue_stop();
		char what[300];
		snprintf(what, sizeof(what), "%s: %s", g_cfg.listen, strerror(errno));
		free(cert);
		free(key);
		return console_fail("待ち受けられません（%s）", "cannot listen (%s)", what);
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	printf("taisaku serve: %s://%s/\n", g_cfg.tls ? "https" : "http", g_cfg.listen);
	fflush(stdout);
	while (!stopping)
		pause();
	/* Queued saves are answered first: the daemon stops only with no
	 * connection set aside. */
	save_queue_stop();
	MHD_stop_daemon(d);
	if (key) {
		memset(key, 0, strlen(key)); /* the private key does not linger in freed memory */
		free(key);
	}
	free(cert);
	return 0;
}
