/* An OSCAL catalog (JSON, OSCAL 1.0.x and 1.1.x) as a taisaku catalog of
 * kind compliance (docs/oscal.en.md has the whole mapping):
 *
 *   groups        a top-level group without sub-groups becomes a domain of
 *                 one view named after the catalog; a top-level group with
 *                 sub-groups becomes a view, and every group below it that
 *                 holds controls a domain of that view, titled with the
 *                 titles of the groups on the way joined by " / " (deeper
 *                 nesting is flattened); controls outside any group go to a
 *                 domain "ID-ungrouped" of the catalog's view
 *   controls      requirements; control enhancements (controls inside a
 *                 control) follow their control in the same domain
 *   statement     its item parts become points (label, title, prose) and
 *                 their sub-items the points' items; the statement's own
 *                 prose and an "overview" part become purpose_ja
 *   params        parameters {id, title_ja: label or choices, value}
 *   {{ insert: param, X }} in prose is written as NIST prints it:
 *                 [Assignment: label], [Selection (one or more): a; b]
 *
 * A catalog taisaku exported (its metadata has our "catalog-kind" prop)
 * comes back with its own structure and IDs: groups of class view, subview
 * and domain are read as such, the "label" prop gives the original ID of
 * groups, controls and parameters, the title is Japanese and the "title-en"
 * prop English. Any catalog's title-en, modality and role props in our
 * namespace are read.
 *
 * Text is kept as OSCAL has it; an imported catalog's *_ja fields hold the
 * source's own language (for NIST, English), since taisaku keeps catalog
 * text verbatim and translates nothing. Guidance, notes and links are not
 * imported: a catalog here is what an assessment rates. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "taisaku/import.h"
#include "export_internal.h"
#include "oscal_internal.h"

typedef struct importer {
	const char *name; /* the file, for messages */
	tk_error *err;
	bool ours;        /* exported by taisaku */
	char path[512];   /* the key path of the node being read */
	json_t *ids;      /* IDs given out so far (a set) */
	json_t *params;   /* param id → how its insert prints, for the control being read */
	const char *catalog_id;
	const char *catalog_title;
	json_t *view_of_catalog; /* the view of top-level leaf groups, once made */
} importer;

/* ---- errors and key paths ---- */

static tk_status fail(importer *im, const char *ja, const char *en, ...)
	__attribute__((format(printf, 3, 4)));

static tk_status fail(importer *im, const char *ja, const char *en, ...)
{
	char tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	va_list ap;
	va_start(ap, en);
	tk_format_pair(tja, ten, sizeof tja, ja, en, ap);
	va_end(ap);
	return tk_error_set_texts(im->err, TK_EINPUT, im->name, 0, 0, im->path, tja, ten);
}

/* Appends ".key" or "[i]" to the path; returns the old length to restore. */
static size_t push_key(importer *im, const char *key)
{
	size_t n = strlen(im->path);
	snprintf(im->path + n, sizeof im->path - n, "%s%s", n ? "." : "", key);
	return n;
}

static size_t push_index(importer *im, size_t i)
{
	size_t n = strlen(im->path);
	snprintf(im->path + n, sizeof im->path - n, "[%zu]", i);
	return n;
}

static void pop(importer *im, size_t n)
{
	im->path[n] = '\0';
}

/* ---- typed access ---- */

/* o[key] as a string; absent gives NULL (an error when required). */
static tk_status get_str(importer *im, json_t *o, const char *key, bool required, const char **out)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	size_t n = push_key(im, key);
	tk_status st = TK_OK;
	if (!v && required)
		st = fail(im, "必須のキーがありません", "required key is missing");
	else if (v && !json_is_string(v))
		st = fail(im, "文字列ではありません", "not a string");
	else if (v)
		*out = json_string_value(v);
	if (!st)
		pop(im, n);
	return st;
}

/* o[key] as an array; absent gives NULL, which jansson reads as empty. */
static tk_status get_arr(importer *im, json_t *o, const char *key, json_t **out)
{
	json_t *v = json_object_get(o, key);
	*out = v;
	if (v && !json_is_array(v)) {
		push_key(im, key);
		return fail(im, "配列ではありません", "not an array");
	}
	return TK_OK;
}

