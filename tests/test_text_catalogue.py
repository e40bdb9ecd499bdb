"""The text catalogue: one file per language (dashboard/text/sv.py, en.py) with the same keys,
the same {placeholders} and no missing words, read through `t` and the console's and decks'
error messages."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from dashboard.data import db_errors
from dashboard.decks.model import DeckError
from dashboard.sandbox.policy import SandboxError
from dashboard.text import en, i18n, sv
from dashboard.text.i18n import level_word, measure_label, show_label, t

PARTS = ("PAGES", "CONSOLE", "DECK", "WEB", "PROFILE")
#: English writes "Sweden" where Swedish fills in {country}: the callers pass the word for the
#: country lower-cased ("riket"), which in English would read "sweden".
SWEDEN_WRITTEN_OUT = {"age_reference", "change_highlight"}
#: Empty on purpose: the caption "SCB's original text, in Swedish:" says nothing to a Swede.
EMPTY_ON_PURPOSE = {("sv", "PAGES", "scb_original")}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("part", PARTS)
def test_both_languages_have_the_same_keys_in_the_same_order(part: str) -> None:
    swedish, english = getattr(sv, part), getattr(en, part)
    assert swedish and list(swedish) == list(english)


@pytest.mark.parametrize("part", PARTS)
def test_both_languages_fill_in_the_same_placeholders(part: str) -> None:
    swedish, english = getattr(sv, part), getattr(en, part)
    differ = {}
    for key, text in swedish.items():
        if _fields(text) != _fields(english[key]):
            differ[key] = (
                _fields(text) - _fields(english[key]),
                _fields(english[key]) - _fields(text),
            )
    expected = SWEDEN_WRITTEN_OUT if part == "PAGES" else set()
    assert set(differ) == expected
    # the only difference allowed: English leaves out {country}
    assert all(difference == ({"country"}, set()) for difference in differ.values())


def test_no_text_is_empty_or_blank() -> None:
    empty = {
        (catalogue.__name__.rsplit(".", 1)[1], part, key)
        for catalogue in (sv, en)
        for part in PARTS
        for key, text in getattr(catalogue, part).items()
        if not text.strip()
    }
    assert empty == EMPTY_ON_PURPOSE


def test_the_database_failures_are_worded_once() -> None:
    for catalogue in (sv, en):
        for key in ("db_locked", "db_missing", "db_unavailable"):
            assert catalogue.CONSOLE[key] == catalogue.PAGES[key]
    # dashboard.data.db_errors says them in English for its exceptions: the same words
    for kind, text in db_errors.MESSAGES.items():
        assert en.PAGES[f"db_{kind}"] == text


def test_catalogues_import_nothing_of_the_dashboard() -> None:
    """So sandbox, decks and every page may import them without a cycle."""
    for catalogue in (sv, en):
        tree = ast.parse(Path(str(catalogue.__file__)).read_text(encoding="utf-8"))
        imported = [
            node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
        ]
        assert imported == ["__future__"]


def test_t_fills_in_the_readers_language() -> None:
    assert t("show_all_regions", "sv", n=290) == "Visa alla 290"
    assert t("show_all_regions", "en", n=290) == "Show all 290"
    assert t("build_line", "en", id="ab12", day="2025-03-01", schema=7) == (
        "Build ab12 · 2025-03-01 · schema 7"
    )
    assert t("only_for", "sv", context="Åldern", years="2019–2023", value="2015", shown="2023") == (
        "Åldern finns för 2019–2023, inte för 2015; visar 2023."
    )
    reference = {"country": "riket", "ref": "14,5 p.e."}
    values = {"name": "Södermanlands län", "ages": "35–44", "gap": "17,2 p.e."}
    values["reference"] = t("age_reference", "sv", **reference)
    assert t("age_largest", "sv", **values) == (
        "Södermanlands län: störst skillnad bland 35–44-åringar, 17,2 p.e. (riket 14,5 p.e.)"
    )
    values["reference"] = t("age_reference", "en", **reference)
    assert t("age_largest", "en", **values) == (
        "Södermanlands län: largest gap among those aged 35–44, 17,2 p.e. (Sweden 14,5 p.e.)"
    )
    # riket is not compared with itself
    assert t("age_largest", "sv", **{**values, "reference": ""}).endswith("17,2 p.e.")


def test_t_without_values_leaves_braces_alone_and_defaults_to_swedish() -> None:
    assert t("show_all_regions", "en") == "Show all {n}"
    assert t("overview") == "Översikt"
    assert t("overview", "en") == "Overview"
    assert t("overview", "de") == "Översikt"  # any other language: Swedish


def test_t_refuses_an_unknown_key_in_every_language() -> None:
    for lang in ("sv", "en", "de"):
        with pytest.raises(KeyError):
            t("no_such_text", lang)


def test_labels_come_from_the_catalogue() -> None:
    assert show_label("gap", "sv") == "Skillnad kvinnor − män"
    assert show_label("gap", "en") == "Gap women − men"
    assert show_label("women", "en") == "Women"
    assert level_word("municipality", "sv") == "kommuner"
    assert level_word("municipality", "en") == "municipalities"
    assert measure_label("women") == "Kvinnor"


def test_console_and_deck_errors_speak_english_and_their_key_finds_swedish() -> None:
    refused = SandboxError("too_long", n=25_000, limit=20_000)
    assert str(refused) == "The query is 25,000 characters long; the console takes at most 20,000."
    assert i18n.SANDBOX_SV[refused.key].format(**refused.params) == (
        "Frågan är 25000 tecken lång; konsolen tar högst 20000."
    )
    deck = DeckError("too_many_slides", n=41, limit=40)
    assert str(deck) == "the deck has 41 slides; at most 40 are allowed"
    assert i18n.DECK_SV[deck.key].format(**deck.params) == (
        "bildspelet har 41 bilder; högst 40 är tillåtna"
    )
