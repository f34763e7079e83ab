"""Scanning one file in-process: size and time limits, failures as error entries, batched detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from mamori.detect import Detector
from mamori.discovery import runner
from mamori.discovery.runner import ScanOptions, detect_units
from mamori.extract import CELL, Location, TextUnit


@pytest.fixture
def options(monkeypatch: pytest.MonkeyPatch, detector: Detector):
    def use(**kw: object) -> None:
        monkeypatch.setattr(runner, "_options", ScanOptions(**kw))  # type: ignore[arg-type]
        monkeypatch.setattr(runner, "_detector", detector)

    return use


def test_batched_detection_maps_findings_back_to_units(detector: Detector) -> None:
    units = [TextUnit(t, Location(row=i)) for i, t in enumerate(["山田太郎", "x", "電話 090-1234-5678", "none"])]
    pairs, done = detect_units(detector, units, "auto", float("inf"))
    assert done == 4
    by_text = {u.text: [(f.type, u.text[f.start : f.end]) for f in fs] for u, fs in pairs}
    assert by_text["山田太郎"] == [("PERSON", "山田太郎")]
    assert by_text["電話 090-1234-5678"] == [("PHONE", "090-1234-5678")]
    assert by_text["x"] == by_text["none"] == []


def test_a_directory_or_vanished_file_gives_an_error_entry(tmp_path: Path, options) -> None:
    options()
    r = runner.scan_file(str(tmp_path), 0)
    assert r.error and r.status == "error"
    r = runner.scan_file(str(tmp_path / "gone.txt"), 10)
    assert r.error == "No such file or directory"


def test_oversized_text_is_read_in_part_and_other_formats_not_at_all(tmp_path: Path, options) -> None:
    options(max_bytes=1024)
    big = tmp_path / "big.csv"
    big.write_text("氏名,電話番号\n" + "山田太郎,090-1234-5678\n" * 200, encoding="utf-8")
    r = runner.scan_file(str(big), big.stat().st_size)
    assert [i.code for i in r.issues] == ["truncated"] and 0 < r.records < 200
    z = tmp_path / "big.zip"
    z.write_bytes(b"PK" + b"\0" * 2000)
    r = runner.scan_file(str(z), z.stat().st_size)
    assert [i.code for i in r.issues] == ["too_large"] and r.findings == 0


def test_time_limit_gives_a_timeout_issue(tmp_path: Path, options) -> None:
    options(timeout=0.0001)
    f = tmp_path / "a.txt"
    f.write_text("山田太郎 090-1234-5678\n" * 2000, encoding="utf-8")
    r = runner.scan_file(str(f), f.stat().st_size)
    assert "timeout" in {i.code for i in r.issues}


def test_cells_are_read_after_their_header(detector: Detector) -> None:
    units = [TextUnit("1980年1月2日", Location(table=0, row=2, column=1, header="生年月日"), CELL)]
    pairs, _ = detect_units(detector, units, "auto", float("inf"))
    assert [(f.type, f.start, f.end) for f in pairs[0][1]] == [("DATE_OF_BIRTH", 0, 9)]


def test_the_file_name_is_inspected_too(tmp_path: Path, options) -> None:
    options()
    f = tmp_path / "山田太郎_履歴書.txt"
    f.write_text("特になし", encoding="utf-8")
    r = runner.scan_file(str(f), f.stat().st_size)
    assert r.counts == {"PERSON": 1} and r.records == 1


def test_a_dying_worker_costs_its_files_not_the_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import os

    from mamori.discovery.walker import WalkFile

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched reader reaches the workers only when they are forked")
    real = runner.extract

    def crashing(data: bytes, name: str, **kw: object):
        if name.startswith("crash"):
            os._exit(3)
        return real(data, name, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "extract", crashing)
    names = ["crash.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]
    for n in names:
        (tmp_path / n).write_text("電話 090-1234-5678", encoding="utf-8")
    files = [WalkFile(str(tmp_path / n), 10) for n in names]
    reports = {Path(r.path).name: r for r in runner.scan(files, ScanOptions(), workers=1)}
    assert sorted(reports) == sorted(names)
    assert reports["crash.txt"].error and "died" in reports["crash.txt"].error
    assert reports["f.txt"].complete and reports["f.txt"].counts == {"PHONE": 1}


def test_a_file_that_hangs_is_ended_by_the_hard_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import time

    from mamori.discovery.walker import WalkFile

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched reader reaches the workers only when they are forked")

    def hanging(data: bytes, name: str, **kw: object):
        while True:  # a reader stuck in a loop that never checks the time budget
            time.sleep(0.05)

    monkeypatch.setattr(runner, "extract", hanging)
    (tmp_path / "a.txt").write_text("x")
    [report] = runner.scan([WalkFile(str(tmp_path / "a.txt"), 1)], ScanOptions(timeout=0.2), workers=1)
    assert report.error is None and [i.code for i in report.issues] == ["timeout"]
