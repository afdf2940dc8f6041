"""What to make: one job per output file, each with the cache key of its inputs.

``plan()`` turns the registry and the command-line selection into jobs;
:func:`coursekit.handouts.write.render` makes one job's file (in a worker process).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from .. import kinds
from .. import outputs as paths
from ..registry import Registry
from .cache import code_version, digest, templates_version
from .fontcheck import fonts_version

log = logging.getLogger(__name__)

EDITIONS = ("student", "teacher", "both")
FORMATS = ("pdf", "docx", "xlsx", "zip")


@dataclass(frozen=True)
class Selection:
    """Which files to make; ``None`` means all."""

    projects: frozenset[str] | None = None
    ids: frozenset[str] | None = None
    formats: frozenset[str] | None = None
    edition: str = "both"
    lang: str = "zh-Hans"  # zh-Hant: converted to Traditional (coursekit.hant.office)
    start: datetime.date | None = None  # 教学日历: instead of course.yml's calendar.start
    weekly_hours: int | None = None     # 教学日历: instead of course.yml's calendar.weekly_hours

    def wants(self, out: paths.Output) -> bool:
        """True when the selection asks for this output."""
        edition_ok = self.edition == "both" or out.teacher == (self.edition == "teacher")
        return edition_ok and (self.formats is None or out.fmt in self.formats)


@dataclass(frozen=True)
class Job:
    """One file to make. ``output`` is False for files needed only inside a zip."""

    rel: str
    kind: str             # worksheets | sops | cases | lessonplans | schedule | calendar | standard | pack | book
    id: str               # record id, project slug (pack), edition (book), start/weekly hours (calendar), ""
    fmt: str
    teacher: bool
    key: str
    output: bool = True
    members: tuple[tuple[str, str, str], ...] = field(default=())  # zip: (name in archive, rel, key)
    lang: str = "zh-Hans"

    @property
    def suffix(self) -> str:
        """File extension, e.g. ``.pdf``."""
        return PurePosixPath(self.rel).suffix


def in_language(key: str, reg: Registry, lang: str) -> str:
    """``key`` for a file in ``lang``: Traditional files are other files (Simplified keys unchanged)."""
    if lang == "zh-Hans":
        return key
    from ..hant import converter
    return digest(key, lang, [(t.simplified, t.traditional) for t in converter(reg.root).terms])


def plan(reg: Registry, templates: Path, sel: Selection) -> list[Job]:
    """Every job the selection needs, outputs first; member files of zips are added as non-output jobs."""
    base = in_language(digest(code_version(), templates_version(templates)), reg, sel.lang)
    # PDFs also hang on the font files (a zip through its members); FontsMissing here, before any file is written
    pdf_base = digest(base, fonts_version(sel.lang)) if needs_pdf(sel) else base
    jobs: dict[str, Job] = {}
    by_rel: dict[str, Job] = {}
    for kind in (k.name for k in paths.handout_kinds()):
        for record in sorted(reg.records[kind].values(), key=lambda r: r.id):
            for out in paths.record_outputs(kind, record):
                key = _record_key(pdf_base if out.fmt == "pdf" else base, reg, kind, record, out)
                job = Job(out.rel, kind, record.id, out.fmt, out.teacher, key)
                by_rel[out.rel] = job
                if _selected(sel, kind, record) and sel.wants(out):
                    jobs[out.rel] = job
    for slug in reg.projects:
        for out in paths.project_outputs(slug):
            key = digest(base, "selfassess", slug, reg.course, reg.project_pages.get(slug),
                         [w for w in reg.in_project(kinds.WORKSHEETS.name, slug)])
            by_rel[out.rel] = Job(out.rel, "selfassess", slug, out.fmt, out.teacher, key)
            if sel.ids is None and (sel.projects is None or slug in sel.projects) and sel.wants(out):
                jobs[out.rel] = by_rel[out.rel]
    if sel.ids is None and sel.projects is None:
        for out in paths.schedule_outputs():
            if sel.wants(out):
                key = digest(pdf_base if out.fmt == "pdf" else base, "schedule", out.fmt, reg.course, reg.lessons,
                             {p: [c[:2] for c in reg.pages[p].calls] for p in reg.lessons},
                             [r for k in kinds.ALL if k.schedule for r in reg.records[k.name].values()])
                jobs[out.rel] = Job(out.rel, "schedule", "", out.fmt, False, key)
        _add_calendar(jobs, reg, sel, base, pdf_base)
        if reg.course.standard is not None:
            for out in paths.standard_outputs():
                if sel.wants(out):
                    key = digest(pdf_base if out.fmt == "pdf" else base, "standard", out.fmt, reg.course,
                                 reg.lessons, reg.project_pages)
                    jobs[out.rel] = Job(out.rel, "standard", "", out.fmt, out.teacher, key)
    if sel.ids is None:
        for slug in reg.projects:
            if sel.projects is None or slug in sel.projects:
                for out in paths.pack_outputs(slug):
                    if sel.wants(out):
                        _add_pack(jobs, by_rel, reg, base, slug, out)
    return sorted((replace(j, lang=sel.lang) for j in jobs.values()),
                  key=lambda j: (not j.output, j.fmt == "zip", j.rel))


def _add_calendar(jobs: dict[str, Job], reg: Registry, sel: Selection, base: str, pdf_base: str) -> None:
    """The 教学日历's files, when the course or the command line gives its start and weekly hours."""
    from .calendar import job_id, settings
    if reg.course.calendar is None and (sel.start is None or sel.weekly_hours is None):
        return
    s = settings(reg, sel.start, sel.weekly_hours)
    for out in paths.calendar_outputs():
        if sel.wants(out):
            key = digest(pdf_base if out.fmt == "pdf" else base, "calendar", out.fmt, job_id(s), reg.course,
                         reg.lessons, reg.project_pages, {p: [c[:2] for c in reg.pages[p].calls] for p in reg.lessons},
                         [r for k in kinds.ALL if k.schedule for r in reg.records[k.name].values()],
                         list(reg.records[kinds.QUESTIONS.name].values()))
            jobs[out.rel] = Job(out.rel, "calendar", job_id(s), out.fmt, out.teacher, key)


