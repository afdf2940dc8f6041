#!/usr/bin/env python3
"""Render a few slides of each deck to PNG for a person to look at (`make slide-samples`).

    .venv/bin/python scripts/render-slides.py [DECK.pptx ...] [--out dist/samples/slides] [--pages 1,2,5]

With no deck given, makes the decks first (`coursekit slides` into dist/slides). Each deck is converted
to PDF by LibreOffice (headless, HOME in a temporary folder) and the chosen pages are turned into PNG
by pdftoppm: <out>/<deck>-<page>.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def to_pdf(deck: Path, out: Path) -> Path:
    """The deck as PDF, by LibreOffice; raises with LibreOffice's output if it fails."""
    with tempfile.TemporaryDirectory() as home:
        result = subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out),
                                 str(deck)], env={**os.environ, "HOME": home}, capture_output=True, text=True,
                                timeout=300)
    pdf = out / f"{deck.stem}.pdf"
    if result.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"LibreOffice could not convert {deck}: {result.stdout}{result.stderr}")
    return pdf


def to_png(pdf: Path, pages: list[int], out: Path, prefix: str) -> list[Path]:
    """Chosen pages of ``pdf`` as PNG files (150 dpi)."""
    made = []
    for page in pages:
        base = out / f"{prefix}-{page:03d}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(base)], check=True, capture_output=True, timeout=120)
        made.append(base.with_suffix(".png"))
    return made


def main() -> int:
    """Render the decks given (or all, made first) and print the PNG files."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("decks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "samples" / "slides")
    parser.add_argument("--pages", default="1,2,3,5,8,12", help="comma-separated page numbers (default: 1,2,3,5,8,12)")
    args = parser.parse_args()
    for tool in ("soffice", "pdftoppm"):
        if not shutil.which(tool):
            print(f"{tool} is missing: run `make system-deps` (as root)", file=sys.stderr)
            return 1
    decks = args.decks
    if not decks:
        subprocess.run([str(Path(sys.executable).parent / "coursekit"), "slides", "--out", str(ROOT / "dist" / "slides")],
                       check=True, cwd=ROOT)
        decks = sorted((ROOT / "dist" / "slides").glob("*.pptx"))
    args.out.mkdir(parents=True, exist_ok=True)
    pages = [int(p) for p in args.pages.split(",") if p.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for deck in decks:
            pdf = to_pdf(deck, Path(tmp))
            for png in to_png(pdf, pages, args.out, deck.stem):
                print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