/* The i-th item of arr, which must be an object; pushes "[i]". */
static tk_status get_obj_at(importer *im, json_t *arr, size_t i, json_t **out, size_t *mark)
{
	*out = json_array_get(arr, i);
	*mark = push_index(im, i);
	if (!json_is_object(*out))
		return fail(im, "オブジェクトではありません", "not an object");
	return TK_OK;
}

/* ---- props ---- */

/* The value of the first prop named name: in our namespace when ours,
 * else without a namespace and without a class (NIST gives "label" with
 * classes for other spellings). */
static const char *prop(json_t *o, const char *name, bool ours)
{
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(o, "props"), i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));
		const char *ns = json_string_value(json_object_get(p, "ns"));
		const char *v = json_string_value(json_object_get(p, "value"));
		if (!n || !v || strcmp(n, name))
			continue;
		if (ours ? ns && strcmp(ns, TK_OSCAL_NS) == 0
			 : !ns && !json_object_get(p, "class"))
			return v;
	}
	return NULL;
}

/* Our English title: the prop's remarks hold it when it is not one line. */
static const char *title_en(json_t *o)
{
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(o, "props"), i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));
		const char *ns = json_string_value(json_object_get(p, "ns"));
		if (!n || !ns || strcmp(n, "title-en") || strcmp(ns, TK_OSCAL_NS))
			continue;
		const char *r = json_string_value(json_object_get(p, "remarks"));
		return r ? r : json_string_value(json_object_get(p, "value"));
	}
	return NULL;
}

static void set_str(json_t *o, const char *key, const char *s)
{
	if (s && *s)
		json_object_set_new(o, key, json_string(s));
}

/* What the catalog format takes as an ID: 1 to 63 bytes, no white space
 * or control characters (the loader's rule). */
static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > 63)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f)
			return false;
	return true;
}

/* Fails unless o[key] (already read as id) is a valid ID. */
static tk_status check_id(importer *im, const char *key, const char *id)
{
	if (!id || valid_id(id))
		return TK_OK;
	push_key(im, key);
	return fail(im, "ID '%s' は taisaku では使えません（空白や制御文字を含まない 63 バイトまで）",
		"ID '%s' cannot be a taisaku ID (at most 63 bytes, no white space or control characters)", id);
}

/* A new ID: the original one for our own catalogs (the label prop, when it
 * is a valid ID), else the OSCAL id; one taken already gets "-2", "-3"...
 * (IDs are unique across a taisaku catalog, OSCAL ids only within their
 * kind). */
static char *claim_id(importer *im, json_t *node, const char *oscal_id)
{
	const char *base = im->ours ? prop(node, "label", false) : NULL;
	if (!base || !valid_id(base))
		base = oscal_id;
	size_t size = strlen(base) + 16;
	char *id = malloc(size);
	if (!id)
		return NULL;
	/* Made IDs ("X-controls", "X-2") may outgrow 63 bytes: the base is cut,
	 * on a character boundary, to leave room. */
	for (unsigned n = 1;; n++) {
		char suffix[16] = "";
		if (n > 1)
			snprintf(suffix, sizeof suffix, "-%u", n);
		size_t keep = strlen(base), room = 63 - strlen(suffix);
		if (keep > room)
			for (keep = room; keep > 0 && ((unsigned char)base[keep] & 0xc0) == 0x80; keep--)
				;
		snprintf(id, size, "%.*s%s", (int)keep, base, suffix);
		if (!json_object_get(im->ids, id))
			break;
	}
	json_object_set_new(im->ids, id, json_true());
	return id;
}

/* ---- prose ---- */

