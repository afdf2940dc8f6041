"""Search in the 繁體中文 edition, in Chromium: the relevance suite's queries typed in Traditional find what
the same queries in Simplified find on the Simplified edition."""

from __future__ import annotations

import sys

import opencc
import pytest
from playwright.sync_api import Browser

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from search_driver import TOP, Query, hit_rate, load_queries, run_suite  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.build]

MAX_LOSS = 0.05
"""The Traditional edition may miss at most this share more queries than the Simplified one."""


def traditional(queries: list[Query], config: str) -> list[Query]:
    """The same queries as a reader in Taiwan (s2twp) or Hong Kong (s2t characters) would type them."""
    conv = opencc.OpenCC(config)
    return [Query(str(conv.convert(q.q)), q.expect, q.kind, q.anchor) for q in queries]


@pytest.mark.parametrize("config", ["s2twp", "s2t"])
def test_traditional_queries_find_as_much_as_simplified_ones(browser: Browser, served_bilingual: str,
                                                            config: str) -> None:
    queries = load_queries()
    page = browser.new_page()
    simplified = run_suite(page, served_bilingual + "/", queries)
    hant = run_suite(page, served_bilingual + "/zh-hant/", traditional(queries, config))
    page.close()
    missed = [f"  {a.query.q!r}: expected {a.query.expect}, got {a.pages[:TOP]}" for a in hant if not a.hit]
    report = f"Simplified {hit_rate(simplified):.0%}, Traditional ({config}) {hit_rate(hant):.0%}\n" + "\n".join(missed)
    assert hit_rate(hant) >= hit_rate(simplified) - MAX_LOSS, report


def test_a_simplified_query_works_in_the_traditional_edition(browser: Browser, served_bilingual: str) -> None:
    """A reader who types Simplified on the Traditional site still finds the page (characters are mapped)."""
    queries = [q for q in load_queries() if q.kind == "unspaced"][:5]
    page = browser.new_page()
    answers = run_suite(page, served_bilingual + "/zh-hant/", queries)
    page.close()
    assert hit_rate(answers) >= 0.8, [(a.query.q, a.pages[:TOP]) for a in answers]


def test_the_switch_opens_the_same_page_in_the_browser(browser: Browser, served_bilingual: str) -> None:
    page = browser.new_page()
    page.goto(served_bilingual + "/modules/04-traffic/3-fission/")
    page.locator('a.md-select__link[hreflang="zh-TW"]').dispatch_event("click")
    page.wait_for_url("**/zh-hant/modules/04-traffic/3-fission/")
    assert page.locator("html").get_attribute("lang") == "zh-TW"
    assert "社群裂變" in page.locator("h1").inner_text()
    page.locator('a.md-select__link[hreflang="zh-CN"]').dispatch_event("click")
    page.wait_for_url(lambda url: url.endswith("/modules/04-traffic/3-fission/") and "zh-hant" not in url)
    page.close()
