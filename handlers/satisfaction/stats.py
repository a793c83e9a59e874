"""The figures of the satisfaction (o17) and service (o16) reports.

Means and standard deviations are of the 1–5 scores; the standard deviation is the sample
one (n − 1), as the S.D. in Thai survey reports is. "Satisfied" means a score of 4 or 5.
Periods are Bangkok calendar days; ratings are stored with UTC times.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from handlers.clock import BANGKOK, local_date
from handlers.satisfaction.model import Kind, Rating
from handlers.satisfaction.services import Service
from handlers.satisfaction.survey import DIMENSION_CODES, HANDLING, SATISFIED, band
from handlers.thai.dates import (
    MONTHS_FULL,
    MONTHS_SHORT,
    first_half_bounds,
    fiscal_year_bounds,
    month_bounds,
    quarter_bounds,
)

# --- periods ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportPeriod:
    label: str
    first: date  # first day, inclusive
    last: date  # last day, inclusive

    @classmethod
    def fiscal_year(cls, fy: int) -> ReportPeriod:
        return cls(f"ปีงบประมาณ พ.ศ. {fy}", *fiscal_year_bounds(fy))

    @classmethod
    def quarter(cls, fy: int, q: int) -> ReportPeriod:
        return cls(f"ไตรมาส {q} ปีงบประมาณ พ.ศ. {fy}", *quarter_bounds(fy, q))

    @classmethod
    def first_half(cls, fy: int) -> ReportPeriod:
        return cls(f"รอบ 6 เดือน (ต.ค.–มี.ค.) ปีงบประมาณ พ.ศ. {fy}", *first_half_bounds(fy))

    @classmethod
    def month(cls, year_be: int, month: int) -> ReportPeriod:
        return cls(f"{MONTHS_FULL[month - 1]} {year_be}", *month_bounds(year_be, month))

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[start, end) in UTC, for querying the store."""
        start = datetime.combine(self.first, time(), BANGKOK).astimezone(UTC)
        end = datetime.combine(self.last + timedelta(days=1), time(), BANGKOK).astimezone(UTC)
        return start, end

    def contains(self, at: datetime) -> bool:
        return self.first <= local_date(at) <= self.last


def fiscal_months(fy: int) -> list[tuple[int, int, str]]:
    """(calendar year CE, month, short Thai label) for October … September of a fiscal year."""
    start, _ = fiscal_year_bounds(fy)
    out = []
    for i in range(12):
        m = (start.month - 1 + i) % 12 + 1
        y = start.year + (start.month - 1 + i) // 12
        out.append((y, m, f"{MONTHS_SHORT[m - 1]} {str(y + 543)[-2:]}"))
    return out


# --- one list of scores -------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreStats:
    n: int
    mean: float | None
    sd: float | None
    percent_satisfied: float | None
    distribution: dict[int, int] = field(default_factory=dict)  # score → how many

    @property
    def band(self) -> str:
        return band(self.mean)


def score_stats(scores: Iterable[int]) -> ScoreStats:
    values = [int(s) for s in scores]
    n = len(values)
    dist = {s: values.count(s) for s in (5, 4, 3, 2, 1)}
    if n == 0:
        return ScoreStats(0, None, None, None, dist)
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else 0.0
    satisfied = sum(1 for v in values if v in SATISFIED)
    return ScoreStats(n, mean, sd, 100.0 * satisfied / n, dist)


# --- per service --------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceResult:
    code: str
    name: str
    responses: int
    dimensions: dict[str, ScoreStats]  # dimension code → its figures
    overall: ScoreStats  # every score of every dimension pooled


def result_of(code: str, name: str, ratings: Sequence[Rating]) -> ServiceResult:
    dims = {d: score_stats(r.scores[d] for r in ratings if d in r.scores) for d in DIMENSION_CODES}
    pooled = score_stats(r.scores[d] for r in ratings for d in DIMENSION_CODES if d in r.scores)
    return ServiceResult(code, name, len(ratings), dims, pooled)


def service_ratings(ratings: Iterable[Rating], period: ReportPeriod | None = None) -> list[Rating]:
    return [
        r
        for r in ratings
        if r.kind == Kind.SERVICE and (period is None or period.contains(r.created_at))
    ]


