"""The sharded index in Chromium (coursekit/search/shards.py, shards.js): material's worker given the
shards' manifest ranks exactly as it does given the whole index, fetching only what a query needs.

Both workers are asked directly (worker_driver.py), without the result list in between.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import worker_driver as wd
from playwright.sync_api import Browser, Page
from search_driver import load_queries

from coursekit.localserver import serve
from coursekit.search import shards

pytestmark = [pytest.mark.browser, pytest.mark.build]

WHOLE, MANIFEST = "/search/search_index.json", "/search/shards/manifest.json"


def worker_path(site: Path) -> str:
    return "/" + str(next((site / "assets/javascripts/workers").glob("search.*.min.js")).relative_to(site))


@pytest.fixture()
def both(browser: Browser, student_site: Path) -> Iterator[Page]:
    with serve(student_site) as url:
        page = browser.new_page()
        page.goto(url + "/")
        wd.start(page, "whole", worker_path(student_site), WHOLE)
        wd.start(page, "shards", worker_path(student_site), MANIFEST)
        yield page
        page.close()


def test_shards_rank_every_suite_query_as_the_whole_index_does(both: Page) -> None:
    differ = []
    for q in load_queries():
        whole, parts = (wd.ranking(wd.ask(both, n, q.q)) for n in ("whole", "shards"))
        if whole != parts:
            differ.append(f"{q.q}: whole {whole[:3]}, shards {parts[:3]}")
    assert differ == [], "\n".join(differ)


# A small course: 裂变 on every page, most often on p0 (so, with one posting per tier, p1 … p4 are in the
# tail); 独有词 on p2 only; p3's text has markup typed as text.
DOCS = [{"location": f"p{i}/", "title": f"第{i}页", "text": "<p>" + "裂变 " * (5 - i) + "社群</p>"} for i in range(5)]
DOCS[2]["text"] += "<p>这里 有 独有词</p>"
DOCS[3]["text"] += "<p>&lt;img src=x onerror=alert(1)&gt; 裂变 与 增长</p>"
DOCS[3]["title"] = "&lt;b&gt; 粗体 &lt;/b&gt;"
DOCS.insert(4, {"location": "p3/#part", "title": "第三页 的 一节", "text": "<p>裂变 裂变 裂变 裂变 裂变 裂变</p>"})


@pytest.fixture(scope="module")
def small_site(student_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """material's worker and lunr from the built site, with the small course's index, shards in tiers of one."""
    site = tmp_path_factory.mktemp("shards-site")
    for folder in ("assets/javascripts/workers", "assets/javascripts/lunr"):
        shutil.copytree(student_site / folder, site / folder)
    config = json.loads((student_site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    (site / "search").mkdir()
    (site / "search/search_index.json").write_text(json.dumps({"config": config, "docs": DOCS}), encoding="utf-8")
    (site / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    shards.write(site, tier=1)
    return site


@pytest.fixture()
def small(browser: Browser, small_site: Path) -> Iterator[tuple[Page, list[str]]]:
    with serve(small_site) as url:
        page = browser.new_page()
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url))
        page.goto(url + "/")
        wd.start(page, "whole", worker_path(small_site), WHOLE)
        wd.start(page, "shards", worker_path(small_site), MANIFEST)
        yield page, fetched
        page.close()


def tails(fetched: list[str]) -> list[str]:
    return [u for u in fetched if "/search/shards/x" in u]


def test_postings_left_out_of_the_first_tier_are_fetched_and_ranked(small: tuple[Page, list[str]]) -> None:
    page, fetched = small
    parts = wd.ranking(wd.ask(page, "shards", "裂变"))
    assert tails(fetched), "the tail of 裂变 was not fetched"
    assert parts == wd.ranking(wd.ask(page, "whole", "裂变"))
    assert sorted(g[0].split("#")[0] for g in parts) == [f"p{i}/" for i in range(5)]  # p1 … p4 only in the tail


def test_a_rare_word_needs_no_tail(small: tuple[Page, list[str]]) -> None:
    page, fetched = small
    assert wd.ranking(wd.ask(page, "shards", "独有词")) == [["p2/"]]
    assert tails(fetched) == []


def test_document_text_reaches_the_results_escaped(small: tuple[Page, list[str]]) -> None:
    page, _ = small
    (group,) = wd.ask(page, "shards", "粗体 增长")["items"]
    assert "&lt;b&gt;" in group[0]["title"] and "<mark>粗体</mark>" in group[0]["title"]
    markup = re.findall(r"<[^>]*>", group[0]["title"] + "".join(doc.get("text", "") for doc in group))
    assert set(markup) <= {"<mark>", "</mark>", '<p class="ck-search-teaser">', "</p>"}, markup


# Two queries at once, as two keystrokes: the answers, in the order they arrive.
TWO = """([a, b]) => new Promise(resolve => {
  const w = window.__workers.shards, got = [];
  w.onmessage = ev => { got.push(ev.data.data); if (got.length === 2) resolve(got); };
  w.postMessage({type: 2, data: a});
  w.postMessage({type: 2, data: b});
})"""


def test_answers_come_in_the_order_of_the_queries(both: Page) -> None:
    # the first needs shards no query has fetched yet; the second could be answered sooner
    first, second = both.evaluate(TWO, ["私域流量复购", "社"])
    assert wd.ranking(first) == wd.ranking(wd.ask(both, "whole", "私域流量复购"))
    assert wd.ranking(second) == wd.ranking(wd.ask(both, "whole", "社"))
