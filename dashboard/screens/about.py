"""Om data: definitions, provenance of every loaded source, SCB's notes, licence."""

from __future__ import annotations

import html

import streamlit as st

from dashboard.data import places, queries
from dashboard.render import url_state as state
from dashboard.render import widgets as components
from dashboard.text.formatting import day
from dashboard.text.i18n import t
from dashboard.text.safe_text import markdown

DEFINITIONS = {
    "sv": """
**Andel med eftergymnasial utbildning** — personer 25–64 år med utbildningsnivå 5, 6 eller 7
(SUN 2000: eftergymnasial < 3 år, ≥ 3 år, forskarutbildning) delat med alla personer 25–64 år,
*uppgift saknas* inräknad i nämnaren. Samma definition som Koladas nyckeltal N01982. Med
definitionen *okänd nivå utesluten* räknas bara de sju kända nivåerna i nämnaren, som i SCB:s och
många regioners diagram; sidan *Vilken siffra stämmer?* visar alla definitioner sida vid sida.

**Minst 3 års eftergymnasial utbildning** — nivå 6 och 7 över samma nämnare.

**Könsskillnad** — kvinnornas andel minus männens, i procentenheter.

**Rang** — bland 21 län eller 290 kommuner samma år, 1 = högst andel.

**Län och riket** — i de offline-filer vi har summeras län och riket från kommunerna; från SCB:s
API används SCB:s egna siffror.
""",
    "en": """
**Share with post-secondary education** — persons aged 25–64 at education level 5, 6 or 7
(SUN 2000) divided by all persons aged 25–64, *unknown level* included in the denominator. The
same definition as Kolada's KPI N01982. With the definition *unknown level left out* only the
seven known levels count in the denominator, as in SCB's and many regions' charts; the page
*Which figure is right?* shows every definition side by side.

**At least 3 years of post-secondary education** — levels 6 and 7 over the same denominator.

**Gender gap** — women's share minus men's, in percentage points.

**Rank** — among 21 counties or 290 municipalities in the same year, 1 = highest share.

**Counties and Sweden** — from the offline files they are sums of the municipalities; from SCB's
API, SCB's own figures are used.
""",
}


def render() -> None:
    lang = state.lang()
    st.title(t("about", lang))
    st.markdown(DEFINITIONS[lang])
    build = queries.build_info()
    if build:
        st.caption(
            t(
                "build_line",
                lang,
                id=build["build_id"][:12],
                day=day(build["built_at"]),
                schema=build["schema_version"],
            )
        )

    st.header(t("sources_heading", lang))
    sources = queries.sources()
    components.data_table(
        sources.select(
            "scb_table_id",
            "scb_table_name",
            "title",
            "kind",
            "scb_updated",
            "fetched_at",
            "loaded_at",
            "licence",
            "origin_repository",
            "origin_commit",
            "sha256",
        ),
        hide_index=True,
    )
    st.header(t("scb_notes_heading", lang))
    if lang != "sv":
        st.caption(t("scb_original", lang))
    for row in queries.notes().iter_rows(named=True):
        marker = "❗ " if row["mandatory"] else ""
        where = f" ({row['variable']} {row['value_code']})" if row["value_code"] else ""
        # notes arrive from the API (or a mirror of it): shown as text, never as Markdown
        if lang == "sv":
            st.markdown(f"{marker}{markdown(row['note_text'])}{markdown(where)}")
        else:  # SCB's own Swedish, marked as Swedish for screen readers (escaped: text only)
            text = html.escape(f"{marker}{row['note_text']}{where}")
            st.html(f'<p lang="sv" class="utb-scb-note">{text}</p>')
    st.header(t("larcentrum", lang))
    components.registry_coverage()
    components.centre_table(places.larcentrum(), lang, "all")
    st.caption(t("credits", lang))
