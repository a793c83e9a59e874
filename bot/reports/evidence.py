"""Evidence by kind, labelled by the year's catalogue: `o43` of 2566, `O19` of 2568 …

One entry point (`build`) for the CLI, the admin downloads, the public /ita pages and the
pack: find the item in the year's catalogue, turn its window into dates as of now, call the
builder of its kind, and stamp what every published page carries (code, office, address,
window, as-of date, signatures).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from bot.db.ita.store import catalogue_for
from bot.db.store import SqlStore
from bot.reports import (
    assets,
    complaints,
    gifts,
    measures,
    satisfaction,
    score_analysis,
    services,
)
from bot.reports.request import Builder, ReportRequest
from handlers.clock import local_date
from handlers.ita.catalogue import KINDS, Catalogue, CatalogueError, Item
from handlers.ita.windows import Window, WindowError, window_for
from handlers.reports.model import Report, with_thai_digits

# Every kind the catalogues name has its builder.
BUILDERS: dict[str, Builder] = {
    "gift_report": gifts.build_gift_report,
    "no_gift_policy": gifts.build_no_gift_policy,
    "service_stats": services.build_service_stats,
    "measures": measures.build_measures,
    "measure_results": measures.build_measure_results,
    "plan_progress": measures.build_plan_progress,
    "plan_results": measures.build_plan_results,
    "satisfaction": satisfaction.build_satisfaction,
    "participation": satisfaction.build_participation,
    "complaints": complaints.build_complaints,
    "corruption_complaints": complaints.build_corruption_complaints,
    "analysis": score_analysis.build_analysis,
    "asset_register": assets.build_asset_register,
}
# The window a kind asked for by name (not through a catalogue code) covers.
DEFAULT_WINDOWS: dict[str, str] = {
    "measures": "current_fy",
    "plan_progress": "first_half_current_fy",
    "plan_results": "previous_fy",
    "analysis": "current_fy",
    "asset_register": "current_fy",
    "no_gift_policy": "current_fy",
}
KIND_TITLES: dict[str, str] = {
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "measure_results": "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "plan_progress": "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน",
    "plan_results": "รายงานผลการดำเนินงานประจำปี",
    "service_stats": "ข้อมูลสถิติการให้บริการ",
    "satisfaction": "รายงานผลการสำรวจความพึงพอใจการให้บริการ",
    "corruption_complaints": "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "complaints": "รายงานสถิติเรื่องร้องเรียนทั่วไป",
    "participation": "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "gift_report": "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
    "analysis": "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
    "asset_register": "ทะเบียนการยืม-คืนทรัพย์สินของราชการ",
    "no_gift_policy": "ประกาศนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
}
SIGNATURES = ("ผู้รายงาน", "ผู้บริหาร")


class EvidenceError(ValueError):
    """The code or kind cannot be built for that year; the message is Thai, for the user."""


@dataclass(frozen=True)
class Target:
    """What to build: a kind, the catalogue item it is published under (if any), a window."""

    kind: str
    item: Item | None
    window: Window
    catalogue: Catalogue
    plan: str = ""  # for plan kinds asked for by name

    @property
    def code(self) -> str:
        return self.item.code if self.item else self.kind


def produces(item: Item) -> bool:
    """Whether Prongsai builds this item's evidence (its kind has a builder)."""
    return item.kind in BUILDERS


def resolve(store: SqlStore, year: int, code_or_kind: str, now: datetime, plan: str = "") -> Target:
    """The item of `year`'s catalogue for a code ("o43", "O19", "๐๔๓"), or a kind by name
    (with `plan` for plan_progress/plan_results: the operating plan by default)."""
    try:
        catalogue = catalogue_for(store.session, year)
    except CatalogueError as e:
        raise EvidenceError(f"ไม่มีบัญชีรายการ ITA ของปี {year}") from e
    today = local_date(now)
    wanted = code_or_kind.strip()
    if wanted.lower() in KINDS:
        kind = wanted.lower()
        items = [i for i in catalogue.by_kind(kind) if not plan or i.plan == plan]
        if len(items) == 1:
            return _target(items[0], catalogue, today)
        name = DEFAULT_WINDOWS.get(kind, "current_fy_to_date")
        return Target(kind, None, window_for(name, year, today), catalogue, plan)
    item = catalogue.item(wanted)
    if item is None:
        codes = ", ".join(i.code for i in catalogue.items if produces(i))
        raise EvidenceError(
            f"ไม่พบรายการ {wanted} ในบัญชีรายการ ITA ปี {year} (รายการที่ระบบจัดทำได้: {codes or 'ไม่มี'})"
        )
    return _target(item, catalogue, today)


def _target(item: Item, catalogue: Catalogue, today: date) -> Target:
    if not item.kind:
        raise EvidenceError(
            f"รายการ {item.code} ({item.title}) เป็นข้อมูลที่หน่วยงานเผยแพร่เอง ระบบไม่ได้จัดทำ"
        )
    try:
        window = window_for(item.window, catalogue.year, today)
    except WindowError as e:
        raise EvidenceError(f"รายการ {item.code}: {e}") from e
    return Target(item.kind, item, window, catalogue)


def build_target(
    store: SqlStore,
    target: Target,
    now: datetime,
    *,
    office: str = "",
    address: str = "",
    thai_digits: bool = False,
) -> Report:
    builder = BUILDERS.get(target.kind)
    if builder is None:
        raise EvidenceError(f"ระบบยังไม่มีข้อมูลสำหรับจัดทำ{KIND_TITLES[target.kind]} ({target.code})")
    req = ReportRequest(
        store,
        target.catalogue.year,
        now,
        False,  # digits are converted once, after stamping
        office,
        item=target.item,
        window=target.window,
        address=address,
        plan=target.plan,
    )
    report = stamp(builder(req), target, office, address)
    return with_thai_digits(report) if thai_digits else report


def build(
    store: SqlStore,
    year: int,
    code_or_kind: str,
    now: datetime,
    *,
    office: str = "",
    address: str = "",
    thai_digits: bool = False,
    plan: str = "",
) -> Report:
    """The evidence for a code or kind of `year`, as of `now` (EvidenceError if it cannot be)."""
    target = resolve(store, year, code_or_kind, now, plan)
    return build_target(store, target, now, office=office, address=address, thai_digits=thai_digits)


def stamp(report: Report, target: Target, office: str, address: str) -> Report:
    """What every published page carries, whatever its kind."""
    w = target.window
    return replace(
        report,
        kind=target.kind,
        code=target.item.code.upper() if target.item else "",
        title=target.item.title if target.item else report.title or KIND_TITLES[target.kind],
        subtitle=report.subtitle if target.item is None else _subtitle(report, target),
        office=office,
        address=address,
        period=f"ช่วงข้อมูล {w.label()}",
        as_of=w.as_of_text(),
        signatures=report.signatures or SIGNATURES,
    )


def _subtitle(report: Report, target: Target) -> str:
    """Under the catalogue's title, the builder's own title when it says more."""
    own = report.title.strip()
    return own if own and own != target.item.title else report.subtitle  # type: ignore[union-attr]
