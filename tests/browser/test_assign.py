"""作业布置 → share link / QR code → the homework page, in a real Chromium; and axe-core on both pages."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from worksheet_browser import axe_violations, homework_url, new_context, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.build]

NOTE = "周五课前提交\n用“下载 Word”交到班级群"


@pytest.fixture(params=["desktop", "phone"])
def page(request: pytest.FixtureRequest, browser: Browser) -> Page:
    ctx = new_context(browser, request.param)
    yield ctx.new_page()
    ctx.close()


def _visible_items(page: Page) -> list[str]:
    return page.eval_on_selector_all(".ck-hw-item:not([hidden])", "els => els.map(e => e.dataset.hwItem)")


def test_assignment_link_round_trip(page: Page, served_site: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{served_site}/assign/")
    form = page.locator("form.ck-assign")
    page.get_by_label("按项目筛选").select_option("04-traffic")
    expect(form.locator('.ck-assign-group[data-project="01-preparation"]')).to_be_hidden()
    form.get_by_label("引流诱饵设计单").check()
    page.get_by_label("按项目筛选").select_option("")
    form.get_by_label("社群运营人才 SWOT 分析表").check()
    page.get_by_label("班级").fill("电商2301")
    page.get_by_label("截止日期").fill("2025-03-07")
    page.get_by_label("给学生的说明").fill(NOTE)
    page.get_by_role("button", name="生成作业链接").click()
    link = page.get_by_label("作业链接", exact=True)
    url = link.input_value()
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path == "/homework/"
    assert query == {"w": ["swot-talent,lead-magnet-design"], "c": ["电商2301"], "d": ["2025-03-07"], "n": [NOTE]}
    qr = page.locator("img.ck-assign-qr")
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/")
    assert qr.evaluate("img => img.naturalWidth") > 100
    assert any(u.endswith("/assets/vendor/qrcode-generator/qrcode.js") for u in requests)
    assert [u for u in requests if not u.startswith(served_site)] == []

    page.goto(url)  # what a student sees
    expect(page.locator(".ck-hw-head")).to_be_visible()
    expect(page.locator('[data-hw="class"]')).to_have_text("电商2301")
    expect(page.locator('[data-hw="due"]')).to_have_text("2025-03-07")
    expect(page.locator('[data-hw="note"]')).to_have_text(NOTE)
    assert _visible_items(page) == ["swot-talent", "lead-magnet-design"]
    worksheet(page, "swot-talent")
    worksheet(page, "lead-magnet-design")
    expect(page.locator(".ck-hw-empty")).to_be_hidden()

    page.goto(url.replace("/homework/", "/assign/"))  # the same link reopens the form, filled in
    expect(page.get_by_label("班级")).to_have_value("电商2301")
    expect(page.get_by_label("给学生的说明")).to_have_value(NOTE)
    checked = page.eval_on_selector_all('input[name="w"]:checked', "els => els.map(e => e.value)")
    assert sorted(checked) == ["lead-magnet-design", "swot-talent"]


def test_form_without_scripts_makes_a_working_link(browser: Browser, served_site: str) -> None:
    """The form is a plain GET form: with scripts off it still produces the link (repeated w=)."""
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{served_site}/assign/")
    page.get_by_label("社群运营人才 SWOT 分析表").check()
    page.get_by_label("引流诱饵设计单").check()
    page.get_by_label("班级").fill("电商2302")
    page.get_by_role("button", name="生成作业链接").click()
    page.wait_for_url("**/homework/**")
    url = page.url
    ctx.close()
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url)
    assert sorted(_visible_items(page)) == ["lead-magnet-design", "swot-talent"]
    expect(page.locator('[data-hw="class"]')).to_have_text("电商2302")
    ctx.close()


def test_empty_or_unknown_assignments_say_so(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/assign/")
    page.get_by_role("button", name="生成作业链接").click()
    expect(page.get_by_role("alert")).to_contain_text("请至少勾选一张工作单")
    page.goto(f"{served_site}/homework/")
    expect(page.locator(".ck-hw-empty")).to_be_visible()
    page.goto(f"{served_site}/homework/?w=swot-talent,no-such-sheet")
    expect(page.locator('[data-hw="missing"]')).to_contain_text("no-such-sheet")
    assert _visible_items(page) == ["swot-talent"]


def test_homework_loads_each_worksheet_from_its_task_page(page: Page, served_site: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.resource_type == "fetch" else None)
    page.goto(homework_url(served_site))
    for ws_id in ("swot-talent", "lead-magnet-design", "persona-compare"):
        ws = worksheet(page, ws_id)
        # links inside the worksheet were written for its task page: they must still lead somewhere real
        for href in ws.locator("a[href]").evaluate_all("els => els.map(a => a.href)"):
            assert href.startswith(served_site), href
            assert page.request.get(href.split("#")[0]).ok, href
    pages = [u for u in fetched if "/modules/" in u]
    assert len(pages) == len(set(pages)) >= 2  # one request per task page, none repeated
    assert _visible_items(page) == ["swot-talent", "lead-magnet-design", "persona-compare"]
    expect(page.locator(".ck-hw-loaded a").first).to_have_text("在任务页中打开这张工作单")


def test_homework_says_so_when_a_task_page_cannot_load(page: Page, served_site: str) -> None:
    page.route("**/modules/**", lambda route: route.abort())
    page.goto(homework_url(served_site, ("swot-talent",)))
    expect(page.get_by_role("alert")).to_contain_text("没能载入")
    expect(page.get_by_role("alert")).to_contain_text("到任务页上填写")
    link = page.locator('.ck-hw-item[data-hw-item="swot-talent"] a')
    assert "/modules/" in link.get_attribute("href") and link.get_attribute("href").endswith("#ws-swot-talent")


def test_student_build_assignment_pages_carry_no_teacher_text(student_site) -> None:
    for page in ("assign/index.html", "homework/index.html"):
        html = (student_site / page).read_text(encoding="utf-8")
        for text in ("参考答案与指导", "评分标准", "ck-teacher-only", "教学建议"):
            assert text not in html, (page, text)


@pytest.mark.parametrize("path, scope", [
    ("/assign/", "form.ck-assign"),
    ("/modules/01-preparation/3-professional/", ".ck-worksheet"),
    (homework_url("", ("lead-magnet-design", "persona-compare")), ".ck-homework"),
])
def test_no_serious_accessibility_violations(page: Page, served_site: str, path: str, scope: str) -> None:
    """axe-core on our own components (material's chrome has known issues handled elsewhere)."""
    page.goto(served_site + path)
    page.locator(scope).first.wait_for()
    if "assign" in path:
        page.get_by_label("社群运营人才 SWOT 分析表").check()
        page.get_by_role("button", name="生成作业链接").click()
        expect(page.locator("img.ck-assign-qr")).to_be_visible()
    else:
        page.locator(".ck-enhanced").first.wait_for()
    violations = axe_violations(page, scope)
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_student_edition_links_stay_on_its_own_homework_page(page: Page, served_site: str, student_site) -> None:
    """Only the teacher edition sends links elsewhere: a remembered student-site address changes nothing here."""
    page.goto(f"{served_site}/assign/")
    page.evaluate("() => localStorage.setItem('ck:student-site', 'https://example.invalid/shequn/')")
    page.reload()
    expect(page.locator("#ck-assign-site")).to_have_count(0)
    page.get_by_label("社群运营人才 SWOT 分析表").check()
    page.get_by_role("button", name="生成作业链接").click()
    assert page.get_by_label("作业链接", exact=True).input_value() == f"{served_site}/homework/?w=swot-talent"
    page.goto(f"{served_site}/modules/01-preparation/3-professional/?w=swot-talent")  # not forwarded anywhere
    worksheet(page, "swot-talent")
    assert page.url.startswith(served_site)
    assert "CK.editions" not in (student_site / "homework" / "index.html").read_text(encoding="utf-8")
