/* Backup and restore of a whole store as JSON Lines (include/taisaku/backup.h,
 * docs/backup.en.md). The rows come from and go to store_dump.c; this file
 * knows the file format and nothing of SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "taisaku/backup.h"
#include "taisaku/store_dump.h"

/* A line longer than this is refused rather than read into memory: the
 * largest real one is a catalog text of a few MiB. */
#define MAX_LINE ((size_t)256 << 20)

static tk_status no_memory(tk_error *err)
{
	return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
}

/* ---- writing ---- */

typedef struct writer {
	tk_archive_writer *w;
	crypto_hash_sha256_state hash; /* of every line written so far */
	tk_backup_counts *counts;
	size_t table;                  /* index of the table being dumped */
} writer;

/* Writes one JSON value as a line, counted in the hash. */
static tk_status put_line(writer *wr, json_t *j, tk_error *err)
{
	if (!j)
		return no_memory(err);
	char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!text)
		return no_memory(err);
	size_t len = strlen(text);
	text[len] = '\n'; /* over the NUL: the line goes out with its newline */
	crypto_hash_sha256_update(&wr->hash, (const unsigned char *)text, len + 1);
	tk_status st = tk_archive_write(wr->w, text, len + 1, err);
	free(text);
	return st;
}

/* Text or bytes as a JSON string when they are UTF-8 (documents and
 * catalogs are), else as {"base64": ...} so that any byte survives. */
static json_t *bytes_value(const char *p, size_t len)
{
	json_t *s = json_stringn(p ? p : "", len);
	if (s)
		return s;
	size_t cap = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = malloc(cap);
	if (!b64)
		return NULL;
	sodium_bin2base64(b64, cap, (const unsigned char *)p, len, sodium_base64_VARIANT_ORIGINAL);
	json_t *o = json_pack("{s:s}", "base64", b64);
	free(b64);
	return o;
}

static tk_status put_row(void *ctx, const tk_store_table *t, const tk_store_value *row, tk_error *err)
{
	writer *wr = ctx;
	json_t *a = json_array();
	if (!a)
		return no_memory(err);
	for (size_t i = 0; i < t->ncols; i++) {
		const tk_store_value *v = &row[i];
		json_t *j = NULL;
		if (v->null)
			j = json_null();
		else if (t->cols[i].type == TK_COL_INT)
			j = json_integer(v->i);
		else if (t->cols[i].type == TK_COL_REAL) {
			if (!(j = json_real(v->d))) {
				json_decref(a);
				return tk_error_set(err, TK_EINPUT, NULL, 0, 0, t->cols[i].name,
					"表 %s に数でない値があります", "table %s holds a value that is not a number",
					t->name);
			}
		} else
			j = bytes_value(v->p, v->len);
		if (json_array_append_new(a, j) != 0) {
			json_decref(a);
			return no_memory(err);
		}
	}
	wr->counts->rows[wr->table]++;
	return put_line(wr, a, err);
}

