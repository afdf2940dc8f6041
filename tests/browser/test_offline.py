"""The offline classroom bundle: unzipped and opened from file://, search and diagrams work, nothing is fetched."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from playwright.sync_api import Page, expect
from search_driver import SearchBox

from conftest import ROOT, run

pytestmark = [pytest.mark.browser, pytest.mark.build]

NAME = "社群运营实战课"


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``coursekit offline`` run for real, and its zip unpacked."""
    tmp = tmp_path_factory.mktemp("offline")
    result = run("coursekit", "offline", "--out", tmp / "bundle.zip")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp / "bundle.zip") as zf:
        assert "使用说明.txt" in zf.namelist()
        zf.extractall(tmp / "unzipped")
    return tmp / "unzipped" / NAME


def test_search_works_from_file_urls(page: Page, unzipped: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    box = SearchBox(page, (unzipped / "modules" / "04-traffic" / "index.html").as_uri())
    results = box.ask("社群裂變")  # Traditional: the query rewrite is in the offline worker too
    assert results and results[0][0] == "modules/04-traffic/3-fission.html", results[:3]
    assert box.ask("意见领袖")[0][0] == "modules/05-engagement/1-mechanisms.html"
    page.locator(".md-search-result__item > a").first.click()
    expect(page.locator("article.md-content__inner h1")).to_contain_text("活跃机制")
    assert requests and [u for u in requests if not u.startswith("file://")] == []


def test_diagrams_show_without_loading_mermaid(page: Page, unzipped: Path) -> None:
    """Diagrams are inlined SVG (coursekit.diagrams), so they show from file:// without mermaid."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((unzipped / "modules" / "01-preparation" / "1-know-community.html").as_uri(), wait_until="networkidle")
    heights = page.locator(".ck-diagram > svg").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert len(heights) == 2 and min(heights) > 30, heights
    assert not [u for u in requests if u.endswith("/assets/vendor/mermaid/mermaid.min.js")]
    assert (unzipped / "assets" / "vendor" / "mermaid" / "mermaid.min.js").exists()  # for a diagram drawn live
    assert [u for u in requests if not u.startswith("file://")] == []


def test_homework_link_offline_points_to_the_task_page(page: Page, unzipped: Path) -> None:
    """file:// pages cannot fetch each other: the homework page says so and links to where the worksheet is."""
    page.goto((unzipped / "homework.html").as_uri() + "?w=swot-talent&c=电商2301")
    expect(page.get_by_role("alert")).to_contain_text("到任务页上填写")
    link = page.locator('.ck-hw-item[data-hw-item="swot-talent"] a')
    link.click()
    expect(page.locator('.ck-worksheet[data-worksheet="swot-talent"]')).to_be_visible()


def test_every_link_in_the_bundle_opens_a_file(unzipped: Path) -> None:
    """From file:// a link must name a file (…/index.html), also in the HTML our templates write."""
    broken = set()
    for page in unzipped.rglob("*.html"):
        if page.name == "404.html":  # a server's error page (absolute links); file:// never shows it
            continue
        for href in re.findall(r'(?:href|src)="([^"#?:]+)[^"]*"', page.read_text(encoding="utf-8")):
            target = (page.parent / unquote(href)).resolve()
            if not target.is_file():
                broken.add((page.relative_to(unzipped).as_posix(), href))
    assert sorted(broken)[:10] == []


def test_offline_features_are_the_sites_without_instant_navigation() -> None:
    main = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["theme"]["features"]
    offline = yaml.safe_load((ROOT / "mkdocs.offline.yml").read_text(encoding="utf-8"))["theme"]["features"]
    assert offline == [f for f in main if f != "navigation.instant"]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python tags; only plain keys are read here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
