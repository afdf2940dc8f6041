"""What the teacher already typed into an earlier gradebook, so a later run keeps it (collect/README.md).

Sheets are found by worksheet id through the hidden ``_coursekit`` sheet, rows by identity key, criteria by
header name; scores, 评语 and rows whose file has gone are carried over by :mod:`.workbook`.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import identity

log = logging.getLogger(__name__)

META_SHEET = "_coursekit"
COMMENT = "评语"
NOTES = "核对提示"
_CRITERION = re.compile(r"^(.*)（满分 \d+）$")


class GradebookError(Exception):
    """The existing output cannot be merged into (open elsewhere, not ours, damaged); ``str`` says why."""


@dataclass
class Graded:
    """One student's row in an earlier gradebook."""

    values: dict[str, Any]                                  # header → value, as read back
    scores: dict[str, Any] = field(default_factory=dict)    # criterion name → score
    comment: Any = None

    @property
    def graded(self) -> bool:
        return self.comment not in (None, "") or any(v not in (None, "") for v in self.scores.values())


@dataclass
class Previous:
    """Every worksheet's rows of an earlier gradebook: worksheet id → identity key → row."""

    sheets: dict[str, dict[tuple[str, str], Graded]] = field(default_factory=dict)


def criterion(header: str) -> str | None:
    """The criterion name of a score column header ``<name>（满分 n）``; None for other columns."""
    m = _CRITERION.match(header)
    return m.group(1) if m and not header.startswith("总分（") else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def read_previous(out: Path) -> Previous | None:
    """The earlier gradebook at ``out``, or None when there is none; raises :class:`GradebookError`."""
    if not out.exists():
        return None
    if (out.parent / f"~${out.name}").exists() or (out.parent / f".~lock.{out.name}#").exists():
        raise GradebookError(f"{out} 正在 Excel/WPS 中打开：请先关闭它再运行，已打的分数不会丢失")
    try:
        with out.open("r+b"):
            pass
    except OSError as exc:
        raise GradebookError(f"无法写入 {out}（{exc.strerror or exc}）：请关闭 Excel/WPS 或检查文件权限后再运行") from None
    import openpyxl  # only needed when there is a gradebook to merge into

    try:
        book = openpyxl.load_workbook(out, data_only=False)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise GradebookError(f"{out} 不是能读取的 Excel 文件（{type(exc).__name__}）；为免覆盖，请换一个输出文件名") from None
    if META_SHEET not in book.sheetnames:
        raise GradebookError(f"{out} 不是 coursekit collect 生成的成绩表（没有 {META_SHEET} 工作表）；"
                             "为免覆盖它，请用 -o 换一个文件名")
    prev = Previous()
    for name, ws_id in book[META_SHEET].iter_rows(min_row=1, max_col=2, values_only=True):
        if not isinstance(name, str) or not isinstance(ws_id, str) or name not in book.sheetnames:
            continue
        rows = book[name].iter_rows(values_only=True)
        head = [_text(h) for h in next(rows, ())]
        kept: dict[tuple[str, str], Graded] = {}
        for row in rows:
            values = dict(zip(head, row))
            if not any(v not in (None, "") for v in values.values()):
                continue
            g = Graded(values, comment=values.get(COMMENT))
            for h, v in values.items():
                if (c := criterion(h)) is not None:
                    g.scores[c] = v
            kept[identity.key(values.get("班级"), values.get("学号"), values.get("姓名"))] = g
        prev.sheets[ws_id] = kept
    return prev
