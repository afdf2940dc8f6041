"""Run the jobs: render what the cache lacks on every core, then copy everything into place.

Rendered files go into the cache store under their key; outputs are copied
from there through a temporary name, so an interrupted or failed run never
leaves a half-written file, and an unchanged course renders nothing.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomicfile import atomic_path
from ..registry import Registry, load
from ..templatedir import of_course
from .cache import Store
from .files import copy_if_changed, write_zip
from .jobs import Job, Selection, listing, plan
from .write import render

log = logging.getLogger(__name__)


@dataclass
class Report:
    """What a run did: files rendered (with seconds each), reused from the cache, written, failed."""

    planned: int = 0
    rendered: dict[str, float] = field(default_factory=dict)
    reused: int = 0
    written: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the terminal."""
        return (f"{self.planned} file(s): {len(self.rendered)} rendered, {self.reused} from cache, "
                f"{len(self.written)} written"
                + (f", {len(self.failed)} failed" if self.failed else "") + f" in {self.seconds:.1f} s")


def default_cache(root: Path) -> Path:
    """Where rendered files are kept between runs."""
    return root / "dist" / ".cache" / "handouts"


def build_handouts(root: Path, out: Path, sel: Selection, cache: Path | None = None, workers: int | None = None,
                   progress: bool = True) -> Report:
    """Make the selected handouts of the course at ``root`` into ``out``; CourseError if the data is bad."""
    start = time.perf_counter()
    reg = load(root)
    report = execute(reg, plan(reg, of_course(root), sel), out, cache, workers, progress)
    report.seconds = time.perf_counter() - start
    return report


def build_book(root: Path, out: Path, editions: list[str], cache: Path | None = None, workers: int | None = None,
               progress: bool = True, lang: str = "zh-Hans") -> Report:
    """Make the print edition(s) of the course at ``root`` into ``out`` (``lang="zh-Hant"``: 繁體中文)."""
    from .book import plan_book
    start = time.perf_counter()
    reg = load(root)
    report = execute(reg, plan_book(reg, of_course(root), editions, lang), out, cache, workers, progress)
    report.seconds = time.perf_counter() - start
    return report


def execute(reg: Registry, jobs: list[Job], out: Path, cache: Path | None, workers: int | None,
            progress: bool) -> Report:
    """Render what the store lacks, pack zips, then copy every output file into ``out``."""
    store = Store(cache or default_cache(reg.root))
    report = Report(planned=sum(j.output for j in jobs))
    todo = [j for j in jobs if j.fmt != "zip" and not store.has(j.key, j.suffix)]
    run_jobs(todo, reg, of_course(reg.root), store, report, workers, progress)
    for job in (j for j in jobs if j.fmt == "zip"):
        _zip(job, reg, store, report)
    for job in (j for j in jobs if j.output and j.rel not in report.failed):
        if copy_if_changed(store.path(job.key, job.suffix), out / out_name(reg, job)):
            report.written.append(job.rel)
    report.reused = sum(1 for j in jobs if j.output and j.rel not in report.rendered and j.rel not in report.failed)
    return report


def out_name(reg: Registry, job: Job) -> str:
    """Where a job's file goes under the output folder: its ``rel``, in Traditional for a 繁體 job
    (教学日历.xlsx → 教學日曆.xlsx; the 繁體 pages link to the same name, :meth:`Converter.file_name`)."""
    if job.lang == "zh-Hans":
        return job.rel
    from ..hant import converter
    return converter(reg.root).file_name(job.rel)


