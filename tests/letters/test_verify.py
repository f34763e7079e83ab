"""Envelopes from a batch of scanned marks (pure): each collation mistake reported with its code, a correct batch ok."""

from __future__ import annotations

import random

from mamori.letters.marks import Manifest, ManifestLetter, Mark
from mamori.letters.scans import Scan
from mamori.letters.verify import VerifyResult, to_json, verify

RUN = Manifest(b"\x0a\x0b\x0c\x0d", b"s" * 16, "RUN.pdf",
               tuple(ManifestLetter(k, tuple(range(3 * k - 2, 3 * k - 2 + n)), f"C{k}")
                     for k, n in ((1, 2), (2, 3), (3, 1), (4, 2))))  # fmt: skip
OTHER = Manifest(b"\x01\x01\x01\x01", b"t" * 16, "OTHER.pdf", RUN.letters)


def page(letter: int, number: int, manifest: Manifest = RUN) -> Scan:
    return Scan(f"scan-{letter}-{number}.png", (manifest.mark(manifest.letters[letter - 1], number),))


def batch(*pairs: tuple[int, int]) -> list[Scan]:
    return [page(k, n) for k, n in pairs]


IN_ORDER = [(1, 1), (1, 2), (2, 1), (2, 2), (2, 3), (3, 1), (4, 1), (4, 2)]


def codes(result: VerifyResult) -> dict[int | None, list[str]]:
    """Problem codes by the letter of their envelope (held envelopes only)."""
    out: dict[int | None, list[str]] = {}
    for e in result.envelopes:
        if e.problems:
            out.setdefault(e.letter, []).extend(p.code for p in e.problems)
    return out


def test_batch_in_order_is_ok_with_and_without_manifest() -> None:
    for manifest in (RUN, None):
        result = verify(batch(*IN_ORDER), manifest)
        assert result.ok and codes(result) == {} and result.missing == ()
        assert [e.letter for e in result.envelopes] == [1, 2, 3, 4]
        assert result.run == "0a0b0c0d"
    assert [e.recipient for e in verify(batch(*IN_ORDER), RUN).envelopes] == ["C1", "C2", "C3", "C4"]


def test_page_of_another_letter_in_an_envelope() -> None:
    # page 2 of letter 4 went in with letter 2 (between its pages), and is missing from letter 4
    result = verify(batch((1, 1), (1, 2), (2, 1), (4, 2), (2, 2), (2, 3), (3, 1), (4, 1)), RUN)
    assert codes(result) == {2: ["foreign_page"], 4: ["missing_page"]}
    foreign = result.envelopes[1].problems[0]
    assert (foreign.letter, foreign.page, foreign.scan) == (4, 2, "scan-4-2.png")
    assert "envelope 2" in result.envelopes[3].problems[0].detail  # where the page was seen


def test_swapped_last_pages_of_neighbours() -> None:
    result = verify(batch((1, 1), (2, 3), (2, 1), (2, 2), (1, 2), (3, 1), (4, 1), (4, 2)), RUN)
    assert sorted(codes(result)[1]) == ["foreign_page", "missing_page"]
    assert sorted(codes(result)[2]) == ["foreign_page", "missing_page"]
    assert not result.ok


def test_dropped_page_and_dropped_letter() -> None:
    result = verify(batch((1, 1), (2, 1), (2, 2), (2, 3), (4, 1), (4, 2)), RUN)
    assert codes(result) == {1: ["missing_page"]}
    assert result.missing == ((3, "C3"),)
    assert verify(batch((1, 1), (2, 1), (2, 2), (2, 3), (4, 1), (4, 2)), RUN, partial=True).missing == ()
    no_manifest = verify(batch((1, 1), (1, 2), (2, 1), (2, 2), (2, 3), (4, 1), (4, 2)))
    assert no_manifest.missing == ((3, None),)  # the marks say how many letters the run has


def test_doubled_page_and_doubled_letter() -> None:
    result = verify(batch(*IN_ORDER[:2], (1, 2), *IN_ORDER[2:]), RUN)
    assert codes(result) == {1: ["duplicate_page"]}
    result = verify(batch(*IN_ORDER, (3, 1)), RUN)
    assert codes(result) == {3: ["duplicate_letter"]}
    assert [e.letter for e in result.envelopes] == [1, 2, 3, 4, 3]


