"""The office's settings as pages, letters, reports and posters use them: what an admin saved
(the office_settings table) over the environment's values (bot/config.py), read once per
request (or CLI command) and kept in flask.g.

    from bot.settings import office_settings
    office_settings().office_name, office_settings().particle
"""

from __future__ import annotations

import io
import secrets
from pathlib import Path

from flask import current_app, g, has_app_context, url_for

from handlers.office import OfficeSettings

# The environment variable (bot/config.py; OFFICES_FILE per office) behind each setting.
CONFIG_DEFAULTS = {
    "office_name": "OFFICE_NAME",
    "office_type": "OFFICE_TYPE",
    "address": "OFFICE_ADDRESS",
    "phone": "OFFICE_PHONE",
    "public_base_url": "PUBLIC_BASE_URL",
    "particle": "OFFICE_PARTICLE",
    "map_tile_url": "MAP_TILE_URL",
    "map_tile_attribution": "MAP_TILE_ATTRIBUTION",
}
LOGO_TYPES = {"PNG": "png", "JPEG": "jpg"}
MAX_LOGO_BYTES = 2 * 1024 * 1024


def defaults() -> OfficeSettings:
    """The settings from the environment alone."""
    if not has_app_context():
        return OfficeSettings()
    cfg = current_app.config
    values = {k: str(cfg.get(name) or "") for k, name in CONFIG_DEFAULTS.items()}
    values["public_base_url"] = values["public_base_url"].rstrip("/")
    values["particle"] = values["particle"] or "ครับ"
    return OfficeSettings().with_values(values)


def office_settings() -> OfficeSettings:
    """The office's settings in force now (database over environment)."""
    if not has_app_context():
        return OfficeSettings()
    cached = g.get("office_settings")
    if isinstance(cached, OfficeSettings):
        return cached
    from bot.db import store
    from bot.db.office.store import stored_settings

    try:
        saved = stored_settings(store().session)
    except Exception:  # the table is missing before init-db: the environment's values stand
        store().rollback()
        saved = {}
    settings = defaults().with_values({k: v for k, v in saved.items() if v or k == "logo"})
    g.office_settings = settings
    return settings


def forget() -> None:
    """After a change: the rest of this request reads the new values."""
    g.pop("office_settings", None)


def public_url(endpoint: str, **values: object) -> str:
    """A citizen's address of a page (QR posters, receipts): the public base URL when set,
    else the address this request came in on."""
    base = office_settings().public_base_url
    if base:
        return f"{base}{url_for(endpoint, **values)}"  # type: ignore[arg-type]
    return url_for(endpoint, _external=True, **values)  # type: ignore[arg-type]


def logo_folder() -> Path:
    return Path(current_app.instance_path) / "office"


def store_logo(data: bytes) -> str:
    """Keep an uploaded logo (PNG or JPEG, checked by decoding it) and return its file name;
    ValueError (Thai) for anything else."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise ValueError("กรุณาเลือกไฟล์รูปตราสัญลักษณ์")
    if len(data) > MAX_LOGO_BYTES:
        raise ValueError("ไฟล์ตราสัญลักษณ์ใหญ่เกิน 2 MB")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValueError("ไฟล์ตราสัญลักษณ์ต้องเป็นรูปภาพ PNG หรือ JPEG") from None
    if kind not in LOGO_TYPES:
        raise ValueError("ไฟล์ตราสัญลักษณ์ต้องเป็นรูปภาพ PNG หรือ JPEG")
    name = f"logo-{secrets.token_hex(8)}.{LOGO_TYPES[kind]}"
    folder = logo_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return name
