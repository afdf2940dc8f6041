"""Lesson pages as print HTML: the site's macros and Markdown extensions, then fixes for paper.

Each page is rendered with a :class:`BookSite` (the site's macros, but
worksheets, SOPs and cases in their print layout, links pointing inside the
book), converted with the Markdown extensions listed in ``mkdocs.yml``, and
post-processed: ids are made unique per page, links are resolved to anchors
in the book, and Mermaid diagrams (which cannot run in WeasyPrint) become a
framed box holding the text description from their caption.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
import markdown
from markupsafe import Markup, escape

from .. import kinds
from ..errors import CourseError
from ..pagecheck import render_page
from ..site import Site
from . import htmlprint

log = logging.getLogger(__name__)

GLOBAL_IDS = ("ws-", "sop-", "case-", "term-", "src-", "p-")
"""Ids that are unique in the whole book and must keep their name (links target them)."""
DESCRIPTION = "文字说明："
_NODE = re.compile(r"\w+\s*[\[\(\{>]+\"?([^\]\)\}\"]+)\"?[\]\)\}]+")


def page_id(src: str) -> str:
    """The anchor of a page in the book: ``modules/01-x/index.md`` → ``p-modules-01-x-index``."""
    return "p-" + re.sub(r"[^a-z0-9]+", "-", src[:-3].lower()).strip("-")


class BookSite(Site):
    """The site's macros for the print edition."""

    def _ctx(self, page: str) -> dict[str, Any]:
        """The site's template context, with links pointing to anchors in the book."""
        ctx = super()._ctx(page)
        ctx["link"] = lambda target, anchor="": "#" + (anchor or page_id(target))
        return ctx

    def jumps(self, page: str) -> list[Any]:
        """No jump list on paper: the book has its contents pages."""
        return []

    def embed(self, macro: str, id_: str, page: str, text: str | None = None) -> Markup | str:
        """A record as in the handouts (no name line, no tick column); a link kind's link to its appendix."""
        k = kinds.by_macro(macro)
        if k is None or not (k.handouts or k.embed == "link"):
            return super().embed(macro, id_, page, text)
        record = self._record(k.name, id_, page)
        if k.embed == "link":
            return f"[{text or getattr(record, k.label_field)}](#{k.anchor}{id_})"
        return htmlprint.fragment(self.tpl, self.reg, k.name, record, self.teacher, standalone=False)


def converter(root: Path) -> markdown.Markdown:
    """python-markdown with the extensions of ``mkdocs.yml`` (as mkdocs adds them), set up for print."""
    from mkdocs.utils.yaml import yaml_load
    with open(root / "mkdocs.yml", encoding="utf-8") as f:
        conf = yaml_load(f) or {}
    names, configs = ["toc", "tables", "fenced_code"], {}
    for item in conf.get("markdown_extensions") or []:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if config:
            configs[name] = dict(config)
    configs["toc"] = {**configs.get("toc", {}), "permalink": False}
    if "pymdownx.superfences" in names:
        fences = [f for f in configs.get("pymdownx.superfences", {}).get("custom_fences", [])
                  if f.get("name") != "mermaid"]
        fences.append({"name": "mermaid", "class": "mermaid", "format": _mermaid_box})
        configs["pymdownx.superfences"] = {**configs.get("pymdownx.superfences", {}), "custom_fences": fences}
        names.remove("fenced_code")
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _mermaid_box(source: str, language: str, css_class: str, options: Any, md: Any, **kwargs: Any) -> str:
    """A framed box in place of a diagram; its text comes from the caption (see :func:`_fix_figures`)."""
    labels = [m.group(1).strip() for m in _NODE.finditer(source)]
    fallback = "　→　".join(dict.fromkeys(labels)) or "（图示见课程网站）"
    return f'<div class="diagram-box"><p class="diagram-text">{escape(fallback)}</p></div>'


@dataclass
class BookPage:
    """One page of the book: its source, kind, title and print HTML."""

    src: str
    kind: str    # project | lesson | appendix
    title: str
    html: str

    @property
    def id(self) -> str:
        """The page's anchor in the book."""
        return page_id(self.src)


def drop_h1(html: str) -> str:
    """The page without its first H1 (an appendix gets its own numbered title)."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    h1 = root.find(".//h1")
    if h1 is not None:
        h1.drop_tree()
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def render_markdown(site: BookSite, md: markdown.Markdown, src: str) -> str:
    """A page's Markdown with macros expanded (teacher boxes removed for students), as HTML."""
    text, problems = render_page(site, src, site.reg.pages[src])
    if problems:
        raise CourseError(problems)
    md.reset()
    return md.convert(text)


