"""smtp_account: the SMTP account that submitted a message with SMTP AUTH ("" when none did)

Rows from before this revision get ``""``: they came from an allowed client without AUTH.

Revision ID: mail_0007
Revises: mail_0006
Create Date: 2026-12-07 05:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'mail_0007'
down_revision = 'mail_0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('smtp_account', sa.String(length=64), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_column('smtp_account')
