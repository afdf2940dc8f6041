"""The story bible, data/story.yml, against every page and record of the running case that quotes it.

Each test scans the task pages and the data records (worksheets, SOPs, cases, glossary,
question bank) for one kind of fact and names file:line where a page disagrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from coursekit.models import Story

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("sops", "cases", "worksheets", "glossary", "questions")


@pytest.fixture(scope="module")
def story() -> Story:
    return Story.model_validate(yaml.safe_load((ROOT / "data" / "story.yml").read_text(encoding="utf-8")))


def _files() -> list[Path]:
    pages = sorted((ROOT / "docs").rglob("*.md"))  # task pages, the teacher guide, the closing page
    return pages + [p for folder in FOLDERS for p in sorted((ROOT / "data" / folder).glob("*.yml"))]


def _hits(pattern: str) -> Iterator[tuple[str, str]]:
    """(file:line, first non-empty group) for every match of ``pattern`` in the course's text."""
    rx = re.compile(pattern)
    for path in _files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in rx.finditer(line):
                value = next(g for g in m.groups() if g is not None)
                yield f"{path.relative_to(ROOT)}:{number}", value


def _price(value: float) -> str:
    return f"{value:g}"


def _wrong(pattern: str, allowed: set[str]) -> list[str]:
    return [f"{where}: {value}" for where, value in _hits(pattern) if value not in allowed]


def test_bible_is_complete(story: Story) -> None:
    projects = [m.project for m in story.timeline]
    assert sorted(set(projects)) == [f"0{n}-{s}" for n, s in enumerate(
        ("preparation", "positioning", "content", "traffic", "engagement", "conversion"), 1)]
    assert projects == sorted(projects), "the timeline runs from 项目 1 to 项目 6"
    assert len({p.id for p in story.products}) == len(story.products)
    family = story.product("family-box").price
    assert story.product("member-day").price < family
    assert story.product("member-day").price > family - 10, "at a 10 元 margin the member-day price must stay above cost"
    assert story.product("egg-card").price < 4 * family


def test_thirty_egg_box_has_one_price(story: Story) -> None:
    """Every '30 枚装（家庭装）… N 元' is the daily price."""
    allowed = {_price(story.product("family-box").price)}
    assert _wrong(r"30 枚(?:装|家庭装)土?(?:鸡蛋)?(?:日常价|的日常价是|[（(]|\s)*(\d+(?:\.\d+)?) 元", allowed) == []


def test_member_day_price(story: Story) -> None:
    allowed = {_price(story.product("member-day").price)}
    assert _wrong(r"会员日(?:专享)?价\s*(\d+(?:\.\d+)?) 元", allowed) == []


def test_egg_card_price(story: Story) -> None:
    card, family = story.product("egg-card").price, story.product("family-box").price
    assert _wrong(r"月卡[^。\n]{0,30}?共 (\d+) 元|\*\*价格\*\*：(\d+) 元", {_price(card)}) == []
    assert _wrong(r"单买 (\d+) 元|购买 4 盒（(\d+) 元）", {_price(4 * family)}) == []


def test_trial_box_price(story: Story) -> None:
    trial = story.product("trial-box")
    assert _wrong(r"(\d+(?:\.\d+)?) 元(?:尝鲜|的尝鲜)|尝鲜装\s*(\d+(?:\.\d+)?) 元", {_price(trial.price)}) == []
    assert _wrong(r"(\d+) 枚(?:尝鲜装|体验装)", {str(trial.eggs)}) == []


def test_points_exchange(story: Story) -> None:
    assert _wrong(r"(\d+) 分(?:可|能)?兑?换", {str(story.points.exchange["points"])}) == []


def test_daily_report_time(story: Story) -> None:
    """A line naming the 社群日报 with a clock time names the bible's time."""
    hour, minute = story.routines.daily_report.split(":")
    allowed = {f"{hour}:{minute}", f"{int(hour):02d}:{minute}", f"{hour} 点半"}
    wrong = [f"{where}: {value}" for where, value in _hits(r"((?:\d{1,2}[:：]\d{2})|(?:\d{1,2} 点半)).{0,20}日报")
             if value not in allowed]
    assert wrong == []


def test_qr_codes_are_dated_in_project_4(story: Story) -> None:
    months = {m.removesuffix(" 月") for m in story.months("04-traffic")}
    assert _wrong(r"_(\d+) 月", months) == []


@pytest.mark.parametrize("phrase", ["女儿", "员工小周", "天热了", "春日亲子采蛋日", "1 元尝鲜", "新人试吃装"])
def test_retired_story_facts(phrase: str) -> None:
    """Versions of the story the bible dropped (see the comments in data/story.yml)."""
    assert [where for where, _ in _hits(f"({re.escape(phrase)})")] == []


def test_membership_ladder(story: Story) -> None:
    """A 'X 会员' rung named on a page is one of the bible's membership rungs."""
    rungs = set(story.ladders.membership)
    assert _wrong(r"((?:鲜蛋|银卡|金卡|铜卡|年卡|钻石|黄金|白银|普通)会员)", rungs) == []


def _industry_boxes() -> Iterator[tuple[str, str]]:
    """(file:line, body) of every 行业观察 box on the task pages."""
    for path in sorted((ROOT / "docs" / "modules").rglob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if line.startswith("!!! industry"):
                body = []
                for nxt in lines[number:]:
                    if nxt and not nxt.startswith("    "):
                        break
                    body.append(nxt)
                yield f"{path.relative_to(ROOT)}:{number}", "\n".join(body)


def test_industry_boxes_carry_a_dated_fact() -> None:
    """Each 行业观察 box names at least one year (a statute's edition, a rule, a published work), not just '越来越…'."""
    boxes = list(_industry_boxes())
    assert len(boxes) >= 10
    assert [where for where, body in boxes if not re.search(r"(?:19|20)\d{2} 年", body)] == []
