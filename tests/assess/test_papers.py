"""Exam papers A and B, their keys and the 考核方案: read back from the PDF (pypdf) and Word (python-docx) files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from coursekit.assess.papers import draw, paper_html, write_papers
from coursekit.plaintext import plain
from coursekit import outputs
from coursekit.registry import load
from coursekit.templatedir import of_course

from conftest import ROOT
from .banks import ENOUGH, bank_data, write_course

pytestmark = pytest.mark.slow


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return flat("".join(page.extract_text() or "" for page in PdfReader(path).pages))


def docx_text(path: Path) -> str:
    doc = docx.Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return flat("".join([p.text for p in doc.paragraphs] + cells))


def shown(markdown: str) -> str:
    """A data field as the documents print it: Markdown rendered, tags dropped (list bullets too)."""
    return flat(plain(markdown).replace("• ", ""))


def unnumbered(text: str) -> str:
    """Without list numbers (``3.``): Word writes a stem's numbered list as text, plain() as bullets."""
    return re.sub(r"\d+\.", "", text)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    files = write_papers(load(ROOT), folder)
    assert sorted(f.name for f in files) == sorted(f.name for f in folder.iterdir())
    return folder


@pytest.fixture(scope="module")
def papers() -> tuple:
    return draw(load(ROOT))


NAMES = ["期末考试试卷A.pdf", "期末考试试卷A.docx", "期末考试试卷A答案与评分标准.pdf", "期末考试试卷A答案与评分标准.docx",
         "期末考试试卷B.pdf", "期末考试试卷B.docx", "期末考试试卷B答案与评分标准.pdf", "期末考试试卷B答案与评分标准.docx",
         "考核方案.pdf", "考核方案.docx"]


def test_every_file_is_written(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES)
    # the teacher page links these files by the names outputs.py gives them
    linked = {o.rel.split("/", 1)[1] for o in outputs.question_outputs()} - {n for n, _, _ in outputs.QUESTION_FILES.values()}
    assert linked == set(NAMES)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_paper_has_its_sections_and_every_stem_and_no_answer(out: Path, papers: tuple, suffix: str) -> None:
    for paper in papers:
        path = out / f"期末考试试卷{paper.name}{suffix}"
        text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
        for head in ("考试说明", "时间：90分钟", "总分：100分", "班级", "姓名", "学号", "一、单选题（每题1分，共20分）",
                     "二、多选题（每题2分，共20分）", "三、判断题（每题1分，共10分）", "四、填空题（每题2分，共10分）",
                     "五、简答题（每题5分，共20分）", "六、案例分析题（每题20分，共20分）"):
            assert head in text, (path.name, head)
        for pick in paper.picks:
            assert unnumbered(shown(pick.item.stem)) in unnumbered(text), (path.name, pick.item.id)
            for option in pick.item.options:
                assert shown(option) in text
            assert shown(pick.item.analysis) not in text, f"{path.name} shows the 解析 of {pick.bank} {pick.item.id}"
            if pick.item.type in ("short", "case"):
                assert shown(str(pick.item.answer))[:40] not in text
        assert "答案：" not in text and "解析" not in text and "评分标准" not in text


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_key_has_every_answer_analysis_and_step(out: Path, papers: tuple, suffix: str) -> None:
    for paper in papers:
        path = out / f"期末考试试卷{paper.name}答案与评分标准{suffix}"
        text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
        for pick in paper.picks:
            q = pick.item
            if q.type in ("single", "multiple"):
                assert shown(q.analysis) in text and all(shown(w) in text for w in q.why_wrong.values())
            elif q.type in ("short", "case"):
                assert f"评分标准（共{pick.points}分）" in text
                assert all(shown(s.step) in text for s in q.scoring)
            else:
                assert shown(q.analysis) in text


def test_papers_a_and_b_are_disjoint_and_stable(tmp_path: Path, out: Path, papers: tuple) -> None:
    a, b = papers
    assert not {(p.bank, p.item.id) for p in a.picks} & {(p.bank, p.item.id) for p in b.picks}
    again = draw(load(ROOT))
    assert [[(p.bank, p.item.id) for p in x.picks] for x in again] == \
        [[(p.bank, p.item.id) for p in x.picks] for x in papers]
    write_papers(load(ROOT), tmp_path)
    assert docx_text(tmp_path / "期末考试试卷A.docx") == docx_text(out / "期末考试试卷A.docx")


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_scheme_has_the_grade_objectives_worksheets_and_blueprint(out: Path, suffix: str) -> None:
    path = out / f"考核方案{suffix}"
    text = pdf_text(path) if suffix == ".pdf" else docx_text(path)
    for part in ("一、总评成绩的组成", "平时成绩", "20%", "实训成绩", "40%", "期末考试", "二、考核与课程目标的对应",
                 "知识目标", "能力目标", "素质目标", "三、实训考核：工作单与评分标准", "四、期末考试双向细目表",
                 "案例分析题", "难度分布"):
        assert part in text, (path.name, part)
    reg = load(ROOT)
    lesson = next(iter(reg.lessons.values()))
    assert flat(lesson.objectives.skills[0]) in text
    ws = next(iter(reg.records["worksheets"].values()))
    assert flat(ws.title) in text


HOSTILE = "<script>alert(1)</script>=HYPERLINK(\"http://x\")&amp;"


def test_hostile_text_is_printed_as_text(course: Path, tmp_path: Path) -> None:
    write_course(course, bank_data(ENOUGH, stems={n: HOSTILE + f" {n}" for n in range(1, 13)}))
    reg = load(course)
    a, _ = draw(reg)
    html = paper_html(reg, of_course(course), a, key=False)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    write_papers(reg, tmp_path)
    assert flat("<script>alert(1)</script>") in pdf_text(tmp_path / "期末考试试卷A.pdf")
    assert flat("<script>alert(1)</script>=HYPERLINK") in docx_text(tmp_path / "期末考试试卷A.docx")


def test_no_blueprint_no_papers(course: Path, tmp_path: Path) -> None:
    assert write_papers(load(course), tmp_path / "none") == []


@pytest.mark.office
@pytest.mark.skipif(shutil.which("soffice") is None, reason="apt: libreoffice-writer-nogui")
def test_libreoffice_opens_a_paper_its_key_and_the_scheme(out: Path, tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home")}  # LibreOffice writes its profile there
    names = ["期末考试试卷A", "期末考试试卷A答案与评分标准", "考核方案"]
    result = subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path),
                             *(str(out / f"{n}.docx") for n in names)], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "一、单选题（每题1分，共20分）" in pdf_text(tmp_path / "期末考试试卷A.pdf")
    assert all(len(pdf_text(tmp_path / f"{n}.pdf")) > 200 for n in names)
