/* Archive files, plain or sealed with a passphrase (include/taisaku/archive.h).
 *
 * A sealed archive, all integers little-endian:
 *   "taisaku-backup-sealed/1\n"         24 bytes, the magic line
 *   u32 algorithm                       crypto_pwhash_ALG_ARGON2ID13
 *   u64 opslimit, u64 memlimit          argon2id's cost, as used to seal
 *   salt                                crypto_pwhash_SALTBYTES, random
 *   secretstream header                 crypto_secretstream_..._HEADERBYTES
 *   then chunks: u32 length, ciphertext (at most CHUNK bytes of records
 *   plus the 17-byte tag), the last one tagged FINAL.
 * The whole header is the additional data of every chunk, so a changed cost
 * or salt is caught even where it would still derive some key. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "taisaku/archive.h"
#include "taisaku/file.h"

#define CHUNK 65536
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define MAGIC_LEN (sizeof(TK_ARCHIVE_SEALED_MAGIC) - 1)
#define HEADER_LEN (MAGIC_LEN + 4 + 8 + 8 + crypto_pwhash_SALTBYTES + \
	crypto_secretstream_xchacha20poly1305_HEADERBYTES)

/* The cost of the key derivation when sealing is libsodium's "moderate"
 * (256 MiB, about half a second here) for backups, since one is opened
 * rarely and holds everything. A reader accepts any cost up to "sensitive",
 * and no more, so that a forged header cannot make it allocate without
 * bound. */

struct tk_archive_writer {
	tk_file_atomic file;
	bool sealed;
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char header[HEADER_LEN];
	size_t fill;
	unsigned char buf[CHUNK];
	unsigned char out[4 + CHUNK + ABYTES];
};

struct tk_archive_reader {
	FILE *f;
	const char *path;
	bool sealed, unlocked, final;
	uint64_t offset; /* of the next chunk in the file, for messages */
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char header[HEADER_LEN];
	size_t pos, len; /* the unread part of buf */
	unsigned char buf[CHUNK];
	unsigned char in[CHUNK + ABYTES];
};

static void put_le(unsigned char *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static tk_status no_memory(tk_error *err, const char *path)
{
	return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
}

static tk_status crypto_unavailable(tk_error *err, const char *path)
{
	return tk_error_set(err, TK_EIO, path, 0, 0, NULL, "暗号ライブラリ（libsodium）を初期化できません",
		"cannot initialise the cryptography library (libsodium)");
}

/* The key from the passphrase and the header's salt and cost. */
static int derive(unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
	const char *pass, size_t pass_len, const unsigned char *salt, uint64_t ops, uint64_t mem)
{
	return crypto_pwhash(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, pass, pass_len, salt,
		ops, (size_t)mem, crypto_pwhash_ALG_ARGON2ID13);
}

tk_status tk_archive_create(const char *path, const char *pass, size_t pass_len,
	tk_archive_cost cost, tk_archive_writer **out, tk_error *err)
{
	*out = NULL;
	if (pass && pass_len == 0)
		return tk_error_set(err, TK_EINPUT, path, 0, 0, NULL, "パスフレーズが空です",
			"the passphrase is empty");
	if (sodium_init() < 0)
		return crypto_unavailable(err, path);
	tk_archive_writer *w = calloc(1, sizeof(*w));
	if (!w)
		return no_memory(err, path);
	if (pass) {
		unsigned char *h = w->header, *salt = h + MAGIC_LEN + 20;
		unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
		uint64_t ops = cost == TK_ARCHIVE_INTERACTIVE ? crypto_pwhash_OPSLIMIT_INTERACTIVE
			: crypto_pwhash_OPSLIMIT_MODERATE;
		uint64_t mem = cost == TK_ARCHIVE_INTERACTIVE ? crypto_pwhash_MEMLIMIT_INTERACTIVE
			: crypto_pwhash_MEMLIMIT_MODERATE;
		memcpy(h, TK_ARCHIVE_SEALED_MAGIC, MAGIC_LEN);
		put_le(h + MAGIC_LEN, crypto_pwhash_ALG_ARGON2ID13, 4);
		put_le(h + MAGIC_LEN + 4, ops, 8);
		put_le(h + MAGIC_LEN + 12, mem, 8);
		randombytes_buf(salt, crypto_pwhash_SALTBYTES);
		if (derive(key, pass, pass_len, salt, ops, mem) != 0) {
			free(w);
			return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL,
				"鍵を導出するためのメモリ（%llu MiB）が足りません",
				"not enough memory (%llu MiB) to derive the key", (unsigned long long)(mem >> 20));
		}
		crypto_secretstream_xchacha20poly1305_init_push(&w->state, salt + crypto_pwhash_SALTBYTES, key);
		sodium_memzero(key, sizeof(key));
		w->sealed = true;
	}
	tk_status st = tk_file_atomic_open(&w->file, path, 0600, true, err);
	if (st == TK_OK && w->sealed)
		st = tk_file_atomic_write(&w->file, w->header, HEADER_LEN, err);
	if (st) {
		if (w->file.tmp)
			tk_file_atomic_abort(&w->file);
		sodium_memzero(w, sizeof(*w));
		free(w);
		return st;
	}
	*out = w;
	return TK_OK;
}

