"""ITA scores per year and item, the office's analysis texts and its analysis settings

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ita_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("score >= 0 AND score <= 100", name="ck_ita_scores_range"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "code", name="uq_ita_scores_year_code"),
    )
    op.create_index("ix_ita_scores_year", "ita_scores", ["year"])
    op.create_table(
        "ita_analysis_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("issue", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("issue >= 0 AND issue <= 7", name="ck_ita_analysis_texts_issue"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "issue", name="uq_ita_analysis_texts_year_issue"),
    )
    op.create_table(
        "ita_analysis_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("ita_analysis_settings")
    op.drop_table("ita_analysis_texts")
    op.drop_index("ix_ita_scores_year", table_name="ita_scores")
    op.drop_table("ita_scores")
