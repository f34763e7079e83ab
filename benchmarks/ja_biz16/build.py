"""Build ja-biz16 dev.jsonl from the hand-written markup files (docs_*.txt) beside this file.

The markup, the checks and the counts: ``benchmarks/markup_corpus.py``. Stdlib only.
Usage: ``python benchmarks/ja_biz16/build.py`` (writes dev.jsonl beside it).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from markup_corpus import main

if __name__ == "__main__":
    sys.exit(main(Path(__file__).resolve().parent, "biz16"))
