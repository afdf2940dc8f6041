"""`coursekit collect` on hand-ins made by the real site (Chromium) plus junk → the exact gradebook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from handins import SWOT_ZHANG, Handins, copy_handins, make_handins

from conftest import ROOT, run  # tests/conftest.py
from coursekit.collect.columns import OTHER
from coursekit.collect.read import read_file
from coursekit.collect.workbook import IDENTITY, when
from coursekit.registry import load

pytestmark = [pytest.mark.browser, pytest.mark.build]

ORDER = ["swot-talent", "persona-compare", "lead-magnet-design"]  # course order: projects 1, 2, 4


def _title(ws) -> str:
    """A worksheet's name in the gradebook: label and title."""
    return f"{ws.label} {ws.title}".strip()


def _headers(ws) -> list[str]:
    """The header row the gradebook must have, derived from the schema independently of the collector."""
    out = list(IDENTITY)
    for f in ws.fields():
        if f.kind in ("text", "textarea"):
            out.append(f.label)
        elif f.kind == "matrix":
            out += [f"{f.label}·{q.label}" for q in f.quadrants]
        elif f.kind == "table":
            rows = f.row_labels or [f"第{i + 1}行" for i in range(5 if f.id == "candidates" else f.rows)]
            out += [f"{f.label}·{r}·{c}" for r in rows for c in f.columns]
        else:
            out += [f"{f.label}·{item}" for item in f.items]
    out += [OTHER, "核对提示"]
    out += [f"{c.name}（满分 {c.points}）" for c in ws.rubric.criteria] + [f"总分（满分 {ws.rubric.total}）", "评语"]
    return out


def _cells(ws, answers: dict) -> dict[str, object]:
    """Header → expected value for what a student typed (every other answer cell is empty)."""
    out: dict[str, object] = {}
    for f in ws.fields():
        v = answers.get(f.id)
        if v is None:
            continue
        if f.kind in ("text", "textarea"):
            out[f.label] = v
        elif f.kind == "matrix":
            out.update({f"{f.label}·{q.label}": v[q.id] for q in f.quadrants if q.id in v})
        elif f.kind == "table":
            labels = f.row_labels or [f"第{i + 1}行" for i in range(len(v))]
            out.update({f"{f.label}·{labels[r]}·{c}": cell for r, row in enumerate(v)
                        for c, cell in zip(f.columns, row) if cell})
        elif f.kind == "checklist":
            out.update({f"{f.label}·{item}": "✓" for item in v})
        else:
            out.update({f"{f.label}·{item}": n for item, n in v.items()})
    return out


@pytest.fixture(scope="module")
def handins(browser, served_site: str, tmp_path_factory: pytest.TempPathFactory) -> Handins:
    """Hand-ins made by the real site in Chromium (下载 Word, 备份全部答案), plus junk files."""
    return make_handins(browser, served_site, tmp_path_factory.mktemp("handins"))


@pytest.fixture
def handin_copy(handins: Handins, tmp_path: Path) -> Handins:
    """A private copy of the hand-ins, safe to add to."""
    return copy_handins(handins, tmp_path / "handins")


@pytest.fixture(scope="module")
def gradebook(handins, tmp_path_factory):
    out = tmp_path_factory.mktemp("gradebook") / "gradebook.xlsx"
    result = run("coursekit", "collect", handins.folder, "-o", out, "--root", ROOT)
    assert result.returncode == 0, result.stderr
    return openpyxl.load_workbook(out), result.stdout


def test_sheets_and_report(handins, gradebook) -> None:
    book, stdout = gradebook
    reg = load(ROOT)
    names = [_title(reg.get("worksheets", i))[:31] for i in ORDER]
    assert book.sheetnames == ["汇总 电商2301", "汇总 电商2302", *names, "问题文件", "_coursekit"]
    meta = book["_coursekit"]
    assert meta.sheet_state == "hidden"
    assert [list(r) for r in meta.iter_rows(values_only=True)] == [[n, i] for n, i in zip(names, ORDER)]
    assert "读取 10 个文件：4 份有效提交，3 张工作单，3 名学生。" in stdout
    assert "已写入" in stdout


