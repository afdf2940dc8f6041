"""Pre-rendered Mermaid diagrams: every fence has its committed picture, the fence inlines it or falls back."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import markdown
import pytest
from pymdownx.superfences import fence_code_format

from coursekit import diagrams
from coursekit.diagrams_render import unique_ids
from coursekit.hant.convert import converter

from conftest import FIXTURE, ROOT, build, run

COURSES = {"real course": ROOT, "fixture course": FIXTURE}
LOGGER = "mkdocs.plugins.coursekit.diagrams"
SOURCE = 'flowchart LR\n  A["建群"] --> B["拉新"]\n'
SVG = ('<svg id="ck-diagram-{k}" width="100%" role="graphics-document document" aria-roledescription="flowchart-v2">'
       '<style>#ck-diagram-{k}{{fill:#333;}}</style><g id="ck-diagram-{k}-flowchart-A-0"><text>建群</text></g></svg>')


def used(course: Path) -> dict[str, tuple[str, str]]:
    """Each diagram's key in a course's pages → (page, first line)."""
    found = {}
    for page in sorted((course / "docs").rglob("*.md")):
        for source in diagrams.fences(page.read_text(encoding="utf-8")):
            found[diagrams.key(source)] = (page.relative_to(course).as_posix(), source.strip().splitlines()[0])
    return found


@pytest.mark.parametrize("name", COURSES)
def test_every_diagram_has_its_picture(name: str) -> None:
    course = COURSES[name]
    missing = [f'{page}: diagram "{first}" has no pre-rendered picture; run `make diagrams`'
               for k, (page, first) in used(course).items() if not (course / "diagrams" / f"{k}.svg").exists()]
    assert used(course) and missing == []


@pytest.mark.parametrize("name", COURSES)
def test_no_unused_pictures(name: str) -> None:
    course = COURSES[name]
    orphans = sorted(p.name for p in (course / "diagrams").glob("*.svg") if p.stem not in used(course))
    assert orphans == [], "pictures no page uses: run `make diagrams` (it deletes them)"


def test_the_real_course_has_its_diagrams_in_lessons_and_projects() -> None:
    pages = {page for page, _ in used(ROOT).values()}
    assert len(used(ROOT)) >= 39 and sum("/index.md" in p for p in pages) == 6


@pytest.mark.parametrize("path", sorted((ROOT / "diagrams").glob("*.svg")), ids=lambda p: p.stem)
def test_committed_pictures_have_ids_of_their_own(path: Path) -> None:
    svg = path.read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', svg)
    prefix = diagrams.element_id(path.stem)
    assert svg.startswith(f'<svg id="{prefix}"') and "__mermaid" not in svg
    assert all(i.startswith(prefix) for i in ids) and len(ids) == len(set(ids))
    assert 'role="graphics-document document"' in svg  # mermaid's accessibility attributes are kept


def test_traditional_conversion_keeps_every_label_its_length() -> None:
    """The 繁體中文 edition converts the inlined Simplified picture: a longer label would overflow its box."""
    conv = converter(ROOT)
    grown = []
    for path in sorted((ROOT / "diagrams").glob("*.svg")):
        body = re.sub(r"<style>.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
        grown += [f"{path.name}: {t} → {conv.convert(t)}" for t in re.findall(r">([^<>]+)<", body)
                  if len(conv.convert(t)) != len(t)]
    assert grown == []


def test_key_ignores_trailing_whitespace_and_follows_the_render_version(monkeypatch: pytest.MonkeyPatch) -> None:
    assert diagrams.key("flowchart LR\n  A --> B  \n\n") == diagrams.key("flowchart LR\n  A --> B")
    before = diagrams.key(SOURCE)
    monkeypatch.setattr(diagrams, "RENDER_VERSION", "test")
    assert diagrams.key(SOURCE) != before


def test_fences_are_found_inside_boxes_dedented() -> None:
    text = '!!! teacher "说明"\n    ```mermaid\n    flowchart LR\n      A --> B\n    ```\n'
    assert diagrams.fences(text) == ["flowchart LR\n  A --> B\n"]


def test_render_ids_are_renamed_after_the_key() -> None:
    svg = ('<svg id="__mermaid_3"><style>#__mermaid_3 .x{}</style><marker id="__mermaid_3_arrow"/>'
           '<path marker-end="url(#__mermaid_3_arrow)"/><g id="L_A_B_0"/><use href="#L_A_B_0"/></svg>')
    assert unique_ids(svg, "abc") == (
        '<svg id="ck-diagram-abc"><style>#ck-diagram-abc .x{}</style><marker id="ck-diagram-abc_arrow"/>'
        '<path marker-end="url(#ck-diagram-abc_arrow)"/><g id="ck-diagram-abc-L_A_B_0"/>'
        '<use href="#ck-diagram-abc-L_A_B_0"/></svg>')


@pytest.fixture
def pictures(tmp_path: Path) -> diagrams.Diagrams:
    """A course folder whose diagrams/ holds the picture of SOURCE, and a build's diagrams pointing at it."""
    (tmp_path / "diagrams").mkdir()
    k = diagrams.key(SOURCE)
    (tmp_path / "diagrams" / f"{k}.svg").write_text(SVG.format(k=k) + "\n", encoding="utf-8")
    found = diagrams.Diagrams(tmp_path)
    found.page = "docs/modules/04-traffic/3-fission.md"
    return found


