"""Settings are documented, and the CLI reports success and failure clearly."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from etl.cli import _parser as etl_parser
from etl.config import ENV_VARS, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in ENV_VARS if f"`{name}`" not in readme]
    assert missing == []


def test_cli_flags_override_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(tmp_path / "env.duckdb"))
    assert load_settings().db_path == tmp_path / "env.duckdb"
    assert load_settings(db_path=tmp_path / "flag.duckdb").db_path == tmp_path / "flag.duckdb"


def _etl(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_build_without_data_says_where_it_looked(tmp_path: Path) -> None:
    result = _etl(
        "build", UTB_DATA_DIR=str(tmp_path / "nothing"), UTB_DB_PATH=str(tmp_path / "x.duckdb")
    )
    assert result.returncode == 2
    assert f"looked in: {tmp_path / 'nothing'}" in result.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_ensure_builds_once_then_status_lists_sources(tmp_path: Path, data_dir: Path) -> None:
    env = {"UTB_DATA_DIR": str(data_dir), "UTB_DB_PATH": str(tmp_path / "x.duckdb")}
    first = _etl("ensure", **env)
    assert first.returncode == 0 and "it was missing" in first.stdout
    assert "validating" in first.stderr  # step-by-step progress
    second = _etl("ensure", **env)
    assert second.returncode == 0 and second.stdout == ""
    status = _etl("status", **env)
    assert "offline:tab3981_2018_2022" in status.stdout and "2018–2022" in status.stdout


#: uv as `make` installs it: inside the checkout, not on the PATH of a fresh machine
UV = ".tools/bin/uv"
README_COMMAND = re.compile(r"^\s*(?:\$ )?(\.tools/bin/uv run \S.*?)(?:\s+#.*)?$", re.M)


def _readme_commands() -> list[str]:
    """Every command of the README's shell blocks that runs in the project's environment."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", readme, re.M | re.S)
    return [c for block in blocks for c in README_COMMAND.findall(block)]


def test_readme_commands_name_the_uv_make_installs() -> None:
    """A bare `uv run …` fails on a fresh machine: uv lives in .tools/bin, not on the PATH."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    bare = re.findall(r"(?<![\w/.$])uv (?:run|sync)\b.{0,40}", readme)
    assert bare == []
    assert len(_readme_commands()) >= 10


def test_every_readme_command_runs_as_written(db_path: Path) -> None:
    """Each documented command's program, subcommand and flags exist — the ETL's parsed by its own
    parser, the others asked for `--help`, so nothing is built or written — and one runs whole
    through the uv `make` installed, with a PATH that has no uv."""
    env = {**os.environ, "UTB_DB_PATH": str(db_path)}
    parser, _ = etl_parser()
    failed = {}
    for command in _readme_commands():
        words = shlex.split(command)[len(UV.split()) + 1 :]  # after `.tools/bin/uv run`
        if words[:3] == ["python", "-m", "etl"]:
            try:
                parser.parse_args(words[3:])
            except SystemExit:
                failed[command] = "the ETL's parser refused it"
            continue
        program = Path(sys.executable).parent / words[0]
        done = subprocess.run(
            [str(program), *words[1:], "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        if done.returncode != 0 or "usage" not in done.stdout.lower():
            failed[command] = (done.stderr or done.stdout)[-300:]
    assert failed == {}
    status = subprocess.run(
        [UV, "run", "python", "-m", "etl", "status"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert status.returncode == 0, status.stderr[-500:]
    assert "offline:tab3981_2018_2022" in status.stdout
