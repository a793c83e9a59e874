"""The seeds' own scores, analysed by hand and by handlers.ita.analysis: the same flags.

Seed 002 (อบต.บ่ออรั้ง, ITA 2566) prints every IIT and EIT score in tables (lines 47-98) and
the OIT scores in its issue tables (lines 141-250): all OIT items 100 except o43 = 00.00.
Seed 004 (ทต.บ้านต๋อม, ITA 2566) quotes its scores in prose; the codes below are read from
the questions it paraphrases (line numbers in the comments).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from handlers.ita.analysis import DEFAULT_THRESHOLD, analyse
from handlers.ita.catalogue import load
from handlers.ita.grouping import load_grouping
from handlers.ita.scores import check, entries_from_text
from handlers.ita.suggestion import Suggestion

SEED_002 = """
i1 98.43\ni2 98.43\ni3 99.21\ni4 100.00\ni5 100.00\ni6 100.00
i7 99.21\ni8 99.21\ni9 98.43\ni10 97.64\ni11 98.43\ni12 97.64
i13 99.21\ni14 98.43\ni15 98.43\ni16 98.43\ni17 99.21\ni18 98.43
i19 96.05\ni20 96.05\ni21 96.05\ni22 99.21\ni23 99.21\ni24 98.43
i25 96.05\ni26 98.43\ni27 98.43\ni28 98.43\ni29 98.43\ni30 98.43
# EIT Public (lines 84-98); ei2 is the seed's slip for e2
e1 96.14\nei2 96.93\ne3 97.71\ne4 92.88\ne5 97.71
e6 97.71\ne7 97.71\ne8 95.29\ne9 86.93\ne10 97.67
e11 96.14\ne12 96.14\ne13 97.67\ne14 96.93\ne15 96.93
"""
# OIT (lines 143-250): every item 100.00 but O43 00.00 (line 250).
OIT_002 = "\n".join(f"o{n} 100.00" for n in range(1, 43)) + "\nO43 00.00\n"

SEED_004 = """
# line 15: i1-i3 100; line 17/19: e1 92.29, e3 93.26, e11 91.32, e12 93.29, e13 94.18,
# e5 93.26, e14 93.29; line 21: o15-o18 100, o30 0
i1 100\ni2 100\ni3 100
e1 ๙๒.๒๙\ne3 ๙๓.๒๖\ne11 ๙๑.๓๒\ne12 ๙๓.๒๙\ne13 ๙๔.๑๘\ne5 ๙๓.๒๖\ne14 ๙๓.๒๙
o15 100\no16 100\no17 100\no18 100\no30 0
# line 11: o11-o14 100
o11 100\no12 100\no13 100\no14 100
# line 25: e6 92.29, e7 91.29, e8 94.18, e9 92.29, e10 88.29; line 27: o1-o3, o5-o10 100
e6 ๙๒.๒๙\ne7 ๙๑.๒๙\ne8 ๙๔.๑๘\ne9 ๙๒.๒๙\ne10 ๘๘.๒๙
o1 100\no2 100\no3 100\no5 100\no6 100\no7 100\no8 100\no9 100\no10 100
# line 31: i20, i21, i24 100; i19, i22 96.88; line 33: o34, o35 100
i20 100\ni21 100\ni24 100\ni19 ๙๖.๘๘\ni22 ๙๖.๘๘\no34 100\no35 100
# line 37/39: i7-i12 100; o19-o22 100
i7 100\ni8 100\ni9 100\ni10 100\ni11 100\ni12 100\no19 100\no20 100\no21 100\no22 100
# line 43/45: i13-i15, i17, i27 100; i16, i18 96.88; o23-o26, o39-o41 100
i13 100\ni14 100\ni15 100\ni17 100\ni27 100\ni16 ๙๖.๘๘\ni18 ๙๖.๘๘
o23 100\no24 100\no25 100\no26 100\no39 100\no40 100\no41 100
# line 49/51/53: i26, i28-i30 100; i25 96.88; e15 91.32; o27-o29, o31-o38 100; o42, o43 0
i26 100\ni28 100\ni29 100\ni30 100\ni25 ๙๖.๘๘\ne15 ๙๑.๓๒
o27 100\no28 100\no29 100\no31 100\no32 100\no33 100\no36 100\no37 100\no38 100
o42 ๐\no43 ๐
"""


def scores(text: str) -> dict[str, Decimal]:
    entries, problems = entries_from_text(text)
    sheet = check(entries, load_grouping(2566).codes(), problems)
    assert sheet.ok, sheet.messages()
    return sheet.scores


class Library:
    """Records what the analysis asks for; answers one suggestion per call."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, list[str]]] = []

    def __call__(self, issue_no: int, codes: Sequence[str]) -> list[Suggestion]:
        self.asked.append((issue_no, list(codes)))
        return [
            Suggestion(f"มาตรการประเด็น {issue_no}", ("ขั้นตอน",), "สำนักปลัด", "ไตรมาส 1", tuple(codes))
        ]


