"""Numbers in the text the program writes for people: messages, reports, notes in workbooks.

One helper for every layer below the UI (the UI formats with ``QLocale``): a number written
with the decimal separator of the language of the text around it, a comma in Bahasa Indonesia.
"""

from __future__ import annotations

import math


def format_number(value: float, language: str = "en", *, decimals: int | None = None) -> str:
    """``30.0`` -> ``"30"``, ``12.5`` -> ``"12.5"``: the shortest exact form, or with
    ``decimals`` that many (``3.75`` -> ``"3.750"``); in Bahasa Indonesia (``language="id"``)
    with a decimal comma: ``"12,5"``, ``"3,750"``."""
    if decimals is not None:
        text = f"{value:.{decimals}f}"
    elif math.isfinite(value) and float(value).is_integer():
        text = str(int(value))
    else:
        text = repr(float(value))
    return text.replace(".", ",") if language == "id" else text
