"""A region corrects the lärcentrum registry in a real browser: upload, see the diff, download
the merged list — and a hostile name in the file is shown as text, never as a link."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watch, screenshot

pytestmark = pytest.mark.browser
HEADER = (
    "name,kommun_code,locality,latitude,longitude,location_precision,website,source,verified_date"
)


def test_upload_diff_and_merged_download(
    page: Page, server_url: str, watch: Watch, tmp_path: Path
) -> None:
    upload = tmp_path / "region.csv"
    upload.write_text(
        f"{HEADER}\n"
        '<a href="https://evil.example">Klicka</a>,0482,Flen,59.06,16.59,locality,,Region 2026,\n'
        "Campus Nyköping,0480,Nyköping,58.795,17.01,locality,,Region 2026,\n",
        encoding="utf-8",
    )
    page.goto(f"{server_url}/larcentrum")
    expect(page.get_by_text("Vad registret vet:", exact=False)).to_be_visible(timeout=30_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    expect(page.get_by_text("Listan är giltig: 2 lärcentrum i 2 kommuner.")).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_text("Tillagda: 1", exact=False)).to_be_visible()
    expect(page.locator('a[href*="evil"]')).to_have_count(0)
    # the run that drew the button has finished (a click during it can land on a button the
    # run is about to replace, whose file Streamlit then drops)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Ladda ner sammanslagen lista (CSV)").click()
    merged = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert merged[0] == HEADER
    assert sum("Klicka</a>" in line for line in merged) == 1  # kept as the region wrote it
    screenshot(page, "registry-upload")
    assert watch.outside == [] and watch.problems() == []
