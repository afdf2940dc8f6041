"""The commands as a teacher runs them: clear errors for bad data, exit codes, selections."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE, run


def break_yaml(course: Path) -> None:
    path = course / "data/sops/daily.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("cadence: 每日", "cadence: 每天"), encoding="utf-8")


@pytest.mark.parametrize("command", ["handouts", "print"])
def test_bad_data_gives_the_registry_error_and_exit_1(course: Path, tmp_path: Path, command: str) -> None:
    break_yaml(course)
    result = run("coursekit", command, "--root", course, "--out", tmp_path / "out", "--cache", tmp_path / "c")
    assert result.returncode == 1
    assert "data/sops/daily.yml:" in result.stderr and "[schema] cadence" in result.stderr
    assert "problem(s) found" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_handouts_command_writes_the_selection(tmp_path: Path) -> None:
    result = run("coursekit", "handouts", "--root", FIXTURE, "--out", tmp_path / "out", "--cache", tmp_path / "c",
                 "--id", "all-fields", "--format", "docx,pdf", "--edition", "student", "--quiet")
    assert result.returncode == 0, result.stderr
    made = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.*"))
    assert made == ["01-alpha/worksheets/all-fields.docx", "01-alpha/worksheets/all-fields.pdf"]
    assert "2 file(s): 2 rendered, 0 from cache, 2 written" in result.stdout


def test_unknown_id_or_format_is_an_error(tmp_path: Path) -> None:
    result = run("coursekit", "handouts", "--root", FIXTURE, "--out", tmp_path, "--cache", tmp_path / "c",
                 "--id", "no-such-sheet", "--quiet")
    assert result.returncode == 1 and "unknown project or id: no-such-sheet" in result.stderr
    result = run("coursekit", "handouts", "--root", FIXTURE, "--out", tmp_path, "--format", "odt")
    assert result.returncode == 2 and "odt" in result.stderr


def test_commands_are_listed() -> None:
    out = run("coursekit", "--help").stdout
    assert "handouts" in out and "print" in out
