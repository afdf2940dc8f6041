"""授课计划 computed from front matter and the macros each task page calls."""

from __future__ import annotations

from coursekit.handouts.schedule import PERIOD, build_schedule, hours
from coursekit.registry import load

from conftest import FIXTURE, ROOT


def test_fixture_schedule() -> None:
    schedule = build_schedule(load(FIXTURE))
    assert [p.slug for p in schedule.projects] == ["01-alpha", "02-beta"]
    (row,) = schedule.rows
    assert (row.teaching, row.practice, row.minutes) == (45, 30, 75)
    assert [w.id for w in row.records["worksheets"]] == ["all-fields"]
    assert [s.id for s in row.records["sops"]] == ["daily"]
    assert [c.id for c in row.records["cases"]] == ["made-up"]
    # 01-alpha's hours come from its page (75 minutes); 02-beta has no page yet: its planned 2 学时
    assert [p.hours for p in schedule.projects] == [hours(75), 2]
    assert schedule.planned_hours == hours(75 + 2 * PERIOD) and schedule.total_minutes == 75
    assert schedule.total_cells()[:6] == ["合计", "1 个任务", 45, 30, 75, hours(75)]


def test_hours_are_45_minute_periods() -> None:
    assert PERIOD == 45
    assert hours(90) == 2 and isinstance(hours(90), int)
    assert hours(100) == 2.2


def test_real_schedule_matches_every_task_page() -> None:
    reg = load(ROOT)
    schedule = build_schedule(reg)
    assert len(schedule.rows) == len(reg.lessons)
    assert schedule.total_minutes == sum(le.minutes.total for le in reg.lessons.values())
    embedded = {r.id for row in schedule.rows for r in row.records["worksheets"]}
    calls = {arg for path in reg.lessons for name, arg, _ in reg.pages[path].calls if name == "worksheet"}
    assert embedded == calls & set(reg.records["worksheets"])
