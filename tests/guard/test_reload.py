"""``GuardReloader``: the guard's inputs follow mamori.toml and the contacts file when they are replaced; a file that
does not load is refused (the running inputs stay) and not tried again until it changes."""

from __future__ import annotations

from pathlib import Path

from mamori.guard.inputs import load_guard_inputs
from mamori.guard.reload import GuardReloader, stamp
from mamori.web.config_files import replace_file

TOML = '[organization]\ninternal_domains = ["ours.example"]\n\n[guard]\ncontacts = "contacts.csv"\n'
CONTACTS = "name,kana,email,organization\n佐藤 太郎,,t.sato@alpha.example,株式会社アルファ\n"


def _world(tmp_path: Path) -> tuple[Path, GuardReloader]:
    (tmp_path / "mamori.toml").write_text(TOML, encoding="utf-8")
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    guard = load_guard_inputs(tmp_path / "mamori.toml")
    return tmp_path, GuardReloader(guard, tmp_path / "mamori.toml")


def test_nothing_changed_nothing_loaded(tmp_path) -> None:
    _, reloader = _world(tmp_path)
    directory = reloader.guard.directory
    assert reloader.check() is False and reloader.guard.directory is directory


def test_replaced_files_are_loaded_in_place(tmp_path) -> None:
    folder, reloader = _world(tmp_path)
    guard = reloader.guard
    replace_file(folder / "contacts.csv", (CONTACTS + "加藤 四郎,,k.kato@delta.example,株式会社デルタ\n").encode())
    assert reloader.check() is True
    assert guard.directory.lookup("k.kato@delta.example").organization == "株式会社デルタ"
    replace_file(folder / "mamori.toml", (TOML + '\n[blocked]\nrecipients = ["*@delta.example"]\n').encode())
    assert reloader.check() is True and guard.policy.blocked_recipients == ("*@delta.example",)


def test_a_bad_file_is_refused_once_and_the_running_inputs_stay(tmp_path) -> None:
    folder, reloader = _world(tmp_path)
    guard = reloader.guard
    policy, directory = guard.policy, guard.directory
    replace_file(folder / "mamori.toml", TOML.replace('["ours.example"]', "[]").encode())
    assert reloader.check() is False
    assert "internal_domains" in reloader.last_error
    assert guard.policy is policy and guard.directory is directory
    assert reloader.check() is False and reloader._stamps[0] == stamp(folder / "mamori.toml")  # not tried again
    replace_file(folder / "mamori.toml", TOML.encode())  # corrected: loaded
    assert reloader.check() is True and reloader.last_error == ""


def test_a_new_contacts_path_in_the_policy_is_followed(tmp_path) -> None:
    folder, reloader = _world(tmp_path)
    (folder / "other.csv").write_text("name,email\n山田 次郎,j.yamada@gamma.example\n", encoding="utf-8")
    replace_file(folder / "mamori.toml", TOML.replace("contacts.csv", "other.csv").encode())
    assert reloader.check() is True
    assert reloader.guard.directory.lookup("j.yamada@gamma.example") is not None
    assert reloader.guard.directory.lookup("t.sato@alpha.example") is None
    assert reloader.contacts == folder / "other.csv"


def test_a_changed_history_file_is_added_to_the_running_history(tmp_path) -> None:
    folder, _ = _world(tmp_path)
    line = '{"date": "2026-01-01", "from": "s.nakamura@ours.example", "to": ["%s"]}\n'
    (folder / "history.jsonl").write_text(line % "t.sato@alpha.example", encoding="utf-8")
    replace_file(folder / "mamori.toml", (TOML + 'history = "history.jsonl"\n').encode())
    guard = load_guard_inputs(folder / "mamori.toml")
    reloader = GuardReloader(guard, folder / "mamori.toml")
    guard.history.add("s.nakamura@ours.example", ["m.ito@epsilon.example"])  # delivered since (the store's)
    assert not guard.history.known("s.nakamura@ours.example", "k.kato@delta.example")
    replace_file(folder / "history.jsonl", (line % "t.sato@alpha.example" + line % "k.kato@delta.example").encode())
    assert reloader.check() is True
    directory = guard.directory
    assert guard.history.known("s.nakamura@ours.example", "k.kato@delta.example")
    assert guard.history.known("s.nakamura@ours.example", "m.ito@epsilon.example")  # nothing delivered is lost
    replace_file(folder / "history.jsonl", b"not json\n")  # refused: the running history and the rest stay
    assert reloader.check() is False and "history line 1" in reloader.last_error
    assert guard.history.known("s.nakamura@ours.example", "k.kato@delta.example") and guard.directory is directory
    # a new history that arrives while the policy is refused is added once the policy is mended
    bad = TOML.replace('["ours.example"]', "[]") + 'history = "history.jsonl"\n'
    replace_file(folder / "mamori.toml", bad.encode())
    replace_file(folder / "history.jsonl", (line % "j.yamada@gamma.example").encode())
    assert reloader.check() is False and not guard.history.known("s.nakamura@ours.example", "j.yamada@gamma.example")
    replace_file(folder / "mamori.toml", (TOML + 'history = "history.jsonl"\n').encode())
    assert reloader.check() is True and guard.history.known("s.nakamura@ours.example", "j.yamada@gamma.example")
