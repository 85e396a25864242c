/* Where an assessment (a plan or a filled-in round) departs from a profile:
 * the system level, and per requirement the importance, the override and the
 * target that results from them. */
#include <stdlib.h>
#include <string.h>

#include "taisaku/profile.h"

tk_status tk_profile_diff_compute(const tk_profile *p, const tk_assessment *a, tk_profile_diff *out,
	tk_error *err)
{
	*out = (tk_profile_diff){ .profile_level = p->level, .plan_level = a->level };
	const tk_catalog *cat = a->catalog;
	if (cat != p->catalog && strcmp(cat->id, p->catalog->id) != 0)
		return tk_error_set(err, TK_EINPUT, a->path, 0, 0, "catalog",
			"評価のカタログ %s とプロファイルのカタログ %s が違います",
			"the assessment's catalog %s is not the profile's catalog %s", cat->id, p->catalog->id);
	out->level_differs = p->level != a->level;
	out->v = calloc(cat->n_requirements ? cat->n_requirements : 1, sizeof(*out->v));
	if (!out->v)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	for (size_t i = 0; i < cat->n_requirements; i++) {
		tk_profile_departure d = {
			.requirement = i,
			.profile_importance = p->importance[i], .plan_importance = a->importance[i],
			.profile_override = p->override_level[i], .plan_override = a->override_level[i],
			.profile_target = tk_profile_target(p, i),
			.plan_target = a->override_level[i] ? a->override_level[i]
							  : cat->scoring.targets[a->level][a->importance[i]],
		};
		d.changes = (d.profile_importance != d.plan_importance ? TK_PD_IMPORTANCE : 0) |
			    (d.profile_override != d.plan_override ? TK_PD_OVERRIDE : 0) |
			    (d.profile_target != d.plan_target ? TK_PD_TARGET : 0);
		out->n_targets_differ += (d.changes & TK_PD_TARGET) != 0;
		if (d.changes & (TK_PD_IMPORTANCE | TK_PD_OVERRIDE))
			out->v[out->n++] = d;
	}
	return TK_OK;
}

void tk_profile_diff_free(tk_profile_diff *d)
{
	free(d->v);
	d->v = NULL;
	d->n = 0;
}
