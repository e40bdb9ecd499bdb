"""A view's controls drawn from its parameter declarations, kept in the URL.

Every selection is a query parameter, so any view can be bookmarked and shared; a selection
the user made follows them to other pages (region, age group, year, measure, definition and
what is shown). A link value that means nothing here falls back to the default with a notice
in the user's words; one that still means something is carried over silently (see
`dashboard.model.params`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.data import queries
from dashboard.data.cache import ProcessCache
from dashboard.model import registry
from dashboard.model.common import SINGLE_YEAR
from dashboard.model.params import Context, Notice, Param, Values, resolve_one
from dashboard.render.url_state import lang as ui_lang
from dashboard.text.i18n import t
from dashboard.text.safe_text import quote


def remembered() -> dict[str, str]:
    return dict(st.session_state.get("_selection", {}))


def _remember(param: Param, value: str) -> None:
    if param.shared_as and value:
        st.session_state.setdefault("_selection", {})[param.shared_as] = value


def _shown(param: Param, value: str, lang: str) -> str:
    """What is shown instead, in words ("16–74 år (totalt)", "ingen markerad region")."""
    if param.widget == "toggle":
        return t("on" if value == "1" else "off", lang)
    return ", ".join(param.format(v, lang) for v in value.split(",") if v) or param.format(
        value, lang
    )


def _span(years: list[str]) -> str:
    """ "2019", "2008–2024" or "2008, 2012, 2019": the years an age group has."""
    if len(years) > 2 and [int(y) for y in years] == list(
        range(int(min(years)), int(max(years)) + 1)
    ):
        return f"{min(years)}–{max(years)}"
    return ", ".join(sorted(years))


def say(
    notice: Notice, param: Param, lang: str, values: Values | None = None, view: str = ""
) -> None:
    """A link value not used, in the user's words: what was asked, what exists, what is shown."""
    st.warning(words(notice, param, lang, values, view), icon="⚠️")


def words(
    notice: Notice, param: Param, lang: str, values: Values | None = None, view: str = ""
) -> str:
    """The notice's sentence: what was asked, why it is not used, what is shown, in words."""
    shown = _shown(param, notice.shown, lang)
    name = t(param.label, lang).lower()
    if notice.reason == "too_many":
        return t("too_many_regions", lang, n=notice.shown)
    # a known age group (ours, checked against the data) or the user's own earlier choice:
    # said in our words; anything else from the link is quoted literally
    if notice.reason == "not_for" and notice.context == SINGLE_YEAR:
        years = queries.available_periods().get(notice.value, [])
        ours = param.format(notice.value, lang)
        return t(
            "single_year_here", lang, value=ours, years=_span([str(y) for y in years]), shown=shown
        )
    if notice.reason == "remembered":
        ours = param.format(notice.value, lang)
        return t("remembered_not_here", lang, name=name, value=ours, shown=shown)
    asked = quote(notice.value)
    if param.widget == "toggle":
        state = t("toggle_on" if notice.shown == "1" else "toggle_off", lang)
        return t(
            "invalid_toggle", lang, name=name, value=asked, label=t(param.label, lang), state=state
        )
    if notice.reason == "not_for" and values is not None and notice.context in values:
        other = next(p for p in registry.params_of(view) if p.key == notice.context)
        return t(
            "only_for",
            lang,
            context=other.format(values[notice.context], lang),
            years=_span(list(param.options(values))),
            value=asked,
            shown=shown,
        )
    return t("invalid_setting", lang, name=name, value=asked, shown=shown)


#: Link keys that are not a view's setting but the dashboard's own
OWN_KEYS = frozenset({"lang", "sql", "deck", "slide", "present", "screen"})


def unknown_keys(view: str, raw: dict[str, str], lang: str) -> None:
    """A link setting no view has is said and left out; another view's setting (carried
    between pages) stays in the link silently."""
    for key in sorted(set(raw) - registry.all_keys() - OWN_KEYS):
        st.warning(t("not_used_here", lang, name=quote(key)), icon="⚠️")
        del st.query_params[key]


