"""The fixture course with a question bank, exported once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_course
from .qbank import add_bank, export


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(course, output folder) after ``coursekit questions``."""
    course = copy_course(tmp_path_factory.mktemp("qcourse") / "course")
    add_bank(course)
    out = course / "out"
    result = export(course, out)
    assert result.exit_code == 0, result.output
    return course, out
