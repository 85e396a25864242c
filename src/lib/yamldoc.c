/* Builds a tk_ynode tree from libyaml's event stream. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "schema.h"
#include "yamlbuild.h"

static tk_status oom(tk_ybuilder *b)
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

static tk_status check_duplicates(tk_ybuilder *b, tk_ynode *map)
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

static tk_ynode *node_new(tk_ybuilder *b, tk_ykind kind, int line, int column)
{
	tk_ynode *n = tk_arena_calloc(b->a, 1, sizeof(*n));
	if (n) {
		n->kind = kind;
		n->line = line;
		n->column = column;
	}
	return n;
}

/* Hands a finished node to its parent container, or makes it the root. */
static tk_status attach(tk_ybuilder *b, tk_ynode *n)
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

tk_status tk_ybuild_open(tk_ybuilder *b, tk_ykind kind, int line, int column)
{
	if (b->depth >= TK_YAML_MAX_DEPTH)
		return tk_error_set(b->err, TK_EINPUT, b->name, line, column, NULL,
			"入れ子が深すぎます（%d 段まで）", "nesting is too deep (at most %d levels)",
			TK_YAML_MAX_DEPTH);
	tk_ynode *n = node_new(b, kind, line, column);
	if (!n)
		return oom(b);
	frame *f = &b->stack[b->depth++];
	f->node = n;
	f->first = f->last = NULL;
	f->count = 0;
	return TK_OK;
}

tk_status tk_ybuild_close(tk_ybuilder *b)
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

tk_status tk_ybuild_scalar(tk_ybuilder *b, int line, int column, const char *str, size_t len, bool plain)
{
	tk_ynode *n = node_new(b, TK_YSCALAR, line, column);
	if (!n)
		return oom(b);
	n->len = len;
	n->str = tk_arena_strndup(b->a, str, len);
	if (!n->str)
		return oom(b);
	if (memchr(n->str, '\0', len))
		return tk_error_set(b->err, TK_EINPUT, b->name, line, column, NULL,
			"文字列に NUL 文字が含まれています", "a string contains a NUL character");
	n->plain = plain;
	return attach(b, n);
}

static tk_status anchor_error(tk_ybuilder *b, const yaml_mark_t *m)
{
	return tk_error_set(b->err, TK_EINPUT, b->name, (int)m->line + 1, (int)m->column + 1, NULL,
		"アンカー（&）は使えません", "anchors (&) are not allowed");
}

static tk_status on_event(tk_ybuilder *b, const yaml_event_t *ev, int *documents)
{
	const yaml_mark_t *m = &ev->start_mark;
	int line = (int)m->line + 1, column = (int)m->column + 1;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1)
			return tk_error_set(b->err, TK_EINPUT, b->name, line, column, NULL,
				"ファイルに文書が複数あります", "the file holds more than one document");
		return TK_OK;
	case YAML_ALIAS_EVENT:
		return tk_error_set(b->err, TK_EINPUT, b->name, line, column, NULL,
			"エイリアス（*）は使えません", "aliases (*) are not allowed");
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor)
			return anchor_error(b, m);
		return tk_ybuild_scalar(b, line, column, (const char *)ev->data.scalar.value,
			ev->data.scalar.length, ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE);
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.anchor)
			return anchor_error(b, m);
		return tk_ybuild_open(b, TK_YSEQ, line, column);
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.anchor)
			return anchor_error(b, m);
		return tk_ybuild_open(b, TK_YMAP, line, column);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return tk_ybuild_close(b);
	default:
		return TK_OK;
	}
}

/* The reference reader: libyaml's parser, for everything. */
tk_status tk_yaml_libyaml_parse(tk_ybuilder *b, const char *data, size_t len)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return oom(b);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	int documents = 0;
	tk_status st = TK_OK;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			const char *problem = parser.problem ? parser.problem : "syntax error";
			st = tk_error_set(b->err, TK_EINPUT, b->name, (int)parser.problem_mark.line + 1,
				(int)parser.problem_mark.column + 1, NULL,
				"YAML として読めません: %s%s%s", "not valid YAML: %s%s%s", problem,
				parser.context ? ", " : "", parser.context ? parser.context : "");
			break;
		}
		int done = ev.type == YAML_STREAM_END_EVENT;
		st = on_event(b, &ev, &documents);
		yaml_event_delete(&ev);
		if (st || done)
			break;
	}
	yaml_parser_delete(&parser);
	return st;
}

tk_status tk_yaml_parse(tk_arena *a, const char *name, const char *data, size_t len,
	tk_ynode **root, tk_error *err)
{
	*root = NULL;
	/* A byte-order mark, as some Windows editors write, is not text. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	tk_ybuilder b = { .a = a, .name = name, .err = err };
	/* The fast reader takes the plain subset taisaku writes and most people
	 * write; anything else, and every error, is libyaml's to read and report.
	 * What the fast reader built before giving up stays unused in the arena. */
	tk_error fast_err = { 0 };
	b.err = &fast_err;
	if (!getenv("TAISAKU_YAML_LIBYAML") && tk_yaml_fast_parse(&b, data, len) && b.root) {
		*root = b.root;
		return TK_OK;
	}
	/* libyaml checks the encoding before it counts lines, and would report
	 * every bad byte at 1:1; say where it really is. */
	int line, column;
	if (tk_utf8_find_error(data, len, &line, &column))
		return tk_error_set(err, TK_EINPUT, name, line, column, NULL,
			"UTF-8 として正しくない文字があります", "not valid UTF-8");
	b = (tk_ybuilder){ .a = a, .name = name, .err = err };
	tk_status st = tk_yaml_libyaml_parse(&b, data, len);
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
