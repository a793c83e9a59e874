"""The composition root's parts: what the core is given in this deployment."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from flask import Config, Flask, has_app_context

from bot.db.store import SqlStore
from bot.line.client import LineClient, LineSettings
from bot.settings import office_settings
from handlers.classify import classify, use_model_file
from handlers.clock import utcnow
from handlers.conversations.session import Context, Understood
from handlers.conversations.voice import Voice
from handlers.intents import detect_intent
from handlers.shared import Channel

log = logging.getLogger(__name__)


@dataclass
class Services:
    line: LineClient | None
    require_privacy_ack: bool = True
    # The app's live config, read when each conversation's context is built.
    config: Config | None = None

    def context(
        self, store: SqlStore, channel: Channel = Channel.LINE, now: datetime | None = None
    ) -> Context:
        return Context(
            store=store,
            now=now or utcnow(),
            channel=channel,
            understand=understand,
            suggest=suggest,
            require_privacy_ack=self.require_privacy_ack,
            voice=office_voice(self.config),
        )


def office_voice(config: Config | None) -> Voice:
    """How this office speaks in chat: the one place that reads it, per conversation turn
    (the office settings an admin saved, over the environment's OFFICE_PARTICLE/OFFICE_NAME)."""
    if config is None or not has_app_context():
        return Voice()
    settings = office_settings()
    return Voice.of(settings.particle, settings.office_name)


def build(app: Flask) -> Services:
    c = app.config
    use_model_file(c["CLASSIFIER_MODEL"])
    line = None
    if c["LINE_CHANNEL_ACCESS_TOKEN"]:
        line = LineClient(
            LineSettings(
                access_token=c["LINE_CHANNEL_ACCESS_TOKEN"],
                api_host=c["LINE_API_HOST"],
                data_api_host=c["LINE_DATA_API_HOST"],
                timeout=c["LINE_TIMEOUT_SECONDS"],
                push_monthly_limit=c["PUSH_MONTHLY_LIMIT"],
                upload_folder=c["UPLOAD_FOLDER"],
                max_photo_bytes=c["MAX_PHOTO_BYTES"],
            )
        )
    return Services(line=line, require_privacy_ack=c["PRIVACY_NOTICE_REQUIRED"], config=c)


def services(app: Flask) -> Services:
    return app.extensions["prongsai"]


# Free-text understanding: the model loads once per process, on first use.


def understand(text: str) -> Understood:
    return detect_intent(text)


def suggest(text: str) -> list[tuple[str, float]]:
    return classify(text)
