"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mamori.detect import Detector
from mamori.gateway.sink import Sink
from tests.loopback import free_port


@pytest.fixture(scope="session")
def detector() -> Detector:
    """One warm detector with every built-in recognizer, shared by the whole session."""
    return Detector()


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL server for this test worker, or a skip that says why there is none."""
    from tests.postgres import serve

    for server in serve():
        if server.why_not:
            pytest.skip(f"PostgreSQL not available: {server.why_not}")
        yield server


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The URL of a fresh, empty PostgreSQL database."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """Each store test runs on SQLite (a file in tmp_path) and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'mamori.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def sink(tmp_path: Path) -> Iterator[Sink]:
    """A next hop on the loopback that stores what it receives (``mamori.gateway.sink.Sink``)."""
    s = Sink("127.0.0.1", free_port(), tmp_path / "maildir")
    s.start_in_thread()
    yield s
    s.stop_in_thread()
