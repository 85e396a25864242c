/* Lookups in a loaded catalog. Catalogs are small (hundreds of nodes), so a
 * linear scan is fast enough and keeps the image simple to cache. */
#include <string.h>

#include "taisaku/catalog.h"

const tk_requirement *tk_catalog_requirement(const tk_catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->n_requirements; i++)
		if (strcmp(cat->requirements[i].id, id) == 0)
			return &cat->requirements[i];
	return NULL;
}

const tk_domain *tk_catalog_domain(const tk_catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->n_domains; i++)
		if (strcmp(cat->domains[i].id, id) == 0)
			return &cat->domains[i];
	return NULL;
}

const tk_view *tk_catalog_view(const tk_catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->n_views; i++)
		if (strcmp(cat->views[i].id, id) == 0)
			return &cat->views[i];
	return NULL;
}

static size_t count_items(const tk_item *items, size_t n)
{
	size_t total = n;
	for (size_t i = 0; i < n; i++)
		total += count_items(items[i].items, items[i].n_items);
	return total;
}

size_t tk_requirement_item_count(const tk_requirement *req)
{
	size_t total = req->n_points;
	for (size_t i = 0; i < req->n_points; i++)
		total += count_items(req->points[i].items, req->points[i].n_items);
	return total;
}
