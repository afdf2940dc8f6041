"""The collector on hand-made files (no browser): readers, reasons, leftovers, formula safety, the command."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import FIXTURE, run
from coursekit.collect.read import Unreadable, read_file
from coursekit.collect.workbook import put, sheet_name


def _submission(**over) -> dict:
    data = {"format": "coursekit-submission", "formatVersion": 1, "worksheet": "all-fields", "version": "x",
            "student": {"name": "张三", "class": "一班", "number": "1"}, "answers": {"name": "小嘉农场"},
            "old": [], "saved": "2025-03-01T02:00:00.000Z"}
    data.update(over)
    return data


def _docx(path: Path, payload: str | None) -> Path:
    """A .docx shaped like the site's: a document part and (optionally) the custom XML part."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
        if payload is not None:
            z.writestr("customXml/item1.xml", '<ck:submission xmlns:ck="urn:coursekit:submission:1">'
                       + payload.replace("&", "&amp;").replace("<", "&lt;") + "</ck:submission>")
    return path


def test_docx_payload_reads_back_exactly(tmp_path: Path) -> None:
    text = "a\r\nb\u0001<c>&😀"
    sub = read_file(_docx(tmp_path / "a.docx", json.dumps(_submission(answers={"idea": text}))))[0]
    assert sub.answers == {"idea": text} and sub.student.cls == "一班" and sub.worksheet == "all-fields"


@pytest.mark.parametrize("name, content, reason", [
    ("a.txt", b"hi", "没有提交码"),
    ("a.pdf", b"hi", "不支持的文件类型"),
    ("b.docx", b"not a zip", "文件已损坏"),
    ("c.json", b"{oops", "JSON 文件已损坏"),
    ("d.json", b"[1, 2]", "格式不对"),
    ("e.json", b'{"format": "other"}', "不是本站导出的答案文件"),
    ("~$f.docx", b"", "临时文件"),
])
def test_unreadable_files_say_why(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(Unreadable, match=reason):
        read_file(path)


def test_docx_without_our_part_is_foreign(tmp_path: Path) -> None:
    with pytest.raises(Unreadable, match="不是本站“下载 Word”生成的文件"):
        read_file(_docx(tmp_path / "x.docx", None))
    with pytest.raises(Unreadable, match="答案数据已损坏"):
        read_file(_docx(tmp_path / "y.docx", "{broken"))
    with pytest.raises(Unreadable, match="格式不对"):
        read_file(_docx(tmp_path / "z.docx", json.dumps({"worksheet": 1})))


def test_backup_json_holds_one_submission_per_worksheet(tmp_path: Path) -> None:
    backup = {"format": "coursekit-answers", "formatVersion": 1, "exported": "2025-03-02T00:00:00Z",
              "student": {"name": "李四", "class": "二班", "number": "2"},
              "worksheets": {"all-fields": {"version": "v", "answers": {"name": "甲"}, "updated": "2025-03-01T00:00:00Z"},
                             "empty": {"version": "v", "answers": {}}}}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(backup, ensure_ascii=False), encoding="utf-8")
    subs = read_file(path)
    assert [(s.worksheet, s.student.name, s.saved) for s in subs] == [("all-fields", "李四", "2025-03-01T00:00:00Z")]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1"])
def test_formula_like_text_is_stored_as_text(tmp_path: Path, text: str) -> None:
    book = openpyxl.Workbook()
    put(book.active, 1, 1, text)
    put(book.active, 1, 2, "bad\x01char")
    book.save(tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx").active["A1"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").active["B1"].value == "bad\ufffdchar"


def test_sheet_names_are_legal_and_unique() -> None:
    taken: set[str] = set()
    a = sheet_name("表1-1 很长很长的工作单名称：包含/非法*字符?和[括号]以及更多更多更多的文字", taken)
    b = sheet_name("表1-1 很长很长的工作单名称：包含/非法*字符?和[括号]以及更多更多更多的文字", taken)
    assert len(a) <= 31 and len(b) <= 31 and a != b
    assert not set("[]:*?/\\") & set(a + b)


def test_answers_without_a_column_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    sub = _submission(answers={"name": "小嘉", "gone": "旧栏目答案", "checks": ["有群规", "已删除的项"]},
                      old=[{"field": "older", "label": "更早的栏目", "value": "更早的答案"}])
    (folder / "s.json").write_text(json.dumps(sub, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "g.xlsx"
    result = run("coursekit", "collect", folder, "-o", out, "--root", FIXTURE)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out)["表 1-1 全字段工作单"]
    row = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]]))
    assert row["社群名称"] == "小嘉" and row["自查·有群规"] == "✓"
    other = row["其他答案（旧版本或无对应栏目）"]
    assert "gone：旧栏目答案" in other and "已删除的项" in other and "更早的栏目（旧版本）：更早的答案" in other
    assert row["计划·第1行·步骤"] is None and "评价·活跃度" in row


def test_command_explains_empty_and_useless_folders(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("coursekit", "collect", empty, "-o", tmp_path / "g.xlsx", "--root", FIXTURE)
    assert result.returncode == 1 and "没有文件" in result.stderr and "Traceback" not in result.stderr
    (empty / "a.txt").write_text("x", encoding="utf-8")
    result = run("coursekit", "collect", empty, "-o", tmp_path / "g.xlsx", "--root", FIXTURE)
    assert result.returncode == 1 and "没有读到任何有效的提交" in result.stderr
    assert "a.txt: 已跳过" in result.stdout and not (tmp_path / "g.xlsx").exists()
    result = run("coursekit", "collect", tmp_path / "missing", "--root", FIXTURE)
    assert result.returncode == 2 and "does not exist" in result.stderr
