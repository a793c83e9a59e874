"""Thai helpers (pure functions): digits, dates, periods, indicators, words, numbers, keyboards."""

from handlers.thai.dates import (
    MONTHS_FULL,
    MONTHS_SHORT,
    first_half_bounds,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    format_thai_datetime,
    month_number,
    quarter_bounds,
    second_half_bounds,
)
from handlers.thai.digits import arabic_to_thai, thai_to_arabic
from handlers.thai.indicators import find_indicators
from handlers.thai.keyboard import fix_keyboard_layout
from handlers.thai.normalize import normalize
from handlers.thai.numbers import parse_percent, word_to_number
from handlers.thai.periods import Period, parse_period
from handlers.thai.tokenize import tokenize, words

__all__ = [
    "MONTHS_FULL",
    "MONTHS_SHORT",
    "Period",
    "arabic_to_thai",
    "find_indicators",
    "fiscal_year",
    "fiscal_year_bounds",
    "first_half_bounds",
    "fix_keyboard_layout",
    "format_thai_date",
    "format_thai_datetime",
    "month_number",
    "normalize",
    "parse_percent",
    "parse_period",
    "quarter_bounds",
    "second_half_bounds",
    "thai_to_arabic",
    "tokenize",
    "word_to_number",
    "words",
]
