/* taisaku: error reporting.
 *
 * Every library call that can fail returns a tk_status and fills a tk_error.
 * Input errors carry the file, line and column (1-based) and the key at fault,
 * so that a person can go straight to the place to fix. The message is kept in
 * Japanese and in English; the front end prints the one in its language. */
#ifndef TAISAKU_ERROR_H
#define TAISAKU_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum tk_status {
	TK_OK = 0,
	TK_EINPUT = 1,   /* the input is malformed or invalid */
	TK_EIO = 2,      /* a file could not be read or written */
	TK_ENOTFOUND = 3,/* a named thing does not exist */
	TK_ENOMEM = 4,
} tk_status;

typedef enum tk_lang { TK_LANG_JA = 0, TK_LANG_EN = 1 } tk_lang;

#define TK_ERROR_TEXT 512
#define TK_ERROR_NAME 256

typedef struct tk_error {
	tk_status status;
	char file[TK_ERROR_NAME]; /* empty when the error is not about a file */
	int line, column;         /* 0 when unknown */
	char key[128];            /* the key or field at fault, or empty */
	char ja[TK_ERROR_TEXT];
	char en[TK_ERROR_TEXT];
	/* The database refused for now, for a reason outside taisaku: it is
	 * read-only, the disk is full, it is busy, or its server cannot be
	 * reached. Nothing was changed; the same call can work once that is
	 * fixed (taisaku serve answers 503 with the message). */
	bool unavailable;
} tk_error;

/* Clears an error object. */
void tk_error_clear(tk_error *err);

/* Records an error. ja_fmt and en_fmt take the same arguments, in the same
 * order. Returns status so that callers can write `return tk_error_set(...)`. */
tk_status tk_error_set(tk_error *err, tk_status status, const char *file,
	int line, int column, const char *key,
	const char *ja_fmt, const char *en_fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* Writes a message's Japanese and English texts from one argument list:
 * both formats take the same arguments. Each buffer holds size bytes. */
void tk_format_pair(char *ja, char *en, size_t size, const char *ja_fmt, const char *en_fmt, va_list ap);

/* The same with the two messages already written. */
tk_status tk_error_set_texts(tk_error *err, tk_status status, const char *file,
	int line, int column, const char *key, const char *ja, const char *en);

/* Formats the error as `file:line:column: key 'k': message` in the language
 * asked for, into buf. Returns buf. */
const char *tk_error_format(const tk_error *err, tk_lang lang, char *buf, size_t size);

#endif