/* Writes out the buffered records: as they are, or as one sealed chunk. */
static tk_status flush_chunk(tk_archive_writer *w, bool final, tk_error *err)
{
	if (!w->sealed) {
		tk_status st = tk_file_atomic_write(&w->file, w->buf, w->fill, err);
		w->fill = 0;
		return st;
	}
	unsigned long long clen;
	crypto_secretstream_xchacha20poly1305_push(&w->state, w->out + 4, &clen, w->buf, w->fill,
		w->header, HEADER_LEN,
		final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
	put_le(w->out, clen, 4);
	w->fill = 0;
	return tk_file_atomic_write(&w->file, w->out, 4 + (size_t)clen, err);
}

tk_status tk_archive_write(tk_archive_writer *w, const void *data, size_t len, tk_error *err)
{
	const unsigned char *p = data;
	while (len > 0) {
		/* A full chunk goes out only when more follows, so that the last
		 * chunk, however short, is the one tagged final. */
		if (w->fill == CHUNK) {
			tk_status st = flush_chunk(w, false, err);
			if (st)
				return st;
		}
		size_t n = CHUNK - w->fill < len ? CHUNK - w->fill : len;
		memcpy(w->buf + w->fill, p, n);
		w->fill += n;
		p += n;
		len -= n;
	}
	return TK_OK;
}

tk_status tk_archive_commit(tk_archive_writer *w, tk_error *err)
{
	tk_status st = flush_chunk(w, true, err);
	if (st)
		tk_file_atomic_abort(&w->file);
	else
		st = tk_file_atomic_commit(&w->file, err);
	sodium_memzero(w, sizeof(*w));
	free(w);
	return st;
}

void tk_archive_abort(tk_archive_writer *w)
{
	if (!w)
		return;
	tk_file_atomic_abort(&w->file);
	sodium_memzero(w, sizeof(*w));
	free(w);
}

/* Reads exactly n bytes; false at the end of the file or on an error. */
static bool read_exact(FILE *f, void *p, size_t n)
{
	return fread(p, 1, n, f) == n;
}

static tk_status truncated(tk_archive_reader *r, tk_error *err)
{
	if (ferror(r->f))
		return tk_error_set(err, TK_EIO, r->path, 0, 0, NULL, "読み込めません", "cannot read");
	return tk_error_set(err, TK_EINPUT, r->path, 0, 0, NULL,
		"アーカイブが途中で切れています（%llu バイト目より後がありません）",
		"the archive is truncated (nothing after byte %llu)", (unsigned long long)r->offset);
}

static tk_status damaged(tk_archive_reader *r, tk_error *err)
{
	return tk_error_set(err, TK_EINPUT, r->path, 0, 0, NULL,
		"アーカイブが壊れているか改ざんされています（%llu バイト目からのチャンクを検証できません）",
		"the archive is damaged or has been tampered with (the chunk at byte %llu does not verify)",
		(unsigned long long)r->offset);
}

tk_status tk_archive_open(const char *path, tk_archive_reader **out, tk_error *err)
{
	*out = NULL;
	tk_archive_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return no_memory(err, path);
	r->path = path;
	r->f = fopen(path, "rbe");
	if (!r->f) {
		free(r);
		/* tk_file_read words the reason in both languages. */
		char *data;
		size_t len;
		tk_status st = tk_file_read(path, &data, &len, err);
		if (st == TK_OK) {
			free(data);
			st = tk_error_set(err, TK_EIO, path, 0, 0, NULL, "開けません", "cannot open");
		}
		return st;
	}
	/* The magic line decides; a plain archive's first bytes stay in buf. */
	r->len = fread(r->buf, 1, MAGIC_LEN, r->f);
	if (r->len == MAGIC_LEN && memcmp(r->buf, TK_ARCHIVE_SEALED_MAGIC, MAGIC_LEN) == 0) {
		r->sealed = true;
		memcpy(r->header, r->buf, MAGIC_LEN);
		r->len = 0;
		r->offset = MAGIC_LEN;
		if (!read_exact(r->f, r->header + MAGIC_LEN, HEADER_LEN - MAGIC_LEN)) {
			tk_status st = truncated(r, err);
			tk_archive_close(r);
			return st;
		}
		r->offset = HEADER_LEN;
	}
	*out = r;
	return TK_OK;
}

bool tk_archive_sealed(const tk_archive_reader *r)
{
	return r->sealed;
}

/* Reads and opens the next chunk into buf. The first chunk failing to open
 * means the key is wrong rather than the data. */
static tk_status next_chunk(tk_archive_reader *r, bool first, tk_error *err)
{
	unsigned char lenbuf[4];
	if (!read_exact(r->f, lenbuf, 4))
		return truncated(r, err);
	uint64_t clen = get_le(lenbuf, 4);
	if (clen < ABYTES || clen > CHUNK + ABYTES)
		return damaged(r, err);
	if (!read_exact(r->f, r->in, (size_t)clen))
		return truncated(r, err);
	unsigned long long mlen;
	unsigned char tag;
	if (crypto_secretstream_xchacha20poly1305_pull(&r->state, r->buf, &mlen, &tag, r->in, clen,
		    r->header, HEADER_LEN) != 0) {
		if (first)
			return tk_error_set(err, TK_EINPUT, r->path, 0, 0, NULL,
				"パスフレーズが違います（またはアーカイブの先頭が壊れています）",
				"wrong passphrase (or the start of the archive is damaged)");
		return damaged(r, err);
	}
	if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
		r->final = true;
	else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
		return damaged(r, err);
	r->offset += 4 + clen;
	r->pos = 0;
	r->len = (size_t)mlen;
	return TK_OK;
}

tk_status tk_archive_unlock(tk_archive_reader *r, const char *pass, size_t pass_len, tk_error *err)
{
	if (!r->sealed || r->unlocked)
		return TK_OK;
	if (sodium_init() < 0)
		return crypto_unavailable(err, r->path);
	const unsigned char *h = r->header, *salt = h + MAGIC_LEN + 20;
	uint64_t alg = get_le(h + MAGIC_LEN, 4), ops = get_le(h + MAGIC_LEN + 4, 8),
		mem = get_le(h + MAGIC_LEN + 12, 8);
	if (alg != crypto_pwhash_ALG_ARGON2ID13 || ops < crypto_pwhash_OPSLIMIT_MIN ||
	    ops > crypto_pwhash_OPSLIMIT_SENSITIVE || mem < crypto_pwhash_MEMLIMIT_MIN ||
	    mem > crypto_pwhash_MEMLIMIT_SENSITIVE)
		return tk_error_set(err, TK_EINPUT, r->path, 0, 0, NULL,
			"アーカイブのヘッダーが壊れています（鍵導出の方式または強度が不正です）",
			"the archive's header is damaged (unknown key derivation or cost)");
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	if (derive(key, pass, pass_len, salt, ops, mem) != 0)
		return tk_error_set(err, TK_ENOMEM, r->path, 0, 0, NULL,
			"鍵を導出するためのメモリが足りません", "not enough memory to derive the key");
	int bad = crypto_secretstream_xchacha20poly1305_init_pull(&r->state,
		salt + crypto_pwhash_SALTBYTES, key);
	sodium_memzero(key, sizeof(key));
	if (bad)
		return damaged(r, err);
	/* The first chunk is the passphrase's test: if it does not open, the
	 * key is wrong (or the header was changed, which derives another key). */
	r->unlocked = true;
	tk_status st = next_chunk(r, true, err);
	if (st)
		r->unlocked = false;
	return st;
}

tk_status tk_archive_read(tk_archive_reader *r, void *buf, size_t len, size_t *got, tk_error *err)
{
	*got = 0;
	if (r->sealed && !r->unlocked)
		return tk_error_set(err, TK_EINPUT, r->path, 0, 0, NULL,
			"暗号化されたアーカイブです。パスフレーズが必要です",
			"the archive is encrypted: a passphrase is needed");
	if (!r->sealed) {
		size_t n = r->len - r->pos < len ? r->len - r->pos : len;
		memcpy(buf, r->buf + r->pos, n);
		r->pos += n;
		if (n < len)
			n += fread((char *)buf + n, 1, len - n, r->f);
		if (ferror(r->f))
			return tk_error_set(err, TK_EIO, r->path, 0, 0, NULL, "読み込めません", "cannot read");
		*got = n;
		return TK_OK;
	}
	while (r->pos == r->len) {
		if (r->final) {
			/* The end of the records must be the end of the file. */
			if (fgetc(r->f) != EOF)
				return tk_error_set(err, TK_EINPUT, r->path, 0, 0, NULL,
					"アーカイブの終わり（%llu バイト目）の後に余分なデータがあります",
					"the archive has extra data after its end (byte %llu)",
					(unsigned long long)r->offset);
			return TK_OK;
		}
		tk_status st = next_chunk(r, false, err);
		if (st)
			return st;
	}
	size_t n = r->len - r->pos < len ? r->len - r->pos : len;
	memcpy(buf, r->buf + r->pos, n);
	r->pos += n;
	*got = n;
	return TK_OK;
}

void tk_archive_close(tk_archive_reader *r)
{
	if (!r)
		return;
	if (r->f)
		fclose(r->f);
	sodium_memzero(r, sizeof(*r));
	free(r);
}
