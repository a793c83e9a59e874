"""Photos a citizen attached to a form that came back with another field's error: already
checked and on disk, named in a signed hidden field so that the next post files them.

The signature means a post can only name photos this server saved for a form; the age limit
matches the orphan sweep, which removes any that no entry came to reference."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from bot.uploads.photos import ORPHAN_AGE_SECONDS, photo_path

SALT = "kept-photos"


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def sign_kept(names: list[str]) -> str:
    return _signer().dumps(names)


def kept_photos(token: str, folder: str) -> list[str]:
    """The photo names the token holds that are still on disk; [] for a bad or old token."""
    if not token:
        return []
    try:
        names = _signer().loads(token, max_age=ORPHAN_AGE_SECONDS)
    except BadSignature:
        return []
    if not isinstance(names, list):
        return []
    return [n for n in names if isinstance(n, str) and photo_path(folder, n).is_file()]
