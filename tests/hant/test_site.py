"""The 繁體中文 edition as built: strict, Traditional throughout, term table applied, switch links resolve."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest

from conftest import ROOT
from coursekit.hant import converter

pytestmark = pytest.mark.build

KEY_PAGES = ["index.html", "modules/01-preparation/index.html", "modules/01-preparation/1-know-community/index.html",
             "modules/04-traffic/3-fission/index.html", "library/glossary/index.html", "library/cases/index.html",
             "teacher-guide/index.html"]
ALSO_TRADITIONAL = set("后干里斗划伙佣采准占杰霉台")
"""Characters that are the Simplified form of one word but also standard Traditional characters of their own
(皇后, 若干, 公里, 漏斗, 划算, 傢伙, 佣金, 風采, 批准, 占卜, 人名, 倒霉, 台): allowed."""
_S2TW = opencc.OpenCC("s2tw")
_T2S = opencc.OpenCC("t2s")


def visible_text(html: str) -> str:
    """The text a reader sees (scripts and styles dropped)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def simplified_only(text: str) -> dict[str, str]:
    """Characters written differently in Traditional (Taiwan), with some context, except ALSO_TRADITIONAL."""
    found: dict[str, str] = {}
    for m in re.finditer(r"[\u3400-\u9fff]", text):
        c = m.group(0)
        if c not in found and c not in ALSO_TRADITIONAL and _S2TW.convert(c) != c and _T2S.convert(c) == c:
            found[c] = text[max(0, m.start() - 8):m.end() + 8]
    return found


def test_the_edition_builds_strictly_in_its_own_language(bilingual_site: Path) -> None:
    page = (bilingual_site / "zh-hant" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-TW"' in page
    assert re.search(r"<title>[^<]*社群運營實戰課</title>", page)
    assert '<html lang="zh' in (bilingual_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", KEY_PAGES)
def test_key_pages_have_no_simplified_only_characters(bilingual_site: Path, page: str) -> None:
    text = visible_text((bilingual_site / "zh-hant" / page).read_text(encoding="utf-8"))
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 200
    assert simplified_only(text) == {}


def test_the_checker_finds_simplified_text(bilingual_site: Path) -> None:
    """The check above is not vacuous: the Simplified page fails it."""
    text = visible_text((bilingual_site / KEY_PAGES[2]).read_text(encoding="utf-8"))
    assert len(simplified_only(text)) > 50


def test_the_term_table_is_applied_in_pages(bilingual_site: Path) -> None:
    page = visible_text((bilingual_site / "zh-hant" / KEY_PAGES[2]).read_text(encoding="utf-8"))
    assert "社群與社區" in page and "社群與社群" not in page       # OpenCC alone: 社區 → 社群
    assert "項目" in page and "專案" not in page
    sop = visible_text((bilingual_site / "zh-hant" / "library/sops/index.html").read_text(encoding="utf-8"))
    assert "標準作業程序" in sop and "作業程式" not in sop
    assert len(converter(ROOT).terms) >= 20


def test_urls_ids_and_anchors_are_identical_in_both_editions(bilingual_site: Path) -> None:
    for page in KEY_PAGES:
        switch = re.compile(r"<[^>]*hreflang[^>]*>")  # the language switch differs by design
        hans = switch.sub("", (bilingual_site / page).read_text(encoding="utf-8"))
        hant = switch.sub("", (bilingual_site / "zh-hant" / page).read_text(encoding="utf-8"))
        for attr in ("href", "src", "id"):
            pattern = rf'\s{attr}="([^"]*)"'
            assert re.findall(pattern, hans) == re.findall(pattern, hant), (page, attr)


def test_search_index_is_traditional_and_still_segmented(bilingual_site: Path) -> None:
    index = json.loads((bilingual_site / "zh-hant" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert "社群運營" in text and "社群运营" not in text
    assert "社群 裂變" in text or "社群裂變" in text
    assert len(simplified_only(text)) <= 3  # word-by-word conversion: a rare character may stay
    worker = next((bilingual_site / "zh-hant" / "assets/javascripts/workers").glob("search.*.min.js"))
    code = worker.read_text(encoding="utf-8")
    assert "私域流量" in code and '"怎麼"' in code  # the query rewrite knows the Traditional words


def test_own_scripts_speak_traditional(bilingual_site: Path) -> None:
    js = (bilingual_site / "zh-hant" / "assets/javascripts/worksheets.js").read_text(encoding="utf-8")
    assert "已自動儲存" in js or "已自動保存" in js
    assert "自动" not in js


def switch_links(page: Path) -> dict[str, str]:
    """hreflang → href of the language switch on a built page."""
    html = page.read_text(encoding="utf-8")
    return {m.group(2): m.group(1) for m in
            re.finditer(r'<a href="([^"]*)" hreflang="([^"]+)" target="_self" class="md-select__link', html)}


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on ``page`` opens."""
    target = (page.parent / href).resolve()
    return target / "index.html" if target.is_dir() else target


def test_switch_links_go_to_the_same_page_in_the_other_edition(bilingual_site: Path) -> None:
    hant_root = bilingual_site / "zh-hant"
    pages = [p for p in sorted(bilingual_site.rglob("index.html")) if hant_root not in p.parents and p != hant_root]
    assert len(pages) > 25
    for page in pages:
        rel = page.relative_to(bilingual_site)
        there = switch_links(page)
        assert set(there) == {"zh-CN", "zh-TW"}, rel
        assert resolve(bilingual_site, page, there["zh-TW"]) == (hant_root / rel).resolve(), rel
        assert resolve(bilingual_site, page, there["zh-CN"]) == page.resolve(), rel
        back = switch_links(hant_root / rel)
        assert resolve(bilingual_site, hant_root / rel, back["zh-CN"]) == page.resolve(), rel
        assert resolve(bilingual_site, hant_root / rel, back["zh-TW"]) == (hant_root / rel).resolve(), rel


def test_without_the_flag_there_is_no_switch(student_site: Path) -> None:
    """`make serve`, the offline bundle and single-edition builds link nowhere that does not exist."""
    html = (student_site / "index.html").read_text(encoding="utf-8")
    assert "hreflang" not in html
