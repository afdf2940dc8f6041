"""Pre-rendered diagrams in Chromium: inlined SVG, no mermaid download, fits a phone; the live fallback still works."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from coursekit.localserver import serve

from conftest import ENV, build

pytestmark = [pytest.mark.browser, pytest.mark.build]

LESSON = "/modules/04-traffic/3-fission/"  # three diagrams, one of them tall
MERMAID = "/assets/vendor/mermaid/mermaid.min.js"


def svg_heights(page: Page) -> list[float]:
    """The drawn height of each inlined diagram on the page."""
    heights: list[float] = page.locator(".ck-diagram > svg").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)")
    return heights


def test_a_lesson_shows_its_diagrams_without_loading_mermaid(page: Page, served_site: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site + LESSON, wait_until="networkidle")
    heights = svg_heights(page)
    assert len(heights) == 3 and min(heights) > 50, heights
    assert page.locator("pre.mermaid, div.mermaid").count() == 0
    assert not [u for u in requests if u.endswith(MERMAID)]


def test_diagrams_fit_a_phone(page: Page, served_site: str) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(served_site + LESSON, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    widths = page.locator(".ck-diagram > svg").evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
    assert widths and max(widths) <= 375, widths
    assert min(svg_heights(page)) > 30  # scaled down, not collapsed


@pytest.fixture(scope="module")
def served_live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The student site built with every diagram left to mermaid (as when a picture is missing), served."""
    out = tmp_path_factory.mktemp("site-live")
    result = build("mkdocs.yml", out, env={**ENV, "COURSEKIT_DIAGRAMS": "live"})
    assert result.returncode == 0, result.stderr
    with serve(out) as url:
        yield url


def test_a_diagram_without_picture_is_drawn_live_from_the_vendored_mermaid(page: Page, served_live_site: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_live_site + LESSON)
    # material draws the diagram into a closed shadow root: check that it took up space
    page.wait_for_function("() => { const d = document.querySelectorAll('div.mermaid');"
                           " return d.length === 3 && [...d].every(e => e.getBoundingClientRect().height > 30); }",
                           timeout=20_000)
    assert page.locator(".ck-diagram").count() == 0
    assert any(u.endswith(MERMAID) for u in requests)
    assert [u for u in requests if not u.startswith(served_live_site)] == []
