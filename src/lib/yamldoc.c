/* Builds a tk_ynode tree from libyaml's event stream. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yamldoc.h"

/* A container being filled: its children are linked until it closes, then
 * copied into an array of the right size. */
typedef struct child {
	tk_ynode *node;
	struct child *next;
} child;

typedef struct frame {
	tk_ynode *node;
	child *first, *last;
	size_t count;
} frame;

typedef struct builder {
	tk_arena *a;
	const char *name;
	tk_error *err;
	frame stack[TK_YAML_MAX_DEPTH + 1];
	int depth;
	tk_ynode *root;
} builder;

static tk_status oom(builder *b)
{
	return tk_error_set(b->err, TK_ENOMEM, b->name, 0, 0, NULL,
		"メモリが足りません", "out of memory");
}

static int cmp_key(const void *x, const void *y)
{
	const tk_ynode *a = *(tk_ynode *const *)x, *b = *(tk_ynode *const *)y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->str, b->str, n);
	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	/* Equal keys: order by position so that the later one is reported. */
	return a->line != b->line ? a->line - b->line : a->column - b->column;
}

static tk_status check_duplicates(builder *b, tk_ynode *map)
{
	if (map->n < 2)
		return TK_OK;
	tk_ynode **keys = malloc(map->n * sizeof(*keys));
	if (!keys)
		return oom(b);
	for (size_t i = 0; i < map->n; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, map->n, sizeof(*keys), cmp_key);
	tk_status st = TK_OK;
	for (size_t i = 1; i < map->n; i++) {
		if (keys[i]->len == keys[i - 1]->len &&
		    memcmp(keys[i]->str, keys[i - 1]->str, keys[i]->len) == 0) {
			st = tk_error_set(b->err, TK_EINPUT, b->name, keys[i]->line, keys[i]->column,
				keys[i]->str, "キーが重複しています（最初の定義は %d 行目）",
				"duplicate key (first defined on line %d)", keys[i - 1]->line);
			break;
		}
	}
	free(keys);
	return st;
}

static tk_ynode *node_new(builder *b, tk_ykind kind, const yaml_mark_t *m)
{
	tk_ynode *n = tk_arena_calloc(b->a, 1, sizeof(*n));
	if (n) {
		n->kind = kind;
		n->line = (int)m->line + 1;
		n->column = (int)m->column + 1;
	}
	return n;
}

/* Hands a finished node to its parent container, or makes it the root. */
static tk_status attach(builder *b, tk_ynode *n)
{
	if (b->depth == 0) {
		b->root = n;
		return TK_OK;
	}
	frame *f = &b->stack[b->depth - 1];
	if (f->node->kind == TK_YMAP && (f->count % 2) == 0 && n->kind != TK_YSCALAR)
		return tk_error_set(b->err, TK_EINPUT, b->name, n->line, n->column, NULL,
			"キーには文字列を書いてください", "a key must be a plain string");
	child *c = tk_arena_alloc(b->a, sizeof(*c));
	if (!c)
		return oom(b);
	c->node = n;
	c->next = NULL;
	if (f->last)
		f->last->next = c;
	else
		f->first = c;
	f->last = c;
	f->count++;
	return TK_OK;
}

static tk_status open_container(builder *b, tk_ykind kind, const yaml_event_t *ev)
{
	if (b->depth >= TK_YAML_MAX_DEPTH)
		return tk_error_set(b->err, TK_EINPUT, b->name, (int)ev->start_mark.line + 1,
			(int)ev->start_mark.column + 1, NULL,
			"入れ子が深すぎます（%d 段まで）", "nesting is too deep (at most %d levels)",
			TK_YAML_MAX_DEPTH);
	tk_ynode *n = node_new(b, kind, &ev->start_mark);
	if (!n)
		return oom(b);
	frame *f = &b->stack[b->depth++];
	f->node = n;
	f->first = f->last = NULL;
	f->count = 0;
	return TK_OK;
}

static tk_status close_container(builder *b)
{
	frame *f = &b->stack[--b->depth];
	tk_ynode *n = f->node;
	n->items = tk_arena_alloc(b->a, (f->count ? f->count : 1) * sizeof(*n->items));
	if (!n->items)
		return oom(b);
	size_t i = 0;
	for (child *c = f->first; c; c = c->next)
		n->items[i++] = c->node;
	n->n = n->kind == TK_YMAP ? f->count / 2 : f->count;
	if (n->kind == TK_YMAP) {
		tk_status st = check_duplicates(b, n);
		if (st)
			return st;
	}
	return attach(b, n);
}

