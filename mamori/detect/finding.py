"""`Finding`: one piece of personal information found in a text.

The class is built in the core (``mamori._core.Finding``, ``core/src/python/finding.rs``), so that detection hands
back finished objects without running Python code per finding. It behaves as the dataclass it replaced did:
``Finding(type, start, end, score, recognizer, text="", subtype=None)``; fields ``type``, ``start``, ``end``
(code-point offsets into the text given to the detector, end exclusive), ``score``, ``recognizer``, ``text`` (the raw
value, kept out of ``repr``: a finding printed to a log shows only its ``masked`` rendering) and ``subtype``;
``masked``, ``length``, ``overlaps(other)`` and ``to_dict(raw=False)``; equal when every field is, unhashable,
picklable. It is frozen: make a new finding to change one.
"""

from __future__ import annotations

from mamori._core import Finding

__all__ = ["Finding"]
