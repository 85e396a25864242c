/* libFuzzer target: the HTTP request path of `taisaku serve`, whole. The
 * real daemon (src/serve: libmicrohttpd, the route table, every handler)
 * runs in this process on a loopback port against a real SQLite store in a
 * temporary directory; each input is sent raw over a fresh connection, so
 * the request line, headers, cookies, JSON bodies and uploads (YAML, JSON,
 * xlsx) all come from the fuzzer, and so do several pipelined requests.
 *
 * So that the fuzzer gets past sign-in, the store has two sessions whose
 * cookie and CSRF token are the fixed texts below (the seeds in
 * fuzz/corpus/http use them): an administrator with TOTP and an assessor
 * of organisation 1 assigned to system 1. The harness puts the users and
 * sessions back before each input (a request may sign out, disable or
 * re-password them, or close round 1), so that one input's effect on the next stays small.
 *
 * An answer must be a well-formed HTTP answer, and never 500: the server
 * answers 500 only for a failure of its own (a storage failure answers
 * 503), and there is none here. A stalled exchange is followed by a simple
 * request that must be answered (else the server hangs: abort). Leaks are
 * found by LeakSanitizer at exit (fuzz/run passes -detect_leaks=0: the
 * server's threads allocate beside each input, which would make
 * libFuzzer's per-input leak check run a full scan every time).
 *
 * Debugging: FUZZ_HTTP_TRACE=1 prints each exchange's time and first
 * answer line; FUZZ_HTTP_GDB=1 prints every thread's stack (gdb) when the
 * server hangs. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "serve.h"
#include "taisaku/file.h"

#define ADMIN_SID "fuzzadminsessionfuzzadminsessionfuzzadmin00"
#define ADMIN_CSRF "fuzzadmincsrffuzzadmincsrffuzzadmincsrf0000"
#define RATER_SID "fuzzratersessionfuzzratersessionfuzzrater00"
#define RATER_CSRF "fuzzratercsrffuzzratercsrffuzzratercsrf0000"
/* The assessor's password (for the sign-in seeds). */
#define RATER_PW "Fuzz-Password-2026!"
#define TOTP_SECRET "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

static char listen_at[64];
static unsigned short port;
static sqlite3 *db; /* the harness's own connection, for the reset */
static char admin_hash[128], rater_hash[128];

_Noreturn static void die(const char *what, const tk_error *err)
{
	char buf[800];
	fprintf(stderr, "fuzz_http: %s: %s\n", what, err ? tk_error_format(err, TK_LANG_EN, buf, sizeof(buf)) : "");
	abort();
}

static void *server(void *arg)
{
	(void)arg;
	serve_run();
	return NULL;
}

/* A free loopback port: bound and let go (nobody else takes it in between
 * on a test machine often enough to matter). */
static unsigned short free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t n = sizeof(a);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) || getsockname(fd, (struct sockaddr *)&a, &n))
		die("free port", NULL);
	close(fd);
	return ntohs(a.sin_port);
}

/* The length of the first whole answer in out[0, len), or 0. Its body is
 * Content-Length long, or without one (libmicrohttpd's own refusals) runs
 * to the end: the server closes after it. */
static size_t one_answer(const char *out, size_t len)
{
	const char *end = memmem(out, len, "\r\n\r\n", 4);
	if (!end)
		return 0;
	size_t body = len - (size_t)(end + 4 - out);
	for (const char *h = out; h && h < end; h = memchr(h, '\n', (size_t)(end - h))) {
		h += *h == '\n';
		if (strncasecmp(h, "Content-Length:", 15) == 0)
			body = strtoull(h + 15, NULL, 10);
	}
	size_t whole = (size_t)(end + 4 - out) + body;
	return whole <= len ? whole : 0;
}

/* How many whole answers out[0, len) holds. */
static size_t count_answers(const char *out, size_t len)
{
	size_t at = 0, k = 0, n;
	while ((n = one_answer(out + at, len - at))) {
		at += n;
		k++;
	}
	return k;
}

/* The value of header name in the head h[0, n) (lines ended by LF), or
 * NULL. */
static const char *head_value(const char *h, size_t n, const char *name)
{
	size_t nl = strlen(name);
	for (const char *line = h; line && line < h + n; line = memchr(line, '\n', (size_t)(h + n - line))) {
		line += *line == '\n';
		if ((size_t)(h + n - line) > nl && strncasecmp(line, name, nl) == 0 && line[nl] == ':')
			return line + nl + 1;
	}
	return NULL;
}

