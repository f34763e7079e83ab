"""`mamori store backup` / `restore` (issue 19): a round trip on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, select

from mamori.cli import main
from mamori.store import Database
from mamori.store.backup import kind_of_file
from mamori.store.mail import MailContent, MailMessage
from tests.web import seed


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _state(db: Database) -> tuple[list[tuple[str, str, str]], list[bytes]]:
    with db.session() as s:
        rows = [(m.id, m.subject, m.state) for m in s.scalars(select(MailMessage).order_by(MailMessage.id))]
        raw = [c.raw for c in s.scalars(select(MailContent).order_by(MailContent.message_id))]
    return rows, raw


def test_round_trip(database_url: str, tmp_path: Path) -> None:
    db = Database(database_url)
    db.migrate()
    seed.users(db)
    keep = seed.message(db, subject="見積書 山田様")
    seed.message(db, state="waiting", action="confirm")
    before = _state(db)
    out = tmp_path / "backups" / "mamori.bak"
    out.parent.mkdir()
    r = _run("store", "backup", str(out), "--db", database_url)
    assert r.exit_code == 0, r.output
    assert "mail_messages 2" in r.output and "users 4" in r.output and "山田" not in r.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it holds personal data
    assert kind_of_file(out) == database_url.split(":")[0].split("+")[0]
    assert not list(out.parent.glob(".*partial"))

    seed.message(db, subject="after the backup")  # the store moves on...
    with db.session() as s:
        s.execute(delete(MailContent).where(MailContent.message_id == keep))
        s.execute(delete(MailMessage).where(MailMessage.id == keep))
    assert _state(db) != before
    db.dispose()

    r = _run("store", "restore", str(out), "--db", database_url)
    assert r.exit_code == 2 and "--yes" in r.output  # never without being asked
    r = _run("store", "restore", str(out), "--yes", "--db", database_url)
    assert r.exit_code == 0, r.output
    db = Database(database_url)
    assert _state(db) == before  # ...and comes back as it was
    db.migrate()  # the restored store is at a revision mamori knows
    r = _run("store", "info", "--db", database_url)
    assert r.exit_code == 0 and "mail_messages 2" in r.output
    db.dispose()


def test_a_backup_goes_back_only_into_its_own_kind_and_a_damaged_one_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'mamori.db'}"
    db = Database(url)
    db.migrate()
    seed.message(db)
    before = _state(db)
    db.dispose()
    good = tmp_path / "good.bak"
    assert _run("store", "backup", str(good), "--db", url).exit_code == 0
    damaged = tmp_path / "damaged.bak"
    data = good.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])  # cut in half: still starts like an SQLite file
    r = _run("store", "restore", str(damaged), "--yes", "--db", url)
    assert r.exit_code == 2 and "mamori store restore:" in r.output
    other = tmp_path / "notes.txt"
    other.write_text("not a backup", encoding="utf-8")
    r = _run("store", "restore", str(other), "--yes", "--db", url)
    assert r.exit_code == 2 and "not a mamori backup" in r.output
    db = Database(url)
    assert _state(db) == before  # nothing was touched
    db.dispose()


def test_sqlite_backup_into_postgresql_is_refused(postgres_url: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'mamori.db'}"
    Database(url).migrate()
    backup = tmp_path / "sqlite.bak"
    assert _run("store", "backup", str(backup), "--db", url).exit_code == 0
    r = _run("store", "restore", str(backup), "--yes", "--db", postgres_url)
    assert r.exit_code == 2 and "restore into the kind it came from" in r.output


@pytest.mark.parametrize("missing", ["no-such.db"])
def test_backup_of_a_missing_sqlite_store_is_an_error(tmp_path: Path, missing: str) -> None:
    r = _run("store", "backup", str(tmp_path / "x.bak"), "--db", f"sqlite:///{tmp_path / missing}")
    assert r.exit_code == 2 and "no such database" in r.output and not (tmp_path / "x.bak").exists()
