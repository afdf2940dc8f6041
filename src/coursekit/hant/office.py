"""Handouts in Traditional Chinese (``coursekit handouts --lang zh-Hant``).

Each file is made as in Simplified but tagged zh-TW and set in the TC fonts
(the writers take the job's language, :mod:`coursekit.handouts.fonts`), then
converted where its text is: a PDF's HTML (and the page footer in its
stylesheets) before WeasyPrint draws it, a DOCX or XLSX file's XML text nodes
after it is written (sheet names too). Attributes such as font names and
styles are left alone.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from lxml import etree

from .convert import HANT, Converter

log = logging.getLogger(__name__)

DEFAULT = "zh-Hans"
LANGS = (DEFAULT, HANT)
TEXT_PARTS = re.compile(r"^(word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml|xl/sharedStrings\.xml|"
                        r"xl/worksheets/sheet\d+\.xml|xl/workbook\.xml|docProps/core\.xml|ppt/(slides|notesSlides)/"
                        r"\w+\.xml)$")
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"


def convert_pdf_html(html: str, conv: Converter) -> str:
    """A print document's text (and running headers) in Traditional; its lang and fonts come from the writer."""
    from .html import PRINT_ATTRS, convert_html
    return convert_html(html, conv, PRINT_ATTRS)


def convert_office(path: Path, conv: Converter) -> None:
    """Convert the text of a DOCX, XLSX or PPTX file in place."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
    tmp = path.with_name(path.name + ".hant")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if TEXT_PARTS.match(info.filename):
                data = _convert_xml(data, conv)
            out.writestr(info, data)
    tmp.replace(path)


def _convert_xml(data: bytes, conv: Converter) -> bytes:
    """Every text node (and sheet name) of one XML part."""
    root = etree.fromstring(data)
    nodes = [el for el in root.iter() if isinstance(el.tag, str) and el.text and el.text.strip()]
    sheets = [el for el in root.iter(_SHEET)]
    texts = conv.convert_many([el.text for el in nodes] + [el.get("name", "") for el in sheets])
    for el, text in zip(nodes, texts):
        el.text = text
    for el, name in zip(sheets, texts[len(nodes):]):
        el.set("name", name)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