def _to_url(param: Param) -> None:
    """on_change: the user's pick goes into the link before the rerun reads it back."""
    picked = st.session_state.get(f"w_{param.key}")
    if param.widget == "toggle":
        value = "1" if picked else "0"
    elif param.widget == "multi":
        value = ",".join(picked or [])
    else:
        value = "" if picked is None else str(picked)
    st.query_params[param.key] = value


#: the option labels of a setting, per language and database version (a few hundred entries)
_option_labels = ProcessCache(max_entries=256)


def _labels(param: Param, options: list[str], lang: str) -> dict[str, str]:
    """Each option's label, made once per process: Streamlit calls the format function more
    than once per option on every run, and a region list has 311 options (region names read
    from the database, so the key names its version)."""
    key = (param, tuple(options), lang, queries.database())
    return _option_labels.get(key, lambda: {v: param.format(v, lang) for v in options})


def _widget(
    param: Param,
    value: str,
    options: list[str],
    place: Any,
    lang: str,
    label: str | None = None,
    help: str | None = None,
) -> str:
    """The widget shows the resolved value (the link is the truth; widgets write to it)."""
    label = label or t(param.label, lang)
    key = f"w_{param.key}"
    state: object
    if param.widget == "toggle":
        state = value == "1"
    elif param.widget == "text":
        state = value
    elif param.widget == "multi":
        state = [v for v in value.split(",") if v in options]
    else:
        state = value if value in options else (options[0] if options else None)
    # always assigned: a widget of another page with the same key keeps its state under
    # another identity, and the new widget would otherwise start from its first option
    st.session_state[key] = state
    common = {"key": key, "on_change": _to_url, "args": (param,)}

    labels = _labels(param, options, lang)

    def show(v: str) -> str:
        return labels[v] if v in labels else param.format(v, lang)

    if param.widget == "toggle":
        return "1" if place.toggle(label, **common) else "0"
    if param.widget == "text":
        return str(place.text_input(label, max_chars=12, **common))
    if param.widget == "multi":
        chosen = place.multiselect(
            label,
            options,
            format_func=show,
            max_selections=param.max_values,
            placeholder=t("choose", lang),
            **common,
        )
        return ",".join(chosen)
    if param.widget == "radio":
        return str(place.radio(label, options, format_func=show, horizontal=True, **common))
    return str(
        place.selectbox(
            label,
            options,
            format_func=show,
            placeholder=t("choose", lang),
            help=help,
            **common,
        )
    )


def controls(view: str, place: Any = None, skip: tuple[str, ...] = ()) -> Values:
    """The view's settings, each drawn as a widget in `place` (the sidebar by default: on a
    phone it folds away, so the answer comes first), in declaration order. `skip`: settings
    the page draws elsewhere (resolved here all the same)."""
    lang = ui_lang()
    place = place or st.sidebar
    raw = {k: st.query_params[k] for k in st.query_params}
    context = Context(raw=raw, remembered=remembered())
    values: Values = {}
    unknown_keys(view, raw, lang)
    into_link: dict[str, str] = {}
    for param in registry.params_of(view):
        if not param.active(values):
            if param.key in st.query_params:
                del st.query_params[param.key]
            continue
        value, notices = resolve_one(param, raw.get(param.key), values, context)
        for notice in notices:
            say(notice, param, lang, values, view)
        if param.key not in skip:
            value = _widget(param, value, list(param.options(values)), place, lang)
        values[param.key] = value
        # an empty choice ("nothing marked") the link did not make stays out of the link
        if raw.get(param.key) != value and (value or param.key in raw):
            into_link[param.key] = value
        if not notices:  # a value put in place of the reader's is not remembered as their choice
            _remember(param, value)
    if into_link:  # one message to the browser for all of them, not one per setting
        st.query_params.update(into_link)
    return values


def control(
    view: str,
    key: str,
    values: Values,
    place: Any,
    label: str | None = None,
    help: str | None = None,
) -> str:
    """One setting drawn where the page wants it (e.g. the region above the answer), with
    its own label if the page gives one ("Välj din kommun eller ditt län")."""
    lang = ui_lang()
    param = next(p for p in registry.params_of(view) if p.key == key)
    return _widget(param, values[key], list(param.options(values)), place, lang, label, help)
