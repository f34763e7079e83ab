"""Word clusters and a proper-noun gazetteer: the lexical knowledge the optional CRF name model reads.

Both are read from ``data/`` and held by the core (``_core.CrfTagger``, from :func:`data_text`), which looks them up
for the features of detection and of training alike:

* ``ner-clusters.tsv.gz``: 419,913 words with three cluster ids each (the row of GiNZA's pruned chiVe vectors it
  maps to, and two coarser k-means groups of those rows), made by ``benchmarks/ner_clusters.py``. A word the
  training sentences never showed gets the features of the words it is used like.
* ``ner-gazetteer.tsv.gz``: 127,648 proper nouns of IPAdic with their kinds (O organisation, P person, L place,
  G other), made by ``benchmarks/ner_gazetteer.py``. Found in a text by one Aho-Corasick pass, overlaps included.

Licences are in ``data/NOTICE-ner.md``.
"""

from __future__ import annotations

import gzip
from importlib import resources

CLUSTERS_FILE = "data/ner-clusters.tsv.gz"
GAZETTEER_FILE = "data/ner-gazetteer.tsv.gz"


def data_text(name: str) -> str:
    """The whole text of one of the gzipped files (:data:`CLUSTERS_FILE`, :data:`GAZETTEER_FILE`): what the core's
    tagger (``_core.CrfTagger``) reads them from."""
    return gzip.decompress(resources.files("mamori.detect").joinpath(name).read_bytes()).decode("utf-8")
