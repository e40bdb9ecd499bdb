"""The smaller holes of issue 20's campaign, kept as tests: the proxy's missing security
headers, `make run` on every interface, the deck CLI reading a file of any size, and the
formula guard fooled by full-width signs and invisible characters."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.serving.nginx_config import ProxySettings, make_temp_dirs, render
from etl.formula_guard import is_formula, neutralise

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _config(tmp: Path) -> str:
    (tmp / "static").mkdir(exist_ok=True)
    return render(ProxySettings("127.0.0.1:8080", ("127.0.0.1:8601",), tmp, tmp / "static", False))


# --- 5. the proxy's missing headers -----------------------------------------------------------


def test_every_location_sends_the_security_headers(tmp_path: Path) -> None:
    text = _config(tmp_path)
    server = text.split("server {", 1)[1]
    blocks = [server.split("location", 1)[0], *server.split("location")[1:]]
    for block in blocks:  # nginx inherits add_header only into locations that add none
        if "add_header" not in block:
            continue
        # the views outside the app frame by their own policy (an embed: any site)
        own_policy = block.lstrip().startswith("~ ^/(export|inbaddning|profil)/")
        for header in (
            'X-Content-Type-Options "nosniff" always',
            'X-Frame-Options "SAMEORIGIN" always',
            "Referrer-Policy",
            "Content-Security-Policy",
            'Permissions-Policy "accelerometer=(), autoplay=(), bluetooth=(), camera=()',
        ):
            if own_policy and header.startswith(("X-Frame-Options", "Content-Security-Policy")):
                assert header.split()[0] not in block, (header, block[:80])
            else:
                assert header in block, (header, block[:80])
    csp = re.search(r'Content-Security-Policy "([^"]+)"', text)
    assert csp is not None
    policy = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    assert policy["frame-ancestors"] == "'self'"
    assert (
        "'unsafe-inline'" not in policy["script-src"]
        and "'unsafe-eval'" not in policy["script-src"]
    )
    assert "blob:" in policy["worker-src"] and "data:" in policy["img-src"]
    assert "'unsafe-inline'" in policy["style-src"]  # Streamlit's CSS-in-JS


def test_the_csp_allows_the_pages_own_inline_scripts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit's index.html and the document-language component have inline scripts; the
    CSP names each by hash, so they run and nothing else inline does."""
    import base64
    import hashlib

    import streamlit.components.v1 as components

    from dashboard.render import widgets
    from dashboard.serving.static_files import streamlit_static_dir

    written: list[str] = []
    monkeypatch.setattr(components, "html", lambda body, height=0: written.append(body))
    widgets.document_language("sv")
    widgets.document_language("en")
    index = (streamlit_static_dir() / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", index + "".join(written), re.DOTALL)
    assert len(scripts) >= 3
    text = _config(tmp_path)
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in text, body[:60]


def test_hsts_only_when_asked_for(tmp_path: Path) -> None:
    """A browser that saw HSTS refuses plain HTTP for a year: never on by default."""
    assert "Strict-Transport-Security" not in _config(tmp_path)
    (tmp_path / "static").mkdir(exist_ok=True)
    settings = ProxySettings(
        "127.0.0.1:8080", ("127.0.0.1:8601",), tmp_path, tmp_path / "static", False, hsts=True
    )
    text = render(settings)
    assert text.count('Strict-Transport-Security "max-age=31536000; includeSubDomains" always') == (
        text.count('Permissions-Policy "')
    )
    from dashboard.serving.__main__ import _parser

    assert _parser().parse_args(["--hsts"]).hsts and not _parser().parse_args([]).hsts


def test_metrics_are_for_the_host_itself(tmp_path: Path) -> None:
    text = _config(tmp_path)
    block = text.split("location ^~ /_stcore/metrics {", 1)[1].split("}", 1)[0]
    assert [line.strip() for line in block.splitlines()[1:4]] == [
        "allow 127.0.0.1;",
        "allow ::1;",
        "deny all;",
    ]


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed here")
def test_nginx_accepts_the_headers(tmp_path: Path) -> None:
    conf = tmp_path / "nginx.conf"
    conf.write_text(_config(tmp_path))
    make_temp_dirs(tmp_path)
    done = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


# --- 5. make run on every interface -----------------------------------------------------------


def test_make_run_listens_on_this_machine_unless_told() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^ADDRESS \?= 127\.0\.0\.1$", makefile, re.MULTILINE)
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "--server.address $(ADDRESS)" in run
    done = subprocess.run(
        ["make", "-n", "run", "ADDRESS=0.0.0.0"], cwd=ROOT, capture_output=True, text=True
    )
    assert "--server.address 0.0.0.0" in done.stdout


# --- 5. the deck CLI reads a file of any size -------------------------------------------------


def _limit_memory() -> None:  # so the old behaviour fails fast instead of filling the machine
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))


def test_the_deck_cli_refuses_an_endless_file_in_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.decks", "--deck", "/dev/zero", "--region", "0486"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert done.returncode == 2, done.stderr[-500:]
    assert "Traceback" not in done.stderr
    assert "at most 5 MB" in done.stderr and len(done.stderr.strip().splitlines()) == 1


# --- 5. the formula check ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
        "\u200b=1",
        "\ufeff=1",
        "\u2060=1",
        "\u00ad=1",
        "|calc",
        " =1",
    ],
)
def test_formula_text_is_found_after_normalisation(value: str) -> None:
    assert is_formula(value) and neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Kalix UniverCity", "a=b", "1-2", "", "Campus (Nyköping)"])
def test_ordinary_text_is_left_alone(value: str) -> None:
    assert not is_formula(value) and neutralise(value) == value


# --- issue 28: websocket frames ---------------------------------------------------------------


def test_websocket_frames_are_capped_just_above_the_apps_largest_message() -> None:
    """uvicorn refuses a frame over `server.maxMessageSize` from its header; the cap must
    still carry the SQL console's biggest allowed result (8 MiB as written, 8.4 MB measured
    by benchmarks/websocket_frames.py) with room to spare, and be nowhere near Streamlit's
    default of 200 MB."""
    import tomllib

    from dashboard.sandbox.runner import LIMITS

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    cap = config["server"]["maxMessageSize"] * 1_000_000
    assert 1.3 * LIMITS.result_bytes <= cap <= 16_000_000
