"""Our pages against bare Streamlit pages with the same elements, under the same burst.

    uv run python -m benchmarks.load.bare_vs_ours [--db FILE | --national] [--sessions 20]
        [--rounds 5] [--pages oversikt,karta] [--query region=04&year=2019] [--json OUT]
    make bench-burst

Issue 18's target: twenty sessions opening the same link at once get their page with a p95 of
at most 1.3× the p95 of a bare Streamlit page that shows the same elements with static data
(the map page: no slower than a bare page drawing the same map). This measures it in one run:

1. starts one app process (`python -m dashboard.launch`, UTB_DB_PATH=--db) on 127.0.0.1;
2. opens every page once over a websocket as the browser does and records every delta it
   receives: the element kinds, their place in the layout (columns, expanders, sidebar) and
   their data (the figure JSON, the table's Arrow bytes, labels, options, texts);
3. writes a bare Streamlit app into a temp dir that draws those same elements from that
   static data (a `st.navigation` of the same URL paths; figures and tables are parsed once
   per process, as a page with static data would keep them), with the project's
   `.streamlit/config.toml`, and starts it as a second process; checks that a bare session
   receives the same element kinds as ours;
4. for each page, R rounds of: a burst of N sessions opening the link at once against ours,
   then the same against bare; each session's time runs from the websocket connect to
   `script_finished`. Prints p50/p95 of both and the ratio of the p95s.

Everything listens on 127.0.0.1; every loop is bounded (a session gives up after --timeout,
the whole run after --max-minutes); both processes are stopped at the end, also on errors.
Both caches are warm when the bursts start (step 2 opened every link once): this measures
what twenty identical views cost, not the first computation of one.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import pickle
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.load.production import free_port
from benchmarks.load.session import _rerun, ws_url
from benchmarks.load.traffic import CHART_PAGES

ROOT = Path(__file__).resolve().parents[2]
LATER_PAGES = ("alder", "forandring")  # measured once dashboard/router.py routes them
MAP_PAGES = frozenset({"karta"})
TARGET = 1.3


# --- one session -----------------------------------------------------------------------------


@dataclass
class Capture:
    """What one session received for one page: every delta in order, and the time it took."""

    page: str
    seconds: float | None = None
    error: str = ""
    # (delta path, "element" | "block", element/block kind, serialised Element/Block proto)
    deltas: list[tuple[tuple[int, ...], str, str, bytes]] = field(default_factory=list)

    @property
    def kinds(self) -> collections.Counter[str]:
        return collections.Counter(
            kind if what == "element" else f"block:{kind}" for _, what, kind, _ in self.deltas
        )


async def open_page(
    url: str, page: str, query: str, timeout_s: float, keep: bool = False
) -> Capture:
    """Connect, ask for the page as the frontend does on load, read until script_finished."""
    capture = Capture(page)
    t0 = time.perf_counter()
    try:
        async with asyncio.timeout(timeout_s):
            async with websockets.connect(
                ws_url(url),
                subprotocols=[websockets.Subprotocol("streamlit")],
                max_size=64 * 1024 * 1024,
                compression=None,
            ) as ws:
                await ws.send(_rerun(page, query))
                while True:
                    raw = await ws.recv()
                    assert isinstance(raw, bytes)
                    msg = ForwardMsg()
                    msg.ParseFromString(raw)
                    kind = msg.WhichOneof("type")
                    if kind == "script_finished":
                        capture.seconds = time.perf_counter() - t0
                        return capture
                    if kind != "delta":
                        continue
                    delta = msg.delta
                    which = delta.WhichOneof("type")
                    if which == "new_element":
                        element = delta.new_element.WhichOneof("type") or ""
                        if element == "exception":
                            capture.error = "exception: " + delta.new_element.exception.message
                        if keep:
                            capture.deltas.append(
                                (
                                    tuple(msg.metadata.delta_path),
                                    "element",
                                    element,
                                    delta.new_element.SerializeToString(),
                                )
                            )
                    elif which == "add_block" and keep:
                        capture.deltas.append(
                            (
                                tuple(msg.metadata.delta_path),
                                "block",
                                delta.add_block.WhichOneof("type") or "",
                                delta.add_block.SerializeToString(),
                            )
                        )
    except (OSError, websockets.WebSocketException, TimeoutError) as exc:
        capture.error = f"{type(exc).__name__}: {exc}"[:200]
    return capture


async def burst(url: str, page: str, query: str, sessions: int, timeout_s: float) -> list[Capture]:
    return list(
        await asyncio.gather(*(open_page(url, page, query, timeout_s) for _ in range(sessions)))
    )


# --- the two servers -------------------------------------------------------------------------


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


@contextlib.contextmanager
def server(
    name: str, argv: list[str], cwd: Path, env: dict[str, str], port: int, log: Path
) -> Iterator[tuple[str, int]]:
    """A Streamlit process in its own process group; yields (url, pid); stopped at the end."""
    url = f"http://127.0.0.1:{port}"
    out = log.open("wb")
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        env={**os.environ, **env},
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not _healthy(url):
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited: {log.read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer within 120 s")
            time.sleep(0.3)
        yield url, process.pid
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        out.close()


def streamlit_flags(port: int) -> list[str]:
    return [
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]


# --- the bare app ----------------------------------------------------------------------------

BARE_APP = '''"""Bare Streamlit pages with the elements of Utbildningsläget's pages and static data
(written by benchmarks/load/bare_vs_ours.py)."""
import streamlit as st

import bare_pages

st.set_page_config(page_title="bare", layout="wide")
# st.Page objects per run, as ours makes them: one shared by sessions is refused
pages = [
    st.Page(render, title=name, url_path=name, default=index == 0)
    for index, (name, render) in enumerate(bare_pages.RENDERERS)
]
page = st.navigation(pages)
page.run()
'''

BARE_PAGES = '''"""Draws the captured elements: the data is parsed once per process (static data)."""
import json
import pickle
from pathlib import Path

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
import streamlit.components.v1 as components_v1
from streamlit.proto.Block_pb2 import Block
from streamlit.proto.Element_pb2 import Element

CAPTURED = pickle.loads(Path(__file__).with_name("captured.pkl").read_bytes())
HEADINGS = {"h1": "title", "h2": "header", "h3": "subheader"}
ALERTS = {1: "error", 2: "warning", 3: "info", 4: "success"}


class Node:
    def __init__(self):
        self.children = {}
        self.proto = None
        self.kind = ""
        self.data = None
        self.block = False


def tree(deltas):
    roots = {}
    for path, what, kind, raw in deltas:
        node = roots.setdefault(path[0], Node())
        for index in path[1:]:
            node = node.children.setdefault(index, Node())
        node.kind = kind
        node.proto = (Element if what == "element" else Block).FromString(raw)
        node.block = what == "block"
        if kind == "plotly_chart":
            spec = node.proto.plotly_chart
            node.data = (go.Figure(json.loads(spec.spec)), json.loads(spec.config or "{}"))
        elif kind == "dataframe":
            node.data = pa.ipc.open_stream(node.proto.dataframe.arrow_data.data).read_all()
    return roots


def static_file():
    return b"static,data\\n"


def draw_element(dg, node, key):
    e = getattr(node.proto, node.kind)
    if node.kind == "heading":
        getattr(dg, HEADINGS.get(e.tag, "subheader"))(e.body)
    elif node.kind == "markdown":
        if e.element_type == 2:
            dg.caption(e.body, unsafe_allow_html=e.allow_html)
        elif e.element_type == 5:
            dg.divider()
        else:
            dg.markdown(e.body, unsafe_allow_html=e.allow_html)
    elif node.kind == "html":
        dg.html(e.body)
    elif node.kind == "iframe":
        with dg:
            components_v1.html(e.srcdoc, height=0)
    elif node.kind == "selectbox":
        dg.selectbox(e.label, list(e.options), index=e.default, key=key)
    elif node.kind == "multiselect":
        options = list(e.options)
        dg.multiselect(e.label, options, default=[options[i] for i in e.default], key=key)
    elif node.kind == "text_input":
        dg.text_input(e.label, value=e.default, key=key)
    elif node.kind == "radio":
        dg.radio(e.label, list(e.options), index=e.default, horizontal=e.horizontal, key=key)
    elif node.kind == "checkbox":
        (dg.toggle if e.type == 1 else dg.checkbox)(e.label, value=e.value, key=key)
    elif node.kind == "metric":
        dg.metric(e.label, e.body, e.delta or None)
    elif node.kind == "plotly_chart":
        figure, config = node.data
        height = node.proto.height_config.pixel_height or "content"
        dg.plotly_chart(figure, config=config, key=key, height=height)
    elif node.kind == "dataframe":
        dg.dataframe(node.data, hide_index=True)
    elif node.kind == "download_button":
        data = static_file if e.deferred_file_id else static_file()
        dg.download_button(e.label, data, file_name="data.csv", key=key)
    elif node.kind == "code":
        dg.code(e.code_text, language=e.language or None)
    elif node.kind == "button":
        dg.button(e.label, key=key, type=e.type or "secondary")
    elif node.kind == "alert":
        getattr(dg, ALERTS.get(e.format, "info"))(e.body, icon=e.icon or None)
    else:  # a kind this mirror does not know: still one element in its place
        dg.markdown(f"({node.kind})")


def draw_children(dg, node, key):
    for index in sorted(node.children):
        draw(dg, node.children[index], f"{key}_{index}")


def draw(dg, node, key):
    if not node.block:
        draw_element(dg, node, key)
        return
    b = getattr(node.proto, node.kind)
    kids = [node.children[i] for i in sorted(node.children)]
    if node.kind == "flex_container" and kids and all(k.kind == "column" for k in kids):
        columns = dg.columns([k.proto.column.weight or 1 for k in kids])
        for index, (column, kid) in enumerate(zip(columns, kids)):
            draw_children(column, kid, f"{key}_{index}")
        return
    if node.kind == "expandable":
        inner = dg.expander(b.label, expanded=b.expanded)
    elif node.kind == "flex_container":
        inner = dg.container(horizontal=b.direction == 2)
    elif node.kind == "vertical":
        inner = dg.container(border=b.border)
    elif node.kind == "form":
        inner = dg.form(key=key)
    elif node.kind == "popover":
        inner = dg.popover(b.label)
    elif node.kind == "tab_container":
        tabs = dg.tabs([k.proto.tab.label or "tab" for k in kids])
        for index, (tab, kid) in enumerate(zip(tabs, kids)):
            draw_children(tab, kid, f"{key}_{index}")
        return
    else:
        inner = dg.container()
    draw_children(inner, node, key)


def page_of(name, roots):
    def render():
        for root in sorted(roots):
            draw_children(st.sidebar if root == 1 else st._main, roots[root], f"w{root}")

    render.__name__ = "page_" + name.replace("-", "_")
    return render


RENDERERS = [(name, page_of(name, tree(deltas))) for name, deltas in CAPTURED]
'''


def write_bare_app(directory: Path, captured: list[Capture]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "captured.pkl").write_bytes(pickle.dumps([(c.page, c.deltas) for c in captured]))
    (directory / "bare_pages.py").write_text(BARE_PAGES, encoding="utf-8")
    app = directory / "bare_app.py"
    app.write_text(BARE_APP, encoding="utf-8")
    config = ROOT / ".streamlit" / "config.toml"
    if config.exists():  # the same server and runner settings as ours
        (directory / ".streamlit").mkdir(exist_ok=True)
        shutil.copy(config, directory / ".streamlit" / "config.toml")
    return app


# --- measuring -------------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def cpu_seconds(pid: int) -> float:
    """The process's user + system CPU time so far (/proc/PID/stat): what a burst cost the
    server, steadier than a latency percentile of 100 sessions."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def routed_pages() -> list[str]:
    from dashboard.model import registry

    routed = set(registry.by_slug())
    return [p for p in (*CHART_PAGES, *LATER_PAGES) if p in routed]


