"""Every table of every feature, registered on one metadata (for Alembic and checks)."""

from __future__ import annotations

# Imported for their side effect: each module registers its tables on Base.metadata.
import bot.db.accounts.tables  # noqa: F401
import bot.db.assets.tables  # noqa: F401
import bot.db.channel_stats  # noqa: F401
import bot.db.chat.tables  # noqa: F401
import bot.db.complaints.receipts  # noqa: F401
import bot.db.complaints.stats  # noqa: F401
import bot.db.complaints.tables  # noqa: F401
import bot.db.gifts.tables  # noqa: F401
import bot.db.ita.scores_tables  # noqa: F401
import bot.db.ita.tables  # noqa: F401
import bot.db.line.tables  # noqa: F401
import bot.db.measure_drafts.tables  # noqa: F401
import bot.db.measures.tables  # noqa: F401
import bot.db.mirror.tables  # noqa: F401
import bot.db.office.tables  # noqa: F401
import bot.db.privacy.tables  # noqa: F401
import bot.db.satisfaction.tables  # noqa: F401
import bot.db.services.tables  # noqa: F401
from bot.db.base import Base

metadata = Base.metadata
