/* taisaku: whole-file reading and atomic writing. */
#ifndef TAISAKU_FILE_H
#define TAISAKU_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "taisaku/error.h"

/* Reads a whole file into a malloc'd, NUL-terminated buffer. */
tk_status tk_file_read(const char *path, char **data, size_t *len, tk_error *err);

/* Writes data to path through a temporary file in the same directory and a
 * rename, so that readers see either the old file or the whole new one.
 * With durable, the data is also flushed to the disk before the rename, so
 * that not even a power failure leaves an empty file: for files that are
 * the only copy of someone's work. Derived files (reports, exports, caches)
 * skip that flush, which costs milliseconds, since they can be made again. */
tk_status tk_file_write_atomic(const char *path, const char *data, size_t len, bool durable,
	tk_error *err);

/* The same for output produced piece by piece (a backup of a whole store does
 * not fit in memory): open, write any number of times, then commit (flush,
 * rename, and flush the directory, so the new name survives a power failure)
 * or abort (the temporary file is removed and path is left as it was).
 * mode is the new file's permission bits; 0 means the usual 0666 less the
 * umask. A failed write or commit leaves the handle to be aborted. */
typedef struct tk_file_atomic {
	int fd;
	char *tmp;        /* the temporary file's name */
	const char *path; /* the caller's, not copied */
	bool durable;
} tk_file_atomic;

tk_status tk_file_atomic_open(tk_file_atomic *a, const char *path, unsigned mode, bool durable,
	tk_error *err);
tk_status tk_file_atomic_write(tk_file_atomic *a, const void *data, size_t len, tk_error *err);
tk_status tk_file_atomic_commit(tk_file_atomic *a, tk_error *err);
void tk_file_atomic_abort(tk_file_atomic *a);

#endif
