"""``coursekit questions``: what it writes, its exit codes and messages, and the teacher page's links."""

from __future__ import annotations

import os
import posixpath
import re
import shlex
import subprocess
from pathlib import Path

from coursekit import outputs
from coursekit.assess.cli import WRITERS
from coursekit.site import Site
from coursekit.urls import page_url

from conftest import ROOT, copy_course

from .qbank import add_bank, export

PAGE = "library/questions.md"


def test_it_writes_every_file_the_site_links(exported) -> None:
    course, out = exported
    assert {name for name, _, _ in outputs.QUESTION_FILES.values()} <= {p.name for p in out.iterdir()}
    assert {"write_xuexitong", "write_word", "write_moodle", "write_gift"} <= {w.__name__ for w in WRITERS}


def test_a_bad_mapping_is_reported_at_its_line_without_a_traceback(course: Path, tmp_path: Path) -> None:
    add_bank(course)
    mapping = course / "templates" / "questions" / "xuexitong.yml"
    mapping.write_text(mapping.read_text(encoding="utf-8").replace("{header: 知识点, value: point}",
                                                                   "{header: 知识点, value: points}"), encoding="utf-8")
    result = export(course, tmp_path / "out")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(mapping.read_text(encoding="utf-8").splitlines(), 1) if "value: points" in text)
    assert f"templates/questions/xuexitong.yml:{line} [schema] columns[8].value:" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_other_mapping_mistakes(course: Path, tmp_path: Path) -> None:
    add_bank(course)
    bad = tmp_path / "bad.yml"
    for text, expected in [("columns: []\n", "columns:"), ("sheet: x\ncolums: []\n", "colums"),
                           ("columns:\n  - {header: 甲, value: stem}\n  - {header: 甲, value: type}\n", "each header once"),
                           ("columns: [\n", "[yaml-syntax]"), ("", "[yaml-empty] the mapping is empty; copy"),
                           ("- a\n", "expected a mapping")]:
        bad.write_text(text, encoding="utf-8")
        result = export(course, tmp_path / "out", "--mapping", str(bad))
        assert result.exit_code == 1 and expected in result.output and "Traceback" not in result.output, (text, result.output)
    result = export(course, tmp_path / "out", "--mapping", str(tmp_path / "none.yml"))
    assert result.exit_code == 1 and "[missing-file] no column mapping here" in result.output


def test_a_course_without_a_bank_or_with_bad_data(course: Path, tmp_path: Path) -> None:
    result = export(course, tmp_path / "out")
    assert result.exit_code == 1 and "no question bank" in result.output and "Traceback" not in result.output
    add_bank(course)
    bank = course / "data" / "questions" / "01-1.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: B", "answer: E"), encoding="utf-8")
    result = export(course, tmp_path / "out")
    assert result.exit_code == 1 and "data/questions/01-1.yml:" in result.output and "Traceback" not in result.output


def test_an_output_folder_that_is_a_file(course: Path, tmp_path: Path) -> None:
    add_bank(course)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = export(course, tmp_path / "file")
    assert result.exit_code == 2 and "is a file" in result.output and "Traceback" not in result.output
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "题库-Word.docx").mkdir()  # a folder where a file goes: the writer cannot save it
    result = export(course, tmp_path / "ro")
    assert result.exit_code == 1 and "cannot write to" in result.output and "Traceback" not in result.output


def test_the_teacher_bank_page_links_each_file_and_the_student_edition_never(exported, tmp_path: Path) -> None:
    course, out = exported
    teacher = str(Site(course, "teacher", downloads=True).listing("questions", PAGE))
    links = re.findall(r'href="([^"]*downloads/questions/[^"]*)"', teacher)
    assert len(links) == 4
    for href in links:
        target = posixpath.normpath(posixpath.join(page_url(PAGE), href))
        assert (out / target.removeprefix("downloads/questions/")).is_file(), target
    assert "downloads/questions" not in str(Site(course, "teacher", downloads=False).listing("questions", PAGE))
    assert "downloads/questions" not in str(Site(course, "student", downloads=True).listing("questions", PAGE))
    assert all(o.teacher for o in outputs.question_outputs())
    assert not outputs.visible(outputs.question_outputs(), teacher=False)


def test_copy_course_helper_is_independent(tmp_path: Path) -> None:
    course = copy_course(tmp_path / "c")
    assert (course / "templates" / "questions" / "xuexitong.yml").is_file()


def test_make_teacher_writes_them_where_the_teacher_site_links_them() -> None:
    dry = subprocess.run(["make", "-n", "--no-print-directory", "teacher"], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={**os.environ, "PATH": os.environ.get("PATH", "")}).stdout
    runs = [shlex.split(line) for line in dry.splitlines() if " questions " in f"{line} "]
    assert len(runs) == 1 and runs[0][0].endswith("bin/coursekit")
    assert runs[0][runs[0].index("--out") + 1] == f"site-teacher/{outputs.SITE_DIR}/{outputs.QUESTIONS}"


def test_a_mapping_with_too_few_option_columns_is_refused(course: Path, tmp_path: Path) -> None:
    add_bank(course)
    few = tmp_path / "few.yml"
    few.write_text("columns:\n  - {header: 题干, value: stem}\n  - {header: A, value: option_a}\n"
                   "  - {header: B, value: option_b}\n  - {header: C, value: option_c}\n", encoding="utf-8")
    result = export(course, tmp_path / "out", "--mapping", str(few))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "[schema] columns: item 01-1-q01 needs 4 option columns (选项A…) but the mapping has 3; add option_d" in result.output
    assert not (tmp_path / "out" / "题库-学习通.xlsx").exists()
