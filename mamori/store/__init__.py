"""The store: one database shared by the gateway, the web app and training (SQLAlchemy 2 + Alembic).

SQLite (WAL) by default, so ``mamori serve`` needs nothing else; PostgreSQL for deployments. Each part of
mamori keeps its tables in a module of its own here (``mail``, ``accounts``, ``training``) and its migrations
on an Alembic branch of the same name, so the parts evolve without stepping on each other.

>>> db = Database("sqlite:///var/mamori.db")
>>> db.migrate()
>>> with db.session() as s: ...
"""

from __future__ import annotations

from mamori.store.base import Base
from mamori.store.database import Database, StoreError, default_url

__all__ = ["Base", "Database", "StoreError", "default_url"]
