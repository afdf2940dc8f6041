"""``coursekit new``: each new file passes ``coursekit check`` at once; a new lesson joins the nav."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build, run


@pytest.fixture
def repo(repo_copy: Path) -> Path:
    (repo_copy / "coursekit.toml").write_text((ROOT / "coursekit.toml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    for item in ROOT.iterdir():  # whatever else mkdocs.yml refers to (src/ to watch, hooks/, …), read-only
        if not (repo_copy / item.name).exists() and not item.name.startswith(".") and item.is_dir() \
                and item.name not in ("site", "site-teacher", "dist", "tests"):
            (repo_copy / item.name).symlink_to(item)
    return repo_copy


def test_new_files_pass_check_at_once(repo: Path) -> None:
    nav_before = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    steps = [
        ("new", "lesson", "03-content", "community-live", "--title", "社群直播"),
        ("new", "worksheet", "live-plan", "--project", "03-content", "--title", "直播计划表"),
        ("new", "sop", "live-day", "--project", "03-content"),
        ("new", "case", "live-demo", "--project", "03-content"),
    ]
    for step in steps:
        result = run("coursekit", *step, "--root", repo)
        assert result.returncode == 0, result.stderr
    lesson = repo / "docs/modules/03-content/3-community-live.md"
    assert "# 任务三　社群直播 { #task }" in lesson.read_text(encoding="utf-8")
    for rel in ("data/worksheets/live-plan.yml", "data/sops/live-day.yml", "data/cases/live-demo.yml"):
        assert (repo / rel).is_file()
    nav_after = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    added = [line for line in nav_after.splitlines() if line not in nav_before.splitlines()]
    assert added == ["      - 任务三 社群直播: modules/03-content/3-community-live.md"]
    assert nav_after.index("3-community-live.md") > nav_after.index("2-creation.md")
    assert nav_after.index("3-community-live.md") < nav_after.index("modules/04-traffic/index.md")
    assert nav_after.startswith(nav_before.split("\nnav:\n")[0])  # comments and settings untouched
    result = run("coursekit", "check", "--strict", "--root", repo)
    assert result.returncode == 0, result.stderr
    assert "OK: " in result.stdout


def test_new_lesson_numbers_after_the_last_task(repo: Path) -> None:
    result = run("coursekit", "new", "lesson", "06-conversion", "after-sales", "--root", repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Created docs/modules/06-conversion/4-after-sales.md"
    nav = yaml.safe_load("nav:\n" + (repo / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[1])
    section = next(v for item in nav["nav"] for k, v in item.items() if k.startswith("项目 6"))
    assert {"任务四 新任务": "modules/06-conversion/4-after-sales.md"} in section


@pytest.mark.parametrize(("args", "message"), [
    (("lesson", "03-contnt", "x"), "Invalid value for PROJECT: no project '03-contnt'; did you mean '03-content'?"),
    (("lesson", "03-content", "Live Show"), "Invalid value for NAME: 'Live Show' must be lowercase letters, "
                                            "digits and hyphens"),
    (("worksheet", "swot-talent", "--project", "01-preparation"),
     "Invalid value for ID: a worksheet with id 'swot-talent' already exists (data/worksheets/swot-talent.yml)"),
    (("sop", "x"), "Missing option '--project'"),
])
def test_bad_arguments_are_explained(repo: Path, args: tuple[str, ...], message: str) -> None:
    result = run("coursekit", "new", *args, "--root", repo)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_refuses_to_add_to_a_broken_course(repo: Path) -> None:
    (repo / "data/sops/broken.yml").write_text("id: broken\n", encoding="utf-8")
    result = run("coursekit", "new", "case", "x", "--project", "01-preparation", "--root", repo)
    assert result.returncode == 1
    assert "fix these problems first (coursekit check):" in result.stderr
    assert "data/sops/broken.yml:1 [schema] title: required field is missing; add it" in result.stderr


@pytest.mark.build
def test_new_lesson_builds(repo: Path) -> None:
    assert run("coursekit", "new", "lesson", "01-preparation", "extra", "--root", repo).returncode == 0
    result = build("mkdocs.yml", repo / "out", cwd=repo)
    assert result.returncode == 0, result.stderr
    page = (repo / "out/modules/01-preparation/4-extra/index.html").read_text(encoding="utf-8")
    assert "任务四　新任务" in page
