"""Search entries of records are HTML that material inserts as is: markup typed into any field is text.

No build: the fixture course's data gets a payload in every free-text field
(:func:`test_injection.inject`), and each record's entry is parsed as HTML.
"""

from __future__ import annotations

from pathlib import Path

import html5lib
import yaml

from coursekit.plaintext import index_text
from coursekit.search.records import record_entries
from coursekit.site import Site

from conftest import copy_course
from test_injection import MARK, PAYLOAD, inject

NS = "{http://www.w3.org/1999/xhtml}"


def test_every_text_of_every_record_entry_is_escaped(tmp_path: Path) -> None:
    course = tmp_path / "course"
    copy_course(course)
    for path in (course / "data").glob("*/*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(inject(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = Site(course)
    pages = {p.relative_to(course / "docs").as_posix() for p in (course / "docs").rglob("*.md")}
    entries = record_entries(site, {p: p for p in pages})
    kinds = {e.location.split("#")[1].split("-")[0] for e in entries}
    assert kinds == {"ws", "sop", "case", "term"}, kinds
    texts = ""
    for e in entries:
        for html in (e.title, e.text):
            root = html5lib.parseFragment(html)
            tags = {el.tag.replace(NS, "") for el in root.iter() if isinstance(el.tag, str)}
            assert tags <= {"DOCUMENT_FRAGMENT", "p"}, (e.location, html)
            texts += "".join(root.itertext())
        assert f'<script>alert("{MARK}")</script>' in "".join(html5lib.parseFragment(e.title).itertext())
    # each field reaches the index as text: label, title, cadence-free scope, brand, industry, aliases, english
    assert texts.count(PAYLOAD.split("[md]")[0]) >= 12


def test_plain_text_of_markdown_fields_has_no_markup_but_paragraphs() -> None:
    """What ``plain`` makes of purpose, scope and definition: Markdown images and links drop to text."""
    html = index_text('<p onclick="x">a</p> ![i](x) [l](javascript:x) <img src=x onerror="y">\n\n**b**')
    root = html5lib.parseFragment(html)
    assert {el.tag.replace(NS, "") for el in root.iter() if isinstance(el.tag, str)} == {"DOCUMENT_FRAGMENT", "p"}
    assert '<img src=x onerror="y">' in "".join(root.itertext())
    assert all(not el.attrib for el in root.iter() if isinstance(el.tag, str))
