"""mkdocs configs read as mkdocs reads them, but tolerant and with line numbers: for checks, not for builds.

mkdocs.yml holds ``!ENV`` and ``!!python/…`` tags that only mkdocs can
construct; composing the YAML (no construction) reads every tag and keeps
each node's line. ``INHERIT`` is followed as mkdocs does: mappings merge,
anything else is replaced by the child's value.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

log = logging.getLogger(__name__)

LEVELS = {"warn": logging.WARNING, "info": logging.INFO, "ignore": logging.DEBUG}
"""mkdocs' validation levels; WARNING and above fail a strict build."""

_VALIDATION = {"nav": {"omitted_files": "info", "not_found": "warn", "absolute_links": "info"},
               "links": {"not_found": "warn", "absolute_links": "info", "unrecognized_links": "info",
                         "anchors": "info"}}  # mkdocs 1.6 defaults (mkdocs/config/defaults.py)


@dataclass
class MkConfig:
    """One mkdocs config file, with what it inherits merged in."""

    name: str                      # e.g. "mkdocs.teacher.yml"
    values: dict[str, Any]         # plain values (tags: see :func:`plain`)
    nodes: dict[str, yaml.Node]    # top-level key → its node, from the file that set it
    owner: dict[str, str]          # top-level key → the file that set it

    def validation(self, group: str, name: str) -> int:
        """The log level of ``validation.<group>.<name>`` (a key directly under validation sets both groups)."""
        found = self.values.get("validation")
        v: dict[str, Any] = found if isinstance(found, dict) else {}
        sub: dict[str, Any] = v[group] if isinstance(v.get(group), dict) else {}
        level = sub.get(name, v.get(name, _VALIDATION[group][name]))
        return LEVELS.get(str(level), logging.WARNING)

    @property
    def docs_dir(self) -> str:
        return str(self.values.get("docs_dir") or "docs")


def configs(root: Path) -> list[MkConfig]:
    """mkdocs.yml and every mkdocs.*.yml beside it, each merged with what it inherits (unreadable ones left out)."""
    found = []
    for path in sorted(root.glob("mkdocs*.yml")):
        try:
            found.append(_load(path, set()))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
            log.debug("%s: not read (%s)", path.name, exc)
    return found


def top_level(path: Path) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The (key, value) nodes at the top of a config file; raises what reading or YAML raise."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]


def _load(path: Path, seen: set[Path]) -> MkConfig:
    own = {str(k.value): v for k, v in top_level(path)}
    config = MkConfig(path.name, {}, {}, {})
    parent = own.get("INHERIT")
    if isinstance(parent, yaml.ScalarNode) and path.resolve() not in seen:
        base = _load(path.parent / str(parent.value), seen | {path.resolve()})
        config = MkConfig(path.name, base.values, dict(base.nodes), dict(base.owner))
    for k, v in own.items():
        if k == "INHERIT":
            continue
        config.values = {**config.values, k: _merge(config.values.get(k), plain(v))}
        config.nodes[k], config.owner[k] = v, path.name
    return config


def _merge(old: Any, new: Any) -> Any:
    """As mkdocs' INHERIT: mappings merge recursively, the child's value wins otherwise."""
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **{k: _merge(old.get(k), v) for k, v in new.items()}}
    return new


def plain(node: yaml.Node) -> Any:
    """A node as plain Python: scalars as strings, ``!ENV [NAME, default]`` as its default, other tags ignored."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        items = [plain(n) for n in node.value]
        if node.tag == "!ENV":
            return items[-1] if len(items) > 1 else None
        return items
    if isinstance(node, yaml.MappingNode):
        return {str(plain(k)): plain(v) for k, v in node.value}
    return None
