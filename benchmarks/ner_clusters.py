"""Word clusters for the optional CRF name model, from GiNZA's chiVe word vectors (run in .venv-bench).

usage: .venv-bench/bin/python benchmarks/ner_clusters.py [--out mamori/detect/data/ner-clusters.tsv.gz] [--seed 1]

ja_ginza 5.3.0 (MIT) ships 300-dimensional word2vec vectors from chiVe (Works Applications, Apache-2.0), pruned to
20,000 rows with 480,443 words each mapped to its nearest row. A row is already a fine cluster of words used alike;
this script groups the rows once more with spherical k-means into 1,024 and then 64 clusters, and writes one line per
word that holds a kana or kanji character: ``word<TAB>row<TAB>c1024<TAB>c64`` (gzip). The CRF uses the three ids as
features of a token (``core/src/ner/``), so a name the training data never showed still looks like
the names it did show. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々〆ヶ]")


def kmeans(x: np.ndarray, k: int, seed: int, rounds: int = 25) -> tuple[np.ndarray, np.ndarray]:
    """Spherical k-means (rows of ``x`` are unit length): (centroids, assignment of each row)."""
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(rounds):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                m = members.sum(axis=0)
                c[j] = m / (np.linalg.norm(m) or 1.0)
            else:  # an empty cluster takes a random row
                c[j] = x[rng.integers(len(x))]
    return c, np.argmax(x @ c.T, axis=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "mamori" / "detect" / "data" / "ner-clusters.tsv.gz")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    import ja_ginza
    from spacy.vocab import Vocab

    base = Path(ja_ginza.__file__).parent
    vocab_dir = next(base.glob("ja_ginza-*/vocab"))
    vocab = Vocab().from_disk(vocab_dir)
    vectors = vocab.vectors
    x = np.asarray(vectors.data, dtype=np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    c1, a1 = kmeans(x, 1024, args.seed)
    _, a2 = kmeans(c1, 64, args.seed)
    rows = []
    for key, row in vectors.key2row.items():
        word = vocab.strings[key]
        if "\t" in word or "\n" in word or not _JA.search(word):
            continue
        rows.append((word, int(row)))
    rows.sort()
    with open(args.out, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as gz:
        gz.write("".join(f"{w}\t{r}\t{a1[r]}\t{a2[a1[r]]}\n" for w, r in rows).encode("utf-8"))
    size = args.out.stat().st_size
    print(f"{len(rows):,} words, {vectors.shape[0]:,} rows -> {args.out} ({size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
