"""`flask --app bot survey add --service reg --scores 5,4,5,5,4`: key in a satisfaction
questionnaire filled on paper (or taken by phone, letter, …) for a citizen without LINE."""

from __future__ import annotations

from datetime import date

import click
from flask.cli import AppGroup

from bot.cli.errors import fail as _fail
from bot.db import new_session
from bot.db.store import SqlStore
from handlers.clock import utcnow
from handlers.satisfaction.paper import (
    STAFF_CHANNELS,
    parse_scores,
    record,
    respondent_groups,
)
from handlers.satisfaction.survey import DIMENSIONS
from handlers.satisfaction.usecases import RatingDraft
from handlers.shared import CHANNEL_TH, Channel, DomainError
from handlers.thai.dates import parse_day

group = AppGroup("survey", help="Satisfaction questionnaires keyed in by staff.")


def _day(text: str | None) -> date | None:
    """YYYY-MM-DD in CE or BE (2568-01-15), Thai digits allowed."""
    if not text:
        return None
    try:
        return parse_day(text)
    except ValueError as e:
        _fail(str(e))


@group.command("add")
@click.option("--service", "code", required=True, help="The service's code (as in its QR link).")
@click.option(
    "--scores",
    required=True,
    help="Five scores 1-5 in the form's order: "
    + ", ".join(d.code for d in DIMENSIONS)
    + " (Thai digits allowed).",
)
@click.option(
    "--channel",
    type=click.Choice([c.value for c in STAFF_CHANNELS]),
    default=Channel.PAPER.value,
    show_default=True,
    help="How the answers came in.",
)
@click.option(
    "--group",
    "groups",
    multiple=True,
    help="A respondent detail as on the form, repeatable: หญิง, '60 ปีขึ้นไป', เกษตรกร.",
)
@click.option("--comment", default="", help="The respondent's suggestion, if written.")
@click.option("--date", "day_text", default=None, help="The day it was filled: YYYY-MM-DD.")
def add_cmd(
    code: str,
    scores: str,
    channel: str,
    groups: tuple[str, ...],
    comment: str,
    day_text: str | None,
) -> None:
    """Record one questionnaire, as the web form would."""
    try:
        parsed = parse_scores(scores)
        details = respondent_groups(groups)
    except DomainError as error:
        _fail(str(error))
    day = _day(day_text)
    with new_session() as s:
        store = SqlStore(s)
        part = store.satisfaction
        service = part.get_service(code.strip().lower())
        if service is None or not service.active:
            known = "\n".join(f"  {x.code}  {x.name}" for x in part.services())
            _fail(f"ไม่พบงานบริการรหัส “{code}” รหัสงานบริการที่มี:\n{known or '  (ยังไม่มีงานบริการ)'}")
        draft = RatingDraft(service_code=service.code, scores=parsed, comment=comment, **details)
        try:
            rating = record(part, draft, Channel(channel), utcnow(), day)
        except DomainError as error:
            s.rollback()
            _fail(str(error))
        s.commit()
    shown = ",".join(str(rating.scores[d.code]) for d in DIMENSIONS)
    click.echo(
        f"บันทึกแล้ว: {service.name} ({CHANNEL_TH[Channel(channel)]}) คะแนน {shown} เลขที่ {rating.id}"
    )
