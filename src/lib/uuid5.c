/* UUID version 5: the first 16 bytes of SHA-1(namespace bytes || name), with
 * the version and variant bits set (RFC 4122 §4.3). SHA-1 is here only for
 * that; it is not used for anything that needs collision resistance.
 *
 * Test vectors:
 *   SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d (FIPS 180-2)
 *   SHA-1("")    = da39a3ee 5e6b4b0d 3255bfef 95601890 afd80709
 *   tk_uuid5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")
 *     = "2ed6657d-e927-568b-95e1-2665a8aea6a2"  (DNS namespace; Python's
 *       uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com") gives the same) */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "uuid5.h"

typedef struct sha1 {
	uint32_t h[5];
	uint64_t len;          /* bytes hashed so far */
	unsigned char buf[64];
	size_t n;              /* bytes waiting in buf */
} sha1;

static uint32_t rol(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static void sha1_block(sha1 *s, const unsigned char *p)
{
	uint32_t w[80];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16
			| (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		uint32_t t = rol(a, 5) + f + e + k + w[i];
		e = d;
		d = c;
		c = rol(b, 30);
		b = a;
		a = t;
	}
	s->h[0] += a;
	s->h[1] += b;
	s->h[2] += c;
	s->h[3] += d;
	s->h[4] += e;
}

static void sha1_init(sha1 *s)
{
	static const uint32_t h0[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
	memcpy(s->h, h0, sizeof h0);
	s->len = 0;
	s->n = 0;
}

static void sha1_update(sha1 *s, const void *data, size_t len)
{
	const unsigned char *p = data;
	s->len += len;
	while (len) {
		size_t take = 64 - s->n < len ? 64 - s->n : len;
		memcpy(s->buf + s->n, p, take);
		s->n += take;
		p += take;
		len -= take;
		if (s->n == 64) {
			sha1_block(s, s->buf);
			s->n = 0;
		}
	}
}

static void sha1_final(sha1 *s, unsigned char out[20])
{
	uint64_t bits = s->len * 8;
	unsigned char pad[72] = { 0x80 };
	/* Pad to 56 bytes mod 64, then the length as a big-endian 64-bit number. */
	size_t npad = (s->n < 56 ? 56 : 120) - s->n;
	for (size_t i = 0; i < 8; i++)
		pad[npad + i] = (unsigned char)(bits >> (56 - 8 * i));
	sha1_update(s, pad, npad + 8);
	for (int i = 0; i < 20; i++)
		out[i] = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads the 32 hex digits of a UUID, skipping its dashes; false if malformed. */
static int parse_uuid(const char *s, unsigned char out[16])
{
	size_t n = 0;
	for (; *s && n < 32; s++) {
		if (*s == '-')
			continue;
		int v = hexval(*s);
		if (v < 0)
			return 0;
		if (n % 2 == 0)
			out[n / 2] = (unsigned char)(v << 4);
		else
			out[n / 2] |= (unsigned char)v;
		n++;
	}
	return n == 32 && *s == '\0';
}

void tk_uuid5(const char *ns_uuid, const char *name, char out[37])
{
	unsigned char ns[16], md[20];
	if (!parse_uuid(ns_uuid, ns))
		memset(ns, 0, sizeof ns);
	sha1 s;
	sha1_init(&s);
	sha1_update(&s, ns, sizeof ns);
	sha1_update(&s, name, strlen(name));
	sha1_final(&s, md);
	md[6] = (unsigned char)((md[6] & 0x0f) | 0x50); /* version 5 */
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[md[i] >> 4];
		out[o++] = hex[md[i] & 15];
	}
	out[o] = '\0';
}
