"""题库-学习通.xlsx read back with openpyxl: headers from the mapping, one row per item, 判断 A/B, no formulas."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import yaml

from coursekit.assess.mapping import default_path

from .qbank import HOSTILE, ITEMS, TYPES

HEADERS = ["目录", "题目类型", "大题题干", "小题题型", "小题题干", "正确答案", "答案解析", "难易度", "知识点", "标签", "选项数",
           *[f"选项{c}" for c in "ABCDEFGH"]]


def rows(out: Path) -> tuple[list[str], list[dict[str, object]]]:
    ws = openpyxl.load_workbook(out / "题库-学习通.xlsx").active
    values = list(ws.iter_rows(values_only=True))
    header = [str(v) for v in values[0]]
    return header, [dict(zip(header, row)) for row in values[1:]]


def test_the_headers_come_from_the_mapping_file_and_there_is_one_row_per_item(exported) -> None:
    course, out = exported
    mapping = yaml.safe_load(default_path(course).read_text(encoding="utf-8"))
    header, found = rows(out)
    assert header == [c["header"] for c in mapping["columns"]] == HEADERS
    assert [r["题目类型"] for r in found] == [TYPES[q["type"]] for q in ITEMS]
    assert {r["目录"] for r in found} == {"/项目 1　第一个项目/任务 1　第一课"}
    assert {r["难易度"] for r in found} <= {"易", "中", "难"}


def test_each_type_is_written_as_xuexitong_reads_it(exported) -> None:
    _, out = exported
    by_stem = {str(r["大题题干"]): r for r in rows(out)[1]}
    single = by_stem[HOSTILE + " 哪一项对（　）"]
    assert (single["正确答案"], single["选项数"], single["选项B"], single["选项E"]) == ("B", 4, "@某人 at 开头", None)
    assert single["知识点"] == "任务一　第一课"  # the heading's text, not its id ("task")
    assert "错因 A #1" in str(single["答案解析"]) and "错因 D ~y" in str(single["答案解析"])
    assert single["标签"] == "课后自测;知识;01-1-q01"
    assert by_stem["下列哪些是社群的特征（　）"]["正确答案"] == "AC"
    true, false = by_stem["社群成员之间需要持续互动。"], by_stem["建了群就一定是社群。"]
    assert (true["正确答案"], true["选项数"], true["选项A"], true["选项B"]) == ("A", 2, "正确", "错误")
    assert false["正确答案"] == "B"
    two = by_stem["社群靠____和____维系。"]
    assert (two["选项数"], two["选项A"], two["选项B"], two["正确答案"]) == (2, "信任", "互动;交流", None)
    assert by_stem["社群成员因为共同的____聚在一起 {x}。"]["选项A"] == "目标;兴趣=爱好"
    short = by_stem["说说为什么要先定位再建群。"]
    assert short["正确答案"] == "先想清楚为谁服务。" and "评分要点：说出服务对象（3 分）；说出理由（2 分）" in str(short["答案解析"])


def test_no_cell_is_a_formula_and_hostile_text_round_trips(exported) -> None:
    _, out = exported
    ws = openpyxl.load_workbook(out / "题库-学习通.xlsx").active
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    starts = {c.value for c in cells if str(c.value).startswith(("=", "+", "-", "@"))}
    assert {HOSTILE + " 哪一项对（　）", "+1 加号开头", "@某人 at 开头", "-1 减号开头"} <= starts
    assert all(c.quotePrefix for c in cells if str(c.value).startswith(("=", "+", "-", "@")))


def test_a_teacher_edits_the_mapping_to_match_another_template(tmp_path: Path, exported) -> None:
    course, _ = exported
    from .qbank import export
    mapping = tmp_path / "other.yml"
    mapping.write_text("sheet: 试题\njudge_options: [对, 错]\ncolumns:\n  - {header: 题型, value: type}\n"
                       "  - {header: 试题内容, value: stem}\n  - {header: 答案, value: answer}\n"
                       "  - {header: A, value: option_a}\n  - {header: B, value: option_b}\n"
                       "  - {header: C, value: option_c}\n  - {header: D, value: option_d}\n", encoding="utf-8")
    result = export(course, tmp_path / "out", "--mapping", str(mapping))
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(tmp_path / "out" / "题库-学习通.xlsx")
    ws = wb["试题"]
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == ("题型", "试题内容", "答案", "A", "B", "C", "D")
    assert ("判断题", "社群成员之间需要持续互动。", "A", "对", "错", None, None) in values
