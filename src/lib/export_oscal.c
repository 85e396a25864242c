/* Placeholder replaced by the OSCAL exporter. */
#include "taisaku/export.h"

tk_status tk_catalog_export_oscal(const tk_catalog *cat, FILE *out, tk_error *err)
{
	(void)cat; (void)out;
	return tk_error_set(err, TK_EINPUT, NULL, 0, 0, NULL, "未実装", "not implemented");
}
