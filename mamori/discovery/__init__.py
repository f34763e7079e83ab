"""Discovery: scan file trees for personal information and report, per file, what is held and how much.

The pieces, one idea each: ``walker`` lists the files (with .gitignore-style exclusions), ``runner`` reads and
inspects them in parallel worker processes, ``inventory`` turns one file's extraction and findings into a
:class:`FileReport` (pure), ``formats`` and ``report_html`` render the results. Only masked values leave a worker.
"""

from __future__ import annotations

from mamori.discovery.inventory import FileReport, IssueEntry, ScanSummary, build_report, summarize

__all__ = ["FileReport", "IssueEntry", "ScanSummary", "build_report", "summarize"]
