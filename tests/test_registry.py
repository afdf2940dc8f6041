"""Loading checks cross-references and reports every problem with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.errors import CourseError
from coursekit.registry import Cache, check, load

from conftest import FIXTURE


def problems(root: Path) -> list[str]:
    return [str(p) for p in check(root)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_course_is_clean() -> None:
    assert problems(FIXTURE) == []


def test_registry_is_cached_until_a_file_changes(course: Path) -> None:
    cache = Cache()
    first = load(course, cache)
    assert load(course, cache) is first
    assert load(course) is not first  # no cache: loaded afresh
    edit(course / "data/glossary/community.yml", "持续互动", "经常互动")
    assert load(course, cache) is not first


def test_a_cache_keeps_no_course_for_another(course: Path) -> None:
    cache = Cache()
    first = load(course, cache)
    assert load(course, Cache()) is not first
    assert load(course / ".." / course.name, cache) is first  # the same root, however it is written


def test_duplicate_id(course: Path) -> None:
    (course / "data/glossary/community-copy.yml").write_text(
        (course / "data/glossary/community.yml").read_text(encoding="utf-8").replace("term: 社群", "term: 社群二"),
        encoding="utf-8")
    assert problems(course) == [
        "data/glossary/community-copy.yml:1 [id-filename] id 'community' does not match the file name "
        "'community-copy.yml'; rename the file to 'community.yml' or fix the id",
        "data/glossary/community.yml:1 [duplicate-id] id 'community' is already used by "
        "data/glossary/community-copy.yml; give each record its own id",
    ]


def test_id_must_match_file_name(course: Path) -> None:
    edit(course / "data/sops/daily.yml", "id: daily", "id: daily-ops")
    assert problems(course) == [
        "data/sops/daily.yml:1 [id-filename] id 'daily-ops' does not match the file name 'daily.yml'; "
        "rename the file to 'daily-ops.yml' or fix the id",
        "docs/modules/01-alpha/1-first.md:31 [unknown-id] sop(\"daily\"): no sop with id 'daily' in "
        "data/sops/; did you mean 'daily-ops'?",
    ]


def test_unknown_project_and_related_term(course: Path) -> None:
    edit(course / "data/cases/made-up.yml", "[01-alpha, 02-beta]", "[01-alpha, 03-gamma]")
    edit(course / "data/glossary/community.yml", "related: [private-traffic]", "related: [private-trafic]")
    assert problems(course) == [
        "data/cases/made-up.yml:6 [unknown-ref] project '03-gamma' does not exist",
        "data/glossary/community.yml:5 [unknown-ref] related term 'private-trafic' does not exist; "
        "did you mean 'private-traffic'?",
    ]


def test_lesson_citing_unknown_source(course: Path) -> None:
    edit(course / "docs/modules/01-alpha/1-first.md", "sources: [slides]", "sources: [slides, handbook, 003_test.txt]")
    assert problems(course) == [
        "docs/modules/01-alpha/1-first.md:11 [unknown-ref] source (a bibliography id in data/bibliography/) "
        "'003_test.txt' does not exist; cite the bibliography id 'slides' (file 003_test.txt) instead of the file name",
        "docs/modules/01-alpha/1-first.md:11 [unknown-ref] source (a bibliography id in data/bibliography/) "
        "'handbook' does not exist",
    ]


def test_unknown_id_in_macro_call(course: Path) -> None:
    edit(course / "docs/modules/01-alpha/1-first.md", 'worksheet("all-fields")', 'worksheet("all-field")')
    assert problems(course) == [
        "docs/modules/01-alpha/1-first.md:29 [unknown-id] worksheet(\"all-field\"): no worksheet with id "
        "'all-field' in data/worksheets/; did you mean 'all-fields'?",
    ]


def test_duplicate_term_via_alias(course: Path) -> None:
    edit(course / "data/glossary/community.yml", "english: community", "aliases: [私域]\nenglish: community")
    assert problems(course) == [
        "data/glossary/private-traffic.yml:3 [duplicate-term] '私域' is already defined by glossary entry "
        "'community'; define each term once and link to it",
    ]


def test_lesson_front_matter_is_validated_with_lines(course: Path) -> None:
    edit(course / "docs/modules/01-alpha/1-first.md", "task: 1", "task: one")
    edit(course / "docs/modules/01-alpha/1-first.md", "tags: [社群]", "tag: [社群]")
    assert problems(course) == [
        "docs/modules/01-alpha/1-first.md:3 [schema] task: input should be a valid integer, unable to parse "
        "string as an integer, got 'one'",
        "docs/modules/01-alpha/1-first.md:12 [schema] tag: unknown field 'tag'; did you mean 'tags'? allowed: "
        "project, task, title, minutes, objectives, key_points, sources, tags",
    ]


def test_page_in_wrong_project_folder(course: Path) -> None:
    edit(course / "docs/modules/01-alpha/1-first.md", "project: 01-alpha", "project: 02-beta")
    assert problems(course) == [
        "docs/modules/01-alpha/1-first.md:2 [page-project] project '02-beta' does not match the folder "
        "'01-alpha'; move the page or fix the front matter",
    ]


def test_all_problems_are_collected_not_just_the_first(course: Path) -> None:
    edit(course / "data/sops/daily.yml", "cadence: 每日", "cadence: 每天")
    edit(course / "data/glossary/community.yml", "project: 01-alpha", "project: alpha")
    (course / "data/cases/broken.yml").write_text("id: broken\n  title: x\n", encoding="utf-8")
    found = problems(course)
    assert len(found) == 3
    assert [f.split(" ")[0] for f in found] == [
        "data/cases/broken.yml:2", "data/glossary/community.yml:6", "data/sops/daily.yml:5"]


def test_course_error_lists_every_problem_and_a_count(course: Path) -> None:
    edit(course / "data/sops/daily.yml", "cadence: 每日", "cadence: 每天")
    with pytest.raises(CourseError) as info:
        load(course)
    assert str(info.value).splitlines()[-1] == "1 problem(s) found; fix them and run `coursekit check` again."


def test_a_record_moved_into_a_subfolder_is_reported_not_cached_away(course: Path) -> None:
    cache = Cache()
    load(course, cache)
    (course / "data" / "glossary" / "old").mkdir()
    (course / "data" / "glossary" / "private-traffic.yml").rename(course / "data/glossary/old/private-traffic.yml")
    found = [str(p) for p in check(course, cache)]
    assert "data/glossary/old/private-traffic.yml [data-subfolder] records must sit directly in data/glossary/; " \
           "move it up" in found


def test_anchors_and_control_characters_in_front_matter_name_the_page_line(course: Path) -> None:
    page = course / "docs" / "modules" / "01-alpha" / "1-first.md"
    edit(page, "sources: [slides]", "sources: &s [slides]")
    assert any(p.startswith("docs/modules/01-alpha/1-first.md:") and "[yaml-alias]" in p for p in problems(course))
    edit(page, "sources: &s [slides]", "sources: [slides]\ndescription: \"响\\a铃\"")
    found = [p for p in problems(course) if "[control-char]" in p]
    assert found and "U+0007 in field 'description'" in found[0]
