"""dropped_rcpt and cancel_note: what a sender's or approver's decision changed in a held message

``dropped_rcpt`` lists the envelope recipients left out when a message was sent "without this recipient": delivery
removes them from the To/Cc headers too, so the others do not see an address that was never sent to. ``cancel_note``
is the short note of what to correct that the sender or an approver gave when cancelling (shown on the message's
page, mailed back to the sender). Existing rows get ``[]`` and ``""``: nothing dropped, no note.

Revision ID: mail_0005
Revises: mail_0004
Create Date: 2026-12-07 03:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'mail_0005'
down_revision = 'mail_0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dropped_rcpt', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('cancel_note', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('mail_messages', schema=None) as batch_op:
        batch_op.drop_column('cancel_note')
        batch_op.drop_column('dropped_rcpt')
