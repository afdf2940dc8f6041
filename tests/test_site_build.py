"""Strict builds of both editions, and what the built student site must (not) contain."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursekit.patches import PATCHES
from coursekit.registry import load

from conftest import ROOT, teacher_fragments

pytestmark = pytest.mark.build

SUBJECT_TERMS = ["私域流量", "用户画像", "感知价值", "社群裂变", "社群运营师"]


def site_text(site: Path) -> str:
    """All visible text of a built site: pages without tags, plus the search index."""
    parts = [re.sub(r"<[^>]+>", "", p.read_text(encoding="utf-8")) for p in site.rglob("*.html")]
    parts.append((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return "\n".join(parts).replace("\u200b", "")


def test_student_site_has_no_teacher_only_text(student_site: Path) -> None:
    text = site_text(student_site)
    fragments = teacher_fragments(load(ROOT), pages=True)
    assert len(fragments) > 100
    leaked = [f for f in fragments if f in text]
    assert leaked == []


def test_teacher_site_has_the_teacher_only_text(teacher_site: Path) -> None:
    text = site_text(teacher_site)
    fragments = teacher_fragments(load(ROOT), pages=True)
    found = [f for f in fragments if f in text]
    assert len(found) / len(fragments) > 0.8


def test_teacher_banner_only_in_teacher_edition(student_site: Path, teacher_site: Path) -> None:
    assert "教师版：含参考答案" in (teacher_site / "index.html").read_text(encoding="utf-8")
    assert "教师版" not in (student_site / "index.html").read_text(encoding="utf-8")


def search_segments(site: Path) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    segments: set[str] = set()
    for doc in index["docs"]:
        segments.update(re.split(r"[\s\u200b]+", doc["title"] + " " + doc["text"]))
    return segments


def test_search_index_is_segmented_with_subject_terms_whole(student_site: Path) -> None:
    raw = (student_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\u200b" in json.loads(raw)["docs"][1]["text"] or "\\u200b" in raw
    segments = search_segments(student_site)
    for term in SUBJECT_TERMS:
        assert term in segments, f"{term} is not a whole segment in the search index"


def test_every_page_links_to_nothing_outside_for_loading(student_site: Path) -> None:
    offenders = []
    for page in student_site.rglob("*.html"):
        collector = _ResourceCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(student_site)}: {url}" for url in collector.urls if _external(url)]
    assert offenders == []


def test_no_asset_mentions_a_cdn(student_site: Path) -> None:
    hosts = ("unpkg.com", "jsdelivr", "googleapis", "gstatic", "cdnjs", "bootcdn", "google-analytics", "googletagmanager")
    bad = []
    for asset in [*student_site.rglob("*.js"), *student_site.rglob("*.css"), *student_site.rglob("*.html")]:
        if "vendor" in asset.parts:
            continue  # third-party code we serve ourselves; it is never told to fetch anything
        text = asset.read_text(encoding="utf-8", errors="ignore")
        bad += [f"{asset.relative_to(student_site)}: {h}" for h in hosts if h in text]
    assert bad == []


def test_material_javascript_is_patched(student_site: Path) -> None:
    scripts = student_site / "assets" / "javascripts"
    code = "".join(p.read_text(encoding="utf-8") for p in scripts.rglob("*.min.js"))
    for patch in PATCHES:
        assert patch.new in code and patch.old not in code


def test_diagrams_are_inlined_and_mermaid_is_vendored_for_the_fallback(student_site: Path) -> None:
    """Every diagram is pre-rendered SVG (coursekit.diagrams); mermaid is still served for one drawn live."""
    assert (student_site / "assets" / "vendor" / "mermaid" / "mermaid.min.js").stat().st_size > 1_000_000
    pages = [p.read_text(encoding="utf-8") for p in student_site.rglob("*.html")]
    assert sum(html.count('<div class="ck-diagram"><svg') for html in pages) >= 39
    assert [html for html in pages if 'class="mermaid"' in html] == []


def test_every_project_task_page_is_built(student_site: Path) -> None:
    reg = load(ROOT)
    for path in reg.lessons:
        assert (student_site / path[:-3] / "index.html").exists(), path


def _external(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url)) and "127.0.0.1" not in url


class _ResourceCollector(HTMLParser):
    """URLs a page loads by itself: scripts, styles, images, frames, media (not links a reader clicks)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.urls.append(a["src"] or "")
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.urls.append(a["href"] or "")
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"] or "")


def test_no_line_break_inside_chinese_text_shows_as_a_space(student_site: Path) -> None:
    """Wrapped source lines must not leave "，⏎但" in the HTML (browsers draw it "， 但")."""
    kept = re.compile(r"<(pre|script|style|svg|textarea)\b.*?</\1>|<span class=\"ck-script\">.*?</span>", re.S)
    gap = re.compile(r"[\u4e00-\u9fff，。；：！？、）”]\n\s*[\u4e00-\u9fff（“]")
    found = {}
    for page in student_site.rglob("*.html"):
        hits = gap.findall(kept.sub("", page.read_text(encoding="utf-8")))
        if hits:
            found[page.relative_to(student_site).as_posix()] = hits[:2]
    assert found == {}
