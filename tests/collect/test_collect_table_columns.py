"""Table answers after a middle column was removed from the worksheet: every cell stays under its own header.

The fixture's 计划 table has columns [步骤, 负责人]; the hand-ins below were made when it was
[步骤, 时间, 负责人]. Files are written to disk and read back with the collector's reader.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURE
from coursekit.collect.columns import columns, leftovers
from coursekit.collect.read import read_file
from coursekit.models.worksheet import Worksheet

OLD_HEADS = ["步骤", "时间", "负责人"]


@pytest.fixture(scope="module")
def ws() -> Worksheet:
    return Worksheet.model_validate(yaml.safe_load(
        (FIXTURE / "data" / "worksheets" / "all-fields.yml").read_text(encoding="utf-8")))


def _backup(tmp_path: Path, plan: Any, heads: list[str] | None) -> Path:
    """A 备份全部答案 file as the site writes it, the record optionally carrying its table header list."""
    record: dict[str, Any] = {"version": "old", "answers": {"name": "小嘉农场", "plan": plan}, "labels": {},
                              "old": [], "updated": "2025-03-01T02:00:00.000Z"}
    if heads is not None:
        record["columns"] = {"plan": heads}
    data = {"format": "coursekit-answers", "formatVersion": 1, "exported": "2025-03-01T02:00:00.000Z",
            "student": {"name": "张三", "class": "一班", "number": "1"}, "worksheets": {"all-fields": record}}
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _row(ws: Worksheet, path: Path) -> dict[str, Any]:
    sub = read_file(path)[0]
    row: dict[str, Any] = {c.header: c.get(sub.answers) for c in columns(ws, [sub])}
    row["其他"] = leftovers(ws, sub) or ""
    return row


def test_positional_rows_with_a_header_list_move_to_their_headers(ws: Worksheet, tmp_path: Path) -> None:
    row = _row(ws, _backup(tmp_path, [["拉群", "周一", "小王"], ["发券", "周三", "小李"]], OLD_HEADS))
    assert row["计划·第1行·步骤"] == "拉群" and row["计划·第1行·负责人"] == "小王"
    assert row["计划·第2行·步骤"] == "发券" and row["计划·第2行·负责人"] == "小李"
    assert "周一" in row["其他"] and "周三" in row["其他"]  # the removed column's cells stay visible


def test_rows_keyed_by_header_survive_a_removed_column(ws: Worksheet, tmp_path: Path) -> None:
    plan = [{"步骤": "拉群", "时间": "周一", "负责人": "小王"}]
    row = _row(ws, _backup(tmp_path, plan, None))
    assert row["计划·第1行·步骤"] == "拉群" and row["计划·第1行·负责人"] == "小王"
    assert "周一" in row["其他"]


def test_positional_rows_of_another_width_without_headers_are_kept_not_shifted(ws: Worksheet,
                                                                               tmp_path: Path) -> None:
    row = _row(ws, _backup(tmp_path, [["拉群", "周一", "小王"]], None))
    assert row["计划·第1行·负责人"] != "周一"
    assert all(v in row["其他"] for v in ("拉群", "周一", "小王"))


def test_positional_rows_of_the_same_width_map_by_position(ws: Worksheet, tmp_path: Path) -> None:
    row = _row(ws, _backup(tmp_path, [["拉群", "小王"]], None))
    assert row["计划·第1行·步骤"] == "拉群" and row["计划·第1行·负责人"] == "小王"
    assert row["其他"] == ""


def test_word_hand_in_with_its_header_list_moves_cells_to_their_headers(ws: Worksheet, tmp_path: Path) -> None:
    """The answers embedded in a .docx by 下载 Word carry the table's headers as well."""
    payload = {"format": "coursekit-submission", "formatVersion": 1, "worksheet": "all-fields", "version": "old",
               "student": {"name": "张三", "class": "一班", "number": "1"}, "old": [], "saved": "",
               "answers": {"plan": [["拉群", "周一", "小王"]]}, "columns": {"plan": OLD_HEADS}}
    text = json.dumps(payload, ensure_ascii=False).replace("&", "&amp;").replace("<", "&lt;")
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
        z.writestr("customXml/item1.xml", f'<ck:submission xmlns:ck="urn:coursekit:submission:1">{text}</ck:submission>')
    row = _row(ws, path)
    assert row["计划·第1行·步骤"] == "拉群" and row["计划·第1行·负责人"] == "小王"
    assert "周一" in row["其他"]
