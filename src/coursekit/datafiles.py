"""Files under ``data/`` that loading would skip, and data values that pages cannot show.

The loader reads ``data/<kind>/*.yml`` only; anything else there would be
silently left out of the site, so it is reported instead.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import Problem
from .yamlio import LineMap, dotted, line_of

log = logging.getLogger(__name__)

MACRO = re.compile(r"\{[{%]")
"""Jinja markup: rendered in pages, but shown raw when it comes from a data field."""


def stray_files(root: Path, kinds: Iterable[str]) -> list[Problem]:
    """Files the loader would not read: wrong extension, kind folder misspelt, records in a subfolder."""
    kinds = list(kinds)
    data = root / "data"
    problems: list[Problem] = []
    if not data.is_dir():
        return problems
    for entry in sorted(data.iterdir()):
        rel = entry.relative_to(root).as_posix()
        if entry.name.startswith("."):
            continue
        if entry.is_file():
            if entry.suffix.lower() in (".yaml", ".yml") and entry.suffix != ".yml":
                problems.append(Problem(rel, None, "file-name", "use the extension .yml"))
        elif entry.name not in kinds:
            close = difflib.get_close_matches(entry.name, kinds, n=1)
            hint = f"did you mean data/{close[0]}/? " if close else ""
            for path in _files(entry):
                problems.append(Problem(path.relative_to(root).as_posix(), None, "data-subfolder",
                                        f"data/{entry.name}/ is not a data folder, so this file is ignored; "
                                        f"{hint}records go in data/<kind>/ ({', '.join(kinds)})"))
        else:
            problems += _in_kind(root, entry)
    return problems


def _in_kind(root: Path, folder: Path) -> list[Problem]:
    problems = []
    for path in _files(folder):
        rel = path.relative_to(root).as_posix()
        if path.parent != folder:
            problems.append(Problem(rel, None, "data-subfolder",
                                    f"records must sit directly in data/{folder.name}/; move it up"))
        elif path.suffix.lower() in (".yaml", ".yml") and path.suffix != ".yml":
            problems.append(Problem(rel, None, "file-name", "use the extension .yml"))
        elif path.suffix != ".yml":
            problems.append(Problem(rel, None, "file-name", f"only records (<id>.yml) belong in "
                                    f"data/{folder.name}/, so this file is ignored; rename or move it"))
    return problems


def _files(folder: Path) -> list[Path]:
    """Every file below ``folder``, hidden ones (.gitkeep, .DS_Store) left out."""
    return sorted(p for p in folder.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def macros_in(data: Any, lines: LineMap, rel: str, loc: tuple[Any, ...] = ()) -> list[Problem]:
    """Data fields holding ``{{ … }}`` or ``{% … %}``: only pages run macros, so readers would see them raw."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in macros_in(v, lines, rel, (*loc, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in macros_in(v, lines, rel, (*loc, i))]
    if isinstance(data, str) and MACRO.search(data):
        return [Problem(rel, line_of(lines, loc), "macro-in-data",
                        f"{dotted(loc)}: macros only work in pages; in data fields write the plain term")]
    return []
