/* Error objects: where the problem is, and what it is in both languages. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "taisaku/error.h"

void tk_error_clear(tk_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

tk_status tk_error_set_texts(tk_error *err, tk_status status, const char *file,
	int line, int column, const char *key, const char *ja, const char *en)
{
	if (!err)
		return status;
	/* The first error is the one worth reporting; later ones are fallout. */
	if (err->status != TK_OK)
		return err->status;
	err->status = status;
	copy(err->file, sizeof(err->file), file);
	copy(err->key, sizeof(err->key), key);
	err->line = line;
	err->column = column;
	copy(err->ja, sizeof(err->ja), ja);
	copy(err->en, sizeof(err->en), en);
	return status;
}

void tk_format_pair(char *ja, char *en, size_t size, const char *ja_fmt, const char *en_fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	vsnprintf(ja, size, ja_fmt, ap);
	vsnprintf(en, size, en_fmt, ap2);
	va_end(ap2);
}

tk_status tk_error_set(tk_error *err, tk_status status, const char *file,
	int line, int column, const char *key,
	const char *ja_fmt, const char *en_fmt, ...)
{
	char ja[TK_ERROR_TEXT], en[TK_ERROR_TEXT];
	va_list ap;
	va_start(ap, en_fmt);
	tk_format_pair(ja, en, TK_ERROR_TEXT, ja_fmt, en_fmt, ap);
	va_end(ap);
	return tk_error_set_texts(err, status, file, line, column, key, ja, en);
}

const char *tk_error_format(const tk_error *err, tk_lang lang, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	if (err->file[0]) {
		if (err->line > 0)
			n += snprintf(buf + n, size - n, "%s:%d:%d: ", err->file, err->line, err->column);
		else
			n += snprintf(buf + n, size - n, "%s: ", err->file);
	}
	if (n < size && err->key[0])
		n += snprintf(buf + n, size - n, lang == TK_LANG_JA ? "キー '%s': " : "key '%s': ", err->key);
	if (n < size)
		snprintf(buf + n, size - n, "%s", lang == TK_LANG_JA ? err->ja : err->en);
	return buf;
}
