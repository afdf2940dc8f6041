"""Every rule ``coursekit check`` applies: its id, default severity and what it means.

Core rules come from loading and rendering (``registry``, ``pagecheck``): a
course breaking one cannot be built, so they are always errors. Lint rules
can be set to ``error``, ``warning`` or ``off`` in ``coursekit.toml``.
CONTRIBUTING.md has a table of all of them; a test keeps it complete.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

SEVERITIES = ("error", "warning", "off")


@dataclass(frozen=True)
class Rule:
    """One rule: id, default severity, whether it can be relaxed, and a one-line summary."""

    id: str
    severity: str
    summary: str
    core: bool = False
    fixable: bool = False


_CORE = {
    "config": "coursekit.toml is invalid",
    "encoding": "a file is not UTF-8",
    "file-name": "a data file has the wrong extension",
    "missing-file": "a required file is missing",
    "yaml-syntax": "YAML cannot be parsed",
    "yaml-empty": "a data file is empty",
    "yaml-duplicate-key": "a key is written twice",
    "yaml-alias": "a data file uses YAML anchors (&) or aliases (*)",
    "control-char": "an invisible control character in a YAML value",
    "data-subfolder": "a file under data/ that loading would skip (subfolder, unknown folder)",
    "macro-in-data": "a macro ({{ }}, {% %}) in a data field, where it would show raw",
    "schema": "a field is missing, unknown or of the wrong type",
    "front-matter": "a page's front matter is not a mapping",
    "duplicate-id": "two records share an id",
    "id-filename": "a record's id differs from its file name",
    "unknown-ref": "a project, source or related term does not exist",
    "unknown-id": "a macro names a record that does not exist",
    "duplicate-term": "a term or alias is defined twice",
    "duplicate-question": "two items of the question bank have the same stem",
    "duplicate-task": "two task pages share a number",
    "quiz-page": "a task's 课后自测 (quiz) is embedded on another page",
    "page-project": "a page's project differs from its folder",
    "jinja-syntax": "a macro call is malformed",
    "unknown-macro": "a macro name is misspelt",
    "render": "a macro failed while rendering",
    "not-a-lesson": "lesson_header() outside a task page",
    "not-a-project": "project_overview() or project_practice() outside a project page (or without practice:)",
    "unknown-kind": "library() with an unknown kind",
    "nav-missing-page": "a nav entry in mkdocs.yml points to a page that does not exist",
    "nav-omitted-page": "a page is in no nav entry, and mkdocs.yml makes the build warn about it",
    "diagram-not-drawn": "a Mermaid diagram has no picture in diagrams/ (run make diagrams)",
    "mkdocs-config": "mkdocs.yml has an unknown setting, or a hook file or custom_dir that does not exist",
    "exam-blueprint": "the question bank cannot fill the exam blueprint's papers A and B",
    "lessonplan-minutes": "a 教案's 教学过程 does not add up to its task page's minutes",
    "project-hours": "a project's hours in data/course.yml disagree with its task pages' minutes, or are missing",
}

_LINT = [
    Rule("file-size", "error", "a page or data file is larger than 1 MB"),
    Rule("page-meta", "warning", "unknown front matter key on a page outside docs/modules/"),
    Rule("title-h1", "error", "a task or project page's H1 differs from its title"),
    Rule("heading-h1", "error", "a page has no H1, or more than one"),
    Rule("heading-jump", "error", "a heading skips a level"),
    Rule("heading-id", "error", "an H2 or H3 has no explicit id"),
    Rule("id-format", "error", "an id is not lowercase letters, digits and hyphens"),
    Rule("duplicate-anchor", "error", "an id is used twice on one page"),
    Rule("link-target", "error", "a link points to a page or file that does not exist"),
    Rule("link-anchor", "error", "a link points to an anchor that does not exist"),
    Rule("link-absolute", "error", "a link starts with / (breaks when the site is not at the server root)"),
    Rule("term-link", "warning", "a hand-written link to the glossary instead of term()"),
    Rule("image-missing", "error", "an image file does not exist"),
    Rule("image-alt", "error", "an image has no alt text"),
    Rule("admonition-type", "error", "an admonition type is not one of the course's boxes"),
    Rule("admonition-empty", "error", "an admonition has no indented body"),
    Rule("term-unused", "warning", "a glossary term is linked from no page and no other term"),
    Rule("term-variant", "warning", "a page or record writes a variant the glossary says to avoid"),
    Rule("source-file", "error", "a bibliography entry's source file does not exist"),
    Rule("typography", "warning", "Chinese typography: spacing and punctuation (autocorrect)", fixable=True),
    Rule("tab", "warning", "a tab character in indentation", fixable=True),
]

RULES: dict[str, Rule] = {
    **{rid: Rule(rid, "error", summary, core=True) for rid, summary in _CORE.items()},
    **{r.id: r for r in _LINT},
}
"""Rule id → rule, core rules first."""
