"""LibreOffice (headless) opens and converts every generated Word and Excel file without error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import flat, pdf_text, soffice_to_pdf

pytestmark = [pytest.mark.slow, pytest.mark.office,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="apt: libreoffice-writer-nogui, -calc-nogui")]


def convert_all(files: list[Path], tmp_path: Path) -> dict[str, str]:
    """Convert ``files`` (unique names) and return each result's text by source name."""
    result = soffice_to_pdf(files, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    texts = {}
    for f in files:
        pdf = tmp_path / f"{f.stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 1000, f"{f.name} was not converted: {result.stdout}"
        texts[f.name] = flat(pdf_text(pdf))
    return texts


def test_fixture_documents_convert(fixture_pack, tmp_path: Path) -> None:
    out, _ = fixture_pack
    files = sorted(out.rglob("*.docx")) + sorted(out.rglob("*.xlsx"))
    assert len(files) == 6
    texts = convert_all(files, tmp_path)
    assert "全字段工作单" in texts["all-fields.docx"] and "SWOT矩阵" in texts["all-fields.docx"]
    assert "每日运营SOP" in texts["daily.xlsx"] and "早安问候" in texts["daily.xlsx"]
    assert "任务一" in texts["schedule.xlsx"]
    assert "小组互评" in texts["项目实训自评互评表.docx"]
    assert "教学过程" in texts["01-1-教案.docx"] and "合计75分钟" in texts["01-1-教案.docx"]


def test_teacher_documents_convert(tmp_path: Path) -> None:
    """A real 教案, the 教学日历 and the 课程标准 open in LibreOffice (the files a teacher hands to the school)."""
    from coursekit import kinds
    from coursekit.handouts.calendar import settings, write_calendar_xlsx
    from coursekit.handouts.lessonplan import write_lessonplan_docx
    from coursekit.handouts.standard import write_standard_docx
    from coursekit.registry import load

    from conftest import ROOT
    reg = load(ROOT)
    files = [tmp_path / "src" / "02-3-教案.docx", tmp_path / "src" / "教学日历.xlsx", tmp_path / "src" / "课程标准.docx"]
    files[0].parent.mkdir()
    write_standard_docx(reg, files[2])
    write_lessonplan_docx(reg, reg.of(kinds.LESSONPLANS)["02-3"], files[0])
    write_calendar_xlsx(reg, settings(reg), files[1])
    texts = convert_all(files, tmp_path)
    assert "教学难点及化解" in texts["02-3-教案.docx"] and "合计180分钟" in texts["02-3-教案.docx"]
    assert "第16周" in texts["教学日历.xlsx"] and "期末考试" in texts["教学日历.xlsx"]
    assert "四、课程内容与学时分配" in texts["课程标准.docx"] and "课程思政" in texts["课程标准.docx"]
    assert "开群前准备方案" in texts["课程标准.docx"] and "项目6实训" in texts["教学日历.xlsx"]  # the 项目实训


def test_a_sample_of_the_real_pack_converts(real_pack, tmp_path: Path) -> None:
    out, _ = real_pack
    docs, sheets = sorted(out.rglob("*.docx")), sorted(out.rglob("*/sops/*.xlsx"))
    sample = docs[:: max(1, len(docs) // 4)][:4] + sheets[:: max(1, len(sheets) // 2)][:2] + [out / "schedule.xlsx"]
    texts = convert_all(sample, tmp_path)
    assert all(len(t) > 100 for t in texts.values())
