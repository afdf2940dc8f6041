"""Soak: 200 random edits across three worksheets, with reloads between batches, lose nothing."""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import Browser

from worksheet_browser import HOMEWORK, homework_url, new_context, snapshot, wait_saved, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.build]

EDITS = 200
RELOAD_EVERY = 25
PIECES = ["社群", "运营", "😀", "\n", " ", "A", "1", "“引号”", "=1+1", "🧑‍💻", "，", "拉新"]


def test_random_edits_with_reloads_lose_nothing(browser: Browser, served_site: str) -> None:
    rng = random.Random(20240301)
    ctx = new_context(browser, "phone")
    page = ctx.new_page()
    page.goto(homework_url(served_site))
    for ws_id in HOMEWORK:
        for add in worksheet(page, ws_id).locator('[data-act="row-add"]').all():
            add.click()
    for edit in range(1, EDITS + 1):
        ws_id = rng.choice(HOMEWORK)
        ws = worksheet(page, ws_id)
        kind = rng.random()
        boxes, checks = ws.locator(".ck-ctl[type=checkbox]"), ws.locator(".ck-ctl[type=radio]")
        if kind < 0.7 or not (boxes.count() or checks.count()):
            texts = ws.locator("textarea.ck-ctl, input.ck-ctl[type=text]")
            texts.nth(rng.randrange(texts.count())).fill("".join(rng.choices(PIECES, k=rng.randint(0, 8))))
        elif kind < 0.85 and boxes.count():
            boxes.nth(rng.randrange(boxes.count())).click()
        elif checks.count():
            checks.nth(rng.randrange(checks.count())).check()
        if edit % RELOAD_EVERY == 0:
            expected = {w: snapshot(page, w) for w in HOMEWORK}
            wait_saved(ws)
            page.reload()
            for w in HOMEWORK:
                worksheet(page, w)
                assert snapshot(page, w) == expected[w], f"lost after edit {edit} in {w}"
    ctx.close()
