"""Search on a phone (390 × 844, touch) in the built student site: compact results, "你要找的是不是",
and a clear button whose tooltip does not stay over the results (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.build]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser: Browser, served_site: str) -> Iterator[Page]:
    """A task page on a phone, with search open."""
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    page.goto(f"{served_site}/modules/04-traffic/3-fission/")
    page.locator("label.md-header__button[for=__search]").tap()
    yield page
    ctx.close()


def ask(page: Page, query: str) -> None:
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)


def test_each_result_is_a_title_and_one_highlighted_sentence(phone: Page) -> None:
    ask(phone, "社群裂变")
    items = phone.locator(".md-search-result__item")
    assert items.count() >= 3
    for item in items.all()[:5]:
        assert item.locator(".ck-search-teaser").count() <= 1
        assert item.locator("article ul, article ol, article li, .md-tags").count() == 0  # no objectives list, no tags
    teaser = items.first.locator(".ck-search-teaser")
    expect(teaser).to_have_count(1)
    assert teaser.locator("mark").count() >= 1
    assert len(teaser.inner_text()) <= 70
    first = items.first.bounding_box()
    assert first is not None and first["height"] < 844 / 2, first  # was a whole screen before issue 18


def test_pinyin_and_typos_say_what_was_searched(phone: Page) -> None:
    meta = phone.locator(".md-search-result__meta")
    ask(phone, "siyu")
    expect(meta.locator(".ck-search-suggest")).to_have_text("你要找的是不是：私域")
    assert "私域" in phone.locator(".md-search-result__item").first.inner_text()
    ask(phone, "社群列变")
    expect(meta.locator(".ck-search-suggest")).to_have_text("你要找的是不是：社群裂变")
    ask(phone, "社群裂变")  # typed right: nothing to suggest
    expect(meta.locator(".ck-search-suggest")).to_have_count(0)


def test_a_common_word_counts_every_page_found_and_says_how_many_are_listed(phone: Page) -> None:
    ask(phone, "社群")  # on nearly every page: the shards list the best ten
    meta = phone.locator(".md-search-result__meta")
    expect(meta).to_contain_text("只列出最相关的 10 个")
    found = int(meta.inner_text().split(" ", 1)[0])
    assert found > 10, meta.inner_text()
    assert phone.locator(".md-search-result__item").count() <= 11  # ten, or eleven with the glossary's entry
    ask(phone, "邓巴数")  # on a few pages: all of them are listed, nothing to say
    expect(meta).not_to_contain_text("只列出")


def test_a_piece_of_the_index_that_does_not_come_is_said_and_tried_again(phone: Page) -> None:
    phone.route("**/search/shards/t*", lambda route: route.fulfill(status=404))  # a deploy removed them
    box = phone.locator("input.md-search__input")
    box.fill("社群裂变")
    meta = phone.locator(".md-search-result__meta")
    expect(meta).to_contain_text("搜索数据没有下载成功", timeout=30_000)
    phone.unroute("**/search/shards/t*")
    ask(phone, "裂变")  # the network is back: the next query fetches again
    expect(meta).not_to_contain_text("没有下载成功")


def test_the_suggestion_is_text(phone: Page) -> None:
    box = phone.locator("input.md-search__input")
    box.fill("<img src=x onerror=window.__pwned=1>私欲")  # no lunr syntax (" : ~ ^ *), so it is corrected
    box.press("End")
    suggestion = phone.locator(".ck-search-suggest")
    expect(suggestion).to_have_text("你要找的是不是：<img src=x onerror=window.__pwned=1>私域", timeout=30_000)
    assert phone.evaluate("() => [window.__pwned, document.querySelectorAll('img[src=\"x\"]').length]") == [None, 0]


def test_the_clear_button_leaves_no_tooltip_over_the_results(phone: Page) -> None:
    ask(phone, "社群裂变")
    reset = phone.locator("button[type=reset]")
    assert reset.get_attribute("title") is None and reset.get_attribute("aria-label")
    reset.tap()
    phone.wait_for_timeout(300)  # material shows a tooltip on focus after a short delay
    ask(phone, "社群裂变")
    shown = phone.evaluate("() => [...document.querySelectorAll('.md-tooltip, .md-tooltip2')]"
                           ".filter(t => getComputedStyle(t).opacity !== '0').map(t => t.textContent.trim())")
    assert shown == []


SEARCH_FILES = ("search_index", "search/shards/", "workers/search.", "lunr")


def test_nothing_of_search_loads_before_the_reader_opens_it(browser: Browser, served_site: str) -> None:
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(f"{served_site}/modules/04-traffic/3-fission/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert [u for u in seen if any(f in u for f in SEARCH_FILES)] == []
    page.locator("label.md-header__button[for=__search]").tap()
    ask(page, "社群裂变")
    loaded = [u for u in seen if any(f in u for f in SEARCH_FILES)]
    assert any("search/shards/manifest.json" in u for u in loaded) and any("workers/search." in u for u in loaded)
    assert not any("search_index" in u for u in loaded), "the whole index is fetched: shards (coursekit/search/shards.py)"
    ctx.close()


def test_a_page_opened_from_a_result_still_highlights_the_words(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/modules/04-traffic/3-fission/?h=裂变海报")
    expect(page.locator("mark[data-md-highlight]").first).to_be_visible(timeout=30_000)
