"""What each macro shows: one method per macro, each a call to :func:`render`.

The mkdocs-macros adapter (:mod:`coursekit.macros`) and ``coursekit check`` both use this
class, so a page renders the same way in a build and in a check.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from . import kinds, pagenav, templatedir
from . import outputs as handout_paths
from . import registry as registry_mod
from .editions import check_edition
from .errors import CourseError, Problem
from .plaintext import plain
from .registry import Registry
from .render import cn_number, content_version, render
from .urls import link, page_url

log = logging.getLogger(__name__)

PAGE_MACROS = ("lesson_header", "project_overview", "project_practice", "library", "course_overview", "assignment_form", "homework")
"""Macros about pages rather than one kind's records (those come from :mod:`coursekit.kinds`)."""


def macro_names() -> list[str]:
    """Every macro a page may call: each kind's record and listing macros, then the page macros."""
    names = [k.macro for k in kinds.ALL if k.macro] + [k.listing_macro for k in kinds.ALL if k.listing_macro]
    return names + list(PAGE_MACROS)


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown inline text: HTML escaped, link and emphasis characters backslashed."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", str(escape(text)))


@dataclass
class Site:
    """The course as the site shows it, in one edition."""

    root: Path
    edition: str = "student"
    directory_urls: bool = True
    templates: Path | None = None  # default: the one mkdocs.yml chooses (coursekit.templatedir)
    downloads: bool = False         # link each record to its generated files (set for `make build`)
    cache: registry_mod.Cache | None = None  # the caller's, kept across builds (mkdocs serve)
    registry: Registry | None = None          # already loaded by the caller: used as is
    file_name: Callable[[str], str] | None = None  # 繁體 edition: the handouts' names (Converter.file_name)

    def __post_init__(self) -> None:
        check_edition(self.edition)
        self.templates = self.templates or templatedir.of_course(self.root)

    @cached_property
    def reg(self) -> Registry:
        """The validated course, loaded once per Site (a build or a check makes its own Site).

        Checking the files for edits costs a stat of every file; doing it on each
        macro call made builds quadratic in the course size (see bench/).
        """
        return self.registry or registry_mod.load(self.root, self.cache)

    @property
    def tpl(self) -> Path:
        """The templates folder."""
        assert self.templates is not None
        return self.templates

    @property
    def teacher(self) -> bool:
        """True in the teacher edition."""
        return self.edition == "teacher"

    # -- helpers -------------------------------------------------------------

    def _record(self, kind: str, id_: str, page: str) -> Any:
        try:
            return self.reg.get(kind, id_)
        except KeyError:
            known = list(self.reg.records[kind])
            close = difflib.get_close_matches(id_, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            name = kinds.kind(kind).macro or kind
            raise CourseError([Problem(f"docs/{page}", None, "unknown-id",
                                       f"{name}(\"{id_}\"): no record with id '{id_}' in data/{kind}/{hint}")]) from None

    def _ctx(self, page: str) -> dict[str, Any]:
        """What every template may use."""
        return {
            "teacher": self.teacher,
            "reg": self.reg,
            "projects": self.reg.projects,
            "link": lambda target, anchor="": link(target, page, anchor, self.directory_urls),
            "home_of": self.home_of,
            "anchor": lambda kind, id_: kinds.kind(kind).anchor + id_,
            "source_title": lambda sid: self.reg.get(kinds.BIBLIOGRAPHY.name, sid).title,
            "kinds": kinds.ALL,
            "cn": cn_number,
            "downloads": self.downloads,
            "files_of": lambda kind, id_: self.files_of(kind, id_, page),
            "pack_of": lambda slug: self.pack_of(slug, page),
            "slides_of": lambda slug: self.slides_of(slug, page),
            "question_files": lambda: self.question_files(page),
            "task_files": lambda lesson: self.task_files(lesson, page),
            "course_files": lambda: self.course_files(page),
        }

    def task_files(self, lesson: Any, page: str) -> list[tuple[str, str]]:
        """(label, URL) of the files made for one task (its 教案) that this edition may offer."""
        return [item for k in kinds.ALL if k.uses_task and k.handouts
                for r in self.reg.records[k.name].values()
                if (getattr(r, "project", None), getattr(r, "task", None)) == (lesson.project, lesson.task)
                for item in self.files_of(k.name, r.id, page)]

    def course_files(self, page: str) -> list[tuple[str, str]]:
        """(label, URL) of the course's teacher documents (教学日历, 课程标准) that the course has: teacher edition."""
        course = self.reg.course
        outputs = ((handout_paths.calendar_outputs() if course.calendar else [])
                   + (handout_paths.standard_outputs() if course.standard else []))
        return [(o.label, self._download_url(o.rel, page)) for o in handout_paths.visible(outputs, self.teacher)]

    def files_of(self, kind: str, id_: str, page: str) -> list[tuple[str, str]]:
        """(label, URL relative to ``page``) of the generated files of a record that this edition may offer."""
        outputs = handout_paths.visible(handout_paths.record_outputs(kind, self.reg.get(kind, id_)), self.teacher)
        return [(o.label, self._download_url(o.rel, page)) for o in outputs]

    def pack_of(self, slug: str, page: str) -> list[tuple[str, str]]:
        """(label, URL) of a project's 教学包 zip(s) for this edition; none if it has no records yet."""
        if not any(self.reg.in_project(k.name, slug) for k in handout_paths.handout_kinds()):
            return []
        outputs = handout_paths.visible(handout_paths.pack_outputs(slug), self.teacher)
        return [(o.label, self._download_url(o.rel, page)) for o in outputs]

    def slides_of(self, slug: str, page: str) -> str:
        """URL of a project's PPTX deck (teacher edition only: its notes hold answers and guidance)."""
        deck = f"{handout_paths.DECKS}/{handout_paths.deck_name(slug)}"
        return self._download_url(deck, page, handout=False) if self.teacher else ""

    def question_files(self, page: str) -> list[tuple[str, str]]:
        """(label, URL) of the question bank's exports: teacher edition only (they hold every answer)."""
        outputs = handout_paths.visible(handout_paths.question_outputs(self.reg.course.exam is not None), self.teacher)
        return [(o.label, self._download_url(o.rel, page, handout=False)) for o in outputs]

    def _download_url(self, rel: str, page: str, handout: bool = True) -> str:
        """A file under the site's downloads folder, relative to the page's URL; a handout (``coursekit
        handouts`` makes it, named in this edition's script) under :attr:`file_name`'s name."""
        if handout and self.file_name is not None:
            rel = self.file_name(rel)
        return get_relative_url(f"{handout_paths.SITE_DIR}/{rel}", page_url(page, self.directory_urls) or ".")

    def home_of(self, kind: str, id_: str) -> tuple[str, str]:
        """Where a record is shown: the first page embedding it, else its library page."""
        k = kinds.kind(kind)
        pages = self.reg.embeds.get((kind, id_)) or [k.library_page or ""]
        return pages[0], k.anchor + id_

    # -- macros --------------------------------------------------------------

    def macros(self, src: Callable[[], str], meta: Callable[[], dict[str, Any]]) -> dict[str, Callable[..., Any]]:
        """Every macro by name, for the page ``src()`` with front matter ``meta()`` (both read at each call)."""
        found: dict[str, Callable[..., Any]] = {}
        for k in kinds.ALL:
            if k.macro:
                found[k.macro] = self._record_macro(k, src)
            if k.listing_macro:
                found[k.listing_macro] = self._listing_macro(k, src)
        found.update(
            lesson_header=lambda: self.lesson_header(meta(), src()),
            project_overview=lambda: self.project_overview(meta(), src()),
            project_practice=lambda: self.project_practice(meta(), src()),
            library=lambda kind: self.library(kind, src()),
            course_overview=lambda: self.course_overview(src()),
            assignment_form=lambda: self.assignment_form(src()),
            homework=lambda: self.homework(src()),
        )
        return found

    def _record_macro(self, k: kinds.Kind[Any], src: Callable[[], str]) -> Callable[..., Any]:
        macro = k.macro or k.name
        if k.embed == "link":
            return lambda id, text=None: self.embed(macro, id, src(), text)
        return lambda id: self.embed(macro, id, src())

    def _listing_macro(self, k: kinds.Kind[Any], src: Callable[[], str]) -> Callable[..., Any]:
        return lambda: self.listing(k.name, src())

    def embed(self, macro: str, id_: str, page: str, text: str | None = None) -> Markup | str:
        """What the record macro ``macro`` shows for record ``id_``: the record, or the part of it its kind
        shows (teacher-only parts in the teacher edition), or for a "link" kind a Markdown link to it (mkdocs
        validates it)."""
        k = kinds.by_macro(macro)
        if k is None:
            raise KeyError(macro)
        record = kinds.student_part(k, self._record(k.name, id_, page))  # the same part in both editions
        if k.embed == "link":
            target = posixpath.relpath(k.library_page or "", posixpath.dirname(page) or ".")
            link_md = f"[{markdown_text(text or getattr(record, k.label_field))}]({target}#{k.anchor}{id_})"
            return link_md + self._tip(k, record) if k.tip_field else link_md
        assert k.template, f"kind {k.name} embeds a block without a template"
        return render(self.tpl, k.template, version=content_version(record), **{k.var: record}, **self._ctx(page))

    def jumps(self, page: str) -> list[pagenav.Jump]:
        """The task page's jump list (its worksheets, SOPs and 课后自测) for the lesson header."""
        return pagenav.jumps(self.reg, page, self.teacher)

    @staticmethod
    def _tip(k: kinds.Kind[Any], record: Any) -> str:
        """What ck-terms.js shows when the link is tapped or hovered: the record's ``tip_field`` as plain
        text in a hidden span after the link (escaped; left out of the search index, which has the term's
        own entry). The class and ``data-term`` on the link pair them up."""
        tip = markdown_text(" ".join(plain(str(getattr(record, k.tip_field or ""))).split()))
        tip = tip.replace("{", "&#123;").replace("}", "&#125;")  # not an attribute list to attr_list
        return (f'{{ .ck-term data-term="{record.id}" }}'
                f'<span class="ck-term-def" data-term-def="{record.id}" hidden data-search-exclude="coursekit">{tip}</span>')

    def lesson_header(self, meta: dict[str, Any], page: str) -> Markup:
        """Minutes, the jump list (worksheets, SOPs, 课后自测), objectives, key points and sources of a task page."""
        lesson = self.reg.lessons.get(page)
        if lesson is None:
            raise CourseError([Problem(f"docs/{page}", None, "not-a-lesson",
                                       "lesson_header() works only on task pages in docs/modules/<project>/")])
        project = self.reg.projects[lesson.project]
        jumps = self.jumps(page)
        return render(self.tpl, "lesson_header", lesson=lesson, project=project, jumps=jumps,
                      jumps_title=pagenav.title(jumps), **self._ctx(page))

    def project_overview(self, meta: dict[str, Any], page: str) -> Markup:
        """Objectives, tasks, worksheets, SOPs and cases of a project page."""
        slug = str(meta.get("project", ""))
        if slug not in self.reg.project_pages:
            raise CourseError([Problem(f"docs/{page}", None, "not-a-project",
                                       "project_overview() works only on docs/modules/<project>/index.md")])
        return render(self.tpl, "project_overview", project=self.reg.projects[slug],
                      front=self.reg.project_pages[slug], lessons=self.reg.lessons_of(slug), **self._ctx(page))

    def project_practice(self, meta: dict[str, Any], page: str) -> Markup:
        """The 项目实训 of a project page (its front matter's ``practice:``) and its 自评互评表 download."""
        slug = str(meta.get("project", ""))
        front = self.reg.project_pages.get(slug)
        if front is None or page != f"modules/{slug}/index.md" or front.practice is None:
            why = ("project_practice() works only on docs/modules/<project>/index.md" if front is None or
                   page != f"modules/{slug}/index.md" else
                   "project_practice() shows the page's practice: front matter, which is missing "
                   "(CONTRIBUTING.md 项目首页)")
            raise CourseError([Problem(f"docs/{page}", None, "not-a-project", why)])
        return render(self.tpl, "practice", project=self.reg.projects[slug], practice=front.practice,
                      forms=self.forms_of(slug, page), **self._ctx(page))

    def forms_of(self, slug: str, page: str) -> list[tuple[str, str]]:
        """(label, URL) of a project's own files (the 项目实训自评互评表) when the build has downloads."""
        outputs = handout_paths.visible(handout_paths.project_outputs(slug), self.teacher)
        return [(o.label, self._download_url(o.rel, page)) for o in outputs] if self.downloads else []

    def library(self, kind: str, page: str) -> Markup:
        """Every record of a listed ``kind`` (worksheets, sops, cases), grouped by project."""
        listed = [f"'{k.name}'" for k in kinds.ALL if k.listed]
        if f"'{kind}'" not in listed:
            choices = f"{', '.join(listed[:-1])} or {listed[-1]}" if len(listed) > 1 else listed[0]
            raise CourseError([Problem(f"docs/{page}", None, "unknown-kind",
                                       f"library(\"{kind}\"): use {choices}")])
        return render(self.tpl, "library", kind=kind, **self._ctx(page))

    def listing(self, kind: str, page: str) -> Markup:
        """Every record of ``kind`` with its listing template (the glossary by project, the bibliography)."""
        k = kinds.kind(kind)
        return render(self.tpl, k.listing_macro or k.name, **self._ctx(page))

    def course_overview(self, page: str) -> Markup:
        """The six projects in order, with hours and tasks, for the home page."""
        return render(self.tpl, "course_overview", **self._ctx(page))

    def assignment_form(self, page: str) -> Markup:
        """The 作业布置 form: every worksheet by project, submitting to the homework page (the student
        edition's, chosen in the browser, in the teacher edition)."""
        return render(self.tpl, "assignment_form", homework=link("homework.md", page, "", self.directory_urls),
                      **self._ctx(page))

    def homework(self, page: str) -> Markup:
        """A link to every worksheet, hidden; the page's script loads the ones a link assigns from their task pages.

        The teacher edition has no worksheets here (its task pages hold answers): a homework link opened
        on it is forwarded to the student edition (``overrides/main.html``).
        """
        if self.teacher:
            return render(self.tpl, "homework_teacher", **self._ctx(page))
        items = [ws for slug in self.reg.projects for ws in self.reg.in_project(kinds.WORKSHEETS.name, slug)]
        return render(self.tpl, "homework", items=items, **self._ctx(page))

    def search_words(self) -> list[str]:
        """Words jieba must keep whole: glossary terms, aliases and the course's list."""
        words = set(self.reg.course.search_words)
        words.update(w for group in self.reg.course.search_synonyms for w in group if " " not in w)
        for t in self.reg.of(kinds.GLOSSARY).values():
            words.update(w for w in [t.term, *t.aliases, *t.avoid] if " " not in w)
        return sorted(words)
