"""The ``coursekit`` command."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import click

from .clitools import course_root, root_option
from .errors import Problem, format_problems
from .lint import check_course, fix_course, load_config, summary
from .registry import Cache, load

log = logging.getLogger(__name__)

# Subcommands that live in their own modules, imported only when used (keeps `check` fast).
LAZY_COMMANDS: dict[str, str] = {
    "handouts": "coursekit.handouts.cli:handouts",
    "print": "coursekit.handouts.cli:print_book",
    "collect": "coursekit.collect.cli:collect",
    "schemas": "coursekit.schemas:schemas",
    "new": "coursekit.scaffold:new",
    "fix": "coursekit.lint.cli:fix",
    "offline": "coursekit.offline:offline",
    "slides": "coursekit.slides.cli:slides",
    "diagrams": "coursekit.diagrams_render:diagrams",
    "questions": "coursekit.assess.cli:questions",
    "deploy": "coursekit.deploy.cli:deploy",
    "release": "coursekit.release:release",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[name].split(":")
            command: click.Command = getattr(importlib.import_module(module), attr)
            return command
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup)
@click.version_option(package_name="coursekit")
def main() -> None:
    """社群运营实战课：检查内容、生成资料。"""


@main.command()
@root_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors (CI does).")
@click.option("--fix", is_flag=True, help="First correct Chinese typography and tabs in docs/ and data/.")
@click.option("--debug", is_flag=True, help="Show the traceback when coursekit itself fails.")
def check(root: str | None, strict: bool, fix: bool, debug: bool) -> None:
    """Validate data and pages, render every page in both editions, and lint them.

    Prints `file:line [rule] message` per problem (GitHub annotations too when CI is set);
    exits 1 if any error remains. Rule severities: coursekit.toml.
    """
    course = course_root(root)
    try:
        _check(course, strict, fix)
    except (click.ClickException, SystemExit):
        raise
    except Exception as exc:
        if debug:
            raise
        raise click.ClickException(f"coursekit itself failed ({type(exc).__name__}: {exc}); this is a bug in "
                                   f"coursekit, not in your content: please report it with the file you "
                                   f"changed last (run `coursekit check --debug` for details)") from None


def _check(course: Path, strict: bool, fix: bool) -> None:
    """The body of ``check``: fix, report, exit 1 on errors."""
    if fix:
        changed = fix_course(course, load_config(course))
        click.echo(f"Fixed typography in {len(changed)} file(s){': ' if changed else ''}{', '.join(changed)}")
    cache = Cache()  # the counts below reuse the checked course
    problems = collect_problems(course, strict, cache)
    if problems:
        click.echo(format_problems(problems), err=True)
        click.echo(f"{summary(problems)}: {len(problems)} problem(s) found.", err=True)
    if any(p.severity == "error" for p in problems):
        sys.exit(1)
    reg = load(course, cache)
    counts = ", ".join(f"{len(v)} {k}" for k, v in reg.records.items())
    click.echo(f"OK: {len(reg.pages)} pages, {len(reg.lessons)} task pages, {counts}.")


def collect_problems(course: Path, strict: bool = False, cache: Cache | None = None) -> list[Problem]:
    """Every problem in data, front matter, page macros and the lint rules, sorted and without duplicates."""
    return check_course(course, strict, cache=cache)
