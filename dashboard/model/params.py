"""A view's parameters declared once: names, options, defaults, validation and carry-over.

The page draws its controls from these declarations, the URL and a deck link store the values
they resolve to, and the deck command line resolves a slide's settings through the same
function, so no output parses a parameter its own way. Options may depend on the values before
them (the years of the chosen age group, the kommuner of the chosen län), so parameters resolve
in order.

A value that is not among the options is first *carried over* where it still means something:
a län highlighted on the län ranking becomes the chosen län when the ranking switches to the
kommuner of a län; a kommun highlighted becomes its län when the ranking switches to the län.
Only a value that means nothing here gives the user a notice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

#: Longer link values are not ours: no selection the dashboard writes comes near this.
MAX_VALUE_CHARS = 2_000

Values = dict[str, str]


@dataclass(frozen=True)
class Context:
    """What a default may look at: the raw link values and the user's earlier choices."""

    raw: Mapping[str, str] = field(default_factory=dict)
    remembered: Mapping[str, str] = field(default_factory=dict)


def _always(values: Values) -> bool:
    return True


def _no_carry(value: str, values: Values) -> str | None:
    return None


def _plain(value: str, lang: str) -> str:
    return value


def _nowhere(value: str, values: Values) -> str | None:
    return None


@dataclass(frozen=True)
class Param:
    """One setting of a view. `widget`: select | radio | multi | toggle | text (free text
    that `carry` accepts, normalised, or refuses with None)."""

    key: str
    label: str  # text catalogue key
    options: Callable[[Values], Sequence[str]]
    default: Callable[[Values, Context], str]
    format: Callable[[str, str], str] = _plain
    widget: str = "select"
    active: Callable[[Values], bool] = _always
    carry: Callable[[str, Values], str | None] = _no_carry
    #: the user's choice follows them to other pages under this name (e.g. "region")
    shared_as: str | None = None
    max_values: int | None = None
    #: for a value that is not among the options but is one in another context (a year of
    #: another age group): the key of the setting it depends on, so the notice can say so
    elsewhere: Callable[[str, Values], str | None] = _nowhere

    @property
    def multi(self) -> bool:
        return self.widget == "multi"


@dataclass(frozen=True)
class Notice:
    """A link value that was not used. `reason`: invalid | too_many | not_for | remembered (the
    user's choice on another page, which this page cannot show)."""

    key: str
    value: str
    shown: str
    reason: str = "invalid"
    #: for not_for: what the value depends on (e.g. the age group a year is not available for)
    context: str = ""


def _default(param: Param, values: Values, context: Context, options: list[str]) -> str:
    remembered = context.remembered.get(param.shared_as or "") if param.shared_as else None
    if param.multi:
        if remembered and remembered in options:
            return remembered
        return param.default(values, context)
    if remembered in options:
        return str(remembered)
    default = param.default(values, context)
    return default if default in options or not options else options[0]


def _forgotten(
    param: Param, values: Values, context: Context, options: list[str], default: str
) -> list[Notice]:
    """The user's choice on another page that this page cannot show (16-24 has one year, and a
    trend needs several): said, never silently replaced. A choice that still means something
    here (a kommun marked on the län ranking becomes its län) is carried without a word."""
    before = context.remembered.get(param.shared_as or "") if param.shared_as else None
    if not before or param.multi or before in options or before == default:
        return []
    if param.carry(before, values) is not None:
        return []
    depends_on = param.elsewhere(before, values)
    if depends_on:
        return [Notice(param.key, before, default, "not_for", depends_on)]
    return [Notice(param.key, before, default, "remembered")]


def resolve_one(
    param: Param, raw: str | None, values: Values, context: Context
) -> tuple[str, list[Notice]]:
    """The value of one parameter given the link's raw value and the values before it."""
    options = list(param.options(values))
    default = _default(param, values, context, options)
    if raw is None:
        return default, _forgotten(param, values, context, options, default)
    if len(raw) > MAX_VALUE_CHARS:
        return default, [Notice(param.key, raw, default)]
    if param.multi:
        return _resolve_many(param, raw, options, default, values)
    if raw in options:
        return raw, []
    carried = param.carry(raw, values)
    # a text setting has no list of options: its carry says which values it takes
    if carried is not None and (carried in options or param.widget == "text"):
        return carried, []
    depends_on = param.elsewhere(raw, values)
    if depends_on:
        return default, [Notice(param.key, raw, default, "not_for", depends_on)]
    return default, [Notice(param.key, raw, default)]


def _resolve_many(
    param: Param, raw: str, options: list[str], default: str, values: Values
) -> tuple[str, list[Notice]]:
    picked = [v for v in raw.split(",") if v]
    known = set(options)
    notices = []
    unknown = [v for v in picked if v not in known]
    if unknown:
        notices.append(Notice(param.key, ",".join(unknown), default))
        picked = [v for v in picked if v in known]
    if param.max_values and len(picked) > param.max_values:
        notices.append(Notice(param.key, raw, str(param.max_values), "too_many"))
        picked = picked[: param.max_values]
    if not picked and (unknown or not raw):
        return default, notices
    return ",".join(picked), notices


def resolve(
    params: Sequence[Param], raw: Mapping[str, str], context: Context | None = None
) -> tuple[Values, list[Notice]]:
    """Every active parameter's value, in order, and the notices for link values not used."""
    context = context or Context(raw=raw)
    values: Values = {}
    notices: list[Notice] = []
    for param in params:
        if not param.active(values):
            continue
        value, said = resolve_one(param, raw.get(param.key), values, context)
        values[param.key] = value
        notices += said
    return values, notices


def keys(params: Sequence[Param]) -> frozenset[str]:
    return frozenset(p.key for p in params)
