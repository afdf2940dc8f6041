"""Read ``coursekit.toml``: the severity of each lint rule and a few settings.

A missing file means the defaults of :mod:`coursekit.lint.rules`. Mistakes in
the file are reported as ``config`` problems with their line, like any other.
"""

from __future__ import annotations

import difflib
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from .rules import RULES, SEVERITIES

log = logging.getLogger(__name__)

CONFIG_FILE = "coursekit.toml"
AUTOCORRECT_RULES = ("space-word", "space-punctuation", "space-bracket", "space-backticks", "space-dash",
                     "space-dollar", "fullwidth", "no-space-fullwidth", "halfwidth-word", "halfwidth-punctuation",
                     "spellcheck")


@dataclass
class Config:
    """Lint settings: severities by rule id, the sources folder, autocorrect rules turned off."""

    severities: dict[str, str] = field(default_factory=lambda: {r.id: r.severity for r in RULES.values()})
    sources: Path | None = None
    autocorrect_off: tuple[str, ...] = ("halfwidth-word", "space-dash")
    problems: list[Problem] = field(default_factory=list)

    def severity(self, rule: str) -> str:
        """The configured severity of ``rule`` (unknown ids are errors)."""
        return self.severities.get(rule, "error")


def load_config(root: Path) -> Config:
    """Read ``<root>/coursekit.toml``; problems in it are kept in ``Config.problems``."""
    config = Config()
    path = root / CONFIG_FILE
    if not path.exists():
        return config
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else None
        config.problems.append(Problem(CONFIG_FILE, line, "config", f"TOML syntax error: {exc}"))
        return config
    check = data.get("check", {})
    _read_rules(check.get("rules", {}), text, config)
    if "sources" in check:
        config.sources = (root / str(check["sources"])).resolve()
    off = data.get("typography", {}).get("autocorrect-off")
    if off is not None:
        _read_autocorrect(off, text, config)
    return config


def _read_rules(rules: dict[str, Any], text: str, config: Config) -> None:
    """Apply ``[check.rules]``: each key a lint rule id, each value a severity."""
    for rid, value in rules.items():
        line = _line(text, rid)
        rule = RULES.get(rid)
        if rule is None:
            close = difflib.get_close_matches(rid, list(RULES), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else "; see the rule table in CONTRIBUTING.md"
            config.problems.append(Problem(CONFIG_FILE, line, "config", f"unknown rule '{rid}'{hint}"))
        elif value not in SEVERITIES:
            config.problems.append(Problem(CONFIG_FILE, line, "config",
                                           f"{rid} = {value!r}: use one of {', '.join(SEVERITIES)}"))
        elif rule.core and value != "error":
            config.problems.append(Problem(CONFIG_FILE, line, "config",
                                           f"'{rid}' is a core rule and always an error: the site cannot be "
                                           f"built with such a problem; remove the line"))
        else:
            config.severities[rid] = value


def _read_autocorrect(off: Any, text: str, config: Config) -> None:
    """Apply ``[typography] autocorrect-off``: autocorrect rules not to apply."""
    names = off if isinstance(off, list) else [off]
    bad = [n for n in names if n not in AUTOCORRECT_RULES]
    if bad:
        config.problems.append(Problem(CONFIG_FILE, _line(text, "autocorrect-off"), "config",
                                       f"unknown autocorrect rule(s) {', '.join(map(str, bad))}; "
                                       f"known: {', '.join(AUTOCORRECT_RULES)}"))
        return
    config.autocorrect_off = tuple(names)


def _line(text: str, key: str) -> int | None:
    """The line where ``key`` is assigned in the TOML text."""
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return None
