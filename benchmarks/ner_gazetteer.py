"""Proper-noun gazetteer for the optional CRF name model, from IPAdic's noun lists (Debian's mecab-ipadic).

usage: python3 benchmarks/ner_gazetteer.py [--ipadic DIR] [--out mamori/detect/data/ner-gazetteer.tsv.gz]

IPAdic 2.7.0 (NAIST, BSD-3-Clause with the ICOT terms: see data/NOTICE-ner.md) tags proper nouns as 組織
(organisation), 人名 (person), 地域 (place) and 一般 (other: mountains, rivers, works...). This script writes one
line per surface of two characters or more, ``surface<TAB>tags`` with tags from O P L G (gzip). DIR is
/usr/share/mecab/dic/ipadic after ``apt-get install mecab-ipadic``, or the same folder of an unpacked .deb
(``apt-get download mecab-ipadic && dpkg-deb -x mecab-ipadic_*.deb /tmp/ipadic``). Deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FILES = {"Noun.org.csv": "O", "Noun.name.csv": "P", "Noun.place.csv": "L", "Noun.proper.csv": "G"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ipadic", type=Path, default=Path("/usr/share/mecab/dic/ipadic"))
    ap.add_argument("--out", type=Path, default=REPO / "mamori" / "detect" / "data" / "ner-gazetteer.tsv.gz")
    args = ap.parse_args()
    tags: dict[str, set[str]] = defaultdict(set)
    for name, tag in FILES.items():
        with open(args.ipadic / name, encoding="euc-jp", errors="strict") as f:
            for line in f:
                surface = unicodedata.normalize("NFKC", line.split(",", 1)[0])
                if len(surface) >= 2 and "\t" not in surface:
                    tags[surface].add(tag)
    with open(args.out, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as gz:
        gz.write("".join(f"{w}\t{''.join(sorted(tags[w]))}\n" for w in sorted(tags)).encode("utf-8"))
    print(f"{len(tags):,} surfaces -> {args.out} ({args.out.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
