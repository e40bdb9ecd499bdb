"""The addresses of one view: its live page, its export files and its embed, each carrying the
view's settings (never its content) and, when pinned, the data version.

Links are paths unless `UTB_PUBLIC_URL` names the address readers reach the dashboard at: the
request's own Host header is never written into a file or page that a cache may hand to others.
"""

from __future__ import annotations

import os
from urllib.parse import urlencode

from dashboard.model import registry
from dashboard.model.result import ViewResult
from dashboard.text.formatting import day
from dashboard.text.i18n import t


def public_base() -> str:
    """The configured public address without a trailing slash, or "" (links stay paths)."""
    return os.environ.get("UTB_PUBLIC_URL", "").strip().rstrip("/")


def query(result: ViewResult, pinned: bool = False) -> str:
    """The view's settings (and language, and the data version when pinned) as a query."""
    values = {**{k: v for k, v in result.settings.items() if v}, "lang": result.lang}
    if pinned and result.provenance.data_version:
        values["v"] = result.provenance.data_version
    return urlencode(values)


def page(result: ViewResult) -> str:
    return f"{public_base()}/{registry.view(result.view).slug}?{query(result)}"


def export(result: ViewResult, extension: str, pinned: bool = False) -> str:
    slug = registry.view(result.view).slug or "oversikt"
    return f"{public_base()}/export/{slug}.{extension}?{query(result, pinned)}"


def embed(result: ViewResult, pinned: bool = False) -> str:
    slug = registry.view(result.view).slug or "oversikt"
    return f"{public_base()}/inbaddning/{slug}?{query(result, pinned)}"


def citation(result: ViewResult) -> str:
    """E.g. "Utbildningsläget: <title>. Källa: SCB, … Dataversion 3f2a9c1b0d4e (2026-12-07).
    <page URL>"."""
    version = result.provenance.data_version[:12]
    return (
        f"Utbildningsläget: {result.title}. {result.source}. "
        f"{t('data_version', result.lang)} {version} ({day(result.provenance.built_at)}). "
        f"{page(result)}"
    )
