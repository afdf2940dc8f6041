"""Each handout language's fonts and tag, read back from real files: SC and zh-CN, or TC and zh-TW."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from coursekit.handouts.fonts import face, localize_css
from coursekit.hant import converter
from coursekit.registry import load

from conftest import FIXTURE, ROOT

from .conftest import flat, pdf_fonts, pdf_text

PDFS = ["01-alpha/worksheets/all-fields.pdf", "01-alpha/worksheets/all-fields.teacher.pdf",
        "01-alpha/sops/daily.pdf", "01-alpha/cases/made-up.pdf", "schedule.pdf"]
WORKBOOKS = ["01-alpha/sops/daily.xlsx", "schedule.xlsx"]
SC_FONTS = ("Noto-Sans-CJK-SC", "Noto-Serif-CJK-SC")
TC_FONTS = ("Noto-Sans-CJK-TC", "Noto-Serif-CJK-TC")


@pytest.fixture(scope="module", params=["zh-Hans", "zh-Hant"])
def pack(request: pytest.FixtureRequest) -> tuple[str, Path]:
    """(language, output folder) of the fixture course's handouts, once per language."""
    name = "fixture_pack" if request.param == "zh-Hans" else "fixture_pack_hant"
    out = request.getfixturevalue(name)
    return request.param, out[0] if isinstance(out, tuple) else out


def test_each_language_has_its_own_fonts_and_tag() -> None:
    assert face("zh-Hans") == face() and (face().sans, face().serif, face().tag) == (
        "Noto Sans CJK SC", "Noto Serif CJK SC", "zh-CN")
    assert (face("zh-Hant").sans, face("zh-Hant").serif, face("zh-Hant").tag) == (
        "Noto Sans CJK TC", "Noto Serif CJK TC", "zh-TW")


@pytest.mark.parametrize("sheet", ["print/handout.css", "print/book.css", "print/common.css"])
def test_stylesheets_get_the_traditional_fonts_everywhere(sheet: str) -> None:
    css = (ROOT / "templates" / sheet).read_text(encoding="utf-8")
    assert localize_css(css, "zh-Hans") == css
    hant = localize_css(css, "zh-Hant")
    assert "Noto Sans CJK SC" not in hant and "Noto Serif CJK SC" not in hant
    assert hant.count("Noto Sans CJK TC") == css.count("Noto Sans CJK SC")  # @page margin boxes included
    assert hant.count("Noto Serif CJK TC") == css.count("Noto Serif CJK SC")


@pytest.mark.parametrize("name", PDFS)
def test_pdfs_embed_only_their_languages_fonts_and_carry_its_tag(pack: tuple[str, Path], name: str) -> None:
    lang, out = pack
    fonts = pdf_fonts(out / name)
    assert fonts, "no fonts embedded"
    allowed, other = (SC_FONTS, TC_FONTS) if lang == "zh-Hans" else (TC_FONTS, SC_FONTS)
    assert all(f.startswith(allowed) for f in fonts), fonts  # running headers and page numbers too
    assert not any(f.startswith(other) for f in fonts), fonts
    assert PdfReader(out / name).trailer["/Root"]["/Lang"] == face(lang).tag


def test_traditional_worksheet_pdf_text_is_traditional(fixture_pack_hant: Path) -> None:
    ws = load(FIXTURE).get("worksheets", "all-fields")
    text = flat(pdf_text(fixture_pack_hant / PDFS[0]))
    title = converter(FIXTURE).convert(ws.title)
    assert title != ws.title and flat(title) in text
    for simplified, traditional in (("工作单", "工作單"), ("班级", "班級"), ("页", "頁")):
        assert traditional in text and simplified not in text  # 頁: the page footer, a CSS content string


def test_word_worksheet_names_its_languages_font_and_tag(pack: tuple[str, Path]) -> None:
    lang, out = pack
    document = docx.Document(str(out / "01-alpha/worksheets/all-fields.docx"))
    for name in ("Normal", "Title", "Heading 2", "Heading 3"):
        rpr = document.styles[name].element.rPr
        assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == face(lang).sans, name
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == face(lang).tag, name
    assert document.core_properties.language == face(lang).tag


@pytest.mark.parametrize("name", WORKBOOKS)
def test_workbook_cells_use_their_languages_font(pack: tuple[str, Path], name: str) -> None:
    lang, out = pack
    book = openpyxl.load_workbook(out / name)
    fonts = {c.font.name for ws in book for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {face(lang).sans}
