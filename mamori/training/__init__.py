"""Staff training: courses as text files, a quiz, per-learner yearly records, reports, certificates and SCORM export.

Functional core: :mod:`course` (parse/validate), :mod:`chart`, :mod:`quiz`, :mod:`progress`. I/O shell:
:mod:`records` (database), :mod:`reports` (CSV/XLSX/PDF), :mod:`scorm` (zip), :mod:`pages` (HTML + FastAPI router),
:mod:`cli` (``mamori training ...``).
"""
