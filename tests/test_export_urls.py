"""Every view outside the live app: `/export/<page>.<format>` and `/inbaddning/<page>` for every
view of the registry and every format, validated as the page's link is, pinned by data version,
and the same numbers and bytes as the page's own downloads."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from starlette.testclient import TestClient

from dashboard.model import registry
from dashboard.model.view import View
from dashboard.render import downloads
from dashboard.render.formats import FORMATS
from dashboard.web import answers

VIEWS = list(registry.VIEWS.values())
SLUGS = [view.slug or "oversikt" for view in VIEWS]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_view_has_every_format_and_an_embed(client: TestClient, slug: str) -> None:
    """A view added to the registry gets every output: a view lacking one fails here."""
    for extension, chosen in FORMATS.items():
        answer = client.get(f"/export/{slug}.{extension}")
        assert answer.status_code == 200, (slug, extension, answer.text[:300])
        assert answer.headers["content-type"].startswith(chosen.media_type.split(";")[0])
        assert answer.content, (slug, extension)
    embed = client.get(f"/inbaddning/{slug}")
    assert embed.status_code == 200 and "<svg" in embed.text
    assert "frame-ancestors *" in embed.headers["content-security-policy"]
    assert "script" not in embed.headers["content-security-policy"]
    assert "<script" not in embed.text.lower()


@pytest.mark.parametrize("view", VIEWS, ids=[v.name for v in VIEWS])
def test_files_are_the_pages_own_downloads_byte_for_byte(client: TestClient, view: View) -> None:
    slug = view.slug or "oversikt"
    for sample in view.samples or ({},):
        result, notices = registry.compute(view.name, sample, "sv")
        assert not notices
        query = {**result.settings, "lang": "sv"}
        assert client.get(f"/export/{slug}.csv", params=query).content == downloads.csv(result)
        assert client.get(f"/export/{slug}.xlsx", params=query).content == downloads.xlsx(result)


def test_the_json_holds_the_views_words_provenance_and_rows(
    client: TestClient, version: str
) -> None:
    params = {"scope": "municipality_in_county", "county": "04", "highlight": "0486"}
    result, _ = registry.compute("ranking", params, "sv")
    doc = client.get("/export/rangordning.json", params=params).json()
    assert doc["title"] == result.title and doc["sentence"] == result.headline
    assert doc["source"] == result.source and doc["definition"] == result.definition
    assert doc["data_version"] == version
    assert [t["id"] for t in doc["scb_tables"]] == ["UtbBefRegionR"]
    assert doc["url"].startswith("/rangordning?") and "highlight=0486" in doc["url"]
    assert doc["citation"].startswith("Utbildningsläget: ") and version[:12] in doc["citation"]
    # the rows are the file table's: every number equals the page's, codes beside names
    assert len(doc["rows"]) == result.data.height == 10
    strangnas = next(r for r in doc["rows"] if r["region_code"] == "0486")
    row = result.data.filter(result.data["region_code"] == "0486").row(0, named=True)
    assert strangnas["women_share"] == row["women_share"] == 45.82
    assert strangnas["gap_pp"] == 15.22 and strangnas["county_rank_gap"] == 1
    assert strangnas["source_table"] == "UtbBefRegionR"
    assert {"year", "age_group", "measure", "definition"} <= set(strangnas)


def test_the_csv_has_a_decimal_comma_and_names_each_rows_table(client: TestClient) -> None:
    text = client.get("/export/utveckling.csv", params={"regions": "04"}).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows and all(r["source_table"] == "TAB3981" for r in rows)
    sormland_2018 = next(r for r in rows if r["region_code"] == "04" and r["year"] == "2018")
    assert sormland_2018["women_share"] == "34,14"  # PROVENANCE.md: 34.14 (16-74, 2018)


def test_the_age_views_rows_name_the_table_each_came_from(client: TestClient) -> None:
    """The 10-year groups and 25-64 of 2019 come from UtbBefRegionR, 16-74 from TAB3981."""
    rows = client.get("/export/alder.json", params={"region": "04"}).json()["rows"]
    tables = {r["age_group"]: r["source_table"] for r in rows if r["region_code"] == "04"}
    assert tables["16-74"] == "TAB3981"
    assert tables["25-34"] == tables["25-64"] == "UtbBefRegionR"


def test_the_bundle_holds_the_csv_the_json_and_a_readme(client: TestClient) -> None:
    result, _ = registry.compute("gap", {}, "en")
    answer = client.get("/export/konsskillnad.zip", params={"lang": "en"})
    bundle = zipfile.ZipFile(io.BytesIO(answer.content))
    names = bundle.namelist()
    assert names == [f"{result.file_stem}.csv", f"{result.file_stem}.json", "README.txt"]
    assert bundle.read(names[0]) == downloads.csv(result)
    assert json.loads(bundle.read(names[1]))["title"] == result.title
    readme = bundle.read("README.txt").decode()
    assert result.source in readme and "CC0" in readme
    assert answer.headers["content-disposition"].startswith("attachment;")


def test_the_xlsx_opens_with_the_same_table_as_the_csv(client: TestClient) -> None:
    answer = client.get("/export/jamfor.xlsx", params={"regions": "00,04"})
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).worksheets[0]
    header = [c.value for c in sheet[5]]
    text = client.get("/export/jamfor.csv", params={"regions": "00,04"}).content.decode("utf-8-sig")
    assert header == text.splitlines()[0].split(";")


@pytest.mark.parametrize(
    ("url", "status", "said"),
    [
        ("/export/nowhere.png", 404, "Sidan nowhere finns inte"),
        ("/export/karta.pdf", 404, "Formatet finns inte"),
        ("/export/karta", 404, "Formatet finns inte"),
        ("/inbaddning/nowhere", 404, "Sidan nowhere finns inte"),
        ("/export/karta.png?lang=fr", 400, "There is no language fr"),
        ("/export/karta.png?show=zz", 400, "Värdet zz för show finns inte här"),
        ("/export/karta.png?show=zz&lang=en", 400, "The value zz for show does not exist"),
        ("/export/rangordning.csv?year=1900", 400, "Värdet 1900 för year"),
        ("/export/rangordning.csv?highlight=9999", 400, "Värdet 9999 för highlight"),
        ("/export/rangordning.csv?sql=1", 400, "Inställningen sql används inte här"),
        ("/export/rangordning.csv?v=abc", 400, "abc är ingen dataversion"),
        ("/export/vilken-siffra.json?value=%D9%A9%D9%A9", 400, "Värdet ٩٩ för value"),
    ],
)
def test_bad_urls_get_a_sentence_never_a_traceback(
    client: TestClient, url: str, status: int, said: str
) -> None:
    answer = client.get(url)
    assert answer.status_code == status
    assert said in answer.text
    assert "Traceback" not in answer.text and str(Path.cwd()) not in answer.text
    framable = url.startswith("/inbaddning/")  # an embed's refusal shows in its frame
    assert answer.headers["content-security-policy"] == (
        answers.EMBED_ERROR_POLICY if framable else answers.ERROR_POLICY
    )


def test_hostile_values_are_refused_and_shown_inert(client: TestClient) -> None:
    payload = "<img src=x onerror=alert(1)>[link](javascript:alert(1))"
    answer = client.get("/inbaddning/rangordning", params={"highlight": payload})
    assert answer.status_code == 400
    assert "<img" not in answer.text and "&lt;img" in answer.text
    huge = client.get("/export/rangordning.csv", params={"highlight": "x" * 10_000})
    assert huge.status_code == 400 and len(huge.content) < 2_000


def test_a_value_carried_over_silently_on_the_page_is_carried_here_too(client: TestClient) -> None:
    """`region` is the map's region of interest, as in the page's link: Gnesta's län, marked."""
    doc = client.get("/export/karta.json", params={"region": "0461"}).json()
    assert doc["settings"]["county"] == "04" and doc["settings"]["highlight"] == "0461"
    assert doc["sentence"].startswith("Gnesta:")


