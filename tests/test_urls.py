"""Page URLs and links between pages, with directory URLs (the site) and without (the offline bundle)."""

from __future__ import annotations

import pytest

from coursekit.urls import link, page_url


@pytest.mark.parametrize("src, directory, file", [
    ("index.md", "", "index.html"),
    ("modules/01-preparation/index.md", "modules/01-preparation/", "modules/01-preparation/index.html"),
    ("modules/01-preparation/1-know-community.md", "modules/01-preparation/1-know-community/",
     "modules/01-preparation/1-know-community.html"),
])
def test_page_urls_match_mkdocs(src: str, directory: str, file: str) -> None:
    assert page_url(src, directory_urls=True) == directory
    assert page_url(src, directory_urls=False) == file


@pytest.mark.parametrize("target, source, anchor, directory, file", [
    ("modules/01-preparation/index.md", "modules/01-preparation/1-know-community.md", "", "../", "index.html"),
    ("modules/01-preparation/index.md", "index.md", "", "modules/01-preparation/", "modules/01-preparation/index.html"),
    ("modules/04-traffic/3-fission.md", "homework.md", "ws-x", "../modules/04-traffic/3-fission/#ws-x",
     "modules/04-traffic/3-fission.html#ws-x"),
    ("library/glossary.md", "modules/05-engagement/1-mechanisms.md", "term-kol",
     "../../../library/glossary/#term-kol", "../../library/glossary.html#term-kol"),
])
def test_links_work_with_and_without_directory_urls(target: str, source: str, anchor: str, directory: str,
                                                    file: str) -> None:
    assert link(target, source, anchor, directory_urls=True) == directory
    assert link(target, source, anchor, directory_urls=False) == file
