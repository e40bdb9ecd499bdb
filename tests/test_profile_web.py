"""`/profil/<code>` and `/profil/<code>.pdf`: served with the export URLs' guards (language,
pinning by data version, ETag, refusals as one escaped sentence), and linked from Översikt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from tests.helpers import page_script


def clean(body: str) -> None:
    """What no answer may show: a traceback, a server path, a raw tag from the request."""
    assert "Traceback" not in body and "/work/" not in body and "site-packages" not in body
    assert "<script" not in body.lower() and "<b>" not in body


def test_the_pdf_and_the_html_of_a_kommun(client: TestClient) -> None:
    pdf = client.get("/profil/0461.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-type"] == "application/pdf"
    assert 'filename="0461-gnesta.pdf"' in pdf.headers["content-disposition"]
    assert pdf.headers["content-disposition"].startswith("inline")
    assert pdf.headers["cache-control"] == "public, max-age=60" and pdf.headers["etag"]
    page = client.get("/profil/0461")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script" not in csp and "frame-ancestors 'none'" in csp
    body = page.text
    assert '<html lang="sv">' in body and "<h1>Gnesta</h1>" in body
    assert "@page { size: A4" in body and "break-before: page" in body
    assert '<a href="/profil/0461.pdf?lang=sv">' in body and "<svg" in body
    assert "42,4\u202f%" in body and "Inget lärcentrum är känt för Gnesta" in body
    clean(body)
    english = client.get("/profil/04", params={"lang": "en"}).text
    assert '<html lang="en">' in english and "Södermanlands län" in english
    assert "41.1%" in english and "The municipalities of Södermanlands län" in english
    assert client.head("/profil/00.pdf").status_code == 200


def test_pinned_live_and_gone(client: TestClient, version: str) -> None:
    pinned = client.get("/profil/0461.pdf", params={"v": version})
    assert pinned.status_code == 200
    assert pinned.headers["cache-control"] == "public, max-age=31536000, immutable"
    etag = pinned.headers["etag"]
    assert client.get("/profil/0461", headers={"If-None-Match": etag}).status_code == 304
    gone = client.get("/profil/0461.pdf", params={"v": "0" * 64, "lang": "en"})
    assert gone.status_code == 410
    assert version[:12] in gone.text and 'href="/profil/0461.pdf?lang=en"' in gone.text
    clean(gone.text)


@pytest.mark.parametrize(
    ("url", "params", "status", "sentence"),
    [
        ("/profil/9999", {}, 404, "Regionkoden 9999 finns inte"),
        ("/profil/9999.pdf", {"lang": "en"}, 404, "There is no region code 9999"),
        ("/profil/<b>x", {}, 404, "Regionkoden &lt;b&gt;x finns inte"),
        ("/profil/0461.png", {}, 404, "välj ett av pdf"),
        ("/profil/0461", {"lang": "fr"}, 400, "Språket fr finns inte"),
        ("/profil/0461", {"lang": "<b>fr</b>"}, 400, "Språket &lt;b&gt;fr&lt;/b&gt; finns"),
        ("/profil/0461.pdf", {"v": "old"}, 400, "Dataversionen old är ingen dataversion"),
        ("/profil/0461.pdf", {"v": "<b>" * 3000}, 400, "längre än 2000 tecken"),
        ("/profil/0461", {"region": "0480"}, 400, "Inställningen region används inte här"),
        ("/profil/0461", {"x": "a" * 10_000}, 400, "längre än 2000 tecken"),
        ("/profil/" + "1" * 5000, {}, 404, "Regionkoden 1111"),
    ],
)
def test_bad_requests_get_a_sentence(
    client: TestClient, url: str, params: dict[str, str], status: int, sentence: str
) -> None:
    answer = client.get(url, params=params)
    assert answer.status_code == status, answer.text[:300]
    assert answer.headers["content-type"].startswith("text/html")
    assert sentence in answer.text
    assert len(answer.text) < 1_000
    clean(answer.text)


def test_oversikt_links_to_its_regions_profile(db_path: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("UTB_DB_PATH", str(db_path))
        app = AppTest.from_string(page_script("overview"), default_timeout=60)
        app.query_params.update(region="0461", lang="en")
        app.run()
    assert not app.exception
    link = next(m.value for m in app.markdown if "/profil/" in m.value)
    assert re.search(r"\[PDF\]\(/profil/0461\.pdf\?lang=en\)", link)
    assert "[HTML](/profil/0461?lang=en)" in link and "Printable profile of Gnesta" in link
