"""The ITA items the year's integrity measures answer, with each item's title from its ITA
year's catalogue and the office's score where scores were imported (o42/o43)."""

from __future__ import annotations

from bot.db.ita.store import catalogue_for
from bot.db.measure_drafts.analysis import item_scores
from bot.db.store import SqlStore
from handlers.ita.catalogue import CatalogueError
from handlers.measures.domain import Measure
from handlers.reports.item_links import LinkedItem


def linked_items(store: SqlStore, measures: list[Measure]) -> dict[int, list[LinkedItem]]:
    links = store.measure_drafts.links_of(m.id for m in measures if m.id is not None)
    titles: dict[int, dict[str, str]] = {}
    scores: dict[int, dict[str, float]] = {}
    out: dict[int, list[LinkedItem]] = {}
    for measure_id, link in links.items():
        year = link.ita_year
        if year not in titles:
            try:
                catalogue = catalogue_for(store.session, year)
                titles[year] = {i.code: i.title for i in catalogue.items}
            except CatalogueError:
                titles[year] = {}
            scores[year] = item_scores(store, year)
        out[measure_id] = [
            LinkedItem(code, titles[year].get(code, ""), scores[year].get(code))
            for code in link.codes
        ]
    return out
