"""One declaration per view: everything every output needs to know about a view, in one place.

The router makes a page of each declaration, the export URLs and the embeds a route, the deck
re-aims slides with `aim`, and the tests take their view lists and samples from the same
registry. A new view is a module in `dashboard/model/views/` holding a `VIEW` (and its text
entries in the catalogue): it then has a page, a slide, a PowerPoint chart (by its chart kind),
every export format and an embed, with no other file touched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.model.params import Param, Values
from dashboard.model.result import ViewResult

#: Re-aims a view's settings at one region (a kommun or a län): the deck command line's tour of
#: every kommun in a län, and the printable profile, ask each view "the same, about this one".
Aim = Callable[[Values, str], Values]


def keep(settings: Values, region: str) -> Values:
    """A view that is about no one region stays as it is."""
    return dict(settings)


@dataclass(frozen=True)
class View:
    """A view, declared once.

    - `name`: its internal name (deck files, caches, `ViewResult.view`);
    - `slug`: its URL path (`/rangordning`, `/export/rangordning.png`, `/inbaddning/rangordning`);
    - `title_key`: the text catalogue's key for its title (sidebar, tab, page heading);
    - `params`: its settings, in order (see `dashboard.model.params`);
    - `load(values, lang)`: its result for resolved settings;
    - `charts`: the chart kinds its result may draw (a Plotly figure and a PowerPoint chart
      exist per kind; the overview draws a trend, or columns when the data has one year);
    - `order`: its place in the sidebar;
    - `main`: settings the page draws above the answer (the rest go to the sidebar), and
      `labels` their own label and hint keys where the page words them differently;
    - `intro_key`: a line under the page title saying what the page is, if any;
    - `aim`: how it re-aims at another region (see `Aim`);
    - `samples`: settings the tests draw it with, besides its defaults.
    """

    name: str
    slug: str
    title_key: str
    params: tuple[Param, ...]
    load: Callable[[Values, str], ViewResult]
    charts: tuple[str, ...]
    order: int
    main: tuple[str, ...] = ()
    labels: tuple[tuple[str, str, str], ...] = ()
    intro_key: str | None = None
    aim: Aim = keep
    samples: tuple[dict[str, str], ...] = ()

    def param(self, key: str) -> Param:
        return next(p for p in self.params if p.key == key)
