"""navigation.prune: a page carries its own project's pages and only a link to each other project.

Material otherwise repeats the whole nav in every page, so output would grow with the square of the
course size (bench/site.py measures it at 1×, 10× and 30×).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def primary_nav(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary')
    return html[start:html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def test_lesson_nav_holds_its_project_and_links_to_the_others(student_site: Path) -> None:
    nav = primary_nav(student_site / "modules" / "04-traffic" / "3-fission" / "index.html")
    hrefs = set(re.findall(r'href="([^"]+)"', nav))
    assert {"../1-preparation/", "../2-channels/"} <= hrefs  # its own project's tasks
    assert "../../01-preparation/" in hrefs and "../../06-conversion/" in hrefs  # other projects: one link each
    assert not [h for h in hrefs if re.match(r"\.\./\.\./0[1-356]-[a-z]+/\d", h)]  # none of their tasks


def test_every_page_is_still_reachable_from_the_nav_of_its_project_page(student_site: Path) -> None:
    for project in sorted((student_site / "modules").iterdir()):
        nav = primary_nav(project / "index.html")
        tasks = [p.name for p in project.iterdir() if p.is_dir()]
        for task in tasks:
            assert f'href="{task}/"' in nav, f"{project.name}/{task} is not in its project's nav"
