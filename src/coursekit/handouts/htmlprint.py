"""Print HTML for handouts, made with the same ``render()`` as the site.

Each kind with handouts has a fragment template ``templates/print/<template>.html`` (also used
inside the print edition) and ``print/document.html`` wraps a fragment into a
standalone document for WeasyPrint.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import kinds
from ..registry import Registry
from ..render import cn_number, render
from . import layout
from .fonts import DEFAULT, face
from .schedule import build_schedule

log = logging.getLogger(__name__)



def context(reg: Registry, teacher: bool) -> dict[str, Any]:
    """What every print template may use."""
    return {
        "teacher": teacher,
        "reg": reg,
        "course": reg.course,
        "projects": reg.projects,
        "source_title": lambda sid: reg.get(kinds.BIBLIOGRAPHY.name, sid).title,
        "cn": cn_number,
        "layout": layout,
        "row_height": layout.row_height_mm,
    }


def fragment(templates: Path, reg: Registry, kind: str, record: Any, teacher: bool,
             standalone: bool = True, extra: dict[str, Any] | None = None) -> Markup:
    """The print layout of one record; ``standalone`` adds what only a loose sheet needs (name line, tick boxes)."""
    k = kinds.kind(kind)
    ctx = {**context(reg, teacher), **(extra or {})}
    return render(templates, f"print/{k.template}", standalone=standalone, **{k.var: record}, **ctx)


def handout(templates: Path, reg: Registry, kind: str, record: Any, teacher: bool, lang: str = DEFAULT) -> str:
    """A whole HTML document for one worksheet, SOP or case, tagged with ``lang``'s language tag."""
    k = kinds.kind(kind)
    project = reg.projects[k.project_of(record)]
    running = f"项目{project.number}　{project.title}　·　{k.title}"
    body = fragment(templates, reg, kind, record, teacher)
    return str(render(templates, "print/document", title=record.title, author=f"{reg.course.title}编写组",
                      running=running, kind=kind, landscape=k.landscape, body=body, lang_tag=face(lang).tag,
                      **context(reg, teacher)))


def schedule_document(templates: Path, reg: Registry, lang: str = DEFAULT) -> str:
    """The 授课计划 as an HTML document (landscape), tagged with ``lang``'s language tag."""
    body = render(templates, "print/schedule", schedule=build_schedule(reg), **context(reg, False))
    return str(render(templates, "print/document", title=f"{reg.course.title} 授课计划",
                      author=f"{reg.course.title}编写组", running="授课计划", kind="schedule", landscape=True,
                      body=body, lang_tag=face(lang).tag, **context(reg, False)))
