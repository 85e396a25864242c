/* A fast reader for the plain subset of YAML that taisaku's files use.
 *
 * libyaml spends about 250 instructions a byte; evaluating a thousand
 * assessments spent most of its time there. This reader handles what
 * `taisaku plan`, the catalogs and most people write: block mappings and
 * sequences by indentation (including "- key: value" items), flow
 * collections (over several lines too), plain and quoted one-line scalars, literal block scalars
 * (| and |-), and comments. It gives up on anything else (tabs, CR, anchors,
 * tags, folded or multi-line scalars, several documents, unusual escapes,
 * and every error) and returns false; the caller then reads the text with
 * libyaml, which also reports every error. fuzz/fuzz_yaml.c checks that
 * whatever this reader accepts, libyaml reads to the same tree, positions
 * included. */
#include <string.h>

#include "yamlbuild.h"

typedef struct reader {
	tk_ybuilder *b;
	const char *end;
	const char *p;          /* the cursor */
	const char *line_start;
	int line;               /* 1-based line of the cursor */
	int indent;             /* indentation of the current content line; -1 at the end */
	int flow_indent;        /* lines inside a flow collection must be indented more */
	char *buf;              /* scratch for quoted and block scalars */
	size_t cap;
	const char *col_at;     /* where column_of last counted to, on this line */
	int col;                /* and the column there */
} reader;

/* Gives up: longjmp-free, every function returns false up the stack. */
#define GIVE_UP false

static bool at_eol(const reader *r)
{
	return r->p == r->end || *r->p == '\n';
}

/* Columns count characters, as libyaml's do. Counted on from the last
 * position asked for on the same line: a rating is one long flow line with a
 * dozen scalars, and counting each from the line's start made reading it
 * quadratic (a sixth of a batch import's time). */
static int column_of(reader *r, const char *at)
{
	const char *q = r->line_start;
	int col = 1;
	if (r->col_at && r->col_at >= r->line_start && r->col_at <= at) {
		q = r->col_at;
		col = r->col;
	}
	for (; q < at; q++)
		col += ((unsigned char)*q & 0xC0) != 0x80;
	r->col_at = at;
	r->col = col;
	return col;
}

/* Accepts only UTF-8 that libyaml would take as printable: no control
 * characters but LF, no tab or CR (they make indentation rules subtle), no
 * BOM, no C1 controls, no surrogates, no U+FFFE/FFFF. */
static bool plain_text(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + len;
	while (p < e) {
		unsigned c = *p;
		if (c < 0x80) {
			if ((c < 0x20 && c != '\n') || c == 0x7f)
				return false;
			p++;
			continue;
		}
		size_t n;
		unsigned min;
		if ((c & 0xE0) == 0xC0) { n = 1; min = 0x80; c &= 0x1F; }
		else if ((c & 0xF0) == 0xE0) { n = 2; min = 0x800; c &= 0x0F; }
		else if ((c & 0xF8) == 0xF0) { n = 3; min = 0x10000; c &= 0x07; }
		else return false;
		if ((size_t)(e - p) <= n)
			return false;
		for (size_t i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (p[i] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0x80 && c <= 0x9F) ||
		    c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)
			return false;
		p += n + 1;
	}
	return true;
}

static void next_line(reader *r)
{
	while (r->p < r->end && *r->p != '\n')
		r->p++;
	if (r->p < r->end) {
		r->p++;
		r->line++;
	}
	r->line_start = r->p;
}

/* From the start of a line: skips blank and comment-only lines, and leaves
 * the cursor on the first character of the next content line, with its
 * indentation in r->indent (-1 at the end of the text). */
static bool next_content(reader *r)
{
	for (;;) {
		if (r->p == r->end) {
			r->indent = -1;
			return true;
		}
		const char *q = r->p;
		while (q < r->end && *q == ' ')
			q++;
		if (q == r->end || *q == '\n' || *q == '#') {
			r->p = q;
			next_line(r);
			continue;
		}
		/* Document markers and directives are libyaml's. */
		if (q == r->line_start && (*q == '%' || ((r->end - q) >= 3 &&
			(memcmp(q, "---", 3) == 0 || memcmp(q, "...", 3) == 0))))
			return GIVE_UP;
		r->indent = (int)(q - r->line_start);
		r->p = q;
		return true;
	}
}

/* After a value on a line: only spaces and a comment may follow. */
static bool end_of_line(reader *r)
{
	while (r->p < r->end && *r->p == ' ')
		r->p++;
	if (r->p < r->end && *r->p == '#') {
		if (r->p[-1] != ' ')
			return GIVE_UP;
		while (r->p < r->end && *r->p != '\n')
			r->p++;
	}
	if (!at_eol(r))
		return GIVE_UP;
	next_line(r);
	return next_content(r);
}

