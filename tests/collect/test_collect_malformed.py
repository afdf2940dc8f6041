"""Malformed hand-ins never stop the run: every valid student is in the gradebook, every bad file is named."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from malformed import GBK_NAME, make_corpus, zip_bomb

from conftest import BIN, ENV, FIXTURE, run
from coursekit.collect.read import Unreadable, read_file

SHEET = "表 1-1 全字段工作单"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("malformed") / "in"
    return folder, make_corpus(folder)


def test_run_finishes_with_every_valid_student(corpus: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, bad = corpus
    out = tmp_path / "g.xlsx"
    result = run("coursekit", "collect", folder, "-o", out, "--root", FIXTURE)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET]
    head = [c.value for c in sheet[1]]
    assert len(head) < 16384
    rows = [dict(zip(head, r)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    numbers = sorted(str(r["学号"]) for r in rows if r["班级"] == "一班")
    assert numbers == sorted(["1", "2", "3", "4", "122", "6", "7", "8", "9", "10"]), numbers
    by = {str(r["学号"]): r for r in rows}
    assert by["3"]["姓名"] == "王\ufffd五" and by["3"]["社群名称"] == "有\ufffd控制符\ufffd"
    assert by["4"]["姓名"] == "赵\ufffd六" and by["4"]["社群名称"].startswith("\ufffd 孤立代理项")
    assert by["10"]["文件"] == "张三-gbk.json"
    for n in ("6", "7", "8"):
        assert "提交时间不详" in by[n]["核对提示"], n
    assert "100000 行" in by["9"]["核对提示"] and sum(h.startswith("计划·") for h in head) == 400
    # the wrong-typed hand-in is kept, with what could not be placed in 其他答案
    odd = [r for r in rows if r["班级"] != "一班"]
    assert [(r["班级"], r["学号"], r["姓名"]) for r in odd] == [(None, "11", None)]
    assert "idea：x" in odd[0]["其他答案（旧版本或无对应栏目）"] and odd[0]["社群名称"] is None
    assert "汇总 未填班级" in book.sheetnames
    problems = {r[0]: r[1] for r in book["问题文件"].iter_rows(min_row=2, values_only=True)}
    for name, reason in bad.items():
        assert reason in problems[name], (name, problems.get(name))
        assert f"  {name}: " in result.stdout and reason in result.stdout
    assert {"汇总 一班"} <= set(book.sheetnames)
    assert GBK_NAME not in result.stdout  # names are shown decoded, never with surrogate escapes


def test_zip_bomb_stays_within_memory(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    zip_bomb(folder / "bomb.docx", size=1024 * 1024 * 1024, claim=None)
    zip_bomb(folder / "bomb-false.docx", size=1024 * 1024 * 1024)
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(r.stdout)")
    result = subprocess.run([sys.executable, "-c", probe, str(BIN / "coursekit"), "collect", str(folder),
                             "-o", str(tmp_path / "g.xlsx"), "--root", str(FIXTURE)],
                            capture_output=True, text=True, env=ENV, timeout=120)
    code, kb = result.stdout.split()[:2]
    assert code == "1" and "bomb.docx: 已跳过" in result.stdout and "bomb-false.docx: 已跳过" in result.stdout
    assert int(kb) < 256 * 1024, f"{int(kb) // 1024} MB"


def test_many_parts_are_read_in_bounded_time(corpus: tuple[Path, dict[str, str]]) -> None:
    folder, _ = corpus
    start = time.monotonic()
    with pytest.raises(Unreadable):
        read_file(folder / "many-parts.docx")
    assert time.monotonic() - start < 2
