"""Where a course's templates are: one answer for the build, the commands and ``coursekit check``.

The coursekit plugin's ``templates`` option names the folder (relative to mkdocs.yml). Without it a
course uses its own ``templates/`` beside mkdocs.yml, else the templates coursekit ships: this
repository's top-level ``templates/`` (``make`` installs coursekit editable from its checkout).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import kinds

OPTION = "templates"
"""The coursekit plugin's option naming the folder (``plugins: coursekit: templates:``)."""

BUNDLED = Path(__file__).resolve().parents[2] / "templates"
"""The templates that ship with coursekit (src/coursekit/ → the checkout's templates/)."""


def folder(root: Path, option: str = "") -> Path:
    """The templates of the course at ``root``: ``option`` if set, else its own templates/, else coursekit's."""
    if option:
        return (root / option).resolve()
    own = (root / "templates").resolve()
    return own if own.is_dir() else BUNDLED


def of_course(root: Path) -> Path:
    """The templates folder the course's mkdocs.yml chooses, for commands that run outside mkdocs."""
    return folder(root, configured(root / "mkdocs.yml"))


def configured(config: Path) -> str:
    """The option as a config file sets it, read without constructing its tags (``!ENV``, ``!!python``).

    A missing or unreadable file, or an ``!ENV`` value, counts as not setting it (the build reports a bad file).
    """
    try:
        node: yaml.Node | None = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    for key in ("plugins", "coursekit", OPTION):
        node = _value(node, key)
    return str(node.value) if isinstance(node, yaml.ScalarNode) and node.tag != "!ENV" else ""


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """``key``'s value in a mapping, or in a list of names and one-key mappings (plugins may be either)."""
    if isinstance(node, yaml.MappingNode):
        pairs = node.value
    elif isinstance(node, yaml.SequenceNode):
        pairs = [pair for item in node.value if isinstance(item, yaml.MappingNode) for pair in item.value]
    else:
        return None
    return next((v for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def required() -> dict[str, str]:
    """Every template file a kind declares, and which kind: its record template and its listing template."""
    found = {f"{k.template}.html": k.name for k in kinds.ALL if k.template}
    return found | {f"{k.listing_macro}.html": k.name for k in kinds.ALL if k.listing_macro}


def check(templates: Path, option: str) -> None:
    """ValueError naming the option and what is missing, unless ``templates`` has every kind's template."""
    setting = f"plugins: coursekit: {OPTION}: {option}" if option else f"plugins: coursekit: {OPTION} (not set)"
    instead = ", or remove the option to use coursekit's templates" if option else ""
    if not templates.is_dir():
        raise ValueError(f"{setting} in mkdocs.yml: the folder {templates} does not exist; correct the path "
                         f"(it is relative to the folder of mkdocs.yml){instead}")
    missing = [f"{name} (kind {kind})" for name, kind in required().items() if not (templates / name).is_file()]
    if missing:
        raise ValueError(f"{setting} in mkdocs.yml: the folder {templates} has no {', '.join(missing)}; "
                         f"add {'them' if len(missing) > 1 else 'it'} (coursekit's are in {BUNDLED}){instead}")
