"""The name a downloaded report is saved under: "o43-2566.docx".

ASCII only: a Thai or Thai-digit name is mangled by some browsers, mail clients and the
zip tools of older Windows, and offices pass these files around by all of them. A report
written in Thai digits says so in its name, so both versions can sit in one folder.
"""

from __future__ import annotations

import re

from handlers.reports.model import Report
from handlers.thai.digits import thai_to_arabic

_NOT_SAFE = re.compile(r"[^A-Za-z0-9_]+")


def file_name(report_or_code: Report | str, year: int, fmt: str, thai_digits: bool) -> str:
    """ "o43-2566.docx", or "o43-2566-thai-digits.docx" for the Thai-digit version."""
    if isinstance(report_or_code, Report):
        code = report_or_code.code or report_or_code.kind
    else:
        code = report_or_code
    stem = _safe(code) or "report"
    ext = _safe(fmt.lower().lstrip(".")) or "bin"
    parts = [stem, str(int(year))]
    if thai_digits:
        parts.append("thai-digits")
    return "-".join(parts) + "." + ext


def _safe(text: str) -> str:
    # "o๔๓" is o43 written in Thai digits; anything else not ASCII-safe becomes one dash.
    return _NOT_SAFE.sub("-", thai_to_arabic(text)).strip("-")
