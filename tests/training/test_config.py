"""The [training] section of mamori.toml: defaults, values, errors that name the key."""

from __future__ import annotations

from datetime import datetime

import pytest

from mamori.training.config import TrainingConfigError, load_training_config, parse_training_config
from tests.training.conftest import SMALL_COURSE, write_course


def test_defaults_and_values(tmp_path) -> None:
    cfg = parse_training_config({})
    assert (cfg.pass_mark, cfg.year_start_month, cfg.organisation) == (None, 4, "")
    assert "pi-ch2" in cfg.load_courses()
    write_course(tmp_path / "small", SMALL_COURSE)
    toml = tmp_path / "mamori.toml"
    toml.write_text('[training]\npass_mark = 90\nyear_start_month = 1\norganisation = "株式会社テスト"\n'
                    'courses = ["small"]\n[web]\nlang = "ja"\n', encoding="utf-8")
    cfg = load_training_config(toml)
    kwargs = cfg.router_kwargs()
    assert list(kwargs["courses"]) == ["small"] and kwargs["pass_mark"] == 90
    assert kwargs["year_of"](datetime(2027, 2, 1)) == 2027 and kwargs["organisation"] == "株式会社テスト"


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ({"pass_mark": 0}, "training.pass_mark"),
        ({"pass_mark": True}, "training.pass_mark"),
        ({"year_start_month": 13}, "training.year_start_month"),
        ({"organisation": 1}, "training.organisation"),
        ({"courses": "x"}, "training.courses"),
        ({"colour": "red"}, "training.colour"),
    ],
)
def test_errors_name_the_key(section, key) -> None:
    with pytest.raises(TrainingConfigError, match=key.replace(".", r"\.")):
        parse_training_config({"training": section})


def test_a_broken_course_folder_is_named(tmp_path) -> None:
    cfg = parse_training_config({"training": {"courses": [str(tmp_path)]}})
    with pytest.raises(TrainingConfigError, match=r"training\.courses"):
        cfg.load_courses()
