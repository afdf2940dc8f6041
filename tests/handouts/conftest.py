"""Generated packs, built once per session, and helpers that read generated files back."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from coursekit.handouts.build import Report, build_book, build_handouts
from coursekit.handouts.jobs import Selection

from conftest import FIXTURE, ROOT

ALLOWED_FONTS = ("Noto-Sans-CJK-SC", "Noto-Serif-CJK-SC")


def pdf_text(path: Path) -> str:
    """All text of a PDF (poppler's pdftotext, reading order)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def flat(text: str) -> str:
    """Text without any whitespace, so phrases wrapped across lines still match."""
    return re.sub(r"\s+", "", text)


def pdf_fonts(path: Path) -> list[str]:
    """Names of the fonts a PDF uses (pdffonts), without the subset prefix."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()]


def soffice_to_pdf(files: list[Path], outdir: Path) -> subprocess.CompletedProcess[str]:
    """Convert documents with LibreOffice headless (HOME in a temp folder: it writes a profile there)."""
    home = outdir / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home)}
    return subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(outdir),
                           *map(str, files)], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="session")
def fixture_pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    """Every handout of the small fixture course, both editions."""
    base = tmp_path_factory.mktemp("fixture-pack")
    report = build_handouts(FIXTURE, base / "out", Selection(), cache=base / "cache", progress=False)
    assert not report.failed, report.failed
    return base / "out", report


@pytest.fixture(scope="session")
def fixture_pack_hant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every handout of the small fixture course in Traditional Chinese (``--lang zh-Hant``), both editions."""
    base = tmp_path_factory.mktemp("fixture-pack-hant")
    report = build_handouts(FIXTURE, base / "out", Selection(lang="zh-Hant"), cache=base / "cache", progress=False)
    assert not report.failed, report.failed
    return base / "out"


@pytest.fixture(scope="session")
def fixture_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The print edition of the fixture course, both editions."""
    base = tmp_path_factory.mktemp("fixture-book")
    report = build_book(FIXTURE, base / "out", ["student", "teacher"], cache=base / "cache", progress=False)
    assert not report.failed, report.failed
    return base / "out"


@pytest.fixture(scope="session")
def real_pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    """The real course's full pack, generated once (cold cache) in a temporary folder."""
    base = tmp_path_factory.mktemp("real-pack")
    report = build_handouts(ROOT, base / "out", Selection(), cache=base / "cache", progress=False)
    assert not report.failed, report.failed
    return base / "out", report
