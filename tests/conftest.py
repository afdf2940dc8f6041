"""Shared fixtures: the repository, a mutable copy of the fixture course, built sites, a browser."""

from __future__ import annotations

import os
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from coursekit import kinds
from coursekit.chromium import ARGS as CHROMIUM_ARGS  # the flags coursekit starts Chromium with
from coursekit.editions import strip_teacher_blocks, teacher_blocks
from coursekit.localserver import serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "course"
BIN = Path(sys.executable).parent
# CI runners set ``CI``, which adds ``::error`` annotations to reports; tests that want them set it.
os.environ.pop("CI", None)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_course(dest: Path) -> Path:
    """A copy of the small fixture course at ``dest``, with its own copy of the templates.

    The fixture's templates option is relative to the repository; the copy finds its templates beside its
    mkdocs.yml instead, as a course without the option does (and tests may change them).
    """
    shutil.copytree(FIXTURE, dest, symlinks=False)
    shutil.copytree(ROOT / "templates", dest / "templates")
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    option = re.search(r"  coursekit:\n    templates: .*\n", text)
    assert option, "the fixture course sets coursekit's templates option"
    config.write_text(text.replace(option[0], "  coursekit: {}\n"), encoding="utf-8")
    return dest


QUIZ_BANK = ROOT / "tests" / "fixtures" / "quiz" / "01-1.yml"
"""A question bank for the fixture course's task page: four self-check items (every objective type), two exam items.
The fixture course itself has no bank (tests add theirs); :func:`add_quiz` puts this one in a copy."""


def add_quiz(course: Path) -> Path:
    """Give a fixture course copy :data:`QUIZ_BANK` and a 课后自测 at the end of its task page; returns the bank."""
    folder = course / "data" / "questions"
    folder.mkdir(exist_ok=True)
    shutil.copy(QUIZ_BANK, folder / QUIZ_BANK.name)
    lesson = course / "docs" / "modules" / "01-alpha" / "1-first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + '\n## 课后自测 { #selfcheck }\n\n{{ quiz("01-1") }}\n',
                      encoding="utf-8")
    return folder / QUIZ_BANK.name


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A private copy of the small fixture course, safe to break."""
    return copy_course(tmp_path / "course")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A private copy of the real course (content, templates, config), safe to break."""
    dest = tmp_path / "repo"
    for name in ("data", "docs", "templates", "macros", "overrides", "diagrams"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "mkdocs.teacher.yml"):
        shutil.copy(ROOT / name, dest / name)
    return dest


def run(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command from the virtualenv and capture its output (``env``: instead of :data:`ENV`)."""
    cmd = [str(BIN / str(args[0])), *map(str, args[1:])]
    return subprocess.run(cmd, cwd=cwd, env=env or ENV, capture_output=True, text=True, timeout=600)


def build(config: str, out: Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of one edition into ``out``."""
    return run("mkdocs", "build", "--strict", "-f", config, "-d", out, cwd=cwd, env=env)


@pytest.fixture(scope="session")
def student_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build("mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def teacher_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site-teacher")
    result = build("mkdocs.teacher.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def served_site(student_site: Path) -> Iterator[str]:
    """The student site on a local HTTP server; yields its base URL."""
    with serve(student_site) as url:
        yield url


@pytest.fixture(scope="session")
def served_teacher_site(teacher_site: Path) -> Iterator[str]:
    """The teacher site on a local HTTP server; yields its base URL."""
    with serve(teacher_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


def teacher_fragments(reg: Any, *, pages: bool, squash: Callable[[str], str] = str.strip,
                      of: Any = None) -> list[str]:
    """Distinctive sentences of teacher-only text: every kind's ``teacher_only`` fields (answers, rubrics, case
    guidance) and whatever its ``shown`` part leaves out (the question bank's exam items) — of the kinds ``of``
    if given —, and with ``pages`` the pages' teacher boxes; each at least ten Chinese characters, passed through
    ``squash`` (as the searched output is).

    Sentences that also appear in student-visible text (data, and with ``pages`` the pages) are left out:
    quoting them there is allowed.
    """
    texts: list[str] = []
    visible: list[str] = []
    for k in of or kinds.ALL:  # each kind declares its teacher-only fields: a new kind is leak-tested too
        hidden = {path.split(".")[0] for path in k.teacher_only}
        for r in reg.records[k.name].values():
            texts += kinds.teacher_texts(k, r)
            visible.append(kinds.student_part(k, r).model_dump_json(exclude=hidden))
    # front matter is shown to students (the task header's objectives and key points): quoting it is allowed
    visible += [json.dumps(page.meta, ensure_ascii=False, default=str) for page in reg.pages.values()]
    if pages:
        texts += [line for page in reg.pages.values() for line in teacher_blocks(page.body)]
        visible += [strip_teacher_blocks(page.body) for page in reg.pages.values()]
    student = squash("\n".join(visible))
    fragments = set()
    for text in texts:
        for piece in re.split(r"[。；！？\n]|\*\*|`", text):
            piece = squash(re.sub(r"^[\s\d.、|>*#-]+", "", piece))
            if len(re.findall(r"[\u4e00-\u9fff]", piece)) >= 10 and not re.search(r"[<>\[\]{}|*_]", piece):
                fragments.add(piece)
    return sorted(f for f in fragments if f not in student)
