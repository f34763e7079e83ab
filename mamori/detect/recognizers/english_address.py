"""English street ADDRESS, by rules and lexicons: the recognizer is in the Rust core
(``core/src/recognizers/english_address.rs``); this module keeps its slot in the built-in order."""

from __future__ import annotations

from mamori.detect.core_engine import core_recognizer

RECOGNIZERS = (core_recognizer("english_address"),)
