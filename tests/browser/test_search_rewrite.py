"""worker.js, run in Chromium on its own: how a typed query is rewritten before lunr sees it, and how
its results are trimmed to one sentence each."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from coursekit.search.pinyin import pinyin_data
from coursekit.search.query import STOPWORDS
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


# issue 18: pinyin, homophone typos, common words, one sentence per result, definitions first
PINYIN_WORDS = ["私域流量", "私域", "社群裂变", "用户画像", "复购率", "破冰", "社群", "裂变"]


@pytest.fixture
def student(page: Page):
    """``__coursekit.query`` with the real question words and real pinyin data for PINYIN_WORDS;
    returns (rewritten query, suggestion)."""
    data = {**DATA, "stop": list(STOPWORDS), "pinyin": pinyin_data(PINYIN_WORDS, set())}
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=prelude(data))

    def ask(query: str, index: dict | None = None, docs: int = 10) -> tuple[str, str]:
        fake = index or {w: {} for w in INDEX}
        return tuple(page.evaluate("([q, index, n]) => [__coursekit.query(q, {index: {invertedIndex: index}, "
                                   "map: {size: n}}), __coursekit.result({items: []}).ckSuggest || '']",
                                   [query, fake, docs]))
    return ask


def test_pinyin_and_initials_find_course_words(student) -> None:
    assert student("siyu") == ("私域 私域流量", "私域")
    assert student("yonghuhuaxiang") == ("用户画像", "用户画像")
    assert student("shequn liebian", {w: {} for w in [*INDEX, "裂变"]}) == ("社群 裂变", "社群 裂变")
    assert student("shequnliebian", {w: {} for w in [*INDEX, "社群裂变"]}) == ("社群裂变", "社群裂变")
    rewritten, shown = student("sy")
    assert "私域" in rewritten.split() and "私域" in shown
    assert student("yhhx") == ("用户画像", "用户画像")


def test_latin_words_of_the_index_stay_as_typed(student) -> None:
    assert student("kol") == ("kol 意见领袖", "")  # k… is no pinyin here, but kol is a word of the index
    assert student("yhhx", {**{w: {} for w in INDEX}, "yhhx": {}}) == ("yhhx", "")


def test_homophone_typos_are_corrected_and_said(student) -> None:
    assert student("私欲") == ("私域 私域流量", "私域")
    assert student("社群列变")[1] == "社群裂变"
    assert student("用户化像") == ("用户画像", "用户画像")
    assert student("复够率")[1] == "复购率"
    assert student("破兵 游戏")[1] == "破冰 游戏"


def test_words_that_are_no_typo_stay(student) -> None:
    assert student("社群运营") == ("社群运营", "")
    assert student("用户画像")[1] == ""
    assert student("死鱼")[1] == ""  # si yu too, but not one character in common: another word, not a typo


def test_a_word_on_most_pages_counts_little_beside_a_rarer_one(student) -> None:
    index = {"社群": {"title": {"a": {}, "b": {}}, "text": {"c": {}}}, "社区": {"title": {"a": {}}}}
    assert student("社群社区", index, docs=8) == ("社群^0.05 社区", "")
    assert student("社群", index, docs=8) == ("社群", "")  # alone it is the topic


def test_question_forms_leave_the_topic(student) -> None:
    index = {w: {} for w in ["社群", "社区", "群规则", "写"]}
    assert student("社群和社区有什么区别", index)[0] == "社群 社区"
    assert student("群规则怎么写", index)[0] == "群规则 写^1"


def result(page: Page, items: list) -> dict:
    return page.evaluate("items => __coursekit.result({items})", items)


def test_each_result_shows_one_matching_sentence(page: Page, rewrite) -> None:
    rewrite("社群")
    page_doc = {"location": "a/", "title": "任务一", "terms": {}, "tags": ["社群"],
                "text": "<ul><li>了解背景</li><li>理解<mark>社群</mark>的定义。能说清区别</li></ul><p>另一段<mark>社群</mark></p>"}
    section = {"location": "a/#s", "title": "小节", "terms": {}, "text": "<p><mark>社群</mark>又一句</p>"}
    found = result(page, [[page_doc, section]])
    first, second = found["items"][0]
    assert first["text"] == '<p class="ck-search-teaser">理解<mark>社群</mark>的定义。</p>'
    assert second["text"] == "" and "tags" not in first


def test_a_long_sentence_is_cut_around_its_match_and_marks_stay_paired(page: Page, rewrite) -> None:
    rewrite("社群")
    text = "<p>" + "前" * 100 + "<mark>社群</mark>" + "后" * 100 + "</p>"
    teaser = result(page, [[{"location": "a/", "title": "T", "terms": {}, "text": text}]])["items"][0][0]["text"]
    assert teaser.startswith('<p class="ck-search-teaser">…') and teaser.endswith("…</p>")
    assert teaser.count("<mark>") == teaser.count("</mark>") == 1 and len(teaser) < 120
    text = "<p>" + "前" * 10 + "<mark>" + "社" * 100 + "</mark></p>"
    teaser = result(page, [[{"location": "a/", "title": "T", "terms": {}, "text": text}]])["items"][0][0]["text"]
    assert teaser.count("<mark>") == teaser.count("</mark>") == 1


def test_the_sentence_keeps_the_index_escaping(page: Page, rewrite) -> None:
    rewrite("社群")
    text = "<p>&lt;img src=x onerror=alert(1)&gt;" + "字" * 80 + "<mark>社群</mark></p>"
    teaser = result(page, [[{"location": "a/", "title": "T", "terms": {}, "text": text}]])["items"][0][0]["text"]
    assert "<img" not in teaser and "&lt" not in teaser.replace("&lt;", "")  # never half an entity
    page.set_content(f"<div id=t>{teaser}</div>")
    assert page.evaluate("() => document.querySelectorAll('#t img').length") == 0


def test_a_definition_question_puts_the_glossary_entry_first(page: Page, rewrite) -> None:
    rewrite("什么是私域流量")
    lesson = [{"location": "m/", "title": "私域流量", "terms": {}, "text": ""}]
    glossary = [{"location": "library/glossary/", "title": "术语表", "terms": {}, "text": ""},
                {"location": "library/glossary/#term-private-traffic", "title": "<mark>私域流量</mark>",
                 "terms": {}, "text": ""}]
    assert result(page, [lesson, glossary])["items"][0] == glossary
    rewrite("私域流量")  # no question of definition: the order stays
    assert result(page, [lesson, glossary])["items"][0] == lesson
