"""axe-core on one page of each type, in both editions: no serious or critical violation.

Stock material fails colour contrast (inactive nav tabs, footer) and gives its
search dialog no accessible name; docs/assets/stylesheets/course.css and
overrides/partials/search.html fix them. axe is vendored at tests/vendor/.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from conftest import ROOT

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
