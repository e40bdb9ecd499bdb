"""A shared link's first paint, measured: `uv run python -m benchmarks.first_paint [--rounds 5]`
(`make bench-first-paint`).

For Översikt (`/?region=04`) and Karta (`/karta?region=04`), through `make run` (one app
process) and through nginx (`make serve`), in a new Chromium context each round, rounds
alternated with a bare Streamlit page drawing the same chart (the page's own figure, static
data, same config):
- the time until the first paint's picture is visible,
- the time until the live chart is drawn,
- the bytes the visit transferred (HTTP bodies and websocket frames),
- the bare page's time to its chart and its bytes.
Then twenty new contexts opening the link at once through nginx: p50/p95 of picture-visible,
beside the same burst of the view's embed (a static page, no script: this browser's floor).
On two cores one Chromium drawing twenty pages is the bottleneck, so the server's part is
measured alone as well: twenty concurrent GETs of the link through nginx, each answer checked
to carry the picture (what twenty phones, each drawing its own page, wait for from the server).
Targets (issue 31): picture ≤ 0.35 × the bare page's chart; the burst's p95 ≤ 1.5 s.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.exports import fetch, p95
from benchmarks.load.production import free_port, production, single_app
from benchmarks.report import publish, timed_run_options
from dashboard.serving.replicas import Replica, wait_until_healthy
from etl.config import chromium_path

ROOT = Path(__file__).resolve().parent.parent
LINKS = {"oversikt": ("", "region=04"), "karta": ("karta", "region=04")}
PICTURE = "#utb-first .chart:visible svg"
LIVE = ".js-plotly-plot .main-svg"
BARE_APP = '''"""A bare Streamlit page per chart: the figure read once per process, nothing else."""
import pickle
from pathlib import Path

import plotly.io
import streamlit as st

FIGURES = pickle.loads(Path(__file__).with_name("figures.pkl").read_bytes())
PARSED = {name: plotly.io.from_json(text) for name, text in FIGURES.items()}


def page(name):
    def render():
        st.plotly_chart(PARSED[name])

    render.__name__ = "bare_" + name
    return render


st.navigation(
    [st.Page(page(n), title=n, url_path=n, default=i == 0) for i, n in enumerate(PARSED)]
).run()
'''


def figures(db: Path) -> dict[str, str]:
    """Each page's live figure as its JSON, as our page sends it."""
    os.environ["UTB_DB_PATH"] = str(db)
    from dashboard import charts
    from dashboard.model import registry

    found = {}
    for name, (slug, query) in LINKS.items():
        view = registry.by_slug()[slug]
        raw = dict(part.split("=") for part in query.split("&"))
        result, _ = registry.compute(view.name, raw, "sv")
        found[name] = charts.figure(result, inline_shapes=True).to_json()
    return found


@contextmanager
def bare_app(db: Path) -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        (directory / "figures.pkl").write_bytes(pickle.dumps(figures(db)))
        (directory / "bare_app.py").write_text(BARE_APP, encoding="utf-8")
        (directory / ".streamlit").mkdir()
        config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
        (directory / ".streamlit" / "config.toml").write_text(config, encoding="utf-8")
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "bare_app.py", "--server.port", str(port)],
            cwd=directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        replica = Replica("127.0.0.1", port, Path(os.devnull), process=process)
        try:
            wait_until_healthy([replica])
            yield replica.url
        finally:
            replica.stop()


