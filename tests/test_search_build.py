"""The built student site's search: record entries at real anchors, a lean index, the rewrite installed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coursekit.registry import load
from coursekit.search.records import EXCLUDED
from coursekit.search.worker import HOOKS, START

from conftest import ROOT

pytestmark = pytest.mark.build


def index_of(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_index_is_written_as_utf8(student_site: Path) -> None:
    raw = (student_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "社群" in raw
    assert not re.search(r"\\u[4-9][0-9a-f]{3}", raw)


def test_every_record_has_an_entry_at_an_anchor_its_page_has(student_site: Path) -> None:
    reg = load(ROOT)
    docs = {d["location"]: d for d in index_of(student_site)["docs"]}
    prefix = {"worksheets": "ws-", "sops": "sop-", "cases": "case-", "glossary": "term-"}
    for kind, pre in prefix.items():
        for id_ in reg.records[kind]:
            found = [loc for loc in docs if loc.endswith(f"#{pre}{id_}")]
            assert len(found) == 1, f"{kind}/{id_}: {found}"
            page, anchor = found[0].split("#")
            html = (student_site / page / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, found[0]
    kol = docs["library/glossary/#term-kol"]
    assert kol["title"] == "KOL" and "意见领袖" in kol["text"]


def test_left_out_blocks_exist_and_stay_out_of_the_index(student_site: Path) -> None:
    html = "".join(p.read_text(encoding="utf-8") for p in student_site.rglob("*.html"))
    for tag in EXCLUDED:
        if tag == '<pre class="mermaid">':  # only a diagram drawn live (no picture in diagrams/) has one
            continue
        assert tag[:-1] in html, f"{tag} no longer occurs in the site: update EXCLUDED in coursekit/search/records.py"
    assert 'data-search-exclude="coursekit"' not in html  # material removes the attribute after indexing
    index = index_of(student_site)
    text = "".join(d["title"] + d["text"] for d in index["docs"])
    assert "资料来源：" not in text and "flowchart" not in text
    assert html.count('<div class="ck-diagram"><svg') >= 39  # inlined diagrams leave out themselves (coursekit.diagrams)
    assert not [w for w in ("trebuchet", "nodeLabel", "ck-diagram", "edge-thickness") if w in text]
    assert not [d for d in index["docs"] if d["location"].endswith("#summary")]


def test_worker_has_the_query_rewrite(student_site: Path) -> None:
    worker = next((student_site / "assets/javascripts/workers").glob("search.*.min.js")).read_text(encoding="utf-8")
    assert worker.startswith(START) and '"groups":[[' in worker
    for old, new in HOOKS:
        assert new in worker and old not in worker
    pairs = re.search(r'"t2s":"([^"]*)"', worker).group(1)
    assert "運运" in pairs and "戶户" in pairs
