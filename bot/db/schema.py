"""Every table of every feature, registered on one metadata (for Alembic and checks)."""

from __future__ import annotations

import bot.db.accounts.tables
import bot.db.chat.tables
import bot.db.complaints.stats
import bot.db.complaints.tables
import bot.db.line.tables
import bot.db.measures.tables
import bot.db.mirror.tables
import bot.db.office.tables
import bot.db.privacy.tables
import bot.db.satisfaction.tables
from bot.db.base import Base

FEATURES = (
    bot.db.accounts.tables,
    bot.db.chat.tables,
    bot.db.complaints.stats,
    bot.db.complaints.tables,
    bot.db.line.tables,
    bot.db.measures.tables,
    bot.db.mirror.tables,
    bot.db.office.tables,
    bot.db.privacy.tables,
    bot.db.satisfaction.tables,
)
metadata = Base.metadata
