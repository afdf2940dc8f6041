"""The Word worksheet read back with python-docx: real tables equal to the data, A4, Chinese fonts."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from coursekit.handouts import layout
from coursekit.registry import load

from conftest import FIXTURE

WS = "01-alpha/worksheets/all-fields.docx"


@pytest.fixture(scope="module")
def document(fixture_pack):
    return docx.Document(str(fixture_pack[0] / WS))


@pytest.fixture(scope="module")
def ws():
    return load(FIXTURE).get("worksheets", "all-fields")


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_title_instructions_and_labels_are_paragraphs(document, ws) -> None:
    texts = [p.text for p in document.paragraphs]
    assert ws.title in texts
    assert document.paragraphs[texts.index(ws.title)].style.name == "Title"
    assert "1.\t逐项填写；" in texts and "2.\t写完后互评。" in texts
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["一、基本信息", "二、分析"]
    for field in ws.fields():
        assert any(t.startswith(field.label) for t in texts), field.label
    assert "写清楚原因" in texts                       # hint
    assert "☐\u2002有群规" in texts and "☐\u2002有欢迎语" in texts


def test_answer_spaces_are_real_tables_equal_to_the_data(document, ws) -> None:
    fields = {f.id: f for f in ws.fields()}
    tables = document.tables
    # text, textarea, matrix, table (rows), table (row labels), rating
    assert len(tables) == 6
    text_box, area, matrix, plan, roles, rating = tables
    assert len(text_box.rows) == 1 and text_box.rows[0].height.mm == pytest.approx(layout.TEXT_MM, abs=0.1)
    assert area.rows[0].height.mm == pytest.approx(fields["idea"].lines * layout.LINE_MM, abs=0.1)
    assert [c.text for c in matrix.rows[0].cells] == ["", "有利", "不利"]
    assert [matrix.rows[r].cells[0].text for r in (1, 2)] == ["内部", "外部"]
    quadrants = [matrix.rows[r].cells[c].text.split("\n")[0] for r in (1, 2) for c in (1, 2)]
    assert quadrants == [q.label for q in fields["swot"].quadrants]
    assert [c.text for c in plan.rows[0].cells] == fields["plan"].columns
    assert len(plan.rows) == 1 + fields["plan"].rows
    assert [r.cells[0].text for r in roles.rows[1:]] == fields["roles"].row_labels
    assert [c.text for c in rating.rows[0].cells] == ["评价项目", "1", "2", "3"]
    assert [r.cells[0].text for r in rating.rows[1:]] == fields["score"].items


def test_rows_repeat_headers_and_never_split(document) -> None:
    plan = document.tables[3]
    assert plan.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    for row in plan.rows[1:]:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        assert row.height.mm >= 9.9


def test_a4_page_and_chinese_fonts(document) -> None:
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for name in ("Normal", "Title", "Heading 2"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC", name
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    assert document.core_properties.title == "全字段工作单"
    assert "测试课程" in section.header.paragraphs[0].text


def test_student_docx_has_no_teacher_only_text(document) -> None:
    text = all_text(document)
    for secret in ["参考答案", "名称要体现", "评分标准", "全部填写", "大部分填写"]:
        assert secret not in text


def test_markdown_in_data_becomes_runs_not_markup(document) -> None:
    para = next(p for p in document.paragraphs if "互评" in p.text)
    assert any(r.bold and r.text == "互评" for r in para.runs)
    assert not any("**" in p.text for p in document.paragraphs)
