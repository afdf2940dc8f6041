"""Draw :class:`~coursekit.slidespec.Slide` specs into a PPTX: text stays text, tables are tables.

Text sizes are chosen so the text fits its box (an estimate from the number
of full-width characters per line), since python-pptx cannot measure text and
PowerPoint's shrink-on-overflow is not applied by every viewer.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from pathlib import Path
from typing import Any

from pptx.util import Emu, Inches, Pt

from ..slidespec import Slide
from .layout import FONTS, GREY, LAYOUT, TEAL, new_presentation

log = logging.getLogger(__name__)

SIZES = (28, 24, 22, 20, 18, 16, 14)
TABLE_SIZES = (20, 18, 16, 14, 13, 12, 11, 10)
LINE = 1.3          # line height, in font sizes
BODY = (Inches(0.65), Inches(1.45), Inches(12.0), Inches(5.6))   # left, top, width, height of content


def width_in_ems(text: str) -> float:
    """Width of ``text`` in font sizes: full-width characters 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def lines_needed(texts: list[tuple[int, str]], width_pt: float, size: float) -> int:
    """How many lines ``texts`` (depth, text) take in a box ``width_pt`` wide at ``size`` points."""
    total = 0
    for depth, text in texts:
        per_line = max(1.0, (width_pt - 30 - 28 * depth) / size)
        total += max(1, math.ceil(width_in_ems(text) / per_line))
    return total


def fit(texts: list[tuple[int, str]], width: int, height: int, sizes: tuple[int, ...] = SIZES,
        gap: float = 0.4) -> int:
    """The largest size at which ``texts`` fit the box (``gap``: extra space per paragraph, in lines)."""
    width_pt, height_pt = Emu(width).pt, Emu(height).pt - 14
    for size in sizes:
        if (lines_needed(texts, width_pt, size) + gap * len(texts)) * size * LINE <= height_pt:
            return size
    return sizes[-1]


