"""One profile, in one form: what the web route and the command line call.

`make(code, lang, form)` composes the profile from the view results, words it once
(`profile_doc`) and renders it as a PDF (`profile_pdf`) or an HTML page (`profile_html`).
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time

from dashboard.model import profile
from dashboard.render import profile_doc, profile_html, profile_pdf
from dashboard.render.links import public_base

FORMS = ("pdf", "html")


def url(code: str, lang: str, form: str = "html", version: str | None = None) -> str:
    """The profile's address (a path unless `UTB_PUBLIC_URL` is set), pinned when `version`."""
    suffix = ".pdf" if form == "pdf" else ""
    query = f"?lang={lang}" + (f"&v={version}" if version else "")
    return f"{public_base()}/profil/{code}{suffix}{query}"


def file_name(code: str, name: str, form: str) -> str:
    """E.g. "0461-gnesta.pdf", "04-sodermanlands-lan.html": the code first, so a folder of
    312 sorts as the code list does; ASCII letters so any file system and mail client keep it."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = "-".join("".join(c if c.isalnum() else " " for c in plain).split())
    return f"{code}-{slug or 'profil'}.{form}"


def make(code: str, lang: str, form: str, made: date | None = None) -> tuple[str, bytes]:
    """The profile's name and bytes. Raises `profile.NotARegion` for an unknown code."""
    composed = profile.compose(code, lang, made)
    doc = profile_doc.document(composed)
    if form == "pdf":
        # the PDF's creation date is the day printed on it
        stamp = datetime.combine(composed.made, time(), UTC)
        return composed.name, profile_pdf.pdf(doc, stamp)
    return composed.name, profile_html.page(doc, url(code, lang, "pdf"))
