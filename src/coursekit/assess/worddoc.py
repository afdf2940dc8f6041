"""题库-Word.docx: the whole bank in the layout 学习通's and 雨课堂's Word import read.

One section per type (``一、单选题``), items numbered from 1 within it as literal text (an import reads
the text, not Word's list numbering), then one line per part::

    1. 题干（　）
    A. …
    答案：B
    解析：…
    难易度：易
    知识点：…

判断题 answer 正确 or 错误; a 填空题's blanks are written （　） and 答案 names each blank (``第1空：…``),
its accepted answers separated by ``;``; 简答题 and 案例分析题 add 评分要点. Fonts as the other Word files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from docx import Document

from .. import outputs
from ..handouts.docxstyle import header_footer, setup
from ..handouts.fonts import DEFAULT, face
from ..models.question import TYPE_NAMES
from ..registry import Registry
from ..render import cn_number
from . import bank
from .bank import Entry

log = logging.getLogger(__name__)

FILE = outputs.QUESTION_FILES["word"][0]
BLANK = "（　）"
ALTERNATIVES = ";"


def write_word(reg: Registry, out_dir: Path, lang: str = DEFAULT) -> list[Path]:
    """Write the Word 题库 to ``out_dir``; returns its path."""
    doc = Document()
    setup(doc, face(lang))
    header_footer(doc, f"{reg.course.title} 题库", "教师用，含答案")
    doc.core_properties.title = f"{reg.course.title} 题库"
    doc.core_properties.author = f"{reg.course.title}编写组"
    doc.core_properties.language = face(lang).tag
    # nothing before 一、单选题: an importer takes any other text for part of a question (the title is in the header)
    all_entries = list(bank.entries(reg))
    number = 0
    for kind, name in TYPE_NAMES.items():
        of_kind = [e for e in all_entries if e.item.type == kind]
        if not of_kind:
            continue
        number += 1
        doc.add_paragraph(f"{cn_number(number)}、{name}", style="Heading 1")
        for i, entry in enumerate(of_kind, start=1):
            for line in item_lines(entry, i):
                doc.add_paragraph(line)
            doc.add_paragraph()
    dest = out_dir / FILE
    doc.save(str(dest))
    return [dest]


def item_lines(e: Entry, number: int) -> list[str]:
    """The paragraphs of one item, in import order."""
    q = e.item
    lines = [f"{number}. {bank.stem(q, BLANK)}"]
    lines += [f"{letter}. {text}" for letter, text in bank.options(q)]
    if q.type == "judge":
        lines.append("答案：" + bank.judge_word(q.answer is True))
    elif q.type == "blank":
        lines += [f"{'答案：' if n == 1 else ''}第{n}空：{ALTERNATIVES.join(accepted)}"
                  for n, accepted in enumerate(bank.blanks(q), start=1)]
    elif q.type in ("single", "multiple"):
        lines.append(f"答案：{q.answer}")
    else:
        assert isinstance(q.answer, str)
        lines.append("答案：" + bank.text(q.answer))
        lines.append(f"评分要点（共 {bank.total_points(q)} 分）：")
        lines += [f"{n}. {bank.text(s.step)}（{s.points} 分）" for n, s in enumerate(q.scoring, start=1)]
    # why each distractor is wrong stays in the 解析 paragraph: a line of its own starting "A" could be
    # taken for an option by an importer
    wrong = "".join(f"　{letter} 项错在：{reason}" for letter, reason in bank.why_wrong(q))
    lines.append("解析：" + bank.text(q.analysis) + wrong)
    lines.append(f"难易度：{q.difficulty}")
    lines.append(f"知识点：{e.point}")
    return lines
