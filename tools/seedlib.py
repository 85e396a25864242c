"""What the seed converters tools/*2yaml.py have in common.

Each converter reads one seed (the text extraction of a published standard)
and writes one catalog under catalogs/.  They were written one after another,
and this module holds what is the same in all of them: how a seed is read
(its checksum, the layout noise of the extraction, comparisons with
whitespace removed), how a catalog is written (one YAML style for all
catalogs) and the checks every converter prints.  Where one converter reads
its seed differently, the difference is a parameter here or stays in that
converter.

Anything changed here changes every catalog: run all five converters and
compare their catalogs byte for byte with the committed ones.

The converters import this module as ``seedlib`` (a script's own directory
is on sys.path when it is run as ``python3 tools/X.py``).
"""

import argparse
import hashlib
import os
import re
import sys
import unicodedata

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --------------------------------------------------------------------------
# Text: layout noise and comparisons
# --------------------------------------------------------------------------


def is_wide(ch):
    """A character of Japanese running text (a space next to it is layout noise).

    The ambiguous-width symbols of the seeds (○ △ × ― ● ▲ ① …) count as wide."""
    if not ch or ord(ch) < 0x80:
        return False
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F", "H"):
        return True
    return eaw == "A" and ord(ch) >= 0x2000 or ch in "×"


def clean(s, also_drop=None):
    """Remove layout spaces: runs of spaces between two wide characters,
    leading/trailing spaces; collapse other space runs to one.

    The PDF extractions put spaces where the printed text has none.
    also_drop(prev, nxt, s, j, out): a seed whose extraction adds spaces in
    more places says where (prev/nxt: the characters around the run, s[j:]:
    the text after it, out: the characters kept so far)."""
    s = s.replace("\u3000", " ").strip()
    out = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch == " ":
            j = i
            while j < n and s[j] == " ":
                j += 1
            prev = out[-1] if out else ""
            nxt = s[j] if j < n else ""
            drop = is_wide(prev) and is_wide(nxt) or also_drop is not None and also_drop(prev, nxt, s, j, out)
            if not drop:
                out.append(" ")
            i = j
            continue
        out.append(ch)
        i += 1
    return "".join(out).strip()


def squash(s):
    """For comparisons: drop every kind of whitespace (the extraction's line
    breaks and spaces fall anywhere, so texts are compared without them)."""
    return re.sub(r"\s+", "", s)


def join_wrapped(a, b, url_space=False):
    """Join two physical lines of one sentence: directly, except that two
    ASCII words keep a space between them (and, with url_space, a URL that
    begins the second line is set off by one)."""
    a, b = a.rstrip(), b.lstrip()
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    if url_space and b.startswith("http"):
        return a + " " + b
    return a + b


# --------------------------------------------------------------------------
# The seed
# --------------------------------------------------------------------------


class Seed:
    """A seed file, as lines and as one whitespace-free text to search.

    The converters address the seed by line number, so a seed with another
    checksum would be read wrongly without notice: it is refused.  A
    converter subclasses this with ``sha256`` set (and adds what its seed's
    layout needs)."""

    sha256 = None
    explain_mismatch = False    # also name the expected SHA-256 when refusing

    def __init__(self, path):
        with open(path, "rb") as f:
            raw = f.read()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != self.sha256:
            msg = "%s: unexpected SHA-256 %s" % (path, digest)
            if self.explain_mismatch:
                msg += " (the script encodes line numbers of %s)" % self.sha256
            sys.exit(msg)
        self.lines = raw.decode("utf-8").split("\n")
        self.flat = squash(self.printed(self.lines))

    def printed(self, lines):
        """The text of some seed lines as it is compared with the catalog
        (a seed with markup in its lines overrides this)."""
        return "".join(lines)

    def line(self, n):
        """1-based line access."""
        return self.lines[n - 1]

    def occurs(self, text):
        """Whether text is in the seed, whitespace ignored."""
        return squash(text) in self.flat

    def around(self, line):
        """The texts a note's text_ja quoting line n must be found in (see
        checked_note): here lines n-3 .. n+3."""
        return [self.printed(self.lines[max(0, line - 4):line + 3])]


# --------------------------------------------------------------------------
# Catalog entries
# --------------------------------------------------------------------------


