"""`coursekit check` refuses first what `mkdocs build --strict` refuses: nav, undrawn diagrams, unknown settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build, run

INDEX = "docs/modules/01-alpha/index.md"
EDITED = ('C["活跃"]', 'C["活跃"] --> D["转化"]')


def check(course: Path) -> tuple[int, list[str]]:
    """Exit code and report lines of `coursekit check --root course` (the last line, the count, left out)."""
    result = run("coursekit", "check", "--root", course)
    lines = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode, lines[:-1] if result.returncode else lines


def line_of(course: Path, rel: str, text: str) -> int:
    """The 1-based line of ``rel`` that holds ``text``."""
    lines = (course / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def edit(course: Path, rel: str, old: str, new: str) -> None:
    path = course / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_unbroken_fixture_passes(course: Path) -> None:
    code, lines = check(course)
    assert code == 0 and lines[-1].startswith("OK"), lines


def test_a_nav_entry_to_a_missing_page(course: Path) -> None:
    edit(course, "mkdocs.yml", "  - library/sources.md\n", "  - library/sources.md\n  - 旧页: modules/01-alpha/old.md\n")
    code, lines = check(course)
    n = line_of(course, "mkdocs.yml", "旧页")
    assert code == 1
    assert lines == [f"mkdocs.yml:{n} [nav-missing-page] nav entry '旧页' points to docs/modules/01-alpha/old.md, "
                     f"which does not exist; create the page or remove the entry"]


def test_a_removed_page_still_in_nav(course: Path) -> None:
    (course / "docs" / "library" / "sources.md").unlink()
    code, lines = check(course)
    n = line_of(course, "mkdocs.yml", "library/sources.md")
    assert code == 1
    assert (f"mkdocs.yml:{n} [nav-missing-page] nav entry 'library/sources.md' points to docs/library/sources.md, "
            f"which does not exist; create the page or remove the entry") in lines


def test_an_absolute_nav_entry_when_the_build_warns_about_it(course: Path) -> None:
    edit(course, "mkdocs.yml", "validation:\n", "validation:\n  nav:\n    absolute_links: warn\n")
    edit(course, "mkdocs.yml", "  - index.md\n", "  - 首页: /index.md\n")
    n = line_of(course, "mkdocs.yml", "首页")
    assert check(course) == (1, [f"mkdocs.yml:{n} [nav-missing-page] nav entry '首页' points to /index.md, an "
                                 f"absolute path the build warns about; write the page's path inside docs/ without "
                                 f"the leading /"])


def test_a_page_left_out_of_nav_only_when_the_build_warns_about_it(course: Path) -> None:
    (course / "docs" / "extra.md").write_text("# 附加 { #extra }\n\n正文。\n", encoding="utf-8")
    assert check(course)[0] == 0  # mkdocs' default: INFO, the build passes
    edit(course, "mkdocs.yml", "validation:\n", "validation:\n  omitted_files: warn\n")  # sets nav's and links'
    assert check(course) == (1, ["docs/extra.md:1 [nav-omitted-page] the page is in no entry of mkdocs.yml's nav, "
                                 "and the build warns about it (validation.nav.omitted_files); add it to nav, or "
                                 "to not_in_nav if only links lead to it"])
    edit(course, "mkdocs.yml", "validation:\n", "not_in_nav: |\n  /extra.md\nvalidation:\n")
    assert check(course)[0] == 0


def test_a_nav_in_a_config_that_inherits_mkdocs_yml(course: Path) -> None:
    (course / "mkdocs.teacher.yml").write_text("INHERIT: mkdocs.yml\nsite_dir: !ENV [SITE, site-teacher]\n"
                                               "nav:\n  - index.md\n  - 教案: teacher.md\n", encoding="utf-8")
    assert check(course) == (1, ["mkdocs.teacher.yml:5 [nav-missing-page] nav entry '教案' points to "
                                 "docs/teacher.md, which does not exist; create the page or remove the entry"])


def test_a_diagram_edited_without_make_diagrams(course: Path) -> None:
    edit(course, INDEX, *EDITED)
    n = line_of(course, INDEX, "```mermaid")
    assert check(course) == (1, [f'{INDEX}:{n} [diagram-not-drawn] diagram "flowchart LR" has no pre-rendered '
                                 f"picture in diagrams/; run `make diagrams` (and commit the new diagrams/*.svg)"])


def test_a_diagram_in_a_teacher_box_and_whitespace_the_hash_ignores(course: Path) -> None:
    edit(course, INDEX, 'C["活跃"]\n', 'C["活跃"]   \n\n')  # trailing blanks: the same picture
    assert check(course)[0] == 0
    (course / "docs" / "modules" / "01-alpha" / "index.md").write_text(
        (course / INDEX).read_text(encoding="utf-8")
        + '\n!!! teacher "板书"\n\n    ```mermaid\n    flowchart TB\n      A --> B\n    ```\n', encoding="utf-8")
    n = line_of(course, INDEX, "    ```mermaid")
    code, lines = check(course)
    assert code == 1 and lines == [f'{INDEX}:{n} [diagram-not-drawn] diagram "flowchart TB" has no pre-rendered '
                                   f"picture in diagrams/; run `make diagrams` (and commit the new diagrams/*.svg)"]


def test_a_misspelt_mkdocs_setting(course: Path) -> None:
    edit(course, "mkdocs.yml", "validation:\n", "extra: {}\nextras:\nvalidation:\n")
    (course / "mkdocs.teacher.yml").write_text("INHERIT: mkdocs.yml\nsite_dir: site-teacher\nfoo: 1\n", encoding="utf-8")
    n = line_of(course, "mkdocs.yml", "extras:")
    assert check(course) == (1, ["mkdocs.teacher.yml:3 [mkdocs-config] 'foo' is not an mkdocs setting, and the "
                                 "strict build stops on it (Unrecognised configuration name); remove it",
                                 f"mkdocs.yml:{n} [mkdocs-config] 'extras' is not an mkdocs setting, and the strict "
                                 f"build stops on it (Unrecognised configuration name); write 'extra'"])


def test_a_missing_hook_file_or_theme_folder(course: Path) -> None:
    edit(course, "mkdocs.yml", "  font: false\n", "  font: false\n  custom_dir: overrides\nhooks:\n  - hooks/templates.py\n")
    hook, theme = line_of(course, "mkdocs.yml", "hooks/templates.py"), line_of(course, "mkdocs.yml", "custom_dir")
    tail = "does not exist, and mkdocs stops on it; create it or correct the path (it is relative to the folder of mkdocs.yml)"
    assert check(course) == (1, [f"mkdocs.yml:{theme} [mkdocs-config] theme: 'overrides' {tail}",
                                 f"mkdocs.yml:{hook} [mkdocs-config] hooks: 'hooks/templates.py' {tail}"])


@pytest.mark.build
@pytest.mark.parametrize("breakage", ["nav", "diagram", "setting", "hook"])
def test_what_check_refuses_the_strict_build_refuses_too(course: Path, tmp_path: Path, breakage: str) -> None:
    if breakage == "nav":
        (course / "docs" / "library" / "sources.md").unlink()
    elif breakage == "diagram":
        edit(course, INDEX, *EDITED)
    elif breakage == "setting":
        edit(course, "mkdocs.yml", "strict: true\n", "strict: true\nsite_titel: 测试\n")
    else:
        edit(course, "mkdocs.yml", "strict: true\n", "strict: true\nhooks:\n  - hooks/templates.py\n")
    assert check(course)[0] == 1
    result = build("mkdocs.yml", tmp_path / "site", cwd=course)
    assert result.returncode != 0
    assert {"nav": "A reference to 'library/sources.md' is included in the 'nav' configuration",
            "diagram": 'diagram "flowchart LR" has no pre-rendered picture',
            "setting": "Unrecognised configuration name: site_titel",
            "hook": "hooks/templates.py"}[breakage] in result.stderr
