"""The search index rewrite keeps every token, and the query data is right (no build needed)."""

from __future__ import annotations

import json
import re

import pytest

from coursekit.registry import load
from coursekit.plaintext import index_text
from coursekit.search import index as idx
from coursekit.plugin.plugin import CoursekitPlugin
from coursekit.search import query
from coursekit.search.records import EXCLUDED, exclude_from_search

from conftest import ROOT

SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：“”（）]+"
Z = "\u200b"
SAMPLE = [
    f"<p>{Z}社群{Z}运营{Z}的{Z}第一步{Z}，{Z}是{Z}认识{Z}私域流量{Z}。</p> <ul> <li>{Z}培养{Z}KOL</li></ul>",
    f"{Z}用{Z}20 % {Z}的{Z}人{Z}带动{Z}80 % {Z}的{Z}人",
    f"<p>{Z}表{Z}1-2 {Z}社群运营{Z}人才{Z}SWOT{Z}分析{Z}表</p>",
    f"{Z}社群{Z}3.0{Z}：{Z}私域流量{Z}时代",
    "plain English text, no markers",
    f"{Z}{Z}两个{Z}{Z}标记{Z}",
]


def tokens(text: str) -> list[str]:
    """What material's worker indexes: text between tags, split at the separator."""
    return [t for block in re.split(r"<[^>]*>", text) for t in re.split(SEPARATOR, block) if t]


def restore(text: str) -> str:
    """What worker.js does on setup: a space between two Han characters becomes U+200B again."""
    return re.sub(f"(?<=[{idx.HAN}]) (?=[{idx.HAN}])", Z, text)


@pytest.mark.parametrize("text", SAMPLE)
def test_compacting_keeps_every_token(text: str) -> None:
    small = idx.compact_text(text, idx.redundant_markers(SEPARATOR))
    assert tokens(restore(small)) == tokens(text)
    assert len(small.encode()) <= len(text.encode())


def test_compacting_drops_markers_a_separator_already_gives() -> None:
    small = idx.compact_text(SAMPLE[0], idx.redundant_markers(SEPARATOR))
    assert small == "<p>社群 运营 的 第一步，是 认识 私域流量。</p> <ul> <li>培养\u200bKOL</li></ul>"


def test_compact_rewrites_titles_and_texts_and_writes_utf8() -> None:
    index = {"config": {"separator": SEPARATOR}, "docs": [{"location": "a/", "title": f"{Z}社群{Z}裂变", "text": SAMPLE[1]}]}
    out = idx.dumps(idx.compact(index))
    assert "社群 裂变" in out and "\\u" not in out.split('"docs"')[1]
    assert json.loads(out)["docs"][0]["title"] == "社群 裂变"


def test_a_separator_that_is_not_a_character_class_fails_loudly() -> None:
    with pytest.raises(ValueError, match="not a character class"):
        idx.redundant_markers(r"\s+|\u200b")


def test_segment_joins_words_like_material() -> None:
    CoursekitPlugin().add_words(["私域流量"])  # what every build does with the glossary's terms
    assert idx.segment("认识私域流量") == f"认识{Z}私域流量"
    assert idx.segment("SOP 表") == f"SOP {Z}表"  # material marks every Chinese run, even after a space


def test_record_entries_are_added_only_for_indexed_pages() -> None:
    index = {"config": {"separator": SEPARATOR}, "docs": [{"location": "a/", "title": "A", "text": ""}]}
    added = idx.add_entries(index, [idx.Entry("a/#ws-x", "社群定位画布", "工作单"), idx.Entry("b/#ws-y", "别处")])
    assert added == 1
    assert index["docs"][-1] == {"location": "a/#ws-x", "title": f"社群{Z}定位{Z}画布", "text": "工作{Z}单".replace("{Z}", Z)}


def test_plain_text_of_markdown_keeps_paragraphs_and_escapes() -> None:
    assert index_text("第一段 **重点** <b>x</b>\n\n第二段") == "<p>第一段 重点 &lt;b&gt;x&lt;/b&gt;</p> <p>第二段</p>"
    assert index_text("一句话", inline=True) == "一句话"


def test_excluded_blocks_get_an_attribute_material_removes_after_indexing() -> None:
    html = '<dl class="ck-lesson-meta"><dt>学时</dt></dl><h2 id="summary">本任务小结</h2><h2 id="other">x</h2>'
    out = exclude_from_search(html)
    assert '<dl class="ck-lesson-meta" data-search-exclude="coursekit">' in out
    assert '<h2 id="summary" data-search-exclude="coursekit">' in out and '<h2 id="other">' in out
    assert all(tag.endswith(">") for tag in EXCLUDED)


def test_alias_groups_come_from_the_glossary_and_the_course() -> None:
    groups = query.alias_groups(load(ROOT))
    assert ["私域流量", "私域"] in groups
    assert any({"KOL", "意见领袖"} <= set(g) for g in groups)
    assert ["拉新", "引流", "获客"] in groups
    assert all(len(g) > 1 for g in groups)


def test_traditional_pairs_cover_only_characters_the_index_has() -> None:
    pairs = query.t2s_pairs({"运", "营", "户", "画", "像"})
    table = dict(zip(pairs[0::2], pairs[1::2]))
    assert table["運"] == "运" and table["營"] == "营" and table["戶"] == "户" and table["畫"] == "画"
    assert set(table.values()) <= {"运", "营", "户", "画", "像"}
    assert "裂" not in pairs and "變" not in table


def test_stored_traditional_table_matches_the_installed_opencc(update_golden: bool) -> None:
    text = query.table_file_text(query.traditional_table())
    if update_golden:
        query.TABLE.write_text(text, encoding="utf-8")
    assert query.TABLE.read_text(encoding="utf-8") == text, (
        "OpenCC changed: rewrite src/coursekit/search/t2s.json with `pytest --update-golden tests/test_search_index.py`")


def test_prelude_data_is_small() -> None:
    index = {"docs": [{"title": "社群运营", "text": "用户画像与社群裂变"}]}
    data = query.prelude_data(load(ROOT), index)
    assert len(json.dumps(data, ensure_ascii=False).encode()) < 20_000
    assert "如何" in data["stop"] and data["longest"] >= 8
