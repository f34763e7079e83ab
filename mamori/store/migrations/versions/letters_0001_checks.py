"""letters: the record of each check of a print run or FAX send list made on the web app

Revision ID: letters_0001
Revises:
Create Date: 2026-12-07 06:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "letters_0001"
down_revision = None
branch_labels = ("letters",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("run_name", sa.String(length=200), nullable=False),
        sa.Column("run_sha256", sa.String(length=64), nullable=False),
        sa.Column("list_sha256", sa.String(length=64), nullable=False),
        sa.Column("letters", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("held", sa.Integer(), nullable=False),
        sa.Column("confirm", sa.Integer(), nullable=False),
        sa.Column("missing", sa.Integer(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("result", sa.String(length=8), nullable=False),
        sa.Column("error", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_checks")),
    )
    with op.batch_alter_table("letter_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letter_checks_actor"), ["actor"], unique=False)
        batch_op.create_index(batch_op.f("ix_letter_checks_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("letter_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letter_checks_at"))
        batch_op.drop_index(batch_op.f("ix_letter_checks_actor"))
    op.drop_table("letter_checks")
