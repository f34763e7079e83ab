"""submitter and header_from, retention redaction

A message's owner (``sender``) is now its submitter, the envelope sender; the From address moves to
``header_from``. Existing rows: ``header_from`` takes the old ``sender`` (it was the From address) and ``sender``
becomes the lower-cased envelope sender (mamori's own notices and bounces keep theirs). ``redacted_at`` records
when retention masked a finished message's subject and names.

Revision ID: mail_0003
Revises: mail_0002
Create Date: 2026-12-06 20:17:12.618071
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'mail_0003'
down_revision = 'mail_0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('header_from', sa.String(length=320), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('redacted_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE mail_messages SET header_from = sender")
    op.execute(
        "UPDATE mail_messages SET sender = LOWER(SUBSTR(mail_from, 1, 320)) WHERE action NOT IN ('notice', 'bounce')"
    )


def downgrade() -> None:
    op.execute("UPDATE mail_messages SET sender = header_from WHERE action NOT IN ('notice', 'bounce')")
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_column('redacted_at')
        batch_op.drop_column('header_from')
