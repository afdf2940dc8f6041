"""Pages that read on a phone, as rendered (no browser): the task page's jump list, the term tooltips'
definitions, the worksheet's 填写示例 before its fields and its blank files labelled as blank, SOP cells
that name their column. tests/browser/test_phone.py checks them at 390 px."""

from __future__ import annotations

from pathlib import Path

import markdown
from lxml import html as lxml_html

from coursekit.site import Site

LESSON = "modules/01-alpha/1-first.md"


def lesson_file(course: Path) -> Path:
    return course / "docs" / LESSON


def header(course: Path, edition: str = "student") -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(str(Site(course, edition).lesson_header({}, LESSON)))


def jump_links(course: Path, edition: str = "student") -> list[tuple[str, str]]:
    nav = header(course, edition).find(".//nav")
    if nav is None:
        return []
    return [(a.get("href"), a.text_content()) for a in nav.iter("a")]


def test_jump_list_links_each_worksheet_and_sop_in_page_order(course: Path) -> None:
    assert jump_links(course) == [("#ws-all-fields", "工作单：表 1-1　全字段工作单"),
                                  ("#sop-daily", "SOP 表：每日运营 SOP")]
    nav = header(course).find(".//nav")
    assert nav.get("aria-labelledby") == "ck-jump-title"
    assert nav.find(".//p").text == "本页工作单"


def test_jump_list_finds_the_selfcheck_section_and_follows_the_page(course: Path) -> None:
    page = lesson_file(course)
    text = page.read_text(encoding="utf-8")
    # the SOP moved before the worksheet, a 课后自测 section at the end: the list follows, nothing hard-coded
    text = text.replace('{{ worksheet("all-fields") }}\n\n{{ sop("daily") }}', '{{ sop("daily") }}\n\n{{ worksheet("all-fields") }}')
    page.write_text(text + "\n## 课后自测 { #selfcheck }\n\n读完本任务后做一做。\n", encoding="utf-8")
    assert [href for href, _ in jump_links(course)] == ["#sop-daily", "#ws-all-fields", "#selfcheck"]
    assert header(course).find(".//nav/p").text == "本页工作单 / 课后自测"


def test_jump_list_leaves_out_what_the_student_edition_drops(course: Path) -> None:
    page = lesson_file(course)
    text = page.read_text(encoding="utf-8").replace('{{ sop("daily") }}', '!!! teacher "教学建议"\n    {{ sop("daily") }}')
    page.write_text(text, encoding="utf-8")
    assert [href for href, _ in jump_links(course)] == ["#ws-all-fields"]
    assert [href for href, _ in jump_links(course, "teacher")] == ["#ws-all-fields", "#sop-daily"]


def test_no_jump_list_on_a_page_without_worksheets(course: Path) -> None:
    page = lesson_file(course)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('{{ worksheet("all-fields") }}', "").replace('{{ sop("daily") }}', ""), encoding="utf-8")
    assert header(course).find(".//nav") is None


def test_term_tooltip_text_is_plain_and_escaped(course: Path) -> None:
    glossary = course / "data" / "glossary" / "community.yml"
    evil = '<img src=x onerror="alert(1)"> *强调* [链接](http://example.com) {{ 不是宏 }} 结尾'
    text = glossary.read_text(encoding="utf-8").replace("因共同需求聚在一起、持续互动的一群人。", "'" + evil.replace("{{", "{ {") + "'")
    glossary.write_text(text, encoding="utf-8")
    out = Site(course).embed("term", "community", LESSON)
    rendered = lxml_html.fragment_fromstring(markdown.markdown(out, extensions=["attr_list"]), create_parent="div")
    link, = rendered.findall(".//a")
    assert (link.get("class"), link.get("data-term"), link.text) == ("ck-term", "community", "社群")
    assert link.get("href").endswith("glossary.md#term-community")
    span, = rendered.findall(".//span")
    assert span.get("hidden") is not None and span.get("data-search-exclude") == "coursekit"
    assert span.findall(".//*") == []  # no element from the data: the <img> is text, braces stay braces
    assert span.text_content() == '<img src=x onerror="alert(1)"> 强调 [链接](http://example.com) { { 不是宏 }} 结尾'


def test_worksheet_example_comes_before_the_fields(course: Path) -> None:
    ws = lxml_html.fragment_fromstring(str(Site(course).embed("worksheet", "all-fields", LESSON)))
    order = [el.tag if el.tag != "details" else "example" for el in ws if el.tag in ("details", "fieldset")]
    assert order[0] == "example" and set(order[1:]) == {"fieldset"}


def test_blank_files_are_labelled_blank_and_apart(course: Path) -> None:
    student = lxml_html.fragment_fromstring(str(Site(course, downloads=True).embed("worksheet", "all-fields", LESSON)))
    line, = student.find_class("ck-downloads")
    assert "ck-blank-files" in line.get("class") and "空白模板" in line.text_content()
    assert [a.text for a in line.iter("a")] == ["空白表 PDF", "空白模板 Word"]
    assert "不含你填写的答案" in line.text_content()
    teacher = lxml_html.fragment_fromstring(str(Site(course, "teacher", downloads=True).embed("worksheet", "all-fields", LESSON)))
    line, = teacher.find_class("ck-downloads")
    assert [a.text for a in line.iter("a")] == ["空白表 PDF", "空白模板 Word", "教师版 PDF"]
    assert "不含你填写的答案" not in line.text_content()


def test_sop_cells_name_their_columns(course: Path) -> None:
    sop = lxml_html.fragment_fromstring(str(Site(course).embed("sop", "daily", LESSON)))
    heads = [th.text_content() for th in sop.findall(".//thead//th")]
    rows = sop.findall(".//tbody/tr")
    assert rows and all([td.get("data-label") for td in row.findall("td")] == heads for row in rows)
    empty = [td.get("data-label") for td in rows[1].findall("td") if "ck-empty" in (td.get("class") or "")]
    assert empty == ["话术模板", "工具"]  # the fixture's second step has neither: left out of its card
