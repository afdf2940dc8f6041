"""``coursekit handouts`` and ``coursekit print``: teaching materials from the course data."""

from __future__ import annotations

import datetime
import logging
import sys
from pathlib import Path

import click

from ..clitools import course_root, root_option
from ..errors import CourseError, format_problems
from .fontcheck import FontsMissing
from .jobs import EDITIONS, FORMATS, Selection

log = logging.getLogger(__name__)


def _fail_on_course_error(exc: CourseError) -> None:
    """Report bad data exactly as ``coursekit check`` does, and exit 1 (no traceback)."""
    click.echo(format_problems(exc.problems), err=True)
    click.echo(f"{len(exc.problems)} problem(s) found; fix them and run `coursekit check` again.", err=True)
    sys.exit(1)


def _fail_on_missing_fonts(exc: FontsMissing) -> None:
    """Which font face is missing and how to install it, and exit 1 (no traceback, no file written)."""
    click.echo(str(exc), err=True)
    sys.exit(1)


def _split(values: tuple[str, ...]) -> frozenset[str] | None:
    """Repeated or comma-separated option values; None when none were given."""
    items = {v.strip() for value in values for v in value.split(",") if v.strip()}
    return frozenset(items) or None


@click.command()
@root_option
@click.option("--out", type=click.Path(file_okay=False), help="Output folder (default: dist/handouts).")
@click.option("--project", "projects", multiple=True, help="Only these projects (slug; repeat or comma-separate).")
@click.option("--id", "ids", multiple=True, help="Only these worksheets, SOPs or cases (id; repeat or comma-separate).")
@click.option("--format", "formats", multiple=True, help=f"Only these formats: {', '.join(FORMATS)}.")
@click.option("--edition", type=click.Choice(EDITIONS), default="both", show_default=True,
              help="student: no teacher-only file; teacher: only the teacher files; both: all.")
@click.option("--lang", type=click.Choice(["zh-Hans", "zh-Hant"]), default="zh-Hans", show_default=True,
              help="zh-Hant: 繁體中文 (Taiwan phrasing; default output dist/handouts-zh-hant).")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]),
              help="教学日历: Monday of the first teaching week (default: calendar.start in data/course.yml).")
@click.option("--weekly-hours", type=click.IntRange(1, 20),
              help="教学日历: 学时 per week (default: calendar.weekly_hours in data/course.yml).")
@click.option("--cache", type=click.Path(file_okay=False), help="Cache folder (default: dist/.cache/handouts).")
@click.option("--jobs", "workers", type=int, help="Worker processes (default: one per CPU core).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def handouts(root: str | None, out: str | None, projects: tuple[str, ...], ids: tuple[str, ...],
             formats: tuple[str, ...], edition: str, lang: str, start: datetime.datetime | None,
             weekly_hours: int | None, cache: str | None, workers: int | None, quiet: bool) -> None:
    """Worksheets (PDF, Word), SOPs (Excel, PDF), cases (PDF), 教学包 zips and the 授课计划."""
    from .build import build_handouts
    course = course_root(root)
    fmts = _split(formats)
    unknown = sorted((fmts or set()) - set(FORMATS))
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}; use {', '.join(FORMATS)}", param_hint="--format")
    if start is not None and start.weekday() != 0:
        raise click.BadParameter(f"{start:%Y-%m-%d} is not a Monday; give the Monday of the first teaching week",
                                 param_hint="--start")
    sel = Selection(_split(projects), _split(ids), fmts, edition, lang, start.date() if start else None, weekly_hours)
    try:
        _check_selection(course, sel)
        default_out = course / "dist" / ("handouts" if lang == "zh-Hans" else "handouts-zh-hant")
        report = build_handouts(course, Path(out) if out else default_out, sel,
                                Path(cache) if cache else None, workers, progress=not quiet)
    except CourseError as exc:
        _fail_on_course_error(exc)
        return
    except FontsMissing as exc:
        _fail_on_missing_fonts(exc)
        return
    if report.planned == 0:
        raise click.ClickException("nothing matches the selection")
    for rel, error in sorted(report.failed.items()):
        click.echo(f"{rel}: {error}", err=True)
    click.echo(report.summary(), err=bool(report.failed))
    if report.failed:
        sys.exit(1)


def _check_selection(course: Path, sel: Selection) -> None:
    """Unknown project slugs or ids are errors, not an empty run (CourseError if the data is bad)."""
    from ..outputs import handout_kinds
    from ..registry import load
    reg = load(course)
    bad = sorted((sel.projects or set()) - set(reg.projects))
    known_ids = {i for k in handout_kinds() for i in reg.records[k.name]}
    bad += sorted((sel.ids or set()) - known_ids)
    if bad:
        raise click.ClickException(f"unknown project or id: {', '.join(bad)}")


@click.command("print")
@root_option
@click.option("--out", type=click.Path(file_okay=False), help="Output folder (default: dist/print).")
@click.option("--edition", type=click.Choice(EDITIONS), default="both", show_default=True,
              help="student: course.pdf; teacher: course.teacher.pdf; both.")
@click.option("--lang", type=click.Choice(["zh-Hans", "zh-Hant"]), default="zh-Hans", show_default=True,
              help="zh-Hant: 繁體中文 (Taiwan phrasing; default output dist/print-zh-hant).")
@click.option("--cache", type=click.Path(file_okay=False), help="Cache folder (default: dist/.cache/handouts).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def print_book(root: str | None, out: str | None, edition: str, lang: str, cache: str | None, quiet: bool) -> None:
    """The print edition: the whole course as one book-quality PDF per edition."""
    from .build import build_book
    course = course_root(root)
    editions = ["student", "teacher"] if edition == "both" else [edition]
    default_out = course / "dist" / ("print" if lang == "zh-Hans" else "print-zh-hant")
    try:
        report = build_book(course, Path(out) if out else default_out, editions,
                            Path(cache) if cache else None, progress=not quiet, lang=lang)
    except CourseError as exc:
        _fail_on_course_error(exc)
        return
    except FontsMissing as exc:
        _fail_on_missing_fonts(exc)
        return
    for rel, error in sorted(report.failed.items()):
        click.echo(f"{rel}: {error}", err=True)
    click.echo(report.summary(), err=bool(report.failed))
    if report.failed:
        sys.exit(1)
