"""Numbers and dates as Swedish (or English) readers expect them on a slide.

Swedish: decimal comma, a narrow no-break (thin) space between thousands, "41,1 %";
English: "41.1%", "1,234".
"""

from __future__ import annotations

from datetime import date, datetime

THIN_SPACE = "\u202f"


def number(value: float | int | None, decimals: int = 0, lang: str = "sv") -> str:
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", THIN_SPACE).replace(".", ",").replace("-", "−")
    return text


def percent(value: float | None, decimals: int = 1, lang: str = "sv") -> str:
    if value is None:
        return "–"
    return (
        f"{number(value, decimals, lang)}{THIN_SPACE}%"
        if lang == "sv"
        else f"{number(value, decimals, lang)}%"
    )


def points(value: float | None, decimals: int = 1, lang: str = "sv") -> str:
    """A difference in percentage points, signed."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ""
    unit = "procentenheter" if lang == "sv" else "percentage points"
    return f"{sign}{number(value, decimals, lang)} {unit}"


def day(value: date | datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else "–"


def value_text(value: float | None, show: str, lang: str = "sv") -> str:
    """A share ("41,1 %") or, for the gap, points ("13,0 p.e.") as charts and sentences say it."""
    if show != "gap":
        return percent(value, 1, lang)
    return f"{number(value, 1, lang)} {'p.e.' if lang == 'sv' else 'pp'}"