def summarise(
    page: str, ours: list[Capture], bare: list[Capture], cpu: dict[str, float]
) -> dict[str, object]:
    o = [c.seconds for c in ours if c.seconds is not None and not c.error]
    b = [c.seconds for c in bare if c.seconds is not None and not c.error]
    limit = 1.0 if page in MAP_PAGES else TARGET
    ratio = p95(o) / p95(b) if o and b else float("nan")
    return {
        "page": page,
        "ours_p50_s": statistics.median(o) if o else None,
        "ours_p95_s": p95(o) if o else None,
        "bare_p50_s": statistics.median(b) if b else None,
        "bare_p95_s": p95(b) if b else None,
        "ratio_p95": ratio,
        "target": limit,
        "meets_target": bool(ratio <= limit),
        # server CPU milliseconds per session opened (all threads of the process)
        "ours_cpu_ms": 1000 * cpu["ours"] / max(len(ours), 1),
        "bare_cpu_ms": 1000 * cpu["bare"] / max(len(bare), 1),
        "ours_sessions_ok": len(o),
        "bare_sessions_ok": len(b),
        "errors": [c.error for c in ours + bare if c.error][:5],
        "ours_s": o,
        "bare_s": b,
    }


def table(rows: list[dict[str, object]]) -> str:
    def s(v: object) -> str:
        return f"{v:.2f}" if isinstance(v, float) else "–"

    lines = [
        "| page | ours p50 s | ours p95 s | bare p50 s | bare p95 s | p95 ours/bare | target "
        "| CPU ms/session ours, bare | sessions ok (ours, bare) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        mark = "ok" if r["meets_target"] else "**over**"
        lines.append(
            f"| {r['page']} | {s(r['ours_p50_s'])} | {s(r['ours_p95_s'])} | {s(r['bare_p50_s'])} "
            f"| {s(r['bare_p95_s'])} | {s(r['ratio_p95'])}× | ≤ {r['target']}× {mark} "
            f"| {r['ours_cpu_ms']:.0f}, {r['bare_cpu_ms']:.0f} "
            f"| {r['ours_sessions_ok']}, {r['bare_sessions_ok']} |"
        )
    return "\n".join(lines)


def describe(kinds: collections.Counter[str]) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))