def by_service(
    ratings: Iterable[Rating], services: Sequence[Service], period: ReportPeriod | None = None
) -> list[ServiceResult]:
    """One result per service, in the office's order: active services always, others only
    when they were rated in the period."""
    rs = service_ratings(ratings, period)
    grouped: dict[str, list[Rating]] = {}
    for r in rs:
        grouped.setdefault(r.service_code, []).append(r)
    known = {s.code for s in services}
    out = [
        result_of(s.code, s.name, grouped.get(s.code, []))
        for s in services
        if s.active or s.code in grouped
    ]
    out += [result_of(c, c, grouped[c]) for c in sorted(grouped) if c not in known]
    return out


def overall(ratings: Iterable[Rating], period: ReportPeriod | None = None) -> ServiceResult:
    return result_of("", "ภาพรวมทุกงานบริการ", service_ratings(ratings, period))


def breakdown(
    ratings: Iterable[Rating], attribute: str, options: Sequence[str]
) -> list[tuple[str, int, ScoreStats]]:
    """(group, respondents, pooled scores) for a respondent attribute; unanswered last."""
    rs = service_ratings(ratings)

    def answered(o: str) -> Callable[[Rating], bool]:
        return lambda r: getattr(r, attribute) == o

    groups: list[tuple[str, Callable[[Rating], bool]]] = [(o, answered(o)) for o in options]
    groups.append(("ไม่ได้ระบุ", lambda r: not getattr(r, attribute)))
    out = []
    for label, test in groups:
        members = [r for r in rs if test(r)]
        pooled = score_stats(r.scores[d] for r in members for d in DIMENSION_CODES if d in r.scores)
        out.append((label, len(members), pooled))
    return out


# --- complaint handling and o16 ---------------------------------------------------------


def complaint_handling(ratings: Iterable[Rating], period: ReportPeriod | None = None) -> ScoreStats:
    return score_stats(
        r.scores[HANDLING]
        for r in ratings
        if r.kind == Kind.COMPLAINT
        and HANDLING in r.scores
        and (period is None or period.contains(r.created_at))
    )


def monthly_counts(
    ratings: Iterable[Rating], services: Sequence[Service], fy: int
) -> list[tuple[str, str, list[int]]]:
    """(code, name, responses in Oct … Sep) per service: how often each service was used
    and rated, month by month (o16)."""
    months = [(y, m) for y, m, _ in fiscal_months(fy)]
    period = ReportPeriod.fiscal_year(fy)
    counts: dict[str, list[int]] = {}
    for r in service_ratings(ratings, period):
        d = local_date(r.created_at)
        counts.setdefault(r.service_code, [0] * 12)[months.index((d.year, d.month))] += 1
    names = {s.code: s.name for s in services}
    rows = [
        (s.code, s.name, counts.get(s.code, [0] * 12))
        for s in services
        if s.active or s.code in counts
    ]
    rows += [(c, names.get(c, c), counts[c]) for c in sorted(counts) if c not in names]
    return rows


def channel_counts(ratings: Iterable[Rating], period: ReportPeriod | None = None) -> dict[str, int]:
    """Service ratings per channel ("line", "web", …): only the channels used, sorted."""
    out: dict[str, int] = {}
    for r in service_ratings(ratings, period):
        out[r.channel.value] = out.get(r.channel.value, 0) + 1
    return dict(sorted(out.items()))


def rounded(x: float | None, digits: int = 2) -> float | None:
    return None if x is None else round(x + 0.0, digits)


def summary(ratings: Sequence[Rating], services: Sequence[Service], fy: int) -> dict[str, object]:
    """The "satisfaction" part of `summary --json` for a fiscal year."""
    return figures(ratings, services, ReportPeriod.fiscal_year(fy))