static tk_status on_event(builder *b, const yaml_event_t *ev, int *documents)
{
	const yaml_mark_t *m = &ev->start_mark;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1)
			return tk_error_set(b->err, TK_EINPUT, b->name, (int)m->line + 1,
				(int)m->column + 1, NULL, "ファイルに文書が複数あります",
				"the file holds more than one document");
		return TK_OK;
	case YAML_ALIAS_EVENT:
		return tk_error_set(b->err, TK_EINPUT, b->name, (int)m->line + 1, (int)m->column + 1,
			NULL, "エイリアス（*）は使えません", "aliases (*) are not allowed");
	case YAML_SCALAR_EVENT: {
		if (ev->data.scalar.anchor)
			return tk_error_set(b->err, TK_EINPUT, b->name, (int)m->line + 1,
				(int)m->column + 1, NULL, "アンカー（&）は使えません",
				"anchors (&) are not allowed");
		tk_ynode *n = node_new(b, TK_YSCALAR, m);
		if (!n)
			return oom(b);
		n->len = ev->data.scalar.length;
		n->str = tk_arena_strndup(b->a, (const char *)ev->data.scalar.value, n->len);
		if (!n->str)
			return oom(b);
		if (memchr(n->str, '\0', n->len))
			return tk_error_set(b->err, TK_EINPUT, b->name, n->line, n->column, NULL,
				"文字列に NUL 文字が含まれています", "a string contains a NUL character");
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return attach(b, n);
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		const yaml_char_t *anchor = ev->type == YAML_SEQUENCE_START_EVENT
			? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
		if (anchor)
			return tk_error_set(b->err, TK_EINPUT, b->name, (int)m->line + 1,
				(int)m->column + 1, NULL, "アンカー（&）は使えません",
				"anchors (&) are not allowed");
		return open_container(b, ev->type == YAML_SEQUENCE_START_EVENT ? TK_YSEQ : TK_YMAP, ev);
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_container(b);
	default:
		return TK_OK;
	}
}

tk_status tk_yaml_parse(tk_arena *a, const char *name, const char *data, size_t len,
	tk_ynode **root, tk_error *err)
{
	*root = NULL;
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return tk_error_set(err, TK_ENOMEM, name, 0, 0, NULL, "メモリが足りません", "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	builder b = { .a = a, .name = name, .err = err };
	int documents = 0;
	tk_status st = TK_OK;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			const char *problem = parser.problem ? parser.problem : "syntax error";
			st = tk_error_set(err, TK_EINPUT, name, (int)parser.problem_mark.line + 1,
				(int)parser.problem_mark.column + 1, NULL,
				"YAML として読めません: %s%s%s", "not valid YAML: %s%s%s", problem,
				parser.context ? ", " : "", parser.context ? parser.context : "");
			break;
		}
		int done = ev.type == YAML_STREAM_END_EVENT;
		st = on_event(&b, &ev, &documents);
		yaml_event_delete(&ev);
		if (st || done)
			break;
	}
	yaml_parser_delete(&parser);
	if (st)
		return st;
	if (!b.root || (b.root->kind == TK_YSCALAR && tk_yscalar_is_null(b.root)))
		return tk_error_set(err, TK_EINPUT, name, 0, 0, NULL, "ファイルが空です", "the file is empty");
	*root = b.root;
	return TK_OK;
}

const tk_ynode *tk_ymap_get(const tk_ynode *map, const char *key)
{
	if (!map || map->kind != TK_YMAP)
		return NULL;
	size_t klen = strlen(key);
	for (size_t i = 0; i < map->n; i++) {
		const tk_ynode *k = map->items[2 * i];
		if (k->len == klen && memcmp(k->str, key, klen) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

bool tk_yscalar_is_null(const tk_ynode *n)
{
	if (n->kind != TK_YSCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
	       strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

const char *tk_ykind_name(tk_ykind k, int lang)
{
	static const char *ja[] = { "?", "文字列", "リスト", "マッピング" };
	static const char *en[] = { "?", "a string", "a list", "a mapping" };
	if (k < TK_YSCALAR || k > TK_YMAP)
		k = 0;
	return lang ? en[k] : ja[k];
}
