/* The passphrase of a sealed backup, never from the command line (where
 * every user of the machine can read it in the process list): from a file
 * descriptor a script opened (--passphrase-fd N), from the environment
 * (TAISAKU_PASSPHRASE), or typed at the terminal without echo. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"

/* Reads one line (up to the newline or the end) from fd into buf. */
static bool read_line(int fd, char *buf, size_t size, size_t *len)
{
	size_t n = 0;
	for (;;) {
		char ch;
		ssize_t r = read(fd, &ch, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return false;
		if (r == 0 || ch == '\n')
			break;
		if (n + 1 >= size)
			return false;
		buf[n++] = ch;
	}
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	*len = n;
	return true;
}

/* Asks on the terminal with echo off; false when there is no terminal. */
static bool ask(int tty, const char *prompt, char *buf, size_t size, size_t *len)
{
	/* TCSANOW, not TCSAFLUSH: a line typed ahead (or sent by a program
	 * driving the terminal) is the answer, not something to throw away. */
	struct termios old, quiet;
	bool have_termios = tcgetattr(tty, &old) == 0;
	if (have_termios) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(tty, TCSANOW, &quiet);
	}
	bool ok = write(tty, prompt, strlen(prompt)) >= 0 && read_line(tty, buf, size, len);
	if (have_termios)
		tcsetattr(tty, TCSANOW, &old);
	return ok;
}

bool cli_passphrase(const cli *c, bool confirm, char *buf, size_t size, size_t *len)
{
	*len = 0;
	if (c->passphrase_fd) {
		char *end;
		long fd = strtol(c->passphrase_fd, &end, 10);
		if (*end || end == c->passphrase_fd || fd < 0 || fd > 1 << 20) {
			cli_fail(c, "--passphrase-fd には開いているファイル記述子の番号を指定してください",
				"--passphrase-fd takes the number of an open file descriptor");
			return false;
		}
		if (!read_line((int)fd, buf, size, len)) {
			cli_fail(c, "ファイル記述子 %ld からパスフレーズを読めません",
				"cannot read the passphrase from file descriptor %ld", fd);
			return false;
		}
	} else if (getenv("TAISAKU_PASSPHRASE")) {
		const char *env = getenv("TAISAKU_PASSPHRASE");
		*len = strlen(env);
		if (*len >= size) {
			cli_fail(c, "パスフレーズが長すぎます", "the passphrase is too long");
			return false;
		}
		memcpy(buf, env, *len + 1);
	} else {
		int tty = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
		if (tty < 0) {
			cli_fail(c, "パスフレーズを尋ねる端末がありません。--passphrase-fd N か環境変数 "
				"TAISAKU_PASSPHRASE で渡してください",
				"no terminal to ask for the passphrase: give it with --passphrase-fd N or in "
				"TAISAKU_PASSPHRASE");
			return false;
		}
		bool ok = ask(tty, cli_tr(c, "パスフレーズ: ", "Passphrase: "), buf, size, len);
		if (ok && confirm && *len > 0) {
			char again[1024];
			size_t again_len;
			ok = ask(tty, cli_tr(c, "もう一度: ", "Again: "), again, sizeof(again), &again_len);
			if (ok && (again_len != *len || sodium_memcmp(again, buf, *len) != 0)) {
				close(tty);
				sodium_memzero(again, sizeof(again));
				cli_fail(c, "二つのパスフレーズが違います", "the two passphrases differ");
				return false;
			}
			sodium_memzero(again, sizeof(again));
		}
		close(tty);
		if (!ok) {
			cli_fail(c, "パスフレーズを読めません", "cannot read the passphrase");
			return false;
		}
	}
	if (*len == 0) {
		cli_fail(c, "パスフレーズが空です", "the passphrase is empty");
		return false;
	}
	return true;
}
