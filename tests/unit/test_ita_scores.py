"""Reading ITA scores as admins have them: pasted lines, sheet rows; nothing guessed."""

from __future__ import annotations

from decimal import Decimal

from handlers.ita.scores import check, entries_from_rows, entries_from_text

KNOWN = {"i1", "i2", "e2", "e9", "e14", "o30", "o43"}


def sheet_of(text: str):  # type: ignore[no-untyped-def]
    entries, problems = entries_from_text(text)
    return check(entries, KNOWN, problems)


def test_pasted_lines_in_the_ways_offices_write_them() -> None:
    sheet = sheet_of(
        "e14 84.16\n"
        "i1 = 90\n"
        "o30\t0\n"
        "E๙ ๘๖.๙๓\n"  # Thai digits, capital letter
        "ei2 96.93\n"  # seed 002's slip for e2
        "๐๔๓: 00.00\n"  # Thai zero for the letter o
        "\n# a comment\n"
    )
    assert sheet.ok, sheet.messages()
    assert sheet.scores == {
        "e14": Decimal("84.16"),
        "i1": Decimal("90.00"),
        "o30": Decimal("0.00"),
        "e9": Decimal("86.93"),
        "e2": Decimal("96.93"),
        "o43": Decimal("0.00"),
    }


def test_rows_copied_from_a_results_table_keep_the_code_and_the_last_number() -> None:
    # Seed 002 line 47 and 48: leading cells, then the code, then the score.
    sheet = sheet_of(
        "1\tIIT\t1.การปฏิบัติหน้าที่\ti1\t98.43\n"
        "\t\t\ti2\t98.43\n"
        "e9หน่วยงานสามารถสื่อสาร ตอบข้อซักถาม ในช่วง 1 ปี แก่ท่านได้อย่างชัดเจนมากน้อยเพียงใด\t96.93\n"
    )
    assert sheet.ok, sheet.messages()
    assert sheet.scores == {"i1": Decimal("98.43"), "i2": Decimal("98.43"), "e9": Decimal("96.93")}


def test_bad_lines_and_unknown_codes_are_listed_with_their_line_and_nothing_is_ok() -> None:
    sheet = sheet_of("e14 84.16\ne14\ni1 120\nx5 40\no44 100\ne2 84.165\ni2 -3\n")
    assert not sheet.ok
    assert [(p.line, p.reason) for p in sheet.problems] == [
        (2, "อ่านรหัสข้อและคะแนนไม่ได้ (ตัวอย่าง: e14 84.16)"),
        (3, "คะแนนต้องอยู่ระหว่าง 0 ถึง 100"),
        (4, "อ่านรหัสข้อและคะแนนไม่ได้ (ตัวอย่าง: e14 84.16)"),
        (6, "คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
        (7, "คะแนนต้องอยู่ระหว่าง 0 ถึง 100"),
    ]
    assert [(e.line, e.code) for e in sheet.unknown] == [(5, "o44")]
    assert "รหัสที่ไม่มีในบัญชีรายการของปีนี้: o44 (บรรทัด 5)" in sheet.messages()


def test_the_same_code_twice_with_different_scores_is_refused() -> None:
    sheet = sheet_of("e9 86.93\ne9 96.93\ni1 90\ni1 90.00\n")
    assert [(p.line, p.reason) for p in sheet.problems] == [(2, "e9 มีคะแนนซ้ำไม่ตรงกับบรรทัด 1")]
    assert sheet.scores["i1"] == Decimal("90.00")


def test_sheet_rows_skip_the_header_and_the_template_rows_left_empty() -> None:
    entries, problems = entries_from_rows(
        [
            ["code", "score", "title"],
            ["i1", "98.43", "เจ้าหน้าที่ของหน่วยงานท่าน ..."],
            ["i2", "", "..."],
            ["E14", "84.16"],
            ["", ""],
            ["หมายเหตุ", ""],
        ]
    )
    sheet = check(entries, KNOWN, problems)
    assert sheet.scores == {"i1": Decimal("98.43"), "e14": Decimal("84.16")}
    assert [(p.line, p.reason) for p in sheet.problems] == [(6, "ไม่ใช่รหัสข้อ (เช่น i1, e14, o30)")]


def test_nothing_to_read_says_so() -> None:
    sheet = sheet_of("\n\n")
    assert not sheet.ok
    assert sheet.messages() == ["ไม่พบคะแนนในข้อมูลที่ส่งมา"]