def flagged(analysis) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    return {i.no: [x.code for x in i.flagged] for i in analysis.issues if i.flagged}


def test_seed_002_at_85_flags_only_o43_in_issue_7() -> None:
    library = Library()
    result = analyse(
        2566, scores(SEED_002 + OIT_002), {}, DEFAULT_THRESHOLD, load_grouping(2566), library
    )
    # By hand: the lowest IIT/EIT score is e9 86.93 (>= 85); o43 is an OIT item scored 0.
    assert flagged(result) == {7: ["o43"]}
    assert library.asked == [(7, ["o43"])]
    issue7 = result.issues[6]
    assert issue7.title == "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน"
    assert [s.title for s in issue7.suggestions] == ["มาตรการประเด็น 7"]
    assert all(not i.suggestions for i in result.issues[:6])


def test_seed_002_at_90_also_flags_e9_in_issue_3() -> None:
    result = analyse(2566, scores(SEED_002 + OIT_002), {}, Decimal(90), load_grouping(2566))
    # By hand: e9 86.93 is the only IIT/EIT score under 90 (next lowest e4 92.88).
    assert flagged(result) == {3: ["e9"], 7: ["o43"]}


def test_seed_004_at_85_flags_the_zero_oit_items_of_issues_2_and_7() -> None:
    library = Library()
    result = analyse(
        2566, scores(SEED_004), {}, DEFAULT_THRESHOLD, load_grouping(2566), library, load(2566)
    )
    # By hand: every IIT/EIT score quoted is >= 88.29 (e10); o30, o42 and o43 scored 0.
    assert flagged(result) == {2: ["o30"], 7: ["o42", "o43"]}
    assert library.asked == [(2, ["o30"]), (7, ["o42", "o43"])]
    o30 = next(i for i in result.issues[1].items if i.code == "o30")
    assert o30.title == "การเปิดโอกาสให้เกิดการมีส่วนร่วม"


def test_seed_004_at_90_flags_e10_in_both_issues_it_belongs_to() -> None:
    result = analyse(2566, scores(SEED_004), {}, Decimal(90), load_grouping(2566))
    # e10 88.29 sits in issue 3 (channels) and issue 7 (anti-corruption), as in seed 002.
    assert flagged(result) == {2: ["o30"], 3: ["e10"], 7: ["e10", "o42", "o43"]}


def test_an_oit_zero_is_flagged_even_under_a_threshold_of_zero() -> None:
    result = analyse(
        2566, {"o30": Decimal(0), "e4": Decimal(0)}, {}, Decimal(0), load_grouping(2566)
    )
    assert flagged(result) == {2: ["o30"]}


def test_items_show_last_years_score_and_the_change() -> None:
    this_year = scores(SEED_004)
    last_year = scores(SEED_002 + OIT_002)  # as if the office had scored these in 2565
    result = analyse(2566, this_year, last_year, DEFAULT_THRESHOLD, load_grouping(2566))
    e10 = next(i for i in result.issues[2].items if i.code == "e10")
    assert (e10.score, e10.previous, e10.change) == (
        Decimal("88.29"),
        Decimal("97.67"),
        Decimal("-9.38"),
    )
    o43 = next(i for i in result.issues[6].items if i.code == "o43")
    assert o43.as_json() == {
        "code": "o43",
        "title": "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "score": 0.0,
        "flagged": True,
        "previous": 0.0,
        "change": 0.0,
    }
    e2 = next(i for i in result.issues[0].items if i.code == "e2")
    assert (e2.score, e2.previous, e2.change, e2.flagged) == (None, Decimal("96.93"), None, False)


def test_issue_membership_per_year_file() -> None:
    g = load_grouping(2566)
    assert g.issue(4).codes == ("i19", "i20", "i21", "i22", "i23", "i24", "o34", "o35")
    assert g.issue(2).codes[:3] == ("i1", "i2", "i3")
    assert "i1" in g.issue(1).codes and "o30" in g.issue(2).codes
    # 2567 has no file: 2566's grouping is used. 2568 has its OIT rows, 2566's IIT/EIT.
    assert load_grouping(2567).based_on == 2566
    g68 = load_grouping(2568)
    assert (g68.based_on, g68.survey_based_on) == (2568, 2566)
    assert g68.issue(2).codes == tuple(g.issue(2).codes[:11]) + ("o9", "o10", "o11", "o20")
    assert g68.issue(7).title == g.issue(7).title
