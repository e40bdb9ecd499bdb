"""Issue 20's campaign, measured: `uv run python -m benchmarks.security_campaign --db FILE`.

For each reproduction of the SQL console, the /sql page runs the query through the real runner
(AppTest, as a visitor pressing "Kör") and then builds both downloads as a click would; the
script reports the process's RSS growth (peak and after), Streamlit exception boxes and the
message shown. For uploads it runs `python -m etl larcentrum import FILE --check` on crafted
files (≤ 5 MB) and reports the wall time and the peak RSS of the CLI and its parse worker.
The database's sha256 is taken before and after. Prints JSON; numbers go to the README.

Issue 28's campaign (`cage`): its writes (COPY over the file, the `.wal` trick, EXPORT, ATTACH,
CHECKPOINT), the comment/string/case tricks around every prefix and the path smuggles, each
through the real runner with every layer on; then the writes again with the statement policy
off, on a copy, so the worker's layer is measured alone. Reported: how many were refused, the
database's sha256 and its folder's files before and after, and every server path (in any
spelling: plain, upper, lower, reversed, hex, base64) or process id found in any output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE_SIZE


class PeakRss:
    """The highest RSS of this process while the block runs (sampled every 10 ms)."""

    def __enter__(self) -> PeakRss:
        self.start = self.peak = rss()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._done.wait(0.01):
            self.peak = max(self.peak, rss())

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, rss())
        self.end = rss()


def console_queries(db_path: Path) -> list[str]:
    big = "A" * 9_000
    return [
        f"WITH t AS (SELECT '{big}'::ENUM('{big}') AS e FROM range(10000)) "  # noqa: S608
        "SELECT e,e,e,e,e,e,e,e FROM t",
        "WITH t AS (SELECT '" + "A" * 2_000 + "'::ENUM('" + "A" * 2_000 + "') AS e "
        "FROM range(10000)) SELECT e,e,e,e,e,e,e,e,e,e FROM t",
        "SELECT '=HYPERLINK(\"http://x\")'::ENUM('=HYPERLINK(\"http://x\")') AS x",
        "SELECT name, reverse(value) FROM json_execute_serialized_sql(json_serialize_sql("
        "'SELECT * FROM duckdb_' || 'settings() WHERE value LIKE ''%/%'''))",
        "SELECT path::BLOB, reverse(path) FROM duckdb_databases()",
        "SELECT path FROM duckdb_databases",
        f"SELECT * FROM read_blob('{db_path}')",  # noqa: S608
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT [1,2] AS l",
        "SELECT 'x'::BLOB",
        "SELECT INTERVAL 1 DAY",
        "SELECT {'a': 1} AS s",
        "SELECT MAP {'k': 1} AS m, union_value(k := 1) AS u, '0101'::BIT AS b, uuid() AS id, "
        "170141183460469231731687303715884105727::HUGEINT AS h, '12:00:00+01'::TIMETZ AS tz, "
        "'infinity'::DATE AS d, 10::VARINT AS v",
        "SELECT repeat('x', 10000) AS s FROM range(10000)",
        "SELECT count(*) FROM (SELECT unnest(generate_series(1, 2000000000)))",
    ]


def run_console(db_path: Path) -> list[dict[str, Any]]:
    os.environ["UTB_DB_PATH"] = str(db_path)
    from streamlit.testing.v1 import AppTest

    from dashboard.sandbox import downloads

    report = []
    for sql in console_queries(db_path):
        app = AppTest.from_string(
            "from dashboard.screens import sql_console\nsql_console.render()", default_timeout=120
        )
        app.query_params["sql"] = sql
        app.run()
        with PeakRss() as memory:
            started = time.perf_counter()
            app.button(key="run_sql").click().run()
            written = 0
            if "sql_result" in app.session_state:
                frame = app.session_state["sql_result"][-1].frame
                written = len(downloads.csv_file(frame)()) + len(downloads.parquet_file(frame)())
                rows = frame.height
            else:
                rows = 0
            seconds = time.perf_counter() - started
        report.append(
            {
                "query": sql if len(sql) < 100 else sql[:60] + f"… ({len(sql):,} chars)",
                "exceptions": len(app.exception),
                "message": app.error[0].value[:160] if app.error else None,
                "rows": rows,
                "downloads_bytes": written,
                "rss_peak_growth_mb": round((memory.peak - memory.start) / 1024**2, 1),
                "rss_after_growth_mb": round((memory.end - memory.start) / 1024**2, 1),
                "seconds": round(seconds, 2),
            }
        )
        del app
    return report


def upload_files(folder: Path) -> dict[str, Path]:
    from tests.test_campaign_uploads import HEADER, _header_row, _shared_string_bomb, _xlsx

    files = {
        "45 MB shared string × 5,000 cells": _shared_string_bomb(
            folder / "bomb.xlsx", chars=45_000_000, cells=5_000
        ),
        "5,001 rows, one cell at XFD": _xlsx(
            folder / "wide.xlsx",
            [_header_row()]
            + [
                f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
                for n in range(2, 5_003)
            ],
            [],
        ),
        "declared A1:XFD1048576": _xlsx(
            folder / "declared.xlsx", [_header_row()], [], dimension="A1:XFD1048576"
        ),
    }
    csv = folder / "big.csv"
    line = "Ett namn,0480,58.75,17.0,locality,https://example.org/källa\n"
    with csv.open("w", encoding="utf-8") as out:
        out.write(",".join(HEADER) + "\n")
        while out.tell() < 5 * 1024**2 - 200:
            out.write(line)
    files["5 MB CSV of 5,000+ rows"] = csv
    files["one-column 5 MB CSV field"] = folder / "field.csv"
    files["one-column 5 MB CSV field"].write_text(
        ",".join(HEADER) + '\n"' + "x" * (5 * 1024**2 - 200) + '",0480\n', encoding="utf-8"
    )
    return files


WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "s = time.perf_counter() - t\n"
    "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(s, kb, done.returncode, (done.stderr or done.stdout).strip().splitlines()[-1:])\n"
)


def run_uploads(folder: Path) -> list[dict[str, Any]]:
    report = []
    for label, path in upload_files(folder).items():
        command = [sys.executable, "-m", "etl", "larcentrum", "import", str(path), "--check"]
        out = subprocess.run(
            [sys.executable, "-c", WRAPPER, *command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout.split(" ", 3)
        report.append(
            {
                "file": label,
                "file_kb": round(path.stat().st_size / 1024),
                "seconds": round(float(out[0]), 2),
                "peak_rss_mb": round(int(out[1]) / 1024, 1),
                "exit": int(out[2]),
                "last_line": out[3].strip()[:200],
            }
        )
    return report


def _folder_state(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def _outputs(db_path: Path, sql: str, policy: bool = True) -> tuple[str, list[str]]:
    from dashboard.sandbox import runner
    from dashboard.sandbox.policy import SandboxError
    from dashboard.text.i18n import SANDBOX_SV

    try:
        result = runner.run(db_path, sql, runner.Limits(seconds=5), policy=policy)
    except SandboxError as exc:
        return exc.key, [str(exc), SANDBOX_SV[exc.key].format(**exc.params)]
    cells = [str(v) for row in result.frame.rows() for v in row]
    return "ran", [*result.frame.columns, *cells, result.plan or ""]


def run_cage(db_path: Path) -> dict[str, Any]:
    """Issue 28's queries through every layer, then the writes through the worker alone."""
    import shutil

    import duckdb

    from dashboard.sandbox import snapshot, workdir
    from tests.test_console_layers import WRITES, _tricks
    from tests.test_console_worker import CAMPAIGN, _spellings

    with snapshot.taken(db_path) as copy:
        pass
    queries = [w.format(db=db_path, copy=copy) for w in WRITES] + _tricks()
    queries += [c.format(db=db_path) for c in CAMPAIGN]
    folder_before = _folder_state(db_path.parent)
    places = [db_path, db_path.parent, ROOT, Path(sys.prefix), Path(sys.executable), copy]
    places += [copy.parent, snapshot.base_dir(), workdir.base_dir(), Path(duckdb.__file__)]
    forbidden = set().union(*(_spellings(p) for p in places))
    outcomes: dict[str, int] = {}
    leaks: list[str] = []
    for sql in queries:
        key, texts = _outputs(db_path, sql)
        outcomes[key] = outcomes.get(key, 0) + 1
        leaks += [f"{sql[:60]}: {s[:40]}" for s in forbidden for t in texts if s in t]
        leaks += [f"{sql[:60]}: a pid" for t in texts if re.search(r"\bPID\b|pid \d", t)]
    with tempfile.TemporaryDirectory() as tmp:
        live = Path(tmp) / "utbildningslaget.duckdb"
        shutil.copy(db_path, live)
        before = _folder_state(live.parent)
        with snapshot.taken(live) as worker_copy:
            copy_sha = sha256(worker_copy)
        worker_alone = {"attempted": 0, "refused": 0}
        for write in WRITES:
            key, _ = _outputs(live, write.format(db=live, copy=worker_copy), policy=False)
            worker_alone["attempted"] += 1
            worker_alone["refused"] += key != "ran"
        worker_alone["files_unchanged"] = _folder_state(live.parent) == before
        worker_alone["copy_unchanged"] = sha256(worker_copy) == copy_sha
    return {
        "queries": len(queries),
        "outcomes": dict(sorted(outcomes.items())),
        "db_folder_unchanged": _folder_state(db_path.parent) == folder_before,
        "server_paths_or_pids_shown": len(leaks),
        "leak_examples": leaks[:5],
        "worker_alone_on_a_copy": worker_alone,
    }


