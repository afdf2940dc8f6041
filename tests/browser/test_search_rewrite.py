"""worker.js, run in Chromium on its own: how a typed query is rewritten before lunr sees it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from coursekit.search.worker import prelude

pytestmark = pytest.mark.browser

DATA = {"t2s": "運运營营戶户畫画", "groups": [["私域流量", "私域"], ["KOL", "意见领袖"], ["拉新", "引流"]],
        "stop": ["怎么", "如何", "的"], "longest": 8}
INDEX = ["社群", "运营", "社群运营", "用户", "用户画像", "写", "群公告", "私域流量", "社群规划", "规划", "kol", "培养"]


@pytest.fixture
def rewrite(page: Page):
    """Call ``__coursekit.query`` with a fake index holding the words of INDEX."""
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=prelude(DATA))

    def ask(query: str) -> str:
        return page.evaluate("([q, words]) => __coursekit.query(q, {index: {invertedIndex: "
                             "Object.fromEntries(words.map(w => [w, {}]))}})", [query, INDEX])
    return ask


def test_traditional_characters_become_simplified(rewrite) -> None:
    assert rewrite("社群運營") == "社群运营"
    assert rewrite("用戶畫像") == "用户画像"


def test_full_width_latin_becomes_ascii(rewrite) -> None:
    assert rewrite("ＫＯＬ培养") == "KOL 培养 意见领袖"


def test_question_words_are_dropped_and_lone_characters_match_exactly(rewrite) -> None:
    assert rewrite("怎么写群公告") == "写^1 群公告"
    assert rewrite("如何") == "如何"  # nothing else left: keep it


def test_aliases_are_added_both_ways(rewrite) -> None:
    assert rewrite("私域") == "私域 私域流量"
    assert rewrite("私域流量") == "私域流量 私域"
    assert rewrite("意见领袖") == "意见领袖 KOL"
    assert rewrite("拉新") == "拉新 引流"


def test_longest_words_first_so_an_alias_inside_another_word_is_not_matched(rewrite) -> None:
    assert rewrite("社群规划") == "社群规划"  # contains 群规 (an alias of 群规则 in the real glossary) but is one word


def test_lunr_syntax_is_left_as_typed(rewrite) -> None:
    assert rewrite('+社群 -运营') == "+社群 -运营"


def test_index_markers_are_restored_on_setup(page: Page) -> None:
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=prelude(DATA))
    docs = page.evaluate("() => __coursekit.setup({docs: [{title: '社群 运营', text: '<p>用户 画像 与 KOL 培养</p>'}]}).docs")
    assert docs == [{"title": "社群\u200b运营", "text": "<p>用户\u200b画像\u200b与 KOL 培养</p>"}]


def test_words_the_reader_did_not_type_are_not_listed_as_missing(page: Page, rewrite) -> None:
    rewrite("私域")
    found = page.evaluate("() => __coursekit.result({items: [[{terms: {'私域': true, '私域流量': false}}]]})")
    assert found["items"][0][0]["terms"] == {"私域": True}
