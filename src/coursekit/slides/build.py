"""Make the decks: one editable PPTX per project."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from pathlib import Path

from ..atomicfile import atomic_path
from ..outputs import deck_name
from ..registry import load
from ..slidespec import Slide
from .diagrams import render_all
from .outline import project_slides
from .writer import Writer

log = logging.getLogger(__name__)

LANGS = ("zh-Hans", "zh-Hant")


def build_slides(root: Path, out: Path, projects: list[str] | None = None, lang: str = "zh-Hans",
                 cache: Path | None = None) -> list[Path]:
    """Write the decks of ``projects`` (default: all) into ``out``; return their paths. CourseError if data is bad."""
    start = time.perf_counter()
    reg = load(root)
    slugs = projects or list(reg.projects)
    decks = {slug: project_slides(reg, slug) for slug in slugs}
    if lang == "zh-Hant":
        from ..hant import converter
        conv = converter(root)
        decks = {slug: [_converted(s, conv.convert) for s in slides] for slug, slides in decks.items()}
    codes = [s.diagram for slides in decks.values() for s in slides if s.kind == "diagram"]
    images = render_all(codes, root, cache or root / "dist" / ".cache" / "slides", lang)
    written = []
    footer = reg.course.title if lang == "zh-Hans" else _converted(Slide("bullets", reg.course.title),
                                                                    conv.convert).title
    for slug, slides in decks.items():
        writer = Writer(lang, footer)
        for spec in slides:
            writer.add(spec, images.get(spec.diagram) if spec.kind == "diagram" else None)
        dest = out / deck_name(slug)
        with atomic_path(dest) as tmp:
            writer.save(tmp)
        written.append(dest)
        log.info("%s: %d slides", dest, len(slides))
    log.info("%d deck(s) in %.1f s", len(written), time.perf_counter() - start)
    return written


def _converted(slide: Slide, c: Callable[[str], str]) -> Slide:
    """A slide with every text in Traditional Chinese (diagram sources too: their labels)."""
    return dataclasses.replace(
        slide, title=c(slide.title), subtitle=c(slide.subtitle), caption=c(slide.caption), notes=c(slide.notes),
        diagram=c(slide.diagram), bullets=[(d, c(t)) for d, t in slide.bullets],
        columns=[(c(h), [c(t) for t in items]) for h, items in slide.columns],
        rows=[[c(cell) for cell in row] for row in slide.rows])
