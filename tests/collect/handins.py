"""Hand-ins made the way students make them: the real site in Chromium, 下载 Word and 备份全部答案; plus junk."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import docx
from playwright.sync_api import Browser

from worksheet_browser import download, fill_student, homework_url, new_context, wait_saved, worksheet

LONG = ("长答案：社群运营😀\n" * 500)[:5000]
SWOT_ZHANG = {"swot": {"s": "会写文案\n会剪视频😀", "t": "竞争者多"}, "use": "=SUM(A1:A9)", "stop": "+86 每天练习",
              "exploit": "-减号开头的机会", "avoid": "@全体成员 提前准备", "conclusion": "新结论：适合"}


@dataclass
class Handins:
    """The folder of hand-ins and what each student typed."""

    folder: Path
    typed: dict[tuple[str, str], dict] = field(default_factory=dict)  # (student number, worksheet) → answers
    files: dict[str, str] = field(default_factory=dict)                # role → file name relative to folder


def _zhang(browser: Browser, base: str, h: Handins) -> None:
    """张三 (电商2301, 01): SWOT handed in twice (the first goes to 第一次/), lead magnet once."""
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    page.goto(homework_url(base, ("swot-talent", "lead-magnet-design")))
    ws = worksheet(page, "swot-talent")
    fill_student(ws, "张三", "电商2301", "01")
    ws.get_by_label("SWOT 矩阵 S——优势").fill(SWOT_ZHANG["swot"]["s"])
    ws.get_by_label("SWOT 矩阵 T——威胁").fill(SWOT_ZHANG["swot"]["t"])
    for fid, label in (("use", "U——用（发挥优势，Use）"), ("stop", "S——停（停止或弥补劣势，Stop）"),
                       ("exploit", "E——成（抓住机会，Exploit）"), ("avoid", "D——御（抵御威胁，Defend）")):
        ws.get_by_label(label).fill(SWOT_ZHANG[fid])
    ws.get_by_label("结论：我是否适合从事社群运营岗位？为什么？").fill("旧结论：还要想想")
    (h.folder / "第一次").mkdir()
    first = download(page, ws, "下载 Word", h.folder / "第一次")
    h.files["older"] = first.relative_to(h.folder).as_posix()
    page.wait_for_timeout(20)
    ws.get_by_label("结论：我是否适合从事社群运营岗位？为什么？").fill(SWOT_ZHANG["conclusion"])
    h.files["zhang-swot"] = download(page, ws, "下载 Word", h.folder).name
    h.typed[("01", "swot-talent")] = SWOT_ZHANG

    lm = worksheet(page, "lead-magnet-design")
    lm.get_by_label("目标用户", exact=True).fill("县城年轻父母")
    lm.get_by_role("button", name="候选诱饵比较：添加一行").click()
    lm.get_by_label("候选诱饵比较 第 1 行 诱饵").fill("试吃装")
    lm.get_by_label("候选诱饵比较 第 5 行 合规风险").fill("第五行风险")
    lm.get_by_label("候选诱饵 2：4 分").check()
    lm.get_by_text("领取时只收集必要的个人信息，并告知用途").click()
    typed = {"target-user": "县城年轻父母", "candidates": [["试吃装", "", "", "", ""]] + [[""] * 5] * 3 +
             [["", "", "", "", "第五行风险"]], "precision": {"候选诱饵 2": 4},
             "compliance": ["领取时只收集必要的个人信息，并告知用途"]}
    h.files["zhang-lead"] = download(page, lm, "下载 Word", h.folder).name
    h.typed[("01", "lead-magnet-design")] = typed
    ctx.close()


def _li(browser: Browser, base: str, h: Handins) -> None:
    """李四 (电商2301, 02) on a phone: a 5,000-character SWOT answer, as Word and also in a JSON backup."""
    ctx = new_context(browser, "phone")
    page = ctx.new_page()
    page.goto(homework_url(base, ("swot-talent",)))
    ws = worksheet(page, "swot-talent")
    fill_student(ws, "李四", "电商2301", "02")
    ws.get_by_label("U——用（发挥优势，Use）").fill(LONG)
    wait_saved(ws)
    h.files["li-backup"] = download(page, ws, "备份全部答案（JSON）", h.folder).name
    page.wait_for_timeout(20)
    h.files["li-swot"] = download(page, ws, "下载 Word", h.folder).name
    h.typed[("02", "swot-talent")] = {"use": LONG}
    ctx.close()


def _wang(browser: Browser, base: str, h: Handins) -> None:
    """王五 (电商2302, 03) hands in only a JSON backup of the persona comparison."""
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    page.goto(homework_url(base, ("persona-compare",)))
    ws = worksheet(page, "persona-compare")
    fill_student(ws, "王五", "电商2302", "03")
    ws.get_by_label("我的社群", exact=True).fill("小嘉农场群")
    ws.get_by_label("用户画像对比 属性标签：家庭状况 竞品社群用户").fill("多为双职工家庭")
    wait_saved(ws)
    h.files["wang-backup"] = download(page, ws, "备份全部答案（JSON）", h.folder).name
    rows = [["", "", ""] for _ in range(12)]
    rows[2][1] = "多为双职工家庭"
    h.typed[("03", "persona-compare")] = {"my-group": "小嘉农场群", "compare": rows}
    ctx.close()


def _junk(h: Handins) -> None:
    """Files a teacher's folder also gets: notes, a broken file, someone else's Word file, a foreign worksheet."""
    (h.folder / "说明.txt").write_text("请按时交作业", encoding="utf-8")
    (h.folder / "损坏.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    foreign = docx.Document()
    foreign.add_paragraph("我的作业（用 Word 自己写的）")
    foreign.save(str(h.folder / "自己写的.docx"))
    other = json.loads((h.folder / h.files["wang-backup"]).read_text(encoding="utf-8"))
    other["worksheets"] = {"not-in-this-course": other["worksheets"]["persona-compare"]}
    (h.folder / "别的课.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")


def make_handins(browser: Browser, base: str, folder: Path) -> Handins:
    """A folder of hand-ins for three students in two classes, made by the real site, plus junk files."""
    h = Handins(folder)
    _zhang(browser, base, h)
    _li(browser, base, h)
    _wang(browser, base, h)
    _junk(h)
    return h


def copy_handins(h: Handins, dest: Path) -> Handins:
    """A private copy of a hand-ins folder, safe to add to."""
    shutil.copytree(h.folder, dest)
    return Handins(dest, h.typed, h.files)
