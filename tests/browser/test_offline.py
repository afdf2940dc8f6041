"""The offline classroom bundle: unzipped and opened from file://, search and diagrams work, nothing is fetched."""

from __future__ import annotations

import zipfile
from pathlib import Path

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


def test_offline_features_are_the_sites_without_instant_navigation() -> None:
    main = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["theme"]["features"]
    offline = yaml.safe_load((ROOT / "mkdocs.offline.yml").read_text(encoding="utf-8"))["theme"]["features"]
    assert offline == [f for f in main if f != "navigation.instant"]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python tags; only plain keys are read here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
