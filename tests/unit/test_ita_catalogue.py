"""The per-year ITA catalogues: every shipped file loads, 2566 matches seed 002 and DESIGN.md,
codes are found however offices write them, bad files fail with file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handlers.ita.catalogue import (
    CATALOGUES,
    KINDS,
    WINDOWS,
    CatalogueError,
    available_years,
    load,
    normalize_code,
)

SEED_002 = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_9c1e406a0a06b038.txt"

# Slips in seed 002's text (a Word export) and what the official wording says instead. The
# catalogue holds the corrected titles; the comparison below undoes exactly these and nothing else.
SEED_SLIPS = {
    "ประพฤตินิยมชอบ": "ประพฤติมิชอบ",
    "ประกาศเจตนาธรรมเนียมนโยบาย": "ประกาศเจตนารมณ์นโยบาย",
    "จากการศึกษาปฏิบัติหน้าที่": "จากการปฏิบัติหน้าที่",
    "การศึกษาคุณาน": "การศึกษาดูงาน",
    "ให้ทำระส่วนตัว": "ให้ทำธุระส่วนตัว",
}
HEADER = "code,title,instrument,indicator,kind,window\n"


def _squash(text: str) -> str:
    # The seed breaks and spaces the same question differently from table to table.
    return re.sub(r"\s+", "", text)


def seed_titles() -> dict[str, set[str]]:
    """Every "<code><title>" cell of seed 002, by canonical code, slips corrected."""
    titles: dict[str, set[str]] = {}
    cell_re = re.compile(r"^\s*([oOiIeE๐]i?[0-9]{1,2})\s*(\S.*)$")
    for line in SEED_002.read_text(encoding="utf-8").splitlines():
        for cell in line.split("\t"):
            m = cell_re.match(cell)
            if not m or re.fullmatch(r"[\d.]+", m.group(2).strip()):
                continue
            code = normalize_code(m.group(1))
            assert code is not None, cell
            text = m.group(2)
            for slip, right in SEED_SLIPS.items():
                text = text.replace(slip, right)
            titles.setdefault(code, set()).add(_squash(text))
    return titles


@pytest.mark.parametrize("year", available_years())
def test_every_shipped_file_loads(year: int) -> None:
    cat = load(year)
    assert cat.year == cat.based_on == year
    assert cat.items
    for item in cat.items:
        assert item.kind in KINDS or item.kind == ""
        assert item.window in WINDOWS
    # Every file says where its rows come from.
    head = (CATALOGUES / f"{year}.csv").read_text(encoding="utf-8")
    assert "# source:" in head


def test_the_years_the_issue_asks_for_are_shipped() -> None:
    assert available_years() == [2564, 2565, 2566, 2567, 2568]


def test_2566_has_every_item_of_seed_002() -> None:
    cat = load(2566)
    codes = {i.code for i in cat.items}
    assert codes == {f"i{n}" for n in range(1, 31)} | {f"e{n}" for n in range(1, 16)} | {
        f"o{n}" for n in range(1, 44)
    }
    assert seed_titles().keys() <= codes


def test_2566_titles_are_the_seed_text() -> None:
    seed = seed_titles()
    cat = load(2566)
    checked = 0
    for item in cat.items:
        if item.code not in seed:
            # i23: seed 002 gives only its score; the file leaves the title empty.
            assert item.code == "i23" and item.title == ""
            continue
        assert _squash(item.title) in seed[item.code], (item.code, item.title)
        checked += 1
    assert checked == 87


@pytest.mark.parametrize(
    ("code", "kind", "window", "title"),
    [
        (
            "o12",
            "plan_progress",
            "first_half_current_fy",
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน",
        ),
        ("o13", "plan_results", "previous_fy", "รายงานผลการดำเนินงานประจำปี"),
        ("o16", "service_stats", None, "ข้อมูลเชิงสถิติการให้บริการ"),
        ("o17", "satisfaction", None, "รายงานผลการสำรวจความพึงพอใจการให้บริการ"),
        ("o29", "corruption_complaints", None, "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        ("o30", "participation", None, "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
        ("o33", "gift_report", None, "รายงานผลตามนโยบาย No Gift Policy"),
        (
            "o37",
            "plan_progress",
            None,
            "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
        ),
        ("o38", "plan_results", None, "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"),
        ("o42", "measures", None, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        (
            "o43",
            "measure_results",
            None,
            "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        ),
    ],
)
def test_2566_kinds_match_design(code: str, kind: str, window: str | None, title: str) -> None:
    item = load(2566).item(code)
    assert item is not None
    assert (item.kind, item.title, item.instrument) == (kind, title, "OIT")
    if window is not None:
        assert item.window == window


def test_2566_by_kind_and_items_without_a_kind() -> None:
    cat = load(2566)
    assert [i.code for i in cat.by_kind("plan_progress")] == ["o12", "o37"]
    assert [i.code for i in cat.by_kind("measures")] == ["o42"]
    assert cat.by_kind("complaints") == []
    assert [i.code for i in cat.by_kind("no_gift_policy")] == ["o31"]  # the announcement
    produced = {i.code for i in cat.items if i.kind}
    assert produced == {
        "o12",
        "o13",
        "o16",
        "o17",
        "o29",
        "o30",
        "o31",
        "o33",
        "o37",
        "o38",
        "o42",
        "o43",
    }
    with pytest.raises(ValueError, match="unknown kind"):
        cat.by_kind("gifts")


def test_2566_indicators_group_items_as_the_seed_does() -> None:
    cat = load(2566)

    def indicator(code: str) -> str:
        item = cat.item(code)
        assert item is not None
        return item.indicator

    assert indicator("i1") == "1 การปฏิบัติหน้าที่"
    assert indicator("i30") == "5 การแก้ไขปัญหาการทุจริต"
    assert indicator("e10") == "7 ประสิทธิภาพการสื่อสาร"
    assert indicator("o19") == indicator("o22") == "9.3 การจัดซื้อจัดจ้าง"
    assert indicator("o29") == "9.5 การส่งเสริมความโปร่งใส"
    assert indicator("o42") == "10.2 มาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    seed = SEED_002.read_text(encoding="utf-8")
    for name in {i.indicator for i in cat.items if i.instrument == "OIT"}:
        assert f"ตัวชี้วัดย่อยที่ {name}" in seed


def test_2564_numbers_items_differently() -> None:
    cat = load(2564)
    assert len(cat.items) == 43
    assert [i.code for i in cat.by_kind("measures")] == ["o42"]
    assert [i.code for i in cat.by_kind("measure_results")] == ["o43"]
    assert [i.code for i in cat.by_kind("service_stats")] == ["o15"]
    assert [i.code for i in cat.by_kind("corruption_complaints")] == ["o31"]
    o29 = cat.item("o29")
    assert o29 is not None and o29.title.startswith("แนวปฏิบัติการจัดการเรื่องร้องเรียน")


def test_2568_has_the_codes_the_issue_names() -> None:
    cat = load(2568)
    expected = {
        "O11": ("service_stats", "ข้อมูลสถิติการให้บริการ"),
        "O19": ("corruption_complaints", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        "O20": ("participation", "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
        "O22": ("gift_report", "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา"),
    }
    for code, (kind, title) in expected.items():
        item = cat.item(code)
        assert item is not None, code
        assert (item.kind, item.title) == (kind, title)
    # Unconfirmed 2568 codes are left out rather than guessed.
    assert cat.item("O42") is None


def test_a_year_without_a_file_uses_the_newest_earlier_file() -> None:
    cat = load(2570)
    assert (cat.year, cat.based_on) == (2570, 2568)
    assert cat.items == load(2568).items
    data = cat.to_json()
    assert (data["year"], data["based_on"]) == (2570, 2568)


def test_a_year_before_the_first_file_is_a_clear_error() -> None:
    with pytest.raises(CatalogueError, match="no ITA catalogue for 2560.*earliest is 2564"):
        load(2560)


def test_fallback_in_a_folder_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "2566.csv").write_text(HEADER + "o12,x,OIT,,plan_progress,none\n", encoding="utf-8")
    (tmp_path / "2568.csv").write_text(HEADER + "o9,y,OIT,,,none\n", encoding="utf-8")
    assert load(2567, tmp_path).based_on == 2566
    assert load(2569, tmp_path).based_on == 2568
    assert load(2566, tmp_path).based_on == 2566


@pytest.mark.parametrize(
    "written",
    ["O12", "o12", "o๑๒", "๐๑๒", "O012", "๐12", " O 12 ", "o-12", "OIT 12", "oit12"],
)
def test_codes_as_offices_write_them(written: str) -> None:
    assert normalize_code(written) == "o12"
    item = load(2566).item(written)
    assert item is not None and item.code == "o12"


@pytest.mark.parametrize(
    ("written", "code"), [("i๓", "i3"), ("E15", "e15"), ("ei2", "e2"), ("IIT 30", "i30")]
)
def test_iit_and_eit_codes(written: str, code: str) -> None:
    assert normalize_code(written) == code


@pytest.mark.parametrize("written", ["", "12", "x12", "o", "o0", "o12a", "o 1 2"])
def test_things_that_are_not_codes(written: str) -> None:
    assert normalize_code(written) is None
    assert load(2566).item(written) is None


def test_to_json_shape() -> None:
    data = load(2566).to_json()
    assert (data["year"], data["based_on"]) == (2566, 2566)
    items = data["items"]
    assert isinstance(items, list)
    o29 = next(i for i in items if i["code"] == "o29")
    assert o29 == {
        "code": "o29",
        "title": "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "kind": "corruption_complaints",
        "window": "first_half_current_fy",
        "instrument": "OIT",
        "indicator": "9.5 การส่งเสริมความโปร่งใส",
    }
    o1 = next(i for i in items if i["code"] == "o1")
    assert o1["kind"] is None


def _bad(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "2566.csv"
    path.write_text("# source: test\n" + HEADER + rows, encoding="utf-8")
    return path


def test_unknown_kind_names_file_and_line(tmp_path: Path) -> None:
    path = _bad(tmp_path, "o1,a,OIT,,,none\no2,b,OIT,,gifts,none\n")
    with pytest.raises(CatalogueError, match=rf"{re.escape(str(path))}:4: unknown kind 'gifts'"):
        load(2566, tmp_path)


def test_unknown_window_names_file_and_line(tmp_path: Path) -> None:
    path = _bad(tmp_path, "o1,a,OIT,,,last_year\n")
    with pytest.raises(CatalogueError, match=rf"{re.escape(str(path))}:3: unknown window"):
        load(2566, tmp_path)


def test_duplicate_code_names_file_and_line(tmp_path: Path) -> None:
    path = _bad(tmp_path, "o12,a,OIT,,,none\no13,b,OIT,,,none\no12,c,OIT,,,none\n")
    with pytest.raises(
        CatalogueError, match=rf"{re.escape(str(path))}:5: duplicate code o12 \(first on line 3\)"
    ):
        load(2566, tmp_path)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("O12,a,OIT,,,none\n", "not canonical"),
        ("o12,a,IIT,,,none\n", "belongs to OIT"),
        ("o12,a,OIT,,none\n", "expected 6 columns"),
    ],
)
def test_other_malformed_rows(tmp_path: Path, rows: str, message: str) -> None:
    _bad(tmp_path, rows)
    with pytest.raises(CatalogueError, match=message):
        load(2566, tmp_path)


def test_missing_header(tmp_path: Path) -> None:
    (tmp_path / "2566.csv").write_text("o12,a,OIT,,,none\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="2566.csv:1: expected header"):
        load(2566, tmp_path)
