"""Markdown from data fields into real Word paragraphs, lists and tables.

The Markdown is rendered with the site's safe converter, then the HTML is
walked: paragraphs, lists (numbers written as text, so each list starts at 1
in Word and LibreOffice alike), tables, and bold/italic runs.
"""

from __future__ import annotations

import logging
from typing import Any

import lxml.html
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm, Pt

from ..markup import md
from .docxstyle import repeat_header

log = logging.getLogger(__name__)

INDENT_MM = 6.5


def add_markdown(container: Any, text: str, table_style: str = "Table Grid") -> None:
    """Append the Markdown ``text`` to a document or table cell."""
    root = lxml.html.fragment_fromstring(str(md(text)) or "<p></p>", create_parent="div")
    for el in root:
        _block(container, el, table_style, depth=0)


def _block(container: Any, el: Any, table_style: str, depth: int) -> None:
    """Append one block element (paragraph, list, table, heading) to ``container``."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("ol", "ul"):
        for i, li in enumerate(el.findall("li"), start=1):
            marker = f"{i}." if tag == "ol" else "•"
            para = container.add_paragraph()
            fmt = para.paragraph_format
            fmt.left_indent = Mm(INDENT_MM * (depth + 1))
            fmt.first_line_indent = Mm(-INDENT_MM)
            para.add_run(f"{marker}\t")
            fmt.tab_stops.add_tab_stop(Mm(INDENT_MM * (depth + 1)))
            add_inline(para, li, skip_lists=True)
            for sub in li:
                if sub.tag in ("ol", "ul"):
                    _block(container, sub, table_style, depth + 1)
    elif tag == "table":
        add_html_table(container, el, table_style)
    elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"):
        para = container.add_paragraph()
        if tag == "blockquote":
            para.paragraph_format.left_indent = Mm(INDENT_MM)
        add_inline(para, el, bold=tag.startswith("h"))
    elif tag == "hr":
        container.add_paragraph("—" * 8)
    elif tag:
        para = container.add_paragraph()
        add_inline(para, el)


def add_inline(para: Any, el: Any, bold: bool = False, italic: bool = False, skip_lists: bool = False) -> None:
    """Add the text of ``el`` and its inline children as runs, keeping bold and italic."""
    if el.text:
        _run(para, el.text, bold, italic)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if skip_lists and tag in ("ol", "ul"):
            continue
        if tag == "br":
            para.add_run().add_break()
        elif tag in ("p",):   # loose list items wrap their text in <p>
            add_inline(para, child, bold, italic)
        else:
            add_inline(para, child, bold or tag in ("strong", "b"), italic or tag in ("em", "i"))
        if child.tail:
            _run(para, child.tail, bold, italic)


def _run(para: Any, text: str, bold: bool, italic: bool) -> None:
    """Append text as a run, keeping bold/italic."""
    text = text.replace("\n", " ")  # Markdown soft breaks are spaces
    if text:
        run = para.add_run(text)
        run.bold = bold or None
        run.italic = italic or None


def add_html_table(container: Any, table_el: Any, style: str) -> Any:
    """A Word table from an HTML ``<table>``: the first row is a repeated header."""
    rows = table_el.findall(".//tr")
    width = max((len(r.findall("th")) + len(r.findall("td")) for r in rows), default=1)
    table = container.add_table(rows=0, cols=width)
    table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, tr in enumerate(rows):
        cells = table.add_row().cells
        for c, cell_el in enumerate(tr.xpath("th|td")):
            para = cells[c].paragraphs[0]
            add_inline(para, cell_el, bold=cell_el.tag == "th" or r == 0)
            for run in para.runs:
                run.font.size = Pt(9)
    if rows:
        repeat_header(table.rows[0])
    return table
