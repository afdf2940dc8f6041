"""The print edition: the whole course as one PDF per edition, ready for a print shop.

Cover, table of contents with page numbers, each project as a chapter
(project page, then its task pages, then the project page's 项目实训), glossary and sources as appendices (and
the teacher guide in the teacher edition). Layout rules live in
``templates/print/book.css``; the page HTML comes from :mod:`.bookhtml`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import lxml.html
from markupsafe import Markup

from .. import kinds
from .. import outputs as paths
from ..hant.convert import Converter
from ..registry import Registry
from ..render import render
from . import pdf
from .bookhtml import (
    BookPage,
    BookSite,
    Numbering,
    converter,
    drop_dangling_links,
    drop_h1,
    number_tables,
    page_id,
    postprocess,
    render_markdown,
)
from .cache import code_version, digest, templates_version
from .fontcheck import fonts_version
from .fonts import DEFAULT, face
from .jobs import Job, in_language

log = logging.getLogger(__name__)

EDITION_NAMES = {"student": "学生用书", "teacher": "教师用书"}


def plan_book(reg: Registry, templates: Path, editions: list[str], lang: str = DEFAULT) -> list[Job]:
    """One job per edition; the key covers every page, record, template, font file and mkdocs.yml (and 繁體 terms)."""
    mkdocs_yml = (reg.root / "mkdocs.yml").read_text(encoding="utf-8")
    # fonts_version: FontsMissing before anything is written; a font change redraws the book
    content = digest(code_version(), templates_version(templates), fonts_version(lang), mkdocs_yml, reg.course,
                     {src: (page.meta, page.body) for src, page in sorted(reg.pages.items())},
                     {kind: records for kind, records in sorted(reg.records.items())})
    content = in_language(content, reg, lang)
    return [Job(paths.BOOK[e], "book", e, "pdf", e == "teacher", digest(content, e), lang=lang) for e in editions]


def write_book(reg: Registry, templates: Path, edition: str, dest: Path, lang: str = DEFAULT,
               conv: Converter | None = None) -> None:
    """Render the print edition ``edition`` of the course to ``dest``, tagged and set for ``lang``.

    The book is laid out in Simplified; ``conv`` (繁體) converts its text as the PDF is written.
    """
    pdf.write_pdf(book_html(reg, templates, edition, lang), dest, templates, pdf.BOOK_STYLES, lang=lang, conv=conv)


def book_html(reg: Registry, templates: Path, edition: str, lang: str = DEFAULT) -> str:
    """The whole book as one HTML document."""
    site = BookSite(reg.root, edition, templates=templates, registry=reg)
    md = converter(reg.root)
    chapters = [_chapter(reg, site, md, slug) for slug in reg.projects]
    chapters = [c for c in chapters if c["pages"]]
    appendices = _appendices(reg, site, md, edition)
    meta = _site_meta(reg.root)
    html = render(templates, "print/book", course=reg.course, edition=edition, edition_name=EDITION_NAMES[edition],
                  lang_tag=face(lang).tag, teacher=edition == "teacher", chapters=chapters, appendices=appendices,
                  author=meta.get("site_author") or f"{reg.course.title}编写组",
                  description=meta.get("site_description", ""))
    return drop_dangling_links(html)


def _chapter(reg: Registry, site: BookSite, md: Any, slug: str) -> dict[str, Any]:
    """A project: its page (or a plain title when it has none) and its task pages, tables numbered."""
    project = reg.projects[slug]
    sources = ([f"modules/{slug}/index.md"] if f"modules/{slug}/index.md" in reg.pages else [])
    sources += [path for path, _ in reg.lessons_of(slug)]
    known = set(reg.pages)
    numbering = Numbering(project.number, [ws.label for ws in reg.in_project(kinds.WORKSHEETS.name, slug) if ws.label])
    pages, closing = [], []
    for src in sources:
        kind = "project" if src.endswith("/index.md") else "lesson"
        html, title = postprocess(render_markdown(site, md, src), src, kind, known)
        if kind == "project":  # its 项目实训 closes the chapter, after the tasks, as it closes the project
            html, practice = split_practice(html)
            closing = [BookPage(src, "practice", "项目实训", Markup(practice))] if practice else []
        pages.append(BookPage(src, kind, title, Markup(number_tables(html, numbering))))
    pages += closing
    return {"project": project, "id": page_id(sources[0]) if sources else f"p-{slug}",
            "has_index": bool(sources) and sources[0].endswith("/index.md"), "pages": pages}


def split_practice(html: str) -> tuple[str, str]:
    """A project page's print HTML without its ``## 项目实训 { #practice }`` section, and that section as a
    page of its own (``""`` when the page has none)."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    section = root[0] if len(root) == 1 and root[0].tag == "section" else root
    head = next((h for h in section.iter("h2") if (h.get("id") or "").endswith("--practice")), None)
    if head is None or head.getparent() is not section:
        return html, ""
    start = list(section).index(head)
    moved = list(section)[start:]
    page = lxml.html.Element("section", {"class": "book-page book-practice", "id": f"{section.get('id', 'p')}-practice"})
    for el in moved:
        section.remove(el)
        page.append(el)
    keep = lxml.html.tostring(section, encoding="unicode") if section is not root else "".join(
        lxml.html.tostring(el, encoding="unicode") for el in root)
    return keep, lxml.html.tostring(page, encoding="unicode")


def _appendices(reg: Registry, site: BookSite, md: Any, edition: str) -> list[dict[str, Any]]:
    """Glossary and sources; the teacher guide in the teacher edition."""
    out = [{"id": "p-appendix-glossary", "title": "术语表",
            "html": site.listing(kinds.GLOSSARY.name, kinds.GLOSSARY.library_page or "")},
           {"id": "p-appendix-sources", "title": "参考资料",
            "html": site.listing(kinds.BIBLIOGRAPHY.name, kinds.BIBLIOGRAPHY.library_page or "")}]
    if edition == "teacher" and "teacher-guide.md" in reg.pages:
        html, title = postprocess(render_markdown(site, md, "teacher-guide.md"), "teacher-guide.md", "appendix",
                                  set(reg.pages))
        out.append({"id": "p-appendix-teacher-guide", "title": title or "教师指南", "html": Markup(drop_h1(html))})
    return out


def _site_meta(root: Path) -> dict[str, Any]:
    """site_author and site_description from mkdocs.yml."""
    from mkdocs.utils.yaml import yaml_load
    with open(root / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f) or {}
