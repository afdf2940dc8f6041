"""Teacher-only boxes are removed from the student edition, everything else is kept."""

from __future__ import annotations

import pytest

from coursekit.editions import check_edition, strip_teacher_blocks, teacher_blocks

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
