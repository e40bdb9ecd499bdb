"""What a request asks for: a view, its settings, a language and maybe a data version — read
through the same declarations, validation, defaults and carry-over as the page's link.

A URL that the page would answer with a notice ("not recognised, showing …") is refused here
instead: a report's URL must never silently show another view than it names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.model import registry
from dashboard.model.params import MAX_VALUE_CHARS, Values
from dashboard.model.view import View
from dashboard.text.i18n import LANGS
from dashboard.text.safe_text import shorten

#: Keys a URL of ours carries besides a view's settings: the language and the data version.
OWN_KEYS = frozenset({"lang", "v"})
#: A data version is the database's fingerprint: 64 hex digits.
VERSION = re.compile(r"[0-9a-f]{64}")
#: No URL of ours carries more settings than this.
MAX_KEYS = 24


@dataclass
class Refused(Exception):
    """Why a request is not answered: an HTTP status and a sentence (catalogue key, values)."""

    status: int
    key: str
    values: dict[str, str] = field(default_factory=dict)
    lang: str = "sv"


@dataclass(frozen=True)
class Asked:
    view: View
    values: Values
    lang: str
    version: str | None  # the data version the URL is pinned to, if any


def language(raw: Mapping[str, str]) -> str:
    """The reader's language; an unknown `lang` is refused (said in both languages)."""
    lang = raw.get("lang", "sv")
    if lang not in LANGS:
        raise Refused(400, "web_bad_lang", {"value": shorten(lang, 20)}, lang="both")
    return lang


def view_of(slug: str, lang: str) -> View:
    view = registry.by_slug().get(slug)
    if view is None:
        raise Refused(404, "web_unknown_page", {"page": shorten(slug, 40)}, lang)
    return view


def version_asked(raw: Mapping[str, str], lang: str, taken: frozenset[str]) -> str | None:
    """The data version a URL is pinned to (or None), once the URL is known to carry nothing
    but keys it may (`taken` and our own), few of them, none too long; Refused (400) else."""
    if len(raw) > MAX_KEYS:
        raise Refused(400, "web_too_many", {"n": str(MAX_KEYS)}, lang)
    if any(len(key) > MAX_VALUE_CHARS or len(v) > MAX_VALUE_CHARS for key, v in raw.items()):
        raise Refused(400, "web_too_long", {"n": str(MAX_VALUE_CHARS)}, lang)
    foreign = sorted(set(raw) - taken - OWN_KEYS)
    if foreign:
        raise Refused(400, "web_not_used", {"name": shorten(foreign[0], 40)}, lang)
    version = raw.get("v")
    if version is not None and not VERSION.fullmatch(version):
        raise Refused(400, "web_bad_version", {"value": shorten(version, 70)}, lang)
    return version


def asked(slug: str, raw: Mapping[str, str]) -> Asked:
    """The view a URL names, or Refused: unknown page (404), unknown language, setting, value
    or data version (400)."""
    lang = language(raw)
    view = view_of(slug, lang)
    version = version_asked(raw, lang, registry.all_keys())
    settings = {k: v for k, v in raw.items() if k not in OWN_KEYS}
    values, notices = registry.resolve_view(view.name, settings)
    if notices:
        notice = notices[0]
        raise Refused(
            400, "web_bad_value", {"name": notice.key, "value": shorten(notice.value, 60)}, lang
        )
    return Asked(view, values, lang, version)
