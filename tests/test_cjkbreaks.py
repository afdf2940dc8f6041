"""Soft line breaks inside Chinese text are dropped; elsewhere they stay spaces, and preformatted text is kept."""

from __future__ import annotations

import markdown
import pytest

from coursekit.cjkbreaks import CjkBreaksExtension, join_breaks
from coursekit.markup import md


@pytest.mark.parametrize("source, expected", [
    ("群里的家庭，\n但是人不多", "<p>群里的家庭，但是人不多</p>"),
    ("先看公告。\n  再改群昵称", "<p>先看公告。再改群昵称</p>"),
    ("用户画像\n“有孩子的家庭”", "<p>用户画像“有孩子的家庭”</p>"),
    ("开通 App\n会员", "<p>开通 App\n会员</p>"),             # next to Latin letters: a space, as in English
    ("共 30\n道菜", "<p>共 30\n道菜</p>"),
    ("Hello\nworld", "<p>Hello\nworld</p>"),
])
def test_breaks_between_chinese_characters_are_dropped(source: str, expected: str) -> None:
    assert str(md(source)) == expected


def test_paragraphs_lists_and_tables_keep_their_structure() -> None:
    html = str(md("第一段，\n接着写。\n\n- 第一项\n- 第二项\n\n| 列 |\n|---|\n| 格 |"))
    assert "<p>第一段，接着写。</p>" in html and "<li>第一项</li>\n<li>第二项</li>" in html and "<td>格</td>" in html


@pytest.mark.parametrize("keep", [
    "<pre><code>第一行\n第二行</code></pre>",
    '<span class="ck-script">您好，\n欢迎进群</span>',
    "<textarea>第一行\n第二行</textarea>",
])
def test_preformatted_text_keeps_its_line_breaks(keep: str) -> None:
    assert join_breaks(f"<p>前文，\n后文</p>{keep}<p>再一段，\n结束</p>") == f"<p>前文，后文</p>{keep}<p>再一段，结束</p>"


def test_the_extension_runs_after_raw_html_is_put_back() -> None:
    converter = markdown.Markdown(extensions=["md_in_html", CjkBreaksExtension()])
    html = converter.convert('<div class="ck-worksheet" markdown>\n说明文字，\n接着说明\n</div>')
    assert "说明文字，接着说明" in html
