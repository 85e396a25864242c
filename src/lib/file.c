/* Whole-file reads and atomic writes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "taisaku/file.h"

tk_status tk_file_read(const char *path, char **data, size_t *len, tk_error *err)
{
	*data = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return tk_error_set(err, errno == ENOENT ? TK_ENOTFOUND : TK_EIO, path, 0, 0, NULL,
			"ファイルを開けません: %s", "cannot open the file: %s", strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return tk_error_set(err, TK_EIO, path, 0, 0, NULL, "通常のファイルではありません",
			"not a regular file");
	}
	size_t cap = (size_t)sb.st_size + 1, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		close(fd);
		return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
	}
	for (;;) {
		if (n + 1 >= cap) {
			/* The file grew while we read it. */
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				close(fd);
				return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
			}
			buf = nb;
			cap *= 2;
		}
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			close(fd);
			return tk_error_set(err, TK_EIO, path, 0, 0, NULL, "読み込めません: %s",
				"cannot read: %s", strerror(e));
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

tk_status tk_file_write_atomic(const char *path, const char *data, size_t len, tk_error *err)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp)
		return tk_error_set(err, TK_ENOMEM, path, 0, 0, NULL, "メモリが足りません", "out of memory");
	snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return tk_error_set(err, TK_EIO, path, 0, 0, NULL, "書き込めません: %s",
			"cannot write: %s", strerror(e));
	}
	/* mkstemp makes the file 0600; an output file should get the usual mode. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	size_t off = 0;
	int e = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			e = errno;
			break;
		}
		off += (size_t)w;
	}
	if (!e && fsync(fd) < 0)
		e = errno;
	if (close(fd) < 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) < 0)
		e = errno;
	if (e) {
		unlink(tmp);
		free(tmp);
		return tk_error_set(err, TK_EIO, path, 0, 0, NULL, "書き込めません: %s",
			"cannot write: %s", strerror(e));
	}
	free(tmp);
	return TK_OK;
}
