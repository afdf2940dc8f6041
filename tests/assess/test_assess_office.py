"""LibreOffice opens the 学习通 workbook and the Word 题库 and converts them without error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handouts.conftest import flat, pdf_text, soffice_to_pdf

pytestmark = [pytest.mark.slow, pytest.mark.office,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="apt: libreoffice-writer-nogui, -calc-nogui")]


def test_the_workbook_and_the_word_file_open_in_libreoffice(exported, tmp_path: Path) -> None:
    _, out = exported
    files = [out / "题库-学习通.xlsx", out / "题库-Word.docx"]
    result = soffice_to_pdf(files, tmp_path)
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr
    sheet, word = (flat(pdf_text(tmp_path / f"{f.stem}.pdf")) for f in files)
    assert "大题题干" in sheet and "=SUM(A1)" in sheet  # shown as text, not computed
    assert "一、单选题" in word and "答案：第1空：信任" in word
