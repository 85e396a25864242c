/* taisaku: backup and restore of a whole store (docs/backup.en.md).
 *
 * A backup is a JSON Lines file, "taisaku-backup/1": a header line (format,
 * schema version, back end, time), then each table of the store
 * (store_dump.h) as a line naming it and its columns followed by one line
 * per row, and last a line with the row counts and the SHA-256 of every
 * byte before it. It is written through an archive (archive.h): atomically,
 * private to its owner, and sealed with a passphrase when one is given.
 *
 * A restore reads it back into one transaction and commits only once the
 * last line has checked out: a wrong passphrase, a changed byte, a cut-off
 * file or a row the database refuses leaves the database as it was. */
#ifndef TAISAKU_BACKUP_H
#define TAISAKU_BACKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "taisaku/archive.h"
#include "taisaku/error.h"
#include "taisaku/store.h"
#include "taisaku/store_dump.h"

/* The first line's "format". */
#define TK_BACKUP_FORMAT "taisaku-backup/1"

/* What a backup or restore carried, table by table, in the order of
 * tk_store_tables (store_dump.h). */
#define TK_BACKUP_MAX_TABLES TK_STORE_MAX_TABLES
typedef struct tk_backup_counts {
	size_t ntables;
	const char *table[TK_BACKUP_MAX_TABLES];
	size_t rows[TK_BACKUP_MAX_TABLES];
} tk_backup_counts;

/* Writes everything in s to the archive w (which the caller commits or
 * aborts). counts may be NULL. */
tk_status tk_backup_write(tk_store *s, tk_archive_writer *w, tk_backup_counts *counts, tk_error *err);

/* Loads the archive r (unlocked if sealed; path names it in messages) into
 * s. The store must be empty unless replace, which replaces all it holds.
 * All or nothing. counts may be NULL. */
tk_status tk_backup_restore(tk_store *s, tk_archive_reader *r, const char *path, bool replace,
	tk_backup_counts *counts, tk_error *err);

/* The same in two steps, so that a file that is no backup at all is turned
 * away before any database is opened or made: begin reads and checks the
 * first line; finish checks the schema version against s and loads the rest
 * (and frees b, as cancel does without loading). */
typedef struct tk_backup_loader tk_backup_loader;
tk_status tk_backup_restore_begin(tk_archive_reader *r, const char *path, tk_backup_loader **out,
	tk_error *err);
tk_status tk_backup_restore_finish(tk_backup_loader *b, tk_store *s, bool replace,
	tk_backup_counts *counts, tk_error *err);
void tk_backup_restore_cancel(tk_backup_loader *b);

#endif
