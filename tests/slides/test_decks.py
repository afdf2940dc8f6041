"""The decks read back with python-pptx: structure, notes, real tables, diagrams, editable text, master."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from conftest import ROOT
from coursekit.registry import load
from coursekit.render import cn_number
from coursekit.site import Site

pytestmark = pytest.mark.browser  # diagrams are drawn in Chromium

REG = load(ROOT)


def slides_by_task(deck: Path) -> dict[int, list]:
    """Slides after each task's divider (0: the project's own slides before the first)."""
    prs = Presentation(str(deck))
    out: dict[int, list] = {0: []}
    task = 0
    for slide in prs.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title else ""
        m = re.match(r"任务(.+?)　", title)
        if m and slide.slide_layout.name == "Section Header":
            task = next(le.task for _, le in REG.lessons.items() if cn_number(le.task) == m.group(1)
                        and f"modules/{deck.stem}/" in _)
            out[task] = []
        out[task].append(slide)
    return out


def test_one_deck_per_project_16_9_with_the_course_master(decks: list[Path]) -> None:
    assert [d.name for d in decks] == [f"{slug}.pptx" for slug in REG.projects]
    for deck in decks:
        prs = Presentation(str(deck))
        assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
        theme = prs.slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
        assert '<a:ea typeface="Microsoft YaHei"/>' in theme
        layouts = {s.slide_layout.name for s in prs.slides}
        assert layouts <= {"Title Slide", "Title and Content", "Section Header", "Title Only"}


@pytest.mark.parametrize("slug", list(REG.projects))
def test_titles_tasks_tables_diagrams_and_notes(decks: list[Path], slug: str) -> None:
    deck = next(d for d in decks if d.stem == slug)
    project = REG.projects[slug]
    by_task = slides_by_task(deck)
    first = by_task[0][0]
    assert first.shapes.title.text_frame.text == f"项目 {project.number}　{project.title}"
    assert by_task[0][1].shapes.title.text_frame.text == "项目目标"
    lessons = REG.lessons_of(slug)
    assert sorted(t for t in by_task if t) == [le.task for _, le in lessons]
    for path, lesson in lessons:
        slides = by_task[lesson.task]
        body = REG.pages[path].body
        divider = slides[0]
        assert divider.shapes.title.text_frame.text == f"任务{cn_number(lesson.task)}　{lesson.title}"
        notes = divider.notes_slide.notes_text_frame.text
        assert f"讲授 {lesson.minutes.teaching} 分钟" in notes and f"实训 {lesson.minutes.practice} 分钟" in notes
        if "!!! teacher" in body:
            assert "教学建议" in notes or len(notes) > 200
        titles = [s.shapes.title.text_frame.text for s in slides]
        assert "本任务重点" in titles and "本任务小结" in titles and "思考与练习" in titles
        tables = [s for s in slides if any(sh.has_table for sh in s.shapes)]
        markdown_tables = len(re.findall(r"^\|[-: |]+\|\s*$", body, flags=re.M))
        assert len(tables) >= markdown_tables - body.count("        |")  # tables nested in list items are skipped
        pictures = [sh for s in slides for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == body.count("```mermaid"), titles
        assert all(sh._element.nvPicPr.cNvPr.get("descr") for sh in pictures)  # alt text
        for ws in re.findall(r'\{\{ worksheet\("([^"]+)"\) \}\}', body):
            assert any(t.endswith(REG.get("worksheets", ws).title) for t in titles), ws
        for case in re.findall(r'\{\{ case\("([^"]+)"\) \}\}', body):
            assert any(REG.get("cases", case).title in t for t in titles), case
        noted = sum(1 for s in slides if s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip())
        assert noted >= len(slides) * 0.6


def test_text_is_text_pictures_are_only_diagrams(decks: list[Path]) -> None:
    prs = Presentation(str(decks[0]))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                assert slide.shapes.title.text_frame.text.startswith("图"), "only diagrams are pictures"
    words = " ".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert "私域流量" in words and "社群与社区" in words


def test_the_teacher_edition_links_each_projects_deck_and_the_student_edition_does_not() -> None:
    meta = {"project": "01-preparation"}
    page = "modules/01-preparation/index.md"
    teacher = str(Site(ROOT, "teacher", downloads=True).project_overview(meta, page))
    student = str(Site(ROOT, "student", downloads=True).project_overview(meta, page))
    assert 'href="../../downloads/slides/01-preparation.pptx"' in teacher
    assert ".pptx" not in student


@pytest.mark.parametrize("slug", ["01-preparation", "06-conversion"])
def test_project_practice_slide_follows_the_tasks(slug: str) -> None:
    """The 项目实训 gets one slide after the last task's, before the 项目小结; its 教学建议 goes to the notes."""
    from coursekit.slides.outline import project_slides
    reg = load(ROOT)
    practice = reg.project_pages[slug].practice
    assert practice is not None
    slides = project_slides(reg, slug)
    titles = [s.title for s in slides]
    at = titles.index(f"项目实训：{practice.title}")
    assert titles[-1] == "项目小结" and at == len(slides) - 2 and titles.count("项目实训") == 0
    assert [text for _, text in slides[at].bullets][:1] and len(slides[at].bullets) == len(practice.steps)
    assert practice.results[0] in slides[at].notes and "教学建议" not in titles
