"""教案: one per task, authored data checked against the task page; the Word file read back."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from coursekit import kinds
from coursekit.handouts.jobs import Selection, plan
from coursekit.handouts.lessonplan import PROCESS, SECTIONS, write_lessonplan_docx
from coursekit.kinds.checks import task_page
from coursekit.registry import check, load
from coursekit.templatedir import of_course

from conftest import FIXTURE, ROOT


def test_every_task_has_a_lessonplan_whose_stages_add_up() -> None:
    reg = load(ROOT)
    plans = reg.of(kinds.LESSONPLANS)
    assert len(plans) == len(reg.lessons) == 17
    for p in plans.values():
        page = task_page(reg, p.project, p.task)
        assert page and sum(s.minutes for s in p.stages) == reg.lessons[page].minutes.total, p.id


def test_lessonplans_are_not_boilerplate() -> None:
    plans = list(load(ROOT).of(kinds.LESSONPLANS).values())
    for field in ("learners",):
        assert len({getattr(p, field) for p in plans}) == len(plans)
    points = [d.point for p in plans for d in p.difficulties]
    teacher = [s.teacher for p in plans for s in p.stages]
    assert len(set(points)) == len(points) and len(set(teacher)) == len(teacher)


def test_stages_that_miss_the_page_minutes_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(FIXTURE, root)
    path = root / "data" / "lessonplans" / "01-1.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("minutes: 30", "minutes: 20"), encoding="utf-8")
    (problem,) = check(root)
    assert (problem.path, problem.rule) == ("data/lessonplans/01-1.yml", "lessonplan-minutes")
    assert problem.line == 11 and "65" in problem.message  # the stages: line and "75" in problem.message


def _read(path: Path) -> docx.document.Document:
    return docx.Document(str(path))


def test_word_file_reads_back(tmp_path: Path) -> None:
    reg = load(ROOT)
    plan_ = reg.of(kinds.LESSONPLANS)["01-3"]
    dest = tmp_path / "01-3-教案.docx"
    write_lessonplan_docx(reg, plan_, dest)
    doc = _read(dest)
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert heads == [f"{n}、{name}" for n, name in zip("一二三四五六七八九十", SECTIONS)]
    title = next(p.text for p in doc.paragraphs if p.style.name == "Title")
    assert title == "项目1　任务三　社群从业者职业素养"
    lesson = reg.lessons[task_page(reg, "01-preparation", 3) or ""]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert all(o in text for o in lesson.objectives.knowledge + lesson.objectives.skills)
    info, difficulty, process, reflection = doc.tables
    assert info.cell(1, 3).text == "3 学时（讲授 45 分钟，实训 90 分钟）"
    assert [c.text for c in difficulty.rows[0].cells] == ["教学难点", "化解方法"]
    assert difficulty.cell(1, 1).text == plan_.difficulties[0].solution
    assert tuple(c.text for c in process.rows[0].cells) == PROCESS
    minutes = [int(r.cells[1].text.split()[0]) for r in process.rows[1:-1]]
    assert sum(minutes) == lesson.minutes.total == 135
    assert process.rows[-1].cells[0].text == "合计" and process.rows[-1].cells[1].text == "135 分钟"
    assert "社群运营岗位调研表" in text and "课后自测：任务页末尾的 8 道题" in text
    assert len(reflection.rows) == 6 and all(not c.text for r in reflection.rows for c in r.cells)


def test_teacher_files_named_教案_and_in_the_teacher_pack() -> None:
    reg = load(ROOT)
    jobs = plan(reg, of_course(ROOT), Selection(edition="teacher", formats=frozenset({"docx"})))
    lps = [j for j in jobs if j.kind == "lessonplans"]
    assert len(lps) == 17 and all(j.teacher and j.rel.endswith("-教案.docx") for j in lps)
    assert "01-preparation/lessonplans/01-1-教案.docx" in {j.rel for j in lps}
    student = plan(reg, of_course(ROOT), Selection(edition="student"))
    assert not any(j.kind == "lessonplans" for j in student)
    packs = {j.rel: j for j in plan(reg, of_course(ROOT), Selection(formats=frozenset({"zip"})))}
    assert any(n.endswith("/lessonplans/01-1-教案.docx") for n, _, _ in packs["01-preparation.teacher.zip"].members)
    assert not any("lessonplans" in n for n, _, _ in packs["01-preparation.zip"].members)


@pytest.mark.parametrize("field", ["learners", "focus", "stages.teacher", "board"])
def test_the_plan_is_teacher_only(field: str) -> None:
    assert field in kinds.LESSONPLANS.teacher_only


def test_teacher_edition_links_the_lessonplan_and_the_calendar() -> None:
    from coursekit.site import Site
    page = "modules/01-preparation/3-professional.md"
    reg = load(ROOT)
    assert page in reg.lessons, sorted(reg.lessons)
    meta: dict[str, object] = {}
    teacher = Site(ROOT, "teacher", templates=ROOT / "templates", downloads=True)
    student = Site(ROOT, "student", templates=ROOT / "templates", downloads=True)
    html = str(teacher.lesson_header(meta, page))
    assert "downloads/01-preparation/lessonplans/01-3-%E6%95%99%E6%A1%88.docx" in html or "01-3-教案.docx" in html
    assert "教案" not in str(student.lesson_header(meta, page))
    home = str(teacher.course_overview("index.md"))
    assert "教学日历.xlsx" in home or "%E6%95%99%E5%AD%A6%E6%97%A5%E5%8E%86.xlsx" in home
    assert "课程标准.docx" in home or "%E8%AF%BE%E7%A8%8B%E6%A0%87%E5%87%86.docx" in home
    assert "教学日历" not in str(student.course_overview("index.md"))
