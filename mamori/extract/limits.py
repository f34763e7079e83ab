"""Hard limits that bound the work done on one file, however hostile it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds for one call of ``extract``. Past any of them the result says "not fully inspected" and why."""

    max_bytes: int = 64 * 1024 * 1024  # size of any one file or member, before or after decompression
    max_total_bytes: int = 512 * 1024 * 1024  # everything decompressed in one call, all members together
    max_members: int = 2000  # archive members and attachments in one call, all levels together
    max_depth: int = 6  # containers inside containers (zip in zip, message in message)
    max_ratio: float = 100.0  # uncompressed / compressed size of one member ...
    ratio_floor: int = 1024 * 1024  # ... checked only for members that expand past this many bytes
    max_pages: int = 500  # PDF pages, slides
    # Table rows, per sheet or CSV file. Chosen so that a table at the limit is read in about half the scan's
    # 10 s limit on one core: the 20 MB customer list (5 columns) is read at ~89,000 rows/s through
    # `mamori scan` (195,175 rows in 2.2 s, taskset to one core, docs/benchmarks.md "Figures of 2026-12-06
    # (continued)"), so 5 s ≈ 445,000 rows, rounded down to 400,000 for wider rows and a busier machine. (Such a
    # file of this shape is ~41 MB: for a CSV the 32 MB file limit comes first.)
    max_rows: int = 400_000
    max_chars: int = 32 * 1024 * 1024  # characters of text kept in one call
    max_seconds: float = 30.0  # wall time for one call, checked between pages, members, rows
    sample_rows: int = 0  # 0: keep every row; n: keep n data rows per table (spread) and count the rest ("sampled")


DEFAULT_LIMITS = Limits()
