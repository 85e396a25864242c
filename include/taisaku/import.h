/* taisaku: reading catalogs written in other formats. */
#ifndef TAISAKU_IMPORT_H
#define TAISAKU_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "taisaku/error.h"

/* Reads an OSCAL catalog (JSON, OSCAL 1.0.x or 1.1.x) from data and writes
 * it to out as a taisaku catalog of kind compliance in the catalog format
 * (docs/oscal.en.md gives the mapping). name is the file, for messages and
 * the catalog's source; id the catalog ID to give it, or NULL to take the
 * one a taisaku export recorded, else one made from the file name. Bad
 * JSON is reported with its line and column, a bad structure with the key
 * path ("catalog.groups[2].controls[0].title"). The caller should load the
 * result (tk_catalog_load_buffer) before keeping it. */
tk_status tk_oscal_catalog_import(const char *name, const char *data, size_t len, const char *id,
	FILE *out, tk_error *err);

#endif
