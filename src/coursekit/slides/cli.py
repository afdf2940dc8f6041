"""``coursekit slides``: an editable PowerPoint deck per project."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from ..clitools import course_root, root_option
from ..errors import CourseError, format_problems

log = logging.getLogger(__name__)


@click.command()
@root_option
@click.option("--project", "projects", multiple=True, help="Only these projects (slug; repeat or comma-separate).")
@click.option("--out", type=click.Path(file_okay=False), help="Output folder (default: dist/slides).")
@click.option("--lang", type=click.Choice(["zh-Hans", "zh-Hant"]), default="zh-Hans", show_default=True,
              help="zh-Hant: 繁體中文 (Taiwan phrasing, the site's term table).")
def slides(root: str | None, projects: tuple[str, ...], out: str | None, lang: str) -> None:
    """One editable PPTX per project: objectives, tasks, tables, diagrams, cases, worksheets, notes."""
    from ..registry import load
    from .build import build_slides
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    course = course_root(root)
    chosen = [p.strip() for value in projects for p in value.split(",") if p.strip()]
    try:
        known = load(course).projects
        unknown = [p for p in chosen if p not in known]
        if unknown:
            raise click.ClickException(f"unknown project: {', '.join(unknown)}; use one of {', '.join(known)}")
        written = build_slides(course, Path(out) if out else course / "dist" / "slides", chosen or None, lang)
    except CourseError as exc:
        click.echo(format_problems(exc.problems), err=True)
        click.echo(f"{len(exc.problems)} problem(s) found; fix them and run `coursekit check` again.", err=True)
        sys.exit(1)
    for path in written:
        click.echo(str(path))
