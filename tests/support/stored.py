"""What an app's database holds, read in a session of the test's own."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from bot.db import new_session
from bot.db.satisfaction.tables import SatisfactionRow


def satisfaction_rows(app: Flask) -> list[SatisfactionRow]:
    with new_session(app) as s:
        return list(s.scalars(select(SatisfactionRow).order_by(SatisfactionRow.id)))
