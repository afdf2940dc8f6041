"""Student answers holding markup, script or formulas stay text: in the page, after reload, in the
Word file the student hands in, and in the gradebook ``coursekit collect`` makes from it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from playwright.sync_api import Browser, Page

from conftest import run
from worksheet_browser import download, fill_student, new_context, wait_saved, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.build]

LESSON = "/modules/01-preparation/3-professional/"
MARK = "XSS9"
MARKUP = (f'<script>alert("{MARK}")</script><img src=x onerror="alert(\'{MARK}\')">'
          f'</w:t></w:r><w:r><w:t>{MARK}&amp;<b>粗</b>')
FORMULA = '=HYPERLINK("http://198.51.100.7/","点我")'
AT_FORMULA = "@SUM(1,1)"
FIELDS = {"U——用（发挥优势，Use）": MARKUP, "E——成（抓住机会，Exploit）": FORMULA, "S——停（停止或弥补劣势，Stop）": AT_FORMULA}


@pytest.fixture
def page(browser: Browser) -> Page:
    ctx = new_context(browser, "desktop")
    yield ctx.new_page()
    ctx.close()


def test_answers_stay_text_from_browser_to_gradebook(page: Page, served_site: str, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(served_site + LESSON)
    ws = worksheet(page, "swot-talent")
    fill_student(ws, "李<i>四</i>", "电商2302", "11")
    for label, text in FIELDS.items():
        ws.get_by_label(label).fill(text)
    wait_saved(ws)

    page.reload()
    ws = worksheet(page, "swot-talent")
    for label, text in FIELDS.items():
        assert ws.get_by_label(label).input_value() == text
    assert page.evaluate(f"[...document.scripts].some(s => s.text.includes('{MARK}'))") is False
    assert page.locator('img[src="x"], b:has-text("粗")').count() == 0

    handins = tmp_path / "handins"
    handins.mkdir()
    path = download(page, ws, "下载 Word", handins)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for label, text in FIELDS.items():
        assert texts[texts.index(label) + 1] == text
    assert "李<i>四</i>" in "\n".join(texts)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert "<script" not in body and "<b>" not in body and "<i>" not in body

    book = tmp_path / "gradebook.xlsx"
    result = run("coursekit", "collect", handins, "-o", book)
    assert result.returncode == 0, result.stderr
    cells = [c for sheet in openpyxl.load_workbook(book).worksheets for row in sheet.iter_rows() for c in row]
    by_value = {c.value: c for c in cells if isinstance(c.value, str)}
    assert MARKUP in by_value
    for formula in (FORMULA, AT_FORMULA):
        assert by_value[formula].data_type == "s" and by_value[formula].quotePrefix
    assert not [c.value for c in cells if c.data_type == "f" and ("HYPERLINK" in str(c.value) or "@" in str(c.value))]
    assert dialogs == []
