"""题库-Moodle.xml: the whole bank in Moodle XML, ready for 题库 → 导入 → Moodle XML 格式.

A category question per project and per task (``$course$/top/项目…/任务…``), then one <question> per
item: 单选 and 多选 as multichoice (a 多选's right options share 100 %, each wrong one takes off as much
as one right one gives, so ticking everything scores nothing), 判断 as truefalse, 填空 as cloze
(multianswer) — each blank stays where it is in the sentence and is marked on its own with all its
accepted answers, which a shortanswer (one answer box under the text) cannot do — and 简答 / 案例分析
as essay with the reference answer and scoring points as graderinfo, for the marker only. generalfeedback
is the 解析; each wrong option's feedback says why it is wrong. Text is the data's Markdown rendered
to HTML with raw HTML escaped (coursekit.markup), then escaped once more by lxml as XML text.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from lxml import etree

from .. import outputs
from ..markup import md
from ..models.question import LETTERS, Item
from ..registry import Registry
from . import bank

log = logging.getLogger(__name__)

FILE = outputs.QUESTION_FILES["moodle"][0]
_HOLE = "\ue000"
# Moodle accepts only these grade fractions (question/format.php); 100 / k for k right options is among them
FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5"}


def write_moodle(reg: Registry, out_dir: Path, lang: str = "zh-Hans") -> list[Path]:
    """Write the Moodle XML file to ``out_dir``; returns its path."""
    quiz = etree.Element("quiz")
    seen: set[str] = set()
    for e in bank.entries(reg):
        project = category_path(e.project_name)
        task = category_path(e.project_name, e.task_name)
        for path in (project, task):
            if path not in seen:
                seen.add(path)
                _category(quiz, path)
        quiz.append(question(e.item, e.uid, e.point))
    dest = out_dir / FILE
    etree.ElementTree(quiz).write(str(dest), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return [dest]


def category_path(*names: str) -> str:
    """Moodle's category path; ``/`` separates levels, so a title's own slash is written ``//``."""
    return "$course$/top/" + "/".join(n.replace("/", "//") for n in names)


def _category(quiz: etree._Element, path: str) -> None:
    q = etree.SubElement(quiz, "question", type="category")
    _text(etree.SubElement(q, "category"), path)
    _text(etree.SubElement(q, "info", format="html"), "")


def _text(parent: etree._Element, value: str) -> etree._Element:
    etree.SubElement(parent, "text").text = value
    return parent


def html(markdown: str) -> str:
    """A data field as HTML (raw HTML in it escaped)."""
    return str(md(markdown))


def question(q: Item, uid: str, point: str) -> etree._Element:
    """One item as a Moodle <question>."""
    kind = {"single": "multichoice", "multiple": "multichoice", "judge": "truefalse", "blank": "cloze",
            "short": "essay", "case": "essay"}[q.type]
    el = etree.Element("question", type=kind)
    _text(etree.SubElement(el, "name"), uid)
    stem = cloze_text(q) if q.type == "blank" else html(q.stem)
    _text(etree.SubElement(el, "questiontext", format="html"), stem)
    _text(etree.SubElement(el, "generalfeedback", format="html"), html(q.analysis))
    etree.SubElement(el, "defaultgrade").text = str(bank.total_points(q) if q.scoring else 1)
    etree.SubElement(el, "penalty").text = "1" if q.type == "judge" else "0.3333333"
    etree.SubElement(el, "hidden").text = "0"
    etree.SubElement(el, "idnumber").text = uid
    if q.type in ("single", "multiple"):
        _choices(el, q)
    elif q.type == "judge":
        _truefalse(el, q)
    elif q.type in ("short", "case"):
        _essay(el, q)
    tags = etree.SubElement(el, "tags")
    for tag in [q.difficulty, point, "课后自测" if q.selfcheck else "", "知识" if q.objective == "knowledge" else "技能"]:
        if tag:
            _text(etree.SubElement(tags, "tag"), tag)
    return el


def _choices(el: etree._Element, q: Item) -> None:
    assert isinstance(q.answer, str)
    etree.SubElement(el, "single").text = "true" if q.type == "single" else "false"
    etree.SubElement(el, "shuffleanswers").text = "true"
    etree.SubElement(el, "answernumbering").text = "ABCD"
    right, wrong = FRACTIONS[len(q.answer)], "0" if q.type == "single" else "-" + FRACTIONS[len(q.answer)]
    for i, option in enumerate(q.options):
        letter = LETTERS[i]
        answer = etree.SubElement(el, "answer", fraction=right if letter in q.answer else wrong, format="html")
        _text(answer, html(option))
        feedback = q.why_wrong.get(letter, "")
        _text(etree.SubElement(answer, "feedback", format="html"), html(feedback) if feedback else "")


def _truefalse(el: etree._Element, q: Item) -> None:
    for value in (True, False):
        right = q.answer is value
        answer = etree.SubElement(el, "answer", fraction="100" if right else "0", format="moodle_auto_format")
        _text(answer, "true" if value else "false")
        _text(etree.SubElement(answer, "feedback", format="html"), "" if right else html(q.analysis))


def _essay(el: etree._Element, q: Item) -> None:
    assert isinstance(q.answer, str)
    for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "15"),
                       ("attachments", "0"), ("attachmentsrequired", "0")):
        etree.SubElement(el, tag).text = value
    steps = "".join(f"<li>{html(s.step)}（{s.points} 分）</li>" for s in q.scoring)
    grader = f"{html(q.answer)}<p>评分要点（共 {bank.total_points(q)} 分）：</p><ol>{steps}</ol>"
    _text(etree.SubElement(el, "graderinfo", format="html"), grader)
    _text(etree.SubElement(el, "responsetemplate", format="html"), "")


def cloze_text(q: Item) -> str:
    """The stem as HTML with each ``____`` replaced by a cloze short-answer blank holding its accepted answers."""
    rendered = html(q.stem.replace(bank.BLANK, _HOLE))
    for accepted in bank.blanks(q):
        rendered = rendered.replace(_HOLE, "{1:SHORTANSWER:" + "~".join("=" + cloze_escape(a) for a in accepted) + "}", 1)
    return rendered


def cloze_escape(value: str) -> str:
    """An answer inside a cloze blank: Moodle reads } # ~ / " \\ there as syntax unless backslashed;
    < > & are HTML-escaped like the rest of the question text."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r'([}#~/"\\])', r"\\\1", value)