def convert(text: str, fmt: object) -> str:
    """Markdown with the site's mermaid custom fence."""
    fence = {"name": "mermaid", "class": "mermaid", "format": fmt}
    md = markdown.Markdown(extensions=["pymdownx.superfences"],
                           extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}})
    return md.convert(text)


def test_a_pictured_diagram_is_inlined_once_the_page_is_built(pictures: diagrams.Diagrams,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    k = diagrams.key(SOURCE)
    content = convert(f"```mermaid\n{SOURCE}```\n", pictures.fence)
    # what material's search plugin sees: a marker, no picture to parse
    assert content == f'<div class="ck-diagram"><!--ck-diagram {k}--></div>'
    html = pictures.inline(f"<main>{content}</main>")
    assert html.startswith(f'<main><div class="ck-diagram"><svg id="ck-diagram-{k}"')
    assert "<text>建群</text>" in html and "<pre" not in html and "<!--" not in html
    assert [r for r in caplog.records if r.name == LOGGER] == []


def test_the_plugin_puts_its_fence_in_place_of_the_one_mkdocs_yml_names(pictures: diagrams.Diagrams) -> None:
    mdx = {"pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": diagrams.fence}]}}
    pictures.install(mdx)
    assert mdx["pymdownx.superfences"]["custom_fences"][0]["format"] == pictures.fence


def test_without_the_plugin_diagrams_are_drawn_live_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    text = "```mermaid\nflowchart TB\n  A --> B\n```\n"
    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert convert(text, diagrams.fence) == convert(text, fence_code_format)
    assert [r.getMessage() for r in caplog.records if r.name == LOGGER] == [
        "diagrams: list the coursekit plugin under plugins in mkdocs.yml to inline pictures"]


def test_live_mode_leaves_every_diagram_to_mermaid_quietly(pictures: diagrams.Diagrams,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    pictures.live = True
    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert '<pre class="mermaid">' in convert(f"```mermaid\n{SOURCE}```\n", pictures.fence)
    assert [r for r in caplog.records if r.name == LOGGER] == []


def test_the_same_diagram_twice_on_a_page_gets_ids_of_its_own(pictures: diagrams.Diagrams) -> None:
    html = pictures.inline(convert(f"```mermaid\n{SOURCE}```\n\n```mermaid\n{SOURCE}```\n", pictures.fence))
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == 4 and len(set(ids)) == 4


def test_a_missing_picture_falls_back_to_mermaid_with_a_warning(pictures: diagrams.Diagrams,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    text = "```mermaid\nflowchart TB\n  A --> B\n```\n"
    with caplog.at_level(logging.INFO, logger=LOGGER):
        html = convert(text, pictures.fence)
    assert html == convert(text, fence_code_format)
    assert [(r.levelno, r.getMessage()) for r in caplog.records if r.name == LOGGER] == [
        (logging.WARNING, 'docs/modules/04-traffic/3-fission.md: diagram "flowchart TB" has no pre-rendered '
                          'picture; run `make diagrams`')]


def test_under_serve_a_missing_picture_is_only_reported(pictures: diagrams.Diagrams,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    pictures.serve = True
    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert '<pre class="mermaid">' in convert("```mermaid\nflowchart TB\n  A --> B\n```\n", pictures.fence)
    assert [r.levelno for r in caplog.records if r.name == LOGGER] == [logging.INFO]


@pytest.mark.build
def test_strict_build_fails_when_a_diagram_changes_without_its_picture(course: Path, tmp_path: Path) -> None:
    page = course / "docs" / "modules" / "01-alpha" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace('C["活跃"]', 'C["活跃"] --> D["转化"]'),
                    encoding="utf-8")
    result = build("mkdocs.yml", tmp_path / "site", cwd=course)
    assert result.returncode != 0
    assert ('WARNING -  docs/modules/01-alpha/index.md: diagram "flowchart LR" has no pre-rendered picture; '
            'run `make diagrams`') in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


@pytest.mark.build
def test_the_fixture_course_builds_with_its_diagram_inlined(course: Path, tmp_path: Path) -> None:
    result = build("mkdocs.yml", tmp_path / "site", cwd=course)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "modules" / "01-alpha" / "index.html").read_text(encoding="utf-8")
    assert html.count('<div class="ck-diagram"><svg') == 1 and 'class="mermaid"' not in html


@pytest.mark.build
@pytest.mark.browser
def test_coursekit_diagrams_draws_the_missing_picture_and_deletes_unused_ones(course: Path, tmp_path: Path) -> None:
    page = course / "docs" / "modules" / "01-alpha" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace('C["活跃"]', 'C["活跃"] --> D["转化"]'),
                    encoding="utf-8")
    (new,) = used(course)
    old = sorted((course / "diagrams").glob("*.svg"))
    assert [p.stem for p in old] != [new]
    result = run("coursekit", "diagrams", "--root", course)
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in (course / "diagrams").glob("*.svg")) == [new]  # drawn, and the old one gone
    svg = (course / "diagrams" / f"{new}.svg").read_text(encoding="utf-8")
    assert svg.startswith(f'<svg id="{diagrams.element_id(new)}"') and "转化" in svg
    built = build("mkdocs.yml", tmp_path / "site", cwd=course)  # strict: the new picture is used
    assert built.returncode == 0, built.stderr
