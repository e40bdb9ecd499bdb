"""The dashboard's texts in the reader's language: Swedish (default) or English.

The words themselves live in one catalogue per language, `sv.py` and `en.py`; this module
picks from them.
"""

from __future__ import annotations

from dashboard.text import en, sv

LANGS = ("sv", "en")

#: The SQL console's refusals and failures in Swedish (English: dashboard.sandbox.policy.MESSAGES)
SANDBOX_SV = sv.CONSOLE
#: Why a deck is refused, in Swedish (English: dashboard.decks.model.MESSAGES)
DECK_SV = sv.DECK


def t(text_key: str, lang: str = "sv", /, **values: object) -> str:
    """The page text `text_key` in English for "en", else in Swedish, with `values` filled in.

    An unknown key raises KeyError in every language."""
    text = (en.PAGES if lang == "en" else sv.PAGES)[text_key]
    return text.format(**values) if values else text


def measure_label(measure: str, lang: str = "sv") -> str:
    return t(measure, lang)


def level_word(level: str, lang: str = "sv") -> str:
    return t(level, lang)


def show_label(show: str, lang: str = "sv") -> str:
    """women | men | total | gap as people read them."""
    return t("gap_pp" if show == "gap" else show, lang)


def profile_text(text_key: str, lang: str = "sv", /, **values: object) -> str:
    """The printable profile's words (the catalogues' `PROFILE` part), as `t` reads `PAGES`."""
    text = (en.PROFILE if lang == "en" else sv.PROFILE)[text_key]
    return text.format(**values) if values else text
