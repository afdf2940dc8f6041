"""Chromium measurements of a built site: page weight on first load, search latency, search relevance."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from measure import gzip_size

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from search_driver import TOP, SearchBox, hit_rate, load_queries, run_suite  # noqa: E402

from coursekit.chromium import ARGS, CHROMIUM  # noqa: E402
from coursekit.localserver import serve  # noqa: E402

INDEX = "search/search_index.json"


def page_types(site: Path) -> dict[str, str]:
    """A page of each type; for lessons the heaviest with and without a diagram."""
    lessons = sorted((p for p in (site / "modules").glob("*/*/index.html")), key=lambda p: p.stat().st_size)
    drawn = ('class="mermaid"', 'class="ck-diagram"')  # drawn live, or inlined from diagrams/
    plain = [p for p in lessons if not any(d in p.read_text(encoding="utf-8") for d in drawn)]
    diagram = [p for p in lessons if p not in plain]
    rel = lambda p: p.parent.relative_to(site).as_posix() + "/"  # noqa: E731
    types = {"home": "", "project": "modules/01-preparation/", "lesson (heaviest, no diagram)": rel(plain[-1]),
             "library: worksheets": "library/worksheets/", "library: glossary": "library/glossary/"}
    if diagram:
        types["lesson (heaviest with a diagram)"] = rel(diagram[-1])
    return types


def weigh(browser, site: Path, url: str, path: str) -> dict:
    """First load of one page in a fresh context: requests, gzip bytes (index apart), other hosts."""
    context = browser.new_context()
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(f"{url}/{path}", wait_until="networkidle")
    if page.locator("pre.mermaid, div.mermaid").count():
        page.wait_for_function("() => !document.querySelector('pre.mermaid')", timeout=30_000)
        page.wait_for_load_state("networkidle")
    context.close()
    local = [u for u in seen if u.startswith(url)]
    files = []
    for u in dict.fromkeys(local):
        rel = unquote(urlparse(u).path).lstrip("/")
        f = site / rel
        if f.is_dir() or not rel:
            f = f / "index.html"
        files.append((rel or "index.html", gzip_size(f) if f.is_file() else 0))
    index = sum(size for rel, size in files if rel == INDEX)
    return {"path": path, "requests": len(local), "other_hosts": sorted({urlparse(u).netloc for u in seen
                                                                         if not u.startswith(url) and "://" in u}),
            "gzip_bytes_without_index": sum(size for rel, size in files if rel != INDEX), "index_gzip_bytes": index,
            "largest": sorted(files, key=lambda f: -f[1])[:4]}


def first_search(browser, site: Path, query: str = "社群裂变") -> dict:
    """The heaviest task page on a phone: gzip bytes before any touch, then what opening search and the first
    query add (issue 18: ≤ 200 KB, then ≤ 120 KB), with the search files named."""
    lesson = page_types(site)["lesson (heaviest, no diagram)"]
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        seen: list[str] = []
        page.on("request", lambda r: seen.append(r.url))
        page.goto(f"{url}/{lesson}", wait_until="networkidle")
        before = len(seen)
        page.locator("label.md-header__button[for=__search]").tap()
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        context.close()

    def sizes(urls: list[str]) -> list[tuple[str, int]]:
        out = []
        for u in dict.fromkeys(x for x in urls if x.startswith(url)):
            rel = unquote(urlparse(u).path).lstrip("/")
            f = site / rel
            if f.is_dir() or not rel:
                f = f / "index.html"
            out.append((rel or "index.html", gzip_size(f) if f.is_file() else 0))
        return out
    first, search = sizes(seen[:before]), sizes(seen[before:])
    return {"path": lesson, "first_visit_gzip_bytes": sum(s for _, s in first),
            "index_before_touch": any(rel == INDEX for rel, _ in first),
            "first_search_gzip_bytes": sum(s for _, s in search), "first_search_files": search}


def page_weight(browser, site: Path) -> dict:
    """Every page type of ``site``."""
    with serve(site) as url:
        return {name: weigh(browser, site, url, path) for name, path in page_types(site).items()}


def latency(browser, site: Path, repeat: int = 3) -> dict:
    """Keyup → first result, for every query of the relevance suite, after the index has loaded."""
    queries = [q.q for q in load_queries()]
    with serve(site) as url:
        page = browser.new_page()
        box = SearchBox(page, url + "/")
        times = [box.latency(q) for _ in range(repeat) for q in queries]
        page.close()
    times.sort()
    return {"queries": len(queries) * repeat, "median_ms": statistics.median(times),
            "p95_ms": times[int(0.95 * (len(times) - 1))], "max_ms": times[-1]}


def relevance(browser, sites: dict[str, Path]) -> dict:
    """Hit rate in the top results and first, overall and by kind of query, for each site."""
    queries = load_queries()
    out: dict = {"top": TOP, "queries": len(queries)}
    for name, site in sites.items():
        with serve(site) as url:
            page = browser.new_page()
            answers = run_suite(page, url + "/", queries)
            page.close()
        kinds = sorted({q.kind for q in queries})
        out[name] = {"hit_rate": hit_rate(answers), "top1_rate": hit_rate(answers, 1),
                     "by_kind": {k: hit_rate([a for a in answers if a.query.kind == k]) for k in kinds},
                     "by_kind_top1": {k: hit_rate([a for a in answers if a.query.kind == k], 1) for k in kinds},
                     "missed": [{"q": a.query.q, "expect": a.query.expect, "got": a.pages[:TOP]}
                                for a in answers if not a.hit]}
    return out


def launch(playwright):
    """Debian's Chromium, as the tests use it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
