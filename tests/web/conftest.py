"""Fixtures of the web app tests: a migrated store, the app, a client and a helper that logs in."""

from __future__ import annotations

import re
import shutil

import pytest
from fastapi.testclient import TestClient

from mamori.store import Database
from mamori.web.app import create_app
from mamori.web.settings import WebSettings
from tests.web import seed


@pytest.fixture(scope="session")
def _web_db_template(tmp_path_factory):
    """Migrated and seeded once (argon2 hashing is slow on purpose); each test gets a copy of the file."""
    path = tmp_path_factory.mktemp("web-template") / "web.db"
    db = Database(f"sqlite:///{path}")
    db.migrate()
    seed.users(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def web_db(tmp_path, _web_db_template):
    target = tmp_path / "web.db"
    shutil.copyfile(_web_db_template, target)
    db = Database(f"sqlite:///{target}")
    yield db
    db.dispose()


@pytest.fixture
def web_settings(tmp_path) -> WebSettings:
    return WebSettings(secret_key="test-secret-key-0123456789", data_dir=tmp_path)


@pytest.fixture
def app(web_settings, web_db):
    return create_app(web_settings, web_db, guard=None)


@pytest.fixture
def client(app):
    with TestClient(app, client=("192.0.2.10", 40000)) as c:
        yield c


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    m = CSRF.search(html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def login(client: TestClient, user: str, password: str = seed.PASSWORD) -> None:
    page = client.get("/login")
    r = client.post("/login", data={"login": user, "password": password, "csrf": csrf_of(page.text), "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
