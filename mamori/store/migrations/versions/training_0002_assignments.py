"""training assignments: a course version given to a department for a year, with a due date

Revision ID: training_0002
Revises: training_0001
Create Date: 2026-12-07 06:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "training_0002"
down_revision = "training_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_assignments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("course_id", sa.String(length=100), nullable=False),
        sa.Column("course_version", sa.String(length=100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_assignments")),
        sa.UniqueConstraint("course_id", "year", "department", name="uq_training_assignments_course_year_department"),
    )


def downgrade() -> None:
    op.drop_table("training_assignments")
