"""Production mode: replicas behind nginx, sticky and compressed; replicas follow a refresh;
no hang under many sessions; the load benchmark runs (small N) and keeps its report."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks.load import loadtest
from benchmarks.load.production import Running, production, single_app
from benchmarks.load.session import run_apart, visit_pages
from benchmarks.load.stress import stress
from dashboard.serving.nginx_config import ProxySettings, make_temp_dirs, render
from dashboard.serving.static_files import prepared_static
from etl.build import build
from etl.config import Settings, chromium_path, load_settings

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
needs_nginx = pytest.mark.skipif(
    not Path(NGINX).exists(), reason="nginx is not installed here (`make nginx` installs it)"
)


def _settings(tmp: Path, upstreams: tuple[str, ...]) -> ProxySettings:
    return ProxySettings("127.0.0.1:8080", upstreams, tmp, tmp / "static", brotli=False)


def test_config_lists_every_upstream_and_hashes_a_cookie(tmp_path: Path) -> None:
    text = render(_settings(tmp_path, ("127.0.0.1:8601", "10.0.0.5:8601")))
    assert "server 127.0.0.1:8601 max_fails=3" in text and "server 10.0.0.5:8601" in text
    assert "hash $utb_replica consistent;" in text
    assert '"utb_replica=$request_id; Path=/; HttpOnly; SameSite=Lax"' in text
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    # a link's first HTML and the views outside the app go by URL, so one replica draws each
    # picture for every reader; the websocket by the browser's cookie
    by_link = text.split("upstream dashboard_by_link {")[1].split("}")[0]
    assert "hash $request_uri consistent;" in by_link and "server 10.0.0.5:8601" in by_link
    stream = text.split("location = /_stcore/stream {")[1].split("}")[0]
    assert "proxy_pass http://dashboard;" in stream
    for location in ("location ~ ^/(export|inbaddning|profil)/ {", "location ~ ^/(|alder"):
        assert "proxy_pass http://dashboard_by_link;" in text.split(location)[1].split("}")[0]


def test_replicas_starting_together_build_one_compressed_bundle(tmp_path: Path) -> None:
    """The supervisor and each replica prepare the bundle at once on a first start: none may
    remove the others' work (that crashed a start), and the served folder is whole."""
    source = tmp_path / "static"
    source.mkdir()
    (source / "index.html").write_text("<!doctype html>")
    for i in range(300):
        folder = source / "static" / "js" / f"{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"chunk{i}.js").write_text(f"export const x{i} = '{'a' * 3000}';\n")
    run_dir = tmp_path / "run"
    with ThreadPoolExecutor(4) as pool:
        targets = list(pool.map(lambda _: prepared_static(run_dir, source), range(4)))
    assert len(set(targets)) == 1 and (targets[0] / ".complete").exists()
    served = sorted(p.relative_to(targets[0]) for p in targets[0].rglob("*.js"))
    assert len(served) == 300
    assert all((targets[0] / f"{name}.gz").exists() for name in served)
    assert [p.name for p in run_dir.iterdir()] == [targets[0].name]  # no partial copy left
    # a copy an earlier race left marked finished but without its files is made again
    shutil.rmtree(targets[0] / "static")
    assert prepared_static(run_dir, source) == targets[0]
    assert len(list(targets[0].rglob("*.js.br"))) == 300


@pytest.mark.parametrize("bad", ["127.0.0.1", "host:80; include /etc/passwd", "a:b", ":80"])
def test_an_upstream_that_is_not_host_port_is_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="is not host:port"):
        render(_settings(tmp_path, ("127.0.0.1:8601", bad)))


@needs_nginx
def test_nginx_accepts_the_rendered_config(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(render(_settings(tmp_path, ("127.0.0.1:8601", "127.0.0.1:8602"))))
    make_temp_dirs(tmp_path)
    done = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


# --- the production mode, started once for this module on a copy of the test database --------


@pytest.fixture(scope="module")
def served(
    built_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Running, Settings]]:
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed here (`make nginx` installs it)")
    folder = tmp_path_factory.mktemp("served")
    copy = folder / "db.duckdb"
    shutil.copy(built_settings.db_path, copy)
    settings = load_settings(db_path=copy, data_dir=built_settings.data_dir)
    with production(copy, folder / "run", replicas=2) as running:
        yield running, settings


