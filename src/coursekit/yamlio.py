"""Read YAML while remembering the line of every value.

Errors must name the YAML line of the field at fault, so loading keeps a map
from each key path (``("sections", 2, "fields", 0, "kind")``) to its line.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

log = logging.getLogger(__name__)

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LineMap = dict[tuple[Any, ...], int]


MAX_BYTES = 1_000_000
"""Largest page or data file: loading refuses bigger data files, so ``mkdocs build`` refuses them too."""

MAX_DEPTH = 40
"""Deepest nesting of a data file (the deepest schema has 6 levels); deeper is a typo or an attack."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Invisible characters no page, handout or workbook can hold (tab, LF and CR are allowed)."""

ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s]")
"""Text that may hold a YAML anchor; only then are the events scanned for one."""

ALIAS_MESSAGE = "anchors (&) and aliases (*) are not allowed in data files; write the value out in full"


class _Walk:
    """One pass over the node tree: line map, duplicate keys, control characters, aliases, depth."""

    def __init__(self, rel: str):
        self.rel = rel
        self.lines: LineMap = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.alias = False  # a node reached twice: the composer shares aliased nodes (and loops on recursive ones)

    def node(self, node: yaml.Node, path: tuple[Any, ...], line: int) -> None:
        """Record the 1-based line of ``node`` and of everything below it."""
        if id(node) in self.seen:
            self.alias = True
            return  # never descend twice: a billion laughs stays a dozen nodes, a recursive alias ends
        self.seen.add(id(node))
        self.lines.setdefault(path, line)
        if len(path) > MAX_DEPTH:
            self.problems.append(Problem(self.rel, line, "yaml-syntax", f"YAML syntax error: nested more than "
                                         f"{MAX_DEPTH} levels deep; check indentation and brackets"))
        elif isinstance(node, yaml.MappingNode):
            keys: set[Any] = set()
            for key, value in node.value:
                key_line = key.start_mark.line + 1
                if not isinstance(key, yaml.ScalarNode):  # '? [a, b]': a list as a key, unhashable
                    self.problems.append(Problem(self.rel, key_line, "yaml-syntax", "YAML syntax error: a key "
                                                 "must be a plain word, not a list or mapping; check the '?' line"))
                    continue
                child = path + (key.value,)
                if key.value in keys:
                    self.problems.append(Problem(self.rel, key_line, "yaml-duplicate-key",
                                                 f"key '{key.value}' is written twice; keep one"))
                keys.add(key.value)
                self.scalar(key, child, key_line)
                self.lines[child] = key_line
                self.node(value, child, value.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.node(item, path + (i,), item.start_mark.line + 1)
        else:
            self.scalar(node, path, line)

    def scalar(self, node: yaml.Node, path: tuple[Any, ...], line: int) -> None:
        """Refuse a control character written as an escape ("\\a", "\\x07", "\\uFFFE") in a quoted value."""
        found = CONTROL.search(node.value) if isinstance(node.value, str) else None
        if found:
            self.problems.append(_control(self.rel, line, path, found.group(),
                                          " (written as an escape such as \\a or \\x07 in quotes)"))


def _control(rel: str, line: int | None, path: tuple[Any, ...], char: str, how: str = "") -> Problem:
    return Problem(rel, line, "control-char", f"delete the invisible character U+{ord(char):04X} in field "
                   f"'{dotted(path)}'{how}; retype the text around it if unsure where it is")


def dotted(loc: tuple[Any, ...]) -> str:
    """Format a location as ``sections[2].fields[0].kind``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def parse_yaml(text: str, rel: str) -> tuple[Any, LineMap]:
    """Parse ``text``; return the data and its line map, or raise a :class:`Problem` list.

    Refused before anything is constructed: duplicate keys (PyYAML would keep the
    last one), anchors and aliases (a dozen lines can expand to gigabytes, or
    loop), control characters (handouts and workbooks cannot hold them).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if CONTROL.search(text):
        raise YamlError(_raw_controls(text, rel))
    loader = Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise YamlError([_syntax(exc, rel)]) from None
        if node is None:
            raise YamlError([Problem(rel, 1, "yaml-empty", "the file is empty; write the record or delete the file")])
        walk = _Walk(rel)
        walk.node(node, (), node.start_mark.line + 1)
        if walk.alias or ANCHOR.search(text):
            walk.problems += _anchors(text, rel)
        if walk.problems:
            raise YamlError(walk.problems)
        data = loader.construct_document(node)  # from the parsed node: parsing twice cost a third of a build's load
    finally:
        loader.dispose()
    return data, walk.lines


def node_tree(text: str) -> yaml.Node | None:
    """The node tree of ``text`` for tools that edit the source, or None if :func:`parse_yaml` refuses it.

    Walking the composed tree of an aliased file would revisit shared nodes
    billions of times (or forever), so such files are left to the loader's report.
    """
    text = text.lstrip("\ufeff")
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return None
    if node is None or CONTROL.search(text) or ANCHOR.search(text):
        return None
    walk = _Walk("")
    walk.node(node, (), 1)
    return None if walk.alias or walk.problems else node


def _syntax(exc: yaml.YAMLError, rel: str) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark else None
    what = getattr(exc, "problem", None) or str(exc)
    hint = "indent with spaces, never tabs" if "tab" in what else "check indentation and quoting"
    return Problem(rel, line, "yaml-syntax", f"YAML syntax error: {what}; {hint}")


def _anchors(text: str, rel: str) -> list[Problem]:
    """One problem per line holding an anchor or an alias (events are flat: nothing expands)."""
    lines: set[int] = set()
    for event in yaml.parse(text, Loader=Loader):
        if (isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)) and event.start_mark:
            lines.add(event.start_mark.line + 1)
    return [Problem(rel, line, "yaml-alias", ALIAS_MESSAGE) for line in sorted(lines)]


def _raw_controls(text: str, rel: str) -> list[Problem]:
    """Name the line and field of each control character typed (or pasted) into the file."""
    blank = CONTROL.sub(" ", text)  # same offsets; parsed only to learn which field each line is in
    try:
        _, lines = parse_yaml(blank, rel)
    except YamlError:
        lines = {}
    problems = []
    for m in CONTROL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        above = [path for path, at in lines.items() if at <= line]
        path = max(above, key=lambda p: (lines[p], len(p)), default=())
        problems.append(_control(rel, line, path, m.group()))
    return problems


def read_yaml(path: Path, rel: str) -> tuple[Any, LineMap]:
    """Read and parse a YAML file, reporting oversized files and bad encodings as problems."""
    size = path.stat().st_size
    if size > MAX_BYTES:  # refused before reading: pages built from it would be tens of MB
        raise YamlError([too_big(rel, size)])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError([Problem(rel, None, "encoding",
                                 f"the file is not UTF-8 (byte {exc.start}); save it as UTF-8")]) from None
    return parse_yaml(text, rel)


def too_big(rel: str, size: int) -> Problem:
    """The problem of a file over :data:`MAX_BYTES`."""
    return Problem(rel, None, "file-size", f"the file is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB "
                   f"limit; split it (one record per file, one task per page)")


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
