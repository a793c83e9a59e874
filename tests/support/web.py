"""What the citizen's web pages show."""

from __future__ import annotations

import re


def case_and_code(page: str) -> tuple[str, str]:
    """The case number and tracking code on the page shown after filing a complaint."""
    case = re.search(r'id="case-number">([^<]+)<', page)
    code = re.search(r'id="secret-code">([^<]+)<', page)
    assert case and code, page[:2000]
    return case.group(1), code.group(1)
