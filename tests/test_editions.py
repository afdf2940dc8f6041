"""Teacher-only boxes are removed from the student edition, everything else is kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coursekit.editions import check_edition, strip_teacher_blocks, teacher_blocks
from coursekit import grading
from coursekit.grading import script_json

PAGE = """# 标题

!!! scenario "情景引入"
    李小嘉想建群。

!!! teacher "教学建议"
    先讨论。

    第二段也删除。

正文继续。

1. 问题一

!!! answer "参考答案"
    答案一。
??? answer "折叠的答案"
    答案二。

- 列表项

    !!! teacher "嵌套的建议"
        嵌套内容。

    列表里的段落保留。

结尾。
"""


def test_teacher_boxes_are_removed_with_their_bodies() -> None:
    out = strip_teacher_blocks(PAGE)
    for gone in ("教学建议", "先讨论", "第二段也删除", "参考答案", "答案一", "答案二", "嵌套的建议", "嵌套内容"):
        assert gone not in out
    for kept in ("情景引入", "李小嘉想建群", "正文继续", "问题一", "列表项", "列表里的段落保留", "结尾"):
        assert kept in out


def test_teacher_blocks_lists_what_was_removed() -> None:
    assert teacher_blocks(PAGE) == ["先讨论。", "第二段也删除。", "答案一。", "答案二。", "嵌套内容。"]


def test_page_without_teacher_boxes_is_unchanged() -> None:
    text = "# 标题\n\n!!! practice \"学以致用\"\n    动手做。\n"
    assert strip_teacher_blocks(text) == text


@pytest.mark.parametrize("name", ["student", "teacher"])
def test_known_editions(name: str) -> None:
    assert check_edition(name) == name


def test_unknown_edition_is_an_error() -> None:
    with pytest.raises(ValueError, match="extra.edition is 'techer'; use one of: student, teacher"):
        check_edition("techer")


GRADE_DATA = re.compile(r'<script type="application/json" class="ck-grade-data">(.*?)</script>', re.S)


@pytest.mark.build
def test_grade_page_is_teacher_only(student_site: Path, teacher_site: Path) -> None:
    """作业汇总 carries every rubric and reference answer: built, in nav and searchable only for teachers."""
    page = (teacher_site / "grade" / "index.html").read_text(encoding="utf-8")
    data = json.loads(GRADE_DATA.findall(page)[0])
    assert len(data["worksheets"]) > 20 and all("answerHtml" in w and "rubric" in w for w in data["worksheets"])
    assert 'href="../grade/"' in (teacher_site / "assign" / "index.html").read_text(encoding="utf-8")
    assert '"location":"grade/' in (teacher_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert (teacher_site / "assets" / "javascripts" / "ck-grade.js").exists()

    assert not (student_site / "grade").exists()
    for rel in grading.ASSETS:
        assert not (student_site / rel).exists(), rel
    descriptor = data["worksheets"][0]["rubric"]["criteria"][0]["descriptors"][0]
    for f in student_site.rglob("*"):
        if f.suffix not in (".html", ".json", ".js", ".xml") or not f.is_file():
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        for leak in ("ck-grade.js", "ck-grade-read.js", "data-ck-grade", "ck-grade-data", "grade.css", "answerHtml",
                     descriptor):
            assert leak not in text, f"{f.relative_to(student_site)} contains {leak!r}"
        assert not re.search(r'href="[^"]*\bgrade/', text), f"{f.relative_to(student_site)} links to grade/"


def test_grade_data_cannot_end_its_script() -> None:
    text = script_json({"a": "</script><script>alert(1)</script><!-- \u2028 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script><!-- \u2028 & >"}
