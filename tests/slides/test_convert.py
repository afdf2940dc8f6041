"""LibreOffice opens and converts every deck; the sample script renders slides to PNG; the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from conftest import BIN, ENV, FIXTURE, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.office]


def test_libreoffice_converts_each_deck_to_pdf(decks: list[Path], tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path),
                             *map(str, decks)], env={**os.environ, "HOME": str(home)}, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for deck in decks:
        pdf = tmp_path / f"{deck.stem}.pdf"
        assert pdf.exists(), result.stdout + result.stderr
        assert len(PdfReader(pdf).pages) == len(Presentation(str(deck)).slides)


def test_the_sample_script_renders_slides_to_png(decks: list[Path], tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "render-slides.py"), str(decks[0]),
                             "--out", str(tmp_path), "--pages", "1,2,5"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    pngs = sorted(tmp_path.glob("*.png"))
    assert [p.name for p in pngs] == [f"{decks[0].stem}-{n:03d}.png" for n in (1, 2, 5)]
    assert all(p.stat().st_size > 5000 for p in pngs)


def test_cli_traditional_deck_and_unknown_project(tmp_path: Path) -> None:
    ok = subprocess.run([str(BIN / "coursekit"), "slides", "--root", str(ROOT), "--project", "01-preparation",
                         "--lang", "zh-Hant", "--out", str(tmp_path)], env=ENV, capture_output=True, text=True,
                        timeout=600)
    assert ok.returncode == 0, ok.stderr
    prs = Presentation(str(tmp_path / "01-preparation.pptx"))
    assert prs.slides[0].shapes.title.text_frame.text == "項目 1　社群運營準備"
    bad = subprocess.run([str(BIN / "coursekit"), "slides", "--root", str(FIXTURE), "--project", "nope",
                          "--out", str(tmp_path)], env=ENV, capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "unknown project: nope" in bad.stderr and "Traceback" not in bad.stderr
