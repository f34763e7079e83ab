"""The check of stamped pages as they went into envelopes (pure): scans in order, envelopes and problems out.

The scans are the pages in the order they were fed, envelope after envelope. An envelope starts at page 1 of a
letter (its first page, the one with the address in the window); the pages after it, up to the next page 1, went
into the same envelope. In that envelope:

* a page of another letter is `foreign_page` (another customer's page in the envelope); a page before the first
  page 1 of the batch has no envelope and is `foreign_page` too;
* a page whose mark cannot be read is `unreadable_page` (fail closed: nobody knows whose page it is);
* a mark of another stamped run (another run id; with the manifest, also a recipient hash, letter count or page
  count that is not this run's) is `foreign_run`;
* the same page twice is `duplicate_page`; a page of the letter that is not in it is `missing_page` (saying where
  it was seen, if it was);
* a second envelope of a letter already seen is `duplicate_letter`.

Letters of the run with no envelope at all are ``missing`` (unless ``partial``: a batch that covers part of the run).
Without a manifest, the run is the one most marks belong to, and its letter and page counts are what the marks
say. The order of pages inside an envelope is not checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from mamori.letters.marks import Manifest, Mark, recipient_hash
from mamori.letters.scans import Scan

CODES = (
    "foreign_page",
    "missing_page",
    "duplicate_page",
    "duplicate_letter",
    "unreadable_page",
    "foreign_run",
)


@dataclass(frozen=True, slots=True)
class VerifyProblem:
    """One reason to hold an envelope: its code, the scan it is about ("" for a page not scanned), the letter and
    page the problem names (None: not known), and texts."""

    code: str
    scan: str
    letter: int | None
    page: int | None
    detail: str
    detail_ja: str


@dataclass(frozen=True, slots=True)
class Envelope:
    """One envelope as fed: index (from 1), its letter (None: pages before any page 1), the letter's recipient
    (with a manifest), the scans in it with the mark each was read as, and its problems."""

    index: int
    letter: int | None
    recipient: str | None
    scans: tuple[tuple[str, Mark | None], ...]
    problems: tuple[VerifyProblem, ...]

    @property
    def action(self) -> str:
        return "hold" if self.problems else "ok"


@dataclass(frozen=True, slots=True)
class VerifyResult:
    run: str | None
    envelopes: tuple[Envelope, ...]
    missing: tuple[tuple[int, str | None], ...]  # (letter, recipient) of letters with no envelope
    scans: int

    @property
    def ok(self) -> bool:
        return self.scans > 0 and not self.missing and all(e.action == "ok" for e in self.envelopes)


@dataclass
class _Run:
    """What the run is: its id, the number of letters, each letter's page count and recipient (when known)."""

    run: bytes | None
    letters: int
    pages: dict[int, int]
    recipients: dict[int, str | None] = field(default_factory=dict)
    hashes: dict[int, bytes] = field(default_factory=dict)

    def own(self, mark: Mark) -> bool:
        """``mark`` belongs to this run (not another stamping)."""
        if mark.run != self.run or mark.letters != self.letters or self.pages.get(mark.letter) != mark.pages:
            return False
        return not self.hashes or self.hashes.get(mark.letter) == mark.recipient


def _run_of(scans: list[Scan], manifest: Manifest | None) -> _Run:
    if manifest is not None:
        return _Run(
            manifest.run,
            len(manifest.letters),
            {m.index: len(m.pages) for m in manifest.letters},
            {m.index: m.recipient for m in manifest.letters},
            {m.index: recipient_hash(manifest.key, m.recipient) for m in manifest.letters},
        )
    marks = [m for s in scans for m in s.marks]
    if not marks:
        return _Run(None, 0, {})
    run = Counter(m.run for m in marks).most_common(1)[0][0]
    mine = [m for m in marks if m.run == run]
    letters = Counter(m.letters for m in mine).most_common(1)[0][0]
    pages: dict[int, Counter[int]] = {}
    for m in mine:
        pages.setdefault(m.letter, Counter())[m.pages] += 1
    return _Run(run, letters, {k: c.most_common(1)[0][0] for k, c in pages.items()})


def verify(scans: Iterable[Scan], manifest: Manifest | None = None, partial: bool = False) -> VerifyResult:
    """The envelopes of the batch ``scans`` (in the order fed) with their problems (see the module doc)."""
    batch = list(scans)
    run = _run_of(batch, manifest)
    groups: list[list[Scan]] = []
    for scan in batch:
        mark = scan.marks[0] if len(scan.marks) == 1 else None
        if (mark is not None and run.own(mark) and mark.page == 1) or not groups:
            groups.append([])
        groups[-1].append(scan)
    seen_at: dict[tuple[int, int], list[int]] = {}  # (letter, page) -> envelopes holding it
    heads: list[int | None] = []
    for k, group in enumerate(groups, start=1):
        head = _readable(group[0], run)
        heads.append(head.letter if head is not None and head.page == 1 else None)
        for scan in group:
            mark = _readable(scan, run)
            if mark is not None:
                seen_at.setdefault((mark.letter, mark.page), []).append(k)
    envelopes: list[Envelope] = []
    first_envelope: dict[int, int] = {}
    for k, (group, letter) in enumerate(zip(groups, heads, strict=True), start=1):
        problems = _problems(k, group, letter, run, seen_at, first_envelope)
        if letter is not None:
            first_envelope.setdefault(letter, k)
        recipient = run.recipients.get(letter) if letter is not None else None
        listed = tuple((s.name, s.marks[0] if len(s.marks) == 1 else None) for s in group)
        envelopes.append(Envelope(k, letter, recipient, listed, tuple(problems)))
    missing: tuple[tuple[int, str | None], ...] = ()
    if not partial:
        missing = tuple(
            (n, run.recipients.get(n)) for n in range(1, run.letters + 1) if n not in first_envelope
        )
    return VerifyResult(run.run.hex() if run.run else None, tuple(envelopes), missing, len(batch))