tk_status tk_backup_write(tk_store *s, tk_archive_writer *w, tk_backup_counts *counts, tk_error *err)
{
	tk_backup_counts local;
	writer wr = { .w = w, .counts = counts ? counts : &local };
	memset(wr.counts, 0, sizeof(*wr.counts));
	if (sodium_init() < 0 || tk_store_ntables > TK_BACKUP_MAX_TABLES)
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "バックアップを準備できません",
			"cannot prepare the backup");
	crypto_hash_sha256_init(&wr.hash);
	int schema = 0;
	tk_status st = tk_store_snapshot_begin(s, err);
	if (st)
		return st;
	if ((st = tk_store_schema_version(s, &schema, err)) != TK_OK)
		goto done;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = put_line(&wr, json_pack("{s:s, s:i, s:s, s:s, s:s}", "format", TK_BACKUP_FORMAT,
		"schema", schema, "backend", tk_store_backend(s), "taisaku", TK_VERSION, "created_at", now), err);
	for (size_t i = 0; st == TK_OK && i < tk_store_ntables; i++) {
		const tk_store_table *tb = &tk_store_tables[i];
		json_t *cols = json_array();
		for (size_t c = 0; cols && c < tb->ncols; c++)
			json_array_append_new(cols, json_string(tb->cols[c].name));
		wr.table = i;
		wr.counts->table[i] = tb->name;
		wr.counts->ntables = i + 1;
		st = put_line(&wr, json_pack("{s:s, s:o}", "table", tb->name, "columns", cols), err);
		if (st == TK_OK)
			st = tk_store_dump_table(s, tb, put_row, &wr, err);
	}
	if (st == TK_OK) {
		unsigned char digest[crypto_hash_sha256_BYTES];
		char hex[2 * crypto_hash_sha256_BYTES + 1];
		crypto_hash_sha256_final(&wr.hash, digest);
		sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
		json_t *rows = json_object();
		for (size_t i = 0; rows && i < wr.counts->ntables; i++)
			json_object_set_new(rows, wr.counts->table[i], json_integer((json_int_t)wr.counts->rows[i]));
		st = put_line(&wr, json_pack("{s:b, s:o, s:s}", "end", 1, "rows", rows, "sha256", hex), err);
	}
done:
	tk_store_snapshot_end(s);
	return st;
}

/* ---- reading ---- */

typedef struct reader {
	tk_archive_reader *r;
	const char *path;
	long lineno;
	unsigned char buf[65536];
	size_t pos, len;
	bool eof;
	char *line;
	size_t cap;
} reader;

/* The next line, without its newline, NUL-terminated in rd->line; *have is
 * false at the end. A last line without its newline is a cut-off file. */
static tk_status next_line(reader *rd, size_t *len, bool *have, tk_error *err)
{
	size_t n = 0;
	*have = false;
	for (;;) {
		if (rd->pos == rd->len) {
			if (rd->eof)
				break;
			size_t got;
			tk_status st = tk_archive_read(rd->r, rd->buf, sizeof(rd->buf), &got, err);
			if (st)
				return st;
			rd->pos = 0;
			rd->len = got;
			rd->eof = got == 0;
			continue;
		}
		unsigned char *start = rd->buf + rd->pos, *nl = memchr(start, '\n', rd->len - rd->pos);
		size_t take = nl ? (size_t)(nl - start) : rd->len - rd->pos;
		if (n + take + 1 > rd->cap) {
			if (n + take + 1 > MAX_LINE)
				return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno + 1, 1, NULL,
					"行が長すぎます", "the line is too long");
			size_t cap = rd->cap ? rd->cap : 4096;
			while (cap < n + take + 1)
				cap *= 2;
			char *bigger = realloc(rd->line, cap);
			if (!bigger)
				return no_memory(err);
			rd->line = bigger;
			rd->cap = cap;
		}
		memcpy(rd->line + n, start, take);
		n += take;
		rd->pos += take + (nl ? 1 : 0);
		if (nl) {
			rd->line[n] = '\0';
			rd->lineno++;
			*len = n;
			*have = true;
			return TK_OK;
		}
	}
	if (n > 0)
		return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno + 1, 1, NULL,
			"アーカイブが途中で切れています（最後の行が不完全です）",
			"the archive is truncated (its last line is incomplete)");
	return TK_OK;
}

static tk_status bad_line(reader *rd, const char *key, const char *ja, const char *en, tk_error *err)
{
	return tk_error_set_texts(err, TK_EINPUT, rd->path, (int)rd->lineno, 1, key, ja, en);
}

/* A JSON value back into a column's value; *owned receives bytes decoded
 * from base64, which the caller frees after the row is loaded. */
