"""Every built page, opened in Chromium, requests nothing from any other origin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.build]

LOCAL_SCHEMES = {"data", "blob", "about"}


def page_urls(site: Path, base: str) -> list[str]:
    """The URL of every HTML page of a built site (404.html included)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(f"{base}/{rel[:-len('index.html')] if rel.endswith('index.html') else rel}")
    return urls


def foreign_requests(page: Page, urls: list[str], base: str, idle: bool = True) -> dict[str, list[str]]:
    """Open each URL in turn (one browser context); return page → requests to other origins.

    ``idle`` waits for the network to be quiet for 500 ms (catches requests made after load, such as
    the search index, the search worker and mermaid); otherwise 250 ms after load, which is faster.
    """
    origin = urlsplit(base)[:2]
    current = {"url": ""}
    found: dict[str, list[str]] = {}

    def record(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts[:2] != origin:
            found.setdefault(current["url"], []).append(request.url)

    page.context.on("request", record)
    for url in urls:
        current["url"] = url
        response = page.goto(url, wait_until="networkidle" if idle else "load")
        assert response is not None and (response.ok or url.endswith("404.html")), url
        if not idle:
            page.wait_for_timeout(250)
    return found


def test_student_pages_load_only_from_the_site(page: Page, served_site: str, student_site: Path) -> None:
    urls = page_urls(student_site, served_site)
    assert len(urls) >= 30
    assert foreign_requests(page, urls, served_site) == {}


def test_teacher_pages_load_only_from_the_site(page: Page, served_teacher_site: str, teacher_site: Path) -> None:
    urls = page_urls(teacher_site, served_teacher_site)
    assert foreign_requests(page, urls, served_teacher_site, idle=False) == {}


def test_the_recorder_sees_foreign_requests(page: Page, served_site: str) -> None:
    """A page that does load from elsewhere is caught (the route answers locally: no traffic leaves)."""
    page.context.route("http://198.51.100.7/**", lambda route: route.fulfill(status=204, body=""))
    page.route(f"{served_site}/probe.html", lambda route: route.fulfill(
        content_type="text/html", body='<img src="http://198.51.100.7/pixel.png">'))
    found = foreign_requests(page, [f"{served_site}/probe.html"], served_site)
    assert found == {f"{served_site}/probe.html": ["http://198.51.100.7/pixel.png"]}
