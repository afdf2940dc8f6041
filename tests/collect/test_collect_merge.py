"""A second run onto an earlier gradebook keeps every score and 评语 the teacher typed (collect/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from malformed import student, submission

from conftest import FIXTURE, run

SHEET = "表 1-1 全字段工作单"


def _write(folder: Path, name: str, data: dict) -> None:
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _rows(out: Path, name: str = SHEET) -> dict[str, dict]:
    sheet = openpyxl.load_workbook(out)[name]
    head = [c.value for c in sheet[1]]
    return {str(r[1]): dict(zip(head, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}


def test_second_run_keeps_what_the_teacher_typed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "1.json", submission())
    _write(folder, "2.json", submission(student=student("2", "李四"), answers={"name": "李四的群"}))
    _write(folder, "3.json", submission(student=student("3", "王五")))
    out = tmp_path / "g.xlsx"
    assert run("coursekit", "collect", folder, "-o", out, "--root", FIXTURE).returncode == 0
    # The teacher grades in Excel: scores, 评语, and moves sheets around (found again via _coursekit).
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET]
    head = [c.value for c in sheet[1]]
    col = {h: i + 1 for i, h in enumerate(head)}
    rows = {str(sheet.cell(r, 2).value): r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["1"], col["完整（满分 60）"], 50)
    sheet.cell(rows["1"], col["评语"], "写得具体")
    sheet.cell(rows["2"], col["具体（满分 40）"], 30)
    sheet.cell(rows["3"], col["评语"], "=不是公式")
    sheet.title = "老师改过名字"
    book["_coursekit"].cell(1, 1, "老师改过名字")
    book.move_sheet(sheet, -1)
    book.save(out)
    # More hand-ins: a new student, a newer version from 李四 (graded), 王五's file removed.
    _write(folder, "4.json", submission(student=student("04", "赵六")))
    _write(folder, "2b.json", submission(student=student("02", "李四"), answers={"name": "李四改过"},
                                         saved="2025-03-05T00:00:00Z"))
    (folder / "3.json").unlink()
    result = run("coursekit", "collect", folder, "-o", out, "--root", FIXTURE)
    assert result.returncode == 0, result.stderr
    got = _rows(out)
    assert sorted(got) == ["02", "04", "1", "3"]  # shown as the latest hand-in has them
    assert got["1"]["完整（满分 60）"] == 50 and got["1"]["评语"] == "写得具体" and got["1"]["核对提示"] is None
    assert got["02"]["具体（满分 40）"] == 30 and got["02"]["社群名称"] == "李四改过"
    assert "评分后又交了新版本，请复核" in got["02"]["核对提示"]
    assert got["3"]["评语"] == "=不是公式" and "原文件已不在文件夹中" in got["3"]["核对提示"]
    assert got["3"]["社群名称"] == "小嘉农场" and got["3"]["文件"] == "3.json"
    assert got["04"]["完整（满分 60）"] is None and got["04"]["核对提示"] is None
    assert got["1"]["总分（满分 100）"].startswith("=IF(COUNT(")
    summary = openpyxl.load_workbook(out)["汇总 一班"]
    assert [r[0] for r in summary.iter_rows(min_row=2, values_only=True)] == ["1", "02", "3", "04"]
    # A third run changes nothing the teacher typed.
    assert run("coursekit", "collect", folder, "-o", out, "--root", FIXTURE).returncode == 0
    again = _rows(out)
    assert again["1"]["评语"] == "写得具体" and again["3"]["评语"] == "=不是公式"
    assert "评分后又交了新版本" in again["02"]["核对提示"]  # still differs from what was graded


def test_not_ours_or_open_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "1.json", submission())
    foreign = tmp_path / "成绩.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "老师自己的表"
    book.save(foreign)
    before = foreign.read_bytes()
    result = run("coursekit", "collect", folder, "-o", foreign, "--root", FIXTURE)
    assert result.returncode == 1 and "不是 coursekit collect 生成的成绩表" in result.stderr
    assert "Traceback" not in result.stderr and foreign.read_bytes() == before
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    result = run("coursekit", "collect", folder, "-o", broken, "--root", FIXTURE)
    assert result.returncode == 1 and "不是能读取的 Excel 文件" in result.stderr
    ours = tmp_path / "g.xlsx"
    assert run("coursekit", "collect", folder, "-o", ours, "--root", FIXTURE).returncode == 0
    (tmp_path / "~$g.xlsx").write_bytes(b"lock")
    before = ours.read_bytes()
    result = run("coursekit", "collect", folder, "-o", ours, "--root", FIXTURE)
    assert result.returncode == 1 and "正在 Excel/WPS 中打开" in result.stderr and ours.read_bytes() == before
    assert not (tmp_path / "g.xlsx.tmp").exists()
