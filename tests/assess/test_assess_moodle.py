"""题库-Moodle.xml read back with lxml: well-formed, one <question> per item, categories, types, fractions."""

from __future__ import annotations

import html
import re

from lxml import etree

from .qbank import HOSTILE, ITEMS


def questions(out) -> list[etree._Element]:
    return etree.parse(str(out / "题库-Moodle.xml")).getroot().findall("question")


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()


def test_categories_then_one_question_per_item(exported) -> None:
    _, out = exported
    found = questions(out)
    categories = [q.findtext("category/text") for q in found if q.get("type") == "category"]
    assert categories == ["$course$/top/项目 1　第一个项目", "$course$/top/项目 1　第一个项目/任务 1　第一课"]
    items = [q for q in found if q.get("type") != "category"]
    assert len(items) == len(ITEMS)
    assert [q.get("type") for q in items] == ["multichoice", "multichoice", "truefalse", "truefalse", "cloze", "cloze",
                                              "essay", "essay"]
    assert [q.findtext("name/text") for q in items] == [f"01-1-{i['id']}" for i in ITEMS]


def test_answers_fractions_and_feedback(exported) -> None:
    _, out = exported
    single, multiple, true, false, one, two, short, case = [q for q in questions(out) if q.get("type") != "category"]
    assert plain(single.findtext("questiontext/text")) == HOSTILE + " 哪一项对（　）"
    assert [a.get("fraction") for a in single.findall("answer")] == ["0", "100", "0", "0"]
    assert plain(single.findall("answer")[2].findtext("feedback/text")) == "错因 C {x}"
    assert plain(single.findtext("generalfeedback/text")) == "解析里也有 = < > & { } ~ # : 这些字符。"
    assert single.findtext("single") == "true" and multiple.findtext("single") == "false"
    fractions = [float(a.get("fraction")) for a in multiple.findall("answer")]
    assert fractions == [50, -50, 50, -50] and sum(f for f in fractions if f > 0) == 100
    assert [(a.findtext("text"), a.get("fraction")) for a in true.findall("answer")] == [("true", "100"), ("false", "0")]
    assert [(a.findtext("text"), a.get("fraction")) for a in false.findall("answer")] == [("true", "0"), ("false", "100")]
    assert "{1:SHORTANSWER:=目标~=兴趣=爱好}" in one.findtext("questiontext/text")
    assert two.findtext("questiontext/text").count("{1:SHORTANSWER:") == 2 and "=互动~=交流" in two.findtext("questiontext/text")
    grader = plain(short.findtext("graderinfo/text"))
    assert "先想清楚为谁服务。" in grader and "说出服务对象（3 分）" in grader and short.findtext("defaultgrade") == "5"
    assert "老带新" in plain(case.findtext("graderinfo/text"))


def test_text_is_escaped_once_for_html_and_once_for_xml(exported) -> None:
    _, out = exported
    raw = (out / "题库-Moodle.xml").read_text(encoding="utf-8")
    assert "<b>粗</b>" not in raw and "&lt;b&gt;粗" not in raw  # neither raw HTML nor HTML escaped only once
    assert "&amp;lt;b&amp;gt;粗" in raw
