"""The privacy notice (PDPA): shown before anything personal is collected, acknowledged once."""

from __future__ import annotations

# Bump when the notice changes materially: everyone is asked again.
VERSION = "2569-1"

SUMMARY = (
    "ประกาศความเป็นส่วนตัว: สำนักงานเก็บเฉพาะข้อมูลที่ท่านส่งมา (รายละเอียดเรื่อง รูปภาพ สถานที่ "
    "และช่องทางติดต่อหากท่านให้ไว้) เพื่อดำเนินการตามเรื่องของท่าน แจ้งผล และจัดทำสถิติที่ไม่ระบุตัวบุคคล "
    "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 เรื่องที่ปิดแล้วจะถูกลบข้อมูลส่วนบุคคลเมื่อพ้นระยะเวลา"
    "เก็บรักษา ท่านขอดูหรือขอลบข้อมูลของท่านได้ที่สำนักงาน การแจ้งเบาะแสทุจริตไม่ต้องระบุตัวตน"
)


def summary_for(office_name: str) -> str:
    """The summary naming the office itself rather than "สำนักงาน"."""
    return SUMMARY.replace("สำนักงาน", office_name) if office_name else SUMMARY
