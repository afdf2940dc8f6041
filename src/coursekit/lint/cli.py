"""``coursekit fix``: only the automatic typography fixes (for pre-commit hooks and editors)."""

from __future__ import annotations

import logging
import sys

import click

from ..clitools import course_root, root_option
from .config import load_config
from .style import fix_course

log = logging.getLogger(__name__)


@click.command()
@root_option
def fix(root: str | None) -> None:
    """Correct Chinese typography and tabs in docs/ and data/; exit 1 if a file changed (pre-commit)."""
    course = course_root(root)
    config = load_config(course)
    changed = fix_course(course, config)
    for rel in changed:
        click.echo(f"fixed {rel}")
    sys.exit(1 if changed else 0)
