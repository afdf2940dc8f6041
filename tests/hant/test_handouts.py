"""``coursekit handouts --lang zh-Hant``: the same files, in Traditional Chinese."""

from __future__ import annotations

import subprocess
import zipfile
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


def test_pdf_is_set_in_the_traditional_fonts(hant_pack: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(hant_pack / "01-preparation/worksheets/swot-talent.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert "Noto-Sans-CJK-TC" in fonts and "CJK-SC" not in fonts
    word = docx.Document(str(hant_pack / "01-preparation/worksheets/swot-talent.docx"))
    assert word.core_properties.language == "zh-TW"
