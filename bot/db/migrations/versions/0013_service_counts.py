"""monthly service counts (service statistics: people served per service and month)

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "service_counts",
        sa.Column("service_code", sa.String(length=30), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("count >= 0", name="ck_service_counts_count"),
        sa.ForeignKeyConstraint(["service_code"], ["services.code"]),
        sa.PrimaryKeyConstraint("service_code", "month"),
    )
    op.create_index("ix_service_counts_month", "service_counts", ["month"])


def downgrade() -> None:
    op.drop_index("ix_service_counts_month", table_name="service_counts")
    op.drop_table("service_counts")
