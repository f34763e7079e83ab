"""Japanese line breaking in the terminal: a number and its counter stay on one line (「80 / 名分」 was the bug in
``mamori check --explain``'s table), closing punctuation never starts a line, an opening bracket never ends one."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from mamori.guard.model import Reason, Verdict
from mamori.guard.report import explain
from mamori.guard.runner import Outcome
from mamori.linebreak import NO_END, NO_START, Wrapped, units, wrap

DETAIL = "顧客一覧.xlsx に個人情報（住所、生年月日）が約 80 名分含まれています。"


def test_units_keep_a_number_with_its_counter() -> None:
    assert "80 名分" in units(DETAIL)
    assert "1,200円" in units("合計 1,200円です")
    assert "".join(units(DETAIL)) == DETAIL
    assert "所、" in units(DETAIL)  # 、 sticks to the character before it
    assert "（住" in units(DETAIL)  # （ to the one after it


@pytest.mark.parametrize("width", range(8, 40))
def test_wrap_never_splits_a_count_nor_breaks_before_closing_punctuation(width: int) -> None:
    lines = wrap(DETAIL, width)
    assert "".join(lines).replace(" ", "") == DETAIL.replace(" ", "")
    assert all(cell_len(line) <= width for line in lines)
    assert any("80 名分" in line for line in lines), lines
    assert not any(line[0] in NO_START for line in lines if line)
    assert not any(line[-1] in NO_END for line in lines if line)


def test_a_piece_wider_than_the_line_is_folded() -> None:
    assert wrap("a" * 10, 4) == ["aaaa", "aaaa", "aa"]


def _table_text(width: int, cell) -> str:  # type: ignore[no-untyped-def]
    console = Console(file=io.StringIO(), width=width, color_system=None)
    table = Table()
    table.add_column("内容")
    table.add_row(cell)
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_rich_alone_breaks_the_count_and_wrapped_does_not() -> None:
    plain = [_table_text(w, DETAIL) for w in range(20, 60)]
    assert any("80" in t and "80 名分" not in t for t in plain)  # the bug this fixes: Rich breaks at the space
    for w in range(20, 60):
        assert "80 名分" in _table_text(w, Wrapped(DETAIL))


def test_check_explain_keeps_80_meibun_together() -> None:
    reason = Reason("pii_in_attachment", "confirm", "x holds personal data.", DETAIL, ("山■",))
    outcome = Outcome("m.eml", Verdict.of([reason]))
    for width in (60, 80, 100, 120):
        console = Console(file=io.StringIO(), width=width, color_system=None)
        explain(outcome, console, "ja")
        out = console.file.getvalue()  # type: ignore[attr-defined]
        assert "80 名分" in out, out
        assert "pii_in_attachment" not in out and "個人情報が含まれています"[:4] in out
