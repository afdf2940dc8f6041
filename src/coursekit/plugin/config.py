"""The coursekit plugin's options (``plugins: coursekit:`` in mkdocs.yml), typed and checked by mkdocs.

Each option is documented where mkdocs.yml sets it. Options that a Makefile target or a test
switches take their value from an environment variable with ``!ENV`` in the yml file; the code
itself reads none.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

EDITIONS = ("student", "teacher")
DIAGRAM_MODES = ("prerendered", "live")
HANT_MODES = ("auto", "on", "off")


def flag(value: Any) -> bool:
    """A yes/no setting that may come from an environment variable as text (``!ENV``)."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


class Flag(BaseConfigOption[bool]):
    """A yes/no option; text from ``!ENV`` counts as yes when it is 1, true, yes or on."""

    def __init__(self, default: bool = False) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if value is None:
            return bool(self.default)
        if not isinstance(value, (bool, int, str)):
            raise ValidationError(f"Expected yes or no (true/false), got {value!r}")
        return flag(value)


class CoursekitConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs' __init_subclass__
    """Options of the ``coursekit`` plugin."""

    edition = c.Choice(EDITIONS, default="student")
    """student: no answers, rubrics or teacher notes; teacher: all of them."""
    downloads = Flag()
    """Link each record to its generated PDF / Word / Excel files under <site>/downloads."""
    languages = Flag()
    """The 简体中文 / 繁體中文 switch on every page (only when both editions are deployed as a pair)."""
    hant = c.Choice(HANT_MODES, default="auto")
    """Convert the built site to 繁體中文: auto (when theme.language is zh-TW), on, off."""
    offline = Flag()
    """The offline bundle: turns material's offline plugin on (file:// URLs, inlined search index)."""
    student_site = c.Type(str, default="")
    """Teacher edition: the student edition's URL (absolute, or relative to this edition's root)."""
    diagrams = c.Choice(DIAGRAM_MODES, default="prerendered")
    """prerendered: inline diagrams/<key>.svg; live: leave every diagram to mermaid, quietly."""
    templates = c.Type(str, default="")
    """The site and print templates (relative to mkdocs.yml); empty: templates/ beside it, else coursekit's."""
    stock_search = Flag()
    """Test and benchmark switch: material's search exactly as shipped (no coursekit search)."""
