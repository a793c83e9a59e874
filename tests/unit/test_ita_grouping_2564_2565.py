"""The issue groupings of ITA 2564 and 2565 (issues/2564.csv, 2565.csv) against those years'
catalogues: every OIT item placed where its header says, no code the catalogue lacks, and the
IIT/EIT questions of 2566 in the same issues."""

from __future__ import annotations

import pytest

from handlers.ita.analysis import comparable
from handlers.ita.catalogue import load
from handlers.ita.grouping import load_grouping

# The intended placement of o1-o43 (the files' headers explain each choice).
INTENDED: dict[int, tuple[int, ...]] = {
    **{n: (3,) for n in (1, 2, 3, 5, 6, 7, 8, 9, 32)},
    **{n: (1,) for n in (4, 10, 11, 12, 13)},
    **{n: (2,) for n in (14, 15, 16, 17, 33)},
    **{n: (5,) for n in (18, 19, 20, 21, 22, 23, 24)},
    **{n: (6,) for n in (25, 26, 27, 28)},
    **{n: (7,) for n in (29, 30, 31, 34, 35, 39, 40, 41, 42, 43)},
    36: (4, 7),  # corruption risk assessment, as 2566's o34
    37: (4, 7),
    38: (7,),
}
INTENDED_2565 = {**INTENDED, 38: (6, 7)}  # '... ตามมาตรฐานทางจริยธรรม': ethics too


def placement(year: int) -> dict[str, tuple[int, ...]]:
    g = load_grouping(year)
    out: dict[str, tuple[int, ...]] = {}
    for issue in g.issues:
        for code in issue.codes:
            out[code] = (*out.get(code, ()), issue.no)
    return out


@pytest.mark.parametrize(("year", "intended"), [(2564, INTENDED), (2565, INTENDED_2565)])
def test_every_oit_item_of_the_catalogue_is_placed_as_intended(
    year: int, intended: dict[int, tuple[int, ...]]
) -> None:
    grouping = load_grouping(year)
    assert (grouping.based_on, grouping.survey_based_on) == (year, year)
    catalogue = {i.code for i in load(year).items}
    oit = {c: nos for c, nos in placement(year).items() if c.startswith("o")}
    assert set(oit) == catalogue  # none left out, none the catalogue lacks
    assert oit == {f"o{n}": nos for n, nos in intended.items()}
    # The titles are the catalogue's, so the analysis reads like the year's evidence list.
    assert all(grouping.titles[i.code] == i.title for i in load(year).items)


@pytest.mark.parametrize("year", [2564, 2565])
def test_iit_and_eit_are_2566s_questions_in_2566s_issues(year: int) -> None:
    mine, y2566 = load_grouping(year), load_grouping(2566)
    survey = {c: n for c, n in placement(year).items() if c[0] in "ie"}
    assert set(survey) == {f"i{n}" for n in range(1, 31)} | {f"e{n}" for n in range(1, 16)}
    assert survey == {c: n for c, n in placement(2566).items() if c[0] in "ie"}
    assert {c: t for c, t in mine.titles.items() if c[0] in "ie"} == {
        c: t for c, t in y2566.titles.items() if c[0] in "ie"
    }
    assert [i.title for i in mine.issues] == [i.title for i in y2566.issues]
    # i25 (executives and corruption) sits with o35, the executives' part, in issue 7.
    assert {"i25", "o35"} <= set(mine.issue(7).codes)


def test_the_no_gift_item_is_o34_in_2565_and_not_in_2564() -> None:
    assert load_grouping(2565).titles["o34"] == "นโยบายไม่รับของขวัญ (No Gift Policy)"
    assert load_grouping(2564).titles["o34"] == "เจตจำนงสุจริตของผู้บริหาร"


def test_2564_to_2566_compare_iit_and_eit_and_the_oit_items_that_kept_code_and_title() -> None:
    y64, y65, y66 = (load_grouping(y) for y in (2564, 2565, 2566))
    survey = {f"i{n}" for n in range(1, 31)} | {f"e{n}" for n in range(1, 16)}
    same = comparable(y66, y65)
    assert {c for c in same if c[0] in "ie"} == survey
    # 2566 renumbered the OIT list; only these kept both code and title.
    assert {c for c in same if c[0] == "o"} == {f"o{n}" for n in (1, 2, 3, 4, 5, 6, 8, 9, 42, 43)}
    # 2564 -> 2565: one numbering; o34 changed subject, o36-o38 their wording.
    oit = {c for c in comparable(y65, y64) if c[0] == "o"}
    assert oit == {f"o{n}" for n in range(1, 44)} - {"o34", "o36", "o37", "o38"}
    # 2568 renumbered again and keeps 2566's IIT/EIT: no OIT code carries over.
    assert comparable(load_grouping(2568), load_grouping(2567)) == survey
