"""the asset register, its loans, and the units' heads who approve them

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_assets_unit", "assets", ["unit"])
    op.create_table(
        "asset_loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("borrower_id", sa.Integer(), nullable=True),
        sa.Column("borrower_name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("approver", sa.String(length=200), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("returned_by", sa.String(length=200), nullable=False),
        sa.Column("return_note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('requested', 'approved', 'rejected', 'returned')",
            name="ck_asset_loans_status",
        ),
        sa.CheckConstraint("due_on >= start_on", name="ck_asset_loans_dates"),
        sa.ForeignKeyConstraint(["asset_id"], ["assets.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_asset_loans_start_on", "asset_loans", ["start_on"])
    op.create_index("ix_asset_loans_asset_status", "asset_loans", ["asset_id", "status"])
    op.create_index("ix_asset_loans_borrower_id", "asset_loans", ["borrower_id"])
    op.create_table(
        "unit_heads",
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("unit"),
    )


def downgrade() -> None:
    op.drop_table("unit_heads")
    op.drop_index("ix_asset_loans_borrower_id", table_name="asset_loans")
    op.drop_index("ix_asset_loans_asset_status", table_name="asset_loans")
    op.drop_index("ix_asset_loans_start_on", table_name="asset_loans")
    op.drop_table("asset_loans")
    op.drop_index("ix_assets_unit", table_name="assets")
    op.drop_table("assets")
