"""项目实训 自评 / 互评表: one per project, from the project's objectives and worksheets (no rubric text)."""

from __future__ import annotations

from pathlib import Path

import docx

from coursekit import kinds
from coursekit.handouts.jobs import Selection, plan
from coursekit.handouts.selfassess import PEERS, RATING, write_selfassess_docx
from coursekit.registry import load
from coursekit.templatedir import of_course

from conftest import ROOT


def test_form_reads_back(tmp_path: Path) -> None:
    reg = load(ROOT)
    dest = tmp_path / "f.docx"
    write_selfassess_docx(reg, "04-traffic", dest)
    doc = docx.Document(str(dest))
    title = next(p.text for p in doc.paragraphs if p.style.name == "Title")
    assert title == "项目4　社群引流推广　项目实训自评互评表"
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert heads == ["一、实训成果", "二、能力目标", "三、素质目标", "四、小组互评", "五、总结与改进"]
    works, skills, qualities, peers, summary = doc.tables
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
