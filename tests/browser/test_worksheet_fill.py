"""Fill-in worksheets in a real Chromium: every field kind survives reloads, instant navigation and new versions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from coursekit.localserver import QuietHandler, serve

from worksheet_browser import (
    HOMEWORK,
    fill_everything,
    fill_student,
    homework_url,
    new_context,
    snapshot,
    wait_saved,
    worksheet,
)

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def instant_site(student_site: Path) -> Iterator[str]:
    """The student site served with a sitemap naming its pages, as when deployed with ``site_url`` set.

    material's instant navigation only intercepts links listed in sitemap.xml, and mkdocs writes an empty
    sitemap while ``site_url`` is empty; the sitemap is made per request so its host and port match.
    """
    pages = sorted(p.parent.relative_to(student_site).as_posix() for p in student_site.rglob("index.html"))

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            if self.path != "/sitemap.xml":
                return super().do_GET()
            host = self.headers["Host"]
            urls = "".join(f"<url><loc>http://{host}/{'' if p == '.' else p + '/'}</loc></url>" for p in pages)
            body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                    f'sitemap/0.9">{urls}</urlset>').encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serve(student_site, Handler) as url:
        yield url


@pytest.fixture(params=["desktop", "phone"])
def page(request: pytest.FixtureRequest, browser: Browser) -> Page:
    """A page in a fresh profile, at desktop and at phone size."""
    ctx = new_context(browser, request.param)
    yield ctx.new_page()
    ctx.close()


def test_every_field_kind_survives_a_reload(page: Page, served_site: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(homework_url(served_site))
    before = {}
    for ws_id in HOMEWORK:
        ws = worksheet(page, ws_id)
        fill_everything(ws, ws_id)
        wait_saved(ws)
        before[ws_id] = snapshot(page, ws_id)
    fill_student(worksheet(page, HOMEWORK[0]), "张三", "电商2301", "07")
    assert all(len(s) > 5 for s in before.values())
    kinds = page.eval_on_selector_all(".ck-field[data-kind]", "els => [...new Set(els.map(e => e.dataset.kind))]")
    assert sorted(kinds) == ["checklist", "matrix", "rating", "table", "text", "textarea"]
    page.reload()
    for ws_id in HOMEWORK:
        worksheet(page, ws_id)
        assert snapshot(page, ws_id) == before[ws_id]
    # the student bar is shared: typed once, shown on every worksheet
    for ws_id in HOMEWORK:
        expect(worksheet(page, ws_id).get_by_label("姓名", exact=True)).to_have_value("张三")
    assert errors == []


def test_every_control_is_labelled_and_reachable_by_keyboard(page: Page, served_site: str) -> None:
    page.goto(homework_url(served_site))
    ws = worksheet(page, "lead-magnet-design")
    unlabelled = ws.evaluate("""el => Array.from(el.querySelectorAll('input, textarea, select, button'))
      .filter(e => !e.hidden && !(e.closest('[hidden]')))
      .filter(e => !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.labels && e.labels.length
                     || e.textContent.trim()))
      .map(e => e.outerHTML.slice(0, 80))""")
    assert unlabelled == []
    first = ws.locator("textarea.ck-ctl, input.ck-ctl[type=text]").first
    first.focus()
    page.keyboard.type("键盘输入")
    page.keyboard.press("Tab")
    page.keyboard.type("下一格")
    wait_saved(ws)
    values = [v for _, v in snapshot(page, "lead-magnet-design")]
    assert "键盘输入" in values and "下一格" in values


def test_instant_navigation_keeps_answers_and_sets_up_new_pages(page: Page, instant_site: str) -> None:
    served_site = instant_site
    page.goto(f"{served_site}/modules/01-preparation/3-professional/")
    ws = worksheet(page, "swot-talent")
    fill_everything(ws, "即时导航")
    wait_saved(ws)
    before = snapshot(page, "swot-talent")
    page.evaluate("window.__sameDocument = true")
    page.evaluate("""() => { const a = document.createElement('a'); a.id = 'ck-go';
        a.href = '../../02-positioning/1-planning/'; a.textContent = '去项目2';
        document.querySelector('article').prepend(a); }""")
    page.locator("#ck-go").click()  # material intercepts same-site links: no page load
    expect(page).to_have_url(f"{served_site}/modules/02-positioning/1-planning/")
    other = worksheet(page, "persona-compare")  # re-initialised after material swapped the page in
    other.locator("textarea.ck-ctl").first.fill("另一页的答案")
    wait_saved(other)
    page.go_back()
    expect(page).to_have_url(f"{served_site}/modules/01-preparation/3-professional/")
    worksheet(page, "swot-talent")
    assert page.evaluate("window.__sameDocument") is True, "material's instant navigation was not used"
    assert snapshot(page, "swot-talent") == before
    page.go_forward()
    expect(worksheet(page, "persona-compare").locator("textarea.ck-ctl").first).to_have_value("另一页的答案")


def test_answers_from_an_older_version_are_kept(page: Page, served_site: str) -> None:
    """A field that no longer exists shows as 旧版本答案; matching fields keep their answers."""
    page.goto(f"{served_site}/modules/01-preparation/3-professional/")
    old = {"version": "0000000000", "answers": {"use": "保留的对策", "gone": "删掉的栏目里的答案",
                                                 "swot": {"s": "优势", "x": "多出来的格"}},
           "labels": {"gone": "旧栏目"}, "old": [], "updated": "2024-01-01T00:00:00.000Z"}
    page.evaluate("rec => localStorage.setItem('ck:ws:swot-talent', JSON.stringify(rec))", old)
    page.reload()
    ws = worksheet(page, "swot-talent")
    expect(ws.get_by_label("U——用（发挥优势，Use）")).to_have_value("保留的对策")
    expect(ws.get_by_label("SWOT 矩阵 S——优势")).to_have_value("优势")
    panel = ws.locator(".ck-old")
    expect(panel).to_contain_text("旧版本答案")
    expect(panel).to_contain_text("旧栏目")
    expect(panel).to_contain_text("删掉的栏目里的答案")
    expect(panel).to_contain_text("多出来的格")
    saved = json.loads(page.evaluate("localStorage.getItem('ck:ws:swot-talent')"))
    assert saved["version"] == ws.get_attribute("data-version")
    assert {o["field"] for o in saved["old"]} == {"gone", "swot"}
    page.reload()  # still there after another load: never dropped
    expect(worksheet(page, "swot-talent").locator(".ck-old")).to_contain_text("删掉的栏目里的答案")


def test_clearing_asks_first(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/modules/01-preparation/3-professional/")
    ws = worksheet(page, "swot-talent")
    box = ws.get_by_label("U——用（发挥优势，Use）")
    box.fill("不要丢")
    wait_saved(ws)
    ws.locator(".ck-more > summary").click()
    page.once("dialog", lambda d: d.dismiss())
    ws.get_by_role("button", name="清空本表答案").click()
    expect(box).to_have_value("不要丢")
    page.once("dialog", lambda d: d.accept())
    ws.get_by_role("button", name="清空本表答案").click()
    expect(box).to_have_value("")
    page.reload()
    expect(worksheet(page, "swot-talent").get_by_label("U——用（发挥优势，Use）")).to_have_value("")


def test_storage_failure_shows_a_warning_and_export_still_works(browser: Browser, served_site: str,
                                                                tmp_path) -> None:
    ctx = new_context(browser, "desktop")
    ctx.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); };""")
    page = ctx.new_page()
    page.goto(f"{served_site}/modules/01-preparation/3-professional/")
    ws = worksheet(page, "swot-talent")
    expect(ws.locator(".ck-storage-warning")).to_be_visible()
    expect(ws.locator(".ck-storage-warning")).to_contain_text("存储空间已满")
    fill_student(ws, "李四", "电商2302", "12")
    ws.get_by_label("U——用（发挥优势，Use）").fill("存不下也能导出")
    with page.expect_download() as info:
        ws.get_by_role("button", name="下载 Word").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    from coursekit.collect.read import read_file
    assert read_file(path)[0].answers["use"] == "存不下也能导出"
    ctx.close()
