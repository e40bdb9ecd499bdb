"""Page state lives in the URL: read once into widgets, written back on change.

Every selection is a query parameter, so any view can be bookmarked and shared. An invalid
value falls back to the default with a visible notice, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from dashboard.text.i18n import LANGS, t
from dashboard.text.safe_text import quote

#: Longer link values are not ours: no selection the dashboard writes comes near this.
MAX_VALUE_CHARS = 2_000
#: Selections that follow the user from page to page (as OWID's Grapher keeps its entities):
#: a page whose link does not set one starts from the user's last choice.
SHARED = ("region", "age", "year", "measure", "definition")


def remembered(key: str) -> str | None:
    """The user's last choice of a shared selection in this session, if any."""
    value = st.session_state.get("_selection", {}).get(key)
    return str(value) if value is not None else None


def _remember(key: str, value: str) -> None:
    if key in SHARED:
        st.session_state.setdefault("_selection", {})[key] = value


def lang() -> str:
    value = st.query_params.get("lang", "sv")
    return value if value in LANGS else "sv"


def _notice(key: str, value: str, default: str) -> None:
    """Says the link value was not used; the value is quoted short and literally, never rendered."""
    st.warning(
        t("invalid_value", lang(), key=quote(key), value=quote(value), default=default), icon="⚠️"
    )


def choice(
    key: str,
    options: Sequence[str],
    default: str,
    label: str,
    format_func: Callable[[str], str] = str,
    container: Any = None,
    horizontal: bool = False,
) -> str:
    """One value from `options`, shown as a select box (or radio), kept in `?key=`."""
    place = container or st
    options = list(options)
    if not options:
        raise ValueError(f"no options for {key}")
    if default not in options:
        default = options[0]
    if key not in st.query_params and remembered(key) in options:
        default = str(remembered(key))  # carried over from the page the user came from
    value = st.query_params.get(key, default)
    if value not in options:
        _notice(key, value, format_func(default))
        value = default
    widget = place.radio if horizontal else place.selectbox
    extra = {"horizontal": True} if horizontal else {"placeholder": t("choose", lang())}
    selected = widget(
        label, options, index=options.index(value), format_func=format_func, key=f"w_{key}", **extra
    )
    st.query_params[key] = selected
    _remember(key, str(selected))
    return str(selected)


def choices(
    key: str,
    options: Sequence[str],
    default: Sequence[str],
    label: str,
    format_func: Callable[[str], str] = str,
    max_selections: int | None = None,
    container: Any = None,
) -> list[str]:
    """Several values, kept in `?key=a,b,c`."""
    place = container or st
    raw = st.query_params.get(key)
    if raw is not None and len(raw) > MAX_VALUE_CHARS:
        _notice(key, raw, ", ".join(format_func(v) for v in default))
        raw = None
    values = [v for v in raw.split(",") if v] if raw is not None else list(default)
    known = set(options)
    unknown = [v for v in values if v not in known]
    if unknown:
        _notice(key, ",".join(unknown), ", ".join(format_func(v) for v in default))
        values = [v for v in values if v in known] or list(default)
    if max_selections and len(values) > max_selections:
        st.warning(t("too_many_regions", lang(), n=max_selections), icon="⚠️")
        values = values[:max_selections]
    selected = place.multiselect(
        label,
        list(options),
        default=values,
        format_func=format_func,
        max_selections=max_selections,
        placeholder=t("choose", lang()),
        key=f"w_{key}",
    )
    st.query_params[key] = ",".join(selected)
    return list(selected)