def note(text_en, ref=None, text_ja=None):
    """A note entry of the catalog: text_en, and text_ja and the seed line
    ("l.N") only where given."""
    d = {"text_en": text_en}
    if text_ja:
        d["text_ja"] = text_ja
    if ref:
        d["ref"] = "l.%d" % ref
    return d


def checked_note(seed, text_en, line, text_ja, tidy=None):
    """note() for a note that quotes the seed: its text_ja must stand near its
    line (seed.around), so that a slip in the data tables stops the script.
    tidy: applied to text_ja once it is found (a seed whose quotes carry
    layout noise)."""
    if text_ja is not None and line is not None:
        if not any(squash(text_ja) in squash(w) for w in seed.around(line)):
            raise SystemExit("note text_ja %r not found near l.%d" % (text_ja, line))
    if tidy is not None and text_ja is not None:
        text_ja = tidy(text_ja)
    return note(text_en, line, text_ja)


def checked_documents(seed, rid, docs):
    """documents_ja of a requirement: the documents it requires, each checked
    to be named in the seed (the names are typed into the data tables)."""
    for d in docs:
        if not seed.occurs(d):
            raise SystemExit("%s: document %r not in the seed" % (rid, d))
    return list(docs)


def parameter_entries(rid, params):
    """A requirement's parameters, [(title_ja, value or None)] as the seed
    gives them, as the catalog writes them: RID-p1, RID-p2, ... in order.
    The converters check first that each stands in the seed's text."""
    out = []
    for i, (t, v) in enumerate(params, 1):
        p = {"id": "%s-p%d" % (rid, i), "title_ja": t}
        if v is not None:
            p["value"] = v
        out.append(p)
    return out


def print_roles(reqs):
    """The summary line of who is named how often (most named first)."""
    roles = {}
    for r in reqs:
        roles[r.get("role_ja", "(none)")] = roles.get(r.get("role_ja", "(none)"), 0) + 1
    print("  roles: " + ", ".join("%s %d" % kv for kv in sorted(roles.items(), key=lambda kv: -kv[1])))


def walk(node):
    """Every node of a parse tree (nodes with .children), parent first."""
    yield node
    for c in node.children:
        yield from walk(c)


# --------------------------------------------------------------------------
# YAML output
# --------------------------------------------------------------------------

# Strings that a YAML reader could take for a number, a boolean or null, and
# the table cell codes (o t x - t|x o|t), are written in double quotes.
QUOTE_RE = re.compile(r"^(\d+(\.\d+)*|[otx\-]|t\|x|o\|t|[yYnN]|yes|no|on|off|true|false|null|~)$")


