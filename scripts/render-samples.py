#!/usr/bin/env python3
"""Render sample pages of the generated PDFs (and, with --office, of a Word and an Excel file) to PNG.

For a person to look at: CJK glyphs in their Chinese forms, tables inside the page, sane page breaks.
Makes the files first (the cache makes that quick), then writes dist/samples/*.png with pdftoppm.

    .venv/bin/python scripts/render-samples.py [--root DIR] [--out DIR] [--office] [--dpi 70]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from coursekit.handouts.build import build_book, build_handouts
from coursekit.handouts.jobs import Selection
from coursekit.registry import load

ROOT = Path(__file__).resolve().parent.parent


def pages_of(pdf: Path) -> int:
    """Number of pages (pdfinfo)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def to_png(pdf: Path, pages: list[int], out: Path, name: str, dpi: int) -> list[Path]:
    """Render the given 1-based pages of ``pdf`` as ``out/<name>-<page>.png``."""
    made = []
    for page in sorted({p for p in pages if 1 <= p <= pages_of(pdf)}):
        target = out / f"{name}-{page:03d}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-png",
                        str(pdf), str(target)], check=True)
        made.append(target.with_suffix(".png"))
    return made


def richest_worksheet(reg) -> str:
    """The worksheet using the most kinds of field (the best test of the layout)."""
    return max(reg.records["worksheets"].values(), key=lambda w: (len({f.kind for f in w.fields()}), w.id)).id


def main() -> int:
    """Make the files, then the PNGs; print where they are."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--out", type=Path, help="default: <root>/dist/samples")
    ap.add_argument("--cache", type=Path, help="default: <root>/dist/.cache/handouts")
    ap.add_argument("--dpi", type=int, default=70)
    ap.add_argument("--office", action="store_true", help="also convert one DOCX and one XLSX with LibreOffice")
    args = ap.parse_args()
    root = args.root.resolve()
    out = (args.out or root / "dist" / "samples").resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="samples-"))
    handouts, book = work / "handouts", work / "print"
    build_handouts(root, handouts, Selection(), cache=args.cache, progress=False)
    build_book(root, book, ["student", "teacher"], cache=args.cache, progress=False)
    reg = load(root)
    ws = reg.get("worksheets", richest_worksheet(reg))
    sop = sorted(reg.records["sops"].values(), key=lambda s: -len(s.steps))[0]
    case = sorted(reg.records["cases"].values(), key=lambda c: c.id)[0]
    wdir, sdir = handouts / ws.project / "worksheets", handouts / sop.project / "sops"
    cdir = handouts / case.projects[0] / "cases"
    made = to_png(wdir / f"{ws.id}.pdf", [1, 2, 3], out, f"worksheet-{ws.id}", args.dpi)
    made += to_png(wdir / f"{ws.id}.teacher.pdf", [1, 2, 3, 4], out, f"worksheet-{ws.id}.teacher", args.dpi)
    made += to_png(sdir / f"{sop.id}.pdf", [1, 2], out, f"sop-{sop.id}", args.dpi)
    made += to_png(cdir / f"{case.id}.teacher.pdf", [1, 2], out, f"case-{case.id}.teacher", args.dpi)
    made += to_png(handouts / "schedule.pdf", [1, 2], out, "schedule", args.dpi)
    for edition, pdf in (("student", book / "course.pdf"), ("teacher", book / "course.teacher.pdf")):
        n = pages_of(pdf)
        made += to_png(pdf, [1, 3, 5, 6, 7, 8, n // 3, n // 2, 2 * n // 3, n - 2, n], out, f"book-{edition}", args.dpi)
    if args.office:
        made += office_samples(wdir / f"{ws.id}.docx", sdir / f"{sop.id}.xlsx", handouts / "schedule.xlsx", work,
                               out, args.dpi)
    shutil.rmtree(work, ignore_errors=True)
    print(f"{len(made)} PNG files in {out}")
    return 0


def office_samples(docx: Path, xlsx: Path, schedule: Path, work: Path, out: Path, dpi: int) -> list[Path]:
    """Page 1 of a Word and two Excel files as LibreOffice prints them."""
    env = {**os.environ, "HOME": str(work / "home")}
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work / "office"),
                    str(docx), str(xlsx), str(schedule)], check=True, capture_output=True, env=env, timeout=300)
    made = []
    for src in (docx, xlsx, schedule):
        made += to_png(work / "office" / f"{src.stem}.pdf", [1, 2], out, f"office-{src.name}", dpi)
    return made


if __name__ == "__main__":
    sys.exit(main())
