"""项目实训 自评 / 互评表: one per project, from its 项目实训, objectives and worksheets (no rubric text)."""

from __future__ import annotations

from pathlib import Path

import docx

from coursekit import kinds
from coursekit.handouts.jobs import Selection, plan
from coursekit.handouts.selfassess import PEERS, RATING, write_selfassess_docx
from coursekit.registry import load
from coursekit.templatedir import of_course

from conftest import FIXTURE, ROOT


def test_form_reads_back(tmp_path: Path) -> None:
    reg = load(ROOT)
    dest = tmp_path / "f.docx"
    write_selfassess_docx(reg, "04-traffic", dest)
    doc = docx.Document(str(dest))
    title = next(p.text for p in doc.paragraphs if p.style.name == "Title")
    assert title == "项目4　社群引流推广　项目实训自评互评表"
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert heads == ["一、实训成果", "二、成果要求", "三、能力目标", "四、素质目标", "五、小组互评", "六、总结与改进"]
    works, results, skills, qualities, peers, summary = doc.tables
    practice = reg.project_pages["04-traffic"].practice
    assert practice is not None  # the form rates what the page's 项目实训 asks for
    assert f"实训任务：{practice.title}" in [p.text for p in doc.paragraphs]
    assert [r.cells[0].text for r in results.rows[1:]] == practice.results
    assert [c.text for c in works.rows[0].cells] == RATING and [c.text for c in peers.rows[0].cells] == PEERS
    sheets = reg.in_project(kinds.WORKSHEETS.name, "04-traffic")
    assert len(works.rows) == 1 + len(sheets) and works.cell(1, 0).text.startswith("完成工作单 ")
    front = reg.project_pages["04-traffic"].objectives
    assert [r.cells[0].text for r in skills.rows[1:]] == front.skills
    assert [r.cells[0].text for r in qualities.rows[1:]] == front.qualities
    assert all(not c.text for r in works.rows[1:] for c in r.cells[1:])
    rubric = {c.name for w in sheets if w.rubric for c in w.rubric.criteria}
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert not any(name in text.split("\n") for name in rubric)  # rubrics are teacher text


def test_one_student_form_per_project_in_both_packs() -> None:
    reg = load(ROOT)
    jobs = {j.rel: j for j in plan(reg, of_course(ROOT), Selection(edition="student"))}
    forms = [r for r in jobs if r.endswith("项目实训自评互评表.docx")]
    assert len(forms) == 6 and all(not jobs[r].teacher for r in forms)
    packs = {j.rel: j for j in plan(reg, of_course(ROOT), Selection(formats=frozenset({"zip"})))}
    for pack in ("04-traffic.zip", "04-traffic.teacher.zip"):
        assert any(n.endswith("/项目实训自评互评表.docx") for n, _, _ in packs[pack].members), pack


def test_form_of_a_project_without_practice(tmp_path: Path) -> None:
    """The fixture's project page with its practice: removed: no 实训任务 line, no 成果要求, numbering closes up."""
    reg = load(FIXTURE)
    front = reg.project_pages["01-alpha"]
    reg.project_pages["01-alpha"] = front.model_copy(update={"practice": None})
    write_selfassess_docx(reg, "01-alpha", tmp_path / "f.docx")
    doc = docx.Document(str(tmp_path / "f.docx"))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert heads == ["一、实训成果", "二、能力目标", "三、素质目标", "四、小组互评", "五、总结与改进"]
    assert not any(p.text.startswith("实训任务") for p in doc.paragraphs)


def test_form_shows_data_as_text(tmp_path: Path) -> None:
    """The fixture's 项目实训 has markup in its title and 成果要求: the form holds it as plain text."""
    reg = load(FIXTURE)
    write_selfassess_docx(reg, "01-alpha", tmp_path / "f.docx")
    doc = docx.Document(str(tmp_path / "f.docx"))
    assert "实训任务：建一个练习群 <b>x</b>" in [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "群规 <script>alert(1)</script> 可以执行" in cells
