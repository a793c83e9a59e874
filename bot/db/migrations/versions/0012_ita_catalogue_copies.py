"""an office's own copy of a year's ITA catalogue

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ita_catalogue_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("instrument", sa.String(length=3), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("window", sa.String(length=30), nullable=False),
        sa.Column("copied_from", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "code", name="uq_ita_catalogue_year_code"),
    )
    op.create_index("ix_ita_catalogue_items_year", "ita_catalogue_items", ["year"])


def downgrade() -> None:
    op.drop_index("ix_ita_catalogue_items_year", table_name="ita_catalogue_items")
    op.drop_table("ita_catalogue_items")
