"""题库-Word.docx read back with python-docx: one section per type, items numbered, the import layout."""

from __future__ import annotations

import re

import docx

from .qbank import HOSTILE


def paragraphs(out) -> list[str]:
    return [p.text for p in docx.Document(str(out / "题库-Word.docx")).paragraphs]


def test_sections_by_type_and_numbering(exported) -> None:
    _, out = exported
    document = docx.Document(str(out / "题库-Word.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、单选题", "二、多选题", "三、判断题", "四、填空题", "五、简答题", "六、案例分析题"]
    text = paragraphs(out)
    assert next(t for t in text if t) == "一、单选题"  # nothing an importer could take for part of a question
    judge = text.index("三、判断题")
    assert text[judge + 1] == "1. 社群成员之间需要持续互动。" and "2. 建了群就一定是社群。" in text[judge:]
    numbered = [t for t in text if re.match(r"^\d+\. ", t)]
    assert len([t for t in numbered if not t.startswith(("1. 说出", "2. 说出", "1. 指出"))]) == 8  # items, not scoring steps


def test_each_item_in_the_import_layout(exported) -> None:
    _, out = exported
    text = paragraphs(out)
    first = text.index(f"1. {HOSTILE} 哪一项对（　）")
    assert text[first + 1:first + 6] == ["A. +1 加号开头", "B. @某人 at 开头", "C. -1 减号开头", "D. 100% 对", "答案：B"]
    assert text[first + 6].startswith("解析：解析里也有 = < > & { } ~ # : 这些字符。") and "C 项错在：错因 C {x}" in text[first + 6]
    assert text[first + 7:first + 9] == ["难易度：易", "知识点：任务一　第一课"]
    assert "答案：AC" in text and "答案：正确" in text and "答案：错误" in text
    two = text.index("2. 社群靠（　）和（　）维系。")
    assert text[two + 1:two + 3] == ["答案：第1空：信任", "第2空：互动;交流"]
    short = text.index("1. 说说为什么要先定位再建群。")
    assert text[short + 1:short + 5] == ["答案：先想清楚为谁服务。", "评分要点（共 5 分）：", "1. 说出服务对象（3 分）", "2. 说出理由（2 分）"]


def test_cjk_fonts_as_the_other_word_files(exported) -> None:
    _, out = exported
    document = docx.Document(str(out / "题库-Word.docx"))
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