def postprocess(html: str, src: str, kind: str, known_pages: set[str]) -> tuple[str, str]:
    """Make a page's HTML fit in one book; return (html, its H1 text)."""
    pid = page_id(src)
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="section")
    root.set("id", pid)
    root.set("class", f"book-page book-{kind}")
    local = {el.get("id") for el in root.iter() if el.get("id") and not el.get("id").startswith(GLOBAL_IDS)}
    for el in root.iter():
        if el.get("id") in local:
            el.set("id", f"{pid}--{el.get('id')}")
    for a in root.iter("a"):
        _relink(a, src, pid, local, known_pages)
    _fix_figures(root)
    _join_cjk_lines(root)
    h1 = root.find(".//h1")
    title = h1.text_content().strip() if h1 is not None else ""
    if h1 is not None:
        h1.set("class", (h1.get("class", "") + f" {kind}-title").strip())
    return lxml.html.tostring(root, encoding="unicode"), title


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SOFT_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")


def _join_cjk_lines(root: Any) -> None:
    """A line break in the source between two Chinese characters is no space in print."""
    for el in root.iter():
        if el.tag in ("pre", "code"):
            continue
        if el.text and "\n" in el.text:
            el.text = _SOFT_BREAK.sub("", el.text)
        if el.tail and "\n" in el.tail:
            el.tail = _SOFT_BREAK.sub("", el.tail)


def _relink(a: Any, src: str, pid: str, local: set[str], known_pages: set[str]) -> None:
    """Point a link at its target in the book; links to pages not in the book keep only their text."""
    href = a.get("href") or ""
    if href.startswith(("http://", "https://", "mailto:")):
        return
    path, _, anchor = href.partition("#")
    if not path:
        a.set("href", f"#{pid}--{anchor}" if anchor in local else f"#{anchor}")
        return
    if anchor.startswith(GLOBAL_IDS):   # a record or term: wherever its page is, the anchor is in the book
        a.set("href", f"#{anchor}")
        return
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    target = target if target.endswith(".md") else target.rstrip("/") + ".md"
    if target not in known_pages:
        target = target[:-3] + "/index.md"
    if target in known_pages:
        tid = page_id(target)
        a.set("href", f"#{tid}--{anchor}" if anchor else f"#{tid}")
    else:
        unwrap(a)


def unwrap(a: Any) -> None:
    """Replace an element by its content."""
    a.drop_tag()


def _fix_figures(root: Any) -> None:
    """A diagram's caption ``图 3-1　标题。文字说明：……``: title under the box, description inside it."""
    for figure in root.iter("figure"):
        box = figure.find(".//div[@class='diagram-box']")
        caption = figure.find("figcaption")
        if box is None or caption is None:
            continue
        text = caption.text_content().strip()
        title, sep, description = text.partition(DESCRIPTION)
        if sep:
            box.clear()
            box.set("class", "diagram-box")
            para = lxml.html.fromstring("<p class='diagram-text'></p>")
            para.text = description.strip()
            box.append(para)
            for child in list(caption):
                caption.remove(child)
            caption.text = title.strip().rstrip("。")


class Numbering:
    """表 and 图 numbers of one project: ``表 3-1`` … skipping numbers that worksheet labels already use."""

    def __init__(self, project: int, labels: list[str]):
        """Numbers for project ``project``; ``labels`` are its worksheets' own labels."""
        self.project = project
        self.taken = {int(m.group(1)) for label in labels
                      if (m := re.fullmatch(rf"表\s*{project}\s*-\s*(\d+)", label.strip()))}
        self.table = self.figure = 0

    def next_table(self) -> str:
        """The next free table number."""
        self.table += 1
        while self.table in self.taken:
            self.table += 1
        return f"表 {self.project}-{self.table}"

    def next_figure(self) -> str:
        """The next figure number (for captions that have none)."""
        self.figure += 1
        return f"图 {self.project}-{self.figure}"


def number_tables(html: str, numbering: Numbering) -> str:
    """Caption every table of the lesson text (not the worksheets' own) ``表 p-n　<nearest heading>``."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    heading = ""
    for el in root.iter():
        if el.tag in ("h1", "h2", "h3"):
            heading = el.text_content().strip()
        elif el.tag == "table" and not el.get("class") and not el.xpath("ancestor::*[contains(@class, 'pr-sheet')]"):
            caption = lxml.html.fromstring("<caption></caption>")
            caption.text = f"{numbering.next_table()}　{heading}".strip()
            el.insert(0, caption)
        elif el.tag == "figcaption":
            text = el.text_content().strip()
            if found := re.match(r"图\s*\d+-(\d+)", text):
                numbering.figure = max(numbering.figure, int(found.group(1)))
            elif text:
                first = el.find("p") if el.find("p") is not None else el
                first.text = f"{numbering.next_figure()}　{first.text or ''}"
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def drop_dangling_links(html: str) -> str:
    """Links whose target is not in the book keep only their text (WeasyPrint would warn, readers be lost)."""
    root = lxml.html.document_fromstring(html)
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for a in root.iter("a"):
        href = a.get("href") or ""
        if href.startswith("#") and href[1:] not in ids:
            unwrap(a)
    return "<!DOCTYPE html>\n" + str(lxml.html.tostring(root, encoding="unicode"))
