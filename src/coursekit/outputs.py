"""Where each generated file goes, and what the site links to: handouts, 教学包, 授课计划, print edition, decks.

Below the site and the writers (handouts, slides), which both read it: the site links to the files
the writers make. Kept free of heavy imports: the site calls it on every page that shows a record.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from . import kinds

log = logging.getLogger(__name__)

SITE_DIR = "downloads"
"""Folder of the built site that ``make build`` fills with the student files."""

DECKS = "slides"
"""Folder under the site's downloads/ that ``make teacher`` fills with the decks."""

QUESTIONS = "questions"
"""Folder under the site's downloads/ that ``make teacher`` fills with the question bank's exports."""

QUESTION_FILES = {
    "xuexitong": ("题库-学习通.xlsx", "xlsx", "学习通题库 Excel"),
    "word": ("题库-Word.docx", "docx", "Word 题库（学习通、雨课堂导入）"),
    "moodle": ("题库-Moodle.xml", "xml", "Moodle XML"),
    "gift": ("题库-GIFT.txt", "txt", "Moodle GIFT"),
}
"""The exports of the whole bank (``coursekit questions``): writer → (file name, format, link label)."""

SCHEDULE = "schedule"
BOOK = {"student": "course.pdf", "teacher": "course.teacher.pdf"}


@dataclass(frozen=True)
class Output:
    """One generated file: its path under the output folder, format, edition and link label."""

    rel: str
    fmt: str            # pdf | docx | xlsx | zip | xml | txt
    teacher: bool       # holds teacher-only text
    label: str


def handout_kinds() -> list[kinds.Kind[Any]]:
    """The kinds whose records have handouts, in course order."""
    return [k for k in kinds.ALL if k.handouts]


def home_project(kind: str, record: Any) -> str:
    """The project folder a record's files live in (a case taught in two projects: its first)."""
    return kinds.kind(kind).project_of(record)


def record_outputs(kind: str, record: Any) -> list[Output]:
    """Every file made from one record (a worksheet, SOP or case), as its kind declares them."""
    k = kinds.kind(kind)
    if not k.handouts:
        raise ValueError(f"no handouts for kind '{kind}'")
    base = f"{k.project_of(record)}/{kind}/{record.id}"
    return [Output(base + h.suffix, h.fmt, h.teacher, h.label) for h in k.handouts]


SELF_ASSESSMENT = "项目实训自评互评表.docx"


def project_outputs(slug: str) -> list[Output]:
    """Files made once per project: the 项目实训 自评 / 互评 form (students fill it in)."""
    return [Output(f"{slug}/{SELF_ASSESSMENT}", "docx", False, "项目实训自评 / 互评表")]


def pack_outputs(slug: str) -> list[Output]:
    """A project's 教学包: student files only, and everything for teachers."""
    return [Output(f"{slug}.zip", "zip", False, "教学包"),
            Output(f"{slug}.teacher.zip", "zip", True, "教学包（教师版）")]


def schedule_outputs() -> list[Output]:
    """The course schedule (授课计划)."""
    return [Output(f"{SCHEDULE}.xlsx", "xlsx", False, "授课计划 Excel"),
            Output(f"{SCHEDULE}.pdf", "pdf", False, "授课计划 PDF")]


CALENDAR = "教学日历"


def calendar_outputs() -> list[Output]:
    """The 教学日历 (a document a teacher files: offered by the teacher edition only)."""
    return [Output(f"{CALENDAR}.xlsx", "xlsx", True, "教学日历 Excel"),
            Output(f"{CALENDAR}.pdf", "pdf", True, "教学日历 PDF")]


STANDARD = "课程标准"


def standard_outputs() -> list[Output]:
    """The 课程标准 (a document a teacher files: offered by the teacher edition only)."""
    return [Output(f"{STANDARD}.docx", "docx", True, "课程标准 Word"),
            Output(f"{STANDARD}.pdf", "pdf", True, "课程标准 PDF")]


EXAM_FILES = ("期末考试试卷A", "期末考试试卷A答案与评分标准", "期末考试试卷B", "期末考试试卷B答案与评分标准", "考核方案")
"""The exam papers, their keys and the 考核方案 (each .pdf and .docx), as :mod:`coursekit.assess.papers` names them."""


def question_outputs(exams: bool = True) -> list[Output]:
    """The question bank's platform exports and, with ``exams`` (a course with an exam blueprint), the exam
    files: teacher files (they hold answers or the exam)."""
    exports = [Output(f"{QUESTIONS}/{name}", fmt, True, label) for name, fmt, label in QUESTION_FILES.values()]
    papers = [Output(f"{QUESTIONS}/{stem}.{fmt}", fmt, True, f"{stem.replace('期末考试', '')} {fmt.upper()}")
              for stem in EXAM_FILES for fmt in ("pdf", "docx")]
    return exports + (papers if exams else [])


def visible(outputs: list[Output], teacher: bool) -> list[Output]:
    """The outputs an edition may show: the student site never links to teacher files."""
    return [o for o in outputs if teacher or not o.teacher]


def deck_name(slug: str) -> str:
    """File name of a project's PowerPoint deck."""
    return f"{slug}.pptx"
