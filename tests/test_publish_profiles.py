"""`python -m dashboard.publish profiles`: a county's board pack with one command, and bad
input refused with a sentence and an exit code before anything is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.publish import profiles
from dashboard.render import profiles as made

ROOT = Path(__file__).resolve().parent.parent


def publish(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UTB_DB_PATH": str(db_path)}
    command = [sys.executable, "-m", "dashboard.publish", "profiles", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_a_lan_and_its_kommuner_in_one_command(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "styrelsen"
    run = publish(db_path, "--region", "04", "--out", str(out), "--html")
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in out.iterdir())
    pdfs = [n for n in names if n.endswith(".pdf")]
    assert len(pdfs) == 10 and len(names) == 20  # Södermanland and its 9 kommuner, both forms
    assert "04-sodermanlands-lan.pdf" in pdfs and "0461-gnesta.pdf" in pdfs
    assert run.stdout.split() == [str(out / n) for n in names]  # what it wrote, one a line
    assert "Skrev 10 profiler i" in run.stderr
    assert all((out / n).read_bytes().startswith(b"%PDF-") for n in pdfs)
    assert b"<h1>Gnesta</h1>" in (out / "0461-gnesta.html").read_bytes()


@pytest.mark.parametrize(
    ("region", "sentence"),
    [
        ("9999", "Regionkoden 9999 finns inte"),
        ("../04", "Regionkoden ../04 finns inte"),
        ("", "Regionkoden  finns inte"),
    ],
)
def test_an_unknown_region_writes_nothing(
    db_path: Path, tmp_path: Path, region: str, sentence: str
) -> None:
    out = tmp_path / "ut"
    run = publish(db_path, "--region", region, "--out", str(out))
    assert run.returncode == 2 and sentence in run.stderr and "Traceback" not in run.stderr
    assert not out.exists() and run.stdout == ""


def test_a_folder_it_cannot_write_in(db_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    run = publish(db_path, "--region", "0461", "--out", str(blocker / "ut"), "--lang", "en")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"Cannot write in {blocker / 'ut'}" in run.stderr and "Nothing was written" in run.stderr


def test_a_failing_profile_leaves_only_whole_files(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("UTB_DB_PATH", str(db_path))
    real = made.make

    def breaks_on_flen(code: str, lang: str, form: str, day: object = None) -> tuple[str, bytes]:
        if code == "0482":
            raise RuntimeError("the disk is full")
        return real(code, lang, form, day)  # type: ignore[arg-type]

    monkeypatch.setattr(made, "make", breaks_on_flen)
    assert profiles.publish("04", tmp_path, "sv", ("pdf",), jobs=1) == 1
    error = capsys.readouterr().err
    assert "Profilen för 0482 kunde inte göras: RuntimeError: the disk is full" in error
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files and "0482-flen.pdf" not in files
    assert not [n for n in files if n.startswith(profiles.PARTIAL)]
    assert all((tmp_path / n).read_bytes().rstrip().endswith(b"%%EOF") for n in files)