static bool is_space_or_eol(const reader *r, const char *q)
{
	return q == r->end || *q == ' ' || *q == '\n';
}

/* Characters that may not start a plain scalar (or start one only in ways
 * this reader leaves to libyaml). */
static bool indicator(char c)
{
	return strchr("-?:,[]{}#&*!|>'\"%@`", c) != NULL;
}

static bool flow_indicator(char c)
{
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/* Scans a plain scalar from the cursor. In block context it ends at ": ",
 * a final ":" or " #"; in flow context also at flow indicators. A ':' that
 * does not end it is text in block context and left to libyaml in flow
 * context. Sets [*s, *e) without trailing spaces. */
static bool scan_plain(reader *r, bool flow, const char **s, const char **e)
{
	const char *q = r->p;
	if (at_eol(r) || indicator(*q))
		return GIVE_UP;
	*s = q;
	while (q < r->end && *q != '\n') {
		if (*q == ':') {
			if (is_space_or_eol(r, q + 1) || (flow && flow_indicator(q[1])))
				break;
			/* "17799:2000" is text in block context; flow context is
			 * subtler and left to libyaml. */
			if (flow)
				return GIVE_UP;
		}
		if (*q == '#' && q[-1] == ' ')
			break;
		if (flow && flow_indicator(*q))
			break;
		q++;
	}
	const char *t = q;
	while (t > *s && t[-1] == ' ')
		t--;
	*e = t;
	r->p = q;
	return t > *s;
}

/* Makes room for need bytes in the scratch buffer, keeping the first used. */
static bool reserve(reader *r, size_t used, size_t need)
{
	if (need <= r->cap)
		return true;
	size_t cap = r->cap ? r->cap : 256;
	while (cap < need)
		cap *= 2;
	char *nb = tk_arena_alloc(r->b->a, cap);
	if (!nb)
		return false;
	if (used)
		memcpy(nb, r->buf, used);
	r->buf = nb;
	r->cap = cap;
	return true;
}

static int hex(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

static size_t put_utf8(char *out, unsigned c)
{
	if (c < 0x80) { out[0] = (char)c; return 1; }
	if (c < 0x800) { out[0] = (char)(0xC0 | c >> 6); out[1] = (char)(0x80 | (c & 0x3F)); return 2; }
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12); out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F)); return 3;
	}
	out[0] = (char)(0xF0 | c >> 18); out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F)); out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* A one-line quoted scalar at the cursor. */
static bool quoted(reader *r)
{
	int line = r->line, col = column_of(r, r->p);
	char quote = *r->p++;
	size_t n = 0;
	for (;;) {
		if (at_eol(r) || !reserve(r, n, n + 8))
			return GIVE_UP;
		char c = *r->p++;
		if (c == quote) {
			if (quote == '\'' && r->p < r->end && *r->p == '\'') {
				r->buf[n++] = '\'';
				r->p++;
				continue;
			}
			break;
		}
		if (c != '\\' || quote == '\'') {
			r->buf[n++] = c;
			continue;
		}
		if (at_eol(r))
			return GIVE_UP;
		c = *r->p++;
		int digits = 0;
		switch (c) {
		case '"': case '\\': case '/': r->buf[n++] = c; continue;
		case 'n': r->buf[n++] = '\n'; continue;
		case 't': r->buf[n++] = '\t'; continue;
		case 'r': r->buf[n++] = '\r'; continue;
		case '0': r->buf[n++] = '\0'; continue;
		case 'x': digits = 2; break;
		case 'u': digits = 4; break;
		case 'U': digits = 8; break;
		default: return GIVE_UP;
		}
		unsigned v = 0;
		for (int i = 0; i < digits; i++) {
			if (r->p == r->end || hex(*r->p) < 0)
				return GIVE_UP;
			v = v * 16 + (unsigned)hex(*r->p++);
		}
		if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return GIVE_UP;
		n += put_utf8(r->buf + n, v);
	}
	return tk_ybuild_scalar(r->b, line, col, r->buf, n, false) == TK_OK;
}

