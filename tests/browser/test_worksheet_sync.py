"""Answers that must not be lost in the browser: two tabs, storage full, a removed table column, a bad link.

Real Chromium on the built student site; answers are read back after a reload (and from the Word file).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from coursekit.collect.read import read_file
from worksheet_browser import download, fill_student, new_context, wait_saved, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.build]

SWOT = "/modules/01-preparation/3-professional/"
LEAD = "/modules/04-traffic/1-preparation/"
TABLE = "候选诱饵比较 第 1 行 "
# lead-magnet-design's candidates table once had a 预计效果 column between 成本 and 吸引力（1–5）
OLD_HEADS = ["诱饵", "成本", "预计效果", "吸引力（1–5）", "获取门槛", "合规风险"]
OLD_ROW = ["试吃装", "每份 3 元", "拉新 200 人", "4", "进群领取", "食品标签"]


def _box(ws: Locator, i: int) -> Locator:
    """The i-th of three separate textarea fields of swot-talent (each its own field, unlike the matrix)."""
    return ws.locator(f'.ck-field[data-field="{("use", "stop", "exploit")[i]}"] textarea.ck-ctl')


def test_two_tabs_typing_into_different_fields_keep_both(browser: Browser, served_site: str) -> None:
    ctx = new_context(browser, "desktop")
    one, two = ctx.new_page(), ctx.new_page()
    one.goto(served_site + SWOT)
    two.goto(served_site + SWOT)
    a, b = worksheet(one, "swot-talent"), worksheet(two, "swot-talent")
    _box(a, 0).fill("第一个标签页写的")
    wait_saved(a)
    _box(b, 1).fill("第二个标签页写的")
    wait_saved(b)
    expect(_box(a, 1)).to_have_value("第二个标签页写的")  # the other tab's save shows up here too
    expect(_box(b, 0)).to_have_value("第一个标签页写的")
    _box(a, 0).fill("后来改的")
    wait_saved(a)
    expect(_box(b, 0)).to_have_value("后来改的")
    _box(b, 2).fill("第三格")  # a save from the tab holding the older value of box 0 must not bring it back
    expect(b.locator(".ck-ws-status")).to_contain_text("正在保存")
    wait_saved(b)
    one.close()
    two.close()
    page = ctx.new_page()
    page.goto(served_site + SWOT)
    ws = worksheet(page, "swot-talent")
    expect(_box(ws, 0)).to_have_value("后来改的")
    expect(_box(ws, 1)).to_have_value("第二个标签页写的")
    expect(_box(ws, 2)).to_have_value("第三格")
    ctx.close()


def test_edits_in_the_focused_field_are_not_overwritten_by_another_tab(browser: Browser, served_site: str) -> None:
    ctx = new_context(browser, "desktop")
    one, two = ctx.new_page(), ctx.new_page()
    one.goto(served_site + SWOT)
    two.goto(served_site + SWOT)
    a, b = worksheet(one, "swot-talent"), worksheet(two, "swot-talent")
    _box(b, 0).fill("正在写")  # tab two is typing here (focused)
    _box(a, 1).fill("别处写的")
    wait_saved(a)
    expect(_box(b, 1)).to_have_value("别处写的")  # updated: not being edited in tab two
    expect(_box(b, 0)).to_have_value("正在写")  # left alone while tab two edits it
    _box(b, 0).fill("正在写完")
    wait_saved(b)
    two.reload()
    ws = worksheet(two, "swot-talent")
    expect(_box(ws, 0)).to_have_value("正在写完")
    expect(_box(ws, 1)).to_have_value("别处写的")
    ctx.close()


FULL_JS = """() => {
  const setItem = Storage.prototype.setItem;
  window.__full = true;  // only small values fit, as in a nearly full storage
  Storage.prototype.setItem = function (k, v) {
    if (window.__full && String(v).length > 80) throw new DOMException('full', 'QuotaExceededError');
    return setItem.call(this, k, v);
  };
}"""


def test_storage_full_warning_stays_until_the_answer_is_saved(browser: Browser, served_site: str) -> None:
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    page.add_init_script(f"({FULL_JS})()")
    page.goto(served_site + SWOT)
    ws = worksheet(page, "swot-talent")
    warning = ws.locator(".ck-storage-warning")
    expect(warning).to_be_hidden()
    _box(ws, 0).fill("存储满时写的答案")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("存储空间已满")
    ws.get_by_label("姓名", exact=True).fill("李四")  # a small write that succeeds
    page.wait_for_function("() => JSON.parse(localStorage.getItem('ck:student') || '{}').name === '李四'")
    page.wait_for_timeout(500)
    expect(warning).to_be_visible()
    page.evaluate("() => { window.__full = false; }")  # space freed: the pending answer is retried
    expect(warning).to_be_hidden(timeout=10_000)
    expect(ws.locator(".ck-ws-status")).to_contain_text("已自动保存")
    page.reload()
    expect(_box(worksheet(page, "swot-talent"), 0)).to_have_value("存储满时写的答案")
    ctx.close()


def _seed(page: Page, answers: dict, columns: dict | None = None) -> None:
    record = {"version": "old", "answers": answers, "labels": {}, "old": [], "updated": "2025-03-01T00:00:00Z"}
    if columns is not None:
        record["columns"] = columns
    page.evaluate("r => localStorage.setItem('ck:ws:lead-magnet-design', JSON.stringify(r))", record)
    page.reload()


def test_removed_table_column_keeps_answers_under_their_headers(browser: Browser, served_site: str,
                                                               tmp_path: Path) -> None:
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    page.goto(served_site + LEAD)
    worksheet(page, "lead-magnet-design")
    _seed(page, {"candidates": [OLD_ROW]}, {"candidates": OLD_HEADS})
    ws = worksheet(page, "lead-magnet-design")
    expect(ws.get_by_label(TABLE + "诱饵", exact=True)).to_have_value("试吃装")
    expect(ws.get_by_label(TABLE + "成本", exact=True)).to_have_value("每份 3 元")
    expect(ws.get_by_label(TABLE + "吸引力（1–5）", exact=True)).to_have_value("4")
    expect(ws.get_by_label(TABLE + "获取门槛", exact=True)).to_have_value("进群领取")
    expect(ws.get_by_label(TABLE + "合规风险", exact=True)).to_have_value("食品标签")
    expect(ws.locator(".ck-old")).to_contain_text("拉新 200 人")  # the removed column's answer stays visible

    fill_student(ws, "张三", "电商2301", "7")
    ws.get_by_label(TABLE + "获取门槛", exact=True).fill("扫码进群领取")
    wait_saved(ws)
    sub = read_file(download(page, ws, "下载 Word", tmp_path))[0]
    assert sub.answers["candidates"][0]["获取门槛"] == "扫码进群领取"
    assert sub.answers["candidates"][0]["合规风险"] == "食品标签"
    stored = json.loads(page.evaluate("() => localStorage.getItem('ck:ws:lead-magnet-design')"))
    assert stored["answers"]["candidates"][0]["吸引力（1–5）"] == "4"

    _seed(page, {"candidates": [OLD_ROW]})  # no header list and another width: not shifted, kept visible
    ws = worksheet(page, "lead-magnet-design")
    expect(ws.get_by_label(TABLE + "获取门槛", exact=True)).not_to_have_value("4")
    for value in OLD_ROW:
        expect(ws.locator(".ck-old")).to_contain_text(value)
    ctx.close()


def test_quote_in_the_homework_link_says_which_worksheets_were_not_found(browser: Browser,
                                                                          served_site: str) -> None:
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f'{served_site}/homework/?w=a"b,swot-talent,x\']y')
    missing = page.locator('[data-hw="missing"]')
    expect(missing).to_be_visible()
    expect(missing).to_contain_text('a"b')
    expect(missing).to_contain_text("x']y")
    worksheet(page, "swot-talent")
    assert errors == []
    ctx.close()
