/* Catalog as an OSCAL 1.0.6 catalog in JSON, valid against NIST's
 * oscal_catalog_schema.json, for GRC tools that read OSCAL.
 *
 * The mapping:
 *   catalog       catalog; uuid is a UUIDv5 of "catalog/ID/VERSION", so the
 *                 same catalog always gets the same uuid
 *   view          group, class "view"
 *   subview       group, class "subview", inside its view
 *   domain        group, class "domain"
 *   requirement   control, class "requirement"
 *   purpose_ja    part "overview"
 *   points        part "statement" holding one part "item" per point (title,
 *                 prop "label", prose) and nested "item" parts for sub-points
 *   parameters    params (label = title_ja, values = [value])
 *   notes         parts "note" (ns below), prose "text_en\n\ntext_ja"; notes
 *                 on the catalog go to metadata.remarks
 *   the rest      props in the taisaku namespace (TK_OSCAL_NS)
 *
 * Our IDs ("Ma1.1", "2.2.1.1(1)(a)", "第5.1") become OSCAL tokens with
 * tk_oscal_token(); the original ID is kept in OSCAL's standard "label" prop.
 * Every id in the document is unique: a token already used gets "-2", "-3"...
 * Part ids follow NIST's style: CONTROL_ovw, CONTROL_smt, CONTROL_smt.1,
 * CONTROL_smt.1.2, CONTROL_isms, CONTROL_note.1 (groups: _ovw, _thr, _note).
 *
 * Nothing depends on the clock or on memory addresses: exporting a catalog
 * twice gives the same bytes. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "taisaku/export.h"
#include "export_internal.h"
#include "oscal_internal.h"
#include "uuid5.h"


typedef struct oscal_ctx {
	const tk_catalog *cat;
	json_t *ids; /* every id handed out so far, as a set */
} oscal_ctx;

/* ---- text ---- */

/* Decodes one UTF-8 sequence; a malformed byte reads as U+FFFD. */
static uint32_t utf8_next(const char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	uint32_t c = s[0];
	int n = c < 0x80 ? 0 : c < 0xc0 ? -1 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : c < 0xf8 ? 3 : -1;
	if (n < 0) {
		*sp += 1;
		return 0xfffd;
	}
	c &= n == 0 ? 0x7f : 0x3f >> n;
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*sp += 1;
			return 0xfffd;
		}
		c = c << 6 | (s[i] & 0x3f);
	}
	*sp += n + 1;
	return c;
}