/* How many whole requests data holds, by HTTP/1.1 framing roughly as a
 * server reads it (Content-Length or chunked bodies). The harness waits
 * for as many answers; the rest is a request the server still waits for
 * (libmicrohttpd does not always notice the half-close, and would only
 * close at its idle timeout). */
static size_t count_requests(const uint8_t *data, size_t size)
{
	const char *d = (const char *)data;
	size_t at = 0, k = 0;
	for (;;) {
		while (at < size && (d[at] == '\r' || d[at] == '\n'))
			at++;
		if (at >= size)
			return k;
		const char *e1 = memmem(d + at, size - at, "\r\n\r\n", 4), *e2 = memmem(d + at, size - at, "\n\n", 2);
		const char *end = e1 && (!e2 || e1 < e2) ? e1 + 4 : e2 ? e2 + 2 : NULL;
		if (!end)
			return k;
		size_t hn = (size_t)(end - (d + at));
		/* the head must not run on past the buffer for strtoull */
		char *head = malloc(hn + 1);
		if (!head)
			abort();
		memcpy(head, d + at, hn);
		head[hn] = '\0';
		const char *cl = head_value(head, hn, "Content-Length"), *te = head_value(head, hn, "Transfer-Encoding");
		size_t body = cl ? strtoull(cl, NULL, 10) : 0;
		bool chunked = te && strcasestr(te, "chunked");
		free(head);
		at = (size_t)(end - d);
		if (chunked) {
			for (;;) { /* size CRLF data CRLF ... 0 CRLF CRLF */
				const char *eol = memchr(d + at, '\n', size - at);
				if (!eol)
					return k;
				char *line = strndup(d + at, (size_t)(eol - (d + at)));
				if (!line)
					abort();
				size_t n = strtoull(line, NULL, 16);
				free(line);
				at = (size_t)(eol + 1 - d);
				if (!n)
					break;
				if (n > size - at)
					return k;
				at += n;
				at += at < size && d[at] == '\r';
				at += at < size && d[at] == '\n'; /* the CRLF after the data */
			}
			const char *eol = memchr(d + at, '\n', size - at);
			if (!eol)
				return k;
			at = (size_t)(eol + 1 - d);
		} else {
			if (body > size - at)
				return k;
			at += body;
		}
		k++;
	}
}

/* Sends data, then half-closes, and reads the answers until the server
 * closes or has answered every whole request (libmicrohttpd does not
 * always notice the half-close, and would keep a kept-alive connection
 * until its idle timeout). Returns what arrived (malloc'd,
 * NUL-terminated) or NULL when connecting failed. */
static char *exchange(const uint8_t *data, size_t size, size_t *got, bool *stalled)
{
	int fd = -1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	for (int tries = 0; tries < 200; tries++) { /* the daemon may still be starting */
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0)
			break;
		if (fd >= 0)
			close(fd);
		fd = -1;
		usleep(10000);
	}
	*stalled = false;
	if (fd < 0)
		return NULL;
	size_t cap = 65536, len = 0, sent = 0;
	char *out = malloc(cap + 1);
	if (!out)
		abort();
	size_t want = count_requests(data, size);
	bool wrote_all = size == 0;
	if (wrote_all)
		shutdown(fd, SHUT_WR);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN | (wrote_all ? 0 : POLLOUT) };
		if (wrote_all && want && count_answers(out, len) >= want)
			break;
		/* nothing whole to answer: a moment for the server's refusal */
		bool quiet = wrote_all && !want;
		int n = poll(&p, 1, quiet ? 10 : 5000);
		if (n == 0 && quiet)
			break;
		if (n <= 0) {
			/* Stalled: libmicrohttpd sometimes leaves the rest of pipelined
			 * requests unanswered after a half-close, until its timeout.
			 * The caller then checks that the server still answers. */
			*stalled = true;
			break;
		}
		if (!wrote_all && (p.revents & POLLOUT)) {
			ssize_t w = send(fd, data + sent, size - sent, MSG_NOSIGNAL);
			if (w < 0 && errno != EAGAIN && errno != EINTR)
				wrote_all = true; /* the server closed early (413, bad request) */
			else if (w > 0)
				sent += (size_t)w;
			if (sent == size)
				wrote_all = true;
			if (wrote_all)
				shutdown(fd, SHUT_WR);
		}
		if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
			if (len == cap) {
				char *bigger = realloc(out, cap * 2 + 1);
				if (!bigger)
					abort();
				out = bigger;
				cap *= 2;
			}
			ssize_t r = recv(fd, out + len, cap - len, 0);
			if (r < 0 && (errno == EAGAIN || errno == EINTR))
				continue;
			if (r <= 0)
				break;
			len += (size_t)r;
			out[len] = '\0';
		}
	}
	close(fd);
	out[len] = '\0';
	*got = len;
	return out;
}

