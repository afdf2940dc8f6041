"""Typography and tab rules over every page and data file, and ``--fix`` that corrects them.

A fix touches only Markdown text outside code, YAML string values (never keys
or ids), and tabs in a page's indentation. It leaves a file alone when the
corrected YAML would no longer load to the same structure.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..errors import Problem
from ..mdread import code_lines
from ..pages import FRONT_MATTER
from . import typography as ty
from .config import Config
from .context import Context
from .data import MAX_BYTES

log = logging.getLogger(__name__)

LEADING_TABS = re.compile(r"^[ \t]*\t[ \t]*")


def files(root: Path) -> list[Path]:
    """Every page and data file, in a stable order."""
    return [*sorted((root / "docs").rglob("*.md")), *sorted((root / "data").rglob("*.yml"))]


def check(ctx: Context) -> list[Problem]:
    """Typography and tab problems in every file (files that cannot be read are skipped)."""
    ty.configure(ctx.config.autocorrect_off)
    problems: list[Problem] = []
    for path in files(ctx.root):
        if path.stat().st_size > MAX_BYTES:
            continue  # reported as file-size
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # reported as encoding by the registry
        rel = path.relative_to(ctx.root).as_posix()
        problems += _check_text(rel, text, path.suffix == ".md")
    return problems


def _check_text(rel: str, text: str, page: bool) -> list[Problem]:
    """Problems in one file's text."""
    if not page:
        return [Problem(rel, c.line, "typography", ty.message(c.old, c.new)) for c in ty.yaml_changes(text)]
    fm, body, body_line = _split(text)
    found = [Problem(rel, c.line, "typography", ty.message(c.old, c.new)) for c in ty.yaml_changes(fm, 1)]
    lines = body.split("\n")
    fixed = fix_body(body).split("\n")
    code = code_lines(body, body_line)
    for number, (old, new) in enumerate(zip(lines, fixed), body_line):
        if old != new:
            found.append(Problem(rel, number, "typography", ty.message(old, new)))
        if number not in code and LEADING_TABS.match(old):
            found.append(Problem(rel, number, "tab", f"tab in the indentation; indent with spaces "
                                                     f"(4 per level); {ty.FIX_HINT}"))
    return found


def _split(text: str) -> tuple[str, str, int]:
    """Front matter, body and the body's first line (a BOM is kept out of both)."""
    text = text.lstrip("\ufeff")
    m = FRONT_MATTER.match(text)
    if not m:
        return "", text, 1
    fm = m.group(1) or ""
    return fm, text[m.end():], m.group(0).count("\n") + 1


def fix_course(root: Path, config: Config) -> list[str]:
    """Correct typography and tabs in place; return the files changed."""
    ty.configure(config.autocorrect_off)
    changed = []
    for path in files(root):
        if path.stat().st_size > MAX_BYTES:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        new = fix_page(text) if path.suffix == ".md" else fix_yaml(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path.relative_to(root).as_posix())
    return changed


def fix_yaml(text: str) -> str:
    """A data file's text with its string values corrected (unchanged if that is not safe)."""
    changes = ty.yaml_changes(text)
    return (ty.apply_yaml(text, changes) or text) if changes else text


def fix_page(text: str) -> str:
    """A page with front matter values, body text and indentation corrected."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom):]
    m = FRONT_MATTER.match(text)
    head, body = (text[:m.end()], text[m.end():]) if m else ("", text)
    if m and m.group(1):
        fm = m.group(1)
        head = head[:m.start(1)] + fix_yaml(fm) + head[m.end(1):]
    lines = fix_body(body).split("\n")
    code = code_lines("\n".join(lines), 0)
    lines = [_expand_tabs(line) if i not in code else line for i, line in enumerate(lines)]
    return bom + head + "\n".join(lines)


def fix_body(body: str) -> str:
    """A page body with its typography corrected, fenced code kept exactly as written."""
    old = body.split("\n")
    new = ty.fix_markdown(body).split("\n")
    code = code_lines(body, 0)
    return "\n".join(o if i in code else n for i, (o, n) in enumerate(zip(old, new)))


def _expand_tabs(line: str) -> str:
    """Leading tabs as four spaces each."""
    m = LEADING_TABS.match(line)
    return m.group(0).replace("\t", "    ") + line[m.end():] if m else line
