"""What every ``coursekit`` subcommand shares: the ``--root`` option and finding the course.

Kept apart from :mod:`coursekit.cli` (which imports every subcommand) so that a subcommand's module
imports only downward.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def root_option(f: F) -> F:
    """The shared ``--root`` option."""
    return click.option("--root", type=click.Path(file_okay=False, exists=True),
                        help="Course folder (default: found from here).")(f)


def course_root(path: str | None) -> Path:
    """The course root: the given folder, else the nearest folder above holding mkdocs.yml."""
    if path:
        return Path(path).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").exists():
            return folder
    raise click.ClickException("no mkdocs.yml here or above; run inside the course or pass --root")
