"""The one script and style sheet of our own on every page (no Streamlit import: the proxy's
CSP names the script by hash, dashboard/serving/nginx_config.py).

Streamlit has no setting for its own accessibility texts ("Skip to main content", "Link to
heading", "Collapse sidebar"…), for Plotly's toolbar tips or for the document language, and
two of its elements fail axe-core (the file drop zone's presentation role with a label, the
zero-height component's unnamed iframe that takes a tab stop). The script sets `<html lang>`,
names its own iframe and takes it out of the tab order, and says those fixed texts in the UI's
language. Only our own fixed strings are in it: nothing a user or a file wrote reaches it.

It also frames every map on what it shows (`MAP_FIT`): a map's centre and zoom depend on the
size of its plot, which only the browser knows (a phone's is a third of a desktop's), so the
figure carries the bounds of its regions (`layout.meta.bounds`) and the script fits them into
the plot it got, as `dashboard.charts.map_fit.fit` does for pictures. A slide's map, fitted for its projector and labelled, says
`meta.fixed` and is left alone.
"""

from __future__ import annotations

import json

#: Streamlit's and Plotly's own English labels (text, aria-label, title, data-title) in Swedish.
SWEDISH = {
    "Skip to main content": "Hoppa till innehållet",
    "Link to heading": "Länk till rubriken",
    "Sidebar": "Sidopanel",
    "Collapse sidebar": "Fäll ihop sidopanelen",
    "Expand sidebar": "Fäll ut sidopanelen",
    "App pages": "Sidor",
    "Open": "Öppna",
    "Close": "Stäng",
    "Clear all": "Rensa alla",
    "Clear value": "Rensa",
    "Fullscreen": "Helskärm",
    "Close fullscreen": "Stäng helskärm",
    "Show/hide columns": "Visa/dölj kolumner",
    "Download as CSV": "Ladda ner som CSV",
    "Search": "Sök",
    "Copy to clipboard": "Kopiera",
    "Main menu": "Huvudmeny",
    "Running...": "Räknar …",
    "Download plot as a PNG": "Ladda ner diagrammet som PNG",
    "Download plot": "Ladda ner diagrammet",
    "Zoom": "Zooma",
    "Pan": "Panorera",
    "Zoom in": "Zooma in",
    "Zoom out": "Zooma ut",
    "Autoscale": "Anpassa skalan",
    "Reset axes": "Återställ axlarna",
    "Reset view": "Återställ vyn",
    "Box Select": "Markera med ruta",
    "Lasso Select": "Markera med lasso",
    "Double-click to zoom back out": "Dubbelklicka för att zooma ut igen",
    "Shortcut Ctrl + Enter": "Kortkommando Ctrl + Enter",
}
FRAME_TITLE = {"sv": "Sidans språk (osynlig)", "en": "Page language (invisible)"}
#: `map_fit.fit` in the browser: Web Mercator, 512-px tiles, 0.25 zoom levels of room around
#: the regions. Fitted once per figure and plot width (a WeakMap keyed by the layout object, so
#: a rerun's new figure is fitted again and a reader's own pan or zoom is kept). Only the centre
#: and zoom change, never the plot's height: a new height made Streamlit lay the chart out
#: again, which fitted it again, which changed the height… the map never came to rest on
#: screens up to 1024 px wide.
MAP_FIT = """
  const fitted = new WeakMap();
  const merc = lat => Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
  function fitMaps() {
    const P = top.Plotly;
    if (!P) return;
    for (const gd of doc.querySelectorAll('.js-plotly-plot')) {
      const lay = gd.layout, full = gd._fullLayout, meta = lay && lay.meta;
      const b = meta && meta.bounds;
      if (!b || meta.fixed || !full || !full.map || !full._size) continue;
      const key = b.join(',') + '|' + gd.clientWidth;
      if (fitted.get(lay) === key) continue;
      // a map still loading (or replaced by a rerun) is fitted once MapLibre is idle: a
      // relayout before that threw inside plotly ("reading 'layers'")
      const sub = full.map._subplot;
      if (!sub || !sub.map || !sub.map.loaded()) {
        if (sub && sub.map && !sub.__utbWaits) {
          sub.__utbWaits = true;
          sub.map.once('idle', () => { sub.__utbWaits = false; fitMaps(); });
        }
        continue;
      }
      fitted.set(lay, key);
      const size = full._size, lonSpan = Math.max(b[2] - b[0], 1e-6);
      const mercSpan = Math.max(merc(b[3]) - merc(b[1]), 1e-6);
      const zx = Math.log2(size.w * 360 / (512 * lonSpan));
      const zy = Math.log2(size.h * 2 * Math.PI / (512 * mercSpan));
      const mid = (merc(b[3]) + merc(b[1])) / 2;
      const update = {
        'map.center': {lon: (b[0] + b[2]) / 2,
                       lat: (2 * Math.atan(Math.exp(mid)) - Math.PI / 2) * 180 / Math.PI},
        'map.zoom': Math.min(zx, zy) - 0.25,
      };
      P.relayout(gd, update).catch(() => fitted.delete(lay));
    }
  }
"""


