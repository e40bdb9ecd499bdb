"""`python -m dashboard.serving`: the production mode, N app processes behind nginx.

    python -m dashboard.serving                      # one replica per core + nginx on :8080
    python -m dashboard.serving --replicas 3 --port 80
    python -m dashboard.serving --apps-only --first-port 8601 --address 0.0.0.0   # app machine
    python -m dashboard.serving --proxy-only --upstream 10.0.0.5:8601 --upstream 10.0.0.6:8601

Runs in the foreground until Ctrl-C or SIGTERM, restarting an app process that dies.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from dashboard.serving.nginx_config import (
    ProxySettings,
    brotli_installed,
    default_user,
    make_temp_dirs,
    render,
)
from dashboard.serving.replicas import ROOT, Replica, wait_until_healthy
from dashboard.serving.static_files import early_imports, prepared_static

RUN_DIR = ROOT / ".serve"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard.serving", description=__doc__)
    parser.add_argument(
        "--port",
        default=os.environ.get("UTB_SERVE_PORT", "8080"),
        help="where nginx listens: PORT or ADDRESS:PORT (env UTB_SERVE_PORT)",
    )
    parser.add_argument(
        "--replicas",
        type=int,
        default=int(os.environ.get("UTB_REPLICAS", "0")),
        help="app processes (env UTB_REPLICAS; default one per core)",
    )
    parser.add_argument(
        "--first-port", type=int, default=8601, help="port of the first app process"
    )
    parser.add_argument("--address", default="127.0.0.1", help="address the app processes bind")
    parser.add_argument(
        "--upstream",
        action="append",
        default=[],
        metavar="HOST:PORT",
        help="app processes on other machines (with --proxy-only), repeatable",
    )
    parser.add_argument("--apps-only", action="store_true", help="start app processes, no nginx")
    parser.add_argument("--proxy-only", action="store_true", help="start nginx, no app processes")
    parser.add_argument("--run-dir", type=Path, default=RUN_DIR, help="logs, pid and static copy")
    parser.add_argument(
        "--hsts",
        action="store_true",
        help="send Strict-Transport-Security (only when the site is reached over TLS)",
    )
    return parser


def _nginx(settings: ProxySettings) -> subprocess.Popen[bytes]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is not installed: run `make nginx` (Debian's nginx package)")
    conf = settings.run_dir / "nginx.conf"
    conf.write_text(render(settings), encoding="utf-8")
    make_temp_dirs(settings.run_dir, settings.user)
    check = subprocess.run(
        [nginx, "-t", "-q", "-p", str(settings.run_dir), "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    if check.returncode:
        raise SystemExit(f"nginx refused {conf}:\n{check.stderr}")
    return subprocess.Popen([nginx, "-p", str(settings.run_dir), "-c", str(conf)])


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    run_dir = args.run_dir.resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    count = args.replicas or os.cpu_count() or 1
    replicas = (
        []
        if args.proxy_only
        else [
            Replica(args.address, args.first_port + i, run_dir / f"app-{args.first_port + i}.log")
            for i in range(count)
        ]
    )
    upstreams = tuple(args.upstream) or tuple(f"127.0.0.1:{r.port}" for r in replicas)
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    proxy: subprocess.Popen[bytes] | None = None
    try:
        for replica in replicas:
            replica.start()
        wait_until_healthy(replicas)
        if not args.apps_only:
            static_root = prepared_static(RUN_DIR)  # shared by runs: made once per version
            proxy = _nginx(
                ProxySettings(
                    listen=args.port,
                    upstreams=upstreams,
                    run_dir=run_dir,
                    static_root=static_root,
                    brotli=brotli_installed(),
                    user=default_user(),
                    head_extra=early_imports(static_root),
                    hsts=args.hsts,
                )
            )
        where = f"http://localhost:{args.port.rpartition(':')[2]}" if proxy else "no proxy"
        print(
            f"Serving {len(replicas)} app process(es) ({', '.join(upstreams)}) at {where}",
            flush=True,
        )
        while not stopping:
            time.sleep(1)
            for replica in replicas:
                if not replica.alive() and not stopping:
                    replica.restarts += 1
                    print(f"app on port {replica.port} exited; restarting", file=sys.stderr)
                    replica.start()
            if proxy is not None and proxy.poll() is not None and not stopping:
                print(
                    f"nginx exited ({proxy.returncode}); see {run_dir}/error.log", file=sys.stderr
                )
                return 1
        return 0
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if proxy is not None and proxy.poll() is None:
            proxy.send_signal(signal.SIGQUIT)  # graceful: finish open requests
            try:
                proxy.wait(10)
            except subprocess.TimeoutExpired:
                proxy.kill()
        for replica in replicas:
            replica.stop()


if __name__ == "__main__":
    sys.exit(main())