/* A literal block scalar (| or |-) whose parent stands at parent_indent. */
static bool literal(reader *r, int parent_indent)
{
	int line = r->line, col = column_of(r, r->p);
	r->p++;
	bool strip = false;
	if (r->p < r->end && *r->p == '-') {
		strip = true;
		r->p++;
	}
	while (r->p < r->end && *r->p == ' ')
		r->p++;
	if (r->p < r->end && *r->p == '#' && r->p[-1] == ' ')
		while (r->p < r->end && *r->p != '\n')
			r->p++;
	if (!at_eol(r))
		return GIVE_UP;
	next_line(r);
	size_t n = 0, pending = 0;
	int indent = -1;
	bool last_break = false; /* whether the last content line ended in a line break */
	while (r->p < r->end) {
		const char *q = r->p;
		while (q < r->end && *q == ' ')
			q++;
		int spaces = (int)(q - r->p);
		if (q == r->end || *q == '\n') {
			/* Lines of spaces only, and blank lines before the first
			 * content line, follow rules left to libyaml. */
			if (spaces || indent < 0)
				return GIVE_UP;
			pending++;
			next_line(r);
			continue;
		}
		if (indent < 0) {
			if (spaces <= parent_indent)
				return GIVE_UP;
			indent = spaces;
		}
		if (spaces < indent) {
			if (spaces > parent_indent)
				return GIVE_UP;
			break;
		}
		const char *text = r->p + indent, *eol = memchr(text, '\n', (size_t)(r->end - text));
		if (!eol)
			eol = r->end;
		size_t len = (size_t)(eol - text);
		if (!reserve(r, n, n + pending + len + 2))
			return GIVE_UP;
		if (n)
			pending++;
		memset(r->buf + n, '\n', pending);
		n += pending;
		pending = 0;
		memcpy(r->buf + n, text, len);
		n += len;
		last_break = eol < r->end;
		r->p = eol;
		next_line(r);
	}
	if (indent < 0)
		return GIVE_UP;
	/* Clipping keeps the final line break, if the text has one. */
	if (!strip && last_break)
		r->buf[n++] = '\n';
	if (tk_ybuild_scalar(r->b, line, col, r->buf, n, false) != TK_OK)
		return GIVE_UP;
	return next_content(r);
}

static bool flow_node(reader *r);

/* One flow scalar, quoted or plain. */
static bool flow_scalar(reader *r)
{
	if (r->p < r->end && (*r->p == '"' || *r->p == '\''))
		return quoted(r);
	int line = r->line, col = column_of(r, r->p);
	const char *s, *e;
	if (!scan_plain(r, true, &s, &e))
		return GIVE_UP;
	return tk_ybuild_scalar(r->b, line, col, s, (size_t)(e - s), true) == TK_OK;
}

static void skip_spaces(reader *r)
{
	while (r->p < r->end && *r->p == ' ')
		r->p++;
}

/* White space inside a flow collection: spaces, comments and line breaks.
 * A continuation line must be indented more than the block around it. */
static bool flow_space(reader *r)
{
	for (;;) {
		skip_spaces(r);
		if (r->p < r->end && *r->p == '#' && (r->p == r->line_start || r->p[-1] == ' '))
			while (r->p < r->end && *r->p != '\n')
				r->p++;
		if (r->p == r->end || *r->p != '\n')
			return true;
		next_line(r);
		const char *q = r->p;
		while (q < r->end && *q == ' ')
			q++;
		if (q < r->end && *q != '\n' && *q != '#' && (int)(q - r->line_start) <= r->flow_indent)
			return GIVE_UP;
		if (q == r->line_start && (r->end - q) >= 3 && (memcmp(q, "---", 3) == 0 || memcmp(q, "...", 3) == 0))
			return GIVE_UP;
	}
}

/* A flow mapping or sequence at the cursor; it may span lines. */
static bool flow_collection(reader *r)
{
	bool map = *r->p == '{';
	char close = map ? '}' : ']';
	if (tk_ybuild_open(r->b, map ? TK_YMAP : TK_YSEQ, r->line, column_of(r, r->p)) != TK_OK)
		return GIVE_UP;
	r->p++;
	if (!flow_space(r))
		return GIVE_UP;
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return tk_ybuild_close(r->b) == TK_OK;
	}
	for (;;) {
		if (map) {
			if (!flow_scalar(r) || r->p == r->end || *r->p != ':')
				return GIVE_UP;
			r->p++;
			if (r->p == r->end || *r->p != ' ')
				return GIVE_UP;
			if (!flow_space(r))
				return GIVE_UP;
		}
		if (!flow_node(r) || !flow_space(r))
			return GIVE_UP;
		if (r->p == r->end)
			return GIVE_UP;
		if (*r->p == close) {
			r->p++;
			return tk_ybuild_close(r->b) == TK_OK;
		}
		if (*r->p != ',')
			return GIVE_UP;
		r->p++;
		if (!flow_space(r))
			return GIVE_UP;
		if (r->p == r->end || *r->p == close)
			return GIVE_UP; /* a trailing comma */
	}
}

static bool flow_node(reader *r)
{
	if (r->p < r->end && (*r->p == '{' || *r->p == '['))
		return flow_collection(r);
	return flow_scalar(r);
}

static bool block_node(reader *r, int parent_indent);
static bool block_mapping(reader *r, int indent);

