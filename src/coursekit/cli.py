"""The ``coursekit`` command."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import click

from .editions import EDITIONS
from .errors import CourseError, Problem, format_problems
from .pagecheck import render_page
from .registry import load
from .site import Site

log = logging.getLogger(__name__)


def root_option(f):  # noqa: ANN001, ANN201 - click decorator
    """The shared ``--root`` option."""
    return click.option("--root", type=click.Path(file_okay=False, exists=True),
                        help="Course folder (default: found from here).")(f)


def course_root(path: str | None) -> Path:
    """The course root, for subcommands in other modules."""
    return _root(path)


def _root(path: str | None) -> Path:
    """The course root: the given folder, else the nearest folder above holding mkdocs.yml."""
    if path:
        return Path(path).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").exists():
            return folder
    raise click.ClickException("no mkdocs.yml here or above; run inside the course or pass --root")


# Subcommands that live in their own modules, imported only when used (keeps `check` fast).
LAZY_COMMANDS: dict[str, str] = {}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup)
@click.version_option(package_name="coursekit")
def main() -> None:
    """社群运营实战课：检查内容、生成资料。"""


@main.command()
@root_option
def check(root: str | None) -> None:
    """Validate all data and pages and render every page's macros, in both editions."""
    course = _root(root)
    problems = collect_problems(course)
    if problems:
        click.echo(format_problems(problems), err=True)
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        sys.exit(1)
    reg = load(course)
    counts = ", ".join(f"{len(v)} {k}" for k, v in reg.records.items())
    click.echo(f"OK: {len(reg.pages)} pages, {len(reg.lessons)} task pages, {counts}.")


def collect_problems(course: Path) -> list[Problem]:
    """Every problem in data, front matter and page macros, sorted and without duplicates."""
    try:
        reg = load(course)
    except CourseError as exc:
        return exc.problems
    problems: set[Problem] = set()
    for edition in EDITIONS:
        site = Site(course, edition)
        for src, page in reg.pages.items():
            problems.update(render_page(site, src, page)[1])
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.rule, p.message))
