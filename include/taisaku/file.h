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

#endif