def test_problems_are_listed_with_reasons(handins, gradebook) -> None:
    book, stdout = gradebook
    rows = [r for r in book["问题文件"].iter_rows(min_row=2, values_only=True)]
    expected = {
        handins.files["older"]: "重复提交：电商2301 01 张三 的“swot-talent”以较新的 " + handins.files["zhang-swot"],
        handins.files["li-backup"]: "重复提交：电商2301 02 李四 的“swot-talent”以较新的 " + handins.files["li-swot"],
        "说明.txt": "已跳过：文本文件里没有提交码",
        "损坏.docx": "已跳过：文件已损坏",
        "自己写的.docx": "已跳过：不是本站“下载 Word”生成的文件",
        "别的课.json": "已跳过：工作单“not-in-this-course”不是本课程的工作单",
    }
    assert sorted(r[0] for r in rows) == sorted(expected)
    for name, what in rows:
        assert what.startswith(expected[name]), (name, what)
        assert f"  {name}: {what}" in stdout


@pytest.mark.parametrize("ws_id", ORDER)
def test_each_worksheet_sheet_holds_exactly_what_was_typed(handins, gradebook, ws_id: str) -> None:
    book, _ = gradebook
    ws = load(ROOT).get("worksheets", ws_id)
    sheet = book[_title(ws)[:31]]
    rows = list(sheet.iter_rows(values_only=True))
    headers = _headers(ws)
    assert list(rows[0]) == headers
    students = sorted((num, answers) for (num, wid), answers in handins.typed.items() if wid == ws_id)
    assert len(rows) == 1 + len(students)
    first_score = headers.index(OTHER) + 2
    for r, (num, answers) in enumerate(students, start=2):
        row = dict(zip(headers, rows[r - 1]))
        files = {k: v for k, v in handins.files.items() if "backup" not in k and k != "older"}
        sub = next(s for f in [*files.values(), handins.files.get("wang-backup", "")] if f
                   for s in read_file(handins.folder / f) if s.worksheet == ws_id and s.student.number == num)
        assert [row["班级"], row["学号"], row["姓名"]] == [sub.student.cls, num, sub.student.name]
        assert row["提交时间"] == when(sub.saved)
        assert row["文件"] == sub.source.name
        expected = _cells(ws, answers)
        for h in headers[len(IDENTITY):first_score]:
            assert row[h] == expected.get(h), (num, h)
        assert row["核对提示"] is None
        assert all(v is None for v in rows[r - 1][first_score:-2])  # score columns wait for the teacher
        assert row["评语"] is None
        span = f"{_col(first_score + 1)}{r}:{_col(len(headers) - 2)}{r}"
        assert row[headers[-2]] == f'=IF(COUNT({span})=0,"",SUM({span}))'


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(n)


def test_answers_that_look_like_formulas_stay_text(gradebook) -> None:
    book, _ = gradebook
    reg = load(ROOT)
    ws = reg.get("worksheets", "swot-talent")
    sheet = book[_title(ws)[:31]]
    texts = {"=SUM(A1:A9)", "+86 每天练习", "-减号开头的机会", "@全体成员 提前准备"}
    found = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value in texts]
    assert len(found) == 4
    for cell in found:
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    for name in book.sheetnames:  # the only formulas are the gradebook's own
        for row in book[name].iter_rows(min_row=2):
            for c in row:
                if c.data_type == "f":
                    assert c.value.startswith(("=IF(COUNT(", "=IF('", "=SUM('")), (name, c.coordinate, c.value)


