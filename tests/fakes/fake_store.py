"""An in-memory Store for the core's unit tests (the database's behaviour, none of its I/O).

Like the SQL store it hands out copies (a complaint read, changed and not saved stays
unchanged in the store), keeps conversation state as JSON would, and only keeps what was
committed: rollback returns to the last commit.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from handlers.complaints.domain import Complaint, StatusChange
from handlers.ports import Notice


@dataclass
class NoticeRecord:
    notice: Notice
    delivered_at: datetime | None = None
    via: str = ""


@dataclass
class OutboxRecord:
    kind: str
    entity_id: str
    created_at: datetime


@dataclass
class _Tables:
    seqs: dict[int, int] = field(default_factory=dict)
    complaints: dict[str, Complaint] = field(default_factory=dict)  # in filing order
    conversations: dict[str, tuple[dict[str, Any], datetime]] = field(default_factory=dict)
    notices: list[NoticeRecord] = field(default_factory=list)
    outbox: list[OutboxRecord] = field(default_factory=list)
    last_notice_id: int = 0
    privacy_acks: dict[str, str] = field(default_factory=dict)  # user → version


class FakeStore:
    """Implements handlers.ports.Store in memory."""

    def __init__(self) -> None:
        self._t = _Tables()
        self._committed = copy.deepcopy(self._t)
        self.commits = 0
        self.rollbacks = 0

    # --- complaints ----------------------------------------------------------------------

    def next_case_seq(self, fiscal_year: int) -> int:
        self._t.seqs[fiscal_year] = self._t.seqs.get(fiscal_year, 0) + 1
        return self._t.seqs[fiscal_year]

    def add_complaint(self, complaint: Complaint) -> None:
        if complaint.case_number in self._t.complaints:
            raise ValueError(f"duplicate case number {complaint.case_number}")
        self._t.complaints[complaint.case_number] = copy.deepcopy(complaint)

    def get_complaint(self, case_number: str) -> Complaint | None:
        found = self._t.complaints.get(case_number)
        return copy.deepcopy(found) if found else None

    def save_status_change(self, complaint: Complaint, change: StatusChange) -> None:
        stored = self._t.complaints[complaint.case_number]
        stored.status = complaint.status
        stored.unit = complaint.unit
        stored.updated_at = change.at
        stored.history.append(copy.deepcopy(change))

    def complaints_of_user(self, line_user_id: str, limit: int = 10) -> list[Complaint]:
        mine = [c for c in self._t.complaints.values() if c.line_user_id == line_user_id]
        return [copy.deepcopy(c) for c in reversed(mine)][:limit]  # newest first

    # --- conversations -------------------------------------------------------------------

    def load_conversation(self, user_key: str) -> tuple[dict[str, Any], datetime] | None:
        found = self._t.conversations.get(user_key)
        if found is None:
            return None
        state, at = found
        return json.loads(json.dumps(state)), at

    def save_conversation(self, user_key: str, state: dict[str, Any], at: datetime) -> None:
        # The database keeps the state as JSON: anything else would not survive a reload.
        self._t.conversations[user_key] = (json.loads(json.dumps(state)), at)

    def delete_conversation(self, user_key: str) -> None:
        self._t.conversations.pop(user_key, None)

    # --- notices and outbox --------------------------------------------------------------

    def add_notice(self, line_user_id: str, text: str, at: datetime) -> None:
        self._t.last_notice_id += 1
        self._t.notices.append(NoticeRecord(Notice(self._t.last_notice_id, line_user_id, text, at)))

    def pending_notices(self, line_user_id: str) -> list[Notice]:
        return [
            copy.deepcopy(r.notice)
            for r in self._t.notices
            if r.notice.line_user_id == line_user_id and r.delivered_at is None
        ]

    def mark_notices_delivered(self, ids: list[int], via: str, at: datetime) -> None:
        for r in self._t.notices:
            if r.notice.id in ids and r.delivered_at is None:
                r.delivered_at = at
                r.via = via

    def add_outbox(self, kind: str, entity_id: str, at: datetime) -> None:
        self._t.outbox.append(OutboxRecord(kind, entity_id, at))

    # --- transaction ---------------------------------------------------------------------

    def has_privacy_ack(self, user_key: str, version: str) -> bool:
        return self._t.privacy_acks.get(user_key) == version

    def record_privacy_ack(self, user_key: str, version: str, channel: str, at: datetime) -> None:
        self._t.privacy_acks[user_key] = version

    def commit(self) -> None:
        self._committed = copy.deepcopy(self._t)
        self.commits += 1

    def rollback(self) -> None:
        self._t = copy.deepcopy(self._committed)
        self.rollbacks += 1

    # --- for the tests' eyes (what is stored now, committed or not) -----------------------

    @property
    def complaints(self) -> list[Complaint]:
        return list(self._t.complaints.values())

    @property
    def conversations(self) -> dict[str, tuple[dict[str, Any], datetime]]:
        return self._t.conversations

    @property
    def notices(self) -> list[NoticeRecord]:
        return self._t.notices

    @property
    def outbox(self) -> list[OutboxRecord]:
        return self._t.outbox
