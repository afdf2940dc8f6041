"""``coursekit release`` on a small fake set of inputs: the folder layout, the checksums, no teacher file in the
student zip, and the refusals (a teacher build as the student site, no CHANGELOG entry, a missing input)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT
from coursekit.cli import main
from coursekit.release import TEACHER_MARK, Inputs, make_release, release_version, teacher_pages

STUDENT = {"index.html": "<p>学生版首页</p>", "library/glossary/index.html": "<p>术语</p>",
           "assets/javascripts/bundle.0123abcd.min.js": "var a;", "search/search_index.json": "{}"}
TEACHER = {**STUDENT, "index.html": f"<p>{TEACHER_MARK}</p>", "library/questions/index.html": f"<p>题库 {TEACHER_MARK}</p>",
           "downloads/answers.pdf": "%PDF-1.7 参考答案"}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def fake_course(tmp_path: Path) -> tuple[Path, Inputs]:
    root = tmp_path / "course"
    write_tree(root, {"pyproject.toml": '[project]\nname = "x"\nversion = "9.9.9"\n',
                      "CHANGELOG.md": "# 更新记录\n\n## 9.9.9\n\n- 新的一版。\n\n## 9.9.8\n\n- 旧的。\n"})
    write_tree(root / "site", STUDENT)
    write_tree(root / "site-teacher", TEACHER)
    (root / "dist" / "offline").mkdir(parents=True)
    with zipfile.ZipFile(root / "dist" / "offline" / "社群运营实战课.zip", "w") as zf:
        zf.writestr("社群运营实战课/index.html", "<p>离线版</p>")
    write_tree(root / "dist" / "handouts", {"worksheets/ws-1.pdf": "%PDF-1.7", "sops/sop-1.xlsx": "PK"})
    write_tree(root / "dist" / "slides", {"01-preparation.pptx": "PK"})
    write_tree(root / "dist" / "questions", {"题库-学习通.xlsx": "PK", "题库-Moodle.xml": "<quiz/>"})
    return root, Inputs.default(root)


def test_the_release_folder_has_every_part_and_true_checksums(tmp_path: Path) -> None:
    root, inputs = fake_course(tmp_path)
    folder = make_release(root, inputs, tmp_path / "out")
    assert folder == tmp_path / "out" / "shequn-9.9.9"  # not a git checkout: pyproject's version alone
    name = "shequn-9.9.9"
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "CHANGELOG.md", "SHA256SUMS", f"{name}-student-site.zip", f"{name}-teacher-site.zip", f"{name}-offline.zip",
        f"{name}-handouts.zip", f"{name}-slides.zip", f"{name}-questions.zip"])
    sums = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(sums) == 7
    for line in sums:
        digest, file = line.split("  ")
        assert hashlib.sha256((folder / file).read_bytes()).hexdigest() == digest
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=folder).returncode == 0
    changelog = (folder / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 9.9.9" in changelog and "新的一版" in changelog and "9.9.8" not in changelog
    with zipfile.ZipFile(folder / f"{name}-teacher-site.zip") as zf:
        assert f"{name}-teacher-site/library/questions/index.html" in zf.namelist()
    with zipfile.ZipFile(folder / f"{name}-handouts.zip") as zf:
        assert sorted(zf.namelist()) == [f"{name}-handouts/sops/sop-1.xlsx", f"{name}-handouts/worksheets/ws-1.pdf"]


def test_no_teacher_file_sits_in_the_student_zip(tmp_path: Path) -> None:
    root, inputs = fake_course(tmp_path)
    folder = make_release(root, inputs, tmp_path / "out")
    with zipfile.ZipFile(folder / "shequn-9.9.9-student-site.zip") as zf:
        names = zf.namelist()
        assert sorted(names) == sorted(f"shequn-9.9.9-student-site/{rel}" for rel in STUDENT)
        assert not any(TEACHER_MARK in zf.read(n).decode("utf-8") for n in names)
        assert not any(n.endswith(page) for n in names for page in teacher_pages())


def test_the_question_bank_is_packed(tmp_path: Path) -> None:
    root, inputs = fake_course(tmp_path)
    folder = make_release(root, inputs, tmp_path / "out")
    with zipfile.ZipFile(folder / "shequn-9.9.9-questions.zip") as zf:
        assert sorted(zf.namelist()) == ["shequn-9.9.9-questions/题库-Moodle.xml", "shequn-9.9.9-questions/题库-学习通.xlsx"]


@pytest.mark.parametrize("leak", ["index.html", "library/questions/index.html"])
def test_a_teacher_build_as_the_student_site_is_refused(tmp_path: Path, leak: str) -> None:
    root, inputs = fake_course(tmp_path)
    write_tree(inputs.site, {leak: TEACHER["library/questions/index.html"].replace(TEACHER_MARK, "")
                             if leak != "index.html" else TEACHER["index.html"]})
    with pytest.raises(click.ClickException, match=f"holds teacher pages \\({leak}"):
        make_release(root, inputs, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_version_without_a_changelog_entry_is_refused(tmp_path: Path) -> None:
    root, inputs = fake_course(tmp_path)
    (root / "CHANGELOG.md").write_text("# 更新记录\n\n## 9.9.8\n\n- 旧的。\n", encoding="utf-8")
    with pytest.raises(click.ClickException, match="CHANGELOG.md has no '## 9.9.9' section"):
        make_release(root, inputs, tmp_path / "out")


@pytest.mark.parametrize(("missing", "command"), [("dist/offline/社群运营实战课.zip", "make offline"),
                                                  ("dist/questions", "coursekit questions")])
def test_a_missing_input_names_the_command_that_makes_it(tmp_path: Path, missing: str, command: str) -> None:
    root, _ = fake_course(tmp_path)
    path = root / missing
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    result = CliRunner().invoke(main, ["release", "--root", str(root)])
    assert result.exit_code == 1
    assert f"{path.name} is missing: run `{command}` first" in result.output
    assert "Traceback" not in result.output


def test_the_command_lists_the_folder(tmp_path: Path) -> None:
    root, _ = fake_course(tmp_path)
    result = CliRunner().invoke(main, ["release", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert "shequn-9.9.9-student-site.zip" in result.output and "发布包：" in result.output


def test_the_version_carries_the_commit_unless_head_is_its_tag(tmp_path: Path) -> None:
    root, _ = fake_course(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "pyproject.toml"], ["commit", "-qm", "v"], ["tag", "v9.9.9"]):
        subprocess.run([*git, *args], cwd=root, check=True)
    assert release_version(root, "9.9.9") == "9.9.9"
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "next"], cwd=root, check=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()
    assert release_version(root, "9.9.9") == f"9.9.9+g{commit}"
    (root / "pyproject.toml").write_text('[project]\nversion = "9.9.9"\n', encoding="utf-8")
    assert release_version(root, "9.9.9") == f"9.9.9+g{commit}.dirty"


def test_the_teacher_mark_is_the_teacher_editions_banner() -> None:
    """The mark checked for is the text overrides/main.html puts on every teacher page (and only there)."""
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    banner = template[template.index("{% block announce %}"):]
    assert 'edition == "teacher"' in banner and TEACHER_MARK in banner