/* How a parameter prints where it is inserted, as NIST prints it. */
static char *param_text(json_t *p)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	if (!f)
		return NULL;
	json_t *values = json_object_get(p, "values"), *sel = json_object_get(p, "select");
	const char *label = json_string_value(json_object_get(p, "label"));
	if (json_array_size(values)) {
		size_t i;
		json_t *v;
		json_array_foreach(values, i, v)
			fprintf(f, "%s%s", i ? "; " : "", json_string_value(v) ? json_string_value(v) : "");
	} else if (json_is_object(sel)) {
		const char *how = json_string_value(json_object_get(sel, "how-many"));
		fprintf(f, "[Selection%s: ", how && strcmp(how, "one-or-more") == 0 ? " (one or more)" : "");
		size_t i;
		json_t *c;
		json_array_foreach(json_object_get(sel, "choice"), i, c)
			fprintf(f, "%s%s", i ? "; " : "", json_string_value(c) ? json_string_value(c) : "");
		fputc(']', f);
	} else {
		fprintf(f, "[Assignment: %s]", label ? label : json_string_value(json_object_get(p, "id")));
	}
	if (fclose(f) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* prose with every {{ insert: param, ID }} replaced by how ID prints
 * (malloc'd; NULL for NULL). */
static char *render(importer *im, const char *prose)
{
	if (!prose)
		return NULL;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		return NULL;
	const char *p = prose;
	for (const char *at; (at = strstr(p, "{{"));) {
		const char *end = strstr(at, "}}");
		if (!end)
			break;
		char inner[256];
		size_t n = (size_t)(end - at - 2);
		snprintf(inner, sizeof inner, "%.*s", (int)(n < 255 ? n : 255), at + 2);
		char id[200];
		if (sscanf(inner, " insert : param , %199[^ }]", id) != 1) {
			fwrite(p, 1, (size_t)(end + 2 - p), f);
			p = end + 2;
			continue;
		}
		fwrite(p, 1, (size_t)(at - p), f);
		const char *txt = json_string_value(json_object_get(im->params, id));
		fputs(txt ? txt : id, f);
		p = end + 2;
	}
	fputs(p, f);
	if (fclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

static void set_rendered(importer *im, json_t *o, const char *key, const char *prose)
{
	char *s = render(im, prose);
	set_str(o, key, s);
	free(s);
}

/* ---- controls ---- */

static tk_status read_params(importer *im, json_t *control, json_t *req)
{
	json_t *params, *list = json_array();
	tk_status st = get_arr(im, control, "params", &params);
	if (st)
		return json_decref(list), st;
	size_t mk0 = push_key(im, "params");
	for (size_t i = 0; i < json_array_size(params); i++) {
		json_t *p;
		size_t mk;
		const char *id;
		if ((st = get_obj_at(im, params, i, &p, &mk)) || (st = get_str(im, p, "id", true, &id)) ||
		    (st = check_id(im, "id", id)))
			return json_decref(list), st;
		char *txt = param_text(p);
		json_object_set_new(im->params, id, json_string(txt ? txt : id));
		const char *label = json_string_value(json_object_get(p, "label"));
		const char *orig = im->ours ? prop(p, "label", false) : NULL;
		json_t *o = json_object();
		set_str(o, "id", orig && *orig ? orig : id);
		set_str(o, "title_ja", label && *label ? label : txt && *txt ? txt : id);
		json_t *values = json_object_get(p, "values");
		if (json_array_size(values))
			set_str(o, "value", txt);
		free(txt);
		json_array_append_new(list, o);
		pop(im, mk);
	}
	pop(im, mk0);
	if (json_array_size(list))
		json_object_set_new(req, "parameters", list);
	else
		json_decref(list);
	return TK_OK;
}

static const char *part_name(json_t *part)
{
	const char *n = json_string_value(json_object_get(part, "name"));
	return n ? n : "";
}

/* "label prose", or either alone (malloc'd). */
static char *labelled(importer *im, json_t *part)
{
	const char *label = im->ours ? NULL : prop(part, "label", false);
	char *prose = render(im, json_string_value(json_object_get(part, "prose")));
	const char *title = json_string_value(json_object_get(part, "title"));
	const char *text = prose && *prose ? prose : title;
	char *s;
	if (asprintf(&s, "%s%s%s", label ? label : "", label && text ? " " : "", text ? text : "") < 0)
		s = NULL;
	free(prose);
	return s;
}

/* The catalog format nests sub-points 8 levels deep at most. */
#define MAX_ITEM_DEPTH 8

/* Sub-items of a point appended to items, nested as the parts nest; at
 * the deepest level the format allows, deeper ones follow as siblings. */
static void add_items(importer *im, json_t *part, int depth, json_t *items)
{
	size_t i;
	json_t *sub;
	json_array_foreach(json_object_get(part, "parts"), i, sub) {
		if (!json_is_object(sub) || strcmp(part_name(sub), "item"))
			continue;
		json_t *o = json_object();
		char *text = labelled(im, sub);
		set_str(o, "text_ja", text && *text ? text : json_string_value(json_object_get(sub, "id")));
		free(text);
		if (!json_object_get(o, "text_ja")) {
			json_decref(o);
			continue;
		}
		json_array_append_new(items, o);
		if (depth >= MAX_ITEM_DEPTH) {
			add_items(im, sub, depth, items);
			continue;
		}
		json_t *deeper = json_array();
		add_items(im, sub, depth + 1, deeper);
		if (json_array_size(deeper))
			json_object_set_new(o, "items", deeper);
		else
			json_decref(deeper);
	}
}

/* One item of the statement as a point: the title as its heading (the
 * label and the prose when it has none). */
static json_t *point_of(importer *im, json_t *part)
{
	json_t *o = json_object();
	const char *label = prop(part, "label", false);
	const char *title = json_string_value(json_object_get(part, "title"));
	set_str(o, "label", label);
	if (title && *title) {
		set_str(o, "title_ja", title);
		set_rendered(im, o, "text_ja", json_string_value(json_object_get(part, "prose")));
	} else {
		char *prose = render(im, json_string_value(json_object_get(part, "prose")));
		set_str(o, "title_ja", prose && *prose ? prose
			: label ? label : json_string_value(json_object_get(part, "id")));
		free(prose);
	}
	if (!json_object_get(o, "title_ja"))
		set_str(o, "title_ja", "-");
	json_t *items = json_array();
	add_items(im, part, 1, items);
	if (json_array_size(items))
		json_object_set_new(o, "items", items);
	else
		json_decref(items);
	return o;
}

/* purpose_ja from the overview and the statement's prose; points from the
 * statement's items. */
static void read_parts(importer *im, json_t *control, json_t *req)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *purpose = open_memstream(&buf, &len);
	json_t *points = json_array();
	size_t i;
	json_t *part;
	json_array_foreach(json_object_get(control, "parts"), i, part) {
		if (!json_is_object(part))
			continue;
		const char *name = part_name(part);
		bool smt = strcmp(name, "statement") == 0;
		if (!smt && strcmp(name, "overview"))
			continue;
		char *prose = render(im, json_string_value(json_object_get(part, "prose")));
		if (prose && *prose && purpose)
			fprintf(purpose, "%s%s", ftell(purpose) > 0 ? "\n\n" : "", prose);
		free(prose);
		if (!smt)
			continue;
		size_t j;
		json_t *item;
		json_array_foreach(json_object_get(part, "parts"), j, item)
			if (json_is_object(item) && strcmp(part_name(item), "item") == 0)
				json_array_append_new(points, point_of(im, item));
	}
	if (purpose && fclose(purpose) == 0)
		set_str(req, "purpose_ja", buf);
	free(buf);
	if (json_array_size(points))
		json_object_set_new(req, "points", points);
	else
		json_decref(points);
}

static tk_status read_control(importer *im, json_t *control, json_t *reqs);

/* Controls of a group or a control, appended to reqs in order, each
 * followed by its enhancements. */
static tk_status read_controls(importer *im, json_t *owner, json_t *reqs)
{
	json_t *controls;
	tk_status st = get_arr(im, owner, "controls", &controls);
	if (st)
		return st;
	size_t mk0 = push_key(im, "controls");
	for (size_t i = 0; i < json_array_size(controls); i++) {
		json_t *c;
		size_t mk;
		if ((st = get_obj_at(im, controls, i, &c, &mk)) || (st = read_control(im, c, reqs)))
			return st;
		pop(im, mk);
	}
	pop(im, mk0);
	return TK_OK;
}

static tk_status read_control(importer *im, json_t *control, json_t *reqs)
{
	static const char *const modalities[] = { "shall", "should", "consider", NULL };
	const char *oid, *title;
	tk_status st;
	if ((st = get_str(im, control, "id", true, &oid)) || (st = check_id(im, "id", oid)) ||
	    (st = get_str(im, control, "title", true, &title)))
		return st;
	json_object_clear(im->params);
	json_t *req = json_object();
	char *id = claim_id(im, control, oid);
	set_str(req, "id", id);
	free(id);
	set_str(req, "title_ja", *title ? title : oid);
	const char *en = title_en(control);
	set_str(req, "title_en", en ? en : *title ? title : oid);
	/* The params come first: the statement's prose inserts them. */
	json_t *scratch = json_object();
	if ((st = read_params(im, control, scratch))) {
		json_decref(scratch);
		json_decref(req);
		return st;
	}
	read_parts(im, control, req);
	set_str(req, "role_ja", prop(control, "role", true));
	const char *modality = prop(control, "modality", true);
	for (size_t k = 0; modality && modalities[k]; k++)
		if (strcmp(modality, modalities[k]) == 0)
			set_str(req, "modality", modality);
	json_t *params = json_object_get(scratch, "parameters");
	if (params)
		json_object_set(req, "parameters", params);
	json_decref(scratch);
	json_array_append_new(reqs, req);
	return read_controls(im, control, reqs);
}

/* ---- groups ---- */

/* {id, title_ja, title_en} of a group or of what stands for one. */
static json_t *node_of(importer *im, json_t *group, const char *oid, const char *title)
{
	json_t *o = json_object();
	char *id = claim_id(im, group, oid);
	set_str(o, "id", id);
	free(id);
	set_str(o, "title_ja", *title ? title : oid);
	const char *en = group ? title_en(group) : NULL;
	set_str(o, "title_en", en ? en : *title ? title : oid);
	return o;
}

static void set_overview(importer *im, json_t *o, json_t *group)
{
	size_t i;
	json_t *part;
	json_array_foreach(json_object_get(group, "parts"), i, part)
		if (json_is_object(part) && strcmp(part_name(part), "overview") == 0) {
			set_rendered(im, o, "purpose_ja", json_string_value(json_object_get(part, "prose")));
			return;
		}
}

/* A domain of the group's controls, appended to domains when it has any. */
static tk_status domain_of(importer *im, json_t *group, const char *oid, const char *title,
	json_t *domains)
{
	json_t *reqs = json_array();
	tk_status st = read_controls(im, group, reqs);
	if (st || !json_array_size(reqs)) {
		json_decref(reqs);
		return st;
	}
	json_t *d = node_of(im, im->ours ? group : NULL, oid, title);
	set_overview(im, d, group);
	json_object_set_new(d, "requirements", reqs);
	json_array_append_new(domains, d);
	return TK_OK;
}

static tk_status group_head(importer *im, json_t *g, const char **id, const char **title)
{
	tk_status st;
	if ((st = get_str(im, g, "id", !im->ours, id)) || (st = check_id(im, "id", *id)) ||
	    (st = get_str(im, g, "title", true, title)))
		return st;
	if (!*id) /* a group's id is optional in OSCAL */
		*id = prop(g, "label", false) ? prop(g, "label", false) : "group";
	return TK_OK;
}

/* Every group below g that holds controls, as domains, flattened; prefix is
 * the titles on the way. */
static tk_status flatten(importer *im, json_t *g, const char *prefix, json_t *domains)
{
	json_t *groups;
	tk_status st = get_arr(im, g, "groups", &groups);
	if (st)
		return st;
	size_t mk0 = push_key(im, "groups");
	for (size_t i = 0; i < json_array_size(groups); i++) {
		json_t *sub;
		size_t mk;
		const char *id, *title;
		if ((st = get_obj_at(im, groups, i, &sub, &mk)) || (st = group_head(im, sub, &id, &title)))
			return st;
		char *full;
		if (asprintf(&full, "%s%s%s", prefix, *prefix ? " / " : "", title) < 0)
			return fail(im, "メモリが足りません", "out of memory");
		st = domain_of(im, sub, id, full, domains);
		if (!st)
			st = flatten(im, sub, full, domains);
		free(full);
		if (st)
			return st;
		pop(im, mk);
	}
	pop(im, mk0);
	return TK_OK;
}

/* The view that holds top-level groups without sub-groups. */
static json_t *catalog_view(importer *im, json_t *views)
{
	if (!im->view_of_catalog) {
		im->view_of_catalog = node_of(im, NULL, im->catalog_id, im->catalog_title);
		json_object_set_new(im->view_of_catalog, "domains", json_array());
		json_array_append_new(views, im->view_of_catalog);
	}
	return json_object_get(im->view_of_catalog, "domains");
}

static const char *group_class(json_t *g)
{
	const char *c = json_string_value(json_object_get(g, "class"));
	return c ? c : "";
}

/* A view exported by taisaku: subviews of domains, or domains. */
static tk_status our_view(importer *im, json_t *g, const char *id, const char *title, json_t *views)
{
	json_t *v = node_of(im, g, id, title), *groups, *list = json_array(), *subviews = json_array();
	set_overview(im, v, g);
	tk_status st = get_arr(im, g, "groups", &groups);
	size_t mk0 = push_key(im, "groups");
	for (size_t i = 0; !st && i < json_array_size(groups); i++) {
		json_t *sub;
		size_t mk;
		const char *sid, *stitle;
		if ((st = get_obj_at(im, groups, i, &sub, &mk)) || (st = group_head(im, sub, &sid, &stitle)))
			break;
		if (strcmp(group_class(sub), "subview") == 0) {
			json_t *s = node_of(im, sub, sid, stitle), *domains = json_array();
			set_overview(im, s, sub);
			st = flatten(im, sub, "", domains);
			json_object_set_new(s, "domains", domains);
			json_array_append_new(subviews, s);
		} else {
			st = domain_of(im, sub, sid, stitle, list);
			if (!st)
				st = flatten(im, sub, stitle, list);
		}
		if (!st)
			pop(im, mk);
	}
	if (st) {
		json_decref(v);
		json_decref(list);
		json_decref(subviews);
		return st;
	}
	pop(im, mk0);
	/* A view has subviews or domains, never both: domains beside
	 * subviews (not in anything taisaku writes) get a subview of their own. */
	if (json_array_size(subviews) && json_array_size(list)) {
		char *sid;
		if (asprintf(&sid, "%s-domains", id) < 0)
			sid = NULL;
		json_t *s = node_of(im, NULL, sid ? sid : id, title);
		free(sid);
		json_object_set_new(s, "domains", list);
		json_array_append_new(subviews, s);
		list = json_array();
	}
	if (json_array_size(subviews)) {
		json_object_set_new(v, "subviews", subviews);
		json_decref(list);
	} else {
		json_object_set_new(v, "domains", list);
		json_decref(subviews);
	}
	json_array_append_new(views, v);
	return TK_OK;
}

static tk_status read_groups(importer *im, json_t *catalog, json_t *views)
{
	json_t *groups;
	tk_status st = get_arr(im, catalog, "groups", &groups);
	if (st)
		return st;
	size_t mk0 = push_key(im, "groups");
	for (size_t i = 0; i < json_array_size(groups); i++) {
		json_t *g, *sub;
		size_t mk;
		const char *id, *title;
		if ((st = get_obj_at(im, groups, i, &g, &mk)) || (st = group_head(im, g, &id, &title)) ||
		    (st = get_arr(im, g, "groups", &sub)))
			return st;
		if (im->ours && strcmp(group_class(g), "view") == 0) {
			st = our_view(im, g, id, title, views);
		} else if (!json_array_size(sub)) {
			st = domain_of(im, g, id, title, catalog_view(im, views));
		} else {
			/* A view of its own: its controls, then every group below. */
			json_t *v = node_of(im, g, id, title), *domains = json_array();
			set_overview(im, v, g);
			char *cid;
			if (asprintf(&cid, "%s-controls", id) < 0)
				cid = NULL;
			st = domain_of(im, g, cid ? cid : id, title, domains);
			free(cid);
			if (!st)
				st = flatten(im, g, "", domains);
			json_object_set_new(v, "domains", domains);
			if (!st && json_array_size(domains))
				json_array_append_new(views, v);
			else
				json_decref(v);
		}
		if (st)
			return st;
		pop(im, mk);
	}
	pop(im, mk0);
	return TK_OK;
}

/* Drops what holds nothing: groups without controls leave subviews and
 * views without domains, which the catalog format does not allow. */
static void prune(json_t *views)
{
	for (size_t i = json_array_size(views); i-- > 0;) {
		json_t *v = json_array_get(views, i), *subs = json_object_get(v, "subviews");
		for (size_t k = json_array_size(subs); k-- > 0;)
			if (!json_array_size(json_object_get(json_array_get(subs, k), "domains")))
				json_array_remove(subs, k);
		if (!json_array_size(subs) && !json_array_size(json_object_get(v, "domains")))
			json_array_remove(views, i);
	}
}

/* ---- the catalog ---- */

/* A catalog id [a-z0-9-]+ from a file name: "NIST_SP-800-53_rev5.json"
 * gives "nist-sp-800-53-rev5". */
static char *id_from_name(const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	char *id = malloc(n + 8), *o = id;
	if (!id)
		return NULL;
	for (size_t i = 0; i < n && o - id < 63; i++) {
		char c = base[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			*o++ = c;
		else if (o > id && o[-1] != '-')
			*o++ = '-';
	}
	while (o > id && o[-1] == '-')
		o--;
	if (o == id)
		o += sprintf(o, "oscal");
	*o = '\0';
	return id;
}

/* The publisher: the party in the role "publisher", else "creator". */
static const char *publisher(json_t *md)
{
	static const char *const roles[] = { "publisher", "creator", NULL };
	for (size_t r = 0; roles[r]; r++) {
		size_t i, j, k;
		json_t *rp, *uuid, *party;
		json_array_foreach(json_object_get(md, "responsible-parties"), i, rp) {
			const char *role = json_string_value(json_object_get(rp, "role-id"));
			if (!role || strcmp(role, roles[r]))
				continue;
			json_array_foreach(json_object_get(rp, "party-uuids"), j, uuid)
				json_array_foreach(json_object_get(md, "parties"), k, party)
					if (json_equal(json_object_get(party, "uuid"), uuid) &&
					    json_is_string(json_object_get(party, "name")))
						return json_string_value(json_object_get(party, "name"));
		}
	}
	return NULL;
}

/* The id our own export recorded in document-ids. */
static const char *our_catalog_id(json_t *md)
{
	size_t i;
	json_t *d;
	json_array_foreach(json_object_get(md, "document-ids"), i, d) {
		const char *scheme = json_string_value(json_object_get(d, "scheme"));
		if (scheme && strcmp(scheme, TK_OSCAL_NS "/catalog-id") == 0)
			return json_string_value(json_object_get(d, "identifier"));
	}
	return NULL;
}

static bool valid_catalog_id(const char *s)
{
	if (!*s || strlen(s) > 63)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

static tk_status build(importer *im, json_t *root, const char *want_id, json_t **out)
{
	json_t *cat = json_object_get(root, "catalog"), *md;
	const char *title, *version, *oscal_version;
	tk_status st;
	if (!json_is_object(root) || !json_is_object(cat)) {
		snprintf(im->path, sizeof im->path, "catalog");
		return fail(im, "OSCAL の catalog ではありません（最上位に catalog がありません）",
			"not an OSCAL catalog (no catalog at the top level)");
	}
	push_key(im, "catalog");
	md = json_object_get(cat, "metadata");
	if (!json_is_object(md)) {
		push_key(im, "metadata");
		return fail(im, "必須のキーがありません", "required key is missing");
	}
	size_t mk = push_key(im, "metadata");
	if ((st = get_str(im, md, "title", true, &title)) || (st = get_str(im, md, "version", true, &version)) ||
	    (st = get_str(im, md, "oscal-version", true, &oscal_version)))
		return st;
	if (strncmp(oscal_version, "1.0.", 4) && strncmp(oscal_version, "1.1.", 4)) {
		push_key(im, "oscal-version");
		return fail(im, "OSCAL %s には対応していません（1.0.x と 1.1.x）",
			"OSCAL %s is not supported (1.0.x and 1.1.x are)", oscal_version);
	}
	pop(im, mk);
	im->ours = prop(md, "catalog-kind", true) != NULL;
	char *derived = id_from_name(im->name);
	const char *id = want_id ? want_id : our_catalog_id(md) ? our_catalog_id(md) : derived;
	if (!id || !valid_catalog_id(id)) {
		free(derived);
		snprintf(im->path, sizeof im->path, "%s", want_id ? "--id" : "catalog.metadata.document-ids");
		return fail(im, "カタログ ID '%s' は英小文字・数字・ハイフン 63 文字までで書いてください（--id で指定できます）",
			"catalog ID '%s' must be up to 63 lower-case letters, digits and hyphens (give one with --id)",
			id ? id : "");
	}
	im->catalog_id = id;
	im->catalog_title = *title ? title : id;
	json_t *views = json_array();
	st = read_groups(im, cat, views);
	if (!st) {
		/* Controls outside every group. */
		json_t *domains = json_array();
		char *did;
		if (asprintf(&did, "%s-ungrouped", id) < 0)
			did = NULL;
		st = domain_of(im, cat, did ? did : id, im->catalog_title, domains);
		free(did);
		if (!st && json_array_size(domains)) {
			json_t *into = catalog_view(im, views);
			size_t i;
			json_t *d;
			json_array_foreach(domains, i, d)
				json_array_append(into, d);
		}
		json_decref(domains);
	}
	if (!st)
		prune(views);
	if (!st && !json_array_size(views))
		st = fail(im, "管理策（controls）が一つもありません", "the catalog has no controls");
	if (st) {
		free(derived);
		json_decref(views);
		return st;
	}
	json_t *head = json_object();
	set_str(head, "id", id);
	set_str(head, "title_ja", im->catalog_title);
	const char *en = title_en(md);
	set_str(head, "title_en", en ? en : im->catalog_title);
	set_str(head, "version", *version ? version : "unversioned");
	set_str(head, "publisher_ja", publisher(md));
	const char *base = strrchr(im->name, '/');
	set_str(head, "source", base ? base + 1 : im->name);
	set_str(head, "kind", "compliance");
	json_object_set_new(head, "description_en", json_sprintf(
		"Imported by taisaku catalog import from the OSCAL %s catalog %s.", oscal_version,
		base ? base + 1 : im->name));
	free(derived);
	*out = json_pack("{s:s, s:o, s:o}", "format", "taisaku-catalog/1", "catalog", head, "views", views);
	return TK_OK;
}

tk_status tk_oscal_catalog_import(const char *name, const char *data, size_t len, const char *id,
	FILE *out, tk_error *err)
{
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return tk_error_set(err, TK_EINPUT, name, je.line, je.column, NULL,
			"JSON として読めません: %s", "not valid JSON: %s", je.text);
	importer im = { .name = name, .err = err, .ids = json_object(), .params = json_object() };
	json_t *doc = NULL;
	tk_status st = im.ids && im.params ? build(&im, root, id, &doc)
					   : tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	json_decref(root);
	json_decref(im.ids);
	json_decref(im.params);
	if (st)
		return st;
	const char *base = strrchr(name, '/');
	fprintf(out, "# taisaku catalog %s, imported from the OSCAL catalog %s by taisaku catalog import\n",
		json_string_value(json_object_get(json_object_get(doc, "catalog"), "id")), base ? base + 1 : name);
	tk_yaml_write_tree(out, doc);
	json_decref(doc);
	if (ferror(out))
		return tk_error_set(err, TK_EIO, NULL, 0, 0, NULL, "YAML を書き出せません", "cannot write the YAML");
	return TK_OK;
}
