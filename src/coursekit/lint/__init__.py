"""The lesson linter behind ``coursekit check``: one module per rule family.

Rules and their default severities are in :mod:`.rules`; ``coursekit.toml``
changes severities; :func:`check_course` runs everything, :func:`fix_course`
applies the automatic typography fixes.
"""

from .config import Config, load_config
from .rules import RULES, Rule
from .runner import check_course, summary
from .style import fix_course

__all__ = ["RULES", "Config", "Rule", "check_course", "fix_course", "load_config", "summary"]
