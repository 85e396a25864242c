#!/usr/bin/env python3
"""Faults under `taisaku serve`, with real parts (issue 10, docs/robustness.md):

    tests/serve_faults.py TAISAKU sqlite   a client that disconnects mid-upload;
                                           the disk full (a file-size limit set on the
                                           running server, and a full tmpfs where mount
                                           is permitted); the database file read-only
    tests/serve_faults.py TAISAKU pg       a client that disconnects mid-upload, and
                                           the PostgreSQL server stopped and started
                                           again under the running taisaku serve (a
                                           private server of tests/pg_server.sh)

Each fault must give a clear answer (503 with the error code `unavailable` and
a message that says why, or nothing for a client that has gone), the server
keeps serving without a restart, and nothing committed is lost: what was
saved before is there afterwards, what was refused is not there at all, and
(SQLite) PRAGMA integrity_check says ok. The last line is "N passed, N failed".
"""
import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import resource
import shutil
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time

TAISAKU = os.path.realpath(sys.argv[1])
MODE = sys.argv[2] if len(sys.argv) > 2 else "sqlite"
SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, TAISAKU_CATALOG_DIR=os.path.join(SRC, "catalogs"), TAISAKU_LANG="en")
for k in ("TAISAKU_DB", "TAISAKU_PASSPHRASE"):
    ENV.pop(k, None)
ORG, SYSTEM = "北辰精機", "受注管理システム"
PW, NEWPW = "Initial-Pass-1", "Changed-Pass-22"
EXAMPLE = os.path.join(SRC, "examples", "small-company.yaml")

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what, flush=True)
    return cond


def cli(*args, stdin=""):
    return subprocess.run([TAISAKU, *args, "--db", DB], input=stdin, capture_output=True, text=True, env=ENV)


def must(p, what):
    if p.returncode != 0:
        print(f"setup failed: {what}: {p.stderr}", flush=True)
        sys.exit(1)


