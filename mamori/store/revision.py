"""Write a new migration for one part's tables: ``python -m mamori.store.revision PART "what changed"``.

Autogenerates against a throw-away SQLite database migrated to the current heads, comparing only the tables of
``mamori/store/PART.py``; the file lands in migrations/versions/ as ``PART_NNNN_<slug>.py`` on branch PART.
Read it before committing: autogenerate misses renames and server defaults.
"""

from __future__ import annotations

import importlib
import re
import sys
import tempfile
from pathlib import Path

from mamori.store.base import Base
from mamori.store.database import MIGRATIONS, Database, _alembic_config


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    part, message = argv
    module = importlib.import_module(f"mamori.store.{part}")
    tables = {t.name for t in Base.metadata.sorted_tables if t.name in vars(module).get("__tables__", ())} or {
        t.__tablename__ for t in vars(module).values() if isinstance(t, type) and hasattr(t, "__tablename__")
    }
    existing = sorted(p.name for p in (MIGRATIONS / "versions").glob(f"{part}_[0-9][0-9][0-9][0-9]_*.py"))
    number = int(existing[-1][len(part) + 1 : len(part) + 5]) + 1 if existing else 1
    rev = f"{part}_{number:04d}"
    slug = re.sub(r"[^a-z0-9]+", "_", message.lower()).strip("_")[:40]
    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'r.db'}")
        db.migrate()
        with db.engine.begin() as conn:
            cfg = _alembic_config(conn)
            cfg.attributes["only_tables"] = tables
            cfg.set_main_option("file_template", f"{rev}_{slug}")
            kwargs = {"head": f"{part}@head"} if existing else {"head": "base", "branch_label": part}
            command.revision(cfg, message, autogenerate=True, rev_id=rev, **kwargs)
        db.dispose()
    print(f"wrote migrations/versions/{rev}_{slug}.py for tables {sorted(tables)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
