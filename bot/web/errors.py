"""Error pages in Thai: a citizen must always understand what happened and what to do."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: ("คำขอไม่ถูกต้อง", "กรุณากลับไปหน้าก่อนหน้าแล้วลองใหม่อีกครั้ง"),
    403: ("ไม่มีสิทธิ์เข้าถึง", "หน้านี้สำหรับผู้มีสิทธิ์เท่านั้น"),
    404: ("ไม่พบหน้าที่ต้องการ", "ตรวจสอบที่อยู่อีกครั้ง หรือกลับไปหน้าแรก"),
    405: ("ใช้งานหน้านี้ด้วยวิธีนี้ไม่ได้", "กรุณากลับไปหน้าแรก"),
    413: ("ไฟล์หรือข้อมูลมีขนาดใหญ่เกินไป", "กรุณาลดขนาดหรือจำนวนรูปภาพ แล้วส่งใหม่อีกครั้ง"),
    429: ("ส่งคำขอถี่เกินไป", "กรุณารอสักครู่แล้วลองใหม่อีกครั้ง"),
    500: ("ระบบขัดข้องชั่วคราว", "ข้อมูลที่ส่งสำเร็จแล้วไม่สูญหาย กรุณาลองใหม่อีกครั้งในภายหลัง"),
}


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(e: CSRFError) -> tuple[str, int]:
        return _page(400, "แบบฟอร์มหมดอายุ", "กรุณากดย้อนกลับ โหลดหน้าใหม่ แล้วส่งอีกครั้ง")

    @app.errorhandler(HTTPException)
    def _http(e: HTTPException) -> tuple[str, int] | HTTPException:
        code = e.code or 500
        if request.path.startswith(("/callback", "/api/", "/healthz")):
            return e  # machines get the plain answer
        title, advice = MESSAGES.get(code, (e.name, ""))
        return _page(code, title, advice)


def _page(code: int, title: str, advice: str) -> tuple[str, int]:
    return render_template("error.html", code=code, title=title, advice=advice), code
