"""``coursekit new lesson|worksheet|sop|case``: write a valid starting file from a template.

Templates live in ``scaffold/<kind>.*`` of the course's templates folder
(:mod:`.templatedir`). Every new file passes ``coursekit check`` at once;
placeholders start with 待写 so they are easy to find. A new lesson also gets
its line in mkdocs.yml's nav, inserted as text after the project's last page so
comments and layout are kept.
"""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path
from string import Template
from typing import Any

import click

from . import kinds
from .clitools import course_root, root_option
from .errors import CourseError
from .registry import Registry, load
from .render import cn_number
from .templatedir import of_course

log = logging.getLogger(__name__)

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def scaffolded(noun: str) -> kinds.Kind[Any]:
    """The kind ``coursekit new <noun>`` makes a record of (:attr:`Kind.scaffold`)."""
    return next(k for k in kinds.ALL if k.scaffold and k.noun == noun)


def _registry(root: Path) -> Registry:
    """The course, which must be valid before anything is added to it."""
    try:
        return load(root)
    except CourseError as exc:
        raise click.ClickException(f"fix these problems first (coursekit check):\n{exc}") from None


def _project(reg: Registry, slug: str) -> str:
    """A project slug that exists, or a helpful error."""
    if slug not in reg.projects:
        close = difflib.get_close_matches(slug, list(reg.projects), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise click.BadParameter(f"no project '{slug}'; {hint}projects: {', '.join(reg.projects)}",
                                 param_hint="PROJECT")
    return slug


def _name(value: str, what: str) -> str:
    """A lowercase-hyphen id or file name."""
    if not ID_PATTERN.match(value):
        raise click.BadParameter(f"'{value}' must be lowercase letters, digits and hyphens, e.g. 'user-persona'",
                                 param_hint=what)
    return value


def _fill(root: Path, kind: str, suffix: str, **values: object) -> str:
    """The scaffold template of ``kind`` with its placeholders filled in."""
    path = of_course(root) / "scaffold" / f"{kind}{suffix}"
    return Template(path.read_text(encoding="utf-8")).substitute(**values)


def _write(path: Path, text: str, root: Path) -> None:
    """Create a new file (never overwrite one) and say so."""
    if path.exists():
        raise click.ClickException(f"{path.relative_to(root)} already exists; choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(f"Created {path.relative_to(root).as_posix()}")


def new_lesson(root: Path, project: str, name: str, title: str) -> Path:
    """Write the next task page of ``project`` and add it to the nav; return its path."""
    reg = _registry(root)
    _project(reg, project)
    _name(name, "NAME")
    task = max((le.task for le in reg.lessons.values() if le.project == project), default=0) + 1
    path = root / "docs" / "modules" / project / f"{task}-{name}.md"
    source = next(iter(sorted(reg.of(kinds.BIBLIOGRAPHY))), "")
    text = _fill(root, "lesson", ".md", project=project, task=task, task_cn=cn_number(task), title=title,
                 source=source)
    nav = add_to_nav(root / "mkdocs.yml", project, f"任务{cn_number(task)} {title}",
                     f"modules/{project}/{path.name}")
    _write(path, text, root)
    (root / "mkdocs.yml").write_text(nav, encoding="utf-8")
    click.echo(f"Added it to the nav in mkdocs.yml (项目 {reg.projects[project].number}).")
    return path


def add_to_nav(mkdocs_yml: Path, project: str, label: str, page: str) -> str:
    """mkdocs.yml's text with ``label: page`` after the project's last nav entry."""
    lines = mkdocs_yml.read_text(encoding="utf-8").split("\n")
    entries = [i for i, line in enumerate(lines) if re.search(rf"\bmodules/{re.escape(project)}/\S+\.md\s*$", line)]
    if not entries:
        raise click.ClickException(f"mkdocs.yml has no nav entries for modules/{project}/; add the project's "
                                   f"section to nav first (see the other projects)")
    last = entries[-1]
    indent = re.match(r"^\s*-\s*", lines[last])
    assert indent is not None
    lines.insert(last + 1, f"{indent.group(0)}{label}: {page}")
    return "\n".join(lines)


def new_record(root: Path, kind: str, id_: str, project: str, title: str) -> Path:
    """Write ``data/<kind>s/<id>.yml`` from its template; return its path."""
    reg = _registry(root)
    _project(reg, project)
    _name(id_, "ID")
    k = scaffolded(kind)
    folder = k.name
    if id_ in reg.records[folder]:
        raise click.BadParameter(f"a {kind} with id '{id_}' already exists (data/{folder}/{id_}.yml)",
                                 param_hint="ID")
    source = next(iter(sorted(reg.of(kinds.BIBLIOGRAPHY))), "")
    path = root / "data" / folder / f"{id_}.yml"
    _write(path, _fill(root, kind, ".yml", id=id_, project=project, title=title, source=source), root)
    click.echo(f"Embed it in a task page with {{{{ {k.macro}(\"{id_}\") }}}} (on a line of its own).")
    return path


@click.group()
def new() -> None:
    """Start a new task page, worksheet, SOP or case from a template."""


@new.command()
@root_option
@click.argument("project")
@click.argument("name")
@click.option("--title", default="新任务", show_default=True, help="The task's title (Chinese).")
def lesson(root: str | None, project: str, name: str, title: str) -> None:
    """A task page docs/modules/PROJECT/<n>-NAME.md, numbered after the last one, added to the nav."""
    new_lesson(course_root(root), project, name, title)


def _record_command(kind: str) -> click.Command:
    """The ``new worksheet|sop|case`` subcommand."""

    @root_option
    @click.argument("id_", metavar="ID")
    @click.option("--project", required=True, help="Project slug, e.g. 01-preparation.")
    @click.option("--title", default=scaffolded(kind).scaffold, show_default=True, help="Title (Chinese).")
    def command(root: str | None, id_: str, project: str, title: str) -> None:
        """Create the record (the real help text is set below)."""
        new_record(course_root(root), kind, id_, project, title)

    command.__doc__ = f"A {kind} data/{scaffolded(kind).name}/ID.yml."
    return click.command(kind)(command)


for _kind in kinds.ALL:
    if _kind.scaffold:
        new.add_command(_record_command(_kind.noun))
