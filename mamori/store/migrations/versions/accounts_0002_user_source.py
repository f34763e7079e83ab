"""users.source: where an account comes from (local, csv, ldap)

A CSV import or a directory sync disables the accounts of its own source that its list no longer names; accounts
made by hand (every existing one) are ``local`` and are never disabled by either.

Revision ID: accounts_0002
Revises: accounts_0001
Create Date: 2026-12-07 01:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'accounts_0002'
down_revision = 'accounts_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=16), nullable=False, server_default='local'))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('source')
