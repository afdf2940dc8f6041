"""Homework links made on the teacher edition open the student edition: real builds, two local servers, Chromium.

The teacher edition is built with STUDENT_SITE_URL pointing at the served student build; a second, unconfigured
teacher build (the session ``teacher_site``) asks the teacher for the address.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, Response, expect

from conftest import ENV, ROOT, build, teacher_fragments
from coursekit.localserver import serve
from coursekit.registry import load
from worksheet_browser import HOMEWORK, axe_violations, homework_url, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.build]

TASK = "/modules/01-preparation/3-professional/"  # a task page with a worksheet (answers in the teacher edition)
LABELS = ("社群运营人才 SWOT 分析表", "引流诱饵设计单")


@pytest.fixture(scope="module")
def fragments() -> list[str]:
    found = teacher_fragments(load(ROOT), pages=True)
    assert len(found) > 100
    return found


@pytest.fixture(scope="module")
def linked_teacher(served_site: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The teacher edition built with STUDENT_SITE_URL=<the served student site>, served; yields its URL."""
    out: Path = tmp_path_factory.mktemp("site-teacher-linked")
    result = build("mkdocs.teacher.yml", out, env={**ENV, "STUDENT_SITE_URL": served_site + "/"})
    assert result.returncode == 0, result.stderr
    with serve(out) as url:
        yield url


class Recorder:
    """Every request and every HTML response body a page receives."""

    def __init__(self, page: Page) -> None:
        self.requests: list[tuple[str, str]] = []
        self.html: list[tuple[str, str]] = []
        page.on("request", lambda r: self.requests.append((r.resource_type, r.url)))
        page.on("response", self._response)

    def _response(self, r: Response) -> None:
        if "text/html" in (r.headers.get("content-type") or ""):
            try:
                self.html.append((r.url, r.text()))
            except Exception:  # noqa: BLE001 - a document replaced before its body arrived has no text
                self.html.append((r.url, ""))


def leaked(page: Page, fragments: list[str], html: list[tuple[str, str]]) -> list[str]:
    """Teacher-only sentences visible in the page or present in any of ``html`` (URL, body)."""
    text = page.locator("body").inner_text()
    found = [f for f in fragments if f in text]
    found += [f"{url}: {f}" for url, body in html for f in fragments if f in body]
    return found


def test_fragments_are_found_on_a_teacher_page(page: Page, linked_teacher: str, fragments: list[str]) -> None:
    """The leak check itself works: a teacher task page opened normally shows teacher text and stays put."""
    page.goto(linked_teacher + TASK)
    worksheet(page, "swot-talent")
    assert page.url == linked_teacher + TASK
    assert leaked(page, fragments, [])


def test_teacher_assign_makes_student_links(page: Page, linked_teacher: str, served_site: str,
                                            fragments: list[str]) -> None:
    page.goto(linked_teacher + "/assign/")
    expect(page.locator('[data-assign="target"]')).to_contain_text(served_site + "/")
    expect(page.locator('[data-assign="unset"]')).to_be_hidden()
    for ws_id in HOMEWORK:
        page.locator(f'input[name="w"][value="{ws_id}"]').check()
    page.get_by_label("班级").fill("电商2301")
    page.get_by_role("button", name="生成作业链接").click()
    url = page.get_by_label("作业链接", exact=True).input_value()
    assert url.startswith(served_site + "/homework/?"), url
    query = parse_qs(urlsplit(url).query)
    assert sorted(query.pop("w")[0].split(",")) == sorted(HOMEWORK) and query == {"c": ["电商2301"]}
    assert page.get_by_role("link", name="预览").get_attribute("href") == url

    seen = Recorder(page)
    page.goto(url)  # what a student sees
    for ws_id in HOMEWORK:
        worksheet(page, ws_id)
    assert urlsplit(page.url).netloc == urlsplit(served_site).netloc
    assert [u for _, u in seen.requests if not u.startswith(served_site)] == []
    assert len([u for u, _ in seen.html if "/modules/" in u]) >= 2  # the task pages the worksheets came from
    assert leaked(page, fragments, seen.html) == []


