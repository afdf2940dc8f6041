"""The 课后自测 on a real task page of the built student site, and the 题库 filters of the teacher edition.

Right and wrong answers, 解析 and why the chosen option is wrong, the score, 重做, a reload, two tabs,
storage full, WeChat on a phone, the keyboard alone, axe, and paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from coursekit.registry import load

from conftest import ROOT
from test_accessibility import violations
from test_wechat import WECHAT_UA

pytestmark = [pytest.mark.browser, pytest.mark.build]

LESSON = "/modules/01-preparation/1-know-community/"
KEY = "ck:quiz:01-1"
BANK = {q.id: q for q in load(ROOT).records["questions"]["01-1"].items if q.selfcheck}


def first(kind: str) -> Any:
    """The first self-check item of 01-1 of a type."""
    return next(q for q in BANK.values() if q.type == kind)


def wrong_letter(q: Any) -> str:
    return next(letter for letter in q.why_wrong)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


def open_quiz(page: Page, url: str) -> Locator:
    page.goto(url + LESSON)
    quiz = page.locator(".ck-quiz[data-quiz='01-1']")
    expect(quiz).to_have_class(lambda_has("ck-enhanced"))
    return quiz


def lambda_has(cls: str) -> Any:
    import re
    return re.compile(rf"(^|\s){re.escape(cls)}(\s|$)")


def item(quiz: Locator, qid: str) -> Locator:
    return quiz.locator(f".ck-quiz-item[data-item='{qid}']")


def choose(it: Locator, *values: str) -> None:
    for value in values:
        it.locator(f"input[value='{value}']").check()


def test_right_and_wrong_answers_feedback_score_retry_and_reload(context: BrowserContext, served_site: str) -> None:
    page = context.new_page()
    quiz = open_quiz(page, served_site)
    assert quiz.locator(".ck-quiz-item").count() == len(BANK) == 8
    expect(quiz.locator(".ck-quiz-feedback").first).to_be_hidden()
    single = first("single")
    right = item(quiz, single.id)
    choose(right, single.answer)
    right.get_by_role("button", name="提交").click()
    expect(right.locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    expect(right.locator(".ck-quiz-analysis")).to_contain_text(single.analysis[:20])
    expect(right.get_by_role("button", name="提交")).to_be_hidden()

    other = [q for q in BANK.values() if q.type == "single"][1]
    wrong = item(quiz, other.id)
    letter = wrong_letter(other)
    choose(wrong, letter)
    wrong.get_by_role("button", name="提交").click()
    expect(wrong.locator(".ck-quiz-verdict")).to_have_text("✗ 回答错误")
    expect(wrong.locator(".ck-quiz-key")).to_contain_text(f"正确答案：{other.answer}")
    expect(wrong.locator(".ck-quiz-analysis")).to_be_visible()
    why = wrong.locator(".ck-quiz-why li:visible")
    expect(why).to_have_count(1)  # only the option the reader chose
    expect(why).to_contain_text(other.why_wrong[letter][:15])
    expect(quiz.locator(".ck-quiz-score")).to_have_text("已提交 2 / 8 题，答对 1 题")

    page.reload()
    quiz = open_quiz(page, served_site)
    expect(item(quiz, other.id).locator(".ck-quiz-verdict")).to_have_text("✗ 回答错误")
    expect(item(quiz, other.id).locator(f"input[value='{letter}']")).to_be_checked()
    expect(item(quiz, single.id).locator(".ck-quiz-analysis")).to_be_visible()
    expect(quiz.locator(".ck-quiz-score")).to_have_text("已提交 2 / 8 题，答对 1 题")

    item(quiz, other.id).get_by_role("button", name="重做本题").click()
    expect(item(quiz, other.id).locator(".ck-quiz-feedback")).to_be_hidden()
    expect(item(quiz, other.id).locator(f"input[value='{letter}']")).not_to_be_checked()
    expect(quiz.locator(".ck-quiz-score")).to_have_text("已提交 1 / 8 题，答对 1 题")
    page.reload()
    quiz = open_quiz(page, served_site)
    expect(item(quiz, other.id).get_by_role("button", name="提交")).to_be_visible()
    page.once("dialog", lambda d: d.accept())
    quiz.get_by_role("button", name="全部重做").click()
    expect(quiz.locator(".ck-quiz-score")).to_have_text("已提交 0 / 8 题，答对 0 题")
    assert page.evaluate(f"() => JSON.parse(localStorage.getItem('{KEY}')).answers") == {}


def test_every_type_is_checked_and_the_score_counts_all(context: BrowserContext, served_site: str) -> None:
    page = context.new_page()
    quiz = open_quiz(page, served_site)
    multiple, judge, blank = first("multiple"), first("judge"), first("blank")
    it = item(quiz, multiple.id)
    choose(it, multiple.answer[0])  # one right letter only: wrong, and the missed ones are named
    it.get_by_role("button", name="提交").click()
    expect(it.locator(".ck-quiz-verdict")).to_contain_text("✗ 回答错误（漏选 ")
    it = item(quiz, judge.id)
    it.get_by_label("正确" if judge.answer else "错误", exact=True).check()
    it.get_by_role("button", name="提交").click()
    expect(it.locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    it = item(quiz, blank.id)
    it.get_by_role("button", name="提交").click()  # nothing typed: asked to answer first
    expect(it.locator(".ck-quiz-verdict")).to_have_text("请先填写答案再提交")
    it.get_by_label("第 1 空").fill(" " + blank.answer[0][-1] + " ")  # any accepted answer, spaces ignored
    it.get_by_label("第 1 空").press("Enter")
    expect(it.locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    for q in BANK.values():
        it = item(quiz, q.id)
        if it.get_by_role("button", name="提交").is_hidden():
            continue
        choose(it, *q.answer)  # the singles and the other multiple, right
        it.get_by_role("button", name="提交").click()
    expect(quiz.locator(".ck-quiz-score")).to_have_text("全部提交：答对 7 / 8 题，得分 88 分")


def test_a_draft_answer_survives_a_reload_before_it_is_submitted(context: BrowserContext, served_site: str) -> None:
    page = context.new_page()
    quiz = open_quiz(page, served_site)
    blank = first("blank")
    item(quiz, blank.id).get_by_label("第 1 空").fill("还没想好")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}') || '').includes('还没想好')")
    page.reload()
    quiz = open_quiz(page, served_site)
    expect(item(quiz, blank.id).get_by_label("第 1 空")).to_have_value("还没想好")
    expect(item(quiz, blank.id).locator(".ck-quiz-feedback")).to_be_hidden()


def test_two_tabs_share_results_per_item(context: BrowserContext, served_site: str) -> None:
    one, two = context.new_page(), context.new_page()
    a, b = open_quiz(one, served_site), open_quiz(two, served_site)
    q1, q2 = list(BANK.values())[:2]
    choose(item(a, q1.id), q1.answer)
    item(a, q1.id).get_by_role("button", name="提交").click()
    expect(item(b, q1.id).locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")  # shown without a reload
    choose(item(b, q2.id), q2.answer)
    item(b, q2.id).get_by_role("button", name="提交").click()
    expect(item(a, q2.id).locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    one.reload()
    a = open_quiz(one, served_site)
    expect(a.locator(".ck-quiz-score")).to_have_text("已提交 2 / 8 题，答对 2 题")


def test_storage_full_shows_the_warning_and_the_quiz_still_works(context: BrowserContext, served_site: str) -> None:
    context.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); };""")
    page = context.new_page()
    quiz = open_quiz(page, served_site)
    warning = quiz.locator(".ck-quiz-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("存储空间已满")
    q = first("single")
    choose(item(quiz, q.id), q.answer)
    item(quiz, q.id).get_by_role("button", name="提交").click()
    expect(item(quiz, q.id).locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    expect(warning).to_contain_text("自测答案和结果暂时没有保存")


def test_wechat_on_a_phone(browser: Browser, served_site: str) -> None:
    ctx = browser.new_context(user_agent=WECHAT_UA, locale="zh-CN", viewport={"width": 390, "height": 844},
                              is_mobile=True, has_touch=True, device_scale_factor=2)
    page = ctx.new_page()
    quiz = open_quiz(page, served_site)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # nothing sideways
    q = first("single")
    it = item(quiz, q.id)
    it.locator(".ck-quiz-option").nth(3).scroll_into_view_if_needed()
    it.locator(".ck-quiz-option").filter(has=page.locator(f"input[value='{q.answer}']")).tap()
    it.get_by_role("button", name="提交").tap()
    expect(it.locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '.ck-quiz-option, .ck-quiz .ck-btn:not([hidden]), .ck-quiz-blank input')]
        .map(e => e.getBoundingClientRect()).map(r => [r.width, r.height])""")
    assert len(sizes) > 30 and all(w >= 44 and h >= 44 for w, h in sizes)  # every tap target at least 44 px
    ctx.close()


def test_keyboard_only(context: BrowserContext, served_site: str) -> None:
    page = context.new_page()
    quiz = open_quiz(page, served_site)
    q = first("single")
    it = item(quiz, q.id)
    it.locator("input").first.focus()
    letters = [i.get_attribute("value") for i in it.locator("input").all()]
    for _ in range(letters.index(q.answer)):
        page.keyboard.press("ArrowDown")  # radios: arrows move and choose
    expect(it.locator(f"input[value='{q.answer}']")).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "提交"
    page.keyboard.press("Enter")
    expect(it.locator(".ck-quiz-verdict")).to_have_text("✓ 回答正确")
    assert page.evaluate("() => document.activeElement.textContent") == "重做本题"  # focus is not lost
    page.keyboard.press("Space")
    expect(it.locator(".ck-quiz-feedback")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.name") == f"01-1-{q.id}"


def test_axe_on_the_answered_quiz(context: BrowserContext, served_site: str) -> None:
    page = context.new_page()
    quiz = open_quiz(page, served_site)
    for q, good in zip(list(BANK.values())[:2], (True, False)):
        choose(item(quiz, q.id), q.answer if good else wrong_letter(q))
        item(quiz, q.id).get_by_role("button", name="提交").click()
    expect(quiz.locator(".ck-quiz-wrong")).to_have_count(1)
    assert violations(page, page.url) == []


def test_print_hides_feedback_and_keeps_lines_to_write_on(context: BrowserContext, served_site: str) -> None:
    page = context.new_page()
    quiz = open_quiz(page, served_site)
    q = first("single")
    choose(item(quiz, q.id), q.answer)
    item(quiz, q.id).get_by_role("button", name="提交").click()
    page.emulate_media(media="print")
    expect(item(quiz, q.id).locator(".ck-quiz-feedback")).to_be_hidden()
    expect(quiz.locator(".ck-quiz-actions").first).to_be_hidden()
    expect(quiz.locator(".ck-quiz-score")).to_be_hidden()
    line = item(quiz, first("blank").id).get_by_label("第 1 空")
    expect(line).to_be_visible()
    assert line.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"


def test_teacher_bank_filters(browser: Browser, served_teacher_site: str) -> None:
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(served_teacher_site + "/library/questions/")
    filters = page.locator(".ck-qbank-filters")
    total = page.locator(".ck-qbank-item").count()
    expect(filters.locator(".ck-qbank-count")).to_have_text(f"共 {total} 题")
    filters.get_by_label("题型").select_option("judge")
    shown = page.locator(".ck-qbank-item:visible")
    assert shown.count() > 17 and {e.get_attribute("data-type") for e in shown.all()} == {"judge"}
    filters.get_by_label("难度").select_option("难")
    assert {e.get_attribute("data-difficulty") for e in page.locator(".ck-qbank-item:visible").all()} == {"难"}
    filters.get_by_label("题型").select_option("")
    filters.get_by_label("难度").select_option("")
    point = filters.get_by_label("知识点")
    value = point.locator("option").nth(1).get_attribute("value")
    point.select_option(value)
    task, heading = value.split(" ")
    visible = page.locator(".ck-qbank-item:visible").all()
    assert visible and all(e.get_attribute("data-point") == heading and e.get_attribute("id").startswith(task)
                           for e in visible)
    point.select_option("")
    filters.get_by_label("包含文字").fill("邓巴")
    visible = page.locator(".ck-qbank-item:visible").all()
    assert visible and all("邓巴" in e.text_content() for e in visible)
    expect(filters.locator(".ck-qbank-count")).to_have_text(f"显示 {len(visible)} / {total} 题")
    assert violations(page, page.url) == []
    ctx.close()

