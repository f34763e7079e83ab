"""smtp auth failures: failed SMTP AUTHs per client address and per account, shared by every gateway of one database

Revision ID: smtp_accounts_0002
Revises: smtp_accounts_0001
Create Date: 2026-12-07 06:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'smtp_accounts_0002'
down_revision = 'smtp_accounts_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('smtp_auth_failures',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_smtp_auth_failures'))
    )


def downgrade() -> None:
    op.drop_table('smtp_auth_failures')
