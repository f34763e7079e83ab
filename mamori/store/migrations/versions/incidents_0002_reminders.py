"""incident register: the reminders sent to the officers (one row per task, step and due day)

Revision ID: incidents_0002
Revises: incidents_0001
Create Date: 2026-12-07 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "incidents_0002"
down_revision = "incidents_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_reminders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["incident_tasks.id"],
            name=op.f("fk_incident_reminders_task_id_incident_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_reminders")),
        sa.UniqueConstraint("task_id", "step", "due", name="uq_incident_reminders_task_step_due"),
    )


def downgrade() -> None:
    op.drop_table("incident_reminders")
