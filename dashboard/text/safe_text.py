"""Outside text (URL values, deck titles, uploaded names) made harmless where it is shown.

Streamlit renders Markdown (links, images, `:red[…]` directives, autolinked URLs), Plotly
renders a subset of HTML in hover text and labels, and the slide view writes HTML. Text that
came from outside must reach the reader literally and short: it may never become a link, an
image request, markup or a wall of text.
"""

from __future__ import annotations

import html
import re

#: A bad value is quoted, not repeated: enough to recognise it, too little to carry a message.
QUOTE_LIMIT = 80
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:&=\"'])")


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """One line, no control or direction-changing characters, at most `limit` characters."""
    flat = _CONTROL.sub("", " ".join(str(text).split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """For Markdown: the value as inline code, which Markdown never turns into links or images.
    An invisible character is shown as �, not dropped: `sv` plus a NUL is not the language
    `sv`, and the reader should see that the value is not what it looks like."""
    inner = shorten(_CONTROL.sub("\ufffd", str(text)), limit).replace("`", "ʼ")
    return f"`{inner}`" if inner.strip() else "` `"


#: GitHub-flavoured Markdown turns bare URLs, www. names and e-mail addresses into links even
#: when their punctuation is escaped; a word joiner (invisible) inside each pattern stops it.
_AUTOLINK = re.compile(r"(://|www\.|@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def markdown(text: str) -> str:
    """For Markdown prose: every character Markdown or Streamlit gives meaning to, escaped, and
    no bare URL or address left for the renderer to turn into a link."""
    plain = _AUTOLINK.sub(
        lambda m: m.group(1)[0] + WORD_JOINER + m.group(1)[1:], _CONTROL.sub("", str(text))
    )
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain)


def html_text(text: str) -> str:
    """For HTML element content and Plotly labels: tags and entities shown as text. Quotes stay
    as they are: outside a tag they are harmless, and Plotly would show `&quot;` literally."""
    return html.escape(_CONTROL.sub("", str(text)), quote=False)
