/* taisaku: an archive file, plain or sealed with a passphrase.
 *
 * The byte stream under `taisaku db backup`: the backup module writes its
 * records here and reads them back, and need not know whether the file is
 * encrypted. A plain archive is the records as they are. A sealed one
 * (docs/backup.en.md, "Sealed archives") starts with a header line
 * "taisaku-backup-sealed/1", a key derived from the passphrase with argon2id
 * (libsodium's crypto_pwhash, a random salt in the header) and the records
 * cut into chunks of crypto_secretstream_xchacha20poly1305, the last one
 * marked final: a wrong passphrase, a changed byte anywhere, a missing end
 * or bytes after it are all detected and reported as such.
 *
 * Writing goes to a temporary file, private to its owner (0600), renamed
 * over the target only at commit, so that no half-written archive ever
 * carries the target's name. */
#ifndef TAISAKU_ARCHIVE_H
#define TAISAKU_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "taisaku/error.h"

/* The first line of a sealed archive, with its newline. */
#define TK_ARCHIVE_SEALED_MAGIC "taisaku-backup-sealed/1\n"

typedef struct tk_archive_writer tk_archive_writer;
typedef struct tk_archive_reader tk_archive_reader;

/* The cost of deriving the key from the passphrase, written into the header
 * so that opening needs no choice. MODERATE (libsodium's: 256 MiB, 3 passes,
 * about half a second) is what backups use; INTERACTIVE (64 MiB, 2 passes)
 * lets the tests try dozens of damaged archives in a few seconds. */
typedef enum tk_archive_cost { TK_ARCHIVE_MODERATE = 0, TK_ARCHIVE_INTERACTIVE = 1 } tk_archive_cost;

/* Starts an archive at path; with a passphrase (pass_len bytes, not
 * NUL-terminated necessarily) it is sealed, with NULL it is plain. */
tk_status tk_archive_create(const char *path, const char *pass, size_t pass_len,
	tk_archive_cost cost, tk_archive_writer **out, tk_error *err);
tk_status tk_archive_write(tk_archive_writer *w, const void *data, size_t len, tk_error *err);
/* Ends the stream, flushes it to the disk and gives it its name; frees w
 * whatever the outcome. */
tk_status tk_archive_commit(tk_archive_writer *w, tk_error *err);
/* Throws the unfinished archive away (path is left as it was) and frees w. */
void tk_archive_abort(tk_archive_writer *w);

/* Opens an archive and reads its header. */
tk_status tk_archive_open(const char *path, tk_archive_reader **out, tk_error *err);
/* Whether the archive is sealed: then it must be unlocked before reading. */
bool tk_archive_sealed(const tk_archive_reader *r);
/* Derives the key and checks it on the first chunk: a wrong passphrase is
 * told apart from later damage. */
tk_status tk_archive_unlock(tk_archive_reader *r, const char *pass, size_t pass_len, tk_error *err);
/* Reads up to len bytes of the records; *got is 0 only at their end, and
 * the end is reported only once the stream is known to be complete. */
tk_status tk_archive_read(tk_archive_reader *r, void *buf, size_t len, size_t *got, tk_error *err);
void tk_archive_close(tk_archive_reader *r);

#endif
