"""mamori (守り): keeps personal information from leaking out of an organisation."""

import os

# The core's allocator (mimalloc) reserves no large arena up front: with its default 1 GiB reserve it kept
# ~25 MB more resident for the same work (peak RSS of a loaded Detector 172 MB against 148 MB; issue 12's bound
# is 150). Read once when the core is loaded, which is below; a value the environment already sets is kept.
os.environ.setdefault("MIMALLOC_ARENA_RESERVE", "0")

from mamori.detect import Detector, Finding, Recognizer, detect, mask  # after the allocator's setting

__version__ = "0.1.0"

__all__ = ["Detector", "Finding", "Recognizer", "__version__", "detect", "mask"]
