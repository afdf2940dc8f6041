"""Reading on a phone (issue 18, item 4), in Chromium at 390 × 844 (and 375 px): the jump list, SOP cards,
wide tables that say they scroll, diagrams full screen with pinch zoom, term tooltips, the home page's
guidance, 填写示例 before the fields. Built site: the student edition of the real course."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.build]

FISSION = "/modules/04-traffic/3-fission/"       # an SOP, two worksheets far down, three diagrams
WIDE = "/modules/01-preparation/2-definition-marketing/"  # Markdown tables wider than a phone
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield ctx.new_page()
    ctx.close()


def test_jump_list_is_on_the_first_screen_and_reaches_each_worksheet(phone: Page, served_site: str) -> None:
    phone.goto(served_site + FISSION, wait_until="networkidle")
    nav = phone.locator("nav.ck-jump")
    assert nav.bounding_box()["y"] + 40 < PHONE["height"]  # its first link shows without scrolling
    hrefs = nav.locator("a").evaluate_all("as => as.map(a => a.hash)")
    on_page = phone.evaluate("() => [...document.querySelectorAll('.ck-worksheet, .ck-sop, #selfcheck')].map(e => '#' + e.id)")
    assert hrefs == on_page and "#ws-fission-plan" in hrefs  # everything on the page, in its order
    nav.locator("a[href$='#ws-fission-plan']").tap()
    phone.wait_for_function("() => Math.abs(document.getElementById('ws-fission-plan').getBoundingClientRect().top) < 200")
    assert phone.url.endswith("#ws-fission-plan")


@pytest.mark.parametrize("width", [390, 375])
def test_sop_steps_are_cards_below_600px(browser: Browser, served_site: str, width: int) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    page.goto(served_site + FISSION, wait_until="networkidle")
    found = page.evaluate("""() => {
      const wrap = document.querySelector('.ck-sop .ck-table-wrap'), right = wrap.getBoundingClientRect().right;
      const rows = [...wrap.querySelectorAll('tbody tr')];
      return {display: getComputedStyle(rows[0]).display, scrolls: wrap.scrollWidth > wrap.clientWidth,
        cut: [...wrap.querySelectorAll('td')].filter(td => td.getBoundingClientRect().right > right + 1).length,
        labels: [...rows[0].querySelectorAll('td:not(:first-child)')].map(td =>
          getComputedStyle(td, '::before').content === JSON.stringify(td.dataset.label)),
        last: getComputedStyle(rows[0].lastElementChild).display, height: wrap.getBoundingClientRect().height};
    }""")
    ctx.close()
    assert found["display"] == "block" and not found["scrolls"] and found["cut"] == 0, found
    assert found["labels"] and all(found["labels"]) and found["last"] != "none"  # 产出 / 指标 shows
    assert found["height"] < 6000, found  # 10,281 px as a squeezed table


def test_sop_is_a_table_again_on_a_wide_screen(browser: Browser, served_site: str) -> None:
    ctx = browser.new_context(viewport={"width": 1000, "height": 800})
    page = ctx.new_page()
    page.goto(served_site + FISSION, wait_until="networkidle")
    shown = page.evaluate("() => [getComputedStyle(document.querySelector('.ck-sop-table tbody tr')).display,"
                          " getComputedStyle(document.querySelector('.ck-sop-table thead')).position]")
    ctx.close()
    assert shown == ["table-row", "static"]


def test_wide_tables_say_that_they_scroll(phone: Page, served_site: str) -> None:
    phone.goto(served_site + WIDE, wait_until="networkidle")
    wraps = phone.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap, .ck-table-wrap')].map(w => {
      const hint = w.previousElementSibling && w.previousElementSibling.classList.contains('ck-scroll-hint')
        ? w.previousElementSibling : null;
      return [w.scrollWidth > w.clientWidth + 1, !!hint && !hint.hidden && hint.getBoundingClientRect().height > 0,
              w.tabIndex, getComputedStyle(w).backgroundImage.includes('gradient')];
    })""")
    assert any(scrolls for scrolls, *_ in wraps)
    for scrolls, hint, tabindex, shadow in wraps:
        assert hint == scrolls and shadow, wraps
        if scrolls:
            assert tabindex == 0


