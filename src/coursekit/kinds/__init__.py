"""The content kinds, each declared once: what its records are and everything that shows them.

A kind is a folder of records under ``data/`` (``data/worksheets/<id>.yml``). The registry, the site's
macros, anchors and library pages, search, handouts, slides, the scaffold, the collector and the
teacher-text leak tests all read the declarations below instead of keeping their own lists.

To add a kind: write its model (``models/``), its site template (``templates/<template>.html``) and one
:class:`Kind` in :data:`ALL`. Optional parts (handouts, slides, a library page, a scaffold) are extra
fields of the same declaration, each with the module that uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from .. import models
from ..slidespec import Slide
from . import checks, describe
from . import slides as slide_records

__all__ = ["ALL", "BIBLIOGRAPHY", "CASES", "GLOSSARY", "LESSONPLANS", "QUESTIONS", "SOPS", "WORKSHEETS", "Handout",
           "Kind", "by_macro", "collected", "kind", "student_part", "teacher_texts"]


@dataclass(frozen=True)
class Handout:
    """One file made from each record of a kind: ``<project>/<kind>/<id><suffix>``."""

    suffix: str             # after the id: ".pdf", ".teacher.pdf", ".docx", ".xlsx"
    fmt: str                # pdf | docx | xlsx (handouts/jobs.py has a writer for each)
    label: str              # the download link's text on the site
    teacher: bool = False   # holds teacher-only text: never offered by the student edition


R = TypeVar("R", bound=models.base.Record)
"""The record type of a kind (``Kind[models.Worksheet]``): its callables and the registry's ``of()`` are typed by it."""


@dataclass(frozen=True)
class Kind(Generic[R]):
    """One content kind. Field by field:

    - ``name``: the folder under ``data/`` and the key of ``Registry.records`` ("worksheets").
    - ``model``: the pydantic schema every record is validated against.
    - ``noun``: one record in messages and in ``coursekit new <noun>`` ("worksheet").
    - ``title``: its Chinese name in listings, zips and the schedule ("工作单").
    - ``anchor``: prefix of a record's HTML id, followed by the record id ("ws-" → ``#ws-swot``).
    - ``macro``: the page macro that shows one record by id (``{{ worksheet("swot") }}``), or None.
    - ``embed``: how the macro shows it: "block" renders ``template``; "link" writes a Markdown link to the
      record on ``library_page`` (glossary terms).
    - ``template`` / ``var``: the site template (``templates/<template>.html``) and the name the record has
      in it; the print fragment is ``templates/print/<template>.html`` when the kind has ``handouts``.
    - ``listing_macro``: a macro without arguments showing every record with the template of that name
      (``{{ glossary() }}`` renders ``templates/glossary.html``), or None.
    - ``library_page``: the docs page every record can be found on (search, links), or None.
    - ``label_field``: the field naming a record, the text of a link to it.
    - ``listed``: ``library("<name>")`` lists the records by project (and project pages list them).
    - ``home``: the field naming the record's project: "project", or "projects" (the first is its home).
    - ``cited_as``: (field, what) when other records cite this kind by id in a list field of that name
      ("sources" cite the bibliography); the registry checks each id, naming it ``what`` when unknown.
    - ``handouts``: the files made from each record; ``landscape``: they are printed landscape.
    - ``schedule``: the record's line in the 授课计划 (a column of its own), or None; ``counter``: the
      measure word of the column's total ("29 张").
    - ``search``: (title, text) of the record's own search entry as HTML (see :mod:`coursekit.kinds.describe`),
      or None for no entry.
    - ``slides``: the slides a record embedded in a task page makes in the project's deck, or None.
    - ``scaffold``: default title for ``coursekit new <noun>`` (template ``templates/scaffold/<noun>.yml``),
      or None when records are not scaffolded.
    - ``collect``: ``coursekit collect`` reads students' answers to these records.
    - ``teacher_page``: ``library_page`` exists in the teacher edition only (the student build neither builds
      nor links it: :func:`coursekit.grading.teacher_only`).
    - ``check``: checks across records (:mod:`coursekit.kinds.checks`): given a record and the loaded course,
      yields (location in the record, rule, message); ``coursekit check`` reports them at the record's line.
    - ``teacher_assets``: scripts and styles (``docs/`` paths, listed in mkdocs.yml) only ``library_page``
      uses; with ``teacher_page`` the student build leaves them out like the page.
    - ``tip_field``: for a "link" kind, the field shown in a tooltip when the link is tapped or hovered
      (a term's definition), so the reader need not leave the page; None for a plain link.
    - ``uses_task``: a record belongs to one task page (fields ``project`` and ``task``) and its handouts also
      show that page's front matter, the records it embeds and its question bank (so the handouts' cache key
      includes the pages and the bank).
    - ``teacher_only``: dotted paths to teacher-only text in a record ("rubric.criteria.descriptors" walks
      lists); the student edition, handouts and search must never show it, and the leak tests check that.
    - ``shown``: the part of a record that pages may show, when that is less than the record (the question
      bank's self-check items): the record macro embeds only this part, in both editions, and every text of
      the record outside it is teacher-only as if listed in ``teacher_only`` (:func:`teacher_texts`).
    """

    name: str
    model: type[R]
    noun: str
    title: str
    anchor: str
    macro: str | None = None
    embed: Literal["block", "link"] = "block"
    template: str | None = None
    var: str = "record"
    listing_macro: str | None = None
    library_page: str | None = None
    label_field: str = "title"
    listed: bool = False
    home: Literal["project", "projects"] = "project"
    cited_as: tuple[str, str] | None = None
    handouts: tuple[Handout, ...] = ()
    landscape: bool = False
    schedule: Callable[[R], str] | None = None
    counter: str = "个"
    search: Callable[[R], tuple[str, str]] | None = None
    slides: Callable[[R, int], list[Slide]] | None = None
    scaffold: str | None = None
    collect: bool = False
    check: Callable[[R, Any], Iterable[tuple[tuple[Any, ...], str, str]]] | None = None
    teacher_page: bool = False
    teacher_assets: tuple[str, ...] = ()
    tip_field: str | None = None
    uses_task: bool = False
    teacher_only: tuple[str, ...] = ()
    shown: Callable[[R], R] | None = None

    def project_of(self, record: R) -> str:
        """The record's home project (a case taught in two projects: its first)."""
        return self.projects_of(record)[0]

    def projects_of(self, record: R) -> list[str]:
        """Every project the record belongs to."""
        # the model is generic here: the field is read by name (every kind's model has project or projects)
        found = getattr(record, "projects", None) if self.home == "projects" else [getattr(record, "project", None)]
        return [str(slug) for slug in found or []]


