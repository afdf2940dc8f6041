"""Top-level keys mkdocs does not know: a strict build stops on them ("Unrecognised configuration name")."""

from __future__ import annotations

import difflib
import logging
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig

from ..errors import Problem
from .mkconfig import top_level

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
