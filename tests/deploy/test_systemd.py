"""deploy/systemd/*.service and *.timer: valid for systemd (`systemd-analyze verify`), sandboxed, and a command mamori
accepts."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from mamori.cli import main

SYSTEMD = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
UNITS = sorted(SYSTEMD.glob("*.service"))
SANDBOX = (
    "NoNewPrivileges=yes",
    "ProtectSystem=strict",
    "ProtectHome=yes",
    "PrivateTmp=yes",
    "ReadWritePaths=/var/lib/mamori",
    "CapabilityBoundingSet=",
    "UMask=0077",
)


def _exec_start(unit: Path) -> list[str]:
    line = next(ln for ln in unit.read_text(encoding="utf-8").splitlines() if ln.startswith("ExecStart="))
    return shlex.split(line.removeprefix("ExecStart="))


def test_there_are_units_for_serve_for_a_gateway_alone_the_directory_sync_and_the_reminders() -> None:
    assert {u.name for u in UNITS} == {"mamori.service", "mamori-gateway.service", "mamori-users-sync.service",
                                       "mamori-incidents-remind.service", "mamori-training-remind.service"}
    assert [_exec_start(u)[1:3] for u in UNITS] == [["gateway", "--config"], ["incidents", "remind"],
                                                    ["training", "remind"], ["users", "sync"], ["serve", "--config"]]


def test_the_sync_timer_verifies_with_its_service(tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    assert tool, "systemd-analyze is needed (Debian package systemd; make test's system-deps installs it)"
    for name in ("mamori-users-sync.service", "mamori-users-sync.timer"):
        text = (SYSTEMD / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("/opt/mamori/venv/bin/mamori",
                                                  str(Path(sys.executable).with_name("mamori"))))
    timer = (SYSTEMD / "mamori-users-sync.timer").read_text(encoding="utf-8")
    assert "\nUnit=mamori-users-sync.service\n" in timer and "\nOnUnitActiveSec=1h\n" in timer
    run = subprocess.run([tool, "verify", "--man=no", str(tmp_path / "mamori-users-sync.timer")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr


@pytest.mark.parametrize(("kind", "at"), [("incidents", "08:30"), ("training", "09:00")])
def test_the_reminder_timers_verify_with_their_service(tmp_path: Path, kind: str, at: str) -> None:
    tool = shutil.which("systemd-analyze")
    assert tool, "systemd-analyze is needed (Debian package systemd; make test's system-deps installs it)"
    for name in (f"mamori-{kind}-remind.service", f"mamori-{kind}-remind.timer"):
        text = (SYSTEMD / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("/opt/mamori/venv/bin/mamori",
                                                  str(Path(sys.executable).with_name("mamori"))))
    timer = (SYSTEMD / f"mamori-{kind}-remind.timer").read_text(encoding="utf-8")
    assert f"\nUnit=mamori-{kind}-remind.service\n" in timer and "\nPersistent=true\n" in timer
    assert f"\nOnCalendar=*-*-* {at}:00\n" in timer  # once a day: each run sends only the reminders due
    run = subprocess.run([tool, "verify", "--man=no", str(tmp_path / f"mamori-{kind}-remind.timer")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_systemd_analyze_verify_is_clean(unit: Path, tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    assert tool, "systemd-analyze is needed (Debian package systemd; make test's system-deps installs it)"
    text = unit.read_text(encoding="utf-8")
    for rule in SANDBOX:
        assert f"\n{rule}\n" in text, rule
    # systemd checks that the program exists: point the unit at this venv's mamori
    copy = tmp_path / unit.name
    copy.write_text(text.replace("/opt/mamori/venv/bin/mamori", str(Path(sys.executable).with_name("mamori"))))
    run = subprocess.run([tool, "verify", "--man=no", str(copy)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_the_command_line_is_one_mamori_accepts(unit: Path, tmp_path: Path) -> None:
    config = tmp_path / "mamori.toml"
    config.write_text("", encoding="utf-8")
    args = [config.as_posix() if a == "/etc/mamori/mamori.toml" else a for a in _exec_start(unit)[1:]]
    command: click.Command | None = main
    # mamori users sync: down to the command (`mamori gateway --config ...` runs the group itself, which has
    # subcommands of its own: `mamori gateway accounts`)
    while isinstance(command, click.Group) and not (command.invoke_without_command and args[0].startswith("-")):
        name, args = args[0], args[1:]
        command = command.get_command(click.Context(command), name)
    assert command is not None
    with command.make_context(command.name or "", args) as ctx:  # raises on an unknown or malformed option
        assert Path(ctx.params["config"]) == config
