"""Markup, script and formulas typed into data stay inert text in the teaching files (DOCX, XLSX, PDF).

Every free-text field of the fixture course gets the payload of test_injection.py; one SOP step and
one case field start with spreadsheet formulas. ``coursekit handouts`` then builds every file, and
each is read back: the payload is there as literal text, nothing became markup, a link, a script
or a formula.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml

from coursekit import outputs
from pypdf import PdfReader

from conftest import copy_course, run
from test_injection import MARK, inject

SCRIPT = f'<script>alert("{MARK}")</script>'
FORMULAS = ['=HYPERLINK("http://198.51.100.7/","点我")', "+1+1", "-2+3", "@SUM(1,1)"]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = tmp_path_factory.mktemp("inj-files") / "course"
    copy_course(course)
    for path in [*(course / "data").glob("*/*.yml"), course / "data" / "course.yml"]:
        data = inject(yaml.safe_load(path.read_text(encoding="utf-8")))
        if path.name == "daily.yml":
            data["steps"] = [dict(data["steps"][i % 2], action=f) for i, f in enumerate(FORMULAS)]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("coursekit", "handouts", "--root", course, "--out", course / "out", "--quiet")
    assert result.returncode == 0, result.stderr
    return course / "out"


def test_word_shows_the_payload_as_text(files: Path) -> None:
    for path in files.rglob("*.docx"):
        document = docx.Document(str(path))
        text = "\n".join([p.text for p in document.paragraphs] +
                         [c.text for t in document.tables for row in t.rows for c in row.cells])
        # a project's 自评 / 互评 form shows only its worksheets' titles: none in the fixture's second project
        shows_data = not (path.name == outputs.SELF_ASSESSMENT and "完成工作单" not in text)
        assert SCRIPT in text or not shows_data, path.name
        with zipfile.ZipFile(path) as z:
            rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
            body = z.read("word/document.xml").decode()
        assert "javascript:" not in rels and 'TargetMode="External"' not in rels
        assert "<script" not in body and ("&lt;script&gt;" in body or not shows_data)
        assert "<w:hyperlink" not in body


def test_spreadsheets_hold_text_never_formulas(files: Path) -> None:
    books = sorted(files.rglob("*.xlsx"))
    assert len(books) >= 2
    seen: set[str] = set()
    for path in books:
        for sheet in openpyxl.load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if not isinstance(cell.value, str):
                        continue
                    if cell.value in FORMULAS:
                        assert cell.data_type == "s" and cell.quotePrefix, (path.name, cell.coordinate)
                        seen.add(cell.value)
                    if cell.data_type == "f":
                        assert MARK not in cell.value and "HYPERLINK" not in cell.value, cell.value
        with zipfile.ZipFile(path) as z:
            assert not any("<f>" in z.read(n).decode() and MARK in z.read(n).decode()
                           for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert seen == set(FORMULAS)
    sop = openpyxl.load_workbook(files / "01-alpha/sops/daily.xlsx").active
    assert any(SCRIPT in str(c.value) for row in sop.iter_rows() for c in row)


def test_pdfs_print_the_payload_and_carry_no_script_or_link(files: Path) -> None:
    pdfs = sorted(files.rglob("*.pdf"))
    assert len(pdfs) >= 5
    for path in pdfs:
        raw = path.read_bytes()
        assert b"/JavaScript" not in raw and not re.search(rb"/JS\s*[(<]", raw), path.name
        reader = PdfReader(path)
        for page in reader.pages:
            for annot in page.get("/Annots") or []:
                uri = str(annot.get_object().get("/A", {}).get("/URI", ""))
                assert MARK not in uri and not uri.lower().startswith("javascript:"), (path.name, uri)
        if path.name != "schedule.pdf":
            text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
            assert f'alert("{MARK}")' in text, path.name
