"""An in-memory SatisfactionStore, and the in-memory main store that hands it out."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime

from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import DEFAULT_SERVICES, Service
from tests.fakes.fake_store import FakeStore


class FakeRatings:
    def __init__(self, services: tuple[Service, ...] = DEFAULT_SERVICES) -> None:
        self._services = {s.code: replace(s) for s in services}
        self.ratings: list[Rating] = []
        self.outbox: list[tuple[str, str]] = []

    def services(self, include_inactive: bool = False) -> list[Service]:
        found = sorted(self._services.values(), key=lambda s: (s.order, s.code))
        return [replace(s) for s in found if include_inactive or s.active]

    def get_service(self, code: str) -> Service | None:
        s = self._services.get(code)
        return replace(s) if s else None

    def save_service(self, service: Service) -> None:
        self._services[service.code] = replace(service)

    def add_rating(self, rating: Rating) -> int:
        stored = copy.deepcopy(rating)
        stored.id = len(self.ratings) + 1
        self.ratings.append(stored)
        return stored.id

    def count_ratings(self, key: str, service_code: str, start: datetime, end: datetime) -> int:
        return sum(
            1
            for r in self.ratings
            if r.respondent_key == key
            and r.service_code == service_code
            and start <= r.created_at < end
        )

    def rating_for_case(self, case_number: str) -> Rating | None:
        return next(
            (r for r in self.ratings if r.kind == Kind.COMPLAINT and r.case_number == case_number),
            None,
        )

    def ratings_in(self, start: datetime, end: datetime, kind: Kind | None = None) -> list[Rating]:
        return [
            copy.deepcopy(r)
            for r in self.ratings
            if start <= r.created_at < end and (kind is None or r.kind == kind)
        ]

    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None:
        self.outbox.append((kind, entity_id))


class SatisfactionFakeStore(FakeStore):
    """FakeStore plus `.satisfaction`; rollback forgets uncommitted ratings too."""

    def __init__(self) -> None:
        self.satisfaction = FakeRatings()
        self._committed_ratings: FakeRatings = copy.deepcopy(self.satisfaction)
        super().__init__()

    def commit(self) -> None:
        super().commit()
        self._committed_ratings = copy.deepcopy(self.satisfaction)

    def rollback(self) -> None:
        super().rollback()
        self.satisfaction = copy.deepcopy(self._committed_ratings)
