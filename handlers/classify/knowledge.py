"""Hand-written knowledge for what the Traffy data cannot teach.

Traffy Fondue (Bangkok) has no tickets about tap water supply, corruption or staff
conduct, and little rural vocabulary. Two things fill that gap:

* ``KEYWORDS``: phrases with a weight, matched as substrings of normalised text and
  blended with the model's probabilities (see ``model.Classifier``). Weight 1.0 means
  "this phrase alone decides the category"; smaller weights only nudge.
* ``SEED_EXAMPLES``: short synthetic complaints added to the training set so the model
  itself gives these categories probability mass and learns their vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping

STRONG = 1.0
MEDIUM = 0.5
WEAK = 0.2

KEYWORDS: Mapping[str, Mapping[str, float]] = {
    "supply": {
        "น้ำประปา": STRONG,
        "ประปาไม่ไหล": STRONG,
        "น้ำไม่ไหล": MEDIUM,
        "น้ำไหลอ่อน": STRONG,
        "ประปาหมู่บ้าน": STRONG,
        "ค่าน้ำ": STRONG,
        "มิเตอร์น้ำ": STRONG,
        "มาตรวัดน้ำ": STRONG,
        "น้ำขุ่น": MEDIUM,
        "หอถังสูง": STRONG,
        "ประปาแตก": MEDIUM,
        "ประปารั่ว": MEDIUM,
        "น้ำมีกลิ่น": MEDIUM,
        "น้ำมีตะกอน": STRONG,
        "ไม่มีน้ำใช้": STRONG,
        "น้ำเป็นสนิม": STRONG,
        "ประปา": WEAK,
    },
    "corruption": {
        "ทุจริต": STRONG,
        "สินบน": STRONG,
        "ใต้โต๊ะ": STRONG,
        "เงินทอน": STRONG,
        "ฮั้ว": STRONG,
        "คอร์รัปชัน": STRONG,
        "คอรัปชั่น": STRONG,
        "คอรัปชัน": STRONG,
        "เรียกเงิน": STRONG,
        "เรียกรับเงิน": STRONG,
        "เรียกรับผลประโยชน์": STRONG,
        "ประพฤติมิชอบ": STRONG,
        "เอื้อประโยชน์": STRONG,
        "ยักยอก": STRONG,
        "เบียดบัง": STRONG,
        "โกงงบ": STRONG,
        "โกงเงิน": STRONG,
        "ขัดกันแห่งผลประโยชน์": STRONG,
        "เล่นพรรคเล่นพวก": STRONG,
        "ค่าน้ำร้อนน้ำชา": STRONG,
        "จ่ายใต้โต๊ะ": STRONG,
        "ล็อกสเปก": STRONG,
        "ล็อคสเปค": STRONG,
        "เบาะแส": MEDIUM,
        "โกง": MEDIUM,
        "กินหัวคิว": STRONG,
        "หักหัวคิว": STRONG,
        "ป.ป.ช": STRONG,
        "ปปช": STRONG,
        "รับเงินค่า": MEDIUM,
        "ฮั้วประมูล": STRONG,
        "เก็บส่วย": STRONG,
        "ส่วย": MEDIUM,
    },
    "service": {
        "พูดจาไม่สุภาพ": STRONG,
        "ไม่สุภาพ": STRONG,
        "พูดไม่ดี": STRONG,
        "พูดจาไม่ดี": STRONG,
        "บริการล่าช้า": STRONG,
        "บริการช้า": STRONG,
        "บริการไม่ดี": STRONG,
        "ให้บริการ": MEDIUM,
        "เจ้าหน้าที่ไม่อยู่": STRONG,
        "ไม่อยู่ที่โต๊ะ": STRONG,
        "รอนาน": MEDIUM,
        "รอคิว": MEDIUM,
        "ไม่รับเรื่อง": STRONG,
        "ไม่รับโทรศัพท์": STRONG,
        "ไม่รับสาย": STRONG,
        "ตะคอก": STRONG,
        "ดูถูก": MEDIUM,
        "มาสาย": MEDIUM,
        "ขาดงาน": STRONG,
        "เลือกปฏิบัติ": STRONG,
        "ไม่ให้บริการ": STRONG,
        "เอกสารหาย": MEDIUM,
        "ไม่มีมารยาท": STRONG,
        "หน้าบึ้ง": STRONG,
        "ไม่เป็นมิตร": STRONG,
        "ไม่ตอบ": MEDIUM,
        "ไม่เต็มใจ": MEDIUM,
    },
    "light": {
        "ไฟกิ่ง": MEDIUM,
        "ไฟถนนดับ": MEDIUM,
        "ไฟทางดับ": MEDIUM,
        "ไฟส่องสว่าง": MEDIUM,
        "หลอดไฟ": WEAK,
        "เสาไฟ": WEAK,
        "ไฟดับ": WEAK,
        "ไฟไม่ติด": MEDIUM,
        "ความสว่าง": MEDIUM,
        "มืดมาก": WEAK,
        "สายไฟ": MEDIUM,
        "สายสื่อสาร": MEDIUM,
    },
    "road": {
        "ถนนลูกรัง": MEDIUM,
        "หลุมบ่อ": WEAK,
        "ถนนพัง": MEDIUM,
        "ถนนชำรุด": MEDIUM,
        "ถนนเป็นหลุม": MEDIUM,
        "ทางเท้า": WEAK,
        "ฟุตบาท": WEAK,
        "สะพาน": WEAK,
        "หลุม": WEAK,
    },
    "water": {
        "น้ำท่วม": WEAK,
        "ท่อระบายน้ำ": WEAK,
        "รางระบายน้ำ": WEAK,
        "ท่อตัน": MEDIUM,
        "ลำเหมือง": MEDIUM,
        "ลำห้วย": WEAK,
        "ขุดลอก": WEAK,
        "น้ำท่วมขัง": WEAK,
        "คลอง": WEAK,
        "น้ำเน่า": WEAK,
    },
    "waste": {
        "ขยะ": WEAK,
        "ไม่มีคนมาเก็บ": WEAK,
        "ถังขยะ": MEDIUM,
        "รถขยะ": MEDIUM,
        "ขยะล้น": MEDIUM,
        "ทิ้งขยะ": MEDIUM,
        "ห้องน้ำสกปรก": MEDIUM,
        "ห้องน้ำ": MEDIUM,
        "ส้วม": MEDIUM,
        "สุขา": MEDIUM,
        "สกปรก": WEAK,
    },
    "nuisance": {
        "เสียงดัง": WEAK,
        "กลิ่นเหม็น": WEAK,
        "เผาขยะ": MEDIUM,
        "ควันไฟ": WEAK,
        "ฟาร์มหมู": MEDIUM,
        "เล้าไก่": MEDIUM,
        "คอกวัว": MEDIUM,
        "ฝุ่น": WEAK,
        "เสียงรบกวน": WEAK,
        "กีดขวาง": MEDIUM,
        "แผงลอย": WEAK,
        "หาบเร่": WEAK,
        "ค้าขายบนทางเท้า": MEDIUM,
    },
    "green": {
        "หมาจร": MEDIUM,
        "แมวจร": MEDIUM,
        "สุนัขจรจัด": MEDIUM,
        "ต้นไม้ล้ม": MEDIUM,
        "กิ่งไม้": WEAK,
        "ตัดต้นไม้": WEAK,
        "งู": WEAK,
        "หมากัด": MEDIUM,
        "สุนัขกัด": MEDIUM,
        "นกพิราบ": MEDIUM,
        "รังผึ้ง": MEDIUM,
        "รังต่อ": MEDIUM,
        "ตัดแต่งกิ่ง": MEDIUM,
        "ต้นไม้": WEAK,
    },
    "safety": {
        "ลูกระนาด": WEAK,
        "ทางม้าลาย": WEAK,
        "สัญญาณไฟจราจร": MEDIUM,
        "ป้ายจราจร": WEAK,
        "กล้องวงจรปิด": WEAK,
        "มั่วสุม": MEDIUM,
        "ไฟแดง": MEDIUM,
        "ไฟเขียว": MEDIUM,
        "ไฟจราจร": MEDIUM,
        "กระจกโค้ง": MEDIUM,
        "จราจรติดขัด": WEAK,
        "รถติด": WEAK,
        "คนจรจัด": MEDIUM,
        "คนไร้บ้าน": MEDIUM,
        "ขับรถเร็ว": WEAK,
    },
    "other": {
        "ข้อเสนอแนะ": MEDIUM,
        "เสนอแนะ": WEAK,
        "สอบถาม": WEAK,
        "อยากทราบ": WEAK,
        # Traffy files advice ("อยากแนะนำ...", "ขอคำแนะนำ") under เสนอแนะ/สอบถาม.
        "แนะนำ": MEDIUM,
    },
}

# Synthetic complaints, written the way villagers type in LINE, for categories that Traffy
# lacks or barely covers; they are training data only, never test data.
SEED_EXAMPLES: Mapping[str, tuple[str, ...]] = {
    "supply": (
        "น้ำประปาไม่ไหลมาสามวันแล้วครับ",
        "ประปาหมู่บ้านไม่ไหล หมู่ 5 ไม่มีน้ำใช้เลย",
        "น้ำประปาขุ่นมาก มีตะกอน ใช้ไม่ได้",
        "น้ำประปาไหลอ่อนมาก ช่วงเย็นไม่มีน้ำ",
        "ท่อประปาแตกหน้าบ้าน น้ำรั่วไหลทั้งวัน",
        "ค่าน้ำประปาเดือนนี้แพงผิดปกติ มิเตอร์น้ำน่าจะเสีย",
        "มาตรวัดน้ำชำรุด ขอให้มาเปลี่ยนให้ด้วย",
        "น้ำประปามีกลิ่นคลอรีนแรง และเป็นสีเหลือง",
        "หอถังสูงประปาหมู่บ้านรั่ว",
        "น้ำประปาเป็นสนิม ซักผ้าไม่ได้",
        "ประปาไม่ไหลทั้งซอย ไม่มีประกาศแจ้งล่วงหน้า",
        "ขอติดตั้งน้ำประปาเข้าบ้านใหม่ รอนานแล้ว",
        "ปั๊มน้ำประปาหมู่บ้านเสีย น้ำไม่ขึ้นถัง",
        "น้ำไม่ไหลตั้งแต่เมื่อวาน เด็กๆไม่มีน้ำอาบ",
        "ประปารั่วซึมใต้ถนน น้ำไหลนองตลอด",
    ),
    "corruption": (
        "เจ้าหน้าที่เรียกเงินใต้โต๊ะเพื่อให้ใบอนุญาตเร็วขึ้น",
        "มีการเรียกรับสินบนในการขออนุญาตก่อสร้าง",
        "สงสัยว่ามีการฮั้วประมูลโครงการสร้างถนน",
        "ขอแจ้งเบาะแสทุจริตการจัดซื้อจัดจ้างของ อบต.",
        "นายกเอื้อประโยชน์ให้บริษัทของญาติได้งาน",
        "ผู้รับเหมาจ่ายเงินทอนให้เจ้าหน้าที่",
        "เจ้าหน้าที่ขอค่าน้ำร้อนน้ำชาก่อนรับเรื่อง",
        "มีการยักยอกเงินงบประมาณโครงการ",
        "ถนนเพิ่งสร้างเสร็จก็พัง น่าจะโกงวัสดุ ใช้ปูนไม่ครบสเปก",
        "ข้าราชการใช้รถหลวงไปทำธุระส่วนตัว",
        "เจ้าหน้าที่เรียกรับเงินค่าดำเนินการโดยไม่มีใบเสร็จ",
        "มีการล็อกสเปกในการจัดซื้อครุภัณฑ์",
        "กำนันเก็บส่วยจากร้านค้าในตลาด",
        "เบิกค่าอาหารโครงการอบรมแต่ไม่มีการอบรมจริง",
        "เจ้าหน้าที่ทุจริตเงินเบี้ยยังชีพผู้สูงอายุ",
        "จ้างญาติตัวเองเข้าทำงานโดยไม่สอบ เล่นพรรคเล่นพวก",
        "คอร์รัปชันในโครงการขุดลอกคลอง",
    ),
    "service": (
        "เจ้าหน้าที่พูดจาไม่สุภาพกับผู้สูงอายุ",
        "บริการล่าช้ามาก รอเกือบสองชั่วโมง",
        "ไปติดต่อที่ อบต. แต่เจ้าหน้าที่ไม่อยู่ที่โต๊ะ",
        "โทรไปสำนักงานไม่มีใครรับสายเลย",
        "เจ้าหน้าที่ตะคอกใส่ชาวบ้าน",
        "ยื่นเรื่องไปนานแล้วยังไม่มีใครติดต่อกลับ",
        "พนักงานเลือกปฏิบัติ คนรู้จักได้ก่อน",
        "เจ้าหน้าที่มาสายทุกวัน ประชาชนต้องรอ",
        "ยื่นเอกสารแล้วเอกสารหาย ต้องทำใหม่",
        "การให้บริการจ่ายเบี้ยยังชีพช้ามาก",
        "เจ้าหน้าที่หน้าบึ้ง ไม่เต็มใจให้บริการ",
        "ติดต่อขอใบอนุญาตแต่ถูกให้ไปกลับหลายรอบ",
        "เจ้าหน้าที่ไม่รับเรื่องร้องเรียนของผม",
        "พนักงานเก็บภาษีพูดจาดูถูกชาวบ้าน",
        "ปิดสำนักงานก่อนเวลา ไปติดต่อไม่ได้",
    ),
    "other": (
        "อยากเสนอให้มีตลาดนัดชุมชนทุกวันเสาร์",
        "สอบถามเรื่องการจ่ายเบี้ยยังชีพผู้สูงอายุ",
        "อยากทราบวิธีชำระภาษีที่ดินออนไลน์",
        "ข้อเสนอแนะ ควรมีกิจกรรมสำหรับเยาวชน",
        "สอบถามการขอใบอนุญาตปลูกสร้างบ้าน",
    ),
    "light": (
        "ไฟกิ่งหน้าบ้านผู้ใหญ่ดับหลายวันแล้ว",
        "ไฟทางในหมู่บ้านดับทั้งสาย มืดมาก",
        "หลอดไฟถนนเส้นไปวัดขาด ช่วยมาเปลี่ยนด้วย",
    ),
    "road": (
        "ถนนลูกรังเข้าหมู่บ้านเป็นหลุมเป็นบ่อ",
        "ถนนคอนกรีตในหมู่ 3 แตกร้าว รถสัญจรลำบาก",
        "ทางเข้าไร่เป็นหลุม ฝนตกแล้วเละ",
    ),
    "water": (
        "ลำเหมืองตื้นเขิน น้ำไหลไม่สะดวก",
        "รางระบายน้ำหน้าตลาดตัน น้ำขังเน่าเหม็น",
        "น้ำท่วมนาข้าวเพราะฝายพัง",
    ),
    "waste": (
        "ขยะไม่มีคนมาเก็บ",
        "รถขยะไม่มาเก็บขยะหนึ่งสัปดาห์แล้ว",
        "ถังขยะหน้าหมู่บ้านล้น ส่งกลิ่นเหม็น",
    ),
    "nuisance": (
        "ข้างบ้านเผาขยะควันเต็มบ้าน",
        "ฟาร์มหมูส่งกลิ่นเหม็นทั้งหมู่บ้าน",
        "ร้านคาราโอเกะเปิดเพลงเสียงดังถึงตีสอง",
    ),
    "green": (
        "หมาจรในหมู่บ้านเยอะมาก ไล่กัดเด็ก",
        "กิ่งไม้ใหญ่จะหักลงมาทับสายไฟ ช่วยตัดด้วย",
        "ต้นไม้ล้มขวางทางหลังพายุ",
    ),
}


def keyword_scores(normalized: str, codes: list[str]) -> list[float]:
    """Sum of matched keyword weights per code (in ``codes`` order).

    A phrase inside a longer matched phrase does not count (ประปา inside น้ำประปา, ค่าน้ำ
    inside ค่าน้ำร้อนน้ำชา), so one mention is neither double-counted nor misread.
    """
    hits = [
        (code, phrase, weight)
        for code, phrases in KEYWORDS.items()
        for phrase, weight in phrases.items()
        if phrase in normalized
    ]
    index = {c: i for i, c in enumerate(codes)}
    scores = [0.0] * len(codes)
    for code, phrase, weight in hits:
        if code in index and not any(phrase != q and phrase in q for _, q, _ in hits):
            scores[index[code]] += weight
    return scores


def seed_examples() -> list[tuple[str, str]]:
    return [(text, code) for code, texts in SEED_EXAMPLES.items() for text in texts]