def run_deck(db_path: Path) -> dict[str, Any]:
    """The campaign's 4.9 MB pinned deck file (1.6 M empty rows), read as the page reads an
    upload: this process's RSS growth, the time and the answer."""
    os.environ["UTB_DB_PATH"] = str(db_path)
    from dashboard.decks import pinning
    from dashboard.decks.model import DeckError

    rows = ",".join(["{}"] * 1_600_000)
    text = (
        '{"version": 1, "title": "t", "pinned": {"data_fingerprint": "x"}, '
        f'"slides": [{{"view": "ranking", "params": {{}}, "data": [{rows}]}}]}}'
    ).encode()
    with PeakRss() as memory:
        started = time.perf_counter()
        try:
            pinning.load_file(text)
            answer = "loaded"
        except DeckError as exc:
            answer = str(exc)
        seconds = time.perf_counter() - started
    return {
        "file_mb": round(len(text) / 1024**2, 2),
        "answer": answer,
        "seconds": round(seconds, 2),
        "rss_peak_growth_mb": round((memory.peak - memory.start) / 1024**2, 1),
    }


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    before = sha256(args.db)
    result: dict[str, Any] = {"cage": run_cage(args.db), "deck": run_deck(args.db)}
    result["console"] = run_console(args.db)
    with tempfile.TemporaryDirectory() as folder:
        result["uploads"] = run_uploads(Path(folder))
    result["db_sha256_unchanged"] = sha256(args.db) == before
    result["max_rss_kb_of_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
