"""The command line: chat, summary, status changes."""

from __future__ import annotations

import json

from flask import Flask


def test_chat_files_a_complaint_in_thai(app: Flask) -> None:
    script = "\n".join(
        [
            "ร้องเรียน",
            "ไฟฟ้าส่องสว่าง สายไฟ",
            "ไฟถนนดับหน้าวัดสามวันแล้ว",
            "ข้าม",
            "/location 16.54 102.10 หน้าวัดโคกสูง",
            "ใช้ชื่อ LINE",
            "ยืนยัน",
            "ติดตามเรื่อง",
            "/quit",
        ]
    )
    result = app.test_cli_runner().invoke(args=["chat", "--user", "somsri"], input=script)
    assert result.exit_code == 0, result.output
    assert "หน้าวัดโคกสูง" in result.output  # the summary before confirming
    assert "เลขที่เรื่อง: 25" in result.output
    assert "รับเรื่องแล้ว" in result.output  # listed under ติดตามเรื่อง


def test_summary_json_counts_this_fiscal_year(app: Flask) -> None:
    runner = app.test_cli_runner()
    for details in ["ไฟถนนดับหน้าวัด", "ไฟถนนดับซอยสาม"]:
        runner.invoke(
            args=["chat", "--user", "a"],
            input="\n".join(
                ["ร้องเรียน", "ไฟฟ้าส่องสว่าง สายไฟ", details, "ข้าม", "ข้าม", "ไม่ระบุตัวตน", "ยืนยัน"]
            ),
        )
    result = runner.invoke(args=["summary", "--json"])
    data = json.loads(result.output)
    assert data["complaints"]["total"] == 2
    assert data["complaints"]["by_status"] == {"received": 2}
    assert data["complaints"]["by_category"] == {"light": 2}
    assert data["complaints"]["corruption"] == 0


def test_set_status_rejects_bad_input_with_a_clear_message(app: Flask) -> None:
    runner = app.test_cli_runner()
    r = runner.invoke(args=["complaint", "set-status", "2570-000999", "resolved"])
    assert r.exit_code == 1 and "ไม่พบเรื่องเลขที่ 2570-000999" in r.output
    runner.invoke(
        args=["chat"],
        input="\n".join(
            ["ร้องเรียน", "ขยะ ความสะอาด", "ขยะล้นถังหน้าตลาด", "ข้าม", "ข้าม", "ข้าม", "ยืนยัน"]
        ),
    )
    r = runner.invoke(args=["complaint", "set-status", "2570-000001", "done"])
    assert r.exit_code == 1 and "ไม่ถูกต้อง" in r.output
    assert runner.invoke(args=["complaint", "set-status", "2570-000001", "resolved"]).exit_code == 0
    r = runner.invoke(args=["complaint", "set-status", "2570-000001", "in_progress"])
    assert r.exit_code == 1 and "เปลี่ยนสถานะ" in r.output
