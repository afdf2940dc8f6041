"""``coursekit collect FOLDER -o gradebook.xlsx``: hand-ins to one gradebook."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..clitools import course_root, root_option
from ..errors import CourseError
from ..registry import load
from .gradebook import Gradebook, gather
from .merge import GradebookError, read_previous
from .read import find_files
from .workbook import write

log = logging.getLogger(__name__)

PROGRESS_FROM = 20  # files; smaller folders finish before a bar would be worth drawing


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("gradebook.xlsx"),
              show_default=True, help="The workbook to write.")
@root_option
def collect(folder: Path, output: Path, root: str | None) -> None:
    """Read the worksheets students handed in (.docx from 下载 Word, .json backups) into one gradebook."""
    try:
        reg = load(course_root(root))
    except CourseError as exc:
        raise click.ClickException(f"course content has problems, fix them first:\n{exc}") from None
    folder = folder.resolve()
    try:
        prev = read_previous(output)
    except GradebookError as exc:
        raise click.ClickException(str(exc)) from None
    files = find_files(folder)
    if not files:
        raise click.ClickException(f"{folder} 里没有文件：把学生交的 .docx / .json 放进这个文件夹再运行")
    err = Console(stderr=True)
    with Progress(TextColumn("读取作业"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=len(files) < PROGRESS_FROM) as bar:
        task = bar.add_task("collect", total=len(files))
        book = gather(files, folder, reg, tick=lambda: bar.advance(task))
    report(book)
    if not book.count and not prev:
        click.echo("没有读到任何有效的提交，未生成成绩表。", err=True)
        sys.exit(1)
    try:
        write(book, reg, folder, output, prev)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}; close it in Excel/WPS and retry") from None
    click.echo(f"已写入 {output}")


def report(book: Gradebook) -> None:
    """What was read, and every file skipped or superseded, with the reason."""
    students = {s.student.key for subs in book.submissions.values() for s in subs}
    click.echo(f"读取 {book.files} 个文件：{book.count} 份有效提交，{len(book.submissions)} 张工作单，"
               f"{len(students)} 名学生。")
    if book.problems:
        click.echo(f"{len(book.problems)} 个问题（也列在成绩表的“问题文件”工作表中）：")
        for name, what in book.problems:
            click.echo(f"  {name}: {what}")
