"""Delivers notices (status changes, reopened cases, loan requests and decisions) by push
while the month's budget lasts, in the office's voice as every chat reply is.

A notice that cannot be pushed stays pending and goes out with the user's next reply.
"""

from __future__ import annotations

from typing import Any, cast

from flask import Flask
from sqlalchemy import CursorResult, select, update

from bot.db import new_session
from bot.db.chat.tables import NoticeRow
from bot.line.client import LINE_USER_ID, LineClient
from bot.services import office_voice
from handlers.clock import utcnow
from handlers.conversations.engine import notice_reply


def push_pending_notices(app: Flask, client: LineClient | None, limit: int = 50) -> int:
    if client is None:
        return 0
    with app.app_context():
        return _push_pending(app, client, limit)


def _push_pending(app: Flask, client: LineClient, limit: int) -> int:
    voice = office_voice(app.config)
    sent = 0
    with new_session(app) as s:
        pending = s.scalars(
            select(NoticeRow)
            .where(NoticeRow.delivered_at.is_(None), NoticeRow.via == "")
            .order_by(NoticeRow.id)
            .limit(limit)
        ).all()
        for n in pending:
            if not LINE_USER_ID.match(n.line_user_id):
                continue
            now = utcnow()
            if client.pushes_left(s, now) <= 0:
                break
            # Claim first so that two workers never push the same notice.
            result = s.execute(
                update(NoticeRow)
                .where(NoticeRow.id == n.id, NoticeRow.via == "")
                .values(via="pushing")
            )
            claimed = cast(CursorResult[Any], result).rowcount
            s.commit()
            if not claimed:
                continue
            message = voice.reply(notice_reply(n.text))
            ok = client.push(s, n.line_user_id, [message], "notice", now)
            s.execute(
                update(NoticeRow)
                .where(NoticeRow.id == n.id)
                .values(via="push" if ok else "", delivered_at=now if ok else None)
            )
            s.commit()
            sent += ok
    return sent
