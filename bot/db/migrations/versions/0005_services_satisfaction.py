"""services and satisfaction (issue 5)

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The default list a new office starts from (handlers/satisfaction/services.py at the time).
DEFAULTS = [
    ("reg", "งานทะเบียนราษฎร", "สำนักปลัด", 10),
    ("tax", "งานจัดเก็บภาษี", "กองคลัง", 20),
    ("build", "งานขออนุญาตก่อสร้าง", "กองช่าง", 30),
    ("welfare", "งานสวัสดิการเบี้ยยังชีพ", "สำนักปลัด", 40),
    ("water", "งานประปา", "กองช่าง", 50),
    ("waste", "งานจัดเก็บขยะมูลฝอย", "กองสาธารณสุขและสิ่งแวดล้อม", 60),
    ("health", "งานอนามัยและสาธารณสุข", "กองสาธารณสุขและสิ่งแวดล้อม", 70),
    ("disaster", "งานป้องกันและบรรเทาสาธารณภัย", "สำนักปลัด", 80),
    ("childcare", "งานศูนย์พัฒนาเด็กเล็ก", "กองการศึกษา", 90),
    ("info", "งานข้อมูลข่าวสารและประชาสัมพันธ์", "สำนักปลัด", 100),
]


def upgrade() -> None:
    services = op.create_table(
        "services",
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.bulk_insert(
        services,
        [
            {"code": c, "name": n, "unit": u, "active": True, "sort_order": o}
            for c, n, u, o in DEFAULTS
        ],
    )
    op.create_table(
        "satisfaction_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("service_code", sa.String(length=30), nullable=False),
        sa.Column("case_number", sa.String(length=20), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("gender", sa.String(length=30), nullable=False),
        sa.Column("age_band", sa.String(length=30), nullable=False),
        sa.Column("occupation", sa.String(length=60), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("respondent_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("satisfaction_responses") as batch:
        batch.create_index("ix_satisfaction_created", ["created_at"])
        batch.create_index(
            "ix_satisfaction_respondent", ["respondent_key", "service_code", "created_at"]
        )
        batch.create_index(batch.f("ix_satisfaction_responses_case_number"), ["case_number"])


def downgrade() -> None:
    op.drop_table("satisfaction_responses")
    op.drop_table("services")