def needs_pdf(sel: Selection) -> bool:
    """True when the selection makes PDFs, on their own or inside zips."""
    return sel.formats is None or bool(sel.formats & {"pdf", "zip"})


def _selected(sel: Selection, kind: str, record: Any) -> bool:
    """True when the record matches the selected ids and projects."""
    slugs = kinds.kind(kind).projects_of(record)
    return ((sel.ids is None or record.id in sel.ids)
            and (sel.projects is None or any(s in sel.projects for s in slugs)))


def _record_key(base: str, reg: Registry, kind: str, record: Any, out: paths.Output) -> str:
    """Cache key of one file made from a record: the record and everything its template shows."""
    sources = [reg.of(kinds.BIBLIOGRAPHY).get(s) for s in getattr(record, "sources", [])]
    task: list[Any] = []
    if kinds.kind(kind).uses_task:  # a 教案 shows its page's objectives, worksheets and 课后自测 too
        task = [reg.lessons, {p: [c[:2] for c in reg.pages[p].calls] for p in reg.lessons},
                [r for k in kinds.ALL if k.schedule for r in reg.records[k.name].values()],
                list(reg.records[kinds.QUESTIONS.name].values())]
    return digest(base, kind, out.fmt, out.teacher, record, reg.course, sources, task)


def pack_folder(reg: Registry, slug: str, teacher: bool) -> str:
    """The top folder inside a project's zip, e.g. ``项目1-社群运营准备-教学包``."""
    project = reg.projects[slug]
    return f"项目{project.number}-{project.title}-教学包" + ("（教师版）" if teacher else "")


def _add_pack(jobs: dict[str, Job], by_rel: dict[str, Job], reg: Registry, base: str, slug: str,
              out: paths.Output) -> None:
    """A project's zip and, as non-output jobs, the member files it needs."""
    folder = pack_folder(reg, slug, out.teacher)
    members: list[tuple[str, str, str]] = []
    for member in paths.visible(paths.project_outputs(slug), out.teacher):
        members.append((f"{folder}/{PurePosixPath(member.rel).name}", member.rel, by_rel[member.rel].key))
        jobs.setdefault(member.rel, Job(**{**by_rel[member.rel].__dict__, "output": False}))
    for kind in (k.name for k in paths.handout_kinds()):
        for record in reg.in_project(kind, slug):
            for member in paths.visible(paths.record_outputs(kind, record), out.teacher):
                name = f"{folder}/{kind}/{PurePosixPath(member.rel).name}"
                members.append((name, member.rel, by_rel[member.rel].key))
                jobs.setdefault(member.rel, Job(**{**by_rel[member.rel].__dict__, "output": False}))
    if len(members) == len(paths.project_outputs(slug)):  # the form alone: the project has no records yet
        return
    key = digest(base, "pack", out.teacher, [(name, key) for name, _, key in members],
                 listing(reg, slug, out.teacher))
    jobs[out.rel] = Job(out.rel, "pack", slug, "zip", out.teacher, key, members=tuple(members))


def listing(reg: Registry, slug: str, teacher: bool) -> str:
    """``目录.txt`` of a project's zip: which file is which worksheet, SOP or case."""
    project = reg.projects[slug]
    lines = [f"{reg.course.title}　项目{project.number}　{project.title}　教学包" + ("（教师版）" if teacher else ""), ""]
    lines += [f"{o.label}：{PurePosixPath(o.rel).name}" for o in paths.visible(paths.project_outputs(slug), teacher)]
    lines.append("")
    for k in paths.handout_kinds():
        kind = k.name
        records = reg.in_project(kind, slug)
        if records:
            lines.append(f"{k.title}（{kind}/）")
            for r in records:
                outputs = paths.visible(paths.record_outputs(kind, r), teacher)
                files = "、".join(PurePosixPath(o.rel).name for o in outputs)
                label = f"{r.label} " if getattr(r, "label", "") else ""
                lines.append(f"  {label}{getattr(r, k.label_field)}：{files}")
            lines.append("")
    return "\r\n".join(lines)  # CRLF: opens cleanly in Windows Notepad too
