"""The office's services that citizens rate, with a default list a new office starts from."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,29}$")


@dataclass
class Service:
    code: str  # short, stable, used in the QR link: /feedback?service=CODE
    name: str
    unit: str = ""
    active: bool = True
    order: int = 0


DEFAULT_SERVICES: tuple[Service, ...] = (
    Service("reg", "งานทะเบียนราษฎร", "สำนักปลัด", True, 10),
    Service("tax", "งานจัดเก็บภาษี", "กองคลัง", True, 20),
    Service("build", "งานขออนุญาตก่อสร้าง", "กองช่าง", True, 30),
    Service("welfare", "งานสวัสดิการเบี้ยยังชีพ", "สำนักปลัด", True, 40),
    Service("water", "งานประปา", "กองช่าง", True, 50),
    Service("waste", "งานจัดเก็บขยะมูลฝอย", "กองสาธารณสุขและสิ่งแวดล้อม", True, 60),
    Service("health", "งานอนามัยและสาธารณสุข", "กองสาธารณสุขและสิ่งแวดล้อม", True, 70),
    Service("disaster", "งานป้องกันและบรรเทาสาธารณภัย", "สำนักปลัด", True, 80),
    Service("childcare", "งานศูนย์พัฒนาเด็กเล็ก", "กองการศึกษา", True, 90),
    Service("info", "งานข้อมูลข่าวสารและประชาสัมพันธ์", "สำนักปลัด", True, 100),
)


def validate(service: Service) -> list[str]:
    """Problems with a service, in Thai; empty when it can be saved."""
    problems = []
    if not CODE_RE.match(service.code):
        problems.append(
            f"รหัสบริการ “{service.code}” ไม่ถูกต้อง: ใช้ a-z 0-9 - _ ไม่เกิน 30 ตัว ขึ้นต้นด้วยตัวอักษรหรือตัวเลข"
        )
    if not service.name.strip():
        problems.append("กรุณากรอกชื่อบริการ")
    elif len(service.name) > 200:
        problems.append("ชื่อบริการยาวเกิน 200 ตัวอักษร")
    if len(service.unit) > 100:
        problems.append("ชื่อหน่วยงานยาวเกิน 100 ตัวอักษร")
    return problems


def parse_csv(text: str) -> tuple[list[Service], list[str]]:
    """Services from a CSV with a header (code,name[,unit][,active]); Thai problems by line.

    Accepts the Thai headers an office is likely to type (รหัส, ชื่อบริการ, หน่วยงาน, ใช้งาน)
    and a UTF-8 byte-order mark (Excel writes one).
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    aliases = {
        "code": "code",
        "รหัส": "code",
        "name": "name",
        "ชื่อบริการ": "name",
        "ชื่อ": "name",
        "unit": "unit",
        "หน่วยงาน": "unit",
        "active": "active",
        "ใช้งาน": "active",
    }
    header = {h: aliases.get((h or "").strip().lower()) for h in reader.fieldnames or []}
    if "code" not in header.values() or "name" not in header.values():
        return [], ["ไฟล์ต้องมีหัวคอลัมน์ code และ name (หรือ รหัส และ ชื่อบริการ)"]
    services: list[Service] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line_no, row in enumerate(reader, start=2):
        values = {header[k]: (v or "").strip() for k, v in row.items() if header.get(k)}
        if not any(values.values()):
            continue
        active = values.get("active", "").lower() not in ("0", "no", "false", "ไม่", "ปิด")
        s = Service(
            code=values.get("code", "").lower(),
            name=values.get("name", ""),
            unit=values.get("unit", ""),
            active=active,
            order=(line_no - 1) * 10,
        )
        found = validate(s)
        if s.code in seen:
            found.append(f"รหัส {s.code} ซ้ำ")
        if found:
            problems.extend(f"บรรทัด {line_no}: {p}" for p in found)
            continue
        seen.add(s.code)
        services.append(s)
    return services, problems


def match(services: list[Service], text: str) -> Service | None:
    """The service a tapped quick reply, typed name or code refers to."""
    t = " ".join(text.split()).strip()
    if not t:
        return None
    for s in services:
        if t in (s.code, s.name) or t.lower() == s.code:
            return s
    # A label cut at LINE's 20 characters still names one service.
    hits = [s for s in services if len(t) >= 4 and s.name.startswith(t)]
    return hits[0] if len(hits) == 1 else None
