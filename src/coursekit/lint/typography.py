"""Chinese typography (autocorrect-py): spaces between CJK and Latin/digits, full-width punctuation.

Pages are checked as Markdown (autocorrect skips code, links and URLs);
YAML — data files and front matter — value by value, never keys, ids, file
names or other fields that name things. ``fix_*`` return the corrected text,
and refuse (return None) when a fix would change the YAML's structure.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass
from typing import Any

import autocorrect_py as ac
import yaml

from ..errors import Problem
from ..yamlio import Loader, node_tree

log = logging.getLogger(__name__)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SKIP_KEYS = {"id", "file", "project", "projects", "sources", "related", "kind", "cadence", "search_words",
             "aliases", "slug"}
FIX_HINT = "run `coursekit check --fix`"
_loaded: tuple[str, ...] | None = None


def configure(off: tuple[str, ...]) -> None:
    """Turn the given autocorrect rules off (autocorrect's configuration is global)."""
    global _loaded
    if off != _loaded:
        config = "rules:\n" + "".join(f"  {name}: 0\n" for name in off) if off else "rules: {}\n"
        ac.load_config(config)  # type: ignore[attr-defined]  # missing from autocorrect-py's stubs
        _loaded = off


PROTECTED = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}"  # literal blocks
                       r"|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"             # macro calls, tags, comments
                       r"|<[A-Za-z/!][^<>]*>", re.S)                      # HTML tags and their attributes
PUA = 0xE000  # private-use characters stand in for protected text: autocorrect leaves them alone


def fix_markdown(text: str) -> str:
    """The corrected Markdown: line count kept, macro calls and HTML tags untouched."""
    spans: list[str] = []

    def hide(m: re.Match[str]) -> str:
        spans.append(m.group(0))
        return chr(PUA + len(spans) - 1) + "\n" * m.group(0).count("\n")

    masked = PROTECTED.sub(hide, text) if len(PROTECTED.findall(text)) < 6000 else text
    new = _format(masked)
    for i, span in enumerate(spans):
        token = chr(PUA + i) + "\n" * span.count("\n")
        if new.count(token) != 1:
            return text  # autocorrect moved a protected part: do not risk a wrong fix
        new = new.replace(token, span)
    return new


def _format(text: str) -> str:
    """autocorrect's Markdown formatting, keeping the number of lines."""
    try:
        new = ac.format_for(text, "markdown")
        if new.count("\n") != text.count("\n"):  # keep line numbers stable: fall back to line by line
            new = "\n".join(ac.format_for(line, "markdown") for line in text.split("\n"))
    except ValueError as exc:  # autocorrect's parser gives up on some text (e.g. its recursion limit)
        log.info("autocorrect could not check a text: %s", str(exc).splitlines()[-1])
        return text
    return str(new)


@dataclass
class Change:
    """One YAML scalar to correct: its line, old and new text, and where its source text is."""

    line: int
    old: str
    new: str
    span: tuple[int, int] | None  # character range to replace in the source, if safely fixable


def yaml_changes(text: str, line_offset: int = 0) -> list[Change]:
    """Corrections for every string value with CJK text (keys and naming fields are left alone)."""
    node = node_tree(text)
    if node is None:
        return []  # reported by the registry (yaml-syntax, yaml-alias, control-char…)
    bom = 1 if text.startswith("\ufeff") else 0
    changes: list[Change] = []
    for scalar in _scalars(node):
        if not CJK.search(scalar.value):
            continue
        changes += _scalar_changes(text, scalar, line_offset, bom)
    return changes


def _scalars(node: Any) -> list[yaml.ScalarNode]:
    """Every string value below ``node``, except under keys in SKIP_KEYS."""
    if isinstance(node, yaml.MappingNode):
        return [s for key, value in node.value if str(key.value) not in SKIP_KEYS for s in _scalars(value)]
    if isinstance(node, yaml.SequenceNode):
        return [s for item in node.value for s in _scalars(item)]
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        return [node]
    return []


