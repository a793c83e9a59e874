"""per-channel counters of complaints and ratings

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_stats",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("entry", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", "entry", "channel"),
    )
    from bot.db.channel_stats import rebuild

    rebuild(op.get_bind())  # count the entries already there


def downgrade() -> None:
    op.drop_table("channel_stats")
