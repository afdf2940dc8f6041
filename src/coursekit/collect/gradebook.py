"""Turn the files of a folder into a gradebook's content: latest submission per student and worksheet.

A duplicate (same worksheet, class and student number — or name when the number is empty) keeps the
latest save time; each one left out is reported. Files that cannot be read, and worksheets this course
does not have, are reported with the reason and skipped.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .. import kinds
from ..registry import Registry
from . import word
from .read import read_with_notes, shown_path
from .submission import Submission, Unreadable

EARLIEST = datetime(2020, 1, 1, tzinfo=UTC).timestamp()
FUTURE = 2 * 24 * 3600  # a save time further ahead than this is a wrong clock, not a time

log = logging.getLogger(__name__)


@dataclass
class Gradebook:
    """What goes into the workbook."""

    submissions: dict[str, list[Submission]] = field(default_factory=dict)  # worksheet id → latest per student
    problems: list[tuple[str, str]] = field(default_factory=list)           # (file, what happened)
    files: int = 0

    @property
    def count(self) -> int:
        """Submissions kept."""
        return sum(len(v) for v in self.submissions.values())


def gather(files: list[Path], folder: Path, reg: Registry, tick: Callable[[], None] = lambda: None) -> Gradebook:
    """Read every file, drop foreign and duplicate submissions, and say why for each."""
    book = Gradebook(files=len(files))
    latest: dict[tuple[str, str, str], Submission] = {}
    for path in files:
        rel = shown_path(path.relative_to(folder).as_posix())
        try:
            subs, notes = read_with_notes(path)
        except Unreadable as exc:
            book.problems.append((rel, f"已跳过：{exc}"))
            tick()
            continue
        except (RecursionError, MemoryError, ValueError, TypeError, AttributeError, LookupError, OSError) as exc:
            # Defence in depth: one odd file must never stop the whole run.
            log.debug("unexpected failure reading %s", rel, exc_info=True)
            book.problems.append((rel, f"已跳过：无法读取（{type(exc).__name__}），请学生重新下载后再交"))
            tick()
            continue
        book.problems.extend((rel, f"已跳过：{note}") for note in notes)
        for sub in subs:
            if sub.worksheet not in reg.of(kinds.collected()):
                book.problems.append((rel, f"已跳过：工作单“{sub.worksheet}”不是本课程的工作单"))
                continue
            if sub.word is not None:
                sub.notes += word.apply(reg.get(kinds.collected().name, sub.worksheet), sub.answers, word.parse(sub.word))
                sub.word = None  # the text is not needed any more; a big folder should not keep it all
            if instant(sub.saved) is None:
                sub.notes.append(f"提交时间不详（文件里写的是“{sub.saved[:40]}”）" if sub.saved else "提交时间不详")
            if not (sub.student.name or sub.student.number):
                book.problems.append((rel, f"已跳过：工作单“{sub.worksheet}”没有填写姓名和学号，无法确定是谁的作业"))
                continue
            key = (sub.worksheet, *sub.student.key)
            kept = latest.get(key)
            if kept is None:
                latest[key] = sub
                continue
            newer, older = (sub, kept) if _order(sub) > _order(kept) else (kept, sub)
            latest[key] = newer
            what = (f"重复提交：{_who(sub)}的“{sub.worksheet}”以较新的 "
                    f"{shown_path(newer.source.relative_to(folder).as_posix())}（{newer.saved or '时间不详'}）为准，"
                    f"这份（{older.saved or '时间不详'}）未计入")
            book.problems.append((shown_path(older.source.relative_to(folder).as_posix()), what))
        tick()
    for (ws_id, *_), sub in sorted(latest.items(), key=lambda kv: _sort_key(kv[1])):
        book.submissions.setdefault(ws_id, []).append(sub)
    return book


def instant(saved: str) -> float | None:
    """A save time as a real instant (time zone applied), or None when unknown (collect/README.md)."""
    try:
        t = datetime.fromisoformat(saved)
        if t.tzinfo is None:
            t = t.astimezone()  # the student's local time; the site always writes UTC
        stamp = t.timestamp()
    except (ValueError, OverflowError, OSError, TypeError):
        return None
    return stamp if EARLIEST <= stamp <= time.time() + FUTURE else None


def _order(sub: Submission) -> tuple[bool, float, float, str]:
    """Which of two submissions is newer: known save time, then the file's modification time, then its name."""
    try:
        mtime = sub.source.stat().st_mtime
    except OSError:
        mtime = 0.0
    t = instant(sub.saved)
    return (t is not None, t or 0.0, mtime, sub.source.as_posix())


_NUMBER = re.compile(r"[0-9]{1,15}")


def number_order(n: str) -> int:
    """A student number's place in a sorted list: numerically when it is ASCII digits, else last."""
    return int(n) if _NUMBER.fullmatch(n) else 10**15


def _sort_key(sub: Submission) -> tuple[str, int, str, str]:
    """Rows by class, then student number (numerically when it is a number), then name."""
    n = sub.student.number
    return (sub.student.key[0], number_order(n), n, sub.student.name)


def _who(sub: Submission) -> str:
    """A student as a teacher would name them."""
    s = sub.student
    return f"{s.cls or '未填班级'} {s.number or '无学号'} {s.name or '无姓名'} "
