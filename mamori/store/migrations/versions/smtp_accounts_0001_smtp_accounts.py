"""smtp accounts: who may submit to the gateway with SMTP AUTH (argon2id hashes, allowed senders)

Revision ID: smtp_accounts_0001
Revises:
Create Date: 2026-12-07 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'smtp_accounts_0001'
down_revision = None
branch_labels = ('smtp_accounts',)
depends_on = None


def upgrade() -> None:
    op.create_table('smtp_accounts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('senders', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=320), nullable=False),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_smtp_accounts')),
    sa.UniqueConstraint('name', name=op.f('uq_smtp_accounts_name'))
    )


def downgrade() -> None:
    op.drop_table('smtp_accounts')
