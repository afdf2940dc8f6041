"""Exports in a real Chromium: Word (read back exactly), JSON backup and import, print / PDF, plain text."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Browser, Page, expect

from coursekit.collect.read import read_file
from worksheet_browser import (
    HOMEWORK,
    download,
    fill_everything,
    fill_student,
    homework_url,
    new_context,
    snapshot,
    wait_saved,
    worksheet,
)

pytestmark = [pytest.mark.browser, pytest.mark.build]

LESSON = "/modules/01-preparation/3-professional/"
LONG = ("社群运营😀\n" * 834)[:5000]          # 5,000 characters: Chinese, emoji and newlines
TRICKY = "第一行\n\n  缩进与\t制表符  \n“引号”<标签>&符号 🧑‍🤝‍🧑"


@pytest.fixture
def page(browser: Browser) -> Page:
    ctx = new_context(browser, "desktop")
    yield ctx.new_page()
    ctx.close()


def _paragraph_after(document: docx.document.Document, label: str) -> str:
    """The text of the paragraph right after a field's label in the Word file."""
    texts = [p.text for p in document.paragraphs]
    return texts[texts.index(label) + 1]


@pytest.mark.office  # converts the file with LibreOffice too
def test_word_file_reads_back_exactly(page: Page, served_site: str, tmp_path: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site + LESSON)
    ws = worksheet(page, "swot-talent")
    assert not any("fflate" in u or "ck-docx" in u for u in requests), "the Word writer must load only on click"
    fill_student(ws, "王小明", "电商2301", "07")
    ws.get_by_label("U——用（发挥优势，Use）").fill(LONG)
    ws.get_by_label("S——停（停止或弥补劣势，Stop）").fill(TRICKY)
    ws.get_by_label("SWOT 矩阵 S——优势").fill("会写文案\n会剪视频 🎬")
    ws.get_by_label("E——成（抓住机会，Exploit）").fill("=HYPERLINK(\"http://x\")")
    path = download(page, ws, "下载 Word", tmp_path)
    assert path.name == "电商2301-07-王小明-swot-talent.docx"
    assert any(u.endswith("/assets/vendor/fflate/fflate.min.js") for u in requests)
    assert [u for u in requests if not u.startswith(served_site)] == []

    sub = read_file(path)[0]   # the collector reads the custom XML part
    assert (sub.worksheet, sub.student.name, sub.student.cls, sub.student.number) == \
        ("swot-talent", "王小明", "电商2301", "07")
    assert sub.answers == {"use": LONG, "stop": TRICKY, "swot": {"s": "会写文案\n会剪视频 🎬"},
                           "exploit": "=HYPERLINK(\"http://x\")"}
    assert sub.version == ws.get_attribute("data-version")

    document = docx.Document(str(path))  # and Word's visible text says the same
    assert _paragraph_after(document, "U——用（发挥优势，Use）") == LONG
    assert _paragraph_after(document, "S——停（停止或弥补劣势，Stop）") == TRICKY
    assert "王小明" in document.paragraphs[1].text and "电商2301" in document.paragraphs[1].text
    swot = document.tables[0]
    assert swot.cell(1, 1).text == "S——优势\n会写文案\n会剪视频 🎬"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)

    # an office suite opens it too (LibreOffice, installed by scripts/install-system-deps.sh)
    out = tmp_path / "pdf"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   env={**os.environ, "HOME": str(tmp_path)}, capture_output=True, timeout=180, check=True)
    assert "王小明" in _pdf_text((out / path.with_suffix(".pdf").name).read_bytes(), tmp_path)


def test_word_needs_the_student_first(page: Page, served_site: str) -> None:
    page.goto(served_site + LESSON)
    ws = worksheet(page, "swot-talent")
    ws.get_by_role("button", name="下载 Word").click()
    expect(ws.locator(".ck-ws-status")).to_contain_text("请先")
    expect(ws.get_by_label("姓名", exact=True)).to_be_focused()