@pytest.mark.parametrize("path", ["/homework/", TASK])
def test_teacher_page_with_homework_query_forwards(page: Page, linked_teacher: str, served_site: str,
                                                  fragments: list[str], path: str) -> None:
    seen = Recorder(page)
    page.goto(f"{linked_teacher}{path}?w={','.join(HOMEWORK)}&c=电商2301#top")
    page.wait_for_url(f"{served_site}{path}?w=*")
    assert urlsplit(page.url).fragment == "top"
    assert parse_qs(urlsplit(page.url).query) == {"w": [",".join(HOMEWORK)], "c": ["电商2301"]}
    if path == "/homework/":
        for ws_id in HOMEWORK:
            worksheet(page, ws_id)
    else:
        worksheet(page, "swot-talent")
    teacher = [(kind, u) for kind, u in seen.requests if u.startswith(linked_teacher)]
    # only the document that was opened; nothing fetched from the teacher edition, least of all a task page
    assert [u for kind, u in teacher if kind == "document"] == [teacher[0][1]]
    assert [u for kind, u in teacher if kind in ("fetch", "xhr")] == []
    assert [u for kind, u in teacher if "/modules/" in u and u != teacher[0][1]] == []
    student_html = [(u, body) for u, body in seen.html if u.startswith(served_site)]
    assert leaked(page, fragments, student_html) == []


def test_teacher_homework_page_has_no_worksheets(linked_teacher: str, page: Page) -> None:
    seen = Recorder(page)
    page.goto(linked_teacher + "/homework/")
    expect(page.locator(".ck-hw-teacher")).to_contain_text("作业链接打开的是学生版网站")
    assert page.locator(".ck-worksheet, .ck-hw-item, article a[href*='modules/']").count() == 0
    assert [u for kind, u in seen.requests if kind in ("fetch", "xhr") and "/modules/" in u] == []


def test_unconfigured_teacher_edition_asks_for_the_address(page: Page, served_teacher_site: str, served_site: str,
                                                           fragments: list[str]) -> None:
    teacher = served_teacher_site
    seen = Recorder(page)
    page.goto(homework_url(teacher) + "#ck=CK1.x")  # a student opening a link made before the fix
    expect(page.get_by_role("alert")).to_contain_text("请告诉老师")
    assert page.url.startswith(teacher)
    assert leaked(page, fragments, []) == []
    assert [u for kind, u in seen.requests if kind in ("fetch", "xhr")] == []
    page.goto(f"{teacher}{TASK}?w=swot-talent")
    expect(page.get_by_role("alert")).to_contain_text("请告诉老师")
    assert leaked(page, fragments, []) == []
    assert page.locator(".ck-worksheet").count() == 0

    page.goto(teacher + "/assign/")
    expect(page.locator('[data-assign="unset"]')).to_contain_text("STUDENT_SITE_URL")
    for label in LABELS:
        page.get_by_label(label).check()
    page.get_by_role("button", name="生成作业链接").click()
    expect(page.locator(".ck-assign-out")).to_contain_text("请先在上面填写学生版网站的网址")
    assert page.locator(".ck-assign-link").count() == 0
    field = page.get_by_label("学生版网址")
    for bad, why in (("ftp://example.edu.cn/", "http://"), ("example.edu.cn/shequn", "http://"),
                     (teacher + "/", "教师版自己的网址"), (teacher + "/assign/", "教师版自己的网址")):
        field.fill(bad)
        page.get_by_role("button", name="使用这个网址").click()
        expect(page.locator('[data-assign="site-msg"]')).to_contain_text(why)
        page.get_by_role("button", name="生成作业链接").click()
        assert page.locator(".ck-assign-link").count() == 0, bad
    field.fill(served_site)  # without the trailing slash
    page.get_by_role("button", name="生成作业链接").click()
    url = page.get_by_label("作业链接", exact=True).input_value()
    assert url == f"{served_site}/homework/?w=swot-talent%2Clead-magnet-design"

    page.reload()  # remembered in this browser
    expect(page.get_by_label("学生版网址")).to_have_value(served_site + "/")
    page.get_by_label(LABELS[0]).check()
    page.get_by_role("button", name="生成作业链接").click()
    assert page.get_by_label("作业链接", exact=True).input_value().startswith(served_site + "/homework/?w=swot-talent")


@pytest.mark.parametrize("edition", ["unconfigured", "linked"])
def test_teacher_assign_page_accessible(page: Page, served_teacher_site: str, linked_teacher: str, served_site: str,
                                        edition: str) -> None:
    """axe-core on the teacher form: the address notice and field, then a link made for the student edition."""
    page.goto((served_teacher_site if edition == "unconfigured" else linked_teacher) + "/assign/")
    page.get_by_label(LABELS[0]).check()
    if edition == "unconfigured":
        page.get_by_role("button", name="生成作业链接").click()
        page.get_by_label("学生版网址").fill("ftp://x")
        page.get_by_role("button", name="使用这个网址").click()
        expect(page.locator('[data-assign="site-msg"]')).to_contain_text("http://")
    else:
        page.get_by_role("button", name="生成作业链接").click()
        expect(page.locator("img.ck-assign-qr")).to_be_visible()
    violations = axe_violations(page, "form.ck-assign")
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
