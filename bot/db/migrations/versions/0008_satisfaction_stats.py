"""satisfaction summary counters

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "satisfaction_stats",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("service_code", sa.String(length=30), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", "kind", "service_code", "score"),
    )
    from bot.db.satisfaction.counters import rebuild

    rebuild(op.get_bind())  # count the ratings already there


def downgrade() -> None:
    op.drop_table("satisfaction_stats")
