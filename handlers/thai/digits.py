"""Conversion between Thai digits (๐-๙) and Arabic digits (0-9).

Official documents mix both systems, often inside one number, so every parser in
this package converts to Arabic digits first and reasons about one alphabet only.
"""

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def thai_to_arabic(text: str) -> str:
    """Replace every Thai digit with its Arabic digit; other characters are kept."""
    return text.translate(_TO_ARABIC)


def arabic_to_thai(text: str) -> str:
    """Replace every Arabic digit with its Thai digit, for documents in the official style."""
    return text.translate(_TO_THAI)
