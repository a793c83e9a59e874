"""draft measures from the ITA analysis, and the ITA items each measure answers

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measure_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("issue_no", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("unit", sa.String(length=300), nullable=False),
        sa.Column("period", sa.String(length=300), nullable=False),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["measure_id"], ["measures.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_measure_drafts_year", "measure_drafts", ["year", "issue_no", "id"])
    op.create_table(
        "measure_item_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("ita_year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["measure_id"], ["measures.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("measure_id", "code", name="uq_measure_item_links"),
    )
    op.create_index("ix_measure_item_links_measure_id", "measure_item_links", ["measure_id"])


def downgrade() -> None:
    op.drop_index("ix_measure_item_links_measure_id", table_name="measure_item_links")
    op.drop_table("measure_item_links")
    op.drop_index("ix_measure_drafts_year", table_name="measure_drafts")
    op.drop_table("measure_drafts")
