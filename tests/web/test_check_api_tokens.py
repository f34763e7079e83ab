"""API tokens: stored as hashes, verified, revoked, listed (SQLite and PostgreSQL), and `mamori tokens` on the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from mamori.store import Database
from mamori.store.api_tokens import (
    ApiToken,
    TokenError,
    create_token,
    hash_token,
    list_tokens,
    revoke_token,
    verify_token,
)
from mamori.store.audit import AuditEntry


def test_token_lifecycle(database_url):
    db = Database(database_url)
    db.migrate()
    info, token = create_token(db, "slack-bot", actor="cli:test")
    assert token.startswith("mmr_") and len(token) > 40 and info.active
    with db.session() as s:
        row = s.scalar(select(ApiToken))
        assert row.token_hash == hash_token(token) and token not in row.token_hash
        actions = [e.action for e in s.scalars(select(AuditEntry))]
    assert actions == ["api_token_create"]
    assert verify_token(db, token).name == "slack-bot"
    assert list_tokens(db)[0].last_used_at is not None
    for wrong in ("", token + "x", token[:-1], "mmr_" + "a" * 300, "トークン"):
        assert verify_token(db, wrong) is None
    with pytest.raises(TokenError):
        create_token(db, "slack-bot")  # one active token per name
    with pytest.raises(TokenError):
        create_token(db, "bad name!")
    revoke_token(db, "slack-bot", actor="cli:test")
    assert verify_token(db, token) is None
    with pytest.raises(TokenError):
        revoke_token(db, "slack-bot")
    _, again = create_token(db, "slack-bot")  # rotation: a new token under the same name
    assert verify_token(db, again).name == "slack-bot" and verify_token(db, token) is None
    assert [(t.name, t.active) for t in list_tokens(db)] == [("slack-bot", False), ("slack-bot", True)]
    db.dispose()


def test_tokens_cli(tmp_path):
    from mamori.cli import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    created = runner.invoke(main, ["tokens", "create", "crm", "--db", url])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip()
    assert token.startswith("mmr_") and "\n" not in token
    listed = runner.invoke(main, ["tokens", "list", "--json", "--db", url])
    assert listed.exit_code == 0 and token not in listed.output
    assert json.loads(listed.stdout.splitlines()[0])["name"] == "crm"
    assert runner.invoke(main, ["tokens", "create", "crm", "--db", url]).exit_code == 1
    assert runner.invoke(main, ["tokens", "revoke", "crm", "--db", url]).exit_code == 0
    assert runner.invoke(main, ["tokens", "revoke", "crm", "--db", url]).exit_code == 1
    db = Database(url)
    assert verify_token(db, token) is None
    db.dispose()
