"""measures belong to a plan (integrity measures, operating plan, anti-corruption plan) and
may have a budget; numbers are unique within a plan and year

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every measure so far is an integrity measure (o42/o43): the server default says so.
    with op.batch_alter_table("measures") as batch_op:
        batch_op.add_column(
            sa.Column("plan", sa.String(length=20), nullable=False, server_default="integrity")
        )
        batch_op.add_column(sa.Column("budget", sa.Numeric(precision=14, scale=2), nullable=True))
        batch_op.drop_constraint("uq_measures_year_no", type_="unique")
        batch_op.create_unique_constraint("uq_measures_year_plan_no", ["fiscal_year", "plan", "no"])


def downgrade() -> None:
    # Items of the other plans would collide with the integrity measures' numbers, and
    # dropping them (with their staff's progress reports) is not a downgrade's decision.
    others = op.get_bind().scalar(
        sa.text("SELECT count(*) FROM measures WHERE plan <> 'integrity'")
    )
    if others:
        raise RuntimeError(
            f"{others} items of the operating or anti-corruption plan exist: remove them"
            " before downgrading below revision 0011"
        )
    with op.batch_alter_table("measures") as batch_op:
        batch_op.drop_constraint("uq_measures_year_plan_no", type_="unique")
        batch_op.create_unique_constraint("uq_measures_year_no", ["fiscal_year", "no"])
        batch_op.drop_column("budget")
        batch_op.drop_column("plan")