def script(lang: str) -> str:
    """The page script for one UI language (the same text every run: hashed by the CSP)."""
    code = "sv" if lang == "sv" else "en"
    words = json.dumps(SWEDISH if code == "sv" else {}, ensure_ascii=False, sort_keys=True)
    title = json.dumps(FRAME_TITLE[code], ensure_ascii=False)
    return (
        f"window.parent.document.documentElement.lang = '{code}';\n"
        "(function () {\n"
        "  const top = window.parent, doc = top.document, own = window.frameElement;\n"
        f"  const words = {words};\n"
        "  if (own) { own.title = " + title + "; own.tabIndex = -1;"
        " own.setAttribute('aria-hidden', 'true'); }\n"
        "  const attrs = ['aria-label', 'title', 'data-title'];\n"
        + MAP_FIT
        + "  function fix() {\n"
        "    for (const el of doc.querySelectorAll('[aria-label],[title],[data-title]')) {\n"
        "      if (el === own) continue;\n"
        "      for (const a of attrs) { const v = el.getAttribute(a);"
        " if (v && words[v]) el.setAttribute(a, words[v]); }\n"
        "    }\n"
        "    for (const el of doc.querySelectorAll("
        "'[data-testid=stSkipToContent], [data-testid=stStatusWidget] label')) {\n"
        "      const v = el.textContent.trim(); if (words[v]) el.textContent = words[v];\n"
        "    }\n"
        "    for (const el of doc.querySelectorAll("
        "'[data-testid=stFileUploaderDropzone][role=presentation]')) {\n"
        "      el.removeAttribute('role');\n"
        "    }\n"
        "    fitMaps();\n"
        "  }\n"
        "  if (top.__utbObserver) top.__utbObserver.disconnect();\n"
        "  let queued = false;\n"
        "  const observer = new top.MutationObserver(() => {\n"
        "    if (queued) return; queued = true;\n"
        "    top.requestAnimationFrame(() => { queued = false; fix(); });\n"
        "  });\n"
        "  observer.observe(doc.body, {childList: true, subtree: true});\n"
        "  top.__utbObserver = observer;\n"
        "  fix();\n"
        "})();"
    )


#: Contrast, focus, headings and the phone layout (Streamlit's theme has no setting for these).
STYLE = """<style>
/* captions and hints: #5c5b59 is 6.6:1 on white, 6.1:1 on the sidebar (Streamlit fades them
   to 60 % opacity: 3.9:1 or less) */
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * { color: #5c5b59 !important; }
[data-testid="stWidgetLabel"] small, [data-testid="stTooltipHoverTarget"] { color: #4a4947; }
/* the keyboard hint on a primary (red) button: white, 5.2:1 on #c53948 */
button kbd { color: #ffffff !important; opacity: 1 !important; }
/* a focus ring every control shows when reached by keyboard */
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
summary:focus-visible, [role="button"]:focus-visible, [role="tab"]:focus-visible,
[role="radio"]:focus-visible, [role="checkbox"]:focus-visible, [role="switch"]:focus-visible,
[tabindex]:focus-visible, label:focus-within {
  outline: 3px solid #1a56b0 !important; outline-offset: 2px !important;
}
[data-testid="stSidebarNav"] a:focus-visible { background: #dce6f7; }
/* the answer's sentence is a level-2 heading under the page title, at a reading size */
[data-testid="stMain"] h2 { font-size: 1.45rem; line-height: 1.3; padding-top: 0.6rem; }
/* a chart's title as text above it, which wraps: Plotly's own title is one line of SVG and was
   cut at the plot's edge ("…Södermanlands lä" at 1400 px), so the page shows this one instead */
.utb-chart-title { margin: 0; font-weight: 600; color: #333333; }
[data-testid="stMain"] .js-plotly-plot .gtitle { display: none; }
/* chosen regions wrap onto more lines instead of hiding under the box's edge (Jämför's third) */
[data-testid="stMultiSelectTagsContainer"] {
  flex-wrap: wrap !important; overflow: visible !important; height: auto !important;
}
div:has(> [data-testid="stMultiSelectTagsContainer"]) { height: auto !important; max-height: none !important; }
@media (max-width: 640px) {
  [data-testid="stMain"] h1 { font-size: 1.7rem; }
  [data-testid="stMain"] h2 { font-size: 1.15rem; }
  [data-testid="stMainBlockContainer"] { padding-left: 0.9rem; padding-right: 0.9rem; padding-top: 3rem; }
  /* KPI cards two by two, not one under another */
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) { flex-wrap: wrap; gap: 0.5rem 1rem; }
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] {
    min-width: calc(50% - 0.5rem) !important; flex: 1 1 calc(50% - 0.5rem) !important;
  }
  .utb-chart-title { font-size: 0.95rem; }
  [data-testid="stMetricValue"] { font-size: 1.6rem; }
  [data-testid="stCaptionContainer"] p { overflow-wrap: anywhere; }
}
</style>"""
