"""A question bank for the fixture course with every item type and text that each format must escape."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from coursekit.cli import main
from coursekit.registry import check

HOSTILE = '=SUM(A1) <b>粗</b> & {a} ~b #c :d \\e "q" 50%'
"""Formula start, HTML, GIFT's specials, a backslash, a quote and a percent sign: every writer must keep it text."""

ITEMS = [
    {"id": "q01", "type": "single", "stem": HOSTILE + " 哪一项对（　）",
     "options": ["+1 加号开头", "@某人 at 开头", "-1 减号开头", "100% 对"], "answer": "B",
     "analysis": "解析里也有 = < > & { } ~ # : 这些字符。",
     "why_wrong": {"A": "错因 A #1", "C": "错因 C {x}", "D": "错因 D ~y"},
     "difficulty": "易", "point": "task", "objective": "knowledge", "selfcheck": True, "sources": ["slides"]},
    {"id": "q02", "type": "multiple", "stem": "下列哪些是社群的特征（　）",
     "options": ["共同目标", "人数越多越好", "持续互动", "天天发广告"], "answer": "AC",
     "analysis": "共同目标和持续互动。", "why_wrong": {"B": "人数不是关键。", "D": "广告不是特征。"},
     "difficulty": "中", "point": "worksheet", "objective": "skill"},
    {"id": "q03", "type": "judge", "stem": "社群成员之间需要持续互动。", "answer": True,
     "analysis": "没有互动的群只是名单。", "difficulty": "易", "point": "task", "objective": "knowledge"},
    {"id": "q04", "type": "judge", "stem": "建了群就一定是社群。", "answer": False,
     "analysis": "还要有共同认同和规则。", "difficulty": "中", "point": "task", "objective": "knowledge"},
    {"id": "q05", "type": "blank", "stem": "社群成员因为共同的____聚在一起 {x}。", "answer": [["目标", "兴趣=爱好"]],
     "analysis": "共同的目标或兴趣是纽带。", "difficulty": "中", "point": "task", "objective": "knowledge"},
    {"id": "q06", "type": "blank", "stem": "社群靠____和____维系。", "answer": [["信任"], ["互动", "交流"]],
     "analysis": "信任与互动。", "difficulty": "难", "point": "task", "objective": "knowledge"},
    {"id": "q07", "type": "short", "stem": "说说为什么要先定位再建群。", "answer": "先想清楚为谁服务。",
     "analysis": "考查定位的意义。", "scoring": [{"step": "说出服务对象", "points": 3}, {"step": "说出理由", "points": 2}],
     "difficulty": "难", "point": "worksheet", "objective": "skill"},
    {"id": "q08", "type": "case", "stem": "阅读案例，分析它的拉新办法。", "answer": "- 老带新\n- 门店扫码",
     "analysis": "考查拉新渠道。", "scoring": [{"step": "指出两种渠道", "points": 4}],
     "difficulty": "难", "point": "worksheet", "objective": "skill"},
]
BANK = {"id": "01-1", "project": "01-alpha", "task": 1, "items": ITEMS}
TYPES = {"single": "单选题", "multiple": "多选题", "judge": "判断题", "blank": "填空题", "short": "简答题", "case": "案例分析题"}


def add_bank(course: Path) -> None:
    """Write the bank into the course and make sure the course still checks clean."""
    folder = course / "data" / "questions"
    folder.mkdir(exist_ok=True)
    (folder / "01-1.yml").write_text(yaml.safe_dump(BANK, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [str(p) for p in check(course)] == []


def export(course: Path, out: Path, *args: str) -> Result:
    """Run ``coursekit questions`` on the course."""
    return CliRunner().invoke(main, ["questions", "--root", str(course), "--out", str(out), *args])
