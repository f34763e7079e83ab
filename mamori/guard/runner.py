"""Judge .eml files with a policy, directory and history loaded once; a bad message yields an error, not a crash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mamori.guard.directory import Directory
from mamori.guard.engine import judge, message_from_eml
from mamori.guard.history import History
from mamori.guard.model import Message, Verdict
from mamori.guard.policy import Policy


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    verdict: Verdict | None = None
    message: Message | None = None
    error: str = ""


def check_file(path: str | Path, policy: Policy, directory: Directory, history: History, detector=None) -> Outcome:
    try:
        data = Path(path).read_bytes()
        message = message_from_eml(data, Path(path).name, detector)
    except (OSError, ValueError) as exc:
        return Outcome(str(path), error=f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # one broken message must not lose the others
        return Outcome(str(path), error=f"cannot read message ({type(exc).__name__})")
    try:
        return Outcome(str(path), judge(message, policy, directory, history), message)
    except Exception as exc:  # a bug in a check: report it for this message, go on with the next
        return Outcome(str(path), message=message, error=f"internal error while judging ({type(exc).__name__})")
