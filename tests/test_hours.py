"""学时 from minutes: project hours come from the task pages; review and exam hours are planned in the data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl

from coursekit.errors import CourseError
from coursekit.handouts.schedule import PERIOD, build_schedule
from coursekit.handouts.xlsx import write_schedule_xlsx
from coursekit.hours import as_hours
from coursekit.registry import check, load
from coursekit.site import Site

from conftest import FIXTURE, ROOT


def test_project_hours_are_the_pages_minutes() -> None:
    reg = load(ROOT)
    for slug in reg.projects:
        minutes = sum(le.minutes.total for _, le in reg.lessons_of(slug))
        assert minutes and reg.hours(slug) == minutes / PERIOD, slug
    assert [reg.hours(s) for s in reg.projects] == [8, 10, 8, 11, 10, 11]


def test_review_and_exam_are_planned_and_the_total_is_the_semester() -> None:
    reg = load(ROOT)
    schedule = build_schedule(reg)
    assert [(s.kind, s.hours) for s in reg.course.sessions] == [("review", 4), ("exam", 2)]
    assert schedule.project_hours == 58 and schedule.planned_hours == 64
    assert reg.course.exam is not None and 2 * PERIOD >= reg.course.exam.minutes


def test_project_overview_and_schedule_agree(tmp_path: Path) -> None:
    reg = load(ROOT)
    site = Site(ROOT, "student", templates=ROOT / "templates")
    write_schedule_xlsx(reg, tmp_path / "s.xlsx")
    sheet = {r[0]: r for r in openpyxl.load_workbook(tmp_path / "s.xlsx")["项目学时"].iter_rows(values_only=True)}
    for slug, project in reg.projects.items():
        html = str(site.project_overview({"project": slug}, f"modules/{slug}/index.md"))
        shown = re.search(r"任务一览（共 ([\d.]+) 学时）", html)
        assert shown, slug
        assert float(shown.group(1)) == sheet[f"项目{project.number}　{project.title}"][3] == reg.hours(slug)
    assert sheet["合计"][3] == 64 and sheet["期末复习"][3] == 4 and sheet["期末考试"][3] == 2


def _course(tmp_path: Path, old: str, new: str) -> Path:
    root = tmp_path / "course"
    shutil.copytree(FIXTURE, root)
    outline = root / "data" / "course.yml"
    text = outline.read_text(encoding="utf-8")
    assert old in text
    outline.write_text(text.replace(old, new), encoding="utf-8")
    return root


def test_written_hours_that_disagree_are_reported_at_their_line(tmp_path: Path) -> None:
    root = _course(tmp_path, "title: 第一个项目}", "title: 第一个项目, hours: 4}")
    (problem,) = [p for p in check(root) if p.rule == "project-hours"]
    assert problem.path == "data/course.yml" and problem.line == 4
    assert "hours is 4" in problem.message and "75" in problem.message and str(as_hours(75)) in problem.message


def test_a_project_without_pages_needs_planned_hours(tmp_path: Path) -> None:
    root = _course(tmp_path, "title: 第二个项目, hours: 2}", "title: 第二个项目}")
    (problem,) = [p for p in check(root) if p.rule == "project-hours"]
    assert problem.line == 5 and "02-beta" in problem.message


def test_exam_longer_than_its_session_is_a_schema_error(tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "docs", root / "docs")
    outline = root / "data" / "course.yml"
    outline.write_text(outline.read_text(encoding="utf-8").replace("kind: exam, hours: 2", "kind: exam, hours: 1"),
                       encoding="utf-8")
    try:
        load(root)
    except CourseError as exc:
        (problem,) = exc.problems
        assert problem.rule == "schema" and problem.path == "data/course.yml" and "90" in problem.message
    else:
        raise AssertionError("an exam of 90 minutes in a 45-minute session loaded")
