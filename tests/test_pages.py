"""Every page through Streamlit's AppTest, against the database built from the real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture
def app(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    return AppTest.from_file(APP, default_timeout=60)


def test_counties_page_shows_riket_numbers_from_the_database(app: AppTest) -> None:
    app.run()
    assert not app.exception
    text = app.markdown[0].value
    assert "**49,8\u202f%** av kvinnorna" in text and "**37,9\u202f%** av männen" in text
    assert "+11,9 procentenheter" in text
    assert dict(app.query_params) == {"age": "25-64", "year": "2019", "measure": "post_secondary"}
    table = app.dataframe[0].value
    assert len(table) == 22 and table.iloc[0]["region_name"] == "Riket"
    # 2019 25-64 comes from UtbBefRegionR, which carries no SCB updated stamp
    assert next(c.value for c in app.caption if c.value.startswith("Källa")).startswith(
        "Källa: SCB, UtbBefRegionR (UF0506B/UtbBefRegionR). Inläst "
    )


def test_url_round_trip(app: AppTest) -> None:
    app.query_params.update({"age": "16-74", "year": "2018", "measure": "post_secondary"})
    app.run()
    assert not app.exception and not app.warning
    assert "**42,2\u202f%** av kvinnorna" in app.markdown[0].value
    assert app.selectbox[0].value == "16-74" and app.selectbox[1].value == "2018"
    assert any(
        c.value.startswith("Källa: SCB, TAB3981 (UF0506B/Utbildning), uppdaterad 2024-04-25.")
        for c in app.caption
    )


def test_changing_a_selection_updates_url_and_numbers(app: AppTest) -> None:
    app.run()
    app.selectbox[2].set_value("post_secondary_3plus").run()
    assert app.query_params["measure"] == "post_secondary_3plus"
    assert "**49,8" not in app.markdown[0].value


@pytest.mark.parametrize("params", [{"year": "1900"}, {"age": "99-99"}, {"measure": "drop table"}])
def test_bad_url_values_fall_back_with_a_notice(app: AppTest, params: dict[str, str]) -> None:
    app.query_params.update(params)
    app.run()
    assert not app.exception
    assert any("Ogiltigt värde i länken" in w.value for w in app.warning)
    assert "**49,8\u202f%** av kvinnorna" in app.markdown[0].value
