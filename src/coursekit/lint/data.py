"""File rules: no huge files, and each bibliography entry's source file exists."""

from __future__ import annotations

import logging

from .. import kinds
from ..errors import Problem
from ..yamlio import MAX_BYTES, line_of, too_big
from .context import Context

log = logging.getLogger(__name__)

__all__ = ["MAX_BYTES", "check"]  # one limit, in yamlio: loading refuses data files over it


def check(ctx: Context) -> list[Problem]:
    """Pages over 1 MB (loading refuses such data files), and bibliography files missing from the sources folder."""
    problems = []
    for path in sorted((ctx.root / "docs").rglob("*.md")):
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.append(too_big(path.relative_to(ctx.root).as_posix(), size))
    return problems + _sources(ctx)


def _sources(ctx: Context) -> list[Problem]:
    """Each bibliography ``file`` exists in the sources folder set in coursekit.toml."""
    folder = ctx.config.sources
    if ctx.reg is None or folder is None or not folder.is_dir():
        log.info("sources folder %s not found: source files not checked", folder)
        return []
    problems = []
    for src in ctx.reg.of(kinds.BIBLIOGRAPHY).values():
        if not (folder / src.file).is_file():
            rel, lines = ctx.reg.where[(kinds.BIBLIOGRAPHY.name, src.id)]
            problems.append(Problem(rel, line_of(lines, ("file",)), "source-file",
                                    f"source file '{src.file}' is not in {folder.name}/; "
                                    f"check the file name (sources folder: [check] sources in coursekit.toml)"))
    return problems
