"""Read YAML while remembering the line of every value.

Errors must name the YAML line of the field at fault, so loading keeps a map
from each key path (``("sections", 2, "fields", 0, "kind")``) to its line.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

log = logging.getLogger(__name__)

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LineMap = dict[tuple[Any, ...], int]


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: LineMap) -> None:
    """Record the 1-based line of ``node`` and of everything below it."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines)


def parse_yaml(text: str, rel: str) -> tuple[Any, LineMap]:
    """Parse ``text``; return the data and its line map, or raise a :class:`Problem` list.

    Duplicate keys are reported too: PyYAML would silently keep the last one.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    loader = Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc)
        hint = "indent with spaces, never tabs" if "tab" in what else "check indentation and quoting"
        raise YamlError([Problem(rel, line, "yaml-syntax", f"YAML syntax error: {what}; {hint}")]) from None
    if node is None:
        raise YamlError([Problem(rel, 1, "yaml-empty", "the file is empty; write the record or delete the file")])
    lines: LineMap = {}
    _walk(node, (), lines)
    dups = _duplicate_keys(node, rel)
    if dups:
        raise YamlError(dups)
    try:
        data = loader.construct_document(node)  # from the parsed node: parsing twice cost a third of a build's load
    finally:
        loader.dispose()
    return data, lines


def _duplicate_keys(node: yaml.Node, rel: str) -> list[Problem]:
    """Find keys written twice in one mapping, anywhere in the document."""
    found: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            if key.value in seen:
                found.append(Problem(rel, key.start_mark.line + 1, "yaml-duplicate-key",
                                     f"key '{key.value}' is written twice; keep one"))
            seen.add(key.value)
            found += _duplicate_keys(value, rel)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _duplicate_keys(item, rel)
    return found


def read_yaml(path: Path, rel: str) -> tuple[Any, LineMap]:
    """Read and parse a YAML file, reporting bad encodings as problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError([Problem(rel, None, "encoding",
                                 f"the file is not UTF-8 (byte {exc.start}); save it as UTF-8")]) from None
    return parse_yaml(text, rel)


def line_of(lines: LineMap, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest known prefix of ``loc``."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


class YamlError(Exception):
    """A file that could not be read as YAML; carries its problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))
