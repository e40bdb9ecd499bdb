"""Query planning and incremental decisions: pure functions on SCB's real metadata."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from etl.scb.plan import (
    AGE_CODELIST,
    age_groups_from_codelist,
    check_metadata,
    plan_queries,
    years_to_fetch,
)
from etl.scb.transport import ScbError
from tests.fake_pxweb import FakePxWeb


@pytest.fixture(scope="module")
def metadata(data_dir: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(
        (data_dir / "atlas290_TAB3981" / "TAB3981_sv_metadata.json").read_text()
    )
    return doc["response"]


@pytest.fixture(scope="module")
def codelist(data_dir: Path) -> dict[str, Any]:
    return FakePxWeb(data_dir).codelist()


def test_age_groups_come_from_value_maps_not_codes() -> None:
    codelist = {
        "id": AGE_CODELIST,
        "values": [
            {"code": "A", "valueMap": [str(a) for a in range(16, 25)]},
            {"code": "B", "valueMap": [str(a) for a in reversed(range(25, 75))]},
        ],
    }
    assert age_groups_from_codelist(codelist) == {"A": "16-24", "B": "25-74"}
    gap = {"id": AGE_CODELIST, "values": [{"code": "A", "valueMap": ["16", "18"]}]}
    with pytest.raises(ScbError, match="not a run of single ages"):
        age_groups_from_codelist(gap)
    short = {
        "id": AGE_CODELIST,
        "values": [{"code": "A", "valueMap": [str(a) for a in range(16, 65)]}],
    }
    with pytest.raises(ScbError, match="do not cover ages 16-74"):
        age_groups_from_codelist(short)


def test_full_plan_stays_under_the_cell_limit_and_covers_every_cell(
    metadata: dict[str, Any], codelist: dict[str, Any]
) -> None:
    years = [str(y) for y in range(1985, 2026)]
    plan = plan_queries(metadata, codelist, years, max_cells=150_000)
    assert len(plan) == 11
    assert all(q.cells <= 150_000 for q in plan)
    # 312 regions × (6 groups + 16-74) × 8 levels × 2 sexes × 1 content × 41 years
    assert sum(q.cells for q in plan) == 312 * 7 * 8 * 2 * 41 == 1_432_704
    first = plan[0].body["selection"]
    assert [s["variableCode"] for s in first] == [
        "Region",
        "Alder",
        "UtbildningsNiva",
        "Kon",
        "ContentsCode",
        "Tid",
    ]
    assert first[1] == {
        "variableCode": "Alder",
        "valueCodes": ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74"],
        "codelist": AGE_CODELIST,
    }
    total = plan[-1].body["selection"][1]
    assert total == {"variableCode": "Alder", "valueCodes": ["tot16-74"]}
    regions = [
        c
        for q in plan
        if q.age_groups != {"tot16-74": "16-74"}
        for c in q.body["selection"][0]["valueCodes"]
    ]
    assert len(regions) == len(set(regions)) == 312


def test_years_to_fetch(metadata: dict[str, Any]) -> None:
    updated = datetime(2026, 4, 27, 6, tzinfo=UTC)
    all_years = {int(y) for y in range(1985, 2026)}
    assert years_to_fetch(metadata, set(), None, full=False)[0][0] == "1985"
    assert years_to_fetch(metadata, all_years, updated, full=False) == (
        [],
        "SCB's table unchanged since 2026-04-27",
    )
    assert years_to_fetch(metadata, all_years - {2025}, updated, full=False) == (
        ["2025"],
        "years missing",
    )
    years, reason = years_to_fetch(
        metadata, all_years - {2025}, datetime(2025, 4, 1, tzinfo=UTC), full=False
    )
    assert years == ["2024", "2025"] and "2025-04-01 → 2026-04-27" in reason
    assert len(years_to_fetch(metadata, all_years, updated, full=True)[0]) == 41


def test_metadata_drift_is_refused(metadata: dict[str, Any]) -> None:
    check_metadata(metadata)
    new_level = json.loads(json.dumps(metadata))
    new_level["dimension"]["UtbildningsNiva"]["category"]["index"]["8"] = 8
    with pytest.raises(ScbError, match=r"new education level code\(s\) \['8'\]"):
        check_metadata(new_level)
    renamed = {**metadata, "id": ["Region", "Alder", "Niva", "Kon", "ContentsCode", "Tid"]}
    with pytest.raises(ScbError, match="metadata drift: TAB3981 has dimensions"):
        check_metadata(renamed)


def test_sliding_window_limiter_counts_actual_send_times() -> None:
    from etl.scb.transport import SlidingWindowLimiter

    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    limiter = SlidingWindowLimiter(3, 1.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(7):
        limiter.wait()
        now[0] += 0.1
    # sends at 0, .1, .2 | 1.0, 1.1, 1.2 | 2.0: never 4 within one second
    assert slept == [0.7, 0.7]
    assert limiter.sent == [1.1, 1.2, 2.0] or len(limiter.sent) == 3
