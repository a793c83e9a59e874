"""login attempts counted per key (replacing single failures), a session version per user,
one-time receipts of web complaints

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Counted by one atomic upsert per key (bot/db/accounts/throttle.py); the old rows were
    # counted then inserted, which concurrent attempts slipped past. Old failures are dropped:
    # at worst a guesser starts again from zero once.
    op.create_table(
        "login_counters",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_login_counters_since", "login_counters", ["since"])
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_table("login_failures")
    # Raised to end every session of an account; sessions from before it are ended too
    # (their id has no version), so everyone logs in once after the upgrade.
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "filing_receipts",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("case_number", sa.String(length=20), nullable=False),
        sa.Column("sealed_code", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_filing_receipts_created_at", "filing_receipts", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_filing_receipts_created_at", table_name="filing_receipts")
    op.drop_table("filing_receipts")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("session_version")
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_failures_at", "login_failures", ["at"])
    op.drop_index("ix_login_counters_since", table_name="login_counters")
    op.drop_table("login_counters")
