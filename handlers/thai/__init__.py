"""Thai helpers (pure functions): digits, dates, periods, indicators, words, numbers, keyboards."""

from handlers.thai.dates import (
    MONTHS_FULL,
    MONTHS_SHORT,
    be_year,
    first_half_bounds,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    format_thai_datetime,
    month_number,
    quarter_bounds,
    second_half_bounds,
)
from handlers.thai.digits import arabic_to_thai, thai_to_arabic
from handlers.thai.indicators import find_indicators, normalize_indicator
from handlers.thai.keyboard import fix_keyboard_layout
from handlers.thai.normalize import normalize
from handlers.thai.numbers import find_numbers, parse_percent, thai_number_words, word_to_number
from handlers.thai.periods import Period, parse_period
from handlers.thai.tokenize import tokenize, words

__all__ = [
    "MONTHS_FULL",
    "MONTHS_SHORT",
    "Period",
    "arabic_to_thai",
    "be_year",
    "find_indicators",
    "find_numbers",
    "fiscal_quarter",
    "fiscal_year",
    "fiscal_year_bounds",
    "first_half_bounds",
    "fix_keyboard_layout",
    "format_thai_date",
    "format_thai_datetime",
    "month_number",
    "normalize",
    "normalize_indicator",
    "parse_percent",
    "parse_period",
    "quarter_bounds",
    "second_half_bounds",
    "thai_number_words",
    "thai_to_arabic",
    "tokenize",
    "word_to_number",
    "words",
]
