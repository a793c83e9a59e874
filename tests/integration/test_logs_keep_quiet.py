"""Logs never carry secrets or citizens' personal data."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from flask import Flask

from tests.fakes.fake_line import FakeLine
from tests.support.line import (
    ACCESS_TOKEN,
    CHANNEL_SECRET,
    USER,
    line_config,
    say,
    text_event,
    webhook_body,
)

PHONE = "0861234567"
DETAILS = "บ้านนายสมปอง เลขที่ 99 น้ำประปาไม่ไหล"


def test_a_whole_complaint_leaves_no_personal_data_in_the_logs(
    make_app: Callable[..., Flask], line: FakeLine, caplog: pytest.LogCaptureFixture
) -> None:
    line.profiles[USER] = "สมปอง ใจงาม"
    app = make_app(**line_config(line), WTF_CSRF_ENABLED=False)
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    for text in ["ร้องเรียน", "น้ำประปา", DETAILS, "ข้าม", "ข้าม", PHONE, "ยืนยัน"]:
        say(app, text)
    # A forged request is logged, but not with what it carried.
    forged = webhook_body(text_event(PHONE))
    client.post("/callback", data=forged, headers={"X-Line-Signature": "forged"})
    client.post(
        "/complaint",
        data={
            "category": "road",
            "details": DETAILS,
            "phone": PHONE,
            "contact_name": "สมปอง ใจงาม",
            "privacy_ack": "y",
        },
    )
    runner = app.test_cli_runner()
    runner.invoke(args=["complaint", "set-status", "2570-000001", "in_progress", "--note", "ok"])
    ours = [r for r in caplog.records if not r.name.startswith("werkzeug")]
    text = "\n".join(r.getMessage() for r in ours)
    assert ours, "the test should have produced log lines to check"
    for secret in (PHONE, DETAILS, "สมปอง", USER, CHANNEL_SECRET, ACCESS_TOKEN):
        assert secret not in text, f"{secret!r} leaked into the logs"