def figures(
    ratings: Sequence[Rating], services: Sequence[Service], period: ReportPeriod
) -> dict[str, object]:
    """`summary()` for any period: the figures behind the satisfaction report (o17) too."""
    total = overall(ratings, period)
    handling = complaint_handling(ratings, period)
    return {
        "responses": total.responses,
        "mean": rounded(total.overall.mean),
        "percent_satisfied": rounded(total.overall.percent_satisfied, 1),
        "by_service": {
            r.code: {
                "name": r.name,
                "responses": r.responses,
                "mean": rounded(r.overall.mean),
                "percent_satisfied": rounded(r.overall.percent_satisfied, 1),
            }
            for r in by_service(ratings, services, period)
        },
        "complaint_handling": {
            "responses": handling.n,
            "mean": rounded(handling.mean),
            "percent_satisfied": rounded(handling.percent_satisfied, 1),
        },
    }


# --- the summary from counters ------------------------------------------------------------

# (kind, service code, score, how many). Score 0 counts responses; 1–5 count the scores given
# (every dimension of a service rating pooled; the handling score of a complaint rating).
Count = tuple[str, str, int, int]


def counts_of(ratings: Iterable[Rating]) -> list[Count]:
    """What the database's counters hold for these ratings (used to keep and check them)."""
    out: dict[tuple[str, str, int], int] = {}
    for r in ratings:
        key = r.service_code if r.kind == Kind.SERVICE else ""
        out[(r.kind.value, key, 0)] = out.get((r.kind.value, key, 0), 0) + 1
        dims = DIMENSION_CODES if r.kind == Kind.SERVICE else (HANDLING,)
        for d in dims:
            if d in r.scores:
                k = (r.kind.value, key, int(r.scores[d]))
                out[k] = out.get(k, 0) + 1
    return [(kind, code, score, n) for (kind, code, score), n in sorted(out.items())]


def stats_of_distribution(dist: dict[int, int]) -> ScoreStats:
    """The same figures as score_stats, from how many times each score was given."""
    n = sum(dist.values())
    full = {s: dist.get(s, 0) for s in (5, 4, 3, 2, 1)}
    if n == 0:
        return ScoreStats(0, None, None, None, full)
    mean = sum(s * c for s, c in full.items()) / n
    sd = math.sqrt(sum(c * (s - mean) ** 2 for s, c in full.items()) / (n - 1)) if n > 1 else 0.0
    satisfied = sum(full[s] for s in SATISFIED)
    return ScoreStats(n, mean, sd, 100.0 * satisfied / n, full)


def by_channel(ratings: Iterable[Rating]) -> dict[str, int]:
    """How many service ratings came by each channel (stored value -> count)."""
    counts: dict[str, int] = {}
    for r in ratings:
        if r.kind == Kind.SERVICE:
            counts[r.channel.value] = counts.get(r.channel.value, 0) + 1
    return dict(sorted(counts.items()))


def summary_from_counts(
    counts: Iterable[Count], services: Sequence[Service], fy: int
) -> dict[str, object]:
    """`summary()` computed from counters, so its cost does not grow with the ratings."""
    responses: dict[str, int] = {}
    dists: dict[str, dict[int, int]] = {}
    pooled: dict[int, int] = {}
    handling: dict[int, int] = {}
    for kind, code, score, n in counts:
        if kind == Kind.COMPLAINT.value:
            if score:
                handling[score] = handling.get(score, 0) + n
            continue
        if score == 0:
            responses[code] = responses.get(code, 0) + n
            continue
        dists.setdefault(code, {})[score] = dists.setdefault(code, {}).get(score, 0) + n
        pooled[score] = pooled.get(score, 0) + n
    total = stats_of_distribution(pooled)
    hand = stats_of_distribution(handling)
    known = {s.code for s in services}
    rows = [(s.code, s.name) for s in services if s.active or s.code in responses]
    rows += [(c, c) for c in sorted(responses) if c not in known]

    def one(code: str, name: str) -> dict[str, object]:
        st = stats_of_distribution(dists.get(code, {}))
        return {
            "name": name,
            "responses": responses.get(code, 0),
            "mean": rounded(st.mean),
            "percent_satisfied": rounded(st.percent_satisfied, 1),
        }

    return {
        "responses": sum(responses.values()),
        "mean": rounded(total.mean),
        "percent_satisfied": rounded(total.percent_satisfied, 1),
        "by_service": {code: one(code, name) for code, name in rows},
        "complaint_handling": {
            "responses": hand.n,
            "mean": rounded(hand.mean),
            "percent_satisfied": rounded(hand.percent_satisfied, 1),
        },
    }
