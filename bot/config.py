"""Configuration from the environment; every value has an embedded default that runs locally."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handlers.classify import DEFAULT_MODEL_PATH


@dataclass(frozen=True)
class Deployment:
    """Where this process keeps its files and which office (of OFFICES_FILE) an app serves."""

    root: Path
    instance: Path
    office: str | None
    offices_file: str


def deployment(office: str | None = None) -> Deployment:
    # pythainlp reads this itself: it must never try to download corpora while serving.
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    root = Path(__file__).resolve().parents[1]
    return Deployment(
        root=root,
        instance=Path(os.environ.get("PRONGSAI_INSTANCE") or root / "instance"),
        office=office or os.environ.get("OFFICE") or None,
        offices_file=os.environ.get("OFFICES_FILE", ""),
    )


def from_env(instance_path: str) -> dict[str, Any]:
    inst = Path(instance_path)
    env = os.environ.get
    return {
        "DATABASE_URL": env("DATABASE_URL") or f"sqlite:///{inst / 'prongsai.db'}",
        "SECRET_KEY": env("SECRET_KEY") or _local_secret_key(inst),
        "ADMIN_PASSWORD": env("ADMIN_PASSWORD", ""),
        "OFFICES_FILE": env("OFFICES_FILE", ""),
        # Printed on reports and letters; one of several offices gets its own from OFFICES_FILE.
        "OFFICE_NAME": env("OFFICE_NAME", ""),
        "OFFICE_ADDRESS": env("OFFICE_ADDRESS", ""),
        # Defaults of the settings an admin can change in the app (bot/settings.py).
        "OFFICE_TYPE": env("OFFICE_TYPE", ""),
        "OFFICE_PHONE": env("OFFICE_PHONE", ""),
        # How the chat ends its sentences: ครับ or ค่ะ.
        "OFFICE_PARTICLE": env("OFFICE_PARTICLE") or "ครับ",
        # Sites allowed to show the public /ita pages in a frame (the office's own website),
        # space-separated origins such as https://www.example.go.th; none by default.
        "EMBED_ORIGINS": env("EMBED_ORIGINS", ""),
        # Where citizens reach the app (QR posters); behind a proxy the request's host is not it.
        "PUBLIC_BASE_URL": env("PUBLIC_BASE_URL", "").rstrip("/"),
        # Map tiles behind the admin complaint map (Leaflet's {s}/{z}/{x}/{y} placeholders) and
        # the credit the tile provider asks for, as plain text. Only admin map pages load them.
        "MAP_TILE_URL": env("MAP_TILE_URL", "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"),
        "MAP_TILE_ATTRIBUTION": env("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors"),
        # A shared Bearer token for GET /api/summary (admins can also issue personal ones).
        "API_TOKEN": env("API_TOKEN", ""),
        "LINE_CHANNEL_SECRET": env("LINE_CHANNEL_SECRET", ""),
        "LINE_CHANNEL_ACCESS_TOKEN": env("LINE_CHANNEL_ACCESS_TOKEN", ""),
        "LINE_API_HOST": env("LINE_API_HOST", "https://api.line.me"),
        "LINE_DATA_API_HOST": env("LINE_DATA_API_HOST", "https://api-data.line.me"),
        "LINE_TIMEOUT_SECONDS": float(env("LINE_TIMEOUT_SECONDS", "5")),
        # The free plan allows 300 push messages a month; stay under what the office pays for.
        "PUSH_MONTHLY_LIMIT": int(env("PUSH_MONTHLY_LIMIT", "300")),
        "SHEETS_BACKEND": env("SHEETS_BACKEND", "xlsx"),
        "SHEETS_XLSX_PATH": env("SHEETS_XLSX_PATH") or str(inst / "prongsai.xlsx"),
        "GOOGLE_SERVICE_ACCOUNT_FILE": env("GOOGLE_SERVICE_ACCOUNT_FILE", ""),
        "SPREADSHEET_KEY": env("SPREADSHEET_KEY", ""),
        # Google allows 60 write and 60 read requests a minute per user; stay within them.
        "SHEETS_WRITES_PER_MINUTE": int(env("SHEETS_WRITES_PER_MINUTE", "60")),
        "SHEETS_READS_PER_MINUTE": int(env("SHEETS_READS_PER_MINUTE", "60")),
        "SHEETS_QUOTA_WINDOW_SECONDS": float(env("SHEETS_QUOTA_WINDOW_SECONDS", "60")),
        "SHEETS_BATCH_ROWS": int(env("SHEETS_BATCH_ROWS", "500")),
        "SHEETS_TIMEOUT_SECONDS": float(env("SHEETS_TIMEOUT_SECONDS", "30")),
        "SHEETS_SYNC_SECONDS": float(env("SHEETS_SYNC_SECONDS", "5")),
        "SHEETS_PULL_SECONDS": float(env("SHEETS_PULL_SECONDS", "60")),
        "UPLOAD_FOLDER": env("UPLOAD_FOLDER") or str(inst / "uploads"),
        # Built by `make model`; without it categories are ranked by keywords only.
        "CLASSIFIER_MODEL": env("PRONGSAI_CLASSIFIER_MODEL") or str(DEFAULT_MODEL_PATH),
        "MAX_PHOTO_BYTES": int(env("MAX_PHOTO_BYTES", str(10 * 1024 * 1024))),
        # Whole request bodies: three photos plus the form.
        "MAX_CONTENT_LENGTH": int(env("MAX_CONTENT_LENGTH", str(32 * 1024 * 1024))),
        # One process does everything by default; larger deployments turn this off and run workers.
        "BACKGROUND_WORKERS": env("BACKGROUND_WORKERS", "1") not in ("0", "false", "no"),
        # How many reverse proxies (nginx…) stand in front of the app. Each one appends the
        # address it received from to X-Forwarded-For; the app trusts exactly that many entries,
        # so the per-address limits see the citizen. 0: the header is ignored (anyone can forge it).
        "TRUSTED_PROXIES": int(env("TRUSTED_PROXIES", "0")),
        # Per address; a village shares one address on mobile data, so stay generous.
        "RATE_LIMIT_FORMS": env("RATE_LIMIT_FORMS", "10/minute;60/hour"),
        # Tracking codes are short: slow down anyone trying them one after another.
        "RATE_LIMIT_TRACK": env("RATE_LIMIT_TRACK", "20/minute;200/hour"),
        # Public /ita evidence pages, per address.
        "RATE_LIMIT_EVIDENCE": env("RATE_LIMIT_EVIDENCE", "60/minute;600/hour"),
        # Web ratings one address may send a day (a village shares one address on mobile data).
        "RATINGS_PER_ADDRESS_DAILY": int(env("RATINGS_PER_ADDRESS_DAILY", "30")),
        # Messages one LINE user may send per minute before the bot asks them to slow down.
        "LINE_USER_MESSAGES_PER_MINUTE": int(env("LINE_USER_MESSAGES_PER_MINUTE", "30")),
        "PRIVACY_NOTICE_REQUIRED": env("PRIVACY_NOTICE_REQUIRED", "1") not in ("0", "false", "no"),
        # Closed cases lose their personal data after this many days (statistics stay).
        "PDPA_RETENTION_DAYS": int(env("PDPA_RETENTION_DAYS", "730")),
        # Hashing cost of new password and tracking/link-code hashes; stored hashes carry their
        # own parameters, so changing these never locks anyone out. Tests set cheap values.
        "PASSWORD_HASH_METHOD": env("PASSWORD_HASH_METHOD", "scrypt"),  # werkzeug's default
        "CODE_HASH_ITERATIONS": int(env("CODE_HASH_ITERATIONS", "60000")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env("SESSION_COOKIE_SECURE", "0") in ("1", "true", "yes"),
        "WTF_CSRF_TIME_LIMIT": None,
    }


def _local_secret_key(inst: Path) -> str:
    """A random key kept under instance/ so sessions survive restarts without configuration."""
    path = inst / "secret_key"
    if path.exists():
        return path.read_text().strip()
    inst.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key
