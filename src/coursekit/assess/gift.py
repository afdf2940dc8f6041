"""题库-GIFT.txt: the whole bank in Moodle's GIFT text format.

``$CATEGORY: $course$/top/项目…/任务…`` before each task's items, one item per block (a blank line ends
a block), every text as ``[html]`` with HTML escaped, then GIFT's own characters ~ = # { } : and the
backslash escaped with a backslash, as Moodle's reader (question/format/gift) undoes them. Feedback
follows ``#``: why each wrong option is wrong, ``####`` the 解析. 判断题 write ``{TRUE#wrong#right}``
(Moodle shows the first feedback after a wrong answer); a 多选's right options share 100 % and each
wrong one takes as much off (GIFT weights stop at two digits, so never -100). GIFT has no blank in the
middle of a sentence for more than one blank: a one-blank 填空 is written in Moodle's missing-word
form, a 填空 with several blanks as one short answer, the blanks numbered and every combination of
accepted answers listed, separated by ``；``. 简答 and 案例分析 are essays, their reference answer and
scoring points in the general feedback (GIFT has no grader-only field: set the quiz's review options).
"""

from __future__ import annotations

import html as htmllib
import itertools
import logging
import re
from pathlib import Path

from .. import outputs
from ..models.question import Item
from ..registry import Registry
from . import bank
from .moodle import FRACTIONS, category_path

log = logging.getLogger(__name__)

FILE = outputs.QUESTION_FILES["gift"][0]
_SPECIAL = re.compile(r"([\\~=#{}:])")
JOIN = "；"
"""Between the answers of a several-blank 填空 typed into one box."""


def write_gift(reg: Registry, out_dir: Path, lang: str = "zh-Hans") -> list[Path]:
    """Write the GIFT file to ``out_dir``; returns its path."""
    blocks: list[str] = [f"// {reg.course.title} 题库（教师用，含答案）"]
    category = ""
    for e in bank.entries(reg):
        path = category_path(e.project_name, e.task_name)
        if path != category:
            category = path
            blocks.append("$CATEGORY: " + path)
        blocks.append(item_block(e.item, e.uid))
    dest = out_dir / FILE
    dest.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return [dest]


def escape(text: str) -> str:
    """Plain text as GIFT ``[html]`` text: HTML-escaped, lines as <br>, GIFT's characters backslashed.

    A leading ``%`` becomes a character reference: an answer starting ``%50%`` would be read as a weight.
    (No line of the file starts with text, so ``//`` cannot start a comment.)
    """
    value = htmllib.escape(text, quote=False).replace("\n", "<br>")
    if value.startswith("%"):
        value = "&#37;" + value[1:]
    return _SPECIAL.sub(r"\\\1", value)


def item_block(q: Item, uid: str) -> str:
    """One item as a GIFT block."""
    head = f"::{escape(uid)}::[html]"
    general = "####[html]" + escape(bank.text(q.analysis))
    if q.type in ("single", "multiple"):
        return f"{head}{escape(bank.stem(q))} {{\n" + "\n".join(_choices(q)) + f"\n{general}\n}}"
    if q.type == "judge":
        wrong, right = escape(bank.text(q.analysis)), escape("回答正确。")
        return f"{head}{escape(bank.stem(q))} {{{'TRUE' if q.answer is True else 'FALSE'}#{wrong}#{right}{general}}}"
    if q.type == "blank":
        return _blank(q, head, general)
    assert isinstance(q.answer, str)
    steps = "\n".join(f"{n}. {bank.text(s.step)}（{s.points} 分）" for n, s in enumerate(q.scoring, start=1))
    reference = f"参考答案：{bank.text(q.answer)}\n评分要点（共 {bank.total_points(q)} 分）：\n{steps}\n解析：{bank.text(q.analysis)}"
    return f"{head}{escape(bank.stem(q))} {{####[html]{escape(reference)}}}"


def _choices(q: Item) -> list[str]:
    assert isinstance(q.answer, str)
    share = FRACTIONS[len(q.answer)]
    lines = []
    for letter, option in bank.options(q):
        why = q.why_wrong.get(letter)
        feedback = f"#{escape(bank.text(why))}" if why else ""
        if q.type == "single":
            mark = "=" if letter in q.answer else "~"
        else:
            mark = f"~%{share}%" if letter in q.answer else f"~%-{share}%"
        lines.append(f"{mark}{escape(option)}{feedback}")
    return lines


def _blank(q: Item, head: str, general: str) -> str:
    accepted = bank.blanks(q)
    parts = bank.text(q.stem).split(bank.BLANK)
    if len(accepted) == 1:
        answers = " ".join("=" + escape(a) for a in accepted[0])
        return f"{head}{escape(parts[0])}{{{answers}{general}}}{escape(parts[1])}"
    stem = "".join(escape(part) + (f"（{i + 1}）" if i < len(accepted) else "") for i, part in enumerate(parts))
    hint = escape(f"（按空的顺序作答，各空之间用“{JOIN}”隔开）")
    answers = " ".join("=" + escape(JOIN.join(combo)) for combo in itertools.product(*accepted))
    return f"{head}{stem}{hint}{{{answers}{general}}}"