def run_jobs(todo: list[Job], reg: Registry, templates: Path, store: Store, report: Report,
             workers: int | None = None, progress: bool = True,
             task: Callable[[Job, Registry, str, str], tuple[float, str]] | None = None) -> None:
    """Render ``todo`` into the store, in parallel when it pays; record timings and failures."""
    if not todo:
        return
    task = task or render_one
    workers = min(workers or os.cpu_count() or 1, len(todo))
    # each task carries the registry (pickled: ~10 ms, a fifth of loading the course again)
    args = [(job, reg, str(templates), str(store.path(job.key, job.suffix))) for job in todo]
    if workers <= 1:
        with _progress(progress, len(todo)) as advance:
            for job, _, tpl, dest in args:
                _record(report, job, task(job, reg, tpl, dest))
                advance(job)
        return
    _preload(todo)  # imported once here, shared by the forked workers
    # fork: workers inherit the imported libraries; all are started at the first submit,
    # before the progress bar's thread exists
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {pool.submit(task, *a): a[0] for a in args}
        with _progress(progress, len(todo)) as advance:
            for future in as_completed(futures):
                _record(report, futures[future], future.result())
                advance(futures[future])


def render_one(job: Job, reg: Registry, templates: str, dest: str) -> tuple[float, str]:
    """Worker: render one job into the store; return (seconds, error message or "")."""
    start = time.perf_counter()
    try:
        with atomic_path(Path(dest)) as tmp:
            render(job, reg, Path(templates), tmp)
    except Exception as exc:  # noqa: BLE001 - reported per file; the other files still get made
        log.debug("%s failed:\n%s", job.rel, traceback.format_exc())
        return time.perf_counter() - start, f"{type(exc).__name__}: {exc}"
    return time.perf_counter() - start, ""


def _record(report: Report, job: Job, result: tuple[float, str]) -> None:
    """Note a job's result in the report."""
    seconds, error = result
    if error:
        report.failed[job.rel] = error
    else:
        report.rendered[job.rel] = seconds


def _zip(job: Job, reg: Registry, store: Store, report: Report) -> None:
    """Pack a project's files (from the store) unless the same zip is already there."""
    missing = [rel for _, rel, _ in job.members if rel in report.failed]
    if missing:
        report.failed[job.rel] = f"not packed: {', '.join(missing)} failed"
        return
    if store.has(job.key, job.suffix):
        return
    start = time.perf_counter()
    files = [(name, store.path(key, Path(rel).suffix)) for name, rel, key in job.members]
    folder = job.members[0][0].split("/")[0]
    text = listing(reg, job.id, job.teacher)
    if job.lang != "zh-Hans":  # folder, file names and file list in Traditional too
        from ..hant import converter
        conv = converter(reg.root)
        text, folder = conv.convert(text), conv.convert(folder)
        files = [(folder + conv.file_name(name[name.index("/"):]), path) for name, path in files]
    write_zip(store.path(job.key, job.suffix), [(f"{folder}/目录.txt" if job.lang == "zh-Hans" else
                                                 f"{folder}/目錄.txt", text.encode("utf-8-sig")), *files])
    report.rendered[job.rel] = time.perf_counter() - start


def _preload(todo: list[Job]) -> None:
    """Import the heavy libraries before forking, so each worker does not pay for it."""
    formats = {j.fmt for j in todo}
    if "pdf" in formats:
        import weasyprint  # noqa: F401
    if "docx" in formats:
        import docx  # noqa: F401
    if "xlsx" in formats:
        import openpyxl  # noqa: F401


class _progress:  # noqa: N801 - used as a context manager like a function
    """A rich progress bar on stderr (silent when ``enabled`` is False); yields ``advance(job)``."""

    def __init__(self, enabled: bool, total: int):
        """A bar for ``total`` files, or nothing when not ``enabled``."""
        self.enabled, self.total = enabled, total
        self.bar: Any = None  # a rich Progress once started

    def __enter__(self) -> Callable[[Job], None]:
        """Start the bar; return the function that advances it."""
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), TextColumn("{task.fields[file]}"),
                                console=Console(stderr=True), transient=False)
            self.bar.start()
            self.task = self.bar.add_task("rendering", total=self.total, file="")
        return self.advance

    def advance(self, job: Job) -> None:
        """One more file done."""
        if self.bar is not None:
            self.bar.update(self.task, advance=1, file=job.rel)

    def __exit__(self, *exc: object) -> None:
        """Stop the bar (leaving its last state on screen)."""
        if self.bar is not None:
            self.bar.stop()
