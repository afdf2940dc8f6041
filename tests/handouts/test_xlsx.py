"""SOP and schedule workbooks read back with openpyxl: cells equal the data, print setup for A4."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from coursekit.handouts.schedule import build_schedule
from coursekit.plaintext import plain
from coursekit.handouts.xlsx import write_sop_xlsx
from coursekit.registry import load

from conftest import FIXTURE


@pytest.fixture(scope="module")
def sop_sheet(fixture_pack):
    return openpyxl.load_workbook(fixture_pack[0] / "01-alpha/sops/daily.xlsx").active


def test_sop_rows_equal_the_steps(sop_sheet) -> None:
    sop = load(FIXTURE).get("sops", "daily")
    rows = list(sop_sheet.iter_rows(values_only=True))
    assert rows[0][0] == sop.title
    assert rows[1][0] == "项目1　第一个项目　·　频次：每日"
    assert rows[2][0] == "适用范围：适用于新建的福利群。"
    assert list(rows[3]) == ["序号", "时间 / 阶段", "角色", "动作", "话术模板", "工具", "产出 / 指标"]
    for i, step in enumerate(sop.steps):
        expected = [i + 1, step.when, step.role, plain(step.action), step.script or None, step.tool or None,
                    plain(step.output)]
        assert list(rows[4 + i]) == expected
    flat = [v for row in rows for v in row if v]
    assert "1. 不刷屏" in flat and "资料来源：《测试课件》" in flat


def test_sop_sheet_prints_on_a4_landscape_one_page_wide(sop_sheet) -> None:
    ws = sop_sheet
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert [ws.column_dimensions[c].width for c in "ABCDEFG"] == [6, 14, 12, 40, 40, 16, 26]
    assert ws["D5"].alignment.wrap_text and ws["D4"].font.b
    assert ws.row_dimensions[5].height >= 15


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    reg = load(FIXTURE)
    sop = reg.get("sops", "daily")
    steps = [{**sop.steps[0].model_dump(), "action": "=HYPERLINK(\"http://x\")", "script": "+86 电话", "tool": "@群主"},
             *[s.model_dump() for s in sop.steps[1:]]]
    evil = type(sop)(**{**sop.model_dump(), "steps": steps})
    write_sop_xlsx(reg, evil, tmp_path / "evil.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "evil.xlsx").active
    for ref, value in (("D5", '=HYPERLINK("http://x")'), ("E5", "+86 电话"), ("F5", "@群主")):
        assert ws[ref].value == value and ws[ref].data_type == "s" and ws[ref].quotePrefix, ref


def test_schedule_rows_equal_the_front_matter(fixture_pack) -> None:
    wb = openpyxl.load_workbook(fixture_pack[0] / "schedule.xlsx")
    ws = wb["授课计划"]
    schedule = build_schedule(load(FIXTURE))
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert list(rows[0]) == schedule.headers
    assert [list(r) for r in rows[1:-1]] == [[v if v != "" else None for v in r.cells()] for r in schedule.rows]
    assert rows[1][2:6] == (45, 30, 75, pytest.approx(1.7))
    assert rows[-1][0] == "合计" and rows[-1][4] == 75 and rows[-1][5] == pytest.approx(1.7)
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3"
    hours = list(wb["项目学时"].iter_rows(values_only=True))
    assert hours[0] == ("项目", "任务数", "分钟", "学时")
    assert hours[1:] == [("项目1　第一个项目", 1, 75, pytest.approx(1.7)), ("项目2　第二个项目", 0, None, 2),
                         ("合计", 1, None, pytest.approx(3.7))]
