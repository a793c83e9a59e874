from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

import handlers.classify
from handlers.classify import Classifier, ModelNotFoundError, classify
from handlers.classify.categories import category_codes, codes_for_traffy_type
from handlers.classify.data import Example, random_split
from handlers.classify.features import normalize_text, text_parts
from handlers.classify.knowledge import keyword_scores

CASES = [
    ("ไฟถนนดับหน้าวัดสามวันแล้วครับ", "light"),
    ("ขยะไม่มีคนมาเก็บ", "waste"),
    ("ถนนเป็นหลุมใหญ่ รถมอเตอร์ไซค์ล้มทุกวัน", "road"),
    ("ฝนตกทีไรน้ำท่วมซอย ท่อระบายน้ำตัน", "water"),
    ("น้ำประปาไม่ไหลมาสองวันแล้ว", "supply"),
    ("ประปาหมู่บ้านน้ำขุ่นเป็นสีโคลน", "supply"),
    ("เจ้าหน้าที่เรียกเงินใต้โต๊ะ ถึงจะออกใบอนุญาตให้", "corruption"),
    ("สงสัยว่ามีการฮั้วประมูลงานถนน", "corruption"),
    ("เจ้าหน้าที่พูดจาไม่สุภาพกับยายผม", "service"),
    ("ไปติดต่อที่สำนักงาน บริการล่าช้ามาก รอครึ่งวัน", "service"),
    ("ข้างบ้านเปิดเพลงเสียงดังทั้งคืน", "nuisance"),
    ("หมาจรไล่กัดเด็กนักเรียนหน้าโรงเรียน", "green"),
    ("ไฟแดงที่สี่แยกเสียมาสามวันแล้ว", "safety"),
    ("นกพิราบเต็มศาลาหมู่บ้าน ขี้นกเลอะไปหมด", "green"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_realistic_texts(small_classifier: Classifier, text: str, expected: str) -> None:
    top3 = [code for code, _ in classify(text)[:3]]
    assert expected in top3, (text, classify(text)[:3])
    if expected in {"supply", "corruption", "service", "light", "waste"}:
        assert top3[0] == expected, (text, classify(text)[:3])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ห้องน้ำสาธารณะในตลาดสกปรกมาก ไม่มีใครทำความสะอาด", "waste"),
        ("สายไฟห้อยต่ำเกือบถึงพื้น รถสูงเกี่ยวขาด", "light"),
        ("ร้านค้าตั้งแผงกีดขวางทางเดิน", "nuisance"),
        ("อยากแนะนำให้เปิดสวนสาธารณะถึงสี่ทุ่ม", "other"),
    ],
)
def test_category_knowledge_reaches_the_suggestions(
    small_classifier: Classifier,
    text: str,
    expected: str,
) -> None:
    """Words whose category the knowledge names are among the three quick replies."""
    assert expected in [code for code, _ in classify(text)[:3]], classify(text)[:4]


def test_ranks_every_code_with_scores_summing_to_one(small_classifier: Classifier) -> None:
    ranked = classify("ไฟฟ้าดับทั้งซอย")
    assert sorted(c for c, _ in ranked) == sorted(category_codes())
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert sum(scores) == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "\u200b", "ก" * 20000, "hello"])
def test_odd_input_does_not_crash(small_classifier: Classifier, text: str) -> None:
    ranked = small_classifier.classify(text)
    assert len(ranked) == len(category_codes())


def test_save_and_load_round_trip(small_classifier: Classifier, tmp_path: Path) -> None:
    path = small_classifier.save(tmp_path / "m.npz")
    loaded = Classifier.load(path)
    texts = ["น้ำท่วมถนนหน้าบ้าน", "น้ำประปาไม่ไหล", "ไฟกิ่งดับ"]
    for text in texts:
        assert dict(loaded.classify(text)) == pytest.approx(dict(small_classifier.classify(text)))
    # Plain arrays, no pickle: the file loads with pickling switched off.
    import numpy as np

    with np.load(path, allow_pickle=False) as z:
        assert z["weights"].dtype == np.float32


def test_outdated_model_file_is_reported(tmp_path: Path) -> None:
    import numpy as np

    path = tmp_path / "old.npz"
    np.savez(path, header=np.frombuffer(b'{"format": 1}', dtype=np.uint8))
    with pytest.raises(ValueError, match="make model"):
        Classifier.load(path)