def test_pinned_urls_are_immutable_and_gone_once_their_version_is(
    client: TestClient, version: str
) -> None:
    live = client.get("/export/rangordning.png")
    assert live.headers["cache-control"] == "public, max-age=60"
    tag = live.headers["etag"]
    again = client.get("/export/rangordning.png", headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.content
    pinned = client.get("/export/rangordning.png", params={"v": version})
    assert pinned.status_code == 200 and pinned.content == live.content
    assert pinned.headers["cache-control"] == "public, max-age=31536000, immutable"
    other = "0" * 64
    gone = client.get("/export/rangordning.png", params={"v": other, "show": "men"})
    assert gone.status_code == 410
    assert version[:12] in gone.text and 'href="/export/rangordning.png?show=men"' in gone.text


def test_files_are_named_safely(client: TestClient) -> None:
    answer = client.get("/export/karta.csv", params={"region": "0461"})
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="karta-sodermanlands-lan-')
    assert "filename*=UTF-8''karta-s%C3%B6dermanlands-l%C3%A4n-" in disposition


def test_only_embeds_may_be_framed_by_other_sites(client: TestClient) -> None:
    assert (
        "frame-ancestors 'none'"
        in client.get("/export/karta.svg").headers["content-security-policy"]
    )
    assert "frame-ancestors *" in client.get("/inbaddning/karta").headers["content-security-policy"]
    elsewhere = client.get("/no-such-route")  # any other answer of the server
    assert elsewhere.headers["x-frame-options"] == "SAMEORIGIN"
    assert elsewhere.headers["content-security-policy"] == "frame-ancestors 'self'"
    # a path that only looks like ours (an encoded slash, a second segment) is our 404, never
    # Streamlit's page loading the app where anyone may frame it
    for path in ("/inbaddning%2Fx%2Fy", "/inbaddning/a/b", "/export/a/b", "/profil/04/x"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert answer.headers["content-security-policy"] == answers.ERROR_POLICY, path
    # a refusal is framed by no site (frame-ancestors does not fall back to default-src) ...
    for path in ("/export/karta.svg?year=x", "/profil/9999", "/export/karta.html"):
        assert "frame-ancestors 'none'" in client.get(path).headers["content-security-policy"]
    # ... but an embed's own refusal shows in the frame of the site that embeds it
    refused = client.get("/inbaddning/karta?year=x")
    assert refused.status_code == 400
    assert refused.headers["content-security-policy"] == "default-src 'none'; frame-ancestors *"


def test_the_embed_says_what_it_shows_and_links_the_live_view(client: TestClient) -> None:
    params = {"scope": "municipality_in_county", "county": "04", "show": "gap", "lang": "en"}
    result, _ = registry.compute("ranking", params, "en")
    page = client.get("/inbaddning/rangordning", params=params).text
    assert '<html lang="en">' in page
    assert f'role="img" aria-label="{result.headline}"' in page
    assert result.source in page and "<details>" in page and '<th scope="col">' in page
    link = page.split('<a href="')[-1].split('"')[0].replace("&amp;", "&")
    assert link.startswith("/rangordning?") and "highlight" not in link
    assert {"scope=municipality_in_county", "county=04", "show=gap", "lang=en"} <= set(
        link.split("?")[1].split("&")
    )
    assert "13,0" not in page and "13.0" in page  # English numbers in the table


def test_the_renderer_refuses_rather_than_queues_without_end() -> None:
    """One render at a time: a full queue and a render past its time are answered at once, and
    a render given up on keeps its place until it has finished (they once piled up behind the
    renderer, and every export answered 503 for minutes)."""
    import asyncio
    import threading

    from dashboard.web.gate import Busy, Gate

    release = threading.Event()

    async def scenario() -> list[str]:
        gate = Gate(queue=2, seconds=0.5)
        slow = asyncio.ensure_future(gate.run(lambda: release.wait(5) and "slow"))
        await asyncio.sleep(0.05)
        waiting = asyncio.ensure_future(gate.run(lambda: "next"))
        await asyncio.sleep(0.05)
        said = []
        try:
            await gate.run(lambda: "third")  # the queue (one drawing, one waiting) is full
        except Busy:
            said.append("full")
        for task in (slow, waiting):
            try:
                await task
            except Busy:
                said.append("late")
        try:  # given up on, both are still in the queue
            await gate.run(lambda: "fourth")
        except Busy:
            said.append("still full")
        release.set()
        await asyncio.sleep(0.2)  # both finish and leave the queue
        said.append(await gate.run(lambda: "after"))
        return said

    assert asyncio.run(scenario()) == ["full", "late", "late", "still full", "after"]


def test_every_chart_page_offers_its_files_and_embed_code(db_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.helpers import page_script, unfolded

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        app = unfolded(AppTest.from_string(page_script("ranking"), default_timeout=60), "ranking")
        app.query_params.update({"scope": "municipality_in_county", "county": "04"})
        app.run()
    assert not app.exception
    texts = "\n".join(m.value for m in app.markdown)
    for extension in FORMATS:
        assert f"(/export/rangordning.{extension}?" in texts
    codes = [c.value for c in app.code if c.value.startswith("<iframe")]
    assert len(codes) == 2 and "/inbaddning/rangordning?" in codes[0]
    assert "v=" not in codes[0] and "v=" in codes[1]
