"""deploy/systemd/*.service: valid for systemd (`systemd-analyze verify`), sandboxed, and a command mamori accepts."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from mamori.cli import main

UNITS = sorted((Path(__file__).resolve().parents[2] / "deploy" / "systemd").glob("*.service"))
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


def test_there_are_units_for_serve_and_for_a_gateway_alone() -> None:
    assert {u.name for u in UNITS} == {"mamori.service", "mamori-gateway.service"}
    assert [_exec_start(u)[1] for u in UNITS] == ["gateway", "serve"]


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
    command = main.get_command(click.Context(main), args[0])
    assert command is not None
    with command.make_context(args[0], args[1:]) as ctx:  # raises on an unknown or malformed option
        assert Path(ctx.params["config"]) == config
