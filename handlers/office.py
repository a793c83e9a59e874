"""The office's own settings (name, kind, address, voice…) and the rules for each value.

Values an admin saves are checked here, so the admin page and `flask settings set` refuse
the same things with the same Thai message."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from urllib.parse import urlsplit

OFFICE_TYPES = (
    "เทศบาลตำบล",
    "เทศบาลเมือง",
    "เทศบาลนคร",
    "องค์การบริหารส่วนตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "อื่น ๆ",
)
PARTICLES = ("ครับ", "ค่ะ")
# Hosts that only this machine can reach: a QR code pointing at them works for nobody else.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1", "::", ""})


@dataclass(frozen=True)
class OfficeSettings:
    """What the office says about itself on pages, letters, reports and posters."""

    office_name: str = ""
    office_type: str = ""
    address: str = ""
    phone: str = ""
    logo: str = ""  # the stored file's name; empty: no logo
    public_base_url: str = ""
    particle: str = "ครับ"
    integrity_officer_name: str = ""
    integrity_officer_contact: str = ""
    letter_prefix: str = ""  # "ชบ ๗๒๒๐๑/", printed after "ที่" on letters
    signer_name: str = ""
    signer_position: str = ""
    # The admin complaint map's tiles (Leaflet's {s}/{z}/{x}/{y} template) and their credit.
    map_tile_url: str = ""
    map_tile_attribution: str = ""

    @property
    def display_name(self) -> str:
        """The office's name, or a plain word when none is set yet."""
        return self.office_name or "หน่วยงาน"

    @property
    def public_url_problem(self) -> str:
        """Why a QR code or a link for citizens cannot work yet (Thai), or ""."""
        return public_url_problem(self.public_base_url)

    def with_values(self, values: dict[str, str]) -> OfficeSettings:
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in values.items() if k in known})


# key -> (Thai label, maximum length); logo is set by uploading a file, not by typing.
LABELS: dict[str, tuple[str, int]] = {
    "office_name": ("ชื่อหน่วยงาน", 200),
    "office_type": ("ประเภทหน่วยงาน", 60),
    "address": ("ที่อยู่", 400),
    "phone": ("โทรศัพท์", 60),
    "logo": ("ตราสัญลักษณ์", 100),
    "public_base_url": ("ที่อยู่เว็บไซต์สำหรับประชาชน", 200),
    "particle": ("คำลงท้าย", 4),
    "integrity_officer_name": ("ชื่อผู้รับผิดชอบเรื่องทุจริต", 200),
    "integrity_officer_contact": ("ช่องทางติดต่อผู้รับผิดชอบเรื่องทุจริต", 200),
    "letter_prefix": ("เลขที่หนังสือ (ส่วนหน้า)", 60),
    "signer_name": ("ชื่อผู้ลงนามหนังสือ", 200),
    "signer_position": ("ตำแหน่งผู้ลงนามหนังสือ", 200),
    "map_tile_url": ("ที่อยู่แผ่นภาพแผนที่", 300),
    "map_tile_attribution": ("ข้อความให้เครดิตแผนที่", 200),
}
KEYS = tuple(LABELS)
PHONE = re.compile(r"^[0-9๐-๙+\-\s,()/ต่อ.]*$")


def public_url_problem(url: str) -> str:
    if not url:
        return "ยังไม่ได้ตั้งที่อยู่เว็บไซต์สำหรับประชาชน (public_base_url) คิวอาร์โค้ดและลิงก์ที่พิมพ์ออกไปจะใช้งานไม่ได้"
    host = (urlsplit(url).hostname or "").lower()
    if host in LOCAL_HOSTS or host.startswith("127.") or host.endswith(".localhost"):
        return (
            f"ที่อยู่เว็บไซต์สำหรับประชาชน ({url}) ชี้มาที่เครื่องนี้เอง "
            "โทรศัพท์ของประชาชนเปิดไม่ได้ คิวอาร์โค้ดที่พิมพ์ออกไปจะใช้งานไม่ได้"
        )
    return ""


def _check_tile_url(label: str, url: str) -> None:
    """An https tile template with {z}, {x} and {y}, on a named host (a placeholder such as
    {s} may stand for its first labels): the map pages allow images from that host alone."""
    example = "เช่น https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    parts = urlsplit(url)
    try:
        host = parts.hostname or ""
        _ = parts.port  # a port that is not a number raises here
    except ValueError:
        host = ""
    if parts.scheme != "https" or not host or any(c in url for c in " '\"<>;"):
        raise ValueError(f"{label}ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https:// {example}")
    missing = [p for p in ("{z}", "{x}", "{y}") if p not in url]
    if missing:
        raise ValueError(f"{label}ต้องมี {' '.join(missing)} ในตำแหน่งของแผ่นภาพ {example}")
    labels = host.split(".")
    named = labels[max((i for i, x in enumerate(labels) if "{" in x or "}" in x), default=-1) + 1 :]
    if len(named) < 2 or not all(named):
        raise ValueError(f"{label}ต้องระบุชื่อเครื่องให้บริการแผนที่ {example}")


def clean(key: str, value: str) -> str:
    """The value to store for `key`; ValueError with a Thai message when it cannot be."""
    if key not in LABELS:
        raise ValueError(f"ไม่รู้จักการตั้งค่า “{key}” (ที่ตั้งได้: {', '.join(KEYS)})")
    label, limit = LABELS[key]
    text = " ".join(value.split()) if key != "address" else value.strip()
    if len(text) > limit:
        raise ValueError(f"{label}ยาวเกิน {limit} ตัวอักษร")
    if key == "office_type" and text and text not in OFFICE_TYPES:
        raise ValueError(f"{label}ต้องเป็นหนึ่งใน: {', '.join(OFFICE_TYPES)}")
    if key == "particle" and text not in PARTICLES:
        raise ValueError(f"{label}ต้องเป็น “ครับ” หรือ “ค่ะ”")
    if key == "phone" and not PHONE.match(text):
        raise ValueError(f"{label}ใช้ได้เฉพาะตัวเลข ขีด และวงเล็บ เช่น 038-123456")
    if key == "public_base_url" and text:
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{label}ต้องขึ้นต้นด้วย https:// เช่น https://prongsai.example.go.th")
        if parts.query or parts.fragment:
            raise ValueError(f"{label}ต้องไม่มีส่วน ? หรือ #")
        text = text.rstrip("/")
    if key == "map_tile_url" and text:
        _check_tile_url(label, text)
    if key == "logo" and text and not re.fullmatch(r"logo-[0-9a-f]{8,32}\.(png|jpg)", text):
        raise ValueError(f"{label}ต้องอัปโหลดเป็นไฟล์รูปภาพ")
    return text
