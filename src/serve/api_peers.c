/* GET /systems/{id}/peers: the system's latest strength round against its
 * peer group (issue 9), the JSON of `taisaku peers --format json` byte for
 * byte. The statistics and k-anonymity are the library's (tk_store_peers):
 * a group of fewer than 5 organisations comes back with every statistic
 * null, whoever asks. Read permission on the system (routes.c). */
#include <stdio.h>
#include <stdlib.h>

#include "serve.h"

void h_peers(req *r)
{
	tk_error err = { 0 };
	unsigned group = TK_PEERS_BY_INDUSTRY | TK_PEERS_BY_SIZE;
	const char *g = query_arg(r, "group");
	if (g && !tk_store_peers_group_parse(g, &group, &err)) {
		reply_tk_error(r, 400, "bad_request", &err);
		return;
	}
	tk_store_system y;
	tk_store_peer_result p;
	if (tk_store_system_get(r->s, r->system_id, r->a, &y, &err)) {
		reply_internal(r, &err);
		return;
	}
	tk_status rc = tk_store_peers(r->s, y.org, y.name, group, r->a, &p, &err);
	if (rc == TK_ENOTFOUND) { /* the system has no strength round yet */
		reply_tk_error(r, 404, "not_found", &err);
		return;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *f = rc ? NULL : open_memstream(&buf, &len);
	if (!rc && !f)
		rc = tk_error_set(&err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	if (f) {
		rc = tk_store_peers_write(&p, TK_STORE_JSON, r->lang, f, &err);
		if (fclose(f) && !rc)
			rc = tk_error_set(&err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	if (rc) {
		free(buf);
		reply_internal(r, &err);
		return;
	}
	reply_bytes(r, 200, "application/json; charset=utf-8", buf, len);
}
