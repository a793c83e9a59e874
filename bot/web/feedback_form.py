"""The web satisfaction form, with Thai validation messages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from bot.web.forms import TextArea
from handlers.satisfaction.services import Service
from handlers.satisfaction.survey import (
    AGE_BANDS,
    DIMENSIONS,
    GENDERS,
    MAX_COMMENT,
    OCCUPATIONS,
    SCALE,
)


class ThaiRadioField(RadioField):
    """A choice from outside the list (a tampered form) is explained in Thai."""

    def pre_validate(self, form: object) -> None:
        if self.data and self.data not in {c.value for c in SCORE_CHOICES}:
            raise ValidationError("กรุณาเลือกคะแนน 1–5")


class ThaiSelectField(SelectField):
    def pre_validate(self, form: object) -> None:
        if self.data and self.data not in {str(v) for v, *_ in self.choices or []}:
            raise ValidationError("กรุณาเลือกจากรายการ")


SCORE_CHOICES = [SelectChoice(str(s), f"{s} {SCALE[s]}") for s in (5, 4, 3, 2, 1)]


def _optional(label: str, options: tuple[str, ...]) -> SelectField:
    return ThaiSelectField(
        f"{label} (ไม่บังคับ)",
        choices=[SelectChoice("", "— ไม่ระบุ —"), *[SelectChoice(o) for o in options]],
        validators=[Optional()],
        default="",
    )


class FeedbackForm(FlaskForm):
    service = ThaiSelectField(
        "งานบริการที่ท่านได้รับวันนี้",
        choices=[],
        validators=[DataRequired("กรุณาเลือกงานบริการที่ได้รับ")],
    )
    comment = TextArea(
        "ข้อเสนอแนะเพื่อปรับปรุงบริการ (ไม่บังคับ)",
        validators=[
            Optional(),
            Length(max=MAX_COMMENT, message=f"ข้อเสนอแนะยาวเกิน {MAX_COMMENT} ตัวอักษร"),
        ],
    )
    gender = _optional("เพศ", GENDERS)
    age_band = _optional("อายุ", AGE_BANDS)
    occupation = _optional("อาชีพ", OCCUPATIONS)
    privacy_ack = BooleanField(
        "ข้าพเจ้ารับทราบประกาศความเป็นส่วนตัว",
        validators=[DataRequired("กรุณาอ่านและยอมรับประกาศความเป็นส่วนตัวก่อนส่งแบบประเมิน")],
    )

    def __init__(self, *args: object, services: list[Service], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.service.choices = [SelectChoice("", "— เลือกงานบริการ —")] + [
            SelectChoice(s.code, s.name) for s in services
        ]

    def dimension_fields(self) -> list[RadioField]:
        return [getattr(self, f"dim_{d.code}") for d in DIMENSIONS]

    def scores(self) -> dict[str, int]:
        return {d.code: int(getattr(self, f"dim_{d.code}").data) for d in DIMENSIONS}


# One 1–5 question per dimension, numbered as the citizen reads them.
for _i, _d in enumerate(DIMENSIONS, start=1):
    setattr(
        FeedbackForm,
        f"dim_{_d.code}",
        ThaiRadioField(
            f"{_i}. {_d.name_th}",
            description=_d.question,
            choices=SCORE_CHOICES,
            validators=[DataRequired(f"กรุณาให้คะแนนข้อ {_i} “{_d.name_th}”")],
        ),
    )