@pytest.mark.usefixtures("default_model_restored")
def test_missing_model_is_reported_never_trained(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No model file: a clear error at once (training would take seconds and write the
    file), and the chat still gets a ranking, from the keywords, with one logged error."""
    missing = tmp_path / "models" / "classifier.npz"
    start = time.perf_counter()
    with pytest.raises(ModelNotFoundError) as error:
        Classifier.load(missing)
    assert time.perf_counter() - start < 1.0
    assert str(missing) in str(error.value)
    assert "missing" in str(error.value) and "make model" in str(error.value)

    handlers.classify.use_model_file(missing)
    with caplog.at_level(logging.ERROR, logger="handlers.classify"):
        ranked = classify("น้ำประปาไม่ไหลมาสองวันแล้ว")
        assert classify("เจ้าหน้าที่เรียกเงินใต้โต๊ะ")[0][0] == "corruption"
    assert ranked[0][0] == "supply"
    assert sorted(c for c, _ in ranked) == sorted(category_codes())
    assert sum(s for _, s in ranked) == pytest.approx(1.0)
    assert [r.getMessage() for r in caplog.records if "make model" in r.getMessage()] == [
        f"{error.value} Ranking categories by keywords only until then."
    ]
    assert not list(tmp_path.rglob("*"))


def test_traffy_label_mapping() -> None:
    assert codes_for_traffy_type("{น้ำท่วม,ถนน}") == ["water", "road"]
    assert codes_for_traffy_type("{ถนน,ทางเท้า}") == ["road"]
    assert codes_for_traffy_type("{PM2.5}") == ["nuisance"]
    assert codes_for_traffy_type("{}") == []


def test_normalize_text() -> None:
    assert normalize_text("ไฟ\u200bดับบบบ ๓ วัน 🙏") == "ไฟดับ 3 วัน"
    assert normalize_text("น้ํา\u0e49\u0e49ท่วม!!! โทร 081-234-5678 https://x.co/a ด่วน") == (
        "น้ำ\u0e49ท่วม โทร ด่วน"
    )
    assert normalize_text("ก" * 5000 + "x") == "ก"  # repeated letters collapse, then the cut


def test_keywords_prefer_longest_phrase() -> None:
    codes = ["supply", "corruption"]
    assert keyword_scores("ขอค่าน้ำร้อนน้ำชา", codes) == [0.0, 1.0]


def test_split_is_deterministic_and_disjoint() -> None:
    examples = [Example(f"ข้อความ {i}", ("road",), "2022") for i in range(200)]
    a_train, a_test = random_split(examples)
    b_train, b_test = random_split(list(reversed(examples)))
    assert {e.text for e in a_test} == {e.text for e in b_test}
    assert not {e.text for e in a_train} & {e.text for e in a_test}


# A letter that opens with one matter and raises a second only after the opening the
# features read (MAX_CHARS); the ticket may be about either.
PREAMBLE = (
    "เรียน นายก อบต. ด้วยกระผมเป็นชาวบ้านหมู่ 3 ขอร้องเรียนเรื่องถนนลูกรังสายหลักเข้าหมู่บ้าน "
    "ซึ่งชำรุดเป็นหลุมเป็นบ่อมานานหลายเดือน เวลาฝนตกน้ำขังเต็มหลุม รถมอเตอร์ไซค์ล้มบ่อยมาก "
    "เด็กนักเรียนขี่จักรยานไปโรงเรียนลำบาก ผู้สูงอายุเดินทางไปโรงพยาบาลก็ลำบาก "
    "ขอให้ช่วยลงหินคลุกและบดอัดถนนให้เรียบร้อยด้วยครับ "
)


def test_later_matter_of_a_long_letter_is_suggested(small_classifier: Classifier) -> None:
    letter = f"1. {PREAMBLE} 2. อีกเรื่องคือน้ำประปาหมู่บ้านไม่ไหลมาสามวันแล้ว ไม่มีน้ำใช้เลยครับ"
    assert letter.index("น้ำประปา") > 300
    top3 = [code for code, _ in small_classifier.classify(letter)[:3]]
    assert top3[0] == "road"
    assert "supply" in top3, small_classifier.classify(letter)[:4]


def test_text_parts_pack_clauses_and_cut_long_ones() -> None:
    assert text_parts("ถนนพัง", 300, 8) == []  # one piece: the whole-text reading covers it
    letter = "1. " + "ก" * 250 + " 2. " + "ข" * 100 + "\n3. ค" + " " + "ง" * 700
    parts = text_parts(letter, 300, 8)
    assert all(len(p) <= 300 for p in parts)
    assert parts[0].startswith("1.") and parts[1].startswith("2.")
    assert "".join(parts).replace(" ", "") == letter.replace(" ", "").replace("\n", "")
    assert len(text_parts("ก" * 10_000, 300, 8)) == 8  # a bounded cost for any length