class Writer:
    """One deck being written."""

    def __init__(self, lang: str = "zh-Hans", footer: str = ""):
        """A new deck in ``lang`` (zh-Hans or zh-Hant); ``footer`` is shown small on each content slide."""
        self.prs = new_presentation(lang)
        self.lang_tag = FONTS[lang][1]
        self.footer = footer

    def save(self, path: Path) -> None:
        """Write the deck."""
        self.prs.save(str(path))

    def add(self, spec: Slide, image: Path | None = None) -> Any:
        """Draw one slide; ``image`` is the rendered diagram of a diagram slide (None: its caption instead)."""
        kind = {"columns": "title_only", "table": "title_only", "diagram": "title_only"}.get(spec.kind, spec.kind)
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[LAYOUT[kind]])
        self._title(slide.shapes.title, spec.title, 40 if spec.kind in ("title", "section") else 32)
        if spec.kind == "diagram":
            self._diagram(slide, spec, image)
        else:
            {"title": self._cover, "section": self._cover, "bullets": self._bullets, "columns": self._columns,
             "table": self._table}[spec.kind](slide, spec)
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = spec.notes
        return slide

    # -- text helpers ----------------------------------------------------------

    def _run(self, paragraph: Any, text: str, size: float | None = None, bold: bool = False,
             colour: Any = None) -> Any:
        """A run of text in this deck's language."""
        run = paragraph.add_run()
        run.text = text
        if size:
            run.font.size = Pt(size)
        if bold:
            run.font.bold = True
        if colour is not None:
            run.font.color.rgb = colour
        run.font._rPr.set("lang", self.lang_tag)
        return run

    def _title(self, shape: Any, text: str, size: int) -> None:
        """The slide's title, smaller when it is long."""
        frame = shape.text_frame
        frame.clear()
        fitted = fit([(0, text)], shape.width, shape.height, (size, 28, 24, 20), gap=0)
        self._run(frame.paragraphs[0], text, fitted if fitted != size else None)

    def _fill(self, frame: Any, items: list[tuple[int, str]], size: int) -> None:
        """Paragraphs at their depth; a line ending in ： is a heading for the lines below it."""
        frame.clear()
        frame.word_wrap = True
        for i, (depth, text) in enumerate(items):
            p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            p.level = min(depth, 4)
            p.space_after = Pt(size * 0.4)
            self._run(p, text, size if depth == 0 else size - 2, bold=text.endswith("：") and depth == 0)

    # -- kinds ---------------------------------------------------------------

    def _cover(self, slide: Any, spec: Slide) -> None:
        """Subtitle of a cover or divider."""
        sub = slide.placeholders[1]
        sub.text_frame.clear()
        self._run(sub.text_frame.paragraphs[0], spec.subtitle, 20, colour=GREY)

    def _bullets(self, slide: Any, spec: Slide) -> None:
        """A title and bullet points in the content placeholder."""
        body = slide.placeholders[1]
        body.left, body.top, body.width, body.height = BODY
        self._fill(body.text_frame, spec.bullets, fit(spec.bullets, body.width, body.height))
        self._footer(slide)

    def _columns(self, slide: Any, spec: Slide) -> None:
        """Side-by-side lists with a heading each (e.g. 知识 / 能力 / 素质目标)."""
        left, top, width, height = BODY
        gap = Inches(0.3)
        col = (width - gap * (len(spec.columns) - 1)) // len(spec.columns)
        size = min(fit([(0, t) for t in items], col, height - Inches(0.6), (20, 18, 16, 14, 13, 12))
                   for _, items in spec.columns)
        for i, (heading, items) in enumerate(spec.columns):
            box = slide.shapes.add_textbox(left + i * (col + gap), top, col, height)
            frame = box.text_frame
            frame.word_wrap = True
            self._run(frame.paragraphs[0], heading, size + 4, bold=True, colour=TEAL)
            for text in items:
                p = frame.add_paragraph()
                p.space_before = Pt(size * 0.5)
                self._run(p, "• " + text, size)
        self._footer(slide)

    def _table(self, slide: Any, spec: Slide) -> None:
        """A real table: header row in the theme's accent, column widths by content."""
        left, top, width, height = BODY
        ncols = max(len(r) for r in spec.rows)
        rows = [r + [""] * (ncols - len(r)) for r in spec.rows]
        weights = [max(5.0, min(40.0, max(width_in_ems(r[c]) for r in rows))) for c in range(ncols)]
        widths = [int(width * w / sum(weights)) for w in weights]
        size = TABLE_SIZES[-1]
        for size in TABLE_SIZES:  # every row fits at this size
            lines = sum(max(lines_needed([(0, cell)], Emu(w).pt - 10, size) for cell, w in zip(r, widths))
                        for r in rows)
            if lines * size * 1.25 + len(rows) * 10 <= Emu(height).pt:
                break
        shape = slide.shapes.add_table(len(rows), ncols, left, top, width, Emu(int(Pt(size * 1.8))) * len(rows))
        table = shape.table
        for c, w in enumerate(widths):
            table.columns[c].width = Emu(w)
        for r, row in enumerate(rows):
            table.rows[r].height = Emu(int(Pt(size * 1.8)))
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                cell.margin_top = cell.margin_bottom = Pt(3)
                frame = cell.text_frame
                frame.clear()
                frame.word_wrap = True
                self._run(frame.paragraphs[0], text, size, bold=r == 0)
        self._footer(slide)

    def _diagram(self, slide: Any, spec: Slide, image: Path | None) -> None:
        """The diagram as a picture, as large as fits, with its description as alt text; else the description."""
        left, top, width, height = BODY
        if image is None:
            box = slide.shapes.add_textbox(left, top, width, height)
            self._fill(box.text_frame, [(0, spec.caption)], fit([(0, spec.caption)], width, height))
            return
        from PIL import Image
        with Image.open(image) as im:
            w, h = im.size
        scale = min(width / w, height / h)
        pic_w, pic_h = int(w * scale), int(h * scale)
        pic = slide.shapes.add_picture(str(image), left + (width - pic_w) // 2, top + (height - pic_h) // 2,
                                       pic_w, pic_h)
        pic._element.nvPicPr.cNvPr.set("descr", spec.caption)  # alt text for screen readers

    def _footer(self, slide: Any) -> None:
        """The deck's footer line, small and grey, bottom left."""
        if not self.footer:
            return
        box = slide.shapes.add_textbox(Inches(0.65), Inches(7.05), Inches(8), Inches(0.35))
        self._run(box.text_frame.paragraphs[0], self.footer, 11, colour=GREY)
