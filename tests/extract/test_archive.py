"""ZIP: members, Japanese names, encryption, bombs, nesting, member counts, and fuzzing."""

from __future__ import annotations

import time
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mamori.extract import Limits, extract
from tests.extract import builders


def codes(result) -> set[str]:
    return {i.code for i in result.issues}


def test_members_are_extracted_with_their_path() -> None:
    data = builders.zip_of({"docs/a.txt": "山田太郎 090-1234-5678".encode(), "b.csv": b"Name,Phone\nJohn,555-0100\n"})
    result = extract(data, "x.zip")
    assert result.format == "zip" and result.complete
    texts = {u.location.path: u.text for u in result.units if u.kind == "text"}
    assert texts[("docs/a.txt",)] == "山田太郎 090-1234-5678"
    cells = [u for u in result.units if u.kind == "cell"]
    assert {(c.location.path, c.location.header, c.text) for c in cells} == {
        (("b.csv",), "Name", "John"),
        (("b.csv",), "Phone", "555-0100"),
    }


def test_cp932_member_names_without_utf8_flag() -> None:
    data = builders.zip_of({"顧客名簿/一覧.csv": "氏名\n山田\n".encode("cp932")}, cp932_names=True)
    result = extract(data, "x.zip")
    assert result.complete
    assert ("顧客名簿/一覧.csv",) in {u.location.path for u in result.units}
    names = [u.text for u in result.units if u.kind == "name"]
    assert names == ["顧客名簿/一覧.csv"]


def test_encrypted_member_reported_not_read() -> None:
    result = extract(builders.encrypted_zip(), "e.zip")
    assert not result.complete
    assert codes(result) == {"encrypted"}
    assert result.issues[0].location.path == ("secret.txt",)
    assert not [u for u in result.units if u.kind == "text"]


def test_zip_bomb_of_one_gigabyte_is_refused_fast() -> None:
    bomb = builders.zip_bomb(1024)  # 1 GiB of zeros in about 1 MiB
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    start = time.process_time()
    result = extract(bomb, "bomb.zip")
    elapsed = time.process_time() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 60  # a hang guard: refusing the bomb takes milliseconds
    assert peak < 64 * 1024 * 1024
    assert not result.complete
    assert codes(result) & {"too_large", "ratio"}


def test_compression_ratio_limit() -> None:
    bomb = builders.zip_bomb(8)  # 8 MiB from about 8 KiB: ratio ~1000
    result = extract(bomb, "bomb.zip", limits=Limits(max_ratio=100, ratio_floor=1024 * 1024))
    assert codes(result) == {"ratio"}


def test_lying_declared_size_is_bounded() -> None:
    bomb = builders.zip_bomb(64, declared=1000)
    start = time.process_time()
    result = extract(bomb, "liar.zip")
    assert time.process_time() - start < 60  # hang guard
    assert not result.complete


def test_ten_level_nesting_stops_at_depth_limit() -> None:
    data = builders.nested_zip(10)
    start = time.process_time()
    result = extract(data, "nested.zip")
    assert time.process_time() - start < 60  # hang guard
    assert "depth" in codes(result)
    assert not [u for u in result.units if u.kind == "cell"]  # the CSV at the bottom was not reached


def test_nesting_within_limit_is_read_to_the_bottom() -> None:
    result = extract(builders.nested_zip(3), "nested.zip")
    assert result.complete
    cells = [u for u in result.units if u.kind == "cell"]
    assert cells[0].location.path == ("level2.zip", "level1.zip", "list.csv")
    assert cells[0].location.header == "氏名" and cells[0].text == "山田太郎"


def test_member_count_limit() -> None:
    data = builders.zip_of({f"f{i}.txt": b"x" for i in range(30)})
    result = extract(data, "many.zip", limits=Limits(max_members=10))
    assert codes(result) == {"members"}
    assert len([u for u in result.units if u.kind == "text"]) == 10


def test_total_bytes_limit() -> None:
    data = builders.zip_of({f"f{i}.txt": b"a" * 1000 for i in range(5)})
    result = extract(data, "many.zip", limits=Limits(max_total_bytes=2500))
    assert "too_large" in codes(result)


def test_truncated_zip_is_an_issue_not_a_crash() -> None:
    data = builders.zip_of({"a.txt": b"hello world" * 100})
    result = extract(data[: len(data) // 2], "broken.zip")
    assert result.format == "zip"
    assert codes(result) == {"corrupt"}


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_zip_never_raises(data: st.DataObject) -> None:
    base = bytearray(builders.zip_of({"a.txt": "山田 太郎".encode(), "b/c.csv": b"Name,Phone\nA,1\n"}))
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(base) - 1))
        base[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(base) // 2, len(base)))
    start = time.process_time()
    result = extract(bytes(base[:cut]), "fuzz.zip", limits=Limits(max_seconds=2))
    assert time.process_time() - start < 60  # hang guard
    assert isinstance(result.issues, tuple)
    # readers handle their own failures: the dispatcher's catch-all never fires
    assert not [i for i in result.issues if i.message.startswith(("could not read this", "unexpected failure"))]


@settings(max_examples=100, deadline=None, database=None)
@given(st.binary(max_size=2048))
def test_fuzz_random_bytes_as_zip(blob: bytes) -> None:
    result = extract(b"PK\x03\x04" + blob, "x.zip", limits=Limits(max_seconds=2))
    assert result.format in {"zip", "docx", "xlsx", "pptx"}
