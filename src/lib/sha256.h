/* SHA-256 (FIPS 180-4), for content hashes of stored catalogs and
 * documents: a stored round names the exact catalog text it was evaluated
 * against. Not used for anything secret. */
#ifndef TAISAKU_SHA256_H
#define TAISAKU_SHA256_H

#include <stddef.h>

/* Writes the digest of data as 64 lowercase hex characters and a NUL. */
void tk_sha256_hex(const void *data, size_t len, char out[65]);

#endif
