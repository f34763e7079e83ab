"""Alembic environment: runs on the connection that ``Database.migrate`` hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

import mamori.store.models  # noqa: F401  (every table module registers on Base.metadata)
from mamori.store.base import Base, UTCDateTime

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through mamori.store.Database.migrate()")

only_tables = context.config.attributes.get("only_tables")  # set by mamori.store.revision for one part


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    if only_tables is None:
        return True
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return table is None or table.name in only_tables


def render_item(type_, obj, autogen_context):  # type: ignore[no-untyped-def]
    """Migrations spell the store's own column types in plain SQLAlchemy, so they never import mamori."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


context.configure(
    render_item=render_item,
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