class Dumper(yaml.SafeDumper):
    """The one YAML style of all catalogs: block sequences indented under
    their key, multi-line texts as literal blocks, Flow lists inline."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)     # indent block sequences


def _str(dumper, s):
    if "\n" in s:
        return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|")
    if QUOTE_RE.match(s):
        return dumper.represent_scalar("tag:yaml.org,2002:str", s, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", s)


class Flow(list):
    """A short list written in flow style: [a, b]."""


def _flow(dumper, data):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


Dumper.add_representer(str, _str)
Dumper.add_representer(Flow, _flow)


class UniqueKeyLoader(yaml.SafeLoader):
    """A loader that refuses duplicate keys (PyYAML keeps the last one
    silently; taisaku's loader, src/lib/yamldoc.c, rejects them)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for k, _ in node.value:
            key = self.construct_object(k, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, "duplicate key %r" % key, k.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


EMPTY = ("", [], None)


def drop_empty(node, empty=EMPTY):
    """Leaves out keys whose value is empty (one of the values in empty):
    the catalog format has no empty values, only absent ones.  A catalog
    whose empty lists say something passes empty=("",)."""
    if isinstance(node, dict):
        return type(node)((k, drop_empty(v, empty)) for k, v in node.items() if v not in empty)
    if isinstance(node, list):
        return type(node)(drop_empty(x, empty) for x in node)
    return node


def dump(catalog, title, script, seed_name, empty=EMPTY):
    """The catalog file: a header that names the source and the script that
    wrote it, then the YAML (keys in the order built, no line folding)."""
    catalog = drop_empty(catalog, empty)
    head = ("# taisaku catalog: %s\n"
            "# Generated by tools/%s from %s; edit the script, not this file.\n" % (title, script, seed_name))
    return head + yaml.dump(catalog, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                            width=10000, indent=2, default_flow_style=False)


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------


class Checks:
    """check(label, good, detail): prints one consistency check as [ok] or
    [FAIL]; .ok is whether all passed (the script's exit status)."""

    def __init__(self):
        self.ok = True

    def __call__(self, label, good, detail=""):
        print("  [%s] %s%s" % ("ok" if good else "FAIL", label, (": " + detail) if detail else ""))
        self.ok = self.ok and good


def walk_texts(node, path="", values=True):
    """Every Japanese text (*_ja keys, and with values the parameters'
    value strings) below node, with its path: the texts that must be
    verbatim from the seed."""
    if isinstance(node, dict):
        for k, v in node.items():
            k = str(k)
            if k.endswith("_ja") and isinstance(v, str):
                yield path + "/" + k, v
            elif k.endswith("_ja") and isinstance(v, list):
                for i, x in enumerate(v):
                    yield "%s/%s[%d]" % (path, k, i), x
            elif values and k == "value" and isinstance(v, str):
                yield path + "/" + k, v
            else:
                yield from walk_texts(v, path + "/" + k, values)
    elif isinstance(node, list):
        for i, x in enumerate(node):
            yield from walk_texts(x, "%s[%d]" % (path, i), values)


def check_reload(check, yaml_text, catalog=None):
    """The written YAML loads without duplicate keys (and, given the
    catalog, gives back exactly its data)."""
    try:
        back = yaml.load(yaml_text, Loader=UniqueKeyLoader)
        if catalog is None:
            check("YAML re-loads without duplicate keys", True)
        else:
            check("YAML re-loads without duplicate keys and equals the data", back == drop_empty(catalog))
    except yaml.YAMLError as e:
        check("YAML re-loads without duplicate keys", False, str(e))


def check_no_pua(check, yaml_text):
    """No private-use characters (the extraction's bullet glyphs) reached the catalog."""
    pua = sum(1 for ch in yaml_text if 0xE000 <= ord(ch) <= 0xF8FF)
    check("private-use characters in the YAML", pua == 0, str(pua))


def check_unique(check, label, ids):
    """IDs are unique: names the duplicates, or counts the IDs."""
    dup = sorted({i for i in ids if ids.count(i) > 1})
    check(label, not dup, ", ".join(dup) or str(len(ids)))


def check_fragments(check, tree, occurs, occurs_clean=None, noise=""):
    """The verbatim check: every line of every Japanese text below tree
    occurs in the seed (whitespace ignored).  occurs_clean: a second chance
    once the layout noise named by noise is removed from the seed; such
    fragments are listed, not failed."""
    bad, noise_only, total, total15 = [], [], 0, 0
    for path, text in walk_texts(tree):
        for frag in text.split("\n"):
            total += 1
            if len(squash(frag)) >= 15:
                total15 += 1
            if occurs(frag):
                continue
            if occurs_clean is not None and occurs_clean(frag):
                noise_only.append((path, frag))
            else:
                bad.append((path, frag))
    detail = "%d of %d (%d of them >= 15 characters)" % (total - len(bad), total, total15)
    if occurs_clean is not None:
        detail += "; %d only once layout noise (%s) is removed" % (len(noise_only), noise)
    check("Japanese text fragments found in the seed (spaces and newlines removed)", not bad, detail)
    for path, frag in bad[:10]:
        print("        missing:", path, frag[:60])
    for path, frag in noise_only:
        print("        after noise removal:", path, frag[:50])


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------


def arg_parser(doc, seed_name, catalog):
    """The options every converter has: --seed (default: the seed in the
    checkout, else in /work/shared) and --out (default: catalogs/<catalog>)."""
    default_seed = os.path.join(ROOT, seed_name)
    if not os.path.exists(default_seed):
        default_seed = os.path.join("/work/shared", seed_name)
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--seed", default=default_seed)
    ap.add_argument("--out", default=os.path.join(ROOT, "catalogs", catalog))
    return ap


def write_catalog(path, text):
    """Writes the catalog and says so (the first line of every converter's output)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s (%d bytes)" % (path, len(text.encode("utf-8"))))
