"""the gift register (No Gift Policy): gifts staff received and declarations of none

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gift_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("staff_name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("giver", sa.Text(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("estimated_value", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=80), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('gift', 'none')", name="ck_gift_reports_kind"),
        sa.CheckConstraint("estimated_value >= 0", name="ck_gift_reports_value"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_gift_reports_received_on", "gift_reports", ["received_on"])
    op.create_index("ix_gift_reports_period_start", "gift_reports", ["period_start"])
    op.create_index("ix_gift_reports_staff_id", "gift_reports", ["staff_id"])


def downgrade() -> None:
    op.drop_index("ix_gift_reports_staff_id", table_name="gift_reports")
    op.drop_index("ix_gift_reports_period_start", table_name="gift_reports")
    op.drop_index("ix_gift_reports_received_on", table_name="gift_reports")
    op.drop_table("gift_reports")
