/* Name-based UUIDs (RFC 4122 version 5, SHA-1), so that exported documents
 * get the same identifiers every time they are written. */
#ifndef TAISAKU_UUID5_H
#define TAISAKU_UUID5_H

/* Writes the version 5 UUID of name in the namespace ns_uuid (a UUID in the
 * usual 8-4-4-4-12 hex form) to out as 36 lowercase characters and a NUL.
 * An ns_uuid that is not a UUID is read as the nil UUID. */
void tk_uuid5(const char *ns_uuid, const char *name, char out[37]);

#endif
