"""The nginx configuration for N replicas, rendered from `nginx.conf` beside this file.

A pure function of its arguments (tested without nginx): the same template serves one machine
(replicas on 127.0.0.1) or several (`--upstream host:port`, one line per app process).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from dashboard.model import registry
from dashboard.render import page_script
from dashboard.web import shell

TEMPLATE = Path(__file__).with_name("nginx.conf")
MODULES_DIR = Path("/usr/lib/nginx/modules")
BROTLI_FILTER = "ngx_http_brotli_filter_module.so"
BROTLI_STATIC = "ngx_http_brotli_static_module.so"


@dataclass(frozen=True)
class ProxySettings:
    listen: str  # "8080" or "0.0.0.0:8080"
    upstreams: tuple[str, ...]  # "127.0.0.1:8601", …
    run_dir: Path  # nginx's pid, logs and temp files
    static_root: Path  # precompressed copy of Streamlit's static folder
    brotli: bool
    user: str | None = None  # worker user when started as root
    head_extra: str = ""  # HTML put before </head> of every page (preload links)
    hsts: bool = False  # Strict-Transport-Security: only behind TLS (`--hsts`)


#: Inline scripts of our own pages besides Streamlit's index.html and `head_extra`: the
#: page script (dashboard/render/page_script.py), one per UI language, and the loader that
#: starts the bundle once a view page's answer is painted (dashboard/web/shell.py).
OWN_INLINE_SCRIPTS = tuple(page_script.script(code) for code in ("sv", "en")) + tuple(
    s for s in (shell.loader_script(),) if s
)
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)


def inline_script_hashes(*html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for every inline script in the given HTML."""
    found = [m.group(1) for text in html for m in _INLINE_SCRIPT.finditer(text)]
    found += OWN_INLINE_SCRIPTS
    digests = {base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in found}
    return [f"'sha256-{d}'" for d in sorted(digests)]


def content_security_policy(script_hashes: list[str]) -> str:
    """What Streamlit and the Plotly map need, nothing more: scripts only from this site (and
    the inline ones by hash), inline styles (Streamlit's CSS-in-JS), the websocket to this
    site, blob: workers (the map), data:/blob: images and fonts, and no framing by others."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "child-src 'self' blob:",
            "frame-src 'self' blob: data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


#: Browser features the dashboard never uses, denied to it and to anything it frames.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "bluetooth",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
#: A year, every subdomain: sent only when the site is reached over TLS (`--hsts`); a browser
#: that saw it refuses plain HTTP for that long, so it is never on by default.
HSTS = "max-age=31536000; includeSubDomains"


def permissions_policy() -> str:
    return ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


#: Set by the app on the answers outside the live app: an embed may be framed by any site, a
#: file by none, each with its own Content-Security-Policy (dashboard/web/answers.py).
APP_SETS = ("X-Frame-Options", "Content-Security-Policy")


def security_headers(settings: ProxySettings, indent: str, app_sets: tuple[str, ...] = ()) -> str:
    from dashboard.serving.static_files import streamlit_static_dir

    pages = [
        index.read_text(encoding="utf-8")
        for index in (settings.static_root / "index.html", streamlit_static_dir() / "index.html")
        if index.exists()
    ]
    csp = content_security_policy(inline_script_hashes(*pages, settings.head_extra))
    headers = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "SAMEORIGIN",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Content-Security-Policy": csp,
        "Permissions-Policy": permissions_policy(),
    }
    if settings.hsts:
        headers["Strict-Transport-Security"] = HSTS
    added = [k for k in headers if k not in app_sets]
    lines = [f'{indent}add_header {k} "{headers[k]}" always;' for k in added]
    # the app's own copies of these are hidden (its framing guard sets X-Frame-Options and a
    # frame-ancestors policy on every answer of `make run`), so each header is sent once
    lines += [f"{indent}proxy_hide_header {k};" for k in added]
    return "\n".join(lines)


def brotli_installed(modules_dir: Path = MODULES_DIR) -> bool:
    return (modules_dir / BROTLI_FILTER).exists() and (modules_dir / BROTLI_STATIC).exists()


def render(settings: ProxySettings) -> str:
    if not settings.upstreams:
        raise ValueError("at least one upstream (host:port) is needed")
    for upstream in settings.upstreams:
        host, _, port = upstream.rpartition(":")
        if (
            not host
            or not (port.isascii() and port.isdigit())
            or any(c in upstream for c in " ;{}#\n")
        ):
            raise ValueError(f"upstream {upstream!r} is not host:port")
    modules = (
        f"load_module {MODULES_DIR / BROTLI_FILTER};\nload_module {MODULES_DIR / BROTLI_STATIC};"
        if settings.brotli
        else ""
    )
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        run_dir=settings.run_dir,
        cache_dir=cache_dir(settings.run_dir),
        static_root=settings.static_root,
        listen=settings.listen,
        user_line=f"user {settings.user};" if settings.user else "",
        modules=modules,
        servers="\n".join(
            f"        server {u} max_fails=3 fail_timeout=10s;" for u in settings.upstreams
        ),
        brotli=(
            "    brotli on;\n    brotli_comp_level 5;\n    brotli_types text/css application/javascript "
            "application/json image/svg+xml text/plain application/manifest+json;"
            if settings.brotli
            else ""
        ),
        brotli_static="brotli_static on;" if settings.brotli else "",
        head_extra=settings.head_extra.replace("'", "&#39;"),
        view_pages="|".join(sorted(registry.by_slug())),
        security_headers=security_headers(settings, " " * 8),
        location_security_headers=security_headers(settings, " " * 12),
        own_policy_headers=security_headers(settings, " " * 12, APP_SETS),
    )


#: nginx's temporary folders (the template names each under <run_dir>/tmp/)
TEMP_DIRS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


def cache_dir(run_dir: Path) -> Path:
    """Where nginx keeps the cached views: under the system's temporary folder, which its worker
    user (nobody, when started as root) can always reach — a run folder may sit below one it
    cannot enter (a private 0700 folder) — and one per run folder."""
    import hashlib
    import tempfile

    digest = hashlib.sha256(str(run_dir.resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"utbildningslaget-views-{digest}"


def make_temp_dirs(run_dir: Path, user: str | None = None) -> None:
    """The folders the template points nginx at (temporary files, the cache of views outside the
    app), owned by its worker user when there is one."""
    folders = [run_dir / "tmp", *(run_dir / "tmp" / sub for sub in TEMP_DIRS), cache_dir(run_dir)]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    if user:
        import pwd

        worker = pwd.getpwnam(user.split()[0])
        for folder in folders:
            os.chown(folder, worker.pw_uid, worker.pw_gid)


def default_user() -> str | None:
    """Started as root, nginx's workers drop to `nobody` (they only read files and proxy)."""
    return "nobody nogroup" if os.geteuid() == 0 else None
