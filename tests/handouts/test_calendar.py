"""教学日历: the tasks week by week from a start date and weekly hours, as Excel and PDF."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from coursekit import kinds
from coursekit.handouts.calendar import HEADERS, build_calendar, document, settings, write_calendar_xlsx
from coursekit.handouts.cli import handouts
from coursekit.handouts.jobs import Selection, plan
from coursekit.handouts.pdf import write_pdf
from coursekit.registry import load
from coursekit.render import cn_number
from coursekit.templatedir import of_course

from conftest import FIXTURE, ROOT
from .conftest import flat, pdf_text

MONDAY = datetime.date(2027, 3, 1)


def test_weeks_follow_the_course_in_order() -> None:
    reg = load(ROOT)
    weeks = build_calendar(reg, settings(reg))
    assert settings(reg).start == MONDAY and settings(reg).weekly_hours == 4
    assert len(weeks) == 16 and all(w.hours == 4 for w in weeks)
    assert [w.monday for w in weeks] == [MONDAY + datetime.timedelta(weeks=i) for i in range(16)]
    text = [line for w in weeks for line in w.content]
    tasks = [f"项目{reg.projects[le.project].number}　任务" for _, le in sorted(
        reg.lessons.items(), key=lambda item: (reg.projects[item[1].project].number, item[1].task))]
    firsts = [line for line in text if "（续）" not in line]
    assert [line[:len(t)] for line, t in zip(firsts, tasks)] == tasks  # every task starts once, in course order
    assert "期末复习" in " ".join(weeks[-2].content) and weeks[-1].content[-1] == "期末考试（2 学时）"
    assert weeks[-1].notes == ["复习周", "考试周"]


def test_every_worksheet_is_due_once_and_every_selfcheck_done() -> None:
    reg = load(ROOT)
    weeks = build_calendar(reg, settings(reg))
    practice = [d for w in weeks for d in w.due if "实训：" in d]
    due = [d for w in weeks for d in w.due if "实训：" not in d]
    embedded = {arg for p in reg.lessons for name, arg, _ in reg.pages[p].calls if name == "worksheet"}
    assert len(due) == len(set(due)) == len(embedded)
    # each project's 项目实训 is due in the week its last task ends, as the project page says
    titles = [f"项目{reg.projects[s].number}实训：{f.practice.title}（交项目实训自评互评表）"
              for s, f in sorted(reg.project_pages.items()) if f.practice]
    assert practice == titles and len(titles) == 6
    for title in titles:
        week = next(w for w in weeks if title in w.due)
        number = title[2:title.index("实训")]
        last = reg.lessons_of(next(s for s, p in reg.projects.items() if str(p.number) == number))[-1][1]
        assert any(f"任务{cn_number(last.task)}　{last.title}" in c for c in week.content)
    counts = [int(s.split("（")[1].split(" ")[0]) for w in weeks for s in w.selfcheck]
    banks = reg.of(kinds.QUESTIONS).values()
    assert len(counts) == len(reg.lessons) and sum(counts) == sum(i.selfcheck for b in banks for i in b.items)


def test_the_command_line_overrides_the_defaults() -> None:
    reg = load(ROOT)
    weeks = build_calendar(reg, settings(reg, datetime.date(2027, 9, 6), 6))
    assert len(weeks) == 11 and weeks[0].monday == datetime.date(2027, 9, 6)
    assert all(w.hours <= 6 for w in weeks) and sum(w.hours for w in weeks) == 64
    with pytest.raises(ValueError, match="not a Monday"):
        settings(reg, datetime.date(2027, 9, 7), 4)
    with pytest.raises(ValueError, match="calendar:"):
        settings(load(FIXTURE))  # no calendar in the outline and none given


def test_excel_reads_back(tmp_path: Path) -> None:
    reg = load(ROOT)
    write_calendar_xlsx(reg, settings(reg), tmp_path / "c.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["教学日历"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "社群运营实战课 教学日历" and "2026—2027 学年第二学期" in rows[1][0]
    assert list(rows[2]) == HEADERS
    assert rows[3][:3] == ("第 1 周", "3 月 1 日—3 月 7 日", 4) and "认识社群" in rows[3][3]
    assert rows[-1][:3] == ("合计", "16 周", 64) and rows[-2][0] == "第 16 周"
    assert ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "landscape"


def test_pdf_reads_back(tmp_path: Path) -> None:
    reg = load(ROOT)
    write_pdf(document(of_course(ROOT), reg, settings(reg)), tmp_path / "c.pdf", of_course(ROOT))
    text = flat(pdf_text(tmp_path / "c.pdf"))
    for phrase in ("社群运营实战课教学日历", "周次", "第1周", "第16周", "期末考试（2学时）", "考试周", "合计"):
        assert phrase in text


def test_teacher_files_only_and_only_with_a_start() -> None:
    reg = load(ROOT)
    rels = {j.rel: j for j in plan(reg, of_course(ROOT), Selection(formats=frozenset({"xlsx", "pdf"})))}
    assert rels["教学日历.xlsx"].teacher and rels["教学日历.pdf"].id == "2027-03-01/4"
    student = plan(reg, of_course(ROOT), Selection(edition="student"))
    assert not any("教学日历" in j.rel for j in student)
    fixture = plan(load(FIXTURE), of_course(FIXTURE), Selection())
    assert not any(j.kind == "calendar" for j in fixture)
    given = plan(load(FIXTURE), of_course(FIXTURE), Selection(start=MONDAY, weekly_hours=2))
    assert {j.id for j in given if j.kind == "calendar"} == {"2027-03-01/2"}


def test_cli_options(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(handouts, ["--root", str(ROOT), "--start", "2027-03-02", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "not a Monday" in bad.output and "Traceback" not in bad.output
    ok = runner.invoke(handouts, ["--root", str(FIXTURE), "--start", "2027-03-01", "--weekly-hours", "2",
                                  "--format", "xlsx", "--edition", "teacher", "--out", str(tmp_path / "out"),
                                  "--cache", str(tmp_path / "cache"), "--quiet"])
    assert ok.exit_code == 0, ok.output
    ws = openpyxl.load_workbook(tmp_path / "out" / "教学日历.xlsx").active
    assert [r[0] for r in ws.iter_rows(min_row=4, values_only=True)] == ["第 1 周", "第 2 周", "合计"]
    assert "项目2　第二个项目（任务编写中）" in ws["D5"].value
