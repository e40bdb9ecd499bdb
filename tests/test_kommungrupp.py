"""SKR's kommungrupp 2023 read from its two sources: refused on any mismatch, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from etl.errors import SourceError
from etl.sources import kommungrupp
from etl.sources.offline import load_catalogue
from etl.sources.region_codes import read_region_codes


@pytest.fixture(scope="module")
def regions(data_dir: Path) -> pl.DataFrame:
    return read_region_codes(data_dir / load_catalogue()["region_codes"]["path"])


@pytest.fixture(scope="module")
def entries(data_dir: Path) -> list[dict[str, object]]:
    path = data_dir / load_catalogue()["skr_kommungrupp_2023"]["path"]
    loaded: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _write(tmp_path: Path, entries: list[dict[str, object]]) -> Path:
    path = tmp_path / "kommunpopgrupp.json"
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_shared_file_maps_by_order_and_name(
    tmp_path: Path, regions: pl.DataFrame, entries: list[dict[str, object]]
) -> None:
    grouped = kommungrupp.read_skr_file(_write(tmp_path, entries), regions)
    sizes = grouped.group_by("kommungrupp_code").len().sort("kommungrupp_code")
    assert sizes["len"].to_list() == [3, 43, 23, 63, 24, 27, 51, 35, 21]
    assert kommungrupp.fold("Håbo") == kommungrupp.fold("Habo") == "habo"


def test_a_reordered_file_is_refused(
    tmp_path: Path, regions: pl.DataFrame, entries: list[dict[str, object]]
) -> None:
    swapped = [entries[0], entries[2], entries[1], *entries[3:]]  # Österåker before Vallentuna
    with pytest.raises(
        SourceError, match=r"entry 2 is 'Osteraker' but kommun 2 in code order is 0115 Vallentuna"
    ):
        kommungrupp.read_skr_file(_write(tmp_path, swapped), regions)


def test_a_short_file_and_an_unknown_group_are_refused(
    tmp_path: Path, regions: pl.DataFrame, entries: list[dict[str, object]]
) -> None:
    with pytest.raises(SourceError, match="expected a list of 290 kommuner"):
        kommungrupp.read_skr_file(_write(tmp_path, entries[:-1]), regions)
    renamed = [{**entries[0], "group": "Förort"}, *entries[1:]]
    with pytest.raises(
        SourceError, match="entry 1 \\(Upplands-Vasby\\) has an unknown group 'Förort'"
    ):
        kommungrupp.read_skr_file(_write(tmp_path, renamed), regions)


def test_the_code_list_is_read_by_its_codes_and_refused_when_odd() -> None:
    known = {"0114", "0180", "0305", "0643"}
    values = [
        {"code": f"2023_{code}", "label": name, "valueMap": []}
        for code, name in kommungrupp.GROUPS.items()
    ]
    values[0]["valueMap"] = ["0180"]
    values[1]["valueMap"] = ["0114", "0305"]
    values[3]["valueMap"] = ["0643"]
    frame = kommungrupp.from_codelist({"values": values}, known)
    assert frame.rows() == [
        ("0114", "A2", "Pendlingskommun nära storstad"),
        ("0180", "A1", "Storstäder"),
        ("0305", "A2", "Pendlingskommun nära storstad"),
        ("0643", "B4", "Pendlingskommun nära större stad"),
    ]
    # a label that carries the code, or only SKR's name, is read too
    assert (
        kommungrupp.group_code_of_value(
            {"code": "x", "label": "C9. Landsbygdskommun med besöksnäring"}
        )
        == "C9"
    )
    assert kommungrupp.group_code_of_value({"code": "x", "label": "Mindre stad/tätort"}) == "C6"
    with pytest.raises(SourceError, match="0643 is in both A2 and B4"):
        values[1]["valueMap"] = ["0114", "0305", "0643"]
        kommungrupp.from_codelist({"values": values}, known)
    with pytest.raises(SourceError, match="none of SKR's 2023 groups"):
        kommungrupp.from_codelist({"values": [{"code": "2023_X1", "label": "Ny grupp"}]}, known)


def test_live_and_offline_groupings_that_disagree_are_refused() -> None:
    from etl.assemble.inputs import with_kommungrupp
    from etl.sources.model import SourceRecord

    def grouping(code: str, source_id: str) -> tuple[pl.DataFrame, SourceRecord]:
        frame = pl.DataFrame(
            {"region_code": ["0486"], "kommungrupp_code": [code], "kommungrupp_name": ["x"]}
        )
        record = SourceRecord(
            source_id, "offline_file", None, None, "t", None, None, None, None, None, "l", "f", "0"
        )
        return frame, record

    regions = pl.DataFrame({"region_code": ["0486"], "region_name": ["Strängnäs"]})
    merged = with_kommungrupp(regions, [grouping("B4", "api:k"), grouping("B4", "offline:k")])
    assert merged["kommungrupp_code"].to_list() == ["B4"]
    with pytest.raises(SourceError, match=r"disagree for 1 kommun\(er\) \(0486: B4 vs C7\)"):
        with_kommungrupp(regions, [grouping("B4", "api:k"), grouping("C7", "offline:k")])
