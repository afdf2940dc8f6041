"""Nested lists indented as authors write them (2 or 3 spaces) render as nested lists: in data fields,
in pages, and so on the site, in Word and in PDF; pages and data fields share one Markdown configuration."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import html5lib
import markdown
import pytest
from mkdocs.config import load_config

from coursekit.handouts.build import build_book, build_handouts
from coursekit.handouts.jobs import Selection
from coursekit.markup import SHARED_EXTENSIONS, md
from coursekit.mdlists import reindent

from conftest import ROOT, build
from handouts.conftest import flat, pdf_text

NESTED = "1. 逐项填写：\n  - 先写名称；\n  - 再写口号。\n2. 写完后**互评**。\n"


@pytest.mark.parametrize("indent", [2, 3, 4])
def test_a_nested_list_in_a_data_field_is_a_nested_list(indent: int) -> None:
    text = NESTED.replace("  - ", " " * indent + "- ")
    html = str(md(text))
    assert re.search(r"<ol>\s*<li>逐项填写：\s*<ul>\s*<li>先写名称；</li>\s*<li>再写口号。</li>\s*</ul>\s*</li>"
                     r"\s*<li>写完后<strong>互评</strong>。</li>\s*</ol>", html), html
    assert "- " not in html


def test_deeper_levels_and_bullets_under_bullets() -> None:
    html = str(md("- 一\n  - 二\n    - 三\n- 四"))
    assert re.sub(r"\s", "", html) == "<ul><li>一<ul><li>二<ul><li>三</li></ul></li></ul></li><li>四</li></ul>"


def test_lists_already_indented_by_four_and_code_are_left_alone() -> None:
    lines = ["- 一", "    - 二", "懒", "- 三", "", "```", "- a", "  - b", "```", "", "text", "    - lazy"]
    assert reindent(lines) == lines


def test_admonition_bodies_keep_their_four_spaces() -> None:
    page = "!!! tip \"提示\"\n\n    - 一\n      - 二\n\n    正文\n"
    html = markdown.markdown(page, extensions=["admonition", "coursekit.mdlists"])
    assert re.sub(r"\s", "", html) == ('<divclass="admonitiontip"><pclass="admonition-title">提示</p>'
                                       "<ul><li>一<ul><li>二</li></ul></li></ul><p>正文</p></div>")


def test_a_list_right_under_a_paragraph_line_is_a_list() -> None:
    html = re.sub(r"\s", "", str(md("**参考思路**：\n1. 成员\n2. 规则\n\n常见问题：\n- 首句空泛\n\n共有\n3 个")))
    assert html == ("<p><strong>参考思路</strong>：</p><ol><li>成员</li><li>规则</li></ol>"
                    "<p>常见问题：</p><ul><li>首句空泛</li></ul><p>共有3个</p>")


def test_keys_render_as_key_caps_in_data_fields() -> None:
    assert '<kbd class="key-slash">/</kbd>' in str(md("按 ++slash++ 搜索"))


@pytest.mark.parametrize("config", sorted(p.name for p in ROOT.glob("mkdocs*.yml")))
def test_every_site_config_has_the_extensions_data_fields_use(config: str) -> None:
    """Each edition (they INHERIT mkdocs.yml) renders pages with what data fields are rendered with."""
    conf = load_config(str(ROOT / config))
    names = [e if isinstance(e, str) else type(e).__module__ for e in conf["markdown_extensions"]]
    for name in (*SHARED_EXTENSIONS, "pymdownx.keys"):
        assert name in names or f"markdown.extensions.{name}" in names, (config, name)


def set_instructions(course: Path, text: str) -> None:
    """Give the fixture course's all-fields worksheet these instructions."""
    path = course / "data" / "worksheets" / "all-fields.yml"
    yaml = path.read_text(encoding="utf-8")
    block = "instructions: |\n" + "".join(f"  {line}\n" for line in text.splitlines())
    new = re.sub(r"(?ms)^instructions: \|\n(?:  .*?\n)+", lambda _: block, yaml, count=1)
    assert new != yaml
    path.write_text(new, encoding="utf-8")


@pytest.mark.build
def test_site_shows_the_nested_list(course: Path, tmp_path: Path) -> None:
    set_instructions(course, NESTED)
    out = tmp_path / "site"
    result = build("mkdocs.yml", out, cwd=course)
    assert result.returncode == 0, result.stderr
    tree = html5lib.parse((out / "modules/01-alpha/1-first/index.html").read_bytes(), namespaceHTMLElements=False)
    box = tree.find(".//div[@class='ck-ws-instructions']")
    assert box is not None
    nested = box.findall("./ol/li/ul/li")
    assert ["".join(li.itertext()) for li in nested] == ["先写名称；", "再写口号。"]


def test_word_and_pdf_show_the_nested_list(course: Path, tmp_path: Path) -> None:
    set_instructions(course, NESTED)
    report = build_handouts(course, tmp_path / "out", Selection(ids=frozenset({"all-fields"}), edition="student"),
                            cache=tmp_path / "cache", progress=False)
    assert not report.failed, report.failed
    document = docx.Document(str(tmp_path / "out/01-alpha/worksheets/all-fields.docx"))
    paras = {p.text: p.paragraph_format for p in document.paragraphs}
    assert "1.\t逐项填写：" in paras and "•\t先写名称；" in paras and "•\t再写口号。" in paras
    assert paras["•\t先写名称；"].left_indent > paras["1.\t逐项填写："].left_indent
    assert not any(t.lstrip().startswith("- ") for t in paras)
    text = pdf_text(tmp_path / "out/01-alpha/worksheets/all-fields.pdf")
    assert "先写名称" in text and "-先写名称" not in flat(text)
    assert not re.search(r"(?m)^\s*-\s", text), text


def test_print_book_shows_the_nested_list(course: Path, tmp_path: Path) -> None:
    set_instructions(course, NESTED)
    report = build_book(course, tmp_path / "out", ["student"], cache=tmp_path / "cache", progress=False)
    assert not report.failed, report.failed
    text = pdf_text(tmp_path / "out/course.pdf")
    assert re.search(r"(?m)^\W*先写名称；$", text), text   # an item of its own, with a bullet, not a dash
    assert "-先写名称" not in flat(text)
