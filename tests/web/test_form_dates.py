"""day_field: blank is no day, a date is a day, anything else is flagged (never an exception)."""

from __future__ import annotations

from datetime import date

import pytest

from mamori.web.form_dates import day_field


@pytest.mark.parametrize(("value", "expected"), [
    ("", (None, False)), ("  ", (None, False)), (None, (None, False)),
    ("2026-12-07", (date(2026, 12, 7), False)), (" 2026-12-07 ", (date(2026, 12, 7), False)),
    ("２０２６-１２-０７", (date(2026, 12, 7), False)),
    ("yesterday", (None, True)), ("2026-02-30", (None, True)), ("2026/12/07", (None, True)),
])
def test_day_field(value: object, expected: tuple[date | None, bool]) -> None:
    assert day_field(value) == expected