def run(args: argparse.Namespace, db: Path, tmp: Path) -> dict[str, object]:
    pages = args.pages.split(",") if args.pages else routed_pages()
    ours_port, bare_port = free_port(), free_port()
    if bare_port == ours_port:
        bare_port = free_port()
    deadline = time.monotonic() + args.max_minutes * 60
    report: dict[str, object] = {
        "db": str(db),
        "sessions": args.sessions,
        "rounds": args.rounds,
        "query": args.query,
        "cpus": os.cpu_count(),
    }
    ours_cmd = [sys.executable, "-m", "dashboard.launch", *streamlit_flags(ours_port)]
    with server("ours", ours_cmd, ROOT, {"UTB_DB_PATH": str(db)}, ours_port, tmp / "ours.log") as (
        ours_url,
        ours_pid,
    ):
        captured = []
        for page in pages:  # also warms ours: every view computed once before the bursts
            capture = asyncio.run(open_page(ours_url, page, args.query, args.timeout, keep=True))
            if capture.error or capture.seconds is None:
                raise RuntimeError(f"/{page}?{args.query} failed on ours: {capture.error}")
            captured.append(capture)
        app = write_bare_app(tmp / "bare", captured)
        bare_cmd = [sys.executable, "-m", "streamlit", "run", str(app), *streamlit_flags(bare_port)]
        with server("bare", bare_cmd, app.parent, {}, bare_port, tmp / "bare.log") as (
            bare_url,
            bare_pid,
        ):
            report["pids"] = {"ours": ours_pid, "bare": bare_pid}
            elements = {}
            for ours_capture in captured:
                page = ours_capture.page
                bare_capture = asyncio.run(
                    open_page(bare_url, page, args.query, args.timeout, keep=True)
                )
                if bare_capture.error or bare_capture.seconds is None:
                    raise RuntimeError(f"bare /{page} failed: {bare_capture.error}")
                same = ours_capture.kinds == bare_capture.kinds
                elements[page] = {
                    "ours": dict(ours_capture.kinds),
                    "bare": dict(bare_capture.kinds),
                    "same": same,
                }
                print(
                    f"{page}: {describe(ours_capture.kinds)}"
                    + ("" if same else f"\n  bare differs: {describe(bare_capture.kinds)}"),
                    file=sys.stderr,
                )
            report["elements"] = elements
            if args.pause_before:
                print(
                    f"ours pid {ours_pid}, bare pid {bare_pid}; bursts in {args.pause_before} s",
                    file=sys.stderr,
                )
                time.sleep(args.pause_before)
            rows = []
            for page in pages:
                ours: list[Capture] = []
                bare: list[Capture] = []
                cpu = {"ours": 0.0, "bare": 0.0}
                for _ in range(args.rounds):
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"stopped after --max-minutes {args.max_minutes}")
                    for name, url, pid, into in (
                        ("ours", ours_url, ours_pid, ours),
                        ("bare", bare_url, bare_pid, bare),
                    ):
                        before = cpu_seconds(pid)
                        into += asyncio.run(
                            burst(url, page, args.query, args.sessions, args.timeout)
                        )
                        time.sleep(args.gap)  # a session's last messages are handled in it
                        cpu[name] += cpu_seconds(pid) - before
                rows.append(summarise(page, ours, bare, cpu))
                r = rows[-1]
                print(
                    f"{page}: ours {r['ours_sessions_ok']} ok, p95 {r['ours_p95_s'] or 0:.2f} s; "
                    f"bare {r['bare_sessions_ok']} ok, p95 {r['bare_p95_s'] or 0:.2f} s"
                    + "".join(f"\n  error: {e}" for e in r["errors"]),  # type: ignore[attr-defined]
                    file=sys.stderr,
                )
    report["pages"] = rows
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "utbildningslaget.duckdb")
    parser.add_argument(
        "--national",
        action="store_true",
        help="a national-scale database instead of --db (test-artifacts/national.duckdb, "
        "built once by benchmarks/national_db.py)",
    )
    parser.add_argument("--sessions", type=int, default=20, help="sessions per burst")
    parser.add_argument("--rounds", type=int, default=5, help="bursts per page and server")
    parser.add_argument("--pages", default="", help="comma-separated URL paths (default: all)")
    parser.add_argument("--query", default="region=04&year=2019", help="the link's query")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a session may take")
    parser.add_argument("--gap", type=float, default=0.5, help="seconds between bursts")
    parser.add_argument("--max-minutes", type=float, default=30, help="the whole run at most")
    parser.add_argument(
        "--pause-before",
        type=float,
        default=0,
        help="seconds to wait before the bursts (to attach a profiler to the printed pids)",
    )
    parser.add_argument("--json", type=Path, help="write the numbers here")
    parser.add_argument("--keep", type=Path, help="write the bare app and the logs here")
    args = parser.parse_args()
    db = args.db
    if args.national:
        db = ROOT / "test-artifacts" / "national.duckdb"
        if not db.exists():
            from benchmarks.national_db import build_national

            db.parent.mkdir(exist_ok=True)
            print(f"building {db} ({build_national(db):.0f} s)", file=sys.stderr)
    if not db.exists():
        raise SystemExit(f"no database at {db} (make db builds it)")
    with contextlib.ExitStack() as stack:
        if args.keep:  # the bare app and both servers' logs stay for a look
            args.keep.mkdir(parents=True, exist_ok=True)
            tmp = str(args.keep)
        else:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="bare_vs_ours_"))
        report = run(args, db.resolve(), Path(tmp))
    print(table(report["pages"]))  # type: ignore[arg-type]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    # a failed session or a bare page missing some of our elements makes the comparison void
    failed = any(r["errors"] for r in report["pages"])  # type: ignore[attr-defined]
    differs = any(not e["same"] for e in report["elements"].values())  # type: ignore[attr-defined]
    return 1 if failed or differs else 0


if __name__ == "__main__":
    sys.exit(main())
