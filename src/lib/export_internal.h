/* Shared pieces of the exporters. */
#ifndef TAISAKU_EXPORT_INTERNAL_H
#define TAISAKU_EXPORT_INTERNAL_H

#include <jansson.h>
#include <stdio.h>

#include "taisaku/catalog.h"

json_t *tk_catalog_json(const tk_catalog *cat);
json_t *tk_requirement_json(const tk_catalog *cat, const tk_requirement *r);

/* Catalog parts in the format's shape, shared by the JSON and YAML exports. */
json_t *tk_notes_tree(const tk_notes *n);
json_t *tk_items_tree(const tk_item *items, size_t n);
json_t *tk_labels_tree(const tk_label *v, size_t n);
json_t *tk_glossary_tree(const tk_catalog *cat);

/* The scoring model in the catalog format's shape (YAML and JSON exports). */
json_t *tk_scoring_tree(const tk_scoring *s);

/* Writes a tree in the catalog format's shape as block YAML, every string
 * double-quoted (export_yaml.c); doc is not released. */
void tk_yaml_write_tree(FILE *out, json_t *doc);

/* Writes doc (and releases it) as indented UTF-8 JSON with a final newline. */
tk_status tk_json_write(json_t *doc, FILE *out, tk_error *err);

#endif