def _scalar_changes(text: str, node: yaml.ScalarNode, offset: int, bom: int) -> list[Change]:
    """The corrections of one scalar, line by line for block scalars."""
    start, end = node.start_mark.index + bom, node.end_mark.index + bom
    if node.style in ("|", ">"):
        return _block_changes(text, node, offset, bom)
    new = fix_markdown(node.value)
    if new == node.value:
        return []
    raw = text[start:end]
    inner = raw[1:-1] if node.style in ('"', "'") else raw
    span = (start + 1, end - 1) if node.style in ('"', "'") else (start, end)
    fixable = inner == node.value and "\n" not in raw
    return [Change(offset + node.start_mark.line + 1, node.value, new, span if fixable else None)]


def _block_changes(text: str, node: yaml.ScalarNode, offset: int, bom: int) -> list[Change]:
    """Corrections of a ``|`` or ``>`` block, one per changed source line."""
    source = text[node.start_mark.index + bom:node.end_mark.index + bom].split("\n")
    first = node.start_mark.line + 1  # 0-based line of the first content line
    new_lines = fix_markdown(node.value).split("\n")
    old_lines = node.value.split("\n")
    changes = []
    position = node.start_mark.index + bom + len(source[0]) + 1
    content = [s for s in source[1:] if s.strip()]
    indent = min((len(s) - len(s.lstrip(" ")) for s in content), default=0)
    for i, src_line in enumerate(source[1:]):
        stripped = src_line.strip()
        if node.style == ">":  # folded lines do not map one to one: report, do not fix
            if stripped and fix_markdown(stripped) != stripped:
                changes.append(Change(offset + first + i + 1, stripped, fix_markdown(stripped), None))
        elif i < len(old_lines) and old_lines[i] != new_lines[i]:
            exact = src_line[indent:] == old_lines[i]
            span = (position + indent, position + len(src_line)) if exact else None
            changes.append(Change(offset + first + i + 1, old_lines[i], new_lines[i], span))
        position += len(src_line) + 1
    return changes


def apply_yaml(text: str, changes: list[Change]) -> str | None:
    """``text`` with the fixable changes applied, or None if the result would parse differently."""
    fixable = sorted((c for c in changes if c.span), key=lambda c: c.span or (0, 0), reverse=True)
    if not fixable:
        return None
    new = text
    for c in fixable:
        assert c.span is not None
        new = new[:c.span[0]] + c.new + new[c.span[1]:]
    try:
        before = yaml.load(text.lstrip("\ufeff"), Loader=Loader)
        after = yaml.load(new.lstrip("\ufeff"), Loader=Loader)
    except yaml.YAMLError:
        return None
    return new if _same_shape(before, after) else None


def _same_shape(a: Any, b: Any) -> bool:
    """Same keys, same list lengths, same types: only string values may differ."""
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(_same_shape(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_same_shape, a, b))
    return type(a) is type(b) and (isinstance(a, str) or a == b)


def message(old: str, new: str) -> str:
    """What to change, shown as the first differing stretch with a little context."""
    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(old) <= 40:
        return f"'{old.strip()}' → '{new.strip()}'; {FIX_HINT}"
    tag, i1, i2, j1, j2 = ops[0]
    a, b = max(0, i1 - 6), min(len(old), i2 + 6)
    c, d = max(0, j1 - 6), min(len(new), j2 + 6)
    more = f" (and {len(ops) - 1} more on this line)" if len(ops) > 1 else ""
    return f"'{old[a:b]}' → '{new[c:d]}'{more}; {FIX_HINT}"


def problems_in(rel: str, changes: list[tuple[int, str, str]]) -> list[Problem]:
    """One typography problem per changed line."""
    return [Problem(rel, line, "typography", message(old, new)) for line, old, new in changes]
