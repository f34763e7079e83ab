"""trace: the gateway's Received: line of each message, added on delivery (the stored bytes stay as received)

The line (``mamori.gateway.trace``) records from whom and when the gateway received the message, with its instance
marker, so a routing loop through the gateway can be seen and refused. Existing rows get ``""``: delivered as
before, without the line.

Revision ID: mail_0006
Revises: mail_0005
Create Date: 2026-12-07 04:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'mail_0006'
down_revision = 'mail_0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('trace', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_column('trace')
