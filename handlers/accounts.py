"""Who may manage which office account. The integrity officer alone sees corruption reports
and their reporters, so no admin may create, reset, change or grant that role: only an
integrity officer, or whoever holds the server's command line."""

from __future__ import annotations

INTEGRITY = "integrity"


def touches_integrity(account_role: str, new_role: str | None = None) -> bool:
    return INTEGRITY in (account_role, new_role)


def may_manage(actor_role: str, account_role: str, new_role: str | None = None) -> bool:
    """Whether `actor_role` may add, reset, edit or (de)activate an account that has
    `account_role` (and would have `new_role`) on the admin pages."""
    if touches_integrity(account_role, new_role):
        return actor_role == INTEGRITY
    return actor_role == "admin"


REFUSAL = (
    "บัญชีผู้รับผิดชอบเรื่องทุจริตเพิ่ม แก้ไข หรือตั้งรหัสผ่านได้โดยผู้รับผิดชอบเรื่องทุจริตเท่านั้น "
    "หรือโดยคำสั่ง flask --app bot users add --role integrity บนเครื่องแม่ข่าย"
)
