"""Word document setup: A4 page, CJK fonts in every style, table and field helpers.

python-docx's default template is US Letter with theme fonts; CJK text only
uses the font named in ``w:rFonts/@w:eastAsia``, so each style gets it
explicitly (and the theme attributes that would override it are removed).
"""

from __future__ import annotations

import logging
from typing import Any

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .fonts import Face

log = logging.getLogger(__name__)

ACCENT = RGBColor(0x00, 0x69, 0x5C)
GREY = RGBColor(0x66, 0x66, 0x66)
STYLE_SIZES = {"Normal": 10.5, "Title": 18, "Heading 1": 16, "Heading 2": 12, "Heading 3": 10.5, "Caption": 9}


def set_fonts(style_or_run: Any, face: Face) -> None:
    """Name the sans font for Latin and East Asian text and the East Asian language, dropping theme fonts."""
    name = face.sans
    style_or_run.font.name = name
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), face.tag)  # Word picks glyph forms by it (zh-TW: Traditional shapes)


def setup(document: Any, face: Face, margins_mm: float = 18) -> None:
    """A4 portrait, even margins, ``face``'s CJK font and sizes in the styles this module uses."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(margins_mm))
    section.header_distance = section.footer_distance = Mm(8)
    for name, size in STYLE_SIZES.items():
        style = document.styles[name]
        set_fonts(style, face)
        style.font.size = Pt(size)
        if name != "Normal":
            style.font.bold = True
            style.font.color.rgb = ACCENT if name.startswith("Heading") else RGBColor(0x11, 0x11, 0x11)
            style.paragraph_format.keep_with_next = True
    normal = document.styles["Normal"].paragraph_format
    normal.space_after, normal.line_spacing = Pt(3), 1.25
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        document.styles[name].paragraph_format.space_after = Pt(4)
    _title_without_border(document.styles["Title"])


def _title_without_border(style: Any) -> None:
    """The default Title style has a blue rule and theme colour; use the course look instead."""
    ppr = style.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)


def header_footer(document: Any, left: str, right: str) -> None:
    """Running header (course, project) and a centred ``第 N 页`` footer."""
    section = document.sections[0]
    head = section.header.paragraphs[0]
    head.text = ""
    run = head.add_run(f"{left}\t\t{right}")
    run.font.size, run.font.color.rgb = Pt(8), GREY
    foot = section.footer.paragraphs[0]
    foot.alignment = 1  # centre
    for part in ("第 ", None, " 页"):
        r = foot.add_run(part) if part else _field(foot, "PAGE")
        r.font.size, r.font.color.rgb = Pt(8), GREY


def _field(paragraph: Any, code: str) -> Any:
    """A Word field such as PAGE (updated by Word when the page is laid out)."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    return run


def repeat_header(row: Any) -> None:
    """Repeat this row at the top of every page the table spans."""
    _tr_flag(row, "w:tblHeader")
    shade_row(row, "E0F2F1")


def keep_row(row: Any, height_mm: float | None = None) -> None:
    """Never split the row across pages; give it at least ``height_mm`` of writing space."""
    _tr_flag(row, "w:cantSplit")
    if height_mm:
        row.height = Mm(height_mm)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _tr_flag(row: Any, tag: str) -> None:
    """Set an on/off property of a table row (``w:trPr``)."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn(tag)) is None:
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def shade(cell: Any, fill: str) -> None:
    """Background colour of a table cell (hex RGB)."""
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def shade_row(row: Any, fill: str) -> None:
    """Background colour of every cell of a row."""
    for cell in row.cells:
        shade(cell, fill)


TEXT_WIDTH_MM = 210 - 2 * 18


def fit_width(table: Any, first_mm: float | None = None) -> None:
    """Spread a table over the text width; an optional fixed first (label) column."""
    cols = len(table.columns)
    rest = cols - (1 if first_mm else 0)
    other = (TEXT_WIDTH_MM - (first_mm or 0)) / max(rest, 1)
    table.autofit = False
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Mm(first_mm if first_mm and i == 0 else other)


def styled(run: Any, bold: bool = False, color: Any = None, size: float | None = None) -> Any:
    """Bold, colour and size (pt) of a run; returns the run."""
    run.bold = bold or None
    if color is not None:
        run.font.color.rgb = color
    if size:
        run.font.size = Pt(size)
    return run
