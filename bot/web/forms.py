"""Citizen web forms, with Thai validation messages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, MultipleFileField, SelectField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from handlers.complaints.policy import public_categories, sealed_categories
from handlers.complaints.usecases import MAX_DETAILS, MAX_PHOTOS, MIN_DETAILS, clean_phone


def _phone(form: FlaskForm, field: StringField) -> None:
    if field.data and clean_phone(field.data) is None:
        raise ValidationError("เบอร์โทรศัพท์ไม่ถูกต้อง (ตัวเลข 9–10 หลัก เช่น 0812345678)")


def _details_length(form: FlaskForm, field: TextAreaField) -> None:
    """Too short or too long, with how much was typed: the text stays in the box to edit."""
    n = len((field.data or "").strip())
    if n < MIN_DETAILS:
        raise ValidationError(
            f"รายละเอียดสั้นเกินไป ({n} ตัวอักษร) กรุณาเล่าเพิ่มว่าเกิดอะไรขึ้น ที่ไหน อย่างน้อย {MIN_DETAILS} ตัวอักษร"
        )
    if n > MAX_DETAILS:
        raise ValidationError(
            f"รายละเอียดยาว {n:,} ตัวอักษร เกินที่รับได้ {MAX_DETAILS:,} ตัวอักษร"
            " กรุณาตัดให้สั้นลง หรือแนบเป็นรูปภาพแทน"
        )


def _photo_count(form: FlaskForm, field: MultipleFileField) -> None:
    files = [f for f in (field.data or []) if getattr(f, "filename", "")]
    if len(files) > MAX_PHOTOS:
        raise ValidationError(f"แนบรูปได้ไม่เกิน {MAX_PHOTOS} รูป")


class TextOnly:
    """A text field given a file (a tampered multipart post) treats it as empty: the
    validators then answer in Thai instead of the server failing on a non-string."""

    def process_formdata(self, valuelist: list[object]) -> None:
        super().process_formdata([v for v in valuelist if isinstance(v, str)])  # type: ignore[misc]


class TextField(TextOnly, StringField):
    pass


class TextArea(TextOnly, TextAreaField):
    pass


class ThaiSelectField(SelectField):
    """A category from outside the list (a tampered form) is explained in Thai, not English."""

    def pre_validate(self, form: object) -> None:
        if self.data and self.data not in {str(v) for v, *_ in self.choices or []}:
            raise ValidationError("กรุณาเลือกประเภทเรื่องจากรายการ")


class ComplaintForm(FlaskForm):
    category = ThaiSelectField(
        "ประเภทเรื่อง",
        choices=[],
        validators=[DataRequired("กรุณาเลือกประเภทเรื่อง")],
    )
    details = TextArea(
        "รายละเอียด",
        validators=[
            DataRequired("กรุณากรอกรายละเอียดว่าเกิดอะไรขึ้น ที่ไหน ตั้งแต่เมื่อไร"),
            _details_length,
        ],
    )
    location = TextField(
        "สถานที่ (ไม่บังคับ)",
        validators=[Optional(), Length(max=300, message="สถานที่ยาวเกิน 300 ตัวอักษร")],
    )
    photos = MultipleFileField("รูปภาพประกอบ (ไม่บังคับ ไม่เกิน 3 รูป)", validators=[_photo_count])
    contact_name = TextField(
        "ชื่อผู้แจ้ง (ไม่บังคับ)",
        validators=[Optional(), Length(max=200, message="ชื่อยาวเกิน 200 ตัวอักษร")],
    )
    phone = TextField("เบอร์โทรศัพท์ (ไม่บังคับ)", validators=[Optional(), _phone])
    anonymous = BooleanField("ไม่ประสงค์ระบุตัวตน")
    privacy_ack = BooleanField(
        "ข้าพเจ้ารับทราบประกาศความเป็นส่วนตัว",
        validators=[DataRequired("กรุณาอ่านและยอมรับประกาศความเป็นส่วนตัวก่อนส่งเรื่อง")],
    )

    def __init__(self, *args: object, corruption: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if corruption:
            # The protected channel files under the sealed category (the first, if several).
            cat = sealed_categories()[0]
            self.category.choices = [SelectChoice(cat.code, cat.name_th)]
            self.category.data = cat.code
        else:
            self.category.choices = [SelectChoice("", "— เลือกประเภทเรื่อง —")] + [
                SelectChoice(c.code, c.name_th) for c in public_categories()
            ]


class TrackForm(FlaskForm):
    case_number = TextField(
        "เลขที่เรื่อง",
        validators=[
            DataRequired("กรุณากรอกเลขที่เรื่อง"),
            Length(max=20, message="เลขที่เรื่องยาวเกิน 20 ตัวอักษร"),
        ],
    )
    code = TextField(
        "รหัสติดตาม",
        validators=[
            DataRequired("กรุณากรอกรหัสติดตาม"),
            Length(max=20, message="รหัสติดตามยาวเกิน 20 ตัวอักษร"),
        ],
    )
