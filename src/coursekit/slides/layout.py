"""The deck's master: 16:9, the course's colours and CJK fonts, set once in the theme and master.

python-pptx's default template is 4:3 with Office colours and no East Asian
font. Here it is widened (every placeholder of the master and its layouts moved
and stretched in proportion), the theme's fonts get an East Asian typeface
(微软雅黑, or 微軟正黑體 for Traditional: on every Windows and in WPS; LibreOffice
falls back to Noto Sans CJK), accent 1 becomes the site's teal (tables use it),
and the master gets a top bar. A teacher changes the look of every slide in
one place: the slide master.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

log = logging.getLogger(__name__)

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
TEAL = RGBColor.from_string("00695C")  # type: ignore[no-untyped-call]
INK = RGBColor.from_string("263238")  # type: ignore[no-untyped-call]
GREY = RGBColor.from_string("606B70")  # type: ignore[no-untyped-call]
FONTS = {"zh-Hans": ("Microsoft YaHei", "zh-CN"), "zh-Hant": ("Microsoft JhengHei", "zh-TW")}
"""Language → (East Asian typeface, language tag of the text)."""
LAYOUT = {"title": 0, "bullets": 1, "section": 2, "two": 3, "title_only": 5}
"""Slide kinds → layouts of the default template."""
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def new_presentation(lang: str = "zh-Hans") -> Any:
    """An empty 16:9 presentation with the course's master."""
    prs = Presentation()
    scale = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_master
    # layouts first: their placeholders may inherit the master's position, read here before it changes
    for shapes in [*(layout.placeholders for layout in prs.slide_layouts), master.placeholders]:
        for ph in shapes:
            left, top, width, height = ph.left, ph.top, ph.width, ph.height
            if left is not None:  # all four are set together: setting one writes the others as 0
                ph.left, ph.top = Emu(int(left * scale)), top
                ph.width, ph.height = Emu(int(width * scale)), height
    _theme(master, FONTS[lang][0])
    _text_styles(master)
    _title_band(prs)
    return prs


def _theme(master: Any, typeface: str) -> None:
    """East Asian typeface for headings and body; accent 1 in the course's teal."""
    theme = master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = xml.replace('<a:ea typeface=""/>', f'<a:ea typeface="{typeface}"/>')
    xml = re.sub(r'(<a:font script="Han[st]" typeface=")[^"]*(")', rf"\g<1>{typeface}\g<2>", xml)
    xml = re.sub(r'(<a:latin typeface=")Calibri[^"]*(")', r"\g<1>Arial\g<2>", xml)
    xml = re.sub(r"<a:accent1>.*?</a:accent1>", f'<a:accent1><a:srgbClr val="{TEAL}"/></a:accent1>', xml)
    theme._blob = xml.encode("utf-8")  # a plain Part: its bytes are what is saved


def _text_styles(master: Any) -> None:
    """Titles: left-aligned, 32 pt, teal; body: 24/20/18 pt, dark grey."""
    styles = master.element.find(f"{{{_P}}}txStyles")
    title = styles.find(f"{{{_P}}}titleStyle/{{{_A}}}lvl1pPr")
    title.set("algn", "l")
    rpr = title.find(f"{{{_A}}}defRPr")
    rpr.set("sz", "3200")
    rpr.set("b", "1")
    _fill(rpr, str(TEAL))
    for level, size in ((1, 2400), (2, 2000), (3, 1800), (4, 1600), (5, 1600)):
        lvl = styles.find(f"{{{_P}}}bodyStyle/{{{_A}}}lvl{level}pPr")
        if lvl is not None:
            body = lvl.find(f"{{{_A}}}defRPr")
            body.set("sz", str(size))
            _fill(body, str(INK))


def _fill(rpr: Any, hex_colour: str) -> None:
    """Replace a run style's colour."""
    for old in rpr.findall(f"{{{_A}}}solidFill"):
        rpr.remove(old)
    fill = etree.SubElement(rpr, f"{{{_A}}}solidFill")
    etree.SubElement(fill, f"{{{_A}}}srgbClr", val=hex_colour)
    rpr.insert(0, fill)  # the schema wants the fill before the fonts


def _title_band(prs: Any) -> None:
    """A thin teal bar across the top of every slide, drawn on the master."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT["title_only"]])  # shapes can only be made on a slide
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.12))
    bar.fill.solid()
    bar.fill.fore_color.rgb = TEAL
    bar.line.fill.background()
    bar.name = "Course band"
    tree = prs.slide_master.shapes._spTree
    tree.insert(2, copy.deepcopy(bar._element))  # after the group properties, behind the placeholders
    _drop_slide(prs, 0)


def _drop_slide(prs: Any, index: int) -> None:
    """Remove a slide and its part."""
    ids = prs.slides._sldIdLst
    sld = ids[index]
    prs.part.drop_rel(sld.rId)
    ids.remove(sld)
