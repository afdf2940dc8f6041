"""Markup typed into any record field never runs or renders in Chromium: not in the pages, not in search
results (material inserts an entry's title and text as HTML), not on the homework page, not on hover.

The fixture course gets a payload in every free-text field of every record kind
(:func:`test_injection.inject`: worksheet, SOP and case titles, brand, industry,
glossary terms and aliases...) and is built (its mkdocs.yml lists the coursekit plugin) with the
site's scripts, so the search entries of :mod:`coursekit.search.records` exist.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Page

from conftest import ROOT, build, copy_course
from coursekit.localserver import serve
from search_driver import SearchBox
from test_injection import inject

pytestmark = [pytest.mark.browser, pytest.mark.build]

PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
SCRIPTS = ["ck-store.js", "ck-fields.js", "ck-fieldkinds.js", "ck-text.js", "ck-code.js", "ck-actions.js", "worksheets.js",
           "ck-assign.js", "ck-homework.js", "a11y.js"]
# Titles of the fixture's records and what a search for them must show (each with the payload in it).
QUERIES = {"全字段工作单": "ws-all-fields", "每日运营": "sop-daily", "虚构的社群": "case-made-up",
           "小嘉农场": "case-made-up", "农产品": "case-made-up", "私域流量": "term-private-traffic", "私域": "term-private-traffic"}
CLEAN = "() => [window.__pwned === undefined, document.querySelectorAll('img[src=\"x\"]').length]"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    course = tmp_path_factory.mktemp("search-injected") / "course"
    copy_course(course)
    for path in (course / "data").glob("*/*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(inject(data, payload=PAYLOAD), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    shutil.copytree(ROOT / "docs/assets/javascripts", course / "docs/assets/javascripts")
    shutil.copy(ROOT / "docs/homework.md", course / "docs/homework.md")
    config = yaml.safe_load((course / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    assert "coursekit" in config["plugins"]  # the fixture course lists it: record entries, query rewrite
    config["theme"]["features"] = ["search.highlight", "search.suggest", "content.tooltips"]
    config["extra_javascript"] = [f"assets/javascripts/{s}" for s in SCRIPTS]
    config["nav"].append("homework.md")
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (course / "mkdocs.yml").write_text(text.replace("format: coursekit", "format: !!python/name:coursekit"),
                                       encoding="utf-8")
    result = build("mkdocs.yml", course / "site", cwd=course)
    assert result.returncode == 0, result.stderr
    index = (course / "site/search/search_index.json").read_text(encoding="utf-8")
    assert "#case-made-up" in index  # the coursekit plugin added the record entries
    with serve(course / "site") as base:
        yield base


def clean(page: Page, where: str) -> None:
    assert page.evaluate(CLEAN) == [True, 0], where


def test_no_record_field_runs_in_pages_search_or_tooltips(page: Page, served: str) -> None:
    for path in ("", "modules/01-alpha/", "modules/01-alpha/1-first/", "library/worksheets/", "library/sops/",
                 "library/cases/", "library/glossary/", "homework/?w=all-fields"):
        page.goto(f"{served}/{path}", wait_until="networkidle")
        for link in page.locator("article a[href*='#term-'], article a[title]").all()[:5]:
            link.hover()
        clean(page, path)
    page.wait_for_selector(".ck-hw-item .ck-worksheet", state="attached")  # the homework page loaded it
    clean(page, "homework")

    box = SearchBox(page, f"{served}/")
    as_text = []
    for query, anchor in QUERIES.items():
        results = box.ask(query)
        assert any(link.endswith("#" + anchor) for links in results for link in links), (query, results)
        shown = page.locator(".md-search-result__list").inner_text()
        if PAYLOAD[:20] in shown.replace("\u200b", ""):  # the markup shows as text
            as_text.append(query)
        page.locator(".md-search-result__item").first.hover()
        clean(page, f"search {query}")
    # a result shows its title and one sentence (issue 18): the payload is in every title, not in every sentence
    assert len(as_text) >= len(QUERIES) - 2, as_text
