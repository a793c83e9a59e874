"""index line events by user and time (the per-user rate limit reads it per event)

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_line_events_user_time", "line_events", ["user_id", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_line_events_user_time", table_name="line_events")
