"""claimed_by: which gateway instance holds a message's delivery lease

Two gateways may share one PostgreSQL database; each claim records the claiming instance's name, so a gateway
that starts again takes back only its own ``sending`` rows (and rows whose lease ran out), never those another
live gateway is delivering. Existing rows get ``""``: no instance (a ``sending`` row from before this revision was
claimed by the single gateway of that time, and any gateway that starts takes it back).

Revision ID: mail_0004
Revises: mail_0003
Create Date: 2026-12-07 01:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'mail_0004'
down_revision = 'mail_0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=128), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_column('claimed_by')
