"""The visible text of our .docx (as ck-docx.js writes it), compared with the answers embedded beside it.

A student may edit the Word file after 下载 Word; the embedded JSON then no longer says what was handed in.
The body is read per field (a ``CkLabel`` paragraph, then ``CkAnswer`` paragraphs or a table); where it
differs from the embedded answer after whitespace normalisation, the Word text counts where the field type
reads it back (``from_word`` in coursekit.models.fields: text/textarea fields, tables whose shape still
matches), with a note for the teacher.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from ..models.answers import norm
from ..models.worksheet import Worksheet

log = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STOP = {"CkLabel", "CkHeading", "CkNote", "CkTitle", "CkInfo"}


@dataclass
class Block:
    """One field as Word shows it: the label, its paragraphs, and its tables (rows of cell texts)."""

    label: str
    paras: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


def _para_text(p: ElementTree.Element) -> str:
    out = []
    for el in p.iter():
        if el.tag == f"{W}t":
            out.append(el.text or "")
        elif el.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif el.tag == f"{W}tab" and el is not p:
            out.append("\t")
    return "".join(out)


def _style(p: ElementTree.Element) -> str:
    s = p.find(f"{W}pPr/{W}pStyle")
    return s.get(f"{W}val", "") if s is not None else ""


def parse(xml: bytes) -> list[Block]:
    """The fields of a document.xml in order; [] when it cannot be parsed."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return []
    body = root.find(f"{W}body")
    blocks: list[Block] = []
    current: Block | None = None
    for el in body if body is not None else []:
        if el.tag == f"{W}p":
            style = _style(el)
            if style == "CkLabel":
                current = Block(_para_text(el))
                blocks.append(current)
            elif style in STOP:
                current = None
            elif current is not None and not (style == "CkCell" and not _para_text(el)):
                current.paras.append(_para_text(el))
        elif el.tag == f"{W}tbl" and current is not None:
            current.tables.append([["\n".join(_para_text(p) for p in tc.iter(f"{W}p")) for tc in tr.iter(f"{W}tc")]
                                   for tr in el.iter(f"{W}tr")])
    return blocks


def apply(ws: Worksheet, answers: dict[str, Any], blocks: list[Block]) -> list[str]:
    """Put Word text into ``answers`` where the student edited it; returns the notes for 核对提示."""
    by_label: dict[str, Block] = {}
    for b in blocks:
        by_label.setdefault(norm(b.label), b)
    notes = []
    for f in ws.fields():
        found = by_label.get(norm(f.label))
        edited = f.from_word(found.paras, found.tables, answers.get(f.id)) if found is not None else None
        if edited is not None:
            answers[f.id] = edited
            notes.append(f"学生在 Word 里改过：{f.label}（已按 Word 正文记录）")
    return notes
