"""What the satisfaction core needs from the database."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import Service


class SatisfactionStore(Protocol):
    """Services and ratings; writes join the caller's transaction (the caller commits)."""

    def services(self, include_inactive: bool = False) -> list[Service]: ...
    def get_service(self, code: str) -> Service | None: ...
    def save_service(self, service: Service) -> None: ...
    def add_rating(self, rating: Rating) -> int: ...
    def count_ratings(
        self, respondent_key: str, service_code: str, start: datetime, end: datetime
    ) -> int: ...
    def rating_for_case(self, case_number: str) -> Rating | None: ...
    def ratings_in(
        self, start: datetime, end: datetime, kind: Kind | None = None
    ) -> list[Rating]: ...
    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None: ...


class HasSatisfaction(Protocol):
    """The main store, which hands out its satisfaction part on the same transaction."""

    @property
    def satisfaction(self) -> SatisfactionStore: ...
