"""``coursekit release`` (``make release``): one versioned folder with everything a term needs.

dist/release/shequn-<version>/ holds the student and teacher sites as zips, the offline bundle, the handouts,
the slide decks and the question bank's platform files (``coursekit questions``), with the
CHANGELOG and SHA256SUMS (``sha256sum -c SHA256SUMS`` checks them). The version is pyproject's, plus the
commit when HEAD is not tagged ``v<version>``. The inputs are what the make targets build; a student site
that carries the teacher edition's banner or a teacher-only page is refused, so no answer leaves in the
student zip.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import click

from . import kinds
from .clitools import course_root, root_option

SLUG = "shequn"
# In every page of the teacher edition (overrides/main.html, the announce bar), never in the student one.
TEACHER_MARK = "请勿发给学生"


@dataclass(frozen=True)
class Inputs:
    """Where the built outputs are (paths as the make targets write them)."""

    site: Path
    teacher_site: Path
    offline: Path
    handouts: Path
    slides: Path
    questions: Path

    @classmethod
    def default(cls, root: Path) -> Inputs:
        return cls(root / "site", root / "site-teacher", root / "dist" / "offline" / "社群运营实战课.zip",
                   root / "dist" / "handouts", root / "dist" / "slides", root / "dist" / "questions")


def project_version(root: Path) -> str:
    """The version in pyproject.toml."""
    return str(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def release_version(root: Path, base: str) -> str:
    """``base`` when HEAD is the clean tag v<base>; else base+g<commit>[.dirty]; base alone outside git."""
    described = _git(root, "describe", "--tags", "--always", "--dirty", "--match", "v*")
    if described is None or described == f"v{base}":
        return base
    commit = _git(root, "rev-parse", "--short", "HEAD") or "unknown"
    return f"{base}+g{commit}" + (".dirty" if described.endswith("-dirty") else "")


def changelog_entry(changelog: Path, base: str) -> str:
    """The ``## <base>`` section of CHANGELOG.md; ClickException when there is none."""
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    heading = rf"^## \[?{re.escape(base)}\]?(?![\w.])[^\n]*\n"  # not ## 0.1.01
    match = re.search(heading + r".*?(?=^## |\Z)", text, re.M | re.S)
    if not match:
        raise click.ClickException(f"{changelog.name} has no '## {base}' section: say what changed in {base} first")
    return match[0].strip() + "\n"


def check_inputs(inputs: Inputs) -> None:
    """Every input is there, and the student site is the student edition."""
    needed = [(inputs.site / "index.html", "make build"), (inputs.teacher_site / "index.html", "make teacher"),
              (inputs.offline, "make offline"), (inputs.handouts, "make handouts"), (inputs.slides, "make slides"),
              (inputs.questions, "coursekit questions")]
    for path, target in needed:
        if not path.exists():
            raise click.ClickException(f"{path} is missing: run `{target}` first (make release does)")
    leaked = [p.relative_to(inputs.site).as_posix() for p in sorted(inputs.site.rglob("*.html"))
              if TEACHER_MARK in p.read_text(encoding="utf-8", errors="ignore")]
    leaked += [page for page in teacher_pages() if (inputs.site / page).exists()]
    if leaked:
        raise click.ClickException(f"{inputs.site} holds teacher pages ({', '.join(leaked[:3])}): "
                                   f"it must be the student build (make build), not the teacher one")


def teacher_pages() -> list[str]:
    """The built library pages that only the teacher edition has (Kind.teacher_page: 题库)."""
    return [k.library_page.removesuffix(".md") + "/index.html" for k in kinds.ALL if k.teacher_page and k.library_page]


def zip_folder(src: Path, dest: Path, top: str) -> None:
    """Zip every file below ``src`` under the folder ``top``, in a stable order."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(src.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(src).as_posix()}")


def sha256sums(folder: Path) -> str:
    """``sha256sum`` lines for every file in ``folder`` (names relative to it), sorted."""
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "SHA256SUMS"):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(folder).as_posix()}\n")
    return "".join(lines)


def make_release(root: Path, inputs: Inputs, out: Path, version: str | None = None) -> Path:
    """Write dist/release/shequn-<version>/ from ``inputs``; returns the folder."""
    base = project_version(root)
    version = version or release_version(root, base)
    entry = changelog_entry(root / "CHANGELOG.md", base)
    check_inputs(inputs)
    folder = out / f"{SLUG}-{version}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    name = f"{SLUG}-{version}"
    zip_folder(inputs.site, folder / f"{name}-student-site.zip", f"{name}-student-site")
    zip_folder(inputs.teacher_site, folder / f"{name}-teacher-site.zip", f"{name}-teacher-site")
    shutil.copyfile(inputs.offline, folder / f"{name}-offline.zip")
    zip_folder(inputs.handouts, folder / f"{name}-handouts.zip", f"{name}-handouts")
    zip_folder(inputs.slides, folder / f"{name}-slides.zip", f"{name}-slides")
    zip_folder(inputs.questions, folder / f"{name}-questions.zip", f"{name}-questions")
    (folder / "CHANGELOG.md").write_text(f"# 社群运营实战课 {version}\n\n{entry}", encoding="utf-8")
    (folder / "SHA256SUMS").write_text(sha256sums(folder), encoding="utf-8")
    return folder


@click.command("release")
@root_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Default: dist/release.")
def release(root: str | None, out: Path | None) -> None:
    """发布包：把已生成的学生版、教师版网站、离线版、讲义、课件和题库打成一个带版本号的文件夹。"""
    course = course_root(root)
    folder = make_release(course, Inputs.default(course), out or course / "dist" / "release")
    for path in sorted(folder.iterdir()):
        click.echo(f"{path.stat().st_size / 1e6:8.1f} MB  {path.relative_to(course) if path.is_relative_to(course) else path}")
    click.echo(f"发布包：{folder}")