static tk_status column_value(reader *rd, const tk_store_column *col, json_t *j, tk_store_value *v,
	char **owned, tk_error *err)
{
	memset(v, 0, sizeof(*v));
	if (json_is_null(j)) {
		v->null = true;
		return TK_OK;
	}
	switch (col->type) {
	case TK_COL_INT:
		if (json_is_integer(j)) {
			v->i = json_integer_value(j);
			return TK_OK;
		}
		break;
	case TK_COL_REAL:
		if (json_is_number(j)) {
			v->d = json_number_value(j);
			return TK_OK;
		}
		break;
	case TK_COL_TEXT:
	case TK_COL_BLOB:
		if (json_is_string(j)) {
			v->p = json_string_value(j);
			v->len = json_string_length(j);
			return TK_OK;
		}
		json_t *b = json_object_get(j, "base64");
		if (json_is_object(j) && json_object_size(j) == 1 && json_is_string(b)) {
			size_t blen = json_string_length(b), out_len;
			char *out = malloc(blen + 1);
			if (!out)
				return no_memory(err);
			if (sodium_base642bin((unsigned char *)out, blen + 1, json_string_value(b), blen, NULL,
				    &out_len, NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
				free(out);
				return bad_line(rd, col->name, "base64 として読めません", "not valid base64", err);
			}
			*owned = out;
			v->p = out;
			v->len = out_len;
			return TK_OK;
		}
		break;
	}
	static const char *const JA[] = { "", "整数", "数", "文字列", "文字列（または base64）" };
	static const char *const EN[] = { "", "an integer", "a number", "a string", "a string (or base64)" };
	char ja[128], en[128];
	snprintf(ja, sizeof(ja), "値は%sでなければなりません", JA[col->type]);
	snprintf(en, sizeof(en), "the value must be %s", EN[col->type]);
	return bad_line(rd, col->name, ja, en, err);
}

typedef struct restore {
	reader rd;
	tk_store *s;
	tk_store_loader *loader;
	tk_backup_counts *counts;
	crypto_hash_sha256_state hash;
	size_t next_table;   /* index of the table expected next */
	const tk_store_table *table; /* the table whose rows come now */
} restore;

struct tk_backup_loader {
	restore rs;
	long long schema;
};

/* The first line: a taisaku backup of a format this program reads. */
static tk_status read_header(restore *rs, json_t *j, long long *schema_out, tk_error *err)
{
	reader *rd = &rs->rd;
	const char *format = json_string_value(json_object_get(j, "format"));
	if (!format || strncmp(format, "taisaku-backup/", 15) != 0)
		return bad_line(rd, "format", "taisaku のバックアップではありません",
			"not a taisaku backup", err);
	if (strcmp(format, TK_BACKUP_FORMAT) != 0)
		return tk_error_set(err, TK_EINPUT, rd->path, 1, 1, "format",
			"この taisaku が読めない形式 '%s' です（読めるのは %s）",
			"format '%s' is not one this taisaku reads (it reads %s)", format, TK_BACKUP_FORMAT);
	json_t *schema = json_object_get(j, "schema");
	if (!json_is_integer(schema))
		return bad_line(rd, "schema", "スキーマの版がありません", "the schema version is missing", err);
	*schema_out = json_integer_value(schema);
	return TK_OK;
}

/* The store must have the schema the backup was made with: rows of another
 * version would not fit its tables. */
static tk_status check_schema(restore *rs, long long schema, tk_error *err)
{
	int have = 0;
	tk_status st = tk_store_schema_version(rs->s, &have, err);
	if (st == TK_OK && schema != have)
		st = tk_error_set(err, TK_EINPUT, rs->rd.path, 1, 1, "schema",
			"スキーマの版 %lld で作られたバックアップです。このデータベースは版 %d です",
			"the backup was made with schema version %lld; this database has version %d", schema, have);
	return st;
}

static tk_status read_table(restore *rs, json_t *j, tk_error *err)
{
	reader *rd = &rs->rd;
	const char *name = json_string_value(json_object_get(j, "table"));
	json_t *cols = json_object_get(j, "columns");
	if (rs->next_table >= tk_store_ntables)
		return bad_line(rd, "table", "表が多すぎます", "more tables than the store has", err);
	const tk_store_table *t = &tk_store_tables[rs->next_table];
	if (!name || strcmp(name, t->name) != 0)
		return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno, 1, "table",
			"ここには表 %s が来るはずです", "table %s was expected here", t->name);
	bool same = json_is_array(cols) && json_array_size(cols) == t->ncols;
	for (size_t i = 0; same && i < t->ncols; i++) {
		const char *c = json_string_value(json_array_get(cols, i));
		same = c && strcmp(c, t->cols[i].name) == 0;
	}
	if (!same)
		return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno, 1, "columns",
			"表 %s の列がこのデータベースと違います", "the columns of table %s differ from this database's",
			t->name);
	rs->table = t;
	rs->counts->table[rs->next_table] = t->name;
	rs->counts->ntables = ++rs->next_table;
	return TK_OK;
}

