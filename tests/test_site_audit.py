"""Independent audits of the built sites: a strict HTML5 parse of every page, every internal link and
anchor resolved in the built HTML, LinkChecker over the whole site, and no Markdown or macro syntax left
in any page's text (markup that never rendered).

html5lib reports no parse error at all, material's own markup included, so nothing is filtered.
LinkChecker runs on the files (file://, no server): over HTTP it needs minutes for a few hundred URLs.
Its anchor plugin cannot see anchors behind directory URLs there, so anchors are checked here instead.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import html5lib
import pytest

from conftest import BIN, ENV

pytestmark = pytest.mark.build

LINKCHECKER_CONFIG = """[checking]
threads=4
[filtering]
checkextern=0
"""
SKIP_SCHEMES = re.compile(r"^(https?|mailto|tel|data|blob|javascript):", re.I)


def sites(student_site: Path, teacher_site: Path) -> list[Path]:
    return [student_site, teacher_site]


def parse(path: Path) -> tuple[object, list[tuple]]:
    """The page's tree and html5lib's parse errors."""
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parse(path.read_bytes(), transport_encoding="utf-8")
    return tree, list(parser.errors)


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_every_page_parses_as_html5_without_errors(edition: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(f"{edition}_site")
    errors = {}
    for path in sorted(site.rglob("*.html")):
        _, found = parse(path)
        if found:
            errors[path.relative_to(site).as_posix()] = found[:5]
    assert errors == {}


def target_file(site: Path, page: Path, url: str) -> Path:
    """The file a relative URL on ``page`` points to (a directory URL means its index.html)."""
    base = "" if url.startswith("/") else page.parent.relative_to(site).as_posix()  # 404.html: root-relative
    rel = posixpath.normpath(posixpath.join(base, unquote(url).lstrip("/")))
    dest = site / rel
    return dest / "index.html" if url.endswith("/") or dest.is_dir() else dest


def broken_links(site: Path) -> list[str]:
    """Every internal href/src whose file is missing, or whose #anchor is not an id on the target page."""
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for path in sorted(site.rglob("*.html")):
        tree, _ = parse(path)
        ids[path] = {el.get("id") for el in tree.iter() if el.get("id")} | \
                    {el.get("name") for el in tree.iter() if el.tag == "a" and el.get("name")}
        for el in tree.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value and not SKIP_SCHEMES.match(value) and not value.startswith("//"):
                    links.append((path, value))
    broken = []
    for page, url in links:
        parts = urlsplit(url)
        dest = target_file(site, page, parts.path) if parts.path else page
        where = f"{page.relative_to(site).as_posix()} → {url}"
        if not dest.exists():
            broken.append(f"{where}: no such file")
        elif parts.fragment and dest.suffix == ".html" and unquote(parts.fragment) not in ids.get(dest, set()):
            broken.append(f"{where}: no id '{parts.fragment}'")
    return broken


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_every_internal_link_and_anchor_resolves(edition: str, request: pytest.FixtureRequest) -> None:
    assert broken_links(request.getfixturevalue(f"{edition}_site")) == []


def linkchecker(site: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """LinkChecker (pip linkchecker) over the site's files, from its home page.

    Run as root, LinkChecker switches to the user nobody, who cannot read pytest's private temporary
    folders: the site is checked from a world-readable copy.
    """
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as folder:
        os.chmod(folder, 0o755)
        shutil.copytree(site, Path(folder) / "site")
        for path in (Path(folder) / "site").rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        (Path(folder) / "site").chmod(0o755)
        return subprocess.run([str(BIN / "linkchecker"), "-f", str(config), "--no-status", "-o", "text",
                               str(Path(folder) / "site" / "index.html")],
                              env=ENV, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_linkchecker_finds_nothing(edition: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    result = linkchecker(request.getfixturevalue(f"{edition}_site"), tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b0 warnings found\. 0 errors found\.", result.stdout), result.stdout[-3000:]


# Text that only remains when Markdown or a macro did not render: a key (pymdownx.keys), Jinja, bold,
# and list items shown as lines starting with "- ", "* " or "1. " (at a paragraph's start or after a line break).
LEFTOVER = {
    "key": re.compile(r"\+\+[\w-]+(?:\+[\w-]+)*\+\+"),
    "jinja": re.compile(r"\{\{|\{%"),
    "bold": re.compile(r"\*\*"),
    "list dash": re.compile(r"(?m)^[ \t]*(?:[-*]|\d{1,2}\.)[ \t]"),
}
VERBATIM = {"pre", "code", "kbd", "script", "style", "textarea", "template", "svg"}   # shown as written


# Text of these never starts a Markdown line: "**1. 发现**" and a table cell "1. 发现" are prose
INLINE = {"a", "abbr", "b", "em", "i", "mark", "small", "span", "strong", "sub", "sup", "u", "td", "th"}


def _texts(el: Any) -> Iterator[tuple[str, bool]]:
    """Each text of ``el`` outside verbatim elements, and whether it starts a line of a block (its start or
    after <br>); text of inline elements and table cells never does."""
    if el.tag in VERBATIM:
        return
    if el.text:
        yield el.text, el.tag not in INLINE
    for child in el:
        yield from _texts(child)
        if child.tail:
            yield child.tail, child.tag == "br"


def leftover_markup(site: Path) -> list[str]:
    """Every piece of Markdown or macro syntax in the visible text of the site's pages."""
    found = []
    for path in sorted(site.rglob("*.html")):
        tree, _ = parse(path)
        for text, line_start in _texts(tree.find("body")):
            after_break = text if line_start else text.partition("\n")[2]   # a soft break starts a line too
            for name, pattern in LEFTOVER.items():
                if pattern.search(after_break if name == "list dash" else text):
                    found.append(f"{path.relative_to(site).as_posix()}: {name} {text.strip()[:60]!r}")
    return found


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_no_markup_is_left_unrendered(edition: str, request: pytest.FixtureRequest) -> None:
    assert leftover_markup(request.getfixturevalue(f"{edition}_site")) == []


def test_the_audits_catch_planted_breakage(student_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(student_site, site)
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    home.write_text(html.replace("</article>", '<a href="library/nowhere/">x</a><a href="library/#nope">y</a>'
                                               "<p><b>unclosed</p></article>", 1), encoding="utf-8")
    assert sorted(broken_links(site)) == ["index.html → library/#nope: no id 'nope'",
                                          "index.html → library/nowhere/: no such file"]
    assert parse(home)[1], "html5lib reports the misnested tags"
    assert leftover_markup(site) == []
    result = linkchecker(site, tmp_path)
    assert result.returncode == 1
    assert "library/nowhere/" in result.stdout


def test_the_markup_audit_catches_planted_leftovers(student_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    page = site / "index.html"
    page.parent.mkdir()
    html = (student_site / "index.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", "<p>- 一<br>* 二</p><li>三：\n   - 四\n2. 五</li><p>按 ++ctrl+k++，"
                                               "{{ worksheet('x') }} {% raw %} **粗**</p>"
                                               "<pre>- 代码 {{ x }}</pre><p>a - b * c</p></article>", 1), encoding="utf-8")
    assert [f.split(": ", 1)[1].split(" ", 1)[0] for f in leftover_markup(site)] == \
        ["list", "list", "list", "key", "jinja", "bold"]
