"""学时 from minutes: a project's hours are its task pages' minutes in class periods of 45 minutes.

``data/course.yml`` may still write a project's ``hours``: as the plan of a project whose task pages are not
written yet, or as a cross-check once they are (``coursekit check`` reports a mismatch at that line, rule
``project-hours``). Review and exam hours belong to no task: they are ``sessions:`` in the course outline.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import Problem
from .yamlio import LineMap, line_of

PERIOD = 45
"""Minutes of one class period (学时)."""


def as_hours(minutes: int) -> float | int:
    """Minutes as class periods, to one decimal (whole numbers stay integers)."""
    value = round(minutes / PERIOD, 1)
    return int(value) if value == int(value) else value


def task_minutes(slug: str, lessons: Iterable[Any]) -> int:
    """Minutes (teaching and practice) of project ``slug``'s task pages."""
    return sum(le.minutes.teaching + le.minutes.practice for le in lessons if le.project == slug)


def project_hours(project: Any, lessons: Iterable[Any]) -> float | int:
    """The project's 学时: from its task pages' minutes, or the planned ``hours`` while it has none."""
    minutes = task_minutes(project.slug, lessons)
    return as_hours(minutes) if minutes else (project.hours or 0)


def check(course: Any, lessons: Iterable[Any], lines: LineMap) -> list[Problem]:
    """A written ``hours`` that disagrees with the project's task pages, at its line in data/course.yml."""
    lessons = list(lessons)
    found = []
    for i, project in enumerate(course.projects):
        minutes = task_minutes(project.slug, lessons)
        if minutes and project.hours is not None and project.hours != as_hours(minutes):
            found.append(Problem(
                "data/course.yml", line_of(lines, ("projects", i, "hours")), "project-hours",
                f"projects[{i}] ({project.slug}): hours is {project.hours} but its task pages' minutes add up to "
                f"{minutes} ({as_hours(minutes)} 学时 of {PERIOD} minutes); delete hours (it is computed from "
                f"the pages) or change the pages' minutes"))
        if not minutes and project.hours is None:
            found.append(Problem(
                "data/course.yml", line_of(lines, ("projects", i)), "project-hours",
                f"projects[{i}] ({project.slug}) has no task pages yet: plan its hours (hours: 10) until they "
                f"are written"))
    return found
