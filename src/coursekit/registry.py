"""Load every record and page once, validate them and check cross-references.

``load(root)`` loads afresh; ``load(root, cache)`` reuses what a :class:`Cache` (owned by the caller)
loaded while the files' sizes and modification times are unchanged, so ``mkdocs serve`` reloads only
after an edit.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from . import blueprint, hours, kinds, models
from .datafiles import macros_in, stray_files
from .errors import CourseError, Problem
from .pages import Page, read_page
from .validate import validate
from .yamlio import LineMap, YamlError, line_of, read_yaml

R = TypeVar("R", bound=models.base.Record)
Record = models.base.Record

log = logging.getLogger(__name__)

@dataclass
class Registry:
    """Everything the course is made of, validated."""

    root: Path
    course: models.Course
    records: dict[str, dict[str, Record]]              # kind → id → record (typed: ``of(kind)``)
    where: dict[tuple[str, str], tuple[str, LineMap]]  # (kind, id) → (file, line map)
    lessons: dict[str, models.Lesson]                  # page path → front matter
    project_pages: dict[str, models.ProjectPage]       # slug → front matter
    pages: dict[str, Page]                             # docs-relative path → page
    embeds: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (kind, id) → pages
    broken: set[tuple[str, str]] = field(default_factory=set)  # (kind, id) of records that failed validation
    order: dict[tuple[str, str], tuple[int, int, int]] = field(default_factory=dict)  # where first taught

    @property
    def projects(self) -> dict[str, models.Project]:
        """Projects by slug, in course order."""
        return {p.slug: p for p in self.course.projects}

    def get(self, kind: str, id_: str) -> Any:
        """The record ``id_`` of the kind named ``kind``; KeyError if unknown (``of()`` when the kind is known)."""
        return self.records[kind][id_]

    def of(self, kind: kinds.Kind[R]) -> dict[str, R]:
        """The records of ``kind`` by id, typed as its model (``reg.of(kinds.GLOSSARY)`` holds Terms)."""
        return cast("dict[str, R]", self.records[kind.name])

    def lessons_of(self, slug: str) -> list[tuple[str, models.Lesson]]:
        """Task pages of a project, ordered by task number."""
        found = [(p, le) for p, le in self.lessons.items() if le.project == slug]
        return sorted(found, key=lambda item: item[1].task)

    def hours(self, slug: str) -> float | int:
        """Project ``slug``'s 学时: its task pages' minutes in class periods (the planned hours while it has none)."""
        return hours.project_hours(self.projects[slug], self.lessons.values())

    def in_project(self, kind: str, slug: str) -> list[Any]:
        """Records of ``kind`` belonging to project ``slug``, by id."""
        k = kinds.kind(kind)
        recs = [r for r in self.records[kind].values() if slug in k.projects_of(r)]
        last = (len(self.course.projects) + 1, 0, 0)
        return sorted(recs, key=lambda r: (self.order.get((kind, r.id), last), r.id))


def _signature(root: Path) -> tuple[Any, ...]:
    files = [*sorted((root / "data").rglob("*")), *sorted((root / "docs").rglob("*.md"))]  # stray files too
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())


@dataclass
class Cache:
    """Registries by course root, each kept while its files are unchanged.

    Whoever builds more than once keeps one (the mkdocs plugin across ``mkdocs serve`` rebuilds, the CLI
    for one command); a stat of every file is what a hit costs.
    """

    entries: dict[Path, tuple[tuple[Any, ...], Registry]] = field(default_factory=dict)

    def load(self, root: Path) -> Registry:
        """The course under ``root``: the kept registry if no file changed, else loaded (and kept) anew."""
        root = root.resolve()
        sig = _signature(root)
        hit = self.entries.get(root)
        if hit and hit[0] == sig:
            return hit[1]
        registry = _load(root)
        self.entries[root] = (sig, registry)
        return registry


def load(root: Path, cache: Cache | None = None) -> Registry:
    """Load and check the course under ``root``; raise :class:`CourseError` listing every problem.

    With a ``cache``, an unchanged course is not loaded again.
    """
    return cache.load(root) if cache is not None else _load(root.resolve())


def _load(root: Path) -> Registry:
    problems: list[Problem] = []
    course, course_lines = _load_course(root, problems)
    records: dict[str, dict[str, Any]] = {k.name: {} for k in kinds.ALL}
    where: dict[tuple[str, str], tuple[str, LineMap]] = {}
    broken: set[tuple[str, str]] = set()
    for k in kinds.ALL:
        kind = k.name
        for path in sorted((root / "data" / kind).glob("*.yml")):
            rel = path.relative_to(root).as_posix()
            rec, lines = _load_record(path, rel, k.model, problems)
            if rec is None:
                broken.add((kind, path.stem))  # already reported: don't report its users too
                continue
            if rec.id in records[kind]:
                first = where[(kind, rec.id)][0]
                problems.append(Problem(rel, line_of(lines, ("id",)), "duplicate-id",
                                        f"id '{rec.id}' is already used by {first}; give each record its own id"))
                continue
            if path.stem != rec.id:
                problems.append(Problem(rel, line_of(lines, ("id",)), "id-filename",
                                        f"id '{rec.id}' does not match the file name '{path.name}'; "
                                        f"rename the file to '{rec.id}.yml' or fix the id"))
            records[kind][rec.id] = rec
            where[(kind, rec.id)] = (rel, lines)
    problems += stray_files(root, [k.name for k in kinds.ALL])
    lessons, project_pages, pages = _load_pages(root, problems)
    if course is None:
        raise CourseError(problems)
    registry = Registry(root, course, records, where, lessons, project_pages, pages, broken=broken)
    problems += check_references(registry)
    problems += blueprint.check(registry, course_lines)  # the exam blueprint against the bank
    if not any(p.path.startswith("docs/") for p in problems):  # a broken page would count as missing minutes
        problems += hours.check(course, lessons.values(), course_lines)  # written hours against the pages' minutes
    _index_embeds(registry)
    if problems:
        raise CourseError(problems)
    return registry


def _load_course(root: Path, problems: list[Problem]) -> tuple[models.Course | None, LineMap]:
    path = root / "data" / "course.yml"
    if not path.exists():
        problems.append(Problem("data/course.yml", None, "missing-file", "the course outline is missing; create it"))
        return None, {}
    course, lines = _load_record(path, "data/course.yml", models.Course, problems)
    return course, lines


def _load_record(path: Path, rel: str, model: type[BaseModel], problems: list[Problem]) -> tuple[Any, LineMap]:
    try:
        data, lines = read_yaml(path, rel)
    except YamlError as exc:
        problems += exc.problems
        return None, {}
    rec, found = validate(model, data, lines, rel)
    problems += found + macros_in(data, lines, rel)
    return rec, lines


def _load_pages(root: Path, problems: list[Problem]) -> tuple[dict[str, models.Lesson],
                                                               dict[str, models.ProjectPage], dict[str, Page]]:
    lessons: dict[str, models.Lesson] = {}
    project_pages: dict[str, models.ProjectPage] = {}
    pages: dict[str, Page] = {}
    docs = root / "docs"
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        page, found = read_page(path, rel)
        problems += found
        if page is None:
            continue
        pages[path.relative_to(docs).as_posix()] = page
        parts = path.relative_to(docs).parts
        if len(parts) != 3 or parts[0] != "modules":
            continue
        model: type[models.Lesson | models.ProjectPage] = models.ProjectPage if parts[2] == "index.md" \
            else models.Lesson
        if not page.meta:
            problems.append(Problem(rel, 1, "front-matter", "the page has no front matter; start it with the "
                                    "fields between '---' lines (CONTRIBUTING.md, or `coursekit new lesson`)"))
            continue
        fm, found = validate(model, page.meta, page.lines, rel)
        problems += found
        if fm is None:
            continue
        if fm.project != parts[1]:
            problems.append(Problem(rel, line_of(page.lines, ("project",)), "page-project",
                                    f"project '{fm.project}' does not match the folder '{parts[1]}'; "
                                    f"move the page or fix the front matter"))
        if isinstance(fm, models.ProjectPage):
            project_pages[fm.project] = fm
        else:
            lessons[path.relative_to(docs).as_posix()] = fm
    return lessons, project_pages, pages


def check_references(reg: Registry) -> list[Problem]:
    """Check every id that one record or page uses to name another."""
    problems: list[Problem] = []
    projects = reg.projects

    def ref(rel: str, lines: LineMap, loc: tuple[Any, ...], kind: str, value: str, what: str) -> None:
        known = projects if kind == "projects" else reg.records[kind]
        if value not in known and (kind, value) not in reg.broken:
            hint = _source_hint(reg, value) if kind == kinds.BIBLIOGRAPHY.name else ""
            problems.append(Problem(rel, line_of(lines, loc), "unknown-ref",
                                    f"{what} '{value}' does not exist{hint or _did_you_mean(value, known)}"))

    for (kind, id_), (rel, lines) in reg.where.items():
        rec = reg.records[kind][id_]
        for i, slug in enumerate(getattr(rec, "projects", [])):
            ref(rel, lines, ("projects", i), "projects", slug, "project")
        if project := getattr(rec, "project", None):
            ref(rel, lines, ("project",), "projects", project, "project")
        for cited in kinds.ALL:
            if cited.cited_as:
                name, what = cited.cited_as
                for i, other in enumerate(getattr(rec, name, [])):
                    ref(rel, lines, (name, i), cited.name, other, what)
        own = kinds.kind(kind)
        for loc, rule, message in own.check(rec, reg) if own.check else ():
            problems.append(Problem(rel, line_of(lines, loc), rule, message))
    problems += _check_terms_unique(reg)
    for path, lesson in reg.lessons.items():
        page = reg.pages[path]
        for i, src in enumerate(lesson.sources):
            ref(page.rel, page.lines, ("sources", i), kinds.BIBLIOGRAPHY.name, src,
                "source (a bibliography id in data/bibliography/)")
        ref(page.rel, page.lines, ("project",), "projects", lesson.project, "project")
    problems += _check_practice(reg)
    seen: dict[tuple[str, int], str] = {}
    for path, lesson in sorted(reg.lessons.items()):
        key = (lesson.project, lesson.task)
        if key in seen:
            page = reg.pages[path]
            problems.append(Problem(page.rel, line_of(page.lines, ("task",)), "duplicate-task",
                                    f"task {lesson.task} of {lesson.project} is also {seen[key]}; renumber one"))
        seen[key] = reg.pages[path].rel
    for page in reg.pages.values():
        for name, arg, line in page.calls:
            k = kinds.by_macro(name)
            if k is None or arg is None:
                continue
            if arg not in reg.records[k.name] and (k.name, arg) not in reg.broken:
                problems.append(Problem(page.rel, line, "unknown-id",
                                        f"{name}(\"{arg}\"): no {k.noun} with id '{arg}' in "
                                        f"data/{k.name}/{_did_you_mean(arg, reg.records[k.name])}"))
    return problems


def _check_practice(reg: Registry) -> list[Problem]:
    """A 项目实训 hands in worksheets of its own project (the 自评互评表 and the page list them there)."""
    problems: list[Problem] = []
    sheets: dict[str, models.Worksheet] = reg.of(kinds.WORKSHEETS)
    for slug, front in reg.project_pages.items():
        page = reg.pages[f"modules/{slug}/index.md"]
        for i, step in enumerate(front.practice.steps if front.practice else []):
            for j, id_ in enumerate(step.worksheets):
                line = line_of(page.lines, ("practice", "steps", i, "worksheets", j))
                if id_ not in sheets:
                    if (kinds.WORKSHEETS.name, id_) not in reg.broken:
                        problems.append(Problem(page.rel, line, "unknown-ref", f"practice: worksheet '{id_}' does "
                                                f"not exist{_did_you_mean(id_, sheets)}"))
                elif sheets[id_].project != slug:
                    problems.append(Problem(page.rel, line, "unknown-ref", f"practice: worksheet '{id_}' belongs to "
                                            f"{sheets[id_].project}; a 项目实训 hands in its own project's worksheets"))
    return problems


def _index_embeds(reg: Registry) -> None:
    """Fill ``reg.embeds`` (the pages showing each record) and ``reg.order`` (where it is first taught)."""
    numbers = {p.slug: p.number for p in reg.course.projects}
    for path, page in reg.pages.items():
        lesson = reg.lessons.get(path)
        for position, (name, arg, _line) in enumerate(page.calls):
            k = kinds.by_macro(name)
            if k is None or arg is None:
                continue
            kind = k.name
            reg.embeds.setdefault((kind, arg), []).append(path)
            if lesson and lesson.project in numbers:
                where = (numbers[lesson.project], lesson.task, position)
                reg.order[(kind, arg)] = min(reg.order.get((kind, arg), where), where)


def _check_terms_unique(reg: Registry) -> list[Problem]:
    """A term or alias may name only one glossary entry."""
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    glossary = kinds.GLOSSARY.name
    for term in sorted(reg.of(kinds.GLOSSARY).values(), key=lambda t: t.id):
        rel, lines = reg.where[(glossary, term.id)]
        for i, name in enumerate([term.term, *term.aliases]):
            key = name.replace(" ", "").lower()
            if key in owner and owner[key] != term.id:
                loc = ("term",) if i == 0 else ("aliases", i - 1)
                problems.append(Problem(rel, line_of(lines, loc), "duplicate-term",
                                        f"'{name}' is already defined by glossary entry '{owner[key]}'; "
                                        f"define each term once and link to it"))
            owner.setdefault(key, term.id)
    return problems


def _source_hint(reg: Registry, value: str) -> str:
    """If a source file name was cited instead of its bibliography id, name the id."""
    for src in reg.of(kinds.BIBLIOGRAPHY).values():
        if src.file.startswith(value) or value.startswith(src.file.split("_")[0] + "_"):
            return f"; cite the bibliography id '{src.id}' (file {src.file}) instead of the file name"
    return ""


def _did_you_mean(value: str, known: Any) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def check(root: Path, cache: Cache | None = None) -> list[Problem]:
    """Every problem in the course under ``root`` (empty when all is well)."""
    try:
        load(root, cache)
    except CourseError as exc:
        return exc.problems
    return []
