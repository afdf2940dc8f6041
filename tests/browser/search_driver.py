"""Drive material's search box in Chromium: the relevance suite and bench/search.py share this.

A query is typed as a reader does (fill, then a key: material listens for keyup),
and the result list is read once material has answered this query.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import yaml
from playwright.sync_api import Page

log = logging.getLogger(__name__)

QUERIES = Path(__file__).resolve().parents[1] / "search_queries.yml"
TOP = 3

# The pages' paths (relative to the site root) and anchors of each result, in order; one list per page.
READ_RESULTS = """base => [...document.querySelectorAll('.md-search-result__item')].map(li =>
  [...li.querySelectorAll('a')].map(a => { const u = new URL(a.href);
    return decodeURI(u.pathname).slice(base.length) + u.hash; }))"""

# Milliseconds from a keyup to the first result in the list (after the index has loaded).
LATENCY = """query => new Promise(resolve => {
  const input = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const observer = new MutationObserver(() => {
    if (list.querySelector('.md-search-result__item')) { observer.disconnect(); resolve(performance.now() - t0); }
  });
  observer.observe(list, {childList: true, subtree: true});
  input.value = query;
  const t0 = performance.now();
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
})"""


@dataclass(frozen=True)
class Query:
    """One query of the relevance suite and the page it must find."""

    q: str
    expect: str
    kind: str
    anchor: str = ""


@dataclass(frozen=True)
class Answer:
    """What the site answered: result pages in order, each with its links."""

    query: Query
    results: list[list[str]]

    @property
    def pages(self) -> list[str]:
        """The page of each result, in order."""
        return [links[0].split("#")[0] if links else "" for links in self.results]

    @property
    def hit(self) -> bool:
        """The expected page (and anchor, if any) is among the first results."""
        return self.hit_in(TOP)

    @property
    def first(self) -> bool:
        """The expected page (and anchor, if any) is the first result."""
        return self.hit_in(1)

    def hit_in(self, top: int) -> bool:
        """The expected page (and anchor, if any) is among the first ``top`` results."""
        for links in self.results[:top]:
            if links and links[0].split("#")[0] == self.query.expect:
                return not self.query.anchor or any(link.endswith("#" + self.query.anchor) for link in links)
        return False


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The relevance suite."""
    return [Query(**item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


class SearchBox:
    """The search box of one open page, ready for queries."""

    def __init__(self, page: Page, url: str, probe: str = "社群") -> None:
        self.page = page
        page.goto(url)
        self.base = page.evaluate("() => decodeURI(new URL(JSON.parse(document.querySelector('#__config')"
                                  ".textContent).base, location.href).pathname)")
        if not self.base.endswith("/"):
            self.base += "/"
        page.locator("label.md-search__icon, .md-search__input").first.click()
        self.box = page.locator("input.md-search__input")
        # material answers a query typed before its index is ready once it is: wait for a probe's results
        self.box.fill(probe)
        self.box.press("End")
        page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
        self.box.fill("")
        self.box.press("End")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=10_000)
        self.idle = page.locator(".md-search-result__meta").text_content() or ""  # "type to start searching"

    def ask(self, query: str) -> list[list[str]]:
        """Type a query and return the results, as site-relative links grouped by page."""
        self._clear()
        self.box.fill(query)
        self.box.press("End")
        self.page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t",
                                    arg=self.idle, timeout=10_000)
        return [[link.replace("\u200b", "") for link in links] for links in self.page.evaluate(READ_RESULTS, self.base)]

    def latency(self, query: str) -> float:
        """Milliseconds from the keyup of ``query`` to its first result on screen."""
        self._clear()
        return float(self.page.evaluate(LATENCY, query))

    def _clear(self) -> None:
        """Empty the box and wait until the result list says so."""
        self.box.fill("")
        self.box.press("End")
        self.page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent === t",
                                    arg=self.idle, timeout=10_000)


def run_suite(page: Page, url: str, queries: list[Query]) -> list[Answer]:
    """Ask every query on the site at ``url``."""
    box = SearchBox(page, url)
    return [Answer(q, box.ask(q.q)) for q in queries]


def hit_rate(answers: list[Answer], top: int = TOP) -> float:
    """The share of queries whose expected page is in the first ``top`` results."""
    return sum(a.hit_in(top) for a in answers) / len(answers) if answers else 0.0
