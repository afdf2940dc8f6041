"""Markup and script typed into data, front matter or glossary shows as text everywhere on the site.

Every free-text value of the fixture course (every record kind, the course
outline, a task page's front matter) gets a payload appended; both editions
are built and every page is parsed: no script, event handler or javascript:
link from the payload may survive as markup, and the payload must be visible
as text. A real Chromium then opens every page and no dialog may fire.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import html5lib
import pytest
import yaml
from playwright.sync_api import expect

from coursekit.localserver import serve
from coursekit.pages import split_front_matter

from conftest import ROOT, add_quiz, build, copy_course

pytestmark = pytest.mark.build

MARK = "XSS7"
PAYLOAD = (f'<script>alert("{MARK}")</script><img src=x onerror="alert(\'{MARK}\')">'
           f'<a href="javascript:alert(\'{MARK}\')">{MARK}链接</a>[md](javascript:alert(\'{MARK}\'))')
# No '{{': loading refuses it in data fields and front matter alike (bad-input corpus: macro-in-data).
# Values that must stay valid: ids, slugs, enums, file names.
KEEP = {"id", "project", "projects", "sources", "related", "kind", "cadence", "slug", "file",
        "type", "difficulty", "point", "objective"}  # a question's type, level, 知识点 (a heading id), objective
CHOICE_ANSWER = re.compile(r"[A-H]+")  # a choice question's answer letters; other answers are free text
NS = "{http://www.w3.org/1999/xhtml}"


def inject(value: Any, key: str = "", payload: str = PAYLOAD) -> Any:
    """Append the payload to every free-text string below ``value``."""
    if isinstance(value, dict):
        return {k: v if k in KEEP else inject(v, k, payload) for k, v in value.items()}
    if isinstance(value, list):
        return [inject(v, key, payload) for v in value]
    if isinstance(value, str) and key != "search_words" and not (key == "answer" and CHOICE_ANSWER.fullmatch(value)):
        return value + payload
    return value


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    course = tmp_path_factory.mktemp("injected") / "course"
    copy_course(course)
    add_quiz(course)  # a 课后自测 too: its stems, options, 解析 and accepted answers get the payload
    for path in [*(course / "data").glob("*/*.yml"), course / "data" / "course.yml"]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(inject(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    lesson = course / "docs/modules/01-alpha/1-first.md"
    fm, body, _ = split_front_matter(lesson.read_text(encoding="utf-8"))
    meta = inject(yaml.safe_load(fm))
    lesson.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                      encoding="utf-8")
    sites = {}
    for edition, config in (("student", "mkdocs.yml"), ("teacher", "mkdocs.teacher.yml")):
        if edition == "teacher":
            (course / config).write_text("INHERIT: mkdocs.yml\nplugins:\n  coursekit:\n    edition: teacher\n", encoding="utf-8")
        result = build(config, course / f"site-{edition}", cwd=course)
        assert result.returncode == 0, result.stderr
        sites[edition] = course / f"site-{edition}"
    return sites


def parse(path: Path) -> ElementTree.Element:
    return html5lib.parse(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_payload_never_becomes_markup(injected: dict[str, Path], edition: str) -> None:
    pages = sorted(injected[edition].rglob("*.html"))
    assert len(pages) >= 8
    shown = 0
    for path in pages:
        root = parse(path)
        for el in root.iter():
            tag = el.tag.replace(NS, "") if isinstance(el.tag, str) else ""
            if tag == "script":
                assert MARK not in (el.text or ""), f"{path}: a script from data"
            for name, value in el.attrib.items():
                assert not (name.startswith("on") and MARK in value), f"{path}: {name}={value}"
                assert not value.strip().lower().startswith("javascript:"), f"{path}: {name}={value}"
            assert not (tag == "img" and el.get("src") == "x"), f"{path}: an <img> from data"
        text = "".join(root.itertext())
        if f'<script>alert("{MARK}")</script>' in text:
            shown += 1
    assert shown >= 6  # pages showing data display the payload as text


def test_payload_reaches_every_kind_of_field(injected: dict[str, Path]) -> None:
    """The payload is visible where each kind is shown (so the test above checked real output)."""
    lesson = "".join(parse(injected["teacher"] / "modules/01-alpha/1-first/index.html").itertext())
    for field in ("第一课", "了解社群", "社群定义", "全字段工作单", "定位</b>。", "早安问候", "小嘉农场", "的关系。",
                  "社群和普通群的区别在于（　）。", "有群主", "群头像只是外观，不是要素。", "互动让关系持续。"):
        assert f"{field}{PAYLOAD[:20]}" in lesson.replace("\u200b", ""), field
    glossary = "".join(parse(injected["student"] / "library/glossary/index.html").itertext())
    assert f"社群{PAYLOAD[:20]}" in glossary


@pytest.mark.browser
def test_no_script_runs_in_a_real_browser(injected: dict[str, Path], page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(injected["teacher"]) as base:
        for path in sorted(injected["teacher"].rglob("index.html")):
            rel = path.relative_to(injected["teacher"]).parent.as_posix()
            page.goto(f"{base}/{'' if rel == '.' else rel + '/'}")
            page.wait_for_load_state("load")
    assert dialogs == []


@pytest.mark.browser
def test_a_quiz_with_hostile_text_still_checks_answers(injected: dict[str, Path], page: Any) -> None:
    """The payload in a blank's accepted answer (data-answer, JSON in an attribute) is text to compare, not code."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(injected["student"]) as base:
        page.goto(f"{base}/modules/01-alpha/1-first/")
        for script in ("ck-store.js", "ck-quiz.js"):  # the fixture course lists no scripts: the real course's
            page.add_script_tag(path=str(ROOT / "docs" / "assets" / "javascripts" / script))
        item = page.locator(".ck-quiz-item[data-item='q04']")
        item.get_by_label("第 1 空").fill("目标" + PAYLOAD)
        item.get_by_label("第 2 空").fill("互动" + PAYLOAD)
        item.get_by_role("button", name="提交").click()
        expect(item.locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    assert dialogs == []
