"""File rules: no huge files, and each bibliography entry's source file exists."""

from __future__ import annotations

import logging

from ..errors import Problem
from ..yamlio import line_of
from .context import Context

log = logging.getLogger(__name__)

MAX_BYTES = 1_000_000


def check(ctx: Context) -> list[Problem]:
    """Files over 1 MB, and bibliography files missing from the sources folder."""
    problems = []
    files = [*sorted((ctx.root / "docs").rglob("*.md")), *sorted((ctx.root / "data").rglob("*.yml"))]
    for path in files:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.append(Problem(path.relative_to(ctx.root).as_posix(), None, "file-size",
                                    f"the file is {size / 1e6:.1f} MB, over the 1 MB limit; split it "
                                    f"(one record per file, one task per page)"))
    return problems + _sources(ctx)


def _sources(ctx: Context) -> list[Problem]:
    """Each bibliography ``file`` exists in the sources folder set in coursekit.toml."""
    folder = ctx.config.sources
    if ctx.reg is None or folder is None or not folder.is_dir():
        log.info("sources folder %s not found: source files not checked", folder)
        return []
    problems = []
    for src in ctx.reg.records["bibliography"].values():
        if not (folder / src.file).is_file():
            rel, lines = ctx.reg.where[("bibliography", src.id)]
            problems.append(Problem(rel, line_of(lines, ("file",)), "source-file",
                                    f"source file '{src.file}' is not in {folder.name}/; "
                                    f"check the file name (sources folder: [check] sources in coursekit.toml)"))
    return problems
