"""A student hands in from WeChat: 提交 (提交码), 在浏览器中打开 (codes in the fragment), class from the link.

Playwright drives Chromium with WeChat's user agent on a phone-sized page; the 提交码 the dialog shows is
decoded by the Python reader (coursekit.collect.code) and read into a gradebook by ``coursekit collect``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from coursekit.collect import code
from worksheet_browser import (HOMEWORK, ROOT, VIEWPORTS, assignment_url, fill_everything, new_context, snapshot,
                               stored, submit_message, wait_saved, worksheet)

pytestmark = [pytest.mark.browser, pytest.mark.build]

WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2229A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like "
             "Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 "
             "MMWEBID/1234 MicroMessenger/8.0.50.2701(0x28003253) WeChat/arm64 Weixin NetType/WIFI "
             "Language/zh_CN ABI/arm64")
CLASS, DUE = "电商2301", "2026-10-09"
HELD_JS = "Object.fromEntries(CK.store.ids().map(id => [id, CK.store.load(id).answers]))"


def strings(value: Any) -> list[str]:
    """Every non-empty string inside an answer (text, table cells, matrix cells)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.fixture
def wechat(browser: Browser) -> Page:
    ctx = browser.new_context(user_agent=WECHAT_UA, locale="zh-CN", **VIEWPORTS["phone"])
    yield ctx.new_page()
    ctx.close()


def test_wechat_hand_in_by_code_and_open_in_browser(wechat: Page, browser: Browser, served_site: str,
                                                   tmp_path: Path) -> None:
    page = wechat
    page.goto(assignment_url(served_site, HOMEWORK, CLASS, DUE))
    # the notice is there before the student types anything
    notice = page.locator(".ck-hw-wechat")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("只保存在微信里")
    expect(notice).to_contain_text("提交")
    expect(notice).to_contain_text("在浏览器中打开")
    messages: dict[str, str] = {}
    for i, ws_id in enumerate(HOMEWORK):
        ws = worksheet(page, ws_id)
        cls = ws.get_by_label("班级", exact=True)
        expect(cls).to_have_value(CLASS)
        expect(cls).not_to_be_editable()
        expect(ws.locator(".ck-student-note")).to_have_text("班级由作业链接指定")
        expect(ws.locator(".ck-ws-due")).to_have_text(f"截止日期：{DUE}")
        # 提交 comes first and needs name and number
        expect(ws.locator(".ck-ws-tools > button").first).to_have_text("提交")
        if i == 0:
            ws.get_by_role("button", name="提交", exact=True).click()
            expect(ws.locator(".ck-ws-status")).to_contain_text("请先在工作单上方填写姓名")
            expect(ws.locator(".ck-submit-box")).to_be_hidden()
            ws.get_by_label("姓名", exact=True).fill("王 五")
            ws.get_by_label("学号", exact=True).fill("007")
        fill_everything(ws, f"W{i}")
        wait_saved(ws)
        messages[ws_id] = submit_message(ws)
        info = ws.locator(".ck-submit-info")
        expect(info).to_contain_text("粘贴到和老师的微信聊天里发送")
        expect(info).to_contain_text("提交码共 ")
    # the link's class is handed in, not stored as the student's own class
    assert page.evaluate("CK.store.student()") == {"name": "王 五", "class": "", "number": "007"}

    for ws_id, msg in messages.items():
        lines = msg.split("\n")
        assert lines[0].startswith("【作业提交】") and lines[0].endswith(f"｜{CLASS} 007 王 五"), lines[0]
        assert lines[1].startswith("提交码：CK1.")
        found = code.find(msg)
        assert len(found) == 1 and found[0].error == "", found
        sub = found[0].data
        assert sub is not None
        assert sub["worksheet"] == ws_id
        assert sub["student"] == {"name": "王 五", "class": CLASS, "number": "007"}
        assert sub["assignment"] == {"class": CLASS, "due": DUE}
        answers = stored(page, ws_id)
        assert sub["answers"] == answers
        fields = page.evaluate("id => CK.worksheets.list().find(w => w.id === id).fields.length", ws_id)
        assert len(answers) == fields, (ws_id, sorted(answers))
        assert any("😀" in s for s in strings(answers))

    before = {ws_id: snapshot(page, ws_id) for ws_id in HOMEWORK}
    ws = worksheet(page, HOMEWORK[0])
    ws.get_by_role("button", name="在浏览器中打开", exact=True).click()
    expect(ws.locator(".ck-ws-status")).to_contain_text("选择“在浏览器打开”")
    expect(ws.locator(".ck-link-box textarea")).to_have_value(page.url)
    url = page.url
    assert "#ck=CK1." in url and url.count("CK1.") == len(HOMEWORK)

    # the phone's own browser: a fresh profile with nothing stored
    ctx = new_context(browser, "phone")
    try:
        fresh = ctx.new_page()
        fresh.goto(url)
        for ws_id in HOMEWORK:
            worksheet(fresh, ws_id)
        fresh.wait_for_function("!location.hash")
        expect(fresh.locator(".ck-import-msg")).to_contain_text("已从链接导入 3 张工作单")
        fresh.wait_for_function("id => document.querySelector('.ck-worksheet[data-worksheet=\"' + id + '\"] "
                                "[data-student=name]').value === '王 五'", arg=HOMEWORK[0])
        for ws_id in HOMEWORK:
            assert snapshot(fresh, ws_id) == before[ws_id]
        assert fresh.evaluate("CK.store.student()") == {"name": "王 五", "class": "", "number": "007"}
        assert "#" not in fresh.url

        # a tampered code on the task page: a visible error, and what this browser holds stays as it was
        task = fresh.locator(f'[data-hw-item="{HOMEWORK[0]}"] .ck-hw-status a').evaluate("a => a.href")
        body_at = url.index("CK1.") + 20
        flipped = "A" if url[body_at] != "A" else "B"
        bad = url[:body_at] + flipped + url[body_at + 1:]
        held = fresh.evaluate(HELD_JS)
        other = ctx.new_page()
        other.goto(task.split("#")[0] + "#ck=" + bad.split("#ck=", 1)[1])
        worksheet(other, HOMEWORK[0])
        err = other.locator(".ck-import-error")
        expect(err).to_be_visible()
        expect(err).to_contain_text("不完整或被改动过")
        assert other.evaluate(HELD_JS) == held
        assert snapshot(other, HOMEWORK[0]) == before[HOMEWORK[0]]
    finally:
        ctx.close()

    # the teacher saves the chat messages as a .txt and runs coursekit collect
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "微信聊天.txt").write_text("\n\n".join(messages.values()), encoding="utf-8")
    out = tmp_path / "gradebook.xlsx"
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "coursekit"), "collect", str(inbox), "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    book = load_workbook(out)
    ids = {row[0].value: row[1].value for row in book["_coursekit"].iter_rows()}
    for ws_id in HOMEWORK:
        sheet = next(name for name, wid in ids.items() if wid == ws_id)
        rows = list(book[sheet].iter_rows(values_only=True))
        assert len(rows) == 2, rows
        head, row = rows[0], rows[1]
        assert row[:3] == (CLASS, "007", "王五") or row[:3] == (CLASS, "7", "王五"), row[:3]
        cells = {str(v) for v in row if v is not None}
        sub = code.find(messages[ws_id])[0].data
        assert sub is not None
        for value in sub["answers"].values():
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                # checklist: one column per item, marked when ticked
                for item in value:
                    col = next(n for n, h in enumerate(head) if str(h).endswith("·" + item))
                    assert row[col], (ws_id, item)
                continue
            for s in strings(value):
                assert s in cells, (ws_id, s, head)