/* What JavaScript's \s matches: the schema's patterns are run as JS regexes. */
static bool js_space(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0xa0 || c == 0x1680
		|| (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
		|| c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

/* What JavaScript's "." does not match. */
static bool js_line_break(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* A prop value, version or name is a StringDatatype, ^\S(.*\S)?$: one line
 * without surrounding space. Returns s trimmed with line breaks turned into
 * spaces (malloc'd), or NULL when nothing is left. */
char *tk_oscal_one_line(const char *s)
{
	if (!s)
		return NULL;
	const char *start = NULL, *end = NULL;
	for (const char *p = s; *p;) {
		const char *at = p;
		if (!js_space(utf8_next(&p))) {
			if (!start)
				start = at;
			end = p;
		}
	}
	if (!start)
		return NULL;
	char *out = malloc((size_t)(end - start) + 1), *o = out;
	if (!out)
		return NULL;
	for (const char *p = start; p < end;) {
		const char *at = p;
		if (js_line_break(utf8_next(&p))) {
			*o++ = ' ';
		} else {
			memcpy(o, at, (size_t)(p - at));
			o += p - at;
		}
	}
	*o = '\0';
	return out;
}

/* ---- ids ---- */

/* Letters (\p{L}) a token may start with. Only ranges that every Unicode
 * table since 6.1 assigns in full, and that XML's NCName also allows, so
 * that older validators and the XML form agree. */
static bool token_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
		|| (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) /* Latin-1, Extended-A/B */
		|| (c >= 0x3041 && c <= 0x3096) || (c >= 0x309d && c <= 0x309f) /* hiragana */
		|| (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30fc && c <= 0x30ff) /* katakana */
		|| c == 0x3005 || c == 0x3006                                   /* 々 〆 */
		|| (c >= 0x3400 && c <= 0x4db5) || (c >= 0x4e00 && c <= 0x9fcc) /* kanji */
		|| (c >= 0xac00 && c <= 0xd7a3)                                 /* hangul */
		|| (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) /* ＡＢ ａｂ */
		|| (c >= 0xff66 && c <= 0xff9f);                                /* ｱｲ */
}

/* Characters a token may continue with: letters, \p{N} digits, "._-". */
static bool token_char(uint32_t c)
{
	return token_letter(c) || (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19)
		|| c == '.' || c == '-' || c == '_';
}

/* Turns any ID into an OSCAL token, ^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$:
 * allowed characters are kept, each run of others becomes one "_" (dropped
 * at the end), and "x-" goes in front of what does not start with a letter
 * or "_". "Ma1.1" stays, "2.2.1.1(1)(a)" becomes "x-2.2.1.1_1_a", "第5.1"
 * stays, "" becomes "x". Returns a malloc'd string. */
char *tk_oscal_token(const char *id)
{
	char *out = malloc(strlen(id) + 3), *o = out + 2;
	if (!out)
		return NULL;
	bool replaced = false; /* the last output byte is a replacement "_" */
	for (const char *p = id; *p;) {
		const char *at = p;
		if (token_char(utf8_next(&p))) {
			memcpy(o, at, (size_t)(p - at));
			o += p - at;
			replaced = false;
		} else if (!replaced) {
			*o++ = '_';
			replaced = true;
		}
	}
	if (replaced)
		o--;
	*o = '\0';
	const char *body = out + 2, *q = body;
	if (!*body)
		strcpy(out, "x");
	else if (*body == '_' || token_letter(utf8_next(&q)))
		memmove(out, body, strlen(body) + 1);
	else
		memcpy(out, "x-", 2);
	return out;
}

/* Hands out base, or base-2, base-3, ... when an earlier node took it: ids
 * are unique across an OSCAL document. The string lives as long as c->ids. */
static const char *claim(oscal_ctx *c, const char *base)
{
	if (!base)
		return NULL;
	size_t size = strlen(base) + 16;
	char *id = malloc(size);
	if (!id)
		return NULL;
	snprintf(id, size, "%s", base);
	for (unsigned n = 2; json_object_get(c->ids, id); n++)
		snprintf(id, size, "%s-%u", base, n);
	json_object_set_new(c->ids, id, json_true());
	const char *key = json_object_iter_key(json_object_iter_at(c->ids, id));
	free(id);
	return key;
}

static const char *claim_token(oscal_ctx *c, const char *tk_id)
{
	char *tok = tk_oscal_token(tk_id);
	const char *id = claim(c, tok);
	free(tok);
	return id;
}

/* The id of a part: its owner's id, a suffix and, when n is not 0, ".n":
 * ("Ma1.1", "_smt", 0) gives "Ma1.1_smt", ("Ma1.1_smt", "", 2) "Ma1.1_smt.2". */
static const char *claim_part(oscal_ctx *c, const char *owner, const char *suffix, size_t n)
{
	char num[24] = "", *id;
	if (n)
		snprintf(num, sizeof num, ".%zu", n);
	if (!owner || asprintf(&id, "%s%s%s", owner, suffix, num) < 0)
		return NULL;
	const char *got = claim(c, id);
	free(id);
	return got;
}

/* ---- building blocks ---- */

/* Sets key to arr when arr has items: OSCAL arrays have minItems 1. */
void tk_oscal_set_array(json_t *o, const char *key, json_t *arr)
{
	if (json_array_size(arr))
		json_object_set_new(o, key, arr);
	else
		json_decref(arr);
}

/* Appends a prop, in our namespace when ours; skipped (NULL) when value is
 * blank. Returns it so that the caller can add class or remarks. */
json_t *tk_oscal_add_prop(json_t *props, bool ours, const char *name, const char *value)
{
	char *v = tk_oscal_one_line(value);
	if (!v)
		return NULL;
	json_t *p = json_object();
	json_object_set_new(p, "name", json_string(name));
	if (ours)
		json_object_set_new(p, "ns", json_string(TK_OSCAL_NS));
	json_object_set_new(p, "value", json_string(v));
	free(v);
	json_array_append_new(props, p);
	return p;
}

/* A new part {id, name, ns?} appended to parts. */
static json_t *add_part(json_t *parts, const char *id, bool ours, const char *name)
{
	json_t *p = json_object();
	if (id)
		json_object_set_new(p, "id", json_string(id));
	json_object_set_new(p, "name", json_string(name));
	if (ours)
		json_object_set_new(p, "ns", json_string(TK_OSCAL_NS));
	json_array_append_new(parts, p);
	return p;
}

static void add_overview(oscal_ctx *c, json_t *parts, const char *owner, const char *purpose)
{
	if (!purpose)
		return;
	json_t *p = add_part(parts, claim_part(c, owner, "_ovw", 0), false, "overview");
	json_object_set_new(p, "prose", json_string(purpose));
}

/* "text_en\n\ntext_ja": a note reads in English first, as it was written. */
static json_t *note_prose(const tk_note *n)
{
	if (!n->text_ja)
		return json_string(n->text_en);
	return json_sprintf("%s\n\n%s", n->text_en, n->text_ja);
}

/* Notes on a group or control: OSCAL 1.0.6 gives neither remarks. */
static void add_notes(oscal_ctx *c, json_t *parts, const char *owner, const tk_notes *notes)
{
	for (size_t i = 0; i < notes->n; i++) {
		json_t *p = add_part(parts, claim_part(c, owner, "_note", i + 1), true, "note");
		json_t *props = json_array();
		tk_oscal_add_prop(props, true, "source-ref", notes->v[i].ref);
		tk_oscal_set_array(p, "props", props);
		json_object_set_new(p, "prose", note_prose(&notes->v[i]));
	}
}

/* The English title as a prop. A prop value is one line; a title printed on
 * two keeps its own text in the prop's remarks, so that an import gets it
 * back as it was. */
static void add_title_en(json_t *props, const char *title_en)
{
	json_t *p = tk_oscal_add_prop(props, true, "title-en", title_en);
	if (p && strcmp(json_string_value(json_object_get(p, "value")), title_en))
		json_object_set_new(p, "remarks", json_string(title_en));
}

/* The props every group and control starts with: the original ID and the
 * English title. */
static json_t *base_props(const char *id, const char *title_en)
{
	json_t *props = json_array();
	tk_oscal_add_prop(props, false, "label", id);
	add_title_en(props, title_en);
	return props;
}

static void add_strv_props(json_t *props, const char *name, const tk_strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		tk_oscal_add_prop(props, true, name, v->v[i]);
}

/* ● and ▲ marks as props holding the activity or department id, with class
 * "primary" or "secondary"; the ids are defined in the metadata. */
static void add_mark_props(json_t *props, const char *name, const tk_marks *m, const tk_label *labels)
{
	for (size_t i = 0; i < m->n_primary; i++)
		json_object_set_new(tk_oscal_add_prop(props, true, name, labels[m->primary[i]].id),
			"class", json_string("primary"));
	for (size_t i = 0; i < m->n_secondary; i++)
		json_object_set_new(tk_oscal_add_prop(props, true, name, labels[m->secondary[i]].id),
			"class", json_string("secondary"));
}

/* ---- controls ---- */

static json_t *item_parts(oscal_ctx *c, const char *owner, const tk_item *items, size_t n)
{
	json_t *parts = json_array();
	for (size_t i = 0; i < n; i++) {
		const char *id = claim_part(c, owner, "", i + 1);
		json_t *p = add_part(parts, id, false, "item");
		json_object_set_new(p, "prose", json_string(items[i].text_ja));
		tk_oscal_set_array(p, "parts", item_parts(c, id, items[i].items, items[i].n_items));
	}
	return parts;
}

/* 対策のポイント: the statement, one item per point, as NIST lays out a
 * control's statement. */
static void add_statement(oscal_ctx *c, json_t *parts, const char *owner, const tk_requirement *r)
{
	if (!r->n_points)
		return;
	const char *smt = claim_part(c, owner, "_smt", 0);
	json_t *s = add_part(parts, smt, false, "statement"), *items = json_array();
	for (size_t i = 0; i < r->n_points; i++) {
		const tk_point *pt = &r->points[i];
		const char *id = claim_part(c, smt, "", i + 1);
		json_t *p = add_part(items, id, false, "item");
		json_object_set_new(p, "title", json_string(pt->title_ja));
		json_t *props = json_array();
		tk_oscal_add_prop(props, false, "label", pt->label);
		tk_oscal_set_array(p, "props", props);
		if (pt->text_ja)
			json_object_set_new(p, "prose", json_string(pt->text_ja));
		tk_oscal_set_array(p, "parts", item_parts(c, id, pt->items, pt->n_items));
	}
	tk_oscal_set_array(s, "parts", items);
}

static json_t *params_json(oscal_ctx *c, const tk_requirement *r)
{
	json_t *params = json_array();
	for (size_t i = 0; i < r->n_parameters; i++) {
		const tk_parameter *pa = &r->parameters[i];
		json_t *p = json_object(), *props = json_array(), *values = json_array();
		json_object_set_new(p, "id", json_string(claim_token(c, pa->id)));
		tk_oscal_add_prop(props, false, "label", pa->id);
		tk_oscal_set_array(p, "props", props);
		json_object_set_new(p, "label", json_string(pa->title_ja));
		char *v = tk_oscal_one_line(pa->value);
		if (v)
			json_array_append_new(values, json_string(v));
		free(v);
		tk_oscal_set_array(p, "values", values);
		json_array_append_new(params, p);
	}
	return params;
}

static json_t *requirement_props(const tk_catalog *cat, const tk_requirement *r)
{
	static const char *modalities[] = { NULL, "shall", "should", "consider" };
	json_t *props = base_props(r->id, r->title_en);
	add_strv_props(props, "title-variant-ja", &r->title_variants_ja);
	tk_oscal_add_prop(props, true, "kind", tk_kind_name(r->kind));
	/* ISO/IEC 17799 has no OSCAL catalog to link to; the number is the value. */
	for (size_t i = 0; i < r->n_isms; i++) {
		json_t *p = tk_oscal_add_prop(props, true, "isms-control", r->isms[i].id);
		if (p && r->isms[i].title_ja)
			json_object_set_new(p, "remarks", json_string(r->isms[i].title_ja));
	}
	if (cat->n_activities)
		add_mark_props(props, "activity", &r->activities, cat->activities);
	if (cat->n_departments)
		add_mark_props(props, "department", &r->departments, cat->departments);
	tk_oscal_add_prop(props, true, "role", r->role_ja);
	tk_oscal_add_prop(props, true, "modality", modalities[r->modality]);
	return props;
}

static json_t *control_json(oscal_ctx *c, const tk_requirement *r)
{
	json_t *o = json_object(), *parts = json_array();
	const char *id = claim_token(c, r->id);
	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "class", json_string("requirement"));
	json_object_set_new(o, "title", json_string(r->title_ja));
	tk_oscal_set_array(o, "params", params_json(c, r));
	tk_oscal_set_array(o, "props", requirement_props(c->cat, r));
	add_overview(c, parts, id, r->purpose_ja);
	add_statement(c, parts, id, r);
	if (r->isms_remark_ja) {
		json_t *p = add_part(parts, claim_part(c, id, "_isms", 0), true, "isms-remarks");
		json_object_set_new(p, "prose", json_string(r->isms_remark_ja));
	}
	add_notes(c, parts, id, &r->notes);
	tk_oscal_set_array(o, "parts", parts);
	return o;
}

/* ---- groups ---- */

/* A group {id, class, title, props} (props is taken); *id is the id it was
 * given. */
static json_t *group_json(oscal_ctx *c, const char *class, const char *tk_id,
	const char *title_ja, json_t *props, const char **id)
{
	json_t *o = json_object();
	*id = claim_token(c, tk_id);
	json_object_set_new(o, "id", json_string(*id));
	json_object_set_new(o, "class", json_string(class));
	json_object_set_new(o, "title", json_string(title_ja));
	tk_oscal_set_array(o, "props", props);
	return o;
}

static json_t *domain_json(oscal_ctx *c, const tk_domain *d)
{
	const char *id;
	json_t *props = base_props(d->id, d->title_en), *parts = json_array();
	add_strv_props(props, "title-variant-ja", &d->title_variants_ja);
	add_strv_props(props, "theme", &d->themes);
	json_t *o = group_json(c, "domain", d->id, d->title_ja, props, &id);
	add_overview(c, parts, id, d->purpose_ja);
	/* Threats are verbatim sentences, too long and multi-line for props. */
	if (d->threats_ja.n) {
		const char *thr = claim_part(c, id, "_thr", 0);
		json_t *p = add_part(parts, thr, true, "threats"), *list = json_array();
		for (size_t i = 0; i < d->threats_ja.n; i++) {
			json_t *t = add_part(list, claim_part(c, thr, "", i + 1), true, "threat");
			json_object_set_new(t, "prose", json_string(d->threats_ja.v[i]));
		}
		tk_oscal_set_array(p, "parts", list);
	}
	add_notes(c, parts, id, &d->notes);
	tk_oscal_set_array(o, "parts", parts);
	json_t *controls = json_array();
	for (uint32_t i = 0; i < d->n_requirements; i++)
		json_array_append_new(controls, control_json(c, &c->cat->requirements[d->first_requirement + i]));
	tk_oscal_set_array(o, "controls", controls);
	return o;
}

static json_t *domains_json(oscal_ctx *c, uint32_t first, uint32_t n)
{
	json_t *a = json_array();
	for (uint32_t i = 0; i < n; i++)
		json_array_append_new(a, domain_json(c, &c->cat->domains[first + i]));
	return a;
}

static json_t *view_json(oscal_ctx *c, const tk_view *v)
{
	const char *id;
	json_t *o = group_json(c, "view", v->id, v->title_ja,
		base_props(v->id, v->title_en), &id);
	/* Claim the view's own part ids before its children's, in printed order. */
	json_t *parts = json_array();
	add_overview(c, parts, id, v->purpose_ja);
	add_notes(c, parts, id, &v->notes);
	tk_oscal_set_array(o, "parts", parts);
	json_t *groups;
	if (v->n_subviews) {
		groups = json_array();
		for (uint32_t j = 0; j < v->n_subviews; j++) {
			const tk_subview *s = &c->cat->subviews[v->first_subview + j];
			const char *sid;
			json_t *so = group_json(c, "subview", s->id, s->title_ja,
				base_props(s->id, s->title_en), &sid);
			json_t *sparts = json_array();
			add_overview(c, sparts, sid, s->purpose_ja);
			add_notes(c, sparts, sid, &s->notes);
			tk_oscal_set_array(so, "parts", sparts);
			tk_oscal_set_array(so, "groups", domains_json(c, s->first_domain, s->n_domains));
			json_array_append_new(groups, so);
		}
	} else {
		groups = domains_json(c, v->first_domain, v->n_domains);
	}
	tk_oscal_set_array(o, "groups", groups);
	return o;
}

/* ---- metadata ---- */

/* OSCAL requires last-modified; a fixed one keeps exports byte-identical.
 * A version that is a year ("2004", "2013年版") dates the text, in Japan
 * time; anything else gets 2000-01-01 UTC. */
static void last_modified(const char *version, char out[32])
{
	const char *v = version ? version : "";
	size_t digits = strspn(v, "0123456789");
	/* The schema takes years 1900 to 2999 only. */
	bool year = digits == 4 && (strncmp(v, "19", 2) == 0 || v[0] == '2');
	if (year)
		snprintf(out, 32, "%.4s-01-01T00:00:00+09:00", v);
	else
		snprintf(out, 32, "2000-01-01T00:00:00Z");
}

/* The description and the notes on the catalog as a whole, as paragraphs. */
static char *catalog_remarks(const tk_catalog *cat)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	const char *sep = "";
	if (cat->description_en) {
		fputs(cat->description_en, f);
		sep = "\n\n";
	}
	for (size_t i = 0; i < cat->notes.n; i++) {
		const tk_note *n = &cat->notes.v[i];
		fprintf(f, "%sNote%s%s%s: %s", sep, n->ref ? " (" : "", n->ref ? n->ref : "",
			n->ref ? ")" : "", n->text_en);
		if (n->text_ja)
			fprintf(f, "\n\n%s", n->text_ja);
		sep = "\n\n";
	}
	if (fclose(f) != 0 || !len) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The activity and department ids the controls' props name, defined once. */
static void add_label_defs(json_t *props, const char *name, const tk_label *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		json_t *p = tk_oscal_add_prop(props, true, name, v[i].id);
		if (!p)
			continue;
		json_object_set_new(p, "class", json_string("definition"));
		json_object_set_new(p, "remarks", json_sprintf("%s (%s)", v[i].title_ja, v[i].title_en));
	}
}

/* The publisher as a party in the role "publisher". */
static void add_publisher(json_t *md, const char *publisher)
{
	char *name = tk_oscal_one_line(publisher), *key, uuid[37];
	if (!name)
		return;
	if (asprintf(&key, "party/%s", name) < 0) {
		free(name);
		return;
	}
	tk_uuid5(TK_OSCAL_UUID_NS, key, uuid);
	free(key);
	json_object_set_new(md, "roles", json_pack("[{s:s, s:s}]", "id", "publisher", "title", "Publisher"));
	json_object_set_new(md, "parties", json_pack("[{s:s, s:s, s:s}]", "uuid", uuid,
		"type", "organization", "name", name));
	json_object_set_new(md, "responsible-parties", json_pack("[{s:s, s:[s]}]",
		"role-id", "publisher", "party-uuids", uuid));
	free(name);
}

static json_t *metadata_json(const tk_catalog *cat)
{
	json_t *md = json_object();
	char stamp[32], *version = tk_oscal_one_line(cat->version);
	last_modified(cat->version, stamp);
	json_object_set_new(md, "title", json_string(cat->title_ja));
	json_object_set_new(md, "last-modified", json_string(stamp));
	json_object_set_new(md, "version", json_string(version ? version : "unversioned"));
	free(version);
	json_object_set_new(md, "oscal-version", json_string(TK_OSCAL_VERSION));
	char *id = tk_oscal_one_line(cat->id);
	if (id)
		json_object_set_new(md, "document-ids", json_pack("[{s:s, s:s}]",
			"scheme", TK_OSCAL_NS "/catalog-id", "identifier", id));
	free(id);
	json_t *props = json_array();
	add_title_en(props, cat->title_en);
	tk_oscal_add_prop(props, true, "source", cat->source);
	tk_oscal_add_prop(props, true, "catalog-kind", cat->kind == TK_CATALOG_STRENGTH ? "strength" : "compliance");
	if (cat->has_scoring)
		tk_oscal_add_prop(props, true, "scoring-model", cat->scoring.model);
	add_label_defs(props, "activity", cat->activities, cat->n_activities);
	add_label_defs(props, "department", cat->departments, cat->n_departments);
	tk_oscal_set_array(md, "props", props);
	add_publisher(md, cat->publisher_ja);
	char *remarks = catalog_remarks(cat);
	if (remarks)
		json_object_set_new(md, "remarks", json_string(remarks));
	free(remarks);
	return md;
}

static json_t *oscal_json(const tk_catalog *cat)
{
	oscal_ctx c = { .cat = cat, .ids = json_object() };
	char *key, uuid[37];
	if (!c.ids || asprintf(&key, "catalog/%s/%s", cat->id, cat->version) < 0) {
		json_decref(c.ids);
		return NULL;
	}
	tk_uuid5(TK_OSCAL_UUID_NS, key, uuid);
	free(key);
	json_t *o = json_object(), *groups = json_array();
	json_object_set_new(o, "uuid", json_string(uuid));
	json_object_set_new(o, "metadata", metadata_json(cat));
	for (size_t i = 0; i < cat->n_views; i++)
		json_array_append_new(groups, view_json(&c, &cat->views[i]));
	tk_oscal_set_array(o, "groups", groups);
	json_decref(c.ids);
	return json_pack("{s:o}", "catalog", o);
}

tk_status tk_catalog_export_oscal(const tk_catalog *cat, FILE *out, tk_error *err)
{
	json_t *doc = oscal_json(cat);
	if (!doc)
		return tk_error_set(err, TK_ENOMEM, NULL, 0, 0, NULL, "メモリが足りません", "out of memory");
	return tk_json_write(doc, out, err);
}

static void collect_control_ids(json_t *groups, json_t *out)
{
	size_t i;
	json_t *g, *c;
	json_array_foreach(groups, i, g) {
		size_t j;
		json_array_foreach(json_object_get(g, "controls"), j, c)
			json_array_append(out, json_object_get(c, "id"));
		collect_control_ids(json_object_get(g, "groups"), out);
	}
}

/* The ids are handed out while the whole catalog is laid out (a token taken
 * earlier gets "-2"), so the layout is made and read, to agree with it. The
 * tree's order is the requirements' order: both are printed order. */
json_t *tk_oscal_control_ids(const tk_catalog *cat)
{
	json_t *doc = oscal_json(cat), *ids = json_array();
	if (!doc || !ids) {
		json_decref(doc);
		json_decref(ids);
		return NULL;
	}
	collect_control_ids(json_object_get(json_object_get(doc, "catalog"), "groups"), ids);
	json_decref(doc);
	if (json_array_size(ids) != cat->n_requirements) {
		json_decref(ids);
		return NULL;
	}
	return ids;
}

void tk_oscal_uuid(char out[37], const char *fmt, ...)
{
	char *name;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&name, fmt, ap);
	va_end(ap);
	tk_uuid5(TK_OSCAL_UUID_NS, n < 0 ? "" : name, out);
	if (n >= 0)
		free(name);
}