static tk_status read_row(restore *rs, json_t *j, tk_error *err)
{
	reader *rd = &rs->rd;
	const tk_store_table *t = rs->table;
	if (!t)
		return bad_line(rd, NULL, "表の名前より前に行があります", "a row before any table line", err);
	if (t->ncols > 32 || json_array_size(j) != t->ncols)
		return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno, 1, NULL,
			"表 %s の行は %zu 列のはずです", "a row of table %s has %zu columns", t->name, t->ncols);
	tk_store_value row[32];
	char *owned[32] = { 0 };
	tk_status st = TK_OK;
	for (size_t i = 0; st == TK_OK && i < t->ncols && i < 32; i++)
		st = column_value(rd, &t->cols[i], json_array_get(j, i), &row[i], &owned[i], err);
	if (st == TK_OK && (st = tk_store_load_row(rs->loader, t, row, err)) != TK_OK && !err->file[0]) {
		/* The database's refusal, placed at the row that caused it. */
		snprintf(err->file, sizeof(err->file), "%s", rd->path);
		err->line = (int)rd->lineno;
	}
	for (size_t i = 0; i < 32; i++)
		free(owned[i]);
	if (st == TK_OK)
		rs->counts->rows[t - tk_store_tables]++;
	return st;
}

static tk_status read_end(restore *rs, json_t *j, tk_error *err)
{
	reader *rd = &rs->rd;
	if (rs->next_table != tk_store_ntables)
		return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno, 1, NULL,
			"表 %s がありません", "table %s is missing", tk_store_tables[rs->next_table].name);
	json_t *rows = json_object_get(j, "rows");
	for (size_t i = 0; i < tk_store_ntables; i++) {
		json_t *n = json_object_get(rows, tk_store_tables[i].name);
		if (!json_is_integer(n) || (size_t)json_integer_value(n) != rs->counts->rows[i])
			return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno, 1, "rows",
				"表 %s の行数が合いません（%zu 行を読みました）",
				"the row count of table %s does not match (%zu rows read)",
				tk_store_tables[i].name, rs->counts->rows[i]);
	}
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	crypto_hash_sha256_final(&rs->hash, digest);
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	const char *want = json_string_value(json_object_get(j, "sha256"));
	if (!want || strcmp(want, hex) != 0)
		return bad_line(rd, "sha256", "SHA-256 が合いません。アーカイブが壊れているか改ざんされています",
			"the SHA-256 does not match: the archive is damaged or has been tampered with", err);
	return TK_OK;
}

/* Reads every line after the header into the loader; stops after the end
 * record, which must be the last line. */
