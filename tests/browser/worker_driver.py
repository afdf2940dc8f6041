"""Talk to material's search worker directly, as its bundle does: SETUP, then QUERY, read RESULT.

The sharded index (coursekit/search/shards.py) must rank exactly as material's worker does over the
whole index; asking both workers the same queries, without the result list in between, shows it.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

# Start a worker with an index message (the manifest, or the whole index); keep it in window.__workers.
START = """async ([name, url, index]) => {
  const data = await (await fetch(index)).json();
  const w = new Worker(url);
  await new Promise(resolve => {
    w.onmessage = ev => { if (ev.data.type === 1) resolve(); };
    w.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: false}}});
  });
  (window.__workers = window.__workers || {})[name] = w;
}"""

# One query: the result's groups, each as its documents' locations (and the first group's texts).
ASK = """([name, query]) => new Promise(resolve => {
  const w = window.__workers[name];
  w.onmessage = ev => resolve(ev.data.data);
  w.postMessage({type: 2, data: query});
})"""


def start(page: Page, name: str, worker: str, index: str) -> None:
    """A worker named ``name`` from the site's ``worker`` script, set up with the index file ``index``."""
    page.evaluate(START, [name, worker, index])


def ask(page: Page, name: str, query: str) -> dict[str, Any]:
    """The worker's RESULT data for ``query``."""
    return dict(page.evaluate(ASK, [name, query]))


def ranking(result: dict[str, Any], groups: int = 10) -> list[list[str]]:
    """The locations of the first result groups, in order."""
    return [[doc["location"] for doc in group] for group in result.get("items", [])[:groups]]
