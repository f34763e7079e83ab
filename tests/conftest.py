"""Shared fixtures."""

from __future__ import annotations

import pytest

from mamori.detect import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    """One warm detector with every built-in recognizer, shared by the whole session."""
    return Detector()
