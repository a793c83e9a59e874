"""Calls to the LINE platform: reply (free), push (billed, counted), profile and photo content."""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    MessagingApiBlob,
    PushMessageRequest,
    ReplyMessageRequest,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.db.line.tables import LineUser, PushLog
from bot.line.render import to_messages
from bot.uploads.photos import save_photo
from handlers.clock import local
from handlers.conversations.messages import Reply

log = logging.getLogger(__name__)

LINE_USER_ID = re.compile(r"^U[0-9a-f]{32}$")


@dataclass
class LineSettings:
    access_token: str
    api_host: str
    data_api_host: str
    timeout: float
    push_monthly_limit: int
    upload_folder: str
    max_photo_bytes: int


class LineClient:
    def __init__(self, settings: LineSettings) -> None:
        self.s = settings
        self._api = ApiClient(
            Configuration(host=settings.api_host, access_token=settings.access_token)
        )
        self._data = ApiClient(
            Configuration(host=settings.data_api_host, access_token=settings.access_token)
        )
        self.messaging = MessagingApi(self._api)
        self.blob = MessagingApiBlob(self._data)

    def reply(self, reply_token: str, replies: list[Reply]) -> bool:
        if not replies:
            return True
        try:
            self.messaging.reply_message(
                ReplyMessageRequest(reply_token=reply_token, messages=to_messages(replies)),
                _request_timeout=self.s.timeout,
            )
            return True
        except Exception as e:  # the event is already processed and committed; log and move on
            log.warning("LINE reply failed: %s", type(e).__name__)
            return False

    def push(
        self, session: Session, user_id: str, replies: list[Reply], kind: str, now: datetime
    ) -> bool:
        """Push when the month's budget allows; every push is logged in push_log."""
        if not LINE_USER_ID.match(user_id) or self.pushes_left(session, now) <= 0:
            return False
        try:
            self.messaging.push_message(
                PushMessageRequest(to=user_id, messages=to_messages(replies)),
                x_line_retry_key=str(uuid.uuid4()),
                _request_timeout=self.s.timeout,
            )
        except Exception as e:
            log.warning("LINE push failed: %s", type(e).__name__)
            return False
        session.add(PushLog(line_user_id=user_id, kind=kind, sent_at=now))
        return True

    def pushes_left(self, session: Session, now: datetime) -> int:
        return self.s.push_monthly_limit - pushes_this_month(session, now)

    def display_name(self, session: Session, user_id: str, now: datetime) -> str:
        known = session.get(LineUser, user_id)
        if known is not None:
            return known.display_name
        try:
            name = self.messaging.get_profile(user_id, _request_timeout=self.s.timeout).display_name
        except Exception as e:
            log.info("LINE profile unavailable: %s", type(e).__name__)
            return ""
        session.merge(LineUser(user_id=user_id, display_name=name or "", fetched_at=now))
        session.commit()
        return name or ""

    def fetch_image(self, message_id: str) -> tuple[str | None, str | None]:
        """Save a photo a user sent; returns (relative path, None) or (None, Thai reason)."""
        try:
            content = bytes(
                self.blob.get_message_content(message_id, _request_timeout=self.s.timeout * 3)
            )
        except Exception as e:
            log.warning("LINE content download failed: %s", type(e).__name__)
            return None, "ดาวน์โหลดรูปไม่สำเร็จ"
        return save_photo(content, self.s.upload_folder, self.s.max_photo_bytes)

    def link_rich_menu(self, user_id: str, rich_menu_id: str) -> bool:
        """Show this user the given rich menu instead of the default; failures are logged."""
        try:
            self.messaging.link_rich_menu_id_to_user(
                user_id, rich_menu_id, _request_timeout=self.s.timeout
            )
            return True
        except Exception as e:
            log.warning("LINE rich menu link failed: %s", type(e).__name__)
            return False

    def unlink_rich_menu(self, user_id: str) -> bool:
        """Give this user the default (citizens') rich menu back; failures are logged."""
        try:
            self.messaging.unlink_rich_menu_id_from_user(user_id, _request_timeout=self.s.timeout)
            return True
        except Exception as e:
            log.warning("LINE rich menu unlink failed: %s", type(e).__name__)
            return False


def pushes_this_month(session: Session, now: datetime) -> int:
    start = local(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return (
        session.scalar(select(func.count()).select_from(PushLog).where(PushLog.sent_at >= start))
        or 0
    )
