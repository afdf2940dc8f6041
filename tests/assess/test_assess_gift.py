"""题库-GIFT.txt parsed back by a real GIFT parser (gift-pegjs 1.0.2, tests/vendor/) in Chromium."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import Page

from coursekit.registry import load

from conftest import ROOT

from .qbank import HOSTILE, ITEMS

pytestmark = pytest.mark.browser
PARSER = ROOT / "tests" / "vendor" / "gift-parser-globals.js"


@pytest.fixture
def parsed(page: Page, exported) -> list[dict]:
    _, out = exported
    page.set_content("<!doctype html><title>gift</title>")
    page.add_script_tag(path=str(PARSER))
    result: list[dict] = page.evaluate("src => giftParser.parse(src)", (out / "题库-GIFT.txt").read_text(encoding="utf-8"))
    return result


def text(node: dict | None) -> str:
    """A parsed text as the reader sees it: HTML format, entities and <br> undone."""
    assert node is not None and node["format"] == "html", node
    return html.unescape(re.sub(r"<br>", "\n", node["text"])).strip()


def test_every_item_comes_back_with_its_type_answers_and_feedback(parsed) -> None:
    assert [q["title"] for q in parsed if q["type"] == "Category"] == ["$course$/top/项目 1　第一个项目/任务 1　第一课"]
    items = [q for q in parsed if q["type"] != "Category"]
    assert [q["title"] for q in items] == [f"01-1-{i['id']}" for i in ITEMS]
    assert [q["type"] for q in items] == ["MC", "MC", "TF", "TF", "Short", "Short", "Essay", "Essay"]
    single, multiple, true, false, one, two, short, case = items
    assert text(single["stem"]) == HOSTILE + " 哪一项对（　）"
    assert [(text(c["text"]), c["isCorrect"]) for c in single["choices"]] == [
        ("+1 加号开头", False), ("@某人 at 开头", True), ("-1 减号开头", False), ("100% 对", False)]
    assert [text(c["feedback"]) for c in single["choices"] if not c["isCorrect"]] == ["错因 A #1", "错因 C {x}", "错因 D ~y"]
    assert text(single["globalFeedback"]) == "解析里也有 = < > & { } ~ # : 这些字符。"
    assert [c["weight"] for c in multiple["choices"]] == [50, -50, 50, -50]
    assert text(multiple["choices"][1]["feedback"]) == "人数不是关键。"
    assert (true["isTrue"], false["isTrue"]) == (True, False)
    assert text(true["trueFeedback"]) == "没有互动的群只是名单。"  # Moodle shows the first one after a wrong answer
    assert text(true["globalFeedback"]) == "没有互动的群只是名单。"
    assert [text(c["text"]) for c in one["choices"]] == ["目标", "兴趣=爱好"]
    assert text(one["stem"]) == "社群成员因为共同的 _____ 聚在一起 {x}。"
    assert [text(c["text"]) for c in two["choices"]] == ["信任；互动", "信任；交流"]
    assert "（1）" in text(two["stem"]) and "（2）" in text(two["stem"])
    assert "参考答案：先想清楚为谁服务。" in text(short["globalFeedback"])
    assert "说出服务对象（3 分）" in text(short["globalFeedback"])
    assert "老带新" in text(case["globalFeedback"])


def test_the_real_bank_parses_whole(page: Page, tmp_path) -> None:
    from .qbank import export
    out = tmp_path / "out"
    result = export(ROOT, out)
    assert result.exit_code == 0, result.output
    page.set_content("<!doctype html><title>gift</title>")
    page.add_script_tag(path=str(PARSER))
    counts = page.evaluate("src => giftParser.parse(src).reduce((c, q) => (c[q.type] = (c[q.type] || 0) + 1, c), {})",
                           (out / "题库-GIFT.txt").read_text(encoding="utf-8"))
    banks = load(ROOT).records["questions"].values()
    assert sum(v for k, v in counts.items() if k != "Category") == sum(len(b.items) for b in banks)
    assert counts["Category"] == len(banks)
