"""The site as a student meets it inside WeChat: its in-app browser on Android (XWEB), phone-sized.

WeChat's browser is Chromium underneath on Android; what differs is its user agent, which the
worksheet toolbar reads to explain how to get a file out of WeChat, and how links arrive (a homework
link pasted in the class group). The real app cannot run here; this is the closest honest stand-in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from worksheet_browser import VIEWPORTS, download, fill_student, homework_url, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.build]

WECHAT_UA = ("Mozilla/5.0 (Linux; Android 12; PGBM10 Build/SP1A.210812.016; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5235 "
             "MMWEBSDK/20230805 MMWEBID/1234 MicroMessenger/8.0.42.2460(0x28002A35) WeChat/arm64 Weixin "
             "NetType/WIFI Language/zh_CN ABI/arm64")


@pytest.fixture
def wechat(browser: Browser) -> Page:
    ctx = browser.new_context(user_agent=WECHAT_UA, accept_downloads=True, locale="zh-CN", **VIEWPORTS["phone"])
    yield ctx.new_page()
    ctx.close()


def test_homework_link_in_wechat_explains_how_to_get_the_word_file_out(wechat: Page, served_site: str,
                                                                      tmp_path: Path) -> None:
    wechat.goto(homework_url(served_site, ("swot-talent",)))
    ws = worksheet(wechat, "swot-talent")
    fill_student(ws, "王五", "电商2301", "7")
    ws.locator("textarea.ck-ctl").first.fill("优势：会拍短视频")
    path = download(wechat, ws, "下载 Word", tmp_path)
    assert path.name == "电商2301-7-王五-swot-talent.docx"
    expect(ws.locator(".ck-ws-status")).to_contain_text("在浏览器打开")


def test_wechat_reader_finds_a_lesson_by_an_unspaced_query(wechat: Page, served_site: str) -> None:
    wechat.goto(served_site + "/")
    wechat.locator('label[for="__search"]').first.click()
    box = wechat.locator("input.md-search__input")
    box.fill("社群裂变")
    first = wechat.locator(".md-search-result__item a").first
    expect(first).to_have_attribute("href", re.compile(r"modules/04-traffic/3-fission/"))
