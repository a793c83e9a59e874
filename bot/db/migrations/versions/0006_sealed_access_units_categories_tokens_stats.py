"""admin: sealed-case access log, units, category overrides, API tokens, complaint statistics

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DEFAULT_UNITS = (
    "สำนักปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา",
    "กองสาธารณสุขและสิ่งแวดล้อม",
)


def upgrade() -> None:
    op.create_table(
        "sealed_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=20), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("what", sa.String(length=20), nullable=False),
        sa.Column("allowed", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sealed_access_case_number", "sealed_access", ["case_number"])
    units = op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.bulk_insert(
        units,
        [{"name": n, "active": True, "sort_order": i} for i, n in enumerate(DEFAULT_UNITS)],
    )
    op.create_table(
        "category_overrides",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("default_unit", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])

    with op.batch_alter_table("complaints") as batch:
        batch.add_column(sa.Column("month", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("resolve_days", sa.Integer(), nullable=True))
    _backfill()
    op.create_index("ix_complaints_fy_open", "complaints", ["fiscal_year", "status", "created_at"])
    # Counters the summary reads instead of scanning complaints (kept by ORM events).
    op.create_table(
        "complaint_stats",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("resolve_days", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", "status", "category", "month", "resolve_days"),
    )
    op.execute(
        "INSERT INTO complaint_stats (fiscal_year, status, category, month, resolve_days, n) "
        "SELECT fiscal_year, status, category, COALESCE(month, 0), COALESCE(resolve_days, -1), "
        "count(*) FROM complaints GROUP BY fiscal_year, status, category, "
        "COALESCE(month, 0), COALESCE(resolve_days, -1)"
    )


def _backfill() -> None:
    """Existing complaints get their Bangkok month and, when closed, closing time and days."""
    pg = op.get_bind().dialect.name == "postgresql"
    if pg:
        month = "CAST(to_char(created_at + interval '7 hours', 'YYYYMM') AS INTEGER)"
        days = (
            "(CAST(closed_at + interval '7 hours' AS date)"
            " - CAST(created_at + interval '7 hours' AS date))"
        )
    else:
        month = "CAST(strftime('%Y%m', created_at, '+7 hours') AS INTEGER)"
        days = (
            "CAST(julianday(date(closed_at, '+7 hours')) - julianday(date(created_at, '+7 hours'))"
            " AS INTEGER)"
        )
    op.execute(f"UPDATE complaints SET month = {month}")
    op.execute(
        "UPDATE complaints SET closed_at = (SELECT min(h.at) FROM complaint_history h "
        "WHERE h.complaint_id = complaints.id AND h.status IN ('resolved', 'rejected')) "
        "WHERE status IN ('resolved', 'rejected')"
    )
    op.execute(f"UPDATE complaints SET resolve_days = {days} WHERE closed_at IS NOT NULL")


def downgrade() -> None:
    op.drop_table("complaint_stats")
    op.drop_index("ix_complaints_fy_open", "complaints")
    with op.batch_alter_table("complaints") as batch:
        batch.drop_column("resolve_days")
        batch.drop_column("closed_at")
        batch.drop_column("month")
    op.drop_table("api_tokens")
    op.drop_table("category_overrides")
    op.drop_table("units")
    op.drop_index("ix_sealed_access_case_number", "sealed_access")
    op.drop_table("sealed_access")
