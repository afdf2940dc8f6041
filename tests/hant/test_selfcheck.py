"""The 课后自测 in the 繁體 edition: a blank's accepted answers are converted with the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

pytestmark = [pytest.mark.browser, pytest.mark.build]


def test_the_traditional_edition_accepts_a_blank_typed_in_traditional(browser: Browser, served_bilingual: str) -> None:
    """05-1 q16's accepted answer is 奖励: the 繁體 page shows 獎勵, and a reader there types 獎勵 (or 奖励)."""
    ctx = browser.new_context(locale="zh-TW")
    page = ctx.new_page()
    page.goto(served_bilingual + "/zh-hant/modules/05-engagement/1-mechanisms/")
    it = page.locator(".ck-quiz[data-quiz='05-1'] .ck-quiz-item[data-item='q16']")
    expect(it.locator(".ck-quiz-accepted")).to_have_text("獎勵")
    for typed in ("獎勵", "奖励"):
        it.get_by_label("第 1 空").fill(typed)
        it.get_by_role("button", name="提交").click()
        expect(it.locator(".ck-quiz-verdict")).to_have_text("✓ 回答正確")
        it.get_by_role("button", name="重做本題").click()
    ctx.close()
