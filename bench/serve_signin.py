#!/usr/bin/env python3
"""Signs a fresh owner in to taisaku serve for bench/serve: the one-time
password changed, TOTP enrolled (RFC 6238 computed here), a new session.
Prints "COOKIE CSRF" on one line.
    serve_signin.py BASE-URL USER ONE-TIME-PASSWORD"""
import base64
import hashlib
import hmac
import json
import struct
import sys
import time
import urllib.request

base, user, pw = sys.argv[1:4]
new_pw = pw + "-Bench9"
cookie, csrf = None, None


def call(method, path, body=None):
    global cookie
    req = urllib.request.Request(base + "/api/v1" + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    if cookie:
        req.add_header("Cookie", cookie)
    if csrf:
        req.add_header("X-CSRF-Token", csrf)
    with urllib.request.urlopen(req) as r:
        sc = r.headers.get("Set-Cookie")
        if sc:
            cookie = sc.split(";")[0]
        data = r.read()
        return json.loads(data) if data else None


def totp(secret, step):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    h = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


csrf = call("POST", "/session", {"username": user, "password": pw})["csrf_token"]
call("PUT", "/session/password", {"current_password": pw, "new_password": new_pw})
secret = call("POST", "/session/totp")["secret"]
step = int(time.time()) // 30
call("PUT", "/session/totp", {"code": totp(secret, step)})
cookie, csrf = None, None
csrf = call("POST", "/session", {"username": user, "password": new_pw, "totp": totp(secret, step + 1)})["csrf_token"]
print(cookie, csrf)
