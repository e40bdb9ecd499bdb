"""The refresh against a fake PxWeb v2 server on 127.0.0.1: requests, rows, faults."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from etl.atomic import LockedError, exclusive_lock
from etl.config import Settings, load_settings
from etl.scb.refresh import refresh
from etl.scb.transport import RetryPolicy, ScbError
from tests.fake_pxweb import FakePxWeb, Fault

ROOT = Path(__file__).resolve().parent.parent
FAST = RetryPolicy(attempts=3, backoff_seconds=0.05, max_retry_after=0.2)
OLD_STAMP = "2025-04-28T06:00:00Z"


def _settings(tmp: Path, url: str, data_dir: Path | None = None, timeout: float = 5) -> Settings:
    return load_settings(
        db_path=tmp / "db.duckdb",
        raw_dir=tmp / "raw",
        scb_base_url=url,
        scb_timeout=timeout,
        data_dir=data_dir or tmp / "no-offline-data",
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


# --- a full refresh into a fresh database ---------------------------------------------------


@pytest.fixture(scope="module")
def full(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> Iterator[tuple[FakePxWeb, Settings]]:
    fake = FakePxWeb(data_dir)
    settings = _settings(tmp_path_factory.mktemp("full"), fake.start())
    report = refresh(settings, quiet=True)
    assert report.status == "refreshed" and report.data_requests == 11
    yield fake, settings
    fake.stop()


def test_full_refresh_loads_every_published_cell(full: tuple[FakePxWeb, Settings]) -> None:
    _, settings = full
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        years = con.execute(
            "SELECT min(year), max(year), count(DISTINCT year) FROM population_education"
        ).fetchone()
        assert years == (1985, 2025, 41)
        levels = dict(
            con.execute(
                "SELECT region_level, count(DISTINCT region_code) FROM population_education "
                "JOIN region USING (region_code) GROUP BY 1"
            ).fetchall()
        )
        assert levels == {"country": 1, "county": 21, "municipality": 290}
        derivations = dict(
            con.execute(
                "SELECT derivation, count(*) FROM population_education GROUP BY 1"
            ).fetchall()
        )
        # SCB publishes län and riket: nothing is summed from kommuner; 25-64 is summed from 4 groups
        assert derivations == {"published": 1_432_704, "sum_of_age_groups": 312 * 8 * 2 * 41}
        assert con.execute(
            "SELECT count(*) FROM source WHERE kind = 'api_response'"
        ).fetchone() == (11,)
        assert sorted(r[0] for r in con.execute("SELECT year FROM series_break").fetchall()) == [
            1990,
            2000,
        ]


def test_requests_are_exactly_the_plan_and_paced(full: tuple[FakePxWeb, Settings]) -> None:
    fake, _ = full
    paths = [r.path for r in fake.requests[:3]]
    assert paths == [
        "/api/v2/config",
        "/api/v2/tables/TAB3981/metadata",
        "/api/v2/codelists/agg_Ålder10år16-74",
    ]
    data = fake.data_requests()[:11]
    assert all("outputFormat=json-stat2" in r.query and "lang=sv" in r.query for r in data)
    cells = [
        len(s0["valueCodes"]) * len(s1["valueCodes"]) * 8 * 2 * 41
        for s0, s1, *_ in (r.body["selection"] for r in data)
    ]
    assert max(cells) <= fake.config["maxDataCells"] and sum(cells) == 1_432_704
    # /config allows 3 calls per 1-second window: no 4 calls after /config within one window
    times = [r.at for r in fake.requests[1:]]
    window, limit = fake.config["timeWindow"], fake.config["maxCallsPerTimeWindow"]
    assert all(times[i + limit] - times[i] >= window * 0.95 for i in range(len(times) - limit))


def test_every_response_is_kept_with_its_provenance(full: tuple[FakePxWeb, Settings]) -> None:
    _, settings = full
    folder = settings.raw_dir / "scb" / "TAB3981"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert len(manifest["data_files"]) == 11 and manifest["scb_updated"] == "2026-04-27T06:00:00Z"
    meta = json.loads((folder / (manifest["data_files"][0] + ".meta.json")).read_text())
    assert meta["url"].endswith("/tables/TAB3981/data?lang=sv&outputFormat=json-stat2")
    assert meta["request_body"]["selection"][1]["codelist"] == "agg_Ålder10år16-74"
    assert (
        meta["sha256"]
        == hashlib.sha256((folder / manifest["data_files"][0]).read_bytes()).hexdigest()
    )
    assert meta["scb_updated"] == "2026-04-27T06:00:00Z" and any(
        "Tidsseriebrott" in n for n in meta["notes"]
    )
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        row = con.execute(
            "SELECT query, sha256, file_path FROM source WHERE source_id = $s",
            {"s": "api:TAB3981:" + manifest["data_files"][0].removesuffix(".json")},
        ).fetchone()
    assert row is not None and row[0].startswith("POST http://127.0.0.1") and '"codelist"' in row[0]
    assert row[1] == meta["sha256"]


def test_kommungrupp_comes_from_scbs_code_list(full: tuple[FakePxWeb, Settings]) -> None:
    """No offline files here: the groups are SCB's agg_RegionKommungrupp2023-, kept like the
    other responses and recorded in `source`."""
    fake, settings = full
    assert [r.path for r in fake.requests[3:4]] == ["/api/v2/codelists/agg_RegionKommungrupp2023-"]
    manifest = json.loads((settings.raw_dir / "scb" / "TAB3981" / "manifest.json").read_text())
    assert manifest["kommungrupp_file"].endswith("-kommungrupp.json")
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        sizes = con.execute(
            "SELECT count(*) FROM region WHERE kommungrupp_code IS NOT NULL "
            "GROUP BY kommungrupp_code ORDER BY kommungrupp_code"
        ).fetchall()
        assert [n for (n,) in sizes] == [3, 43, 23, 63, 24, 27, 51, 35, 21]
        assert con.execute(
            "SELECT kommungrupp_code, kommungrupp_name FROM region WHERE region_code = '0305'"
        ).fetchone() == ("A2", "Pendlingskommun nära storstad")
        assert con.execute(
            "SELECT kind, scb_table_id, title FROM source WHERE source_id = $s",
            {"s": "api:TAB3981:" + manifest["kommungrupp_file"].removesuffix(".json")},
        ).fetchone() == ("api_metadata", "TAB3981", "Kommungrupper (SKR:s) 2023")


def test_second_refresh_is_a_no_op(full: tuple[FakePxWeb, Settings]) -> None:
    fake, settings = full
    before, sent = _digest(settings.db_path), len(fake.requests)
    report = refresh(settings, quiet=True)
    assert report.status == "up to date" and report.requests == 2
    assert len(fake.requests) - sent == 2 and _digest(settings.db_path) == before


def test_build_after_refresh_keeps_the_api_data(
    full: tuple[FakePxWeb, Settings], tmp_path: Path
) -> None:
    from etl.build import build

    _, settings = full
    copy = load_settings(
        db_path=tmp_path / "rebuilt.duckdb", raw_dir=settings.raw_dir, data_dir=tmp_path / "none"
    )
    assert build(copy, quiet=True).fact_rows == 1_637_376


# --- incremental and overlapping refreshes --------------------------------------------------


def test_new_publication_fetches_only_new_and_latest_years(tmp_path: Path, data_dir: Path) -> None:
    old = FakePxWeb(data_dir, years=["2023", "2024"], updated=OLD_STAMP)
    settings = _settings(tmp_path, old.start())
    refresh(settings, quiet=True)
    old.stop()
    new = FakePxWeb(data_dir, years=["2023", "2024", "2025"])
    settings = _settings(tmp_path, new.start())
    report = refresh(settings, quiet=True)
    new.stop()
    assert report.years == ["2024", "2025"] and "2025-04-28 → 2026-04-27" in report.reason
    assert {
        r.body["selection"][-1]["valueCodes"] == ["2024", "2025"] for r in new.data_requests()
    } == {True}
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        per_year = dict(
            con.execute("SELECT year, count(*) FROM population_education GROUP BY 1").fetchall()
        )
    assert per_year == {2023: 39_936, 2024: 39_936, 2025: 39_936}  # 2024 refetched, not duplicated
    manifest = json.loads((settings.raw_dir / "scb" / "TAB3981" / "manifest.json").read_text())
    assert manifest["years"] == [2023, 2024, 2025]


def test_api_numbers_equal_the_offline_build_where_they_overlap(
    tmp_path: Path, data_dir: Path, db_path: Path
) -> None:
    fake = FakePxWeb(data_dir, years=["2019"])
    settings = _settings(tmp_path, fake.start(), data_dir=data_dir)
    refresh(settings, quiet=True)  # sources_agree checks every overlapping cell exactly
    fake.stop()
    query = (
        "SELECT region_code, women_share, men_share FROM gender_gap WHERE year = 2019 "
        "AND age_group = $a ORDER BY region_code"
    )
    for age in ("25-64", "16-74"):
        with (
            duckdb.connect(str(db_path), read_only=True) as offline,
            duckdb.connect(str(settings.db_path), read_only=True) as live,
        ):
            assert (
                live.execute(query, {"a": age}).fetchall()
                == offline.execute(query, {"a": age}).fetchall()
            )
    with duckdb.connect(str(settings.db_path), read_only=True) as live:
        kinds = live.execute(
            "SELECT DISTINCT s.kind, f.derivation FROM population_education f JOIN source s "
            "USING (source_id) WHERE year = 2019 AND region_code = '04' AND age_group = '16-74'"
        ).fetchall()
    assert kinds == [("api_response", "published")]  # SCB's published län figure wins


def test_new_region_code_is_loaded_and_reported(tmp_path: Path, data_dir: Path) -> None:
    fake = FakePxWeb(data_dir, years=["2024"], add_regions={"0499": "Nykommun"})
    settings = _settings(tmp_path, fake.start(), data_dir=data_dir)
    report = refresh(settings, quiet=True)
    fake.stop()
    assert report.new_regions == ["0499"]
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        assert con.execute(
            "SELECT region_name, county_code FROM region WHERE region_code = '0499'"
        ).fetchone() == ("Nykommun", "04")


# --- faults: each ends with a clear message and leaves everything as it was -----------------


@pytest.fixture(scope="module")
def earlier_refresh(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Settings:
    """One earlier refresh (2024 only, older publication), made once for the module."""
    fake = FakePxWeb(data_dir, years=["2024"], updated=OLD_STAMP)
    settings = _settings(tmp_path_factory.mktemp("earlier"), fake.start())
    refresh(settings, quiet=True)
    fake.stop()
    return settings


@pytest.fixture
def previous(tmp_path: Path, earlier_refresh: Settings) -> Settings:
    """A database and raw store from an earlier refresh, each test its own copy (the tests
    fault, kill and replace them)."""
    shutil.copytree(earlier_refresh.db_path.parent, tmp_path, dirs_exist_ok=True)
    return _settings(tmp_path, earlier_refresh.scb_base_url)


def _refresh_with(
    previous: Settings,
    data_dir: Path,
    faults: dict[str, list[Fault]],
    url: str | None = None,
    timeout: float = 5,
    fake_args: dict[str, object] | None = None,
) -> tuple[FakePxWeb, Settings]:
    fake = FakePxWeb(data_dir, years=["2024", "2025"], **(fake_args or {}))  # type: ignore[arg-type]
    fake.faults.update(faults)
    base = fake.start()
    settings = load_settings(
        db_path=previous.db_path,
        raw_dir=previous.raw_dir,
        scb_base_url=url or base,
        scb_timeout=timeout,
        data_dir=previous.data_dir,
    )
    return fake, settings


def _assert_untouched(previous: Settings, before: tuple[str, list[str]]) -> None:
    assert (_digest(previous.db_path), _files(previous.raw_dir)) == before
    assert not list(previous.db_path.parent.glob(".*building*"))


FAULTS = [
    (
        "data",
        [Fault("hang", 3)] * 3,
        "data request 1/2: no answer within the timeout (ReadTimeout); gave up after 3 attempt(s)",
    ),
    ("data", [Fault("status", 500)] * 3, "server error 500; gave up after 3 attempt(s)"),
    ("data", [Fault("429", 1)] * 4, "kept answering 429 Too Many Requests"),
    ("data", [Fault("truncated")], "the response is not valid JSON (malformed or truncated"),
    ("data", [Fault("malformed")], "the response is not valid JSON"),
    ("data", [Fault("wrong_dims")], "Region has 311 codes in the response but 312 were asked for"),
    ("data", [Fault("drop")] * 3, "cannot connect"),
    ("metadata", [Fault("status", 404)], "TAB3981 metadata: SCB refused the request: Error 404"),
]


@pytest.mark.parametrize(("where", "faults", "message"), FAULTS, ids=[f[1][0].kind for f in FAULTS])
def test_fault_keeps_database_and_raw_store(
    previous: Settings, data_dir: Path, where: str, faults: list[Fault], message: str
) -> None:
    before = (_digest(previous.db_path), _files(previous.raw_dir))
    fake, settings = _refresh_with(previous, data_dir, {where: faults}, timeout=1)
    with pytest.raises(ScbError, match=message.replace("(", r"\(").replace(")", r"\)")):
        refresh(settings, policy=FAST, quiet=True)
    fake.stop()
    _assert_untouched(previous, before)


def test_connection_refused(previous: Settings, data_dir: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    before = (_digest(previous.db_path), _files(previous.raw_dir))
    fake, settings = _refresh_with(
        previous, data_dir, {}, url=f"http://127.0.0.1:{closed_port}/api/v2"
    )
    with pytest.raises(
        ScbError, match=r"/config: cannot connect \(connection refused\); gave up after 3"
    ):
        refresh(settings, policy=FAST, quiet=True)
    fake.stop()
    _assert_untouched(previous, before)


def test_transient_faults_are_retried_and_retry_after_is_capped(
    previous: Settings, data_dir: Path
) -> None:
    faults = {"data": [Fault("status", 503), Fault("429", 3600), Fault("status", 502)]}
    fake, settings = _refresh_with(previous, data_dir, faults)
    report = refresh(
        settings, policy=FAST, quiet=True
    )  # a 3600 s Retry-After would hang without the cap
    fake.stop()
    assert report.status == "refreshed" and report.data_requests == 2
    assert len(fake.data_requests()) == 2 + 3


@pytest.mark.parametrize(
    ("fake_args", "message"),
    [
        ({"drop_regions": ["0486"]}, r"TAB3981 no longer has region code\(s\) \['0486'\]"),
        ({"extra_level": "8"}, r"new education level code\(s\) \['8'\]"),
    ],
)
def test_metadata_drift_fails_clearly(
    previous: Settings, data_dir: Path, fake_args: dict[str, object], message: str
) -> None:
    before = (_digest(previous.db_path), _files(previous.raw_dir))
    fake, settings = _refresh_with(previous, data_dir, {}, fake_args=fake_args)
    with pytest.raises(ScbError, match=message):
        refresh(settings, policy=FAST, quiet=True)
    fake.stop()
    _assert_untouched(previous, before)


def test_second_refresh_is_refused_while_one_runs(previous: Settings) -> None:
    with exclusive_lock(previous.db_path), pytest.raises(LockedError, match="being rebuilt"):
        refresh(previous, quiet=True)


def test_kill_mid_refresh_leaves_old_database_and_no_partial_files(
    previous: Settings, data_dir: Path
) -> None:
    before = (_digest(previous.db_path), _files(previous.raw_dir))
    fake, settings = _refresh_with(previous, data_dir, {"data": [Fault("hang", 30)]})
    env = {
        **os.environ,
        "UTB_DB_PATH": str(settings.db_path),
        "UTB_RAW_DIR": str(settings.raw_dir),
        "UTB_SCB_BASE_URL": settings.scb_base_url,
        "UTB_DATA_DIR": str(settings.data_dir),
        "UTB_SCB_TIMEOUT": "60",
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "etl", "refresh", "-q"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(300):  # wait until the child is inside its first data request
        if fake.data_requests():
            break
        time.sleep(0.1)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=30)
    fake.stop()
    assert child.returncode == 130 and "previous database was kept" in err
    _assert_untouched(previous, before)


def test_a_region_withdrawn_mid_refresh_is_named_as_drift(
    previous: Settings, data_dir: Path
) -> None:
    """SCB answers 400 for a withdrawn code; the user is told which region went, not "Bad Request"."""
    before = (_digest(previous.db_path), _files(previous.raw_dir))
    fake, settings = _refresh_with(previous, data_dir, {}, fake_args={"vanish_regions": ["0114"]})
    with pytest.raises(ScbError) as caught:
        refresh(settings, policy=FAST, quiet=True)
    fake.stop()
    assert str(caught.value).startswith("metadata drift: TAB3981 no longer has region 0114")
    assert "Bad Request" not in str(caught.value)
    _assert_untouched(previous, before)


# --- tidy-up: responses and manifest always agree with the installed database ---------------


def _folder(settings: Settings) -> Path:
    return settings.raw_dir / "scb" / "TAB3981"


def test_responses_left_by_killed_runs_are_deleted(previous: Settings, data_dir: Path) -> None:
    folder = _folder(previous)
    active = set(_files(folder))
    orphans = [
        "20990101T000000000000-data-001.json",
        "20990101T000000000000-data-001.json.meta.json",
    ]
    for name in orphans:
        (folder / name).write_text("{}", encoding="utf-8")
    (folder / ".20990101T000000000000-data-002.json.tmp").write_bytes(b"partial")
    before = _digest(previous.db_path)
    fake = FakePxWeb(data_dir, years=["2024"], updated=OLD_STAMP)  # nothing new at SCB
    settings = load_settings(
        db_path=previous.db_path,
        raw_dir=previous.raw_dir,
        scb_base_url=fake.start(),
        data_dir=previous.data_dir,
    )
    report = refresh(settings, policy=FAST, quiet=True)
    fake.stop()
    assert report.status == "up to date" and report.reason.startswith("SCB's table unchanged")
    assert set(_files(folder)) == active  # orphans gone, the active responses kept
    assert _digest(previous.db_path) == before


def test_a_kill_between_install_and_manifest_cannot_leave_them_out_of_step(
    previous: Settings, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database records its responses inside the atomic install; manifest.json only mirrors it."""
    from etl.build import build
    from etl.scb.raw_store import RawStore

    folder = _folder(previous)
    old_manifest = (folder / "manifest.json").read_text(encoding="utf-8")
    fake, settings = _refresh_with(previous, data_dir, {})

    def killed(*_: object) -> None:
        raise KeyboardInterrupt  # as a kill -9 right after the swap: nothing after it runs

    monkeypatch.setattr(RawStore, "activate", killed)
    with pytest.raises(KeyboardInterrupt):
        refresh(settings, policy=FAST, quiet=True)
    monkeypatch.undo()
    assert (folder / "manifest.json").read_text(encoding="utf-8") == old_manifest  # out of step

    def years() -> list[int]:
        with duckdb.connect(str(settings.db_path), read_only=True) as con:
            return [
                y
                for (y,) in con.execute(
                    "SELECT DISTINCT year FROM attainment ORDER BY 1"
                ).fetchall()
            ]

    assert years() == [2024, 2025]
    build(settings, quiet=True)  # reads the database's record, not the stale manifest.json
    assert years() == [2024, 2025]
    report = refresh(settings, policy=FAST, quiet=True)
    fake.stop()
    assert report.status == "up to date"
    store = RawStore(settings.raw_dir)
    recorded = store.active_manifest(settings.db_path)
    assert recorded is not None and store.manifest() == recorded
    assert set(_files(folder)) == recorded.files() | {"manifest.json"}


