"""The one reading of a page: fences, boxes, headings and macro calls, each at its file line."""

from __future__ import annotations

from pathlib import Path

from coursekit import mdread
from coursekit.editions import strip_teacher_blocks, teacher_blocks
from coursekit.pages import read_page

PAGE = """---
title: 示例
---

# 标题 { #top }

!!! practice "学以致用"
    做一做。

    ??? answer "参考答案"
        答案。

        ```text
        !!! teacher "在代码里"
        ```

    仍在练习里。

```markdown
!!! teacher "示例代码"
    这是代码，不是提示框。
```

| 题目 | 出处 |
|---|---|
| {{ worksheet("ws-1") }} | {{ term("社群", "社群") }} |

## 小节 { #part }
"""


def test_line_numbers_count_the_front_matter(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    page, problems = read_page(tmp_path / "p.md", "p.md")
    assert page is not None and not problems
    doc = page.doc
    assert [(h.line, h.level, h.text, h.id) for h in doc.headings] == [(5, 1, "标题", "top"), (28, 2, "小节", "part")]
    assert [(b.line, b.type) for b in doc.boxes] == [(7, "practice"), (10, "answer")]
    assert PAGE.splitlines()[6].startswith("!!! practice")


def test_nested_boxes_know_their_parent_title_and_extent() -> None:
    doc = mdread.read(PAGE.split("---\n", 2)[2], 4)
    practice, answer = doc.boxes
    assert (practice.marker, practice.title, practice.parent, practice.end) == ("!!!", "学以致用", None, 18)
    assert (answer.marker, answer.title, answer.parent, answer.indent, answer.end) == ("???", "参考答案", 0, 4, 16)
    assert practice.has_body and answer.has_body


def test_boxes_written_in_fences_are_code() -> None:
    doc = mdread.read(PAGE.split("---\n", 2)[2], 4)
    assert [(f.line, f.end, f.lang, f.closed) for f in doc.fences] == [(13, 15, "text", True), (19, 22, "markdown", True)]
    assert doc.fences[0].source() == '!!! teacher "在代码里"\n'
    assert "teacher" not in {b.type for b in doc.boxes}
    assert {20, 21} <= doc.code


def test_macros_inside_tables_have_line_and_column() -> None:
    doc = mdread.read(PAGE.split("---\n", 2)[2], 4)
    assert [(m.line, m.col, m.name, m.arg) for m in doc.macros] == [(26, 3, "worksheet", "ws-1"),
                                                                    (26, 29, "term", "社群")]


def test_teacher_stripping_keeps_fenced_examples_and_nesting() -> None:
    body = PAGE.split("---\n", 2)[2]
    out = strip_teacher_blocks(body)
    assert "参考答案" not in out and "答案。" not in out and "在代码里" not in out
    assert "仍在练习里。" in out and '!!! teacher "示例代码"' in out
    assert teacher_blocks(body) == ["答案。", "```text", "```"]


def test_crlf_and_bom_files(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_bytes(("\ufeff" + PAGE).replace("\n", "\r\n").encode("utf-8"))
    page, problems = read_page(tmp_path / "p.md", "p.md")
    assert page is not None and not problems
    assert [b.line for b in page.doc.boxes] == [7, 10]
    crlf = page.body.replace("\n", "\r\n")
    doc = mdread.read(crlf, page.body_line)
    assert [(b.line, b.title) for b in doc.boxes] == [(7, "学以致用"), (10, "参考答案")]
    assert [(f.line, f.end) for f in doc.fences] == [(13, 15), (19, 22)]
    assert strip_teacher_blocks(crlf) == strip_teacher_blocks(page.body).replace("\n", "\r\n")


def test_unclosed_fence_in_a_box_ends_with_the_box() -> None:
    body = "!!! practice\n    ```\n    code\n\n!!! teacher\n    秘密\n"
    doc = mdread.read(body)
    assert [(f.line, f.end, f.closed) for f in doc.fences] == [(2, 4, False)]
    assert strip_teacher_blocks(body) == "!!! practice\n    ```\n    code\n\n"


def test_lines_split_at_newlines_only() -> None:
    body = "!!! teacher\n    一\u2028二\n正文\n"
    assert strip_teacher_blocks(body) == "正文\n"
    assert mdread.read(body).lines == [(1, "!!! teacher"), (2, "    一\u2028二"), (3, "正文")]


def test_slides_read_boxes_and_fences_as_the_site_does() -> None:
    from coursekit.slides.markdown import parse

    body = '!!! tip "提示"\n\t用了制表符缩进。\n\n```markdown\n!!! teacher "示例"\n```\n\n```mermaid\ngraph LR\n```\n'
    blocks = parse(body, lambda i, t: t or i)
    assert [(b.kind, b.anchor) for b in blocks] == [("box", "tip"), ("para", ""), ("diagram", "")]
    assert blocks[0].children[0].text == "用了制表符缩进。"
    assert blocks[1].text == '!!! teacher "示例"' and blocks[2].text == "graph LR"


def test_diagram_checks_find_the_mermaid_fences_the_site_draws() -> None:
    from coursekit.diagrams import fences

    body = "````markdown\n```mermaid\ngraph TD\n```\n````\n\n- 列表\n\n    ~~~mermaid\n    graph LR\n      a --> b\n    ~~~\n"
    assert fences(body) == ["graph LR\n  a --> b\n"]
