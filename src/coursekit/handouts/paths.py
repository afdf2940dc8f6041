"""Where each generated file goes, and what the site links to.

Kept free of heavy imports: the site's templates call :func:`downloads_of`
on every page that shows a worksheet, SOP or case.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

SITE_DIR = "downloads"
"""Folder of the built site that ``make build`` fills with the student files."""

SCHEDULE = "schedule"
BOOK = {"student": "course.pdf", "teacher": "course.teacher.pdf"}
KIND_DIRS = ("worksheets", "sops", "cases")


@dataclass(frozen=True)
class Output:
    """One generated file: its path under the output folder, format, edition and link label."""

    rel: str
    fmt: str            # pdf | docx | xlsx | zip
    teacher: bool       # holds teacher-only text
    label: str


def home_project(kind: str, record: Any) -> str:
    """The project folder a record's files live in (a case taught in two projects: its first)."""
    return str(record.projects[0] if kind == "cases" else record.project)


def record_outputs(kind: str, record: Any) -> list[Output]:
    """Every file made from one worksheet, SOP or case."""
    base = f"{home_project(kind, record)}/{kind}/{record.id}"
    if kind == "worksheets":
        return [Output(f"{base}.pdf", "pdf", False, "PDF"),
                Output(f"{base}.docx", "docx", False, "Word"),
                Output(f"{base}.teacher.pdf", "pdf", True, "教师版 PDF")]
    if kind == "sops":
        return [Output(f"{base}.xlsx", "xlsx", False, "Excel"),
                Output(f"{base}.pdf", "pdf", False, "PDF 清单")]
    if kind == "cases":
        return [Output(f"{base}.pdf", "pdf", False, "PDF"),
                Output(f"{base}.teacher.pdf", "pdf", True, "教师版 PDF")]
    raise ValueError(f"no handouts for kind '{kind}'")


def pack_outputs(slug: str) -> list[Output]:
    """A project's 教学包: student files only, and everything for teachers."""
    return [Output(f"{slug}.zip", "zip", False, "教学包"),
            Output(f"{slug}.teacher.zip", "zip", True, "教学包（教师版）")]


def schedule_outputs() -> list[Output]:
    """The course schedule (授课计划)."""
    return [Output(f"{SCHEDULE}.xlsx", "xlsx", False, "授课计划 Excel"),
            Output(f"{SCHEDULE}.pdf", "pdf", False, "授课计划 PDF")]


def visible(outputs: list[Output], teacher: bool) -> list[Output]:
    """The outputs an edition may show: the student site never links to teacher files."""
    return [o for o in outputs if teacher or not o.teacher]