def test_unreadable_page_fails_closed() -> None:
    scans = batch(*IN_ORDER)
    scans[4] = Scan("blurred.jpg", (), "no control mark could be read", "管理マークが読めません")
    result = verify(scans, RUN)
    # the unreadable scan may be page 3 of letter 2, or anything else: page 3 is not confirmed either
    assert codes(result) == {2: ["unreadable_page", "missing_page"]}
    assert result.envelopes[1].problems[0].scan == "blurred.jpg" and not result.ok
    two = Scan("two.jpg", (scans[0].marks[0], scans[1].marks[0]), "2 marks on one picture", "1 枚に 2 個")
    assert "unreadable_page" in codes(verify([*scans[:2], two, *scans[2:]], RUN))[1]
    assert not verify([Scan("x.png", ())]).ok  # nothing readable at all


def test_pages_before_the_first_address_page_and_other_runs() -> None:
    result = verify(batch((1, 2), *IN_ORDER[:1], *IN_ORDER[2:]), RUN)
    assert result.envelopes[0].letter is None and codes(result)[None] == ["foreign_page"]
    assert codes(result)[1] == ["missing_page"]
    stranger = page(3, 1, OTHER)
    result = verify([*batch(*IN_ORDER[:5]), stranger, *batch(*IN_ORDER[5:])], RUN)
    assert codes(result) == {2: ["foreign_run"]}
    # without a manifest the run is the one most marks belong to
    assert codes(verify([*batch(*IN_ORDER[:5]), stranger, *batch(*IN_ORDER[5:])])) == {2: ["foreign_run"]}
    # a mark of this run id with another recipient hash (not made by this stamping)
    forged = Scan("forged.png", (Mark(RUN.run, 3, 4, 1, 1, b"\x00\x00\x00\x00"),))
    result = verify([*batch(*IN_ORDER[:5]), forged, *batch(*IN_ORDER[6:])], RUN)
    assert codes(result) == {2: ["foreign_run"]} and result.missing == ((3, "C3"),)


def test_random_collation_mistakes_are_all_caught() -> None:
    """Each mistake on a random batch (a page moved, dropped, doubled, two swapped) holds an envelope or leaves a
    letter without one; an unchanged batch is ok."""
    rng = random.Random(5)
    right = [s.marks[0] for s in batch(*IN_ORDER)]
    held = 0
    for _ in range(300):
        scans = batch(*IN_ORDER)
        kind = rng.choice(["move", "drop", "double", "swap"])
        i = rng.randrange(len(scans))
        if kind == "move":
            scans.insert(rng.randrange(len(scans)), scans.pop(i))
        elif kind == "drop":
            del scans[i]
        elif kind == "double":
            scans.insert(i, scans[i])
        else:
            j = rng.randrange(len(scans))
            scans[i], scans[j] = scans[j], scans[i]
        result = verify(scans, RUN)
        key = lambda m: (m.letter, m.page)  # noqa: E731
        same_pages = sorted(map(key, (s.marks[0] for s in scans))) == sorted(map(key, right))
        if same_pages and _page_one_first(scans):  # at most pages reordered inside their envelope
            assert result.ok, (kind, [s.name for s in scans])
        else:
            assert not result.ok, (kind, [s.name for s in scans])
            assert any(e.problems for e in result.envelopes) or result.missing
            held += 1
    assert held > 200  # most random changes are mistakes


def _page_one_first(scans: list[Scan]) -> bool:
    """Every letter's pages follow its page 1."""
    current = None
    for s in scans:
        m = s.marks[0]
        if m.page == 1:
            current = m.letter
        elif m.letter != current:
            return False
    return True


def test_json_shape() -> None:
    result = verify(batch((1, 1), (3, 1), (1, 2), (2, 1), (2, 2), (2, 3), (4, 1), (4, 2)), RUN)
    obj = to_json(result)
    assert obj["run"] == "0a0b0c0d" and obj["scans"] == 8
    env = obj["envelopes"][1]  # type: ignore[index]
    assert env["letter"] == 3 and env["action"] == "hold"
    assert env["pages"] == [{"scan": "scan-3-1.png", "letter": 3, "page": 1},
                            {"scan": "scan-1-2.png", "letter": 1, "page": 2}]  # fmt: skip
    assert [p["code"] for p in env["problems"]] == ["foreign_page"]
    assert obj["missing"] == []