static tk_status read_body(restore *rs, tk_error *err)
{
	reader *rd = &rs->rd;
	for (;;) {
		size_t len;
		bool have;
		tk_status st = next_line(rd, &len, &have, err);
		if (st)
			return st;
		if (!have)
			return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno, 1, NULL,
				"アーカイブが途中で切れています（終わりの行がありません）",
				"the archive is truncated (its end line is missing)");
		json_error_t jerr;
		json_t *j = json_loadb(rd->line, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
		if (!j)
			return tk_error_set(err, TK_EINPUT, rd->path, (int)rd->lineno, jerr.column, NULL,
				"JSON として読めません: %s", "not valid JSON: %s", jerr.text);
		bool end = json_is_object(j) && json_object_get(j, "end");
		if (json_is_array(j))
			st = read_row(rs, j, err);
		else if (end)
			st = read_end(rs, j, err);
		else if (json_is_object(j) && json_object_get(j, "table"))
			st = read_table(rs, j, err);
		else
			st = bad_line(rd, NULL, "行の種類がわかりません（行・表・終わりのどれでもありません）",
				"unknown kind of line (not a row, a table or the end)", err);
		json_decref(j);
		if (st)
			return st;
		if (end)
			break;
		crypto_hash_sha256_update(&rs->hash, (const unsigned char *)rd->line, len);
		crypto_hash_sha256_update(&rs->hash, (const unsigned char *)"\n", 1);
	}
	size_t len;
	bool have;
	tk_status st = next_line(rd, &len, &have, err);
	if (st == TK_OK && have)
		st = bad_line(rd, NULL, "終わりの行の後に余分な行があります", "extra lines after the end line", err);
	return st;
}

tk_status tk_backup_restore_begin(tk_archive_reader *r, const char *path, tk_backup_loader **out,
	tk_error *err)
{
	*out = NULL;
	tk_backup_loader *b = calloc(1, sizeof(*b));
	if (!b)
		return no_memory(err);
	restore *rs = &b->rs;
	rs->rd.r = r;
	rs->rd.path = path;
	tk_status st = TK_OK;
	if (sodium_init() < 0 || tk_store_ntables > TK_BACKUP_MAX_TABLES)
		st = tk_error_set(err, TK_EIO, path, 0, 0, NULL, "復元を準備できません", "cannot prepare the restore");
	crypto_hash_sha256_init(&rs->hash);
	size_t len = 0;
	bool have = false;
	if (st == TK_OK)
		st = next_line(&rs->rd, &len, &have, err);
	if (st == TK_OK && !have)
		st = tk_error_set(err, TK_EINPUT, path, 0, 0, NULL, "アーカイブが空です", "the archive is empty");
	if (st == TK_OK) {
		json_error_t jerr;
		json_t *j = json_loadb(rs->rd.line, len, 0, &jerr);
		st = json_is_object(j) ? read_header(rs, j, &b->schema, err)
			: bad_line(&rs->rd, NULL, "taisaku のバックアップではありません", "not a taisaku backup", err);
		json_decref(j);
		crypto_hash_sha256_update(&rs->hash, (const unsigned char *)rs->rd.line, len);
		crypto_hash_sha256_update(&rs->hash, (const unsigned char *)"\n", 1);
	}
	if (st) {
		tk_backup_restore_cancel(b);
		return st;
	}
	*out = b;
	return TK_OK;
}

tk_status tk_backup_restore_finish(tk_backup_loader *b, tk_store *s, bool replace,
	tk_backup_counts *counts, tk_error *err)
{
	tk_backup_counts local;
	restore *rs = &b->rs;
	rs->s = s;
	rs->counts = counts ? counts : &local;
	memset(rs->counts, 0, sizeof(*rs->counts));
	tk_status st = check_schema(rs, b->schema, err);
	if (st == TK_OK)
		st = tk_store_load_begin(s, replace, &rs->loader, err);
	if (st == TK_OK)
		st = read_body(rs, err);
	if (st == TK_OK)
		st = tk_store_load_commit(rs->loader, err);
	else if (rs->loader)
		tk_store_load_abort(rs->loader);
	rs->loader = NULL;
	tk_backup_restore_cancel(b);
	return st;
}

void tk_backup_restore_cancel(tk_backup_loader *b)
{
	if (!b)
		return;
	free(b->rs.rd.line);
	free(b);
}

tk_status tk_backup_restore(tk_store *s, tk_archive_reader *r, const char *path, bool replace,
	tk_backup_counts *counts, tk_error *err)
{
	tk_backup_loader *b;
	tk_status st = tk_backup_restore_begin(r, path, &b, err);
	return st ? st : tk_backup_restore_finish(b, s, replace, counts, err);
}
