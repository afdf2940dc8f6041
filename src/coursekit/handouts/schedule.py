"""授课计划: one row per task, computed from the task pages' front matter and the macros they call.

A task's worksheets, SOPs and cases are the ones its page embeds, in page order;
minutes come from ``minutes: {teaching, practice}``; one class period (学时) is
45 minutes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from .. import kinds
from ..hours import PERIOD, as_hours
from ..registry import Registry
from ..render import cn_number

log = logging.getLogger(__name__)

TASK_HEADERS = ["项目", "任务", "讲授（分钟）", "实训（分钟）", "合计（分钟）", "学时"]


def scheduled() -> list[kinds.Kind[Any]]:
    """The kinds with a column of their own (:attr:`Kind.schedule`), in course order."""
    return [k for k in kinds.ALL if k.schedule]


def header_row() -> list[str]:
    """The table's header row: the task columns, then a column per scheduled kind."""
    return TASK_HEADERS + [k.title for k in scheduled()]


hours = as_hours  # the writers' name for it


@dataclass
class Row:
    """One task: its minutes and the records its page uses."""

    number: int
    task: int
    title: str
    teaching: int
    practice: int
    records: dict[str, list[Any]]

    @property
    def minutes(self) -> int:
        """Teaching plus practice minutes."""
        return self.teaching + self.practice

    def cells(self) -> list[Any]:
        """The row as the table shows it, in :func:`header_row` order."""
        return [f"项目{self.number}", f"任务{cn_number(self.task)}　{self.title}", self.teaching, self.practice,
                self.minutes, hours(self.minutes),
                *("\n".join(map(k.schedule, self.records[k.name])) for k in scheduled() if k.schedule)]


@dataclass
class ProjectRows:
    """A project's tasks; ``hours`` is its 学时 (its tasks' minutes, or the outline's plan while it has none)."""

    slug: str
    number: int
    title: str
    hours: float | int
    rows: list[Row] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        """Minutes of the tasks written so far."""
        return sum(r.minutes for r in self.rows)

    @property
    def planned_minutes(self) -> int:
        """The tasks' minutes, or the planned hours' while the project has no tasks."""
        return self.minutes if self.rows else round(self.hours * PERIOD)


@dataclass
class Schedule:
    """The whole 授课计划."""

    projects: list[ProjectRows]
    sessions: list[Any] = field(default_factory=list)  # review and exam (models.Session), after the projects
    headers: list[str] = field(default_factory=header_row)
    period: int = PERIOD

    @property
    def rows(self) -> list[Row]:
        """Every task row, in course order."""
        return [r for p in self.projects for r in p.rows]

    @property
    def total_minutes(self) -> int:
        """Minutes of all tasks."""
        return sum(p.minutes for p in self.projects)

    @property
    def total_hours(self) -> float | int:
        """All tasks' minutes in class periods."""
        return hours(self.total_minutes)

    @property
    def project_hours(self) -> float | int:
        """学时 of the projects (each from its tasks' minutes, or its plan while it has none)."""
        return as_hours(sum(p.planned_minutes for p in self.projects))

    @property
    def session_hours(self) -> int:
        """学时 of the review and exam sessions."""
        return sum(s.hours for s in self.sessions)

    @property
    def planned_hours(self) -> float | int:
        """The course's 学时: the projects' and the review and exam sessions'."""
        return as_hours(sum(p.planned_minutes for p in self.projects) + self.session_hours * PERIOD)

    def session_cells(self, session: Any) -> list[Any]:
        """A review or exam session as a row: no task, only its hours."""
        minutes = session.hours * PERIOD
        return ["复习考试", session.name, "", "", minutes, session.hours, *("" for _ in scheduled())]

    def total_cells(self) -> list[Any]:
        """The totals row: the tasks' minutes and, in 合计 and 学时, the review and exam sessions too."""
        rows = self.rows
        return ["合计", f"{len(rows)} 个任务", sum(r.teaching for r in rows), sum(r.practice for r in rows),
                self.total_minutes + self.session_hours * PERIOD,
                as_hours(self.total_minutes + self.session_hours * PERIOD),
                *(f"{sum(len(r.records[k.name]) for r in rows)} {k.counter}" for k in scheduled())]


def build_schedule(reg: Registry) -> Schedule:
    """The schedule of the course in ``reg``."""
    projects = []
    for slug, project in reg.projects.items():
        prows = ProjectRows(slug, project.number, project.title, reg.hours(slug))
        for path, lesson in reg.lessons_of(slug):
            prows.rows.append(Row(project.number, lesson.task, lesson.title, lesson.minutes.teaching,
                                  lesson.minutes.practice, embedded_records(reg, path)))
        projects.append(prows)
    return Schedule(projects, list(reg.course.sessions))


def embedded_records(reg: Registry, path: str) -> dict[str, list[Any]]:
    """Worksheets, SOPs and cases a page embeds, in the order it calls them, each once."""
    found: dict[str, list[Any]] = {k.name: [] for k in scheduled()}
    for name, arg, _ in reg.pages[path].calls:
        k = kinds.by_macro(name)
        kind = k.name if k else ""
        if kind in found and arg in reg.records[kind]:
            record = reg.records[kind][arg]
            if record not in found[kind]:
                found[kind].append(record)
    return found
