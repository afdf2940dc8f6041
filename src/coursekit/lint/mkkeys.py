"""mkdocs settings a build stops on: unknown top-level keys (strict builds), hook files and custom_dir missing."""

from __future__ import annotations

import difflib
import logging
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig

from ..errors import Problem
from .mkconfig import MkConfig, configs, top_level

log = logging.getLogger(__name__)

KNOWN = {name for name, _ in MkDocsConfig._schema} | {"INHERIT"}
"""Every setting mkdocs 1.6 reads at the top of a config (plugins' and the theme's options live under them)."""


def check_keys(root: Path) -> list[Problem]:
    """Each unknown key in mkdocs.yml and the mkdocs.*.yml beside it, at its line."""
    out = []
    for path in sorted(root.glob("mkdocs*.yml")):
        try:
            keys = top_level(path)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            log.debug("%s: not read (%s)", path.name, exc)  # the build reports it; pages are what check reads
            continue
        for k, _ in keys:
            if str(k.value) not in KNOWN:
                near = difflib.get_close_matches(str(k.value), sorted(KNOWN), n=1)
                hint = f"write '{near[0]}'" if near else "remove it"
                out.append(Problem(path.name, k.start_mark.line + 1, "mkdocs-config",
                                   f"'{k.value}' is not an mkdocs setting, and the strict build stops on it "
                                   f"(Unrecognised configuration name); {hint}"))
    return out


def check_paths(root: Path) -> list[Problem]:
    """Hook files and the theme's custom_dir that do not exist: mkdocs stops before building anything."""
    out: set[Problem] = set()
    for config in configs(root):
        for key, value in _paths(config):
            if not (root / str(value.value)).exists():
                out.add(Problem(config.owner[key], value.start_mark.line + 1, "mkdocs-config",
                                f"{key}: '{value.value}' does not exist, and mkdocs stops on it; "
                                f"create it or correct the path (it is relative to the folder of mkdocs.yml)"))
    return sorted(out)


def _paths(config: MkConfig) -> list[tuple[str, yaml.ScalarNode]]:
    """(top-level key, path node) of each hook file and of theme.custom_dir."""
    found: list[tuple[str, yaml.ScalarNode]] = []
    hooks = config.nodes.get("hooks")
    if isinstance(hooks, yaml.SequenceNode):
        found += [("hooks", n) for n in hooks.value if isinstance(n, yaml.ScalarNode) and n.tag != "!ENV"]
    theme = config.nodes.get("theme")
    if isinstance(theme, yaml.MappingNode):
        found += [("theme", v) for k, v in theme.value
                  if getattr(k, "value", None) == "custom_dir" and isinstance(v, yaml.ScalarNode) and v.tag != "!ENV"]
    return found
