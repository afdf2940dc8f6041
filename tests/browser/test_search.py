"""Chinese search in a real Chromium: unspaced queries find the page that teaches them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.build]


def search(page: Page, query: str) -> None:
    """Type a query the way a reader does: the text, then a key (material itself listens for keyup only)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")


def results(page: Page) -> list[str]:
    items = page.locator(".md-search-result__item > a")
    expect(items.first).to_be_visible(timeout=10_000)
    return [h.replace("\u200b", "") for h in items.evaluate_all("els => els.map(e => e.href)")]


def test_unspaced_query_reaches_the_right_page(page: Page, served_site: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{served_site}/modules/01-preparation/")
    search(page, "感知价值")
    hrefs = results(page)
    assert any("/modules/01-preparation/2-definition-marketing/" in h for h in hrefs[:3]), hrefs
    page.locator(".md-search-result__item > a").first.click()
    expect(page.locator("article.md-content__inner")).to_contain_text("感知价值")
    assert [u for u in requests if not u.startswith(served_site)] == []


def test_text_that_arrives_without_a_key_is_searched(page: Page, served_site: str) -> None:
    """Pasted text, or what a Chinese input method commits, fires input and no keyup (as Playwright's fill)."""
    page.goto(f"{served_site}/")
    search(page, "感知价值")  # typed: the worker is ready and has answered
    assert any("/2-definition-marketing/" in h for h in results(page)[:3])
    page.locator("input.md-search__input").fill("社群裂变")  # no key pressed
    expect(page.locator(".md-search-result__item > a").first).to_have_attribute(
        "href", re.compile(r"modules/04-traffic/3-fission/"))


def test_last_word_of_an_unspaced_query_counts(page: Page, served_site: str) -> None:
    """Stock material drops 画像 from 用户画像 (its segmenter stops one character short)."""
    page.goto(f"{served_site}/")
    search(page, "竞品用户画像")
    hrefs = results(page)
    assert any("/modules/02-positioning/1-planning/" in h for h in hrefs[:3]), hrefs


def test_page_loads_nothing_from_other_hosts(page: Page, served_site: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("/", "/modules/01-preparation/1-know-community/", "/library/glossary/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
    assert requests and [u for u in requests if not u.startswith(served_site)] == []


def test_diagrams_are_inlined_so_mermaid_is_not_loaded(page: Page, served_site: str) -> None:
    """Diagrams are pre-rendered SVG (diagrams/, coursekit.diagrams); mermaid stays vendored for the fallback."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{served_site}/modules/01-preparation/1-know-community/", wait_until="networkidle")
    diagram = page.locator(".ck-diagram > svg").first
    expect(diagram).to_be_visible()
    assert diagram.evaluate("e => e.getBoundingClientRect().height") > 30
    assert not [u for u in requests if u.endswith("/assets/vendor/mermaid/mermaid.min.js")]
    assert [u for u in requests if not u.startswith(served_site)] == []
