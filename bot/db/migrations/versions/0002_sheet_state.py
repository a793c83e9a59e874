"""sheet_state: the spreadsheet sync's lease and last outcomes

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        'sheet_state',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('lease_holder', sa.String(length=120), nullable=True),
        sa.Column('lease_until', sa.DateTime(), nullable=True),
        sa.Column('epoch', sa.Integer(), nullable=False),
        sa.Column('last_success_at', sa.DateTime(), nullable=True),
        sa.Column('last_pull_at', sa.DateTime(), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=False),
        sa.Column('last_error_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    # The one row the lease is taken on; created here so no two processes race to insert it.
    op.bulk_insert(table, [{'id': 1, 'epoch': 0, 'last_error': ''}])


def downgrade() -> None:
    op.drop_table('sheet_state')