def test_summary_per_class(gradebook) -> None:
    book, _ = gradebook
    reg = load(ROOT)
    titles = [_title(reg.get("worksheets", i)) for i in ORDER]
    one = list(book["汇总 电商2301"].iter_rows(values_only=True))
    assert list(one[0]) == ["学号", "姓名", *titles, "已交份数", "总分合计"]
    assert [r[:2] for r in one[1:]] == [("01", "张三"), ("02", "李四")]
    assert one[1][3] == "未交" and one[1][5] == 2 and one[2][3:6] == ("未交", "未交", 1)
    swot_sheet = titles[0][:31]
    total = f"'{swot_sheet}'!{_col(len(_headers(reg.get('worksheets', 'swot-talent'))) - 1)}2"
    assert one[1][2] == f"=IF({total}=\"\",\"已交\",{total})"
    lead = f"'{titles[2][:31]}'!{_col(len(_headers(reg.get('worksheets', 'lead-magnet-design'))) - 1)}2"
    assert one[1][6] == f"=SUM({total},{lead})"
    two = list(book["汇总 电商2302"].iter_rows(values_only=True))
    assert [r[:2] for r in two[1:]] == [("03", "王五")]
    assert two[1][2] == "未交" and two[1][3].startswith("=IF('") and two[1][4] == "未交" and two[1][5] == 1


def test_rubric_score_columns_accept_only_0_to_max(gradebook) -> None:
    book, _ = gradebook
    ws = load(ROOT).get("worksheets", "swot-talent")
    sheet = book[_title(ws)[:31]]
    limits = sorted(int(dv.formula2) for dv in sheet.data_validations.dataValidation)
    assert limits == sorted(c.points for c in ws.rubric.criteria)


def test_progress_and_rerun_with_many_files(handin_copy, tmp_path: Path) -> None:
    """A large folder (copies of one hand-in) still reads; duplicates collapse to one row each."""
    src = handin_copy.folder / handin_copy.files["zhang-swot"]
    for i in range(30):
        (handin_copy.folder / f"copy-{i:02}.docx").write_bytes(src.read_bytes())
    out = tmp_path / "g.xlsx"
    result = run("coursekit", "collect", handin_copy.folder, "-o", out, "--root", ROOT)
    assert result.returncode == 0, result.stderr
    assert "读取 40 个文件：4 份有效提交" in result.stdout
    assert result.stdout.count("重复提交") == 32


def _answer_after(doc, label: str):
    """The first paragraph after the CkLabel paragraph ``label``."""
    paras = doc.paragraphs
    i = next(i for i, p in enumerate(paras) if p.style.style_id == "CkLabel" and p.text == label)
    return paras[i + 1]


def test_word_text_edited_after_export_counts(handin_copy, tmp_path: Path) -> None:
    import docx

    h = handin_copy
    path = h.folder / h.files["zhang-swot"]
    doc = docx.Document(str(path))
    _answer_after(doc, "U——用（发挥优势，Use）").text = "在 Word 里改写的答案"
    doc.save(str(path))
    lead = h.folder / h.files["zhang-lead"]
    doc = docx.Document(str(lead))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "诱饵")
    table.rows[1].cells[1].text = "Word 里补的成本"
    # whitespace-only differences are not edits
    _answer_after(doc, "目标用户").text = "  县城年轻父母 "
    doc.save(str(lead))
    out = tmp_path / "g.xlsx"
    result = run("coursekit", "collect", h.folder, "-o", out, "--root", ROOT)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    reg = load(ROOT)
    swot = reg.get("worksheets", "swot-talent")
    sheet = book[_title(swot)[:31]]
    head = [c.value for c in sheet[1]]
    row = next(dict(zip(head, r)) for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "01")
    assert row["U——用（发挥优势，Use）"] == "在 Word 里改写的答案"
    assert row["核对提示"] == "学生在 Word 里改过：U——用（发挥优势，Use）（已按 Word 正文记录）"
    assert row["S——停（停止或弥补劣势，Stop）"] == SWOT_ZHANG["stop"]
    lm = reg.get("worksheets", "lead-magnet-design")
    sheet = book[_title(lm)[:31]]
    head = [c.value for c in sheet[1]]
    row = dict(zip(head, next(sheet.iter_rows(min_row=2, values_only=True))))
    f = next(f for f in lm.fields() if f.id == "candidates")
    assert row[f"{f.label}·第1行·{f.columns[0]}"] == "试吃装"
    assert row[f"{f.label}·第1行·{f.columns[1]}"] == "Word 里补的成本"
    assert row[f"{f.label}·第5行·{f.columns[4]}"] == "第五行风险"
    assert row["核对提示"] == f"学生在 Word 里改过：{f.label}（已按 Word 正文记录）"
    assert row["目标用户"] == "县城年轻父母"