/* Whether the cursor starts "key:" followed by a space or the line's end. */
static bool starts_key(const reader *r)
{
	const char *q = r->p;
	if (q == r->end || indicator(*q))
		return false;
	for (; q < r->end && *q != '\n'; q++) {
		if (*q == ':' && is_space_or_eol(r, q + 1))
			return true;
		if (*q == '#' && q[-1] == ' ')
			return false;
	}
	return false;
}

static bool is_dash(const reader *r)
{
	return r->p < r->end && *r->p == '-' && is_space_or_eol(r, r->p + 1);
}

/* A value after "key: " or "- " on the same line; parent_indent is the
 * indentation of the key or the dash. */
static bool inline_value(reader *r, int parent_indent)
{
	char c = *r->p;
	if (c == '|')
		return literal(r, parent_indent);
	if (c == '{' || c == '[') {
		r->flow_indent = parent_indent;
		if (!flow_collection(r))
			return GIVE_UP;
	} else if (c == '"' || c == '\'') {
		if (!quoted(r))
			return GIVE_UP;
	} else {
		int line = r->line, col = column_of(r, r->p);
		const char *s, *e;
		if (!scan_plain(r, false, &s, &e) ||
		    tk_ybuild_scalar(r->b, line, col, s, (size_t)(e - s), true) != TK_OK)
			return GIVE_UP;
	}
	if (!end_of_line(r))
		return GIVE_UP;
	/* A more indented line would continue a plain scalar, or be an error. */
	return r->indent <= parent_indent;
}

/* What follows "key:" or "-": a value on the same line, or below it. */
static bool value_after(reader *r, int indent, bool in_mapping)
{
	skip_spaces(r);
	if (r->p < r->end && *r->p == '#' && r->p[-1] == ' ')
		while (r->p < r->end && *r->p != '\n')
			r->p++;
	if (!at_eol(r))
		return inline_value(r, indent);
	next_line(r);
	if (!next_content(r))
		return GIVE_UP;
	if (r->indent > indent)
		return block_node(r, indent);
	/* "key:" followed by a sequence at the key's own indentation. */
	if (in_mapping && r->indent == indent && is_dash(r))
		return block_node(r, indent - 1);
	return GIVE_UP; /* an empty value: left to libyaml */
}

static bool block_sequence(reader *r, int indent)
{
	if (tk_ybuild_open(r->b, TK_YSEQ, r->line, column_of(r, r->p)) != TK_OK)
		return GIVE_UP;
	for (;;) {
		r->p++; /* the dash */
		skip_spaces(r);
		if (!at_eol(r) && *r->p != '#') {
			if (is_dash(r))
				return GIVE_UP;
			int item_indent = (int)(r->p - r->line_start);
			if (starts_key(r)) {
				if (!block_mapping(r, item_indent))
					return GIVE_UP;
			} else if (!inline_value(r, indent)) {
				return GIVE_UP;
			}
		} else if (!value_after(r, indent, false)) {
			return GIVE_UP;
		}
		if (r->indent == indent && is_dash(r))
			continue;
		if (r->indent > indent)
			return GIVE_UP;
		return tk_ybuild_close(r->b) == TK_OK;
	}
}

static bool block_mapping(reader *r, int indent)
{
	if (tk_ybuild_open(r->b, TK_YMAP, r->line, column_of(r, r->p)) != TK_OK)
		return GIVE_UP;
	for (;;) {
		if (!starts_key(r))
			return GIVE_UP;
		int line = r->line, col = column_of(r, r->p);
		const char *s, *e;
		if (!scan_plain(r, false, &s, &e) || e - s > 1000 || r->p == r->end || *r->p != ':' ||
		    tk_ybuild_scalar(r->b, line, col, s, (size_t)(e - s), true) != TK_OK)
			return GIVE_UP;
		r->p++;
		if (!value_after(r, indent, true))
			return GIVE_UP;
		if (r->indent == indent && !is_dash(r))
			continue;
		if (r->indent >= indent)
			return GIVE_UP;
		return tk_ybuild_close(r->b) == TK_OK;
	}
}

/* A block node whose first line the cursor is on, below parent_indent. */
static bool block_node(reader *r, int parent_indent)
{
	if (is_dash(r))
		return block_sequence(r, r->indent);
	if (*r->p == '{' || *r->p == '[') {
		int indent = r->indent;
		r->flow_indent = parent_indent;
		return flow_collection(r) && end_of_line(r) && r->indent < indent;
	}
	if (starts_key(r))
		return block_mapping(r, r->indent);
	return GIVE_UP;
}

bool tk_yaml_fast_parse(tk_ybuilder *b, const char *data, size_t len)
{
	if (!plain_text(data, len))
		return false;
	reader r = { .b = b, .end = data + len, .p = data, .line_start = data, .line = 1 };
	if (!next_content(&r) || r.indent < 0)
		return false;
	if (!block_node(&r, -1) || r.indent != -1 || b->depth != 0)
		return false;
	return b->root != NULL;
}
