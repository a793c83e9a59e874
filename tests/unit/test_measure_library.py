"""The measure library read from the seeds, and the measures it suggests for weak items."""

from __future__ import annotations

import pytest

from handlers.ita.catalogue import load
from handlers.ita.library import ISSUE_TITLES, entries, suggest

NO_GIFT_001 = "นโยบายไม่รับของขวัญหรือของกำนัลจากการปฏิบัติหน้าที่ (No Gift Policy)"
COMPLAINT_GUIDE_001 = "จัดทำแนวทางการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบภายในหน่วยงาน"
RISK_MANUAL_001 = "การป้องกันการทุจริต: จัดทำคู่มือแนวปฏิบัติเกี่ยวกับการประเมินความเสี่ยงการทุจริต"
ITA_FOLLOWUP_002 = (
    "จัดทำมาตรการป้องกันและระบบติดตามตรวจสอบพฤติกรรมการทุจริตอย่างชัดเจน"
    " และนำผลการประเมิน ITA ไปปรับปรุงการทำงาน"
)
COMPLAINT_CHANNEL_004 = "กิจกรรมปรับปรุงช่องทางการร้องเรียนร้องทุกข์"
PARTICIPATION_004 = "กิจกรรมการเปิดโอกาสให้เกิดการมีส่วนร่วม"


def test_every_code_is_an_item_of_the_2566_catalogue_and_every_issue_has_measures() -> None:
    catalogue = load(2566)
    library = entries()
    assert len(library) == 28  # 7 measures of seed 001, 9 of seed 002, 12 of seed 004
    assert [e for e in library if any(catalogue.item(c) is None for c in e.codes)] == []
    assert {e.issue_no for e in library} == set(ISSUE_TITLES)
    assert {e.source for e in library} == {"001", "002", "004"}


def test_seed_004_participation_scored_zero_gets_its_own_activity_first() -> None:
    # Seed 004: การเปิดโอกาสให้เกิดการมีส่วนร่วม (o30) scored 0 under issue 2.
    found = suggest(2, ["O30"])
    assert found[0].title == PARTICIPATION_004
    assert found[0].for_codes == ("o30",)
    assert found[0].steps == (
        "เปิดโอกาสให้ประชาชนเข้าร่วมในการจัดทำแผนพัฒนาท้องถิ่น",
        "เปิดโอกาสให้ประชาชนเข้าร่วมในการติดตามผลการดำเนินงานตามแผนพัฒนาท้องถิ่น",
    )
    assert (found[0].unit, found[0].period, found[0].source) == (
        "งานวิเคราะห์นโยบายและแผน",
        "ตลอดปีงบประมาณ",
        "004",
    )
    # Then the other measures the seeds set under issue 2, in library order, for their own items.
    assert [s.title for s in found[1:]] == [
        "จัดให้มีการให้บริการผ่านช่องทางออนไลน์ (E-Service) และประชาสัมพันธ์ให้บุคคลภายนอกรับทราบอย่างทั่วถึง",
        "กิจกรรมซักซ้อมความเข้าใจในการให้บริการประชาชน",
        "ประชาสัมพันธ์การให้บริการออนไลน์ของหน่วยงาน",
        "กิจกรรมสำรวจความพึงพอใจการให้บริการของหน่วยงาน",
    ]
    assert found[2].for_codes == ("i1", "i2", "i3", "e1", "e2", "e3", "e11")
    assert {s.issue_no for s in found} == {2}


def test_seed_002_o43_scored_zero_thai_digits_and_the_issue_after() -> None:
    # Seed 002: O43 (การดำเนินการตามมาตรการฯ) scored 0 under issue 7; "๐๔๓" is how offices type it.
    titles = [s.title for s in suggest(7, ["๐๔๓"])]
    assert titles == [
        ITA_FOLLOWUP_002,
        RISK_MANUAL_001,
        NO_GIFT_001,
        COMPLAINT_GUIDE_001,
        COMPLAINT_CHANNEL_004,
    ]
    assert suggest(7, ["๐๔๓"])[0].for_codes == ("o43",)


def test_flagged_items_of_another_issue_and_measures_the_seeds_repeat_come_once() -> None:
    # Seed 004: e10 (a channel to report bribery) scored 88.29, the weakest EIT item; the seed
    # sets the same complaint-channel activity under issues 3 and 7.
    found = suggest(3, ["e10", "e9"])
    assert [s.title for s in found] == [
        COMPLAINT_GUIDE_001,  # answers e10 (issue 7 in its seed)
        COMPLAINT_CHANNEL_004,  # answers e10, once although the seed lists it twice
        "พัฒนาช่องทางการประชาสัมพันธ์ให้หลากหลายและมีประสิทธิภาพ"
        " และส่งเสริมให้เจ้าหน้าที่ที่เกี่ยวข้องเพิ่มพูนทักษะและความรู้อย่างสม่ำเสมอ",
        "กิจกรรมปรับปรุงศูนย์ข้อมูลข่าวสาร",  # answers e9
        "มาตรการเปิดเผยข้อมูลสาธารณะ และกำกับติดตามการเผยแพร่ข้อมูลสาธารณะ",  # issue 3 only
    ]
    assert [s.for_codes for s in found[:4]] == [("e10",), ("e10",), ("e9",), ("e9",)]
    assert found[4].for_codes == ("e6", "e7", "o1", "o2", "o3", "o5", "o6", "o7", "o9")
    assert suggest(3, ["e10", "e9"]) == found  # the same answer every time


def test_no_flagged_codes_gives_the_issue_and_a_bad_issue_is_refused() -> None:
    assert [s.title for s in suggest(6, [])] == [
        "สร้างแนวปฏิบัติ Dos & Don'ts เพื่อลดความสับสนเกี่ยวกับพฤติกรรมสีเทา"
        " และฝึกอบรมที่สอดแทรกสาระด้านจริยธรรมของเจ้าหน้าที่ของรัฐ",
        "ประชาสัมพันธ์ให้บุคลากรทราบรายละเอียดของตำแหน่งงาน (Job Description)"
        " และเกณฑ์การประเมินผลการปฏิบัติงาน และเปิดรับฟังความคิดเห็นเพื่อปรับปรุงการปฏิบัติงาน",
        "มาตรการความโปร่งใสในการเลื่อนขั้นเงินเดือน",
    ]
    assert suggest(6, ["x9", ""]) == suggest(6, [])
    with pytest.raises(ValueError):
        suggest(8, ["i1"])
