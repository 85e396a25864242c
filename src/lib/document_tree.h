/* Loading an assessment document from a tree already parsed (internal).
 *
 * A store import must know whether a document is an ECOM or a compliance
 * assessment before it loads it, and that depends on its catalog: parsing
 * it once to find out and again to load it cost a quarter of a batch
 * import. These take the parsed tree and the arena it lives in instead, so
 * that one parse serves both. The public tk_*_load_buffer functions are
 * these after tk_yaml_parse. */
#ifndef TAISAKU_DOCUMENT_TREE_H
#define TAISAKU_DOCUMENT_TREE_H

#include "taisaku/assessment.h"
#include "taisaku/compliance.h"
#include "yamldoc.h"

/* Whether the tree's `catalog:` names a compliance catalog (false when it
 * cannot tell; the loader then says what is wrong). */
bool tk_tree_is_compliance(const tk_ynode *root, tk_catalog_resolver resolve, void *ctx);

/* Load from root, parsed into arena from the document name. The result
 * takes the arena over (tk_assessment_free / tk_compliance_free free it);
 * on failure the arena is freed. */
tk_status tk_assessment_from_tree(tk_arena *arena, const char *name, const tk_ynode *root,
	tk_catalog_resolver resolve, void *ctx, tk_assessment **out, tk_error *err);
tk_status tk_compliance_from_tree(tk_arena *arena, const char *name, const tk_ynode *root,
	tk_catalog_resolver resolve, void *ctx, tk_compliance **out, tk_error *err);

#endif