/* The answers must be HTTP/1.x, and none 500: the server's answer to a
 * failure of its own (libmicrohttpd's 505 for an unknown HTTP version and
 * the like answer the client's mistakes). Only the first answer must begin
 * the bytes: libmicrohttpd 0.9.75 sends the head of some of its own 400
 * answers twice, before one body, so the answers after a refusal that
 * closes the connection are not checked. */
static void check_answers(const char *out, size_t len)
{
	size_t at = 0;
	if (len && strncmp(out, "HTTP/1.", 7) != 0) {
		fprintf(stderr, "fuzz_http: not an HTTP answer: %.80s\n", out);
		abort();
	}
	while (at < len && strncmp(out + at, "HTTP/1.", 7) == 0) {
		int status = atoi(out + at + 9);
		if (status == 500) {
			fprintf(stderr, "fuzz_http: answer %d:\n%.2000s\n", status, out + at);
			abort();
		}
		size_t next = one_answer(out + at, len - at);
		if (!next)
			return; /* an answer cut short by the connection closing */
		at += next;
	}
}

static void exec_sql(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "fuzz_http: %s: %s\n", sql, msg);
		abort();
	}
}

/* Users 1 (admin) and 2 (assessor) and their sessions as at the start. */
static void reset(void)
{
	static sqlite3_stmt *user, *sess;
	if (!user &&
		(sqlite3_prepare_v2(db, "UPDATE users SET pw_hash = ?2, is_admin = (id = 1), disabled = 0, "
			"must_change_password = 0, totp_secret = ?3, totp_pending = NULL WHERE id = ?1", -1, &user, NULL) ||
		sqlite3_prepare_v2(db, "UPDATE sessions SET revoked = 0, last_seen = ?1, expires_at = ?1 + 43200 "
			"WHERE user_id IN (1, 2)", -1, &sess, NULL)))
		die(sqlite3_errmsg(db), NULL);
	exec_sql("BEGIN IMMEDIATE");
	for (int id = 1; id <= 2; id++) {
		sqlite3_bind_int(user, 1, id);
		sqlite3_bind_text(user, 2, id == 1 ? admin_hash : rater_hash, -1, SQLITE_STATIC);
		if (id == 1)
			sqlite3_bind_text(user, 3, TOTP_SECRET, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(user, 3);
		if (sqlite3_step(user) != SQLITE_DONE)
			die(sqlite3_errmsg(db), NULL);
		sqlite3_reset(user);
	}
	sqlite3_bind_int64(sess, 1, (sqlite3_int64)time(NULL));
	if (sqlite3_step(sess) != SQLITE_DONE)
		die(sqlite3_errmsg(db), NULL);
	sqlite3_reset(sess);
	exec_sql("DELETE FROM signin_failures");
	exec_sql("UPDATE rounds SET closed = 0, closed_at = NULL WHERE id = 1 AND closed");
	exec_sql("COMMIT");
}

/* A request through the server during setup; its answer must be 2xx. */
static void setup_request(const char *what, const char *head, const char *body, size_t body_len)
{
	char *msg;
	size_t hl = strlen(head), got;
	if (!(msg = malloc(hl + body_len)))
		abort();
	memcpy(msg, head, hl);
	memcpy(msg + hl, body, body_len);
	bool stalled;
	char *out = exchange((const uint8_t *)msg, hl + body_len, &got, &stalled);
	free(msg);
	if (!out || strncmp(out, "HTTP/1.1 2", 10) != 0) {
		fprintf(stderr, "fuzz_http: setup %s: %.1000s\n", what, out ? out : "(no connection)");
		abort();
	}
	free(out);
}

static char dir[256], path[300];

/* The temporary store goes with the process (its open files live on). */
static void remove_store(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char f[320];
	for (size_t i = 0; i < sizeof(suffix) / sizeof(*suffix); i++) {
		snprintf(f, sizeof(f), "%s%s", path, suffix[i]);
		unlink(f);
	}
	rmdir(dir);
}

static void setup(void)
{
	/* the store in a fresh directory (tmpfs when there is one: fsync is the
	 * slowest part of a write) */
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	snprintf(dir, sizeof(dir), "%s/taisaku-fuzz-http-XXXXXX", base);
	if (!mkdtemp(dir))
		die("mkdtemp", NULL);
	snprintf(path, sizeof(path), "%s/fuzz.db", dir);
	atexit(remove_store);
	tk_error err = { 0 };
	tk_store *s;
	if (tk_store_init(path, &s, NULL, &err))
		die("store init", &err);
	int64_t admin = 0, rater = 0, org = 0, sys = 0;
	if (!password_hash("Admin-Password-2026!", admin_hash) || !password_hash(RATER_PW, rater_hash))
		die("argon2", NULL);
	tk_user_role role = { 0 };
	if (tk_user_add(s, "admin", admin_hash, true, &admin, &err) ||
		tk_user_add(s, "rater", rater_hash, false, &rater, &err) ||
		tk_store_org_add(s, "fuzz-org", &org, &err) ||
		tk_store_system_add(s, "fuzz-org", "fuzz-system", "manufacturing", "small", &sys, &err))
		die("store setup", &err);
	role.org_id = org;
	role.org = "fuzz-org";
	role.role = "assessor";
	char h1[65], h2[65];
	sha256_hex(ADMIN_SID, h1);
	sha256_hex(RATER_SID, h2);
	int64_t now = (int64_t)time(NULL);
	if (tk_user_set_roles(s, rater, &role, 1, &err) || tk_system_assessors_set(s, sys, &rater, 1, &err) ||
		tk_session_add(s, h1, admin, ADMIN_CSRF, now, now + 43200, "127.0.0.1", &err) ||
		tk_session_add(s, h2, rater, RATER_CSRF, now, now + 43200, "127.0.0.1", &err))
		die("store setup", &err);
	tk_store_close(s);
	if (admin != 1 || rater != 2 || sqlite3_open(path, &db) != SQLITE_OK)
		die("ids", NULL);
	sqlite3_busy_timeout(db, 10000);
	reset();

	port = free_port();
	snprintf(listen_at, sizeof(listen_at), "127.0.0.1:%u", port);
	g_cfg = (serve_config){
		.db_url = strdup(path),
		.listen = listen_at,
		.threads = 2,
		.idle_timeout_s = 1800,
		.absolute_timeout_s = 12 * 3600,
		.lockout_failures = 5,
		.lockout_window_s = 900,
		.max_body = 1 << 20,          /* smaller than the default: inputs are small */
		.max_header = 32 << 10,
		.max_connections = 256,
		.timeout_s = 2,               /* an input that stops mid-request is closed soon */
		.catalog_dir = getenv("TAISAKU_CATALOG_DIR") ? getenv("TAISAKU_CATALOG_DIR") : "catalogs",
		.lang = TK_LANG_EN,
	};
	pthread_t t;
	if (pthread_create(&t, NULL, server, NULL))
		die("thread", NULL);
	pthread_detach(t);

	/* a round to rate: an example assessment, uploaded as the UI does */
	char *doc;
	size_t n;
	if (tk_file_read("examples/small-company.yaml", &doc, &n, &err))
		die("example", &err); /* the fuzzer runs from the source root */
	char head[600];
	snprintf(head, sizeof(head),
		"POST /api/v1/systems/1/rounds/upload?name=small.yaml HTTP/1.1\r\nHost: x\r\n"
		"Cookie: taisaku_session=" ADMIN_SID "\r\nX-CSRF-Token: " ADMIN_CSRF "\r\n"
		"Content-Type: application/yaml\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n", n);
	setup_request("upload", head, doc, n);
	free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	reset();
	size_t got;
	bool stalled;
	char *out = exchange(data, size, &got, &stalled);
	if (!out)
		die("connect", NULL);
	if (stalled) {
		/* A stall is a hang only when a new, simple request is not
		 * answered either. */
		static const char probe[] = "GET / HTTP/1.0\r\n\r\n";
		size_t n;
		bool again;
		char *answer = exchange((const uint8_t *)probe, sizeof(probe) - 1, &n, &again);
		if (!answer || again || strncmp(answer, "HTTP/1.", 7) != 0) {
			fprintf(stderr, "fuzz_http: the server hangs: a stalled exchange, then no answer to GET /\n");
			if (getenv("FUZZ_HTTP_GDB")) {
				char cmd[200];
				snprintf(cmd, sizeof(cmd), "gdb -p %d -batch -ex 'thread apply all bt' >&2", (int)getpid());
				if (system(cmd)) {}
			}
			abort(); /* libFuzzer keeps the input */
		}
		free(answer);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (getenv("FUZZ_HTTP_TRACE"))
		fprintf(stderr, "trace %.3f s %zu bytes in %zu out: %.40s\n", (double)(t1.tv_sec - t0.tv_sec) +
			(double)(t1.tv_nsec - t0.tv_nsec) / 1e9, size, got, out);
	check_answers(out, got);
	free(out);
	return 0;
}
