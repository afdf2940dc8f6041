"""课程标准: computed from the outline, the task pages and the 考核方案; Word and PDF read back."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from coursekit.handouts.jobs import Selection, plan
from coursekit.handouts.pdf import write_pdf
from coursekit.handouts.standard import build, document, write_standard_docx
from coursekit.registry import check, load
from coursekit.templatedir import of_course

from conftest import FIXTURE, ROOT
from .conftest import flat, pdf_text

TITLES = ["课程基本信息", "课程性质与任务", "课程目标", "课程内容与学时分配", "教学实施建议", "考核评价", "教材与资源"]


def test_sections_and_numbers() -> None:
    reg = load(ROOT)
    sections = build(reg)
    assert [s.title for s in sections] == TITLES
    content = next(v for k, v in sections[3].blocks if k == "table")
    assert isinstance(content, list)
    assert len(content) == 1 + 17 + 2 + 1 and content[-1] == ["合计", "", "", "64"]
    assert sum(float(r[3]) for r in content[1:-1]) == 64


def test_word_file_reads_back(tmp_path: Path) -> None:
    reg = load(ROOT)
    write_standard_docx(reg, tmp_path / "课程标准.docx")
    doc = docx.Document(str(tmp_path / "课程标准.docx"))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert heads == [f"{n}、{t}" for n, t in zip("一二三四五六七", TITLES)]
    subheads = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert subheads[:5] == ["课程性质", "课程任务", "知识目标", "能力目标", "素质目标"] and "课程思政" in subheads
    info, content, practice, ideology, grading = doc.tables
    assert [c.text for c in practice.rows[0].cells] == ["项目", "项目实训", "成果要求"] and len(practice.rows) == 7
    for row, front in zip(practice.rows[1:], [f for _, f in sorted(reg.project_pages.items())]):
        assert front.practice is not None and row.cells[1].text == front.practice.title  # as the page says
        assert row.cells[2].text.split("；") == front.practice.results
    assert "项目实训" in subheads
    assert info.cell(1, 1).text.startswith("64 学时") and info.cell(1, 3).text == "4 学分"
    assert [c.text for c in content.rows[0].cells] == ["项目", "任务", "学习重点（教学要求）", "学时"]
    assert content.rows[1].cells[1].text == "任务一　认识社群" and content.rows[1].cells[3].text == "2"
    assert len(ideology.rows) == 7 and ideology.cell(4, 0).text == "项目4　社群引流推广"
    points = reg.course.standard.ideology[0].points if reg.course.standard else []
    assert ideology.cell(1, 1).text == "；".join(points)  # one point after another, not run together
    weights = [int(r.cells[1].text.rstrip("%")) for r in grading.rows[1:]]
    assert weights == [p.weight for p in reg.course.grading] and sum(weights) == 100
    text = "\n".join(p.text for p in doc.paragraphs)
    knowledge = [a for le in reg.lessons.values() for a in le.objectives.knowledge]
    assert all(a in text for a in knowledge)
    assert "期末考试闭卷 90 分钟，满分 100 分" in text


def test_pdf_reads_back(tmp_path: Path) -> None:
    reg = load(ROOT)
    write_pdf(document(of_course(ROOT), reg), tmp_path / "s.pdf", of_course(ROOT))
    text = flat(pdf_text(tmp_path / "s.pdf"))
    for n, title in zip("一二三四五六七", TITLES):
        assert f"{n}、{title}" in text
    assert "《社群运营实战课》课程标准" in text and "4学分" in text and "课程思政融入点" in text


def test_teacher_file_only_when_written() -> None:
    jobs = {j.rel: j for j in plan(load(ROOT), of_course(ROOT), Selection())}
    assert jobs["课程标准.docx"].teacher and jobs["课程标准.pdf"].teacher
    assert not any("课程标准" in j.rel for j in plan(load(ROOT), of_course(ROOT), Selection(edition="student")))
    assert not any(j.kind == "standard" for j in plan(load(FIXTURE), of_course(FIXTURE), Selection()))


def test_ideology_must_cover_every_project(tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "docs", root / "docs")
    outline = root / "data" / "course.yml"
    text = outline.read_text(encoding="utf-8")
    outline.write_text(text.replace("    - project: 04-traffic\n", "    - project: 04-trafic\n"), encoding="utf-8")
    (problem,) = check(root)
    assert problem.path == "data/course.yml" and problem.rule == "schema"
    assert "missing 04-traffic" in problem.message and "unknown 04-trafic" in problem.message
