"""``coursekit handouts --lang zh-Hant``: the same files, in Traditional Chinese."""

from __future__ import annotations

import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import BIN, ENV, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hant_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("handouts-hant")
    result = subprocess.run([str(BIN / "coursekit"), "handouts", "--root", str(ROOT), "--project", "01-preparation",
                             "--lang", "zh-Hant", "--out", str(out), "--cache", str(out / ".cache"), "--quiet"],
                            env=ENV, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def test_word_and_pdf_are_traditional(hant_pack: Path) -> None:
    doc = docx.Document(str(hant_pack / "01-preparation/worksheets/swot-talent.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "社群運營人才" in text and "运营" not in text
    pdf = subprocess.run(["pdftotext", str(hant_pack / "01-preparation/worksheets/swot-talent.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert "社群運營實戰課" in pdf and "项目" not in pdf and "项目" not in pdf.replace("項目", "")


def test_spreadsheet_and_pack_are_traditional(hant_pack: Path) -> None:
    xlsx = next((hant_pack / "01-preparation/sops").glob("*.xlsx"))
    book = openpyxl.load_workbook(xlsx)
    cells = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value)
    assert "運營" in cells or "營運" in cells or "群" in cells
    assert "运营" not in cells and "项目" not in cells
    names = zipfile.ZipFile(hant_pack / "01-preparation.zip").namelist()
    assert names[0].startswith("項目1-社群運營準備-教學包/")


def test_file_names_are_traditional(hant_pack: Path) -> None:
    """A file whose name is Chinese is named in Traditional, on disk, in the zip and in its 目錄.txt."""
    form = hant_pack / "01-preparation/項目實訓自評互評表.docx"
    assert form.exists() and not (hant_pack / "01-preparation/项目实训自评互评表.docx").exists()
    assert "實訓任務" in "\n".join(p.text for p in docx.Document(str(form)).paragraphs)
    assert sorted(p.name for p in (hant_pack / "01-preparation/lessonplans").iterdir()) == [
        "01-1-教案.docx", "01-2-教案.docx", "01-3-教案.docx"]  # 教案 is 教案 in both scripts
    for pack in ("01-preparation.zip", "01-preparation.teacher.zip"):
        archive = zipfile.ZipFile(hant_pack / pack)
        names = archive.namelist()
        assert "項目1-社群運營準備-教學包" + ("（教師版）" if "teacher" in pack else "") + "/項目實訓自評互評表.docx" in names
        assert not any(n.endswith("项目实训自评互评表.docx") for n in names)
        listing = archive.read(next(n for n in names if n.endswith("/目錄.txt"))).decode("utf-8-sig")
        assert "項目實訓自評互評表.docx" in listing  # the list names the file as the zip holds it


def test_documents_named_in_traditional() -> None:
    """教学日历, 课程标准, 教案 and 项目实训自评互评表 in the 繁體 edition: OpenCC's names, links alike."""
    from coursekit.handouts.build import out_name
    from coursekit.handouts.jobs import Job
    from coursekit.hant import converter
    from coursekit.registry import load
    from coursekit.site import Site
    reg = load(ROOT)
    names = {"教学日历.xlsx": "教學日曆.xlsx", "教学日历.pdf": "教學日曆.pdf", "课程标准.docx": "課程標準.docx",
             "课程标准.pdf": "課程標準.pdf", "01-preparation/lessonplans/01-1-教案.docx":
             "01-preparation/lessonplans/01-1-教案.docx", "01-preparation/项目实训自评互评表.docx":
             "01-preparation/項目實訓自評互評表.docx", "01-preparation/worksheets/swot-talent.pdf":
             "01-preparation/worksheets/swot-talent.pdf", "schedule.xlsx": "schedule.xlsx"}
    for rel, hant in names.items():
        job = Job(rel, "x", "", rel.rsplit(".", 1)[1], False, "")
        assert out_name(reg, job) == rel and out_name(reg, replace(job, lang="zh-Hant")) == hant
    site = Site(ROOT, "teacher", downloads=True, registry=reg, file_name=converter(ROOT).file_name)
    page = "modules/01-preparation/index.md"
    assert [url for _, url in site.course_files(page)] == [
        "../../downloads/教學日曆.xlsx", "../../downloads/教學日曆.pdf", "../../downloads/課程標準.docx",
        "../../downloads/課程標準.pdf"]
    assert site.forms_of("01-preparation", page) == [("项目实训自评 / 互评表", "../../downloads/01-preparation/項目實訓自評互評表.docx")]
    assert [url for _, url in site.question_files(page)][0] == "../../downloads/questions/题库-学习通.xlsx"  # not a handout


def test_pdf_is_set_in_the_traditional_fonts(hant_pack: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(hant_pack / "01-preparation/worksheets/swot-talent.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert "Noto-Sans-CJK-TC" in fonts and "CJK-SC" not in fonts
    word = docx.Document(str(hant_pack / "01-preparation/worksheets/swot-talent.docx"))
    assert word.core_properties.language == "zh-TW"
