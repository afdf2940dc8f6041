"""Who is the same student and which hand-in counts (collect/README.md): through the whole command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
from malformed import student, submission

from conftest import FIXTURE, run

SHEET = "表 1-1 全字段工作单"


def _write(folder: Path, name: str, data: dict, mtime: float | None = None) -> None:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))


def _rows(out: Path) -> list[dict]:
    sheet = openpyxl.load_workbook(out)[SHEET]
    head = [c.value for c in sheet[1]]
    return [dict(zip(head, r)) for r in sheet.iter_rows(min_row=2, values_only=True)]


def test_identity_link_class_and_real_instants(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # The same student four ways; the latest (as a real instant) is the "+08:00" one: 12:30+08:00 = 04:30Z,
    # which sorts *before* "2025-03-01T04:00:00Z" as a string but is half an hour later.
    _write(folder, "a.json", submission(student=student("011", "张 三", cls="电商 2301"),
                                        answers={"name": "第一版"}, saved="2025-03-01T04:00:00Z"), mtime=2e9)
    _write(folder, "b.json", submission(student=student("11", "张三", cls="电商２３０１"),
                                        answers={"name": "最新版"}, saved="2025-03-01T12:30:00+08:00"), mtime=1.7e9)
    _write(folder, "c.json", submission(student=student("０１１", "张三", cls="ds"),
                                        assignment={"class": "电商2301", "due": "2025-03-09"},
                                        answers={"name": "旧版"}, saved="2025-03-01T03:00:00.000Z"))
    # Unknown time loses to any known time even with a newer file.
    _write(folder, "d.json", submission(student=student("11", "张三", cls="电商2301"),
                                        answers={"name": "时间不详"}, saved="not a time"), mtime=2.1e9)
    # Case-insensitive class and number; name key when no number.
    _write(folder, "e.json", submission(student=student("A01", "李四", cls="DS01"), saved="2025-03-01T00:00:00Z"))
    _write(folder, "f.json", submission(student=student("a01", "李四", cls="ds01"), answers={"name": "后交"},
                                        saved="2025-03-02T00:00:00Z"))
    _write(folder, "g.json", submission(student=student("", "王 五"), saved="2025-03-01T00:00:00Z"))
    _write(folder, "h.json", submission(student=student(" ", "王五"), answers={"name": "王五后交"},
                                        saved="2025-03-03T00:00:00Z"))
    out = tmp_path / "g.xlsx"
    result = run("coursekit", "collect", folder, "-o", out, "--root", FIXTURE)
    assert result.returncode == 0, result.stderr
    rows = {(r["班级"], r["学号"] or r["姓名"]): r for r in _rows(out)}
    assert sorted(rows) == [("ds01", "a01"), ("一班", "王五"), ("电商2301", "11")]
    assert rows[("电商2301", "11")]["社群名称"] == "最新版" and rows[("电商2301", "11")]["文件"] == "b.json"
    assert rows[("电商2301", "11")]["姓名"] == "张三"
    assert rows[("ds01", "a01")]["社群名称"] == "后交" and rows[("一班", "王五")]["社群名称"] == "王五后交"
    assert result.stdout.count("重复提交") == 5
    book = openpyxl.load_workbook(out)
    assert [n for n in book.sheetnames if n.startswith("汇总")] == ["汇总 ds01", "汇总 一班", "汇总 电商2301"]