def _worksheet_line(ws: models.Worksheet) -> str:
    """``表1-2 标题（20 分钟）``: how a worksheet is named in the schedule."""
    return f"{ws.label + ' ' if ws.label else ''}{ws.title}（{ws.minutes} 分钟）"


BIBLIOGRAPHY: Kind[models.Source] = Kind(
    "bibliography", models.Source, noun="source", title="参考资料", anchor="src-",
    listing_macro="bibliography", library_page="library/sources.md", cited_as=("sources", "source"))
WORKSHEETS: Kind[models.Worksheet] = Kind(
    "worksheets", models.Worksheet, noun="worksheet", title="工作单", anchor="ws-", macro="worksheet",
    template="worksheet", var="ws", library_page="library/worksheets.md", listed=True,
    # the student files are blank forms: their links say so (students handed in the blank Word)
    handouts=(Handout(".pdf", "pdf", "空白表 PDF"), Handout(".docx", "docx", "空白模板 Word"),
              Handout(".teacher.pdf", "pdf", "教师版 PDF", teacher=True)),
    schedule=_worksheet_line, counter="张", search=describe.worksheet,
    slides=lambda ws, task: [slide_records.worksheet_slide(ws, task)],
    scaffold="新工作单", collect=True, teacher_only=("answer", "rubric.criteria.descriptors"))
SOPS: Kind[models.Sop] = Kind(
    "sops", models.Sop, noun="sop", title="SOP 表", anchor="sop-", macro="sop", template="sop", var="sop",
    library_page="library/sops.md", listed=True,
    handouts=(Handout(".xlsx", "xlsx", "Excel"), Handout(".pdf", "pdf", "PDF 清单")), landscape=True,
    schedule=lambda sop: str(sop.title), counter="张", search=describe.sop,
    slides=lambda sop, task: [slide_records.sop_slide(sop, task)], scaffold="新 SOP")
