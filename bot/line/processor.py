"""Turns stored LINE events into conversation steps, each exactly once, then replies."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from flask import Flask
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    ImageMessageContent,
    LocationMessageContent,
    MessageEvent,
    PostbackEvent,
    StickerMessageContent,
    TextMessageContent,
)
from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session, aliased

from bot.db import new_session, write_lock
from bot.db.accounts.actors import resolve_actor
from bot.db.line.tables import LineEvent
from bot.db.office.categories import office_categories
from bot.db.store import SqlStore
from bot.line.client import LineClient
from bot.line.payload import UNICODE_PROBLEM, BadPayload, encodable, read_json, without_nul
from bot.line.richmenu import staff_menu_id
from bot.services import office_voice
from handlers.clock import utcnow
from handlers.conversations import engine
from handlers.conversations.messages import Inbound, Reply
from handlers.conversations.session import Context
from handlers.thai.normalize import strip_controls

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    """What an event needs from the network, fetched before its transaction opens."""

    inbound: Inbound | None
    reply_token: str | None
    skip_reason: str = ""
    # Set by the conversation step when the user became staff ("link") or stopped being ("unlink").
    menu_change: str = ""


ContextFactory = Callable[[SqlStore], Context]

YIELD_SECONDS = 0.05
# Past this age an event is processed at full speed whatever else is happening, well before
# its reply token (valid for about a minute) expires.
MAX_DEFER_SECONDS = 15.0


def _earlier_pending_of_same_user() -> Any:
    earlier = aliased(LineEvent)
    return (
        select(earlier.id)
        .where(
            earlier.user_id == LineEvent.user_id,
            earlier.status == "pending",
            earlier.id < LineEvent.id,
        )
        .exists()
    )


def _late(received_at: datetime) -> bool:
    return (utcnow() - received_at).total_seconds() > MAX_DEFER_SECONDS


class EventProcessor:
    def __init__(self, app: Flask, client: LineClient | None, context: ContextFactory) -> None:
        self.app = app
        self.client = client
        self.context = context

    def process_pending(self, limit: int = 100, yield_to: Callable[[], bool] | None = None) -> int:
        """Process stored events in arrival order; returns how many were handled.

        `yield_to` says when acknowledgements are being written: processing then pauses
        briefly between events so that LINE's 2-second acknowledgement limit is never at risk.
        """
        with self.app.app_context(), office_categories():
            return self._process_pending(limit, yield_to)

    def _process_pending(self, limit: int, yield_to: Callable[[], bool] | None) -> int:
        if self.app.extensions["db_engine"].dialect.name == "postgresql":
            return self.process_pending_locked(limit)
        with new_session(self.app) as s:
            pending = s.execute(
                select(LineEvent.id, LineEvent.received_at)
                .where(LineEvent.status == "pending")
                .order_by(LineEvent.id)
                .limit(limit)
            ).all()
        done = 0
        for event_id, received_at in pending:
            if yield_to is not None and yield_to() and not _late(received_at):
                time.sleep(YIELD_SECONDS)
            done += self.process_one(event_id)
        return done

    def process_one(self, event_id: int) -> bool:
        with new_session(self.app) as s:
            row = s.get(LineEvent, event_id)
            if row is None or row.status != "pending":
                return False
            raw, problem = _stored_event(row.payload)
            over = 0 if raw is None else self._over_limit(s, row)
        if raw is None:
            return self._set_aside(event_id, problem)
        if over:
            return self._refuse_flood(event_id, raw, over)
        prepared = self._prepare(raw)
        with write_lock(self.app), new_session(self.app) as s:
            replies = self._apply(s, event_id, prepared)
        if replies is None:
            return False
        # Told only after the commit: what the user is told has been kept.
        self._send(prepared.reply_token, replies)
        self._switch_menu(prepared)
        return True

    def process_pending_locked(self, limit: int = 100) -> int:
        """PostgreSQL, several workers: each takes the oldest event nobody holds
        (FOR UPDATE SKIP LOCKED) whose user has no earlier event still pending, so one user's
        messages are handled in order while different users' run in parallel."""
        done = 0
        for _ in range(limit):
            with new_session(self.app) as s:
                row = s.scalars(
                    select(LineEvent)
                    .where(LineEvent.status == "pending", ~_earlier_pending_of_same_user())
                    .order_by(LineEvent.id)
                    .limit(1)
                    .with_for_update(skip_locked=True, of=LineEvent)
                ).first()
                if row is None:
                    break
                event_id = row.id
                raw, problem = _stored_event(row.payload)
                if raw is None:
                    s.rollback()
                    done += self._set_aside(event_id, problem)
                    continue
                over = self._over_limit(s, row)
                if over:
                    s.rollback()
                    done += self._refuse_flood(event_id, raw, over)
                    continue
                prepared = self._prepare(raw)
                replies = self._apply(s, event_id, prepared)
            if replies is not None:
                self._send(prepared.reply_token, replies)
                self._switch_menu(prepared)
                done += 1
        return done

    def _apply(self, s: Session, event_id: int, prepared: Prepared) -> list[Reply] | None:
        """Claim the event and run its conversation step in one transaction.

        Claiming and the event's effects commit together: a crash before the commit leaves
        the event pending, and a second worker finds it already claimed (None).
        """
        store = SqlStore(s)
        result = s.execute(
            update(LineEvent)
            .where(LineEvent.id == event_id, LineEvent.status == "pending")
            .values(
                status="done" if prepared.inbound else "ignored",
                processed_at=utcnow(),
                error=prepared.skip_reason,
            )
        )
        claimed = cast(CursorResult[Any], result).rowcount
        if not claimed:
            s.rollback()
            return None
        replies: list[Reply] = []
        if prepared.inbound is not None:
            try:
                ctx = self.context(store)
                # A LINE user linked to an office account talks as that staff member.
                ctx.actor = resolve_actor(s, prepared.inbound.user_id)
                was_staff = ctx.actor.is_staff
                replies = engine.handle(prepared.inbound, ctx)
            except Exception:
                log.exception("LINE event %s failed in its conversation", event_id)
                s.rollback()
                self._mark_failed(event_id)
                return [self._voiced("ขออภัย ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้งครับ")]
        s.commit()
        if prepared.inbound is not None:
            # Registering ("ลงทะเบียน <code>") or unlinking changes which rich menu fits.
            is_staff = resolve_actor(s, prepared.inbound.user_id).is_staff
            if was_staff != is_staff:
                prepared.menu_change = "link" if is_staff else "unlink"
        return replies

    def _over_limit(self, s: Session, row: LineEvent) -> int:
        """How far past the per-user limit this message is (0 when within it)."""
        limit = self.app.config.get("LINE_USER_MESSAGES_PER_MINUTE", 30)
        if not row.user_id or not limit:
            return 0
        recent = s.scalar(
            select(func.count())
            .select_from(LineEvent)
            .where(
                LineEvent.user_id == row.user_id,
                LineEvent.id <= row.id,
                LineEvent.received_at > row.received_at - timedelta(minutes=1),
            )
        )
        return max(0, (recent or 0) - limit)

    def _refuse_flood(self, event_id: int, raw: dict[str, Any], over: int) -> bool:
        with write_lock(self.app), new_session(self.app) as s:
            result = s.execute(
                update(LineEvent)
                .where(LineEvent.id == event_id, LineEvent.status == "pending")
                .values(status="ignored", processed_at=utcnow(), error="rate limited")
            )
            claimed = cast(CursorResult[Any], result).rowcount
            s.commit()
        token = raw.get("replyToken")
        if claimed and over == 1 and isinstance(token, str):  # say it once, not to every message
            self._send(token, [self._voiced("ส่งข้อความถี่เกินไป กรุณารอสักครู่แล้วส่งใหม่อีกครั้งนะครับ")])
        return bool(claimed)

    def _set_aside(self, event_id: int, problem: str) -> bool:
        """An event that cannot be used is marked invalid, never retried: a worker that
        raised on it would stall every event behind it."""
        log.warning("LINE event %s set aside as invalid: %s", event_id, problem)
        with write_lock(self.app), new_session(self.app) as s:
            result = s.execute(
                update(LineEvent)
                .where(LineEvent.id == event_id, LineEvent.status == "pending")
                .values(status="invalid", processed_at=utcnow(), error=problem)
            )
            claimed = cast(CursorResult[Any], result).rowcount
            s.commit()
        return bool(claimed)

    def _voiced(self, text: str) -> Reply:
        """The processor's own words, in the office's voice as the conversations' are."""
        return office_voice(self.app.config).reply(Reply(text))

    def _send(self, token: str | None, replies: list[Reply]) -> None:
        if token and replies and self.client is not None:
            self.client.reply(token, replies)

    def _switch_menu(self, prepared: Prepared) -> None:
        """Staff see the staff rich menu; outside the write lock, and never failing the event."""
        if not prepared.menu_change or self.client is None or prepared.inbound is None:
            return
        menu_id = staff_menu_id(self.app.instance_path)
        if menu_id is None:  # `flask richmenu setup` has not been run for this office
            return
        user_id = prepared.inbound.user_id
        if prepared.menu_change == "link":
            self.client.link_rich_menu(user_id, menu_id)
        else:
            self.client.unlink_rich_menu(user_id)

    def _mark_failed(self, event_id: int) -> None:
        with new_session(self.app) as s:
            s.execute(
                update(LineEvent)
                .where(LineEvent.id == event_id)
                .values(status="failed", processed_at=utcnow())
            )
            s.commit()

    def _prepare(self, raw: dict[str, Any]) -> Prepared:
        try:
            event = Event.from_dict(raw)
        except Exception:
            # A shape the SDK does not know yet: answer a user's message rather than ignore it.
            return _fallback(raw)
        if event is None:
            return Prepared(None, None, "unreadable event")
        mode = getattr(event, "mode", None)
        if str(getattr(mode, "value", mode)) == "standby":
            return Prepared(None, None, "standby mode")
        source = getattr(event, "source", None)
        user_id = getattr(source, "user_id", None)
        if getattr(source, "type", "") != "user" or not user_id:
            return Prepared(None, None, f"source {getattr(source, 'type', None)} not handled")
        token = getattr(event, "reply_token", None)
        inbound = self._inbound(event, user_id)
        if inbound is None:
            return Prepared(None, None, f"event {raw.get('type')} not handled")
        return Prepared(inbound, token)

    def _inbound(self, event: Event, user_id: str) -> Inbound | None:
        if isinstance(event, FollowEvent):
            return Inbound(user_id, "follow")
        if isinstance(event, PostbackEvent):
            return Inbound(user_id, "postback", text=event.postback.data or "")
        if not isinstance(event, MessageEvent):
            return None
        m = event.message
        name = self._display_name(user_id)
        if isinstance(m, TextMessageContent):
            return Inbound(user_id, "text", text=strip_controls(m.text or ""), display_name=name)
        if isinstance(m, ImageMessageContent):
            path, error = self.client.fetch_image(m.id) if self.client else (None, "รับรูปไม่ได้ในขณะนี้")
            return Inbound(user_id, "image", image_path=path, image_error=error, display_name=name)
        if isinstance(m, LocationMessageContent):
            return Inbound(
                user_id,
                "location",
                latitude=m.latitude,
                longitude=m.longitude,
                address=m.address or m.title or "",
                display_name=name,
            )
        if isinstance(m, StickerMessageContent):
            return Inbound(user_id, "sticker", display_name=name)
        return Inbound(user_id, "other", display_name=name)

    def _display_name(self, user_id: str) -> str:
        if self.client is None:
            return ""
        with new_session(self.app) as s:
            return self.client.display_name(s, user_id, utcnow())


