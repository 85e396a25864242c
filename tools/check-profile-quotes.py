#!/usr/bin/env python3
"""Checks that every profile's description_ja (catalogs/profiles/*.yaml) is the
seed's text verbatim: each line, with white space removed, occurs in the seed
its `source` names (seed 000..004), with the seed's white space and line breaks
removed too (the seeds are PDF text, wrapped mid-word).

    tools/check-profile-quotes.py /path/to/seeds

Exit status 0 when every line is found, 1 otherwise. The seeds are not part of
the repository, so this is run by hand (the unit test tests/test_profile.c
checks the seed-002 profiles against the catalog's table 4-2 text instead)."""
import glob
import os
import re
import sys

import yaml


def squash(s):
    return re.sub(r"\s+", "", s)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    seeds = {os.path.basename(p)[:3]: p for p in glob.glob(os.path.join(sys.argv[1], "[0-9][0-9][0-9]_*.txt"))}
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    bad = 0
    for path in sorted(glob.glob(os.path.join(root, "catalogs/profiles/*.yaml"))):
        with open(path, encoding="utf-8") as f:
            profile = yaml.safe_load(f)
        m = re.match(r"seed (\d{3})", profile["source"])
        if not m or m.group(1) not in seeds:
            print(f"{path}: source names no seed file: {profile['source']}")
            bad += 1
            continue
        with open(seeds[m.group(1)], encoding="utf-8") as f:
            text = squash(f.read())
        for line in profile["description_ja"].split("\n"):
            ok = squash(line) in text
            bad += not ok
            print(f"{'ok     ' if ok else 'MISSING'} {profile['id']} (seed {m.group(1)}): {line}")
    sys.exit(1 if bad else 0)


main()