def _readable(scan: Scan, run: _Run) -> Mark | None:
    """The scan's mark when it has exactly one and it is of this run."""
    return scan.marks[0] if len(scan.marks) == 1 and run.own(scan.marks[0]) else None


def _problems(
    k: int,
    group: list[Scan],
    letter: int | None,
    run: _Run,
    seen_at: dict[tuple[int, int], list[int]],
    first_envelope: dict[int, int],
) -> list[VerifyProblem]:
    out: list[VerifyProblem] = []
    if letter is not None and letter in first_envelope:
        first = first_envelope[letter]
        out.append(
            VerifyProblem(
                "duplicate_letter",
                group[0].name,
                letter,
                1,
                f"letter {letter} is already in envelope {first}: this is a second envelope of it",
                f"{letter} 通目は {first} 番目の封筒にもあります（同じ封書が二通）",
            )
        )
    present: set[int] = set()
    for scan in group:
        if len(scan.marks) != 1:
            out.append(
                VerifyProblem(
                    "unreadable_page",
                    scan.name,
                    None,
                    None,
                    f"{scan.name}: {scan.note}; check the page by eye and scan it again",
                    f"{scan.name}: {scan.note_ja}。目で確かめ、読み取り直してください",
                )
            )
            continue
        mark = scan.marks[0]
        if not run.own(mark):
            out.append(
                VerifyProblem(
                    "foreign_run",
                    scan.name,
                    mark.letter,
                    mark.page,
                    f"{scan.name}: a mark of another stamped run ({mark.run_id}, letter {mark.label}), not of "
                    f"{run.run.hex() if run.run else '?'}: a page of another mailing",
                    f"{scan.name}: 別の回の管理マーク（{mark.run_id}、{mark.label}）です。他の発送分のページです",
                )
            )
        elif letter is None:
            out.append(
                VerifyProblem(
                    "foreign_page",
                    scan.name,
                    mark.letter,
                    mark.page,
                    f"{scan.name}: page {mark.page}/{mark.pages} of letter {mark.letter} comes before the first "
                    "address page (page 1 of a letter): it is in no envelope",
                    f"{scan.name}: {mark.letter} 通目の {mark.page}/{mark.pages} ページが、最初の宛名ページ"
                    "（1 ページ目）より前にあります（どの封筒にも入りません）",
                )
            )
        elif mark.letter != letter:
            out.append(
                VerifyProblem(
                    "foreign_page",
                    scan.name,
                    mark.letter,
                    mark.page,
                    f"{scan.name}: page {mark.page}/{mark.pages} of letter {mark.letter} in the envelope of letter "
                    f"{letter}",
                    f"{scan.name}: {letter} 通目の封筒に {mark.letter} 通目の {mark.page}/{mark.pages} ページが"
                    "入っています",
                )
            )
        elif mark.page in present:
            out.append(
                VerifyProblem(
                    "duplicate_page",
                    scan.name,
                    letter,
                    mark.page,
                    f"{scan.name}: page {mark.page}/{mark.pages} of letter {letter} a second time",
                    f"{scan.name}: {letter} 通目の {mark.page}/{mark.pages} ページが二枚あります",
                )
            )
        else:
            present.add(mark.page)
    if letter is not None:
        for page in range(1, run.pages.get(letter, 0) + 1):
            if page in present:
                continue
            elsewhere = [e for e in seen_at.get((letter, page), []) if e != k]
            at_en = f" (it is in envelope {elsewhere[0]})" if elsewhere else ""
            at_ja = f"（{elsewhere[0]} 番目の封筒にあります）" if elsewhere else ""
            out.append(
                VerifyProblem(
                    "missing_page",
                    "",
                    letter,
                    page,
                    f"page {page}/{run.pages[letter]} of letter {letter} is not in its envelope{at_en}",
                    f"{letter} 通目の {page}/{run.pages[letter]} ページが封筒に入っていません{at_ja}",
                )
            )
    return out


def to_json(result: VerifyResult) -> dict[str, object]:
    """The verdict as one JSON object (docs/letters.md, ``mamori letters verify``)."""
    return {
        "run": result.run,
        "scans": result.scans,
        "envelopes": [
            {
                "index": e.index,
                "letter": e.letter,
                "recipient": e.recipient,
                "action": e.action,
                "pages": [
                    {"scan": name, "letter": m.letter if m else None, "page": m.page if m else None}
                    for name, m in e.scans
                ],
                "problems": [
                    {
                        "code": p.code,
                        "scan": p.scan or None,
                        "letter": p.letter,
                        "page": p.page,
                        "detail": p.detail,
                        "detail_ja": p.detail_ja,
                    }
                    for p in e.problems
                ],
            }
            for e in result.envelopes
        ],
        "missing": [{"letter": n, "recipient": r} for n, r in result.missing],
    }
