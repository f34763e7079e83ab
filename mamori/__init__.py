"""mamori (守り): keeps personal information from leaking out of an organisation."""

import os

# The core's allocator (mimalloc) commits its arenas on demand and returns freed pages at once. With its defaults a
# loaded Detector kept ~25 MB more resident (peak 172 MB against 145; issue 12's bound is 150); with no arena
# reserve instead, two threads contended on the OS and detect_many on 2 threads fell from 1.7x to 1.3x
# (docs/benchmarks.md, 2026-12-07). Read once when the core is loaded, below; values the environment sets are kept.
os.environ.setdefault("MIMALLOC_ARENA_EAGER_COMMIT", "0")
os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")

from mamori.detect import Detector, Finding, Recognizer, detect, mask  # after the allocator's setting

__version__ = "0.1.0"

__all__ = ["Detector", "Finding", "Recognizer", "__version__", "detect", "mask"]