CASES: Kind[models.Case] = Kind(
    "cases", models.Case, noun="case", title="案例", anchor="case-", macro="case", template="case", var="case",
    library_page="library/cases.md", listed=True, home="projects",
    handouts=(Handout(".pdf", "pdf", "PDF"), Handout(".teacher.pdf", "pdf", "教师版 PDF", teacher=True)),
    schedule=lambda case: str(case.title), search=describe.case, slides=slide_records.case_slides,
    scaffold="新案例", teacher_only=("guidance",))
GLOSSARY: Kind[models.Term] = Kind(
    "glossary", models.Term, noun="term", title="术语", anchor="term-", macro="term", embed="link",
    listing_macro="glossary", library_page="library/glossary.md", label_field="term",
    cited_as=("related", "related term"), search=describe.term, tip_field="definition")


def _selfcheck(bank: models.QuestionBank) -> models.QuestionBank:
    """A task's 课后自测: its bank with the self-check items only (students need their answers and 解析 for
    instant feedback); the other items are the exam pool, teacher-only in every field."""
    return bank.model_copy(update={"items": [item for item in bank.items if item.selfcheck]})


QUESTIONS: Kind[models.QuestionBank] = Kind(
    "questions", models.QuestionBank, noun="question bank", title="题库", anchor="qb-", macro="quiz",
    template="quiz", var="bank", label_field="id",
    listing_macro="question_bank", library_page="library/questions.md", teacher_page=True,
    teacher_assets=("assets/javascripts/ck-qbank.js", "assets/stylesheets/qbank.css"),
    check=lambda bank, reg: checks.questions(bank, reg, kind="questions", sources="bibliography", macro="quiz"),
    shown=_selfcheck)

LESSONPLANS: Kind[models.LessonPlan] = Kind(
    "lessonplans", models.LessonPlan, noun="lesson plan", title="教案", anchor="lp-", label_field="id",
    handouts=(Handout("-教案.docx", "docx", "教案 Word", teacher=True),),
    check=checks.lessonplan, uses_task=True,
    # a 教案 is the teacher's own document: none of it reaches a student
    teacher_only=("learners", "focus", "difficulties.point", "difficulties.solution", "methods", "resources",
                  "stages.stage", "stages.teacher", "stages.students", "stages.purpose", "board", "homework"))

ALL: tuple[Kind[Any], ...] = (BIBLIOGRAPHY, WORKSHEETS, SOPS, CASES, GLOSSARY, QUESTIONS, LESSONPLANS)
"""Every kind, in course order (the order ``coursekit check`` counts them in)."""


def kind(name: str) -> Kind[Any]:
    """The kind stored in ``data/<name>/``; KeyError if there is none."""
    for k in ALL:  # read at each call: a test may declare more kinds
        if k.name == name:
            return k
    raise KeyError(name)


def by_macro(macro: str) -> Kind[Any] | None:
    """The kind whose records the page macro ``macro`` shows by id, if any."""
    return next((k for k in ALL if k.macro == macro), None)


def collected() -> Kind[models.Worksheet]:
    """The kind whose answers ``coursekit collect`` and the 作业汇总 page read (worksheets)."""
    return next(k for k in ALL if k.collect)


def student_part(k: Kind[R], record: R) -> R:
    """What of ``record`` pages may show (:attr:`Kind.shown`), teacher_only fields still in it."""
    return k.shown(record) if k.shown else record


def teacher_texts(k: Kind[R], record: R) -> Iterator[str]:
    """Every teacher-only text of ``record``: ``k.teacher_only``'s paths followed through lists, and each
    text outside the part ``k.shown`` keeps."""
    for path in k.teacher_only:
        values: list[Any] = [record]
        for part in path.split("."):
            values = [v for value in values for v in _step(getattr(value, part, None))]
        yield from (v for v in values if isinstance(v, str) and v)
    if k.shown:
        kept = set(_strings(k.shown(record).model_dump()))
        yield from dict.fromkeys(s for s in _strings(record.model_dump()) if s and s not in kept)


def _strings(value: Any) -> Iterator[str]:
    """Every string in a dumped record, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def _step(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, dict):  # e.g. a question's why_wrong: option letter → text
        return list(value.values())
    return list(value) if isinstance(value, (list, tuple)) else [value]
