"""A slide is a view with settings: its result comes from the view model like the page's, so
slide, page, PowerPoint and picture say the same."""

from __future__ import annotations

from dashboard.decks.model import Slide
from dashboard.model import registry
from dashboard.model.result import ViewResult


def render(slide: Slide, lang: str = "sv") -> ViewResult:
    """The result of one slide's view (a pinned slide's numbers were verified equal to it)."""
    result, _ = registry.compute(slide.view, slide.params, lang)
    return result


def replaced(slide: Slide) -> list[str]:
    """The slide's settings that its view does not have as they are written ("year=1800"):
    the slide shows the view's default for them, and the deck's page says so."""
    _, notices = registry.resolve_view(slide.view, slide.params)
    return [f"{n.key}={n.value}" for n in notices]
