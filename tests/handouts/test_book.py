"""The print edition read back: cover, contents with page numbers, running heads, numbering, editions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from coursekit.handouts.book import plan_book
from coursekit.handouts.bookhtml import Numbering, converter, number_tables, postprocess
from coursekit.handouts.build import build_book
from coursekit.handouts.pdf import BOOK_STYLES, write_pdf

from coursekit.registry import load
from coursekit.templatedir import of_course

from conftest import FIXTURE, ROOT

from .conftest import ALLOWED_FONTS, flat, pdf_fonts, pdf_text

SECRETS = ["TEACHER-ONLY-NOTE", "TEACHER-ONLY-ANSWER", "名称要体现", "引导学生关注定位与人群的关系", "评分标准"]


def pages(path: Path) -> list[str]:
    return [flat(p.extract_text() or "") for p in PdfReader(path).pages]


def test_student_and_teacher_books(fixture_book: Path) -> None:
    student = flat(pdf_text(fixture_book / "course.pdf"))
    teacher = flat(pdf_text(fixture_book / "course.teacher.pdf"))
    for text in (student, teacher):
        for expected in ["测试课程", "目录", "项目1第一个项目", "任务一第一课", "全字段工作单", "每日运营SOP",
                         "虚构的社群", "附录一术语表", "附录二参考资料", "私域流量"]:
            assert expected in text, expected
    assert "学生用书" in student and "教师用书" in teacher
    for secret in SECRETS:
        assert secret not in student, secret
        assert secret in teacher, secret


def test_contents_page_numbers_match_the_pages(fixture_book: Path) -> None:
    book = pages(fixture_book / "course.pdf")          # pypdf gives the margin boxes last: "…<head><number>"
    toc = next(p for p in book if p.startswith("目录"))
    number = int(re.search(r"任务一第一课·+(\d+)", toc).group(1))
    lesson = next(p for p in book if "讲授45分钟+实训30分钟" in p)
    assert re.search(r"(\d+)$", lesson).group(1) == str(number)
    first_chapter = next(p for p in book if "知识目标" in p)
    assert first_chapter.endswith("项目1第一个项目1")  # numbering starts at 1 on the first chapter page


def test_running_heads_name_the_project(fixture_book: Path) -> None:
    body = pages(fixture_book / "course.pdf")[4:]
    right = [p for p in body if re.search(r"项目1第一个项目\d+$", p)]
    left = [p for p in body if re.search(r"测试课程学生用书\d+$", p)]
    assert len(right) >= 3 and len(left) >= 3   # recto: project name; verso: course and edition


def test_book_fonts_are_noto_cjk_sc(fixture_book: Path) -> None:
    fonts = pdf_fonts(fixture_book / "course.teacher.pdf")
    assert {f.split("-Bold")[0] for f in fonts} == set(ALLOWED_FONTS)


def test_traditional_book_is_converted_set_in_tc_fonts_and_cached_apart(tmp_path: Path) -> None:
    report = build_book(FIXTURE, tmp_path / "out", ["student"], cache=tmp_path / "cache", progress=False,
                        lang="zh-Hant")
    assert not report.failed, report.failed
    book = tmp_path / "out" / "course.pdf"
    text = flat(pdf_text(book))
    assert "測試課程" in text and "學生用書" in text and "目錄" in text
    assert "测试课程" not in text and "学生用书" not in text
    assert {f.split("-Bold")[0] for f in pdf_fonts(book)} == {"Noto-Sans-CJK-TC", "Noto-Serif-CJK-TC"}
    assert PdfReader(book).trailer["/Root"].get("/Lang") == "zh-TW"
    reg = load(FIXTURE)
    hans, hant = (plan_book(reg, of_course(FIXTURE), ["student"], lang)[0].key for lang in ("zh-Hans", "zh-Hant"))
    assert hans != hant  # a Simplified book in the cache is never handed out as the Traditional one


def test_mermaid_becomes_a_framed_text_box_with_a_caption() -> None:
    md = converter(ROOT)
    html = md.convert("```mermaid\nflowchart LR\n  A[挖掘] --> B[策划]\n```\n\n/// caption\n"
                      "图 3-1　内容产出路径。文字说明：内容依次经过挖掘、策划两步。\n///\n")
    out, _ = postprocess(html, "modules/03-content/1-planning.md", "lesson", set())
    assert '<div class="diagram-box"><p class="diagram-text">内容依次经过挖掘、策划两步。</p></div>' in out
    assert "<figcaption>图 3-1　内容产出路径</figcaption>" in out
    assert "mermaid" not in out and "flowchart" not in out


def test_tables_are_numbered_per_project_skipping_worksheet_labels() -> None:
    html = ("<h2>对比</h2><table><tr><td>a</td></tr></table><h3>再比</h3><table><tr><td>b</td></tr></table>"
            "<section class='pr-sheet'><table><tr><td>form</td></tr></table></section>"
            "<figure><p>x</p><figcaption><p>没有编号的图</p></figcaption></figure>")
    out = number_tables(html, Numbering(2, ["表2-1", "表 2-3"]))
    assert "<caption>表 2-2　对比</caption>" in out and "<caption>表 2-4　再比</caption>" in out
    assert out.count("<caption>") == 2                # the worksheet's own table has no caption
    assert "图 2-1　没有编号的图" in out


def test_links_point_inside_the_book() -> None:
    html = ('<h2 id="a">A</h2><p><a href="#a">here</a> <a href="../02-beta/index.md#x">beta</a> '
            '<a href="../../library/glossary.md#term-y">term</a> <a href="nowhere.md">gone</a> '
            '<a href="https://example.org">web</a></p>')
    out, _ = postprocess(html, "modules/01-alpha/1-first.md", "lesson",
                         {"modules/01-alpha/1-first.md", "modules/02-beta/index.md"})
    assert 'id="p-modules-01-alpha-1-first--a"' in out
    assert 'href="#p-modules-01-alpha-1-first--a"' in out
    assert 'href="#p-modules-02-beta-index--x"' in out
    assert 'href="#term-y"' in out
    assert "nowhere" not in out and "gone" in out
    assert 'href="https://example.org"' in out


def _synthetic(tmp_path: Path, filler_mm: int, body: str) -> list[str]:
    html = (f'<html lang="zh-CN"><body><main class="body-matter"><section class="book-page book-lesson">'
            f'<div style="height: {filler_mm}mm"></div>{body}</section></main></body></html>')
    write_pdf(html, tmp_path / "t.pdf", ROOT / "templates", BOOK_STYLES)
    return pages(tmp_path / "t.pdf")


@pytest.mark.parametrize("filler", range(205, 250, 5))
def test_a_box_title_is_never_left_alone_at_the_foot_of_a_page(tmp_path: Path, filler: int) -> None:
    body = ('<div class="admonition trick"><p class="admonition-title">多学一招标题</p>'
            '<p>正文第一段紧跟标题。' + "这是正文。" * 30 + "</p></div>")
    for text in _synthetic(tmp_path, filler, body):
        if "多学一招标题" in text:
            assert "正文第一段紧跟标题" in text


@pytest.mark.parametrize("filler", range(200, 250, 8))
def test_a_table_row_is_never_split_across_pages(tmp_path: Path, filler: int) -> None:
    cell = "第一行开始" + "内容" * 60 + "第一行结束"
    body = f"<table><thead><tr><th>列</th></tr></thead><tbody><tr><td>{cell}</td></tr></tbody></table>"
    found = [t for t in _synthetic(tmp_path, filler, body) if "第一行" in t]
    assert len(found) == 1 and "第一行开始" in found[0] and "第一行结束" in found[0]


def test_source_line_breaks_between_chinese_characters_vanish() -> None:
    out, _ = postprocess("<p>刷新浏览器，\n关闭浏览器\nor English\nwords 中文</p>", "x.md", "lesson", set())
    assert "<p>刷新浏览器，关闭浏览器\nor English\nwords 中文</p>" in out


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_project_practice_closes_its_chapter(edition: str) -> None:
    """The project page's 项目实训 is printed after the project's tasks (on the site it ends the project page)."""
    from coursekit.handouts.book import book_html
    html = book_html(load(FIXTURE), of_course(FIXTURE), edition)
    practice = html.index('<section class="book-page book-practice"')
    assert html.index('id="p-modules-01-alpha-1-first"') < practice < html.index('id="p-appendix-glossary"')
    assert html.count('--practice">项目实训</h2>') == 1
    assert ("练习群只在班级里建" in html) == (edition == "teacher")  # the 教学建议 box: teacher book only
