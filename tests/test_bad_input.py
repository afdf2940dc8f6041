"""Bad input: one clear message with file and line, a non-zero exit, never a traceback.

Each case breaks the fixture course one way and runs both ``coursekit check``
and a strict ``mkdocs build``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run

LESSON = "docs/modules/01-alpha/1-first.md"
PROJECT = "docs/modules/01-alpha/index.md"

CASES = {
    "malformed-yaml": (
        ("data/glossary/community.yml", "term: 社群\n", "term: 社群\n  bad: [\n"),
        "data/glossary/community.yml:3 [yaml-syntax] YAML syntax error:",
    ),
    "missing-required-field": (
        ("data/sops/daily.yml", "scope: 适用于新建的**福利群**。\n", ""),
        "data/sops/daily.yml:1 [schema] scope: required field is missing; add it",
    ),
    "wrong-type": (
        ("data/worksheets/all-fields.yml", "minutes: 15", "minutes: [15]"),
        "data/worksheets/all-fields.yml:9 [schema] minutes: input should be a valid integer",
    ),
    "unknown-field": (
        ("data/cases/made-up.yml", "industry: 农产品", "industry: 农产品\nindustri: 农业"),
        "data/cases/made-up.yml:6 [schema] industri: unknown field 'industri'; did you mean 'industry'?",
    ),
    "duplicate-id": (
        ("data/glossary/private-traffic.yml", "id: private-traffic", "id: community"),
        "[duplicate-id] id 'community' is already used by",
    ),
    "unknown-id-in-macro": (
        (LESSON, 'case("made-up")', 'case("made-upp")'),
        f"{LESSON}:33 [unknown-id] case(\"made-upp\"): no case with id 'made-upp' in data/cases/; "
        "did you mean 'made-up'?",
    ),
    "stray-braces": (
        (LESSON, "是本课的主题。", "是本课的主题，用 {{ 双花括号 表示。"),
        f"{LESSON}:19 [jinja-syntax] expected token 'end of print statement', got '表示'; "
        "to show a literal '{{' or '{%' in a page, wrap it in {% raw %}…{% endraw %}",
    ),
    "unknown-source": (
        (LESSON, "sources: [slides]", "sources: [slides, no-such-book]"),
        f"{LESSON}:11 [unknown-ref] source (a bibliography id in data/bibliography/) 'no-such-book' does not exist",
    ),
    "unknown-macro-name": (
        (LESSON, 'worksheet("all-fields")', 'workshet("all-fields")'),
        f"{LESSON}:29 [unknown-macro] 'workshet' is not a macro or variable; macros are: worksheet,",
    ),
    "huge-data-file": (  # refused by loading (not only by check): the page built from it was 21 MB
        ("data/glossary/community.yml", "definition: ", "definition: " + "很长的定义。" * 60000),
        "data/glossary/community.yml [file-size] the file is 1.1 MB, over the 1 MB limit;",
    ),
    "practice-unknown-worksheet": (
        (PROJECT, "worksheets: [all-fields]", "worksheets: [all-fieldz]"),
        f"{PROJECT}:13 [unknown-ref] practice: worksheet 'all-fieldz' does not exist; did you mean 'all-fields'?",
    ),
    "practice-off-its-page": (
        (LESSON, "{{ lesson_header() }}", "{{ lesson_header() }}\n\n{{ project_practice() }}"),
        "[not-a-project] project_practice() works only on docs/modules/<project>/index.md",
    ),
    "yaml-alias": (
        ("data/glossary/community.yml", "related: [private-traffic]", "related: &r [private-traffic]\naliases: *r"),
        "data/glossary/community.yml:6 [yaml-alias] anchors (&) and aliases (*) are not allowed in data files;",
    ),
    "control-char": (  # once passed check and build and broke only `coursekit handouts`
        ("data/glossary/community.yml", "持续互动", "持续\x07互动"),
        "data/glossary/community.yml:4 [control-char] delete the invisible character U+0007 in field 'definition'",
    ),
    "macro-in-data": (
        ("data/glossary/community.yml", "持续互动", '持续{{ term("private-traffic") }}互动'),
        "data/glossary/community.yml:4 [macro-in-data] definition: macros only work in pages;",
    ),
    "not-utf8": (
        ("data/glossary/community.yml", "社群", "\udcff"),
        "data/glossary/community.yml [encoding] the file is not UTF-8",
    ),
}


def break_course(course: Path, path: str, old: str, new: str) -> None:
    file = course / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogateescape"))


@pytest.mark.parametrize("name", CASES)
def test_check_reports_bad_input(course: Path, name: str) -> None:
    edit, message = CASES[name]
    break_course(course, *edit)
    result = run("coursekit", "check", "--root", course)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip().endswith("problem(s) found.")


@pytest.mark.build
@pytest.mark.parametrize("name", ["malformed-yaml", "unknown-id-in-macro", "stray-braces", "unknown-source",
                                  "unknown-macro-name", "huge-data-file", "yaml-alias", "control-char",
                                  "macro-in-data", "practice-unknown-worksheet"])
def test_mkdocs_build_fails_with_the_same_message(course: Path, name: str) -> None:
    edit, message = CASES[name]
    break_course(course, *edit)
    result = run("mkdocs", "build", "--strict", "-d", course / "out", cwd=course)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (course / "out" / "modules" / "01-alpha" / "1-first" / "index.html").exists()


def test_check_passes_on_the_fixture_course(course: Path) -> None:
    result = run("coursekit", "check", "--root", course)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 8 pages, 1 task pages")


def test_ci_annotations(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    break_course(course, "data/sops/daily.yml", "cadence: 每日", "cadence: 每天")
    import conftest
    monkeypatch.setitem(conftest.ENV, "CI", "true")
    result = run("coursekit", "check", "--root", course)
    assert "::error file=data/sops/daily.yml,line=5::[schema] cadence: '每天' is not one of" in result.stderr
