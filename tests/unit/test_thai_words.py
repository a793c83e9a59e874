"""Word segmentation with office vocabulary, and numbers in staff and citizen messages."""

import pytest

from handlers.thai import parse_percent, tokenize, words


def test_office_terms_stay_whole() -> None:
    tokens = tokenize("ร้องเรียนไฟถนนดับ แจ้งกองสาธารณสุขและสิ่งแวดล้อม อบต.บ้านนา ท่อระบายน้ำตัน")
    for term in ("ร้องเรียน", "ไฟถนน", "กองสาธารณสุขและสิ่งแวดล้อม", "อบต.", "ท่อระบายน้ำ"):
        assert term in tokens


def test_classifier_segmentation_uses_the_same_dictionary() -> None:
    """segment() (nlpO3, the classifier's fast path) keeps the office terms whole and splits
    Thai text exactly as tokenize() (pythainlp's newmm) does."""
    from handlers.thai.tokenize import segment

    text = "ร้องเรียนไฟถนนดับ แจ้งกองสาธารณสุขและสิ่งแวดล้อม อบต.บ้านนา ท่อระบายน้ำตัน"
    assert segment(text) == tokenize(text)
    assert segment("ประปาหมู่บ้านไม่ไหลสามวัน สำนักปลัดไม่รับเรื่อง") == tokenize(
        "ประปาหมู่บ้านไม่ไหลสามวัน สำนักปลัดไม่รับเรื่อง"
    )
    assert segment("") == []


def test_tokenize_normalises_and_drops_spaces() -> None:
    assert tokenize("\u200bน้ําประปา\u200b  ไม่ไหล") == ["น้ำประปา", "ไม่", "ไหล"]
    assert tokenize("   ") == []


def test_words_include_dictionary_and_office_terms() -> None:
    vocabulary = words()
    assert {"สำนักปลัด", "กองคลัง", "เบาะแส", "สินบน", "บ้าน"} <= vocabulary
    assert isinstance(vocabulary, frozenset)


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("๖๐%", 60),
        ("60 %", 60),
        ("ร้อยละ ๖๐", 60),
        ("60เปอร์เซ็นต์", 60),
        ("ร้อยละหกสิบ", 60),
        ("มาตรการ ๓ เสร็จแล้ว ๖๐% อบรม ๔๕ คน", 60),
        ("เสร็จ 100%", 100),
        ("ความคืบหน้า 0%", 0),
        ("ได้ 72.5%", 72),
    ],
)
def test_percent_is_read_in_any_spelling(text: str, percent: int) -> None:
    assert parse_percent(text) == percent


@pytest.mark.parametrize("text", ["เสร็จแล้ว", "150%", "อบรม ๔๕ คน", ""])
def test_no_percent_or_impossible_percent_is_none(text: str) -> None:
    assert parse_percent(text) is None