async def visit(browser: Any, url: str, selectors: tuple[str, ...]) -> dict[str, float]:
    """One cold visit in a new context: seconds to each selector visible (NaN if never), and
    the bytes."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    context = await browser.new_context(viewport={"width": 1440, "height": 900})
    page = await context.new_page()
    received = {"bytes": 0}

    async def finished(request: Any) -> None:
        sizes = await request.sizes()
        received["bytes"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.on("requestfinished", finished)
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived",
            lambda f: received.__setitem__(
                "bytes", received["bytes"] + len(f if isinstance(f, (bytes, str)) else b"")
            ),
        ),
    )
    started = time.perf_counter()
    await page.goto(url, wait_until="commit")
    times: dict[str, float] = {}
    for selector in selectors:
        try:
            await page.locator(selector).first.wait_for(state="visible", timeout=30_000)
        except PlaywrightTimeout:  # a first paint without its picture (not drawn yet)
            times[selector] = float("nan")
            continue
        times[selector] = time.perf_counter() - started
    await asyncio.sleep(0.5)  # the last frames and files
    times["kb"] = received["bytes"] / 1024
    await context.close()
    return times


async def measure(ours: dict[str, str], bare: str, rounds: int) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    report: dict[str, Any] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, (slug, query) in LINKS.items():
            link = f"{slug}?{query}"
            for base in ours.values():  # the pictures drawn once, as a presenter's visit does
                await visit(browser, f"{base}/{link}", (LIVE,))
            samples: dict[str, list[dict[str, float]]] = {k: [] for k in [*ours, "bare"]}
            for _ in range(rounds):
                for mode, base in ours.items():
                    samples[mode].append(await visit(browser, f"{base}/{link}", (PICTURE, LIVE)))
                samples["bare"].append(await visit(browser, f"{bare}/{name}", (LIVE,)))
            bare_chart = statistics.median(s[LIVE] for s in samples["bare"])
            report[name] = {
                "bare_chart_s": bare_chart,
                "bare_kb": statistics.median(s["kb"] for s in samples["bare"]),
                **{
                    mode: {
                        "picture_s": statistics.median(s[PICTURE] for s in samples[mode]),
                        "live_chart_s": statistics.median(s[LIVE] for s in samples[mode]),
                        "kb": statistics.median(s["kb"] for s in samples[mode]),
                        "picture_vs_bare": statistics.median(s[PICTURE] for s in samples[mode])
                        / bare_chart,
                    }
                    for mode in ours
                },
            }
        # twenty new contexts at once: our link's picture, and as the floor of this browser on
        # this machine the same view's embed (a static page with no script at all)
        for key, path, selector in (
            ("burst_20_nginx_picture_s", "/karta?region=04", PICTURE),
            ("burst_20_nginx_static_embed_s", "/inbaddning/karta?region=04", ".chart svg"),
        ):
            burst = await asyncio.gather(
                *(visit(browser, f"{ours['nginx']}{path}", (selector,)) for _ in range(20))
            )
            seen = sorted(s[selector] for s in burst)
            report[key] = {
                "p50": statistics.median(seen),
                "p95": statistics.quantiles(seen, n=20, method="inclusive")[-1],
                "not_seen": sum(1 for s in seen if s != s),
            }
        await browser.close()
    return report


def html_burst(url: str, concurrent: int = 20) -> dict[str, float]:
    """Twenty readers' first HTML at once: seconds until each whole answer is in, and how many
    carried the picture (an answer without it would make the times meaningless)."""
    with ThreadPoolExecutor(concurrent) as pool:
        answers = list(pool.map(lambda _: fetch(url), range(concurrent)))
    seconds = [t for t, _, _ in answers]
    return {
        "p50": statistics.median(seconds),
        "p95": p95(seconds),
        "with_picture": sum(
            1 for _, _, body in answers if b'id="utb-first"' in body and b"<svg" in body
        ),
    }


def main(argv: list[str] | None = None) -> int:
    args = timed_run_options("python -m benchmarks.first_paint", __doc__, argv)
    db = args.db
    with (
        single_app(db) as run_url,
        tempfile.TemporaryDirectory() as run_dir,
        production(db, Path(run_dir), 2) as running,
        bare_app(db) as bare_url,
    ):
        report = asyncio.run(measure({"run": run_url, "nginx": running.url}, bare_url, args.rounds))
        report["burst_20_nginx_html_with_picture_s"] = html_burst(running.url + "/karta?region=04")
    publish(report, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
