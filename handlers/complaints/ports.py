"""What the complaints core needs from the database."""

from __future__ import annotations

from typing import Protocol

from handlers.complaints.domain import Complaint, StatusChange


class ComplaintStore(Protocol):
    """Complaints in the database. Writes join the caller's transaction."""

    def next_case_seq(self, fiscal_year: int) -> int: ...
    def add_complaint(self, complaint: Complaint) -> None: ...
    def get_complaint(self, case_number: str) -> Complaint | None: ...
    def save_status_change(self, complaint: Complaint, change: StatusChange) -> None: ...
    def complaints_of_user(self, line_user_id: str, limit: int = 10) -> list[Complaint]: ...