def totp(secret, t=None):
    """RFC 6238 (HMAC-SHA1, 30 s, 6 digits)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    step = int((t if t is not None else time.time()) // 30)
    h = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """taisaku serve as a child process; SIGXFSZ ignored, so that a file-size
    limit makes write() fail with EFBIG instead of killing the server."""

    def __init__(self, db, wrap=()):
        self.port = free_port()
        self.log = open(os.path.join(WORK, f"serve-{self.port}.log"), "w")
        cmd = [*wrap, "bash", "-c", 'trap "" XFSZ; exec "$@"', "-", TAISAKU, "serve", "--db", db,
               "--listen", f"127.0.0.1:{self.port}"]
        self.p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.log, env=ENV)
        line = self.p.stdout.readline().decode()
        if "http" not in line:
            print("the server did not start: " + open(self.log.name).read(), flush=True)
            sys.exit(1)

    def alive(self):
        return self.p.poll() is None

    def stop(self):
        self.p.terminate()
        self.p.wait(10)


class Client:
    def __init__(self, server):
        self.server = server
        self.cookie = self.csrf = None

    def req(self, method, path, body=None, ctype="application/json"):
        c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        headers = {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        if body is not None:
            if not isinstance(body, (bytes, str)):
                body = json.dumps(body)
            headers["Content-Type"] = ctype
        c.request(method, "/api/v1" + path, body=body, headers=headers)
        r = c.getresponse()
        raw = r.read()
        sc = r.getheader("Set-Cookie")
        if sc and "taisaku_session=" in sc:
            v = sc.split("taisaku_session=", 1)[1].split(";", 1)[0]
            self.cookie = "taisaku_session=" + v if v else None
        c.close()
        j = json.loads(raw) if (r.getheader("Content-Type") or "").startswith("application/json") else None
        return r.status, j

    def sign_in(self, user, pw, secret=None):
        body = {"username": user, "password": pw}
        if secret:
            body["totp"] = totp(secret)
        st, j = self.req("POST", "/session", body)
        if st == 200:
            self.csrf = j["csrf_token"]
        return st, j


def setup_owner(server):
    """The owner signs in, changes the one-time password and enrols TOTP."""
    c = Client(server)
    st, j = c.sign_in("owner", PW)
    check(st == 200, f"owner signs in: {st} {j}")
    st, j = c.req("PUT", "/session/password", {"current_password": PW, "new_password": NEWPW})
    check(st in (200, 204), f"password changed: {st} {j}")
    st, j = c.req("POST", "/session/totp", {})
    check(st == 200, f"TOTP enrolment starts: {st} {j}")
    secret = j["secret"]
    st, j = c.req("PUT", "/session/totp", {"code": totp(secret)})
    check(st == 200, f"TOTP enrolled: {st} {j}")
    return c, secret


def ids(c):
    st, j = c.req("GET", "/organizations")
    org = next(o["id"] for o in j["organizations"] if o["name"] == ORG)
    st, j = c.req("GET", f"/organizations/{org}/systems")
    return org, next(s["id"] for s in j["systems"] if s["name"] == SYSTEM)


def rounds(c, sysid):
    st, j = c.req("GET", f"/systems/{sysid}/rounds")
    assert st == 200, (st, j)
    return sorted(x["id"] for x in j["rounds"])


def note_of(c, rid, req="Ma1.1"):
    st, j = c.req("GET", f"/rounds/{rid}/ratings")
    return j["ratings"][req].get("note") if st == 200 else None


def rate(c, rid, note, req="Ma1.1"):
    return c.req("PUT", f"/rounds/{rid}/ratings/{req}", {"core": 2, "study": "C", "process": "C",
                 "management": "C", "review": "C", "documentation": "C", "note": note})


def upload(c, sysid, doc):
    return c.req("POST", f"/systems/{sysid}/rounds/upload?name=faults.yaml", doc, "application/yaml")


def integrity(path):
    con = sqlite3.connect(path, timeout=30)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def unavailable(st, j, words, what):
    msg = ((j or {}).get("error") or {}).get("message", "")
    check(st == 503 and ((j or {}).get("error") or {}).get("code") == "unavailable",
          f"{what}: 503 unavailable, got {st} {j}")
    check(any(w in msg for w in words), f"{what}: the message says why ({words}): {msg!r}")


# ---- (a) a client that disconnects mid-upload ----

def disconnect_mid_upload(server, c, sysid, rid, sqlite_path):
    doc = open(EXAMPLE, "rb").read()
    before = rounds(c, sysid)
    st, _ = rate(c, rid, "committed before the disconnects")
    check(st == 200, f"a rating saved before: {st}")
    rnd = random.Random(10)
    for i in range(24):
        # half of the body (or less), then close; every fourth with a reset
        if i % 2:
            body = doc
            head = (f"POST /api/v1/systems/{sysid}/rounds/upload?name=cut.yaml HTTP/1.1\r\n"
                    "Content-Type: application/yaml\r\n")
        else:
            body = json.dumps({"core": 3, "study": "B", "process": "B", "management": "B", "review": "B",
                               "documentation": "B", "note": "never complete " * 50}).encode()
            head = f"PUT /api/v1/rounds/{rid}/ratings/Ma1.1 HTTP/1.1\r\nContent-Type: application/json\r\n"
        head += (f"Host: x\r\nCookie: {c.cookie}\r\nX-CSRF-Token: {c.csrf}\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n")
        s = socket.create_connection(("127.0.0.1", server.port))
        s.sendall(head.encode() + body[:rnd.randrange(0, len(body) // 2 + 1)])
        if i % 4 == 3:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    time.sleep(0.3)
    check(server.alive(), "the server is still running after 24 clients went away mid-body")
    st, j = c.req("GET", "/session")
    check(st == 200, f"it still answers: {st}")
    check(rounds(c, sysid) == before, "no round was added by a cut upload")
    check(note_of(c, rid) == "committed before the disconnects", "the cut rating did not change the saved one")
    st, j = upload(c, sysid, doc)
    check(st == 201, f"a whole upload afterwards works: {st} {j}")
    check(len(rounds(c, sysid)) == len(before) + 1, "and adds its round")
    if sqlite_path:
        check(integrity(sqlite_path) == "ok", "integrity_check ok")


# ---- (b) PostgreSQL stopped and started again under the server ----

def pg_restart(server, c, sysid, rid, state):
    st, _ = rate(c, rid, "committed before the outage")
    check(st == 200, f"a rating saved before the outage: {st}")
    before = rounds(c, sysid)
    subprocess.run([os.path.join(SRC, "tests", "pg_server.sh"), "halt", state], check=True)
    for what, call in (("GET /session", lambda: c.req("GET", "/session")),
                       ("GET rounds", lambda: c.req("GET", f"/systems/{sysid}/rounds")),
                       ("PUT rating", lambda: rate(c, rid, "written during the outage")),
                       ("upload", lambda: upload(c, sysid, open(EXAMPLE, "rb").read()))):
        st, j = call()
        unavailable(st, j, ("database", "データベース"), f"{what} while PostgreSQL is down")
    check(server.alive(), "the server keeps running while PostgreSQL is down")
    subprocess.run([os.path.join(SRC, "tests", "pg_server.sh"), "resume", state], check=True)
    # every thread of the server (4) must find its way back
    codes = [c.req("GET", "/session")[0] for _ in range(12)]
    check(codes == [200] * 12, f"after the restart every request is served again, no restart of taisaku: {codes}")
    check(note_of(c, rid) == "committed before the outage", "the rating saved before the outage is there")
    check(rounds(c, sysid) == before, "the upload refused during the outage left nothing")
    st, _ = rate(c, rid, "written after the outage")
    check(st == 200 and note_of(c, rid) == "written after the outage", f"writes work again: {st}")


# ---- (c) the disk full and the database read-only (SQLite) ----

def disk_full_rlimit(server, c, sysid, rid, path):
    """RLIMIT_FSIZE on the running server (prlimit): no file may grow past
    64 KiB (room for the 32 KiB -shm index), so the write-ahead log cannot
    take a round; write() fails with EFBIG, as on a full disk."""
    before = rounds(c, sysid)
    soft, hard = resource.prlimit(server.p.pid, resource.RLIMIT_FSIZE)
    resource.prlimit(server.p.pid, resource.RLIMIT_FSIZE, (64 << 10, hard))
    st, j = upload(c, sysid, open(EXAMPLE, "rb").read())
    unavailable(st, j, ("disk is full", "ディスク"), "upload on a full disk (file-size limit)")
    st, j = c.req("GET", f"/rounds/{rid}/ratings")
    check(st == 200, f"reading still works on the full disk: {st}")
    check(server.alive(), "the server keeps running on the full disk")
    resource.prlimit(server.p.pid, resource.RLIMIT_FSIZE, (soft, hard))
    check(rounds(c, sysid) == before, "the refused upload left nothing")
    st, j = upload(c, sysid, open(EXAMPLE, "rb").read())
    check(st == 201, f"with room again the upload works: {st} {j}")
    check(integrity(path) == "ok", "integrity_check ok after the full disk")


def tmpfs_faults(path_db_setup):
    """Where mount is permitted: the database on a 4 MiB tmpfs, filled up
    (ENOSPC) under the running server. (A read-only remount under it is
    refused by the kernel while the server holds the file open for writing:
    read_only_file makes the database read-only instead.)"""
    mnt = os.path.join(WORK, "mnt")
    os.mkdir(mnt)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt], capture_output=True).returncode:
        print("tmpfs: mount is not permitted here; the full tmpfs is not tried (the file-size limit is)",
              flush=True)
        return False
    try:
        db = path_db_setup(os.path.join(mnt, "t.db"))
        server = Server("sqlite:" + db)
        c, _ = setup_owner(server)
        org, sysid = ids(c)
        rid = rounds(c, sysid)[-1]
        st, _ = rate(c, rid, "committed before the faults")
        check(st == 200, f"a rating saved before: {st}")
        before = rounds(c, sysid)
        # ENOSPC: fill what is left
        with open(os.path.join(mnt, "filler"), "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        st, j = upload(c, sysid, open(EXAMPLE, "rb").read())
        unavailable(st, j, ("disk is full", "ディスク"), "upload on a full tmpfs (ENOSPC)")
        check(server.alive(), "the server keeps running on the full tmpfs")
        os.unlink(os.path.join(mnt, "filler"))
        check(rounds(c, sysid) == before, "the upload refused on the full tmpfs left nothing")
        check(note_of(c, rid) == "committed before the faults", "the committed rating is there")
        st, _ = rate(c, rid, "written afterwards")
        check(st == 200 and note_of(c, rid) == "written afterwards", f"writes work again: {st}")
        server.stop()
        check(integrity(db) == "ok", "integrity_check ok after ENOSPC")
    finally:
        subprocess.run(["umount", "-l", mnt], capture_output=True)
    return True


def read_only_file(make_db):
    """The database file made read-only under the running server (its worker
    threads connect at their first request, after the change). As root the
    server runs as the user nobody, since root ignores file modes. Every
    write is refused with a clear 503 and nothing changes; once the file may
    be written again, the server serves without a restart. (A database that
    is read-only before `taisaku serve` starts is refused at the start.)"""
    db = make_db(os.path.join(WORK, "ro", "r.db"))
    d = os.path.dirname(db)
    wrap = []
    if os.getuid() == 0:
        if not shutil.which("setpriv"):
            print("read-only file: setpriv is missing; not tried", flush=True)
            return
        wrap = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        os.chmod(WORK, 0o755)
        for f in [d] + [os.path.join(d, x) for x in os.listdir(d)]:
            os.chown(f, 65534, 65534)
    server = Server("sqlite:" + db, wrap)
    for f in [os.path.join(d, x) for x in os.listdir(d)]:
        os.chmod(f, 0o444)
        if os.getuid() == 0:
            os.chown(f, 0, 0)
    os.chmod(d, 0o555)
    if os.getuid() == 0:
        os.chown(d, 0, 0)
    before = hashlib.sha256(open(db, "rb").read()).hexdigest()
    c = Client(server)
    st, j = c.sign_in("owner", PW)
    unavailable(st, j, ("read-only", "読み取り専用", "cannot take changes", "書き込めません"),
                "sign-in on a read-only database")
    check(server.alive(), "the server keeps running on the read-only database")
    check(hashlib.sha256(open(db, "rb").read()).hexdigest() == before, "the read-only database is unchanged")
    owner = 65534 if os.getuid() == 0 else os.getuid()
    for f in [d] + [os.path.join(d, x) for x in os.listdir(d)]:
        os.chmod(f, 0o755 if f == d else 0o644)
        if os.getuid() == 0:
            os.chown(f, owner, owner)
    st, j = c.sign_in("owner", PW)
    check(st == 200, f"writable again, sign-in works without a restart: {st} {j}")
    server.stop()
    check(integrity(db) == "ok", "integrity_check ok after the read-only spell")


def make_sqlite(path):
    global DB
    os.makedirs(os.path.dirname(path), exist_ok=True)
    DB = "sqlite:" + path
    populate()
    return path


def populate():
    must(cli("db", "init"), "db init")
    must(cli("org", "add", ORG), "org")
    must(cli("system", "add", SYSTEM, "--org", ORG), "system")
    must(cli("round", "import", EXAMPLE, "--org", ORG, "--system", SYSTEM), "round")
    must(cli("user", "add", "owner", "--role", "owner", "--org", ORG, "--password-stdin", stdin=PW + "\n"), "owner")


def main():
    global WORK, DB
    WORK = tempfile.mkdtemp()
    state = None
    try:
        if MODE == "pg":
            state = os.path.join(WORK, "pg")
            url = subprocess.run([os.path.join(SRC, "tests", "pg_server.sh"), "start", state],
                                 capture_output=True, text=True, check=True).stdout.strip()
            DB = url
            populate()
            server = Server(DB)
            c, _ = setup_owner(server)
            org, sysid = ids(c)
            rid = rounds(c, sysid)[-1]
            disconnect_mid_upload(server, c, sysid, rid, None)
            pg_restart(server, c, sysid, rid, state)
            server.stop()
        else:
            db = make_sqlite(os.path.join(WORK, "a", "s.db"))
            server = Server(DB)
            c, _ = setup_owner(server)
            org, sysid = ids(c)
            rid = rounds(c, sysid)[-1]
            disconnect_mid_upload(server, c, sysid, rid, db)
            disk_full_rlimit(server, c, sysid, rid, db)
            server.stop()
            tmpfs_faults(make_sqlite)
            read_only_file(make_sqlite)
    finally:
        if state:
            subprocess.run([os.path.join(SRC, "tests", "pg_server.sh"), "stop", state], capture_output=True)
        if os.environ.get("KEEP"):
            print("kept " + WORK)
        else:
            shutil.rmtree(WORK, ignore_errors=True)
    print(f"serve faults ({MODE}): {passed} passed, {failed} failed", flush=True)
    sys.exit(1 if failed else 0)


main()
