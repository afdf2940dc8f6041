"""Every law the course cites names its current edition and year (issue 17: 《反不正当竞争法》 2025 年修订 …).

In each page and data record the first citation of a law (``《…法》``, with or without 中华人民共和国)
gives a year: in brackets right after it (``《广告法》（2021 年修正）``) or in the words that follow
(``自 2021 年 11 月起施行``). Every edition written anywhere must be the current one in :data:`EDITIONS`,
so a stale year (2017 年修订) or a law new to the course without a checked edition fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The current edition of each law the course cites: what a bracket after its name may say. Checked against
# the National People's Congress database (flk.npc.gov.cn) when written; 价格法: adopted 1997-12-29, in force
# 1998-05-01, no revision enacted that we could establish (so 1997 年通过).
EDITIONS = {
    "价格法": ("1997 年通过",),
    "电子商务法": ("2019 年 1 月 1 日起施行",),
    "个人信息保护法": ("2021 年 11 月 1 日起施行",),
    "广告法": ("2021 年修正",),
    "消费者权益保护法": ("2013 年修正",),
    "反不正当竞争法": ("2025 年修订", "2025 年 10 月 15 日起施行"),
    "治安管理处罚法": ("2025 年修订", "2026 年 1 月 1 日起施行"),
    "网络安全法": ("2025 年修正", "2026 年 1 月 1 日起施行"),
    "食品安全法": ("2025 年修正",),
    "农产品质量安全法": ("2022 年修订",),
    # regulations whose names end in 办法 match too: their one edition
    "互联网广告管理办法": ("2023 年 5 月 1 日起施行",),
    "人工智能生成合成内容标识办法": ("2025 年 9 月 1 日起施行",),
}
CITATION = re.compile(r"《(?:中华人民共和国)?([^《》]{1,20}?法)》(?:（([^（）]*)）)?")
YEAR_AFTER = re.compile(r"^[^。；\n]{0,6}\d{4} 年")  # 《…法》自 2021 年 11 月起施行


def _files() -> list[Path]:
    return sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "data").rglob("*.yml"))


def _citations() -> list[tuple[str, int, str, str | None, str]]:
    """(file, line, law, bracket, text after) for every citation of a law."""
    found = []
    for path in _files():
        text = path.read_text(encoding="utf-8")
        for m in CITATION.finditer(text):
            found.append((path.relative_to(ROOT).as_posix(), text.count("\n", 0, m.start()) + 1, m.group(1),
                          m.group(2), text[m.end():m.end() + 20]))
    return found


def test_the_course_cites_laws() -> None:
    laws = {law for _, _, law, _, _ in _citations()}
    assert {"价格法", "反不正当竞争法", "治安管理处罚法", "个人信息保护法"} <= laws


def test_first_citation_in_each_file_gives_a_year() -> None:
    seen: set[tuple[str, str]] = set()
    missing = []
    for rel, line, law, bracket, after in _citations():
        if (rel, law) in seen:
            continue
        seen.add((rel, law))
        if not re.search(r"\d{4} 年", bracket or "") and not YEAR_AFTER.match(after):
            missing.append(f"{rel}:{line} 《{law}》")
    assert not missing, "cite the law's edition and year the first time a file names it:\n" + "\n".join(missing)


def test_every_edition_written_is_the_current_one() -> None:
    wrong = []
    for rel, line, law, bracket, _ in _citations():
        if not bracket or not re.search(r"\d{4} 年", bracket):
            continue
        if law not in EDITIONS:
            wrong.append(f"{rel}:{line} 《{law}》（{bracket}）: not in EDITIONS; check its current edition, add it")
        elif not any(edition in bracket for edition in EDITIONS[law]):
            wrong.append(f"{rel}:{line} 《{law}》（{bracket}）: the current edition is {' / '.join(EDITIONS[law])}")
    assert not wrong, "\n".join(wrong)