def test_proxy_serves_a_page_with_a_sticky_cookie(served: tuple[Running, Settings]) -> None:
    running, _ = served
    with urllib.request.urlopen(f"{running.url}/karta", timeout=10) as answer:
        assert answer.status == 200
        assert answer.headers["Set-Cookie"].startswith("utb_replica=")
        assert b"<!doctype html>" in answer.read().lower()
    request = urllib.request.Request(f"{running.url}/karta", headers={"Cookie": "utb_replica=abc"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.headers["Set-Cookie"] is None  # a browser with a replica keeps it


def _get(url: str, source: str) -> tuple[int, dict[str, str]]:
    """GET `url` from the local address `source` (127.0.0.2 is this host too, but not the
    address nginx allows the metrics to)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname or "", parts.port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request("GET", parts.path or "/")
        answer = connection.getresponse()
        answer.read()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}
    finally:
        connection.close()


def test_metrics_only_for_the_host_itself(served: tuple[Running, Settings]) -> None:
    running, _ = served
    assert _get(f"{running.url}/_stcore/metrics", "127.0.0.1")[0] == 200
    for path in (
        "/_stcore/metrics",
        "/_stcore/metrics/",
        "/_stcore/%6detrics",
        "//_stcore/metrics",
    ):
        assert _get(f"{running.url}{path}", "127.0.0.2")[0] == 403, path
    status, headers = _get(f"{running.url}/karta", "127.0.0.2")
    assert status == 200
    assert "camera=()" in headers["permissions-policy"]
    assert "strict-transport-security" not in headers  # only with --hsts, behind TLS


def test_static_files_are_compressed_and_cached(served: tuple[Running, Settings]) -> None:
    running, _ = served
    with urllib.request.urlopen(f"{running.url}/karta", timeout=10) as answer:
        page = answer.read().decode()
    script = page.split('src="./static/js/', 1)[1].split('"', 1)[0]
    request = urllib.request.Request(
        f"{running.url}/static/js/{script}", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        body = answer.read()
        assert answer.headers["Content-Encoding"] == "gzip"
        assert "immutable" in answer.headers["Cache-Control"]
    import gzip

    assert len(gzip.decompress(body)) > 2 * len(body)


def test_pages_import_the_plotly_chunk_early(served: tuple[Running, Settings]) -> None:
    running, _ = served
    with urllib.request.urlopen(f"{running.url}/karta", timeout=10) as answer:
        page = answer.read().decode()
    head = page.split("</head>", 1)[0]
    chunk = head.split('<script type="module">import("./static/js/', 1)[1].split('"', 1)[0]
    assert chunk.startswith("PlotlyChart.") and chunk.endswith(".js")
    with urllib.request.urlopen(f"{running.url}/static/js/{chunk}", timeout=10) as answer:
        assert answer.status == 200 and b"plotly" in answer.read().lower()


def test_a_page_and_its_websocket_go_through_the_proxy(served: tuple[Running, Settings]) -> None:
    running, _ = served
    (visit,) = run_apart(visit_pages(running.url, [("karta", "region=04&year=2019")]))
    assert visit.ok, visit.error
    assert visit.first_chart_s is not None


def test_the_load_benchmark_runs_and_keeps_its_report(served: tuple[Running, Settings]) -> None:
    running, _ = served
    report = loadtest.measure(running, sessions=3, chromium=chromium_path())
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "loadtest.json").write_text(json.dumps(report, indent=2))
    (ARTIFACTS / "loadtest.md").write_text(loadtest.table(report))
    assert report["burst_errors"] == 0, report["burst_error_examples"]
    assert report["burst_sessions_with_chart"] == 3 and report["health_missed"] == 0
    browser = report["browser"]
    assert isinstance(browser, dict) and browser["http_kb"] > 0
    assert len(report["rss_mb"]) == 2  # type: ignore[arg-type]


def test_the_proxy_caches_views_outside_the_app_and_lets_only_embeds_be_framed(
    served: tuple[Running, Settings],
) -> None:
    running, _ = served
    url = f"{running.url}/export/rangordning.svg?show=men"
    statuses = []
    for _ in range(2):
        with urllib.request.urlopen(url, timeout=30) as answer:
            statuses.append(answer.headers["X-Cache-Status"])
            assert answer.headers["Content-Type"] == "image/svg+xml"
            assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
    assert statuses == ["MISS", "HIT"]
    with urllib.request.urlopen(f"{running.url}/inbaddning/rangordning", timeout=30) as answer:
        assert "frame-ancestors *" in answer.headers["Content-Security-Policy"]
        assert answer.headers["X-Frame-Options"] is None
    with urllib.request.urlopen(f"{running.url}/karta", timeout=10) as answer:
        assert answer.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_a_workshop_link_is_drawn_once_and_then_served_to_twenty_from_the_cache(
    served: tuple[Running, Settings],
) -> None:
    """The first HTML of a page link carries its picture; once it does, nginx keeps it, so
    twenty readers at once each get it from the cache rather than waiting on each other (the
    cache lock lets one request through at a time while an answer is not kept)."""
    running, _ = served
    url = f"{running.url}/rangordning?show=men&region=0461"
    for _ in range(120):
        with urllib.request.urlopen(url, timeout=30) as answer:
            if answer.headers["X-Cache-Status"] == "HIT" and b"<svg" in answer.read():
                break  # (the words alone are kept for seconds while the picture is drawn)
        time.sleep(0.5)
    else:
        raise AssertionError("the page with its picture was never kept by nginx")

    def fetch(_: int) -> tuple[str, bytes, list[str]]:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return (
                answer.headers["X-Cache-Status"],
                answer.read(),
                answer.headers.get_all("X-Frame-Options") or [],
            )

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(fetch, range(20)))
    assert {status for status, _, _ in answers} == {"HIT"}
    assert all(b'id="utb-first"' in body and b"<svg" in body for _, body, _ in answers)
    assert all(framing == ["SAMEORIGIN"] for _, _, framing in answers)  # sent once


def test_the_cache_key_is_the_url_alone(served: tuple[Running, Settings]) -> None:
    """Browsers send different Accept-Encoding headers: each must not cost a render of its
    own, nor may any client pass the cache by inventing one; a long URL is kept as well."""
    running, _ = served
    long_url = f"{running.url}/export/rangordning.json?show=women&{'&'.join(['show=women'] * 450)}"
    for url in (f"{running.url}/export/rangordning.json?show=women&sex=", long_url):
        assert 4000 < len(long_url) < 8000
        statuses = []
        for encoding in ("gzip", "gzip, deflate, br, zstd", "x-made-up"):
            request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
            with urllib.request.urlopen(request, timeout=30) as answer:
                statuses.append(answer.headers["X-Cache-Status"])
                assert len(answer.headers.get_all("Vary") or []) <= 1
        assert statuses == ["MISS", "HIT", "HIT"], url


def test_replicas_see_a_refreshed_database_without_restart(
    served: tuple[Running, Settings],
) -> None:
    running, settings = served

    def build_ids() -> list[str]:
        seen = []
        for port in running.app_ports:
            (visit,) = run_apart(visit_pages(f"http://127.0.0.1:{port}", [("om-data", "")]))
            assert visit.ok, visit.error
            seen.append(next(t for t in visit.texts if t.startswith("Bygge ")).split()[1])
        return seen

    before = build_ids()
    build(settings, quiet=True)  # installs a new file over the one both replicas have open
    after = build_ids()
    assert before[0] == before[1] and after[0] == after[1] and after != before


def test_many_sessions_cannot_hang_one_process(db_path: Path) -> None:
    """20 sessions browsing random views for 20 s against one app process: the load that hung
    the server before (polars work on its thread pool needing the GIL)."""
    with single_app(db_path) as url:
        report = run_apart(stress(url, sessions=20, seconds=20, timeout_s=30))
    assert report.visits and not report.failed, report.summary()
    assert report.health_failures == 0 and len(report.health_ms) >= 15, report.summary()


def test_no_python_runs_inside_polars_in_the_dashboard() -> None:
    """A Python function handed to polars runs on its thread pool and needs the GIL there; with
    many page threads that deadlocked the whole server (see README "Serving many")."""
    banned = ("map_elements", "map_batches", "map_rows", "map_groups", "pl.Object")
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for folder in ("dashboard", "etl")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for word in banned
        if word in path.read_text(encoding="utf-8")
    ]
    assert found == []
