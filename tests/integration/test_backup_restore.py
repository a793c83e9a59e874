"""A backup taken while the app runs restores to exactly what was there."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from tests.support.cli import summary_total


def file_one(app: Flask, details: str) -> None:
    result = app.test_cli_runner().invoke(
        args=["chat"],
        input="\n".join(["ร้องเรียน", "ขยะ ความสะอาด", details, "ข้าม", "ข้าม", "ข้าม", "ยืนยัน"]),
    )
    assert "เลขที่เรื่อง" in result.output


def test_backup_then_restore(app: Flask, tmp_path: Path) -> None:
    runner = app.test_cli_runner()
    file_one(app, "ขยะล้นถังหน้าตลาด")
    file_one(app, "ขยะไม่มีคนเก็บซอยสาม")
    backup = tmp_path / "backups" / "prongsai.bak"
    r = runner.invoke(args=["backup", str(backup)])
    assert r.exit_code == 0, r.output
    file_one(app, "ขยะกองริมถนนใหญ่")
    assert summary_total(app) == 3

    refused = runner.invoke(args=["restore", str(backup)])
    assert refused.exit_code == 1 and "--yes" in refused.output
    assert summary_total(app) == 3

    r = runner.invoke(args=["restore", str(backup), "--yes"])
    assert r.exit_code == 0, r.output
    assert summary_total(app) == 2
    # Numbering continues from the restored state: no number is handed out twice.
    file_one(app, "ขยะล้นถังหน้าโรงเรียน")
    r = runner.invoke(args=["complaint", "set-status", "2570-000003", "in_progress"])
    assert r.exit_code == 0, r.output


def test_restore_refuses_a_file_that_is_not_a_backup(app: Flask, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    r = app.test_cli_runner().invoke(args=["restore", str(bogus), "--yes"])
    assert r.exit_code == 1 and "ไม่ใช่ไฟล์สำรอง" in r.output
