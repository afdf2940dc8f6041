"""``coursekit questions``: the whole question bank as files the teaching platforms import.

Every writer is one entry of :data:`WRITERS`, a function ``(reg, out_dir, lang) -> [paths written]``;
a new kind of file (exam papers, the 考核方案) is one more line there.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click

from .. import kinds
from ..clitools import course_root, root_option
from ..errors import CourseError, format_problems
from ..registry import Registry
from . import papers
from .gift import write_gift
from .mapping import default_path, load
from .moodle import write_moodle
from .worddoc import write_word
from .xuexitong import write_xuexitong

log = logging.getLogger(__name__)

Writer = Callable[[Registry, Path, str], list[Path]]

WRITERS: list[Writer] = [
    write_xuexitong,  # 题库-学习通.xlsx (columns: templates/questions/xuexitong.yml)
    write_word,       # 题库-Word.docx (学习通, 雨课堂 Word import)
    write_moodle,     # 题库-Moodle.xml
    write_gift,       # 题库-GIFT.txt
    papers.write_papers,  # 期末考试试卷A/B, 答案与评分标准, 考核方案 (PDF + Word)
]


@click.command()
@root_option
@click.option("--out", type=click.Path(file_okay=False), help="Output folder (default: dist/questions).")
@click.option("--mapping", type=click.Path(dir_okay=False),
              help="学习通 column mapping (default: the course's templates/questions/xuexitong.yml).")
def questions(root: str | None, out: str | None, mapping: str | None) -> None:
    """The whole question bank for the platforms: 学习通 Excel, Word 题库, Moodle XML and GIFT (with answers)."""
    from ..registry import load as load_course
    course = course_root(root)
    dest = Path(out) if out else course / "dist" / "questions"
    try:
        reg = load_course(course)
        mapping_path = Path(mapping).resolve() if mapping else default_path(course)
        load(mapping_path, course)  # a bad mapping stops the run before any file is written
        if not any(b.items for b in reg.of(kinds.QUESTIONS).values()):
            raise click.ClickException("the course has no question bank (data/questions/); nothing to export")
        writers = [partial(w, mapping=mapping_path) if w is write_xuexitong else w for w in WRITERS]
        dest.mkdir(parents=True, exist_ok=True)
        written = [path for writer in writers for path in writer(reg, dest, "zh-Hans")]
    except CourseError as exc:
        click.echo(format_problems(exc.problems), err=True)
        click.echo(f"{len(exc.problems)} problem(s) found; fix them and run `coursekit questions` again.", err=True)
        sys.exit(1)
    except OSError as exc:
        raise click.ClickException(f"cannot write to {dest}: {exc.strerror or exc}") from None
    for path in written:
        click.echo(str(path))