def test_diagram_opens_full_screen_and_pinches(phone: Page, served_site: str) -> None:
    phone.goto(served_site + FISSION, wait_until="networkidle")
    box = phone.locator(".ck-diagram").nth(1)
    button = box.locator("button.ck-diagram-open")
    assert button.get_attribute("aria-label").startswith("全屏查看图 4-")
    inline = box.locator("svg").evaluate("s => 16 * s.getBoundingClientRect().width / s.viewBox.baseVal.width")
    button.tap()
    dialog = phone.locator("dialog.ck-zoom")
    assert dialog.evaluate("d => d.open") and dialog.locator(".ck-zoom-stage svg").count() == 1
    assert box.locator("svg").count() == 0 and phone.locator("[id^='ck-diagram-']").count() >= 1
    size = "() => 16 * document.querySelector('.ck-zoom-stage svg').getBoundingClientRect().width / " \
           "document.querySelector('.ck-zoom-stage svg').viewBox.baseVal.width"
    opened = phone.evaluate(size)
    assert inline < 6 and opened >= 12, (inline, opened)  # about 4 px on the page
    stage = phone.locator(".ck-zoom-stage").bounding_box()
    cx, cy = stage["x"] + stage["width"] / 2, stage["y"] + stage["height"] / 2
    cdp = phone.context.new_cdp_session(phone)
    def touch(kind: str, gap: float) -> None:
        points = [] if kind == "touchEnd" else [{"x": cx - gap, "y": cy, "id": 0}, {"x": cx + gap, "y": cy, "id": 1}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
    touch("touchStart", 40)
    for gap in (60, 80, 100, 120):
        touch("touchMove", gap)
    touch("touchEnd", 0)
    pinched = phone.evaluate(size)
    assert pinched > opened * 2, (opened, pinched)  # fingers 3× apart
    phone.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert box.locator("svg").count() == 1 and dialog.locator("svg").count() == 0
    assert box.locator("svg").evaluate("s => s.getBoundingClientRect().width") <= PHONE["width"]
    assert phone.evaluate("() => document.activeElement.classList.contains('ck-diagram-open')")


def test_diagram_zooms_from_the_keyboard(page: Page, served_site: str) -> None:
    page.goto(served_site + FISSION, wait_until="networkidle")
    button = page.locator("button.ck-diagram-open").first
    button.focus()
    page.keyboard.press("Enter")
    stage = page.locator(".ck-zoom-stage")
    assert page.evaluate("() => document.activeElement.classList.contains('ck-zoom-stage')")
    before = float(stage.get_attribute("data-scale"))
    page.keyboard.press("+")
    assert float(stage.get_attribute("data-scale")) > before
    page.keyboard.press("0")
    assert float(stage.get_attribute("data-scale")) == before
    page.locator("[data-zoom=close]").click()
    assert page.evaluate("() => document.activeElement") == button.element_handle().evaluate("b => b")


def test_term_shows_its_definition_on_tap_without_leaving(phone: Page, served_site: str) -> None:
    phone.goto(served_site + FISSION, wait_until="networkidle")
    term = phone.locator("a.ck-term").first
    definition = term.evaluate("a => a.nextElementSibling.textContent")
    described = term.evaluate("a => document.getElementById(a.getAttribute('aria-describedby')).textContent")
    assert definition and described == definition  # a screen reader reads it with the link
    term.scroll_into_view_if_needed()
    term.tap()
    tip = phone.locator("#ck-tip")
    assert tip.is_visible() and definition in tip.inner_text()
    assert phone.url == served_site + FISSION and term.get_attribute("aria-expanded") == "true"
    assert tip.locator("a").get_attribute("href") == term.get_attribute("href")  # the glossary, one tap further
    phone.keyboard.press("Escape")
    assert not tip.is_visible()


def test_term_shows_its_definition_on_hover_and_focus(page: Page, served_site: str) -> None:
    page.goto(served_site + FISSION, wait_until="networkidle")
    term = page.locator("a.ck-term").first
    term.hover()
    tip = page.locator("#ck-tip")
    tip.wait_for(state="visible")
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    term.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_home_page_guidance_fits_phones(phone: Page, served_site: str) -> None:
    phone.goto(served_site + "/", wait_until="networkidle")
    text = phone.locator("#how-to-use + ul").inner_text()
    assert "菜单按钮" in text and "顶部的标签页对应" not in text
    assert not phone.locator(".md-tabs").is_visible()  # why: material shows no tabs at this width
    assert phone.locator("label.md-header__button[for='__drawer']").is_visible()


def test_example_is_above_the_fields_and_the_toolbar_below(phone: Page, served_site: str) -> None:
    phone.goto(served_site + WIDE, wait_until="networkidle")
    order = phone.evaluate("""() => {
      const ws = [...document.querySelectorAll('.ck-worksheet')].find(w => w.querySelector('.ck-ws-example'));
      const y = sel => ws.querySelector(sel).getBoundingClientRect().top;
      const sets = ws.querySelectorAll('.ck-ws-section');
      return [y('.ck-ws-example') < y('.ck-ws-section'),
              ws.querySelector('.ck-ws-tools').getBoundingClientRect().top > sets[sets.length - 1].getBoundingClientRect().bottom];
    }""")
    assert order == [True, True]
