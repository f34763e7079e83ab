"""Files mamori writes for people (masked copies, scan and training reports): whole or not at all, owner-only.

A report cut short by a full disk or an interrupt looks like a short, clean result; a masked copy cut short looks
like a masked copy. So every such file is written to a temporary file in the target's folder (same file system),
flushed to disk and renamed over the target; on any failure the temporary file is removed and the target is left
as it was. The file is created readable and writable by its owner only (0600): it describes or holds personal data.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole, or leave ``target`` untouched. Raises OSError (nothing left behind)."""
    fd, tmp = tempfile.mkstemp(prefix=".mamori-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
