"""The converter: OpenCC s2twp plus the reviewed term table; HTML conversion leaves URLs and ids alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from coursekit.errors import CourseError
from coursekit.hant import converter
from coursekit.hant.convert import Converter
from coursekit.hant.html import convert_html
from coursekit.hant.terms import TERMS_FILE, load_terms


@pytest.fixture(scope="module")
def conv() -> Converter:
    return converter(ROOT)


@pytest.mark.parametrize(("simplified", "traditional"), [
    ("社群与社区的区别", "社群與社區的區別"),        # s2twp alone: 社群與社群的區別
    ("标准作业程序", "標準作業程序"),                # s2twp alone: 標準作業程式
    ("所有项目都打了分", "所有項目都打了分"),        # s2twp alone: 專案
    ("用户画像", "用戶畫像"),
    ("视频号直播", "視頻號直播"),
    ("进群后的第一周", "進群後的第一週"),
    ("社群运营", "社群運營"),                        # OpenCC's own Taiwan forms stay
    ("信息", "資訊"),
])
def test_term_table_is_applied_on_top_of_opencc(conv: Converter, simplified: str, traditional: str) -> None:
    assert conv.convert(simplified) == traditional


def test_every_term_table_entry_wins_over_opencc(conv: Converter) -> None:
    assert len(conv.terms) >= 20
    for term in conv.terms:
        assert conv.convert(f"看{term.simplified}。") == f"看{term.traditional}。", term


def test_convert_many_keeps_texts_apart(conv: Converter) -> None:
    assert conv.convert_many(["信", "息", "", "abc", "社区"]) == ["信", "息", "", "abc", "社區"]


def test_html_text_and_readable_attributes_are_converted_urls_ids_and_scripts_are_not(conv: Converter) -> None:
    html = ('<a href="../项目/#社区" id="社区" title="社区运营">社区运营</a>'
            '<img alt="社区" src="社区.png"><script>var s = "社区";</script><!-- 社区 -->')
    out = convert_html(html, conv)
    assert out == ('<a href="../项目/#社区" id="社区" title="社區運營">社區運營</a>'
                   '<img alt="社區" src="社区.png"><script>var s = "社区";</script><!-- 社区 -->')


def test_a_bad_term_table_is_reported_with_file_line_and_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / TERMS_FILE).write_text("terms:\n  - simplified: 社区\n    traditional: 社區\n"
                                       "  - simplified: 项目\n    traditional: 項目\n", encoding="utf-8")
    with pytest.raises(CourseError) as err:
        load_terms(tmp_path)
    problem = err.value.problems[0]
    assert (problem.path, problem.line, problem.rule) == (TERMS_FILE, 2, "hant-terms")
    assert "why" in problem.message


def test_a_term_listed_twice_is_reported(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    entry = "  - {simplified: 社区, traditional: 社區, why: 概念不同}\n"
    (tmp_path / TERMS_FILE).write_text("terms:\n" + entry + entry, encoding="utf-8")
    with pytest.raises(CourseError, match="listed twice"):
        load_terms(tmp_path)