def test_json_backup_moves_answers_to_a_new_device(browser: Browser, served_site: str, tmp_path: Path) -> None:
    old = new_context(browser, "phone")
    page = old.new_page()
    page.goto(homework_url(served_site))
    before = {}
    for ws_id in HOMEWORK:
        ws = worksheet(page, ws_id)
        fill_everything(ws, "备份" + ws_id)
        wait_saved(ws)
        before[ws_id] = snapshot(page, ws_id)
    fill_student(worksheet(page, HOMEWORK[0]), "赵六", "电商2301", "21")
    backup = download(page, worksheet(page, HOMEWORK[0]), "备份全部答案（JSON）", tmp_path)
    assert backup.name.startswith("电商2301-21-赵六-答案备份-") and backup.suffix == ".json"
    assert set(json.loads(backup.read_text(encoding="utf-8"))["worksheets"]) == set(HOMEWORK)
    old.close()

    new = new_context(browser, "desktop")  # another device: empty storage
    page = new.new_page()
    page.goto(homework_url(served_site))
    ws = worksheet(page, HOMEWORK[1])
    assert all(v in ("", False) for _, v in snapshot(page, HOMEWORK[1]))
    ws.locator(".ck-more > summary").click()
    ws.locator("input[type=file]").set_input_files(str(backup))
    expect(ws.locator(".ck-ws-status")).to_contain_text("已导入 3 张")
    for ws_id in HOMEWORK:
        assert snapshot(page, ws_id) == before[ws_id]
    expect(ws.get_by_label("姓名", exact=True)).to_have_value("赵六")
    page.reload()
    for ws_id in HOMEWORK:
        worksheet(page, ws_id)
        assert snapshot(page, ws_id) == before[ws_id]
    new.close()


def test_import_rejects_other_files(page: Page, served_site: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}', encoding="utf-8")
    page.goto(served_site + LESSON)
    ws = worksheet(page, "swot-talent")
    ws.locator(".ck-more > summary").click()
    ws.locator("input[type=file]").set_input_files(str(junk))
    expect(ws.locator(".ck-ws-status")).to_contain_text("不是本站导出的答案备份文件")


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """Text of a PDF, via poppler's pdftotext."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_print_shows_answers_and_the_student(page: Page, served_site: str, tmp_path: Path) -> None:
    page.goto(served_site + LESSON)
    ws = worksheet(page, "swot-talent")
    fill_student(ws, "孙七", "电商2303", "33")
    ws.get_by_label("U——用（发挥优势，Use）").fill("打印出来的答案第一行\n打印出来的第二行")
    ws.get_by_label("SWOT 矩阵 W——劣势").fill("不会做表格")
    wait_saved(ws)
    page.evaluate("""() => { const ws = document.querySelector('[data-worksheet="swot-talent"]');
        document.body.classList.add('ck-print-one'); ws.classList.add('ck-print-target');
        for (let p = ws.parentElement; p && p !== document.body; p = p.parentElement) p.classList.add('ck-print-path'); }""")
    page.emulate_media(media="print")
    text = _pdf_text(page.pdf(format="A4"), tmp_path)
    for expected in ("姓名：孙七", "班级：电商2303", "学号：33", "打印出来的答案第一行", "打印出来的第二行", "不会做表格"):
        assert expected in text
    assert "下载 Word" not in text and "社群运营实战课" not in text.split("\n")[0]
    assert "职业素养" not in text  # only this worksheet: the lesson around it is left out

    page.evaluate("document.body.classList.add('ck-print-blank')")
    blank = _pdf_text(page.pdf(format="A4"), tmp_path)
    assert "社群运营人才 SWOT 分析表" in blank and "打印出来的答案第一行" not in blank and "孙七" not in blank


def test_copy_as_text(page: Page, served_site: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(served_site + LESSON)
    ws = worksheet(page, "swot-talent")
    fill_student(ws, "周八", "电商2301", "8")
    ws.get_by_label("U——用（发挥优势，Use）").fill("发挥沟通优势")
    ws.get_by_role("button", name="复制为文本").click()
    expect(ws.locator(".ck-ws-status")).to_contain_text("已复制")
    text = ws.locator(".ck-copy-box textarea").input_value()
    assert "姓名：周八" in text and "U——用（发挥优势，Use）：\n发挥沟通优势" in text
