"""One complaint per form, however often it is sent: a double tap on "ส่งเรื่อง", a tap
repeated on a slow network, or a form sent again shows the case already filed instead of
filing a second one.

Each rendered form carries a random key; the receipt of the complaint it filed is stored under
a token derived from that key and a secret of the browser's session, so only the browser that
sent the form can find that receipt again (another browser sending the same key files its own
complaint and learns nothing)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import current_app, request, session

FIELD = "form_key"
_OWNER = "form_owner"


def form_key() -> str:
    """The key the form was sent with, or a new one for a form about to be shown."""
    sent = request.form.get(FIELD, "")
    if isinstance(sent, str) and 0 < len(sent) <= 64:
        return sent
    return secrets.token_urlsafe(16)


def receipt_token(key: str) -> str:
    """The receipt token for a form key in this browser's session."""
    owner = session.get(_OWNER)
    if not isinstance(owner, str):
        owner = session[_OWNER] = secrets.token_urlsafe(16)
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, f"{owner}:{key}".encode(), hashlib.sha256).hexdigest()
