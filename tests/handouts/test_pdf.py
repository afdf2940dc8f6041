"""Handout PDFs read back: titles, field labels, answers only for teachers, Chinese fonts only."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.registry import load

from conftest import FIXTURE

from .conftest import ALLOWED_FONTS, flat, pdf_fonts, pdf_text

WS = "01-alpha/worksheets/all-fields"
TEACHER_ONLY = ["参考答案：名称要体现", "评分标准", "全部填写", "大部分填写", "引导学生关注定位与人群的关系"]


def test_worksheet_pdf_has_title_instructions_and_every_field_label(fixture_pack) -> None:
    out, _ = fixture_pack
    ws = load(FIXTURE).get("worksheets", "all-fields")
    text = flat(pdf_text(out / f"{WS}.pdf"))
    for expected in [ws.title, ws.label, "逐项填写", "班级", "姓名", *(s.title for s in ws.sections),
                     *(f.label for f in ws.fields()), "S优势", "有群规", "活跃度", "负责人", "群主"]:
        assert flat(expected) in text, expected


def test_student_pdfs_contain_no_teacher_only_text(fixture_pack) -> None:
    out, _ = fixture_pack
    for path in [out / f"{WS}.pdf", out / "01-alpha/cases/made-up.pdf", out / "01-alpha/sops/daily.pdf"]:
        text = flat(pdf_text(path))
        for secret in TEACHER_ONLY:
            assert flat(secret) not in text, (path.name, secret)


def test_teacher_worksheet_pdf_has_answer_and_rubric(fixture_pack) -> None:
    out, _ = fixture_pack
    text = flat(pdf_text(out / f"{WS}.teacher.pdf"))
    for expected in ["参考答案与指导（教师版）", "参考答案：名称要体现<b>定位</b>。", "评分标准（满分100分，教师版）",
                     "完整", "全部填写", "大部分填写", "具体", "有例子", "较笼统", "全字段工作单"]:
        assert flat(expected) in text, expected


def test_case_pdfs_have_questions_and_teacher_guidance(fixture_pack) -> None:
    out, _ = fixture_pack
    student = flat(pdf_text(out / "01-alpha/cases/made-up.pdf"))
    teacher = flat(pdf_text(out / "01-alpha/cases/made-up.teacher.pdf"))
    for expected in ["虚构的社群", "教学案例（虚构）", "讨论题", "为什么要先定位？", "先定位后建群", "养鸡场"]:
        assert expected in student and expected in teacher
    assert "引导学生关注定位与人群的关系" in teacher


def test_sop_pdf_is_a_landscape_checklist_of_the_steps(fixture_pack) -> None:
    from pypdf import PdfReader
    out, _ = fixture_pack
    path = out / "01-alpha/sops/daily.pdf"
    text = flat(pdf_text(path))
    for expected in ["每日运营SOP", "适用范围", "福利群", "早安问候", "各位早上好！<今天>有新鲜鸡蛋。", "记录数据",
                     "日报1份", "完成", "不刷屏", "执行人"]:
        assert expected in text, expected
    box = PdfReader(path).pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape


def test_schedule_pdf_lists_tasks_minutes_and_materials(fixture_pack) -> None:
    text = flat(pdf_text(fixture_pack[0] / "schedule.pdf"))
    for expected in ["测试课程授课计划", "任务一第一课", "45", "30", "75", "全字段工作单（15分钟）", "每日运营SOP",
                     "虚构的社群", "第二个项目", "任务编写中"]:
        assert expected in text, expected


@pytest.mark.parametrize("name", [f"{WS}.pdf", f"{WS}.teacher.pdf", "01-alpha/sops/daily.pdf",
                                  "01-alpha/cases/made-up.pdf", "schedule.pdf"])
def test_pdfs_embed_only_noto_cjk_sc(fixture_pack, name: str) -> None:
    fonts = pdf_fonts(fixture_pack[0] / name)
    assert fonts, "no fonts embedded"
    assert all(f.startswith(ALLOWED_FONTS) for f in fonts), fonts  # never JP/KR/TC forms, never a Latin fallback


def test_pdf_has_title_metadata_and_a4_pages(fixture_pack) -> None:
    from pypdf import PdfReader
    reader = PdfReader(fixture_pack[0] / f"{WS}.pdf")
    assert reader.metadata.title == "全字段工作单"
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


def test_answer_space_grows_with_textarea_lines(tmp_path: Path) -> None:
    """More lines → taller box: a 3-line and a 30-line textarea do not take the same space."""
    from pypdf import PdfReader

    from coursekit.handouts import htmlprint
    from coursekit.handouts.pdf import write_pdf
    from coursekit.models import Worksheet
    from conftest import ROOT
    reg = load(FIXTURE)
    base = reg.get("worksheets", "all-fields").model_dump()
    pages = []
    for lines in (3, 30):
        data = {**base, "sections": [{"title": "只有一题", "fields": [
            {"id": "idea", "kind": "textarea", "label": "想法", "lines": lines}]}], "example": "", "answer": ""}
        html = htmlprint.handout(ROOT / "templates", reg, "worksheets", Worksheet(**data), False)
        write_pdf(html, tmp_path / f"{lines}.pdf", ROOT / "templates")
        pages.append(len(PdfReader(tmp_path / f"{lines}.pdf").pages))
    assert pages[0] == 1 and pages[1] >= 2