def _stored_event(payload: str) -> tuple[dict[str, Any] | None, str]:
    """The stored event, or None and why it cannot be used (rows from older versions or put
    in by hand were not checked at the webhook)."""
    try:
        raw = read_json(payload)
    except BadPayload as e:
        return None, f"payload {e}"
    if not isinstance(raw, dict):
        return None, "payload is not an object"
    if not encodable(json.dumps(raw, ensure_ascii=False)):
        return None, UNICODE_PROBLEM
    # JSON always writes NUL as an escape: without one, there is nothing to remove.
    return (without_nul(raw) if "\\u0000" in payload else raw), ""


def _fallback(raw: dict[str, Any]) -> Prepared:
    source = got if isinstance(got := raw.get("source"), dict) else {}
    user_id, token = source.get("userId"), raw.get("replyToken")
    message = got if isinstance(got := raw.get("message"), dict) else {}
    usable = raw.get("type") in ("message", "follow") and source.get("type") == "user"
    if not usable or not isinstance(user_id, str) or raw.get("mode") == "standby":
        return Prepared(None, None, f"unsupported event {str(raw.get('type'))[:30]}")
    if raw.get("type") == "follow":
        return Prepared(Inbound(user_id, "follow"), token if isinstance(token, str) else None)
    text = message.get("text") if message.get("type") == "text" else None
    inbound = (
        Inbound(user_id, "text", text=strip_controls(text))
        if isinstance(text, str)
        else Inbound(user_id, "other")
    )
    return Prepared(inbound, token if isinstance(token, str) else None)
