/* Whole-file reads and atomic writes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "taisaku/file.h"

/* The OS's reason, in Japanese for the reasons a user meets most. */
static const char *reason_ja(int e)
{
	switch (e) {
	case ENOENT: return "ファイルまたはディレクトリがありません";
	case EACCES: return "権限がありません";
	case EISDIR: return "ディレクトリです";
	case ENOTDIR: return "途中のパスがディレクトリではありません";
	case ENOSPC: return "ディスクに空きがありません";
	case EROFS: return "読み取り専用のファイルシステムです";
	case EDQUOT: return "ディスク使用量の上限に達しました";
	default: return strerror(e);
	}
}

/* Records an I/O error: both texts name the reason in their own language. */
static tk_status io_error(tk_error *err, tk_status st, const char *path, const char *ja, const char *en, int e)
{
	char tja[TK_ERROR_TEXT], ten[TK_ERROR_TEXT];
	snprintf(tja, sizeof(tja), "%s: %s", ja, reason_ja(e));
	snprintf(ten, sizeof(ten), "%s: %s", en, strerror(e));
	return tk_error_set_texts(err, st, path, 0, 0, NULL, tja, ten);
}

tk_status tk_file_read(const char *path, char **data, size_t *len, tk_error *err)
{
	*data = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return io_error(err, errno == ENOENT ? TK_ENOTFOUND : TK_EIO, path,
			"ファイルを開けません", "cannot open the file", errno);
	struct stat sb;
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return tk_error_set(err, TK_EIO, path, 0, 0, NULL, "通常のファイルではありません",
			"not a regular file");
	}
	/* Room for the size fstat gives and the final NUL; grown only if the
	 * file turns out longer while it is read. */
	size_t cap = (size_t)sb.st_size + 1, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		close(fd);
		return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	for (;;) {
		if (n + 1 == cap) {
			/* Full: a one-byte read tells whether there is more. */
			char probe;
			ssize_t r = read(fd, &probe, 1);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				close(fd);
				return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
			}
			buf = nb;
			cap *= 2;
			buf[n++] = probe;
			continue;
		}
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			close(fd);
			return io_error(err, TK_EIO, path, "読み込めません", "cannot read", e);
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return TK_OK;
}

tk_status tk_file_atomic_open(tk_file_atomic *a, const char *path, unsigned mode, bool durable,
	tk_error *err)
{
	memset(a, 0, sizeof(*a));
	a->fd = -1;
	a->path = path;
	a->durable = durable;
	size_t plen = strlen(path);
	a->tmp = malloc(plen + 16);
	if (!a->tmp)
		return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
	snprintf(a->tmp, plen + 16, "%s.tmpXXXXXX", path);
	a->fd = mkstemp(a->tmp);
	if (a->fd < 0) {
		int e = errno;
		free(a->tmp);
		a->tmp = NULL;
		return io_error(err, TK_EIO, path, "書き込めません", "cannot write", e);
	}
	/* mkstemp makes the file 0600; an output file should get the usual mode
	 * unless the caller asks for another (a backup stays private). */
	if (mode == 0) {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	fchmod(a->fd, (mode_t)mode);
	return TK_OK;
}

tk_status tk_file_atomic_write(tk_file_atomic *a, const void *data, size_t len, tk_error *err)
{
	const char *p = data;
	while (len > 0) {
		ssize_t w = write(a->fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return io_error(err, TK_EIO, a->path, "書き込めません", "cannot write", errno);
		p += w;
		len -= (size_t)w;
	}
	return TK_OK;
}

/* Flushes the directory that holds path, so that a rename in it is durable. */
static int sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	if (!dir)
		return ENOMEM;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return errno;
	int e = fsync(fd) < 0 && errno != EINVAL ? errno : 0;
	close(fd);
	return e;
}

tk_status tk_file_atomic_commit(tk_file_atomic *a, tk_error *err)
{
	int e = 0;
	if (a->durable && fsync(a->fd) < 0)
		e = errno;
	if (close(a->fd) < 0 && !e)
		e = errno;
	a->fd = -1;
	if (!e && rename(a->tmp, a->path) < 0)
		e = errno;
	if (e) {
		tk_file_atomic_abort(a);
		return io_error(err, TK_EIO, a->path, "書き込めません", "cannot write", e);
	}
	free(a->tmp);
	a->tmp = NULL;
	if (a->durable && (e = sync_parent(a->path)) != 0)
		return io_error(err, TK_EIO, a->path, "書き込めません", "cannot write", e);
	return TK_OK;
}

void tk_file_atomic_abort(tk_file_atomic *a)
{
	if (a->fd >= 0)
		close(a->fd);
	a->fd = -1;
	if (a->tmp) {
		unlink(a->tmp);
		free(a->tmp);
		a->tmp = NULL;
	}
}

tk_status tk_file_write_atomic(const char *path, const char *data, size_t len, bool durable,
	tk_error *err)
{
	tk_file_atomic a;
	tk_status st = tk_file_atomic_open(&a, path, 0, durable, err);
	if (st)
		return st;
	if ((st = tk_file_atomic_write(&a, data, len, err)) != TK_OK) {
		tk_file_atomic_abort(&a);
		return st;
	}
	return tk_file_atomic_commit(&a, err);
}