def test_an_error_starts_on_its_own_line(tmp_path: Path, data_dir: Path) -> None:
    """The progress line "  … step" is ended before "error:" is printed."""
    fake = FakePxWeb(data_dir)
    fake.faults["metadata"] = [Fault("status", 404)]  # refused at once: no retries to wait for
    env = {
        **os.environ,
        "UTB_DB_PATH": str(tmp_path / "db.duckdb"),
        "UTB_RAW_DIR": str(tmp_path / "raw"),
        "UTB_SCB_BASE_URL": fake.start(),
        "UTB_DATA_DIR": str(tmp_path / "no-offline-data"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "etl", "refresh"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    fake.stop()
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[-1].startswith("error: TAB3981 metadata: SCB refused the request"), done.stderr
    assert lines[-2].startswith("  … asking SCB at http://127.0.0.1:"), done.stderr


# --- a first run anywhere: no offline files, so ensure fetches from SCB ----------------------


def _facts(db_path: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(
            "SELECT year, region_code, age_group, sex, level_code, persons FROM population_education "
            "ORDER BY ALL"
        ).fetchall()


def test_ensure_without_offline_files_fetches_like_a_direct_refresh(
    tmp_path: Path, data_dir: Path
) -> None:
    from etl.ensure import ensure_database

    fake = FakePxWeb(data_dir, years=["2019"])
    url = fake.start()
    first_run = _settings(tmp_path / "ensure", url)
    reason = ensure_database(first_run)
    direct = _settings(tmp_path / "direct", url)
    refresh(direct, quiet=True)
    fake.stop()
    assert reason == "missing; fetched from SCB"
    assert _facts(first_run.db_path) == _facts(direct.db_path) and _facts(direct.db_path)
    assert ensure_database(first_run) is None  # built once; the next run just serves


def test_ensure_offline_and_unreachable_says_what_to_do(tmp_path: Path) -> None:
    from etl.ensure import ensure_database
    from etl.errors import SourceError

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings = _settings(tmp_path, f"http://127.0.0.1:{closed_port}/api/v2", timeout=1)
    with pytest.raises(
        SourceError, match=r"No SCB data to build from: .* SCB could not be reached"
    ):
        ensure_database(settings, FAST)
    assert not settings.db_path.exists()
