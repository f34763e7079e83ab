"""The audit entry of a notice made for an incident: who made which file for how many people, and when.

The letters and the people CSV carry names and addresses, so making them is recorded (``incident_notice``) like
every other act on the register; the entry holds the incident, the kind of file and the number of people, never a
name, an address or the company's words.
"""

from __future__ import annotations

from typing import Any

from mamori.store.audit import record

NOTICE_FILES = ("docx", "csv", "publication")


def audit_notice(db: Any, incident_id: int, actor: str, files: list[str], people: int) -> None:
    """Record that ``actor`` made the notice ``files`` (of :data:`NOTICE_FILES`) of ``incident_id`` for ``people``."""
    made = ", ".join(files)
    with db.session() as s:
        record(s, actor, "incident_notice", f"incident:{incident_id}",
               f"incident {incident_id}: notice ({made}) for {people} people", files=files, people=people)
