"""axe-core on one page of each type, in both editions: no serious or critical violation.

Stock material fails colour contrast (inactive nav tabs, footer) and gives its
search dialog no accessible name; docs/assets/stylesheets/course.css and
overrides/partials/search.html fix them. axe is vendored at tests/vendor/.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page

from conftest import ROOT
from worksheet_browser import homework_url

pytestmark = [pytest.mark.browser, pytest.mark.build]

AXE = ROOT / "tests" / "vendor" / "axe.min.js"
PAGES = {
    "home": "/",
    "project overview": "/modules/01-preparation/",
    "lesson": "/modules/01-preparation/1-know-community/",
    "worksheet": "/modules/01-preparation/3-professional/",
    "library": "/library/worksheets/",
    "glossary": "/library/glossary/",
    "assignment": "/assign/",
    "homework": "/homework/",
}


def violations(page: Page, url: str) -> list[dict]:
    """Serious and critical axe violations on the page at ``url`` (search dialog opened too)."""
    page.goto(url, wait_until="networkidle")
    return violations_here(page)


def violations_here(page: Page) -> list[dict]:
    """Serious and critical axe violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("kind", PAGES)
def test_student_page_types(page: Page, served_site: str, kind: str) -> None:
    assert violations(page, served_site + PAGES[kind]) == [], kind


@pytest.mark.parametrize("kind", ["lesson", "worksheet"])
def test_teacher_edition_pages(page: Page, served_teacher_site: str, kind: str) -> None:
    assert violations(page, served_teacher_site + PAGES[kind]) == [], kind


def test_search_dialog_has_a_name(page: Page, served_site: str) -> None:
    page.goto(served_site + "/", wait_until="networkidle")
    dialog = page.locator('[data-md-component="search"][role="dialog"]')
    assert dialog.get_attribute("aria-label") == "查找"  # material's zh word for search


def test_axe_finds_a_planted_violation(page: Page, served_site: str) -> None:
    """The check is live: an unlabeled image button is reported."""
    page.goto(served_site + "/", wait_until="networkidle")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<button><img src=\"x.png\"></button>')")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run()).violations.map(v => v.id)")
    assert "button-name" in found, json.dumps(found)


# Issue 18: at 375 px (the narrowest common phone) the pages a student reads on a phone, with the phone
# features working (jump list, SOP cards, diagram buttons, term links, scroll hints).
PHONE_AXE = {"home": "/", "task": "/modules/04-traffic/3-fission/", "sop": "/modules/02-positioning/1-planning/",
             "glossary": "/library/glossary/", "homework": homework_url("")}


@pytest.mark.parametrize("kind", PHONE_AXE)
def test_phone_pages_at_375px(browser: Browser, served_site: str, kind: str) -> None:
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    try:
        if kind == "homework":
            page.goto(served_site + PHONE_AXE[kind], wait_until="networkidle")
            page.wait_for_function("() => document.querySelectorAll('.ck-hw-item .ck-worksheet').length === 3")
        found = violations(page, served_site + PHONE_AXE[kind]) if kind != "homework" else violations_here(page)
    finally:
        ctx.close()
    assert found == [], kind


def test_phone_diagram_dialog_and_term_tip_pass_axe(browser: Browser, served_site: str) -> None:
    """The full-screen diagram and an open term tooltip, checked while they show."""
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    try:
        page.goto(served_site + PHONE_AXE["task"], wait_until="networkidle")
        page.locator("a.ck-term").first.tap()
        assert page.locator("#ck-tip").is_visible()
        tip = violations_here(page)
        page.locator("button.ck-diagram-open").first.tap()
        dialog = violations_here(page)
    finally:
        ctx.close()
    assert (tip, dialog) == ([], [])


PHONE_PAGES = {"sop": "/modules/02-positioning/1-planning/", "worksheet": "/modules/01-preparation/3-professional/",
               "homework": homework_url("")}
# Wide SOP tables scroll sideways on a phone; corner cells of matrices and labelled tables are headers too.
# Only the tables the templates draw: Markdown tables in the course text are the authors' (some have empty corners).
TABLES = [[".ck-field table"], [".ck-table-wrap"]]
PHONE_RULES = ["scrollable-region-focusable", "empty-table-header", "aria-allowed-role", "th-has-data-cells"]
EMPTY_HEADERS = """() => [...document.querySelectorAll('.ck-field table th, .ck-table-wrap th')]
  .filter(th => !th.textContent.trim()).length"""
WRAPS = """() => [...document.querySelectorAll('.ck-table-wrap')].map(w =>
  [w.tabIndex, w.getAttribute('role'), w.getAttribute('aria-label') || '', w.scrollWidth > w.clientWidth])"""


@pytest.mark.parametrize("kind", PHONE_PAGES)
def test_phone_width_tables_are_reachable_and_named(browser: Browser, served_site: str, kind: str) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    page.goto(served_site + PHONE_PAGES[kind], wait_until="networkidle")
    if kind == "homework":
        page.wait_for_function("() => document.querySelectorAll('.ck-hw-item .ck-worksheet').length === 3")
    wraps = page.evaluate(WRAPS)
    if kind == "sop":  # one card per step below 600 px: nothing scrolls sideways, the region keeps its name
        assert wraps and not any(scrolls for *_, scrolls in wraps)
    for tabindex, role, label, _ in wraps:
        assert (tabindex, role) == (0, "region") and label.endswith("：步骤表") and len(label) > 5, wraps
    assert page.evaluate(EMPTY_HEADERS) == 0
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async ([include, rules]) => (await axe.run({include}, {runOnly: rules})).violations",
                          [TABLES, PHONE_RULES])
    ctx.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == []  # "empty-table-header" is minor
