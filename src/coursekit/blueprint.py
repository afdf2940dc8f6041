"""The exam blueprint (``exam:`` in data/course.yml) applied to the question bank: papers A and B.

:func:`draw` is a pure function of the blueprint, the banks and the projects' weights: seeded, so every run
draws the same papers; A and B never share an item. Each section takes exactly its count of items of its
type from the exam pool (items not in the 课后自测); each project gets its share of every section in
proportion to its weight (the minutes of its task pages, as the 授课计划 counts them) by largest remainders,
and the items within each project's share are then swapped until the points at each difficulty are as close
to the blueprint's mix as the pool allows. :func:`problems` is what ``coursekit check`` reports when the bank
cannot meet the blueprint; the registry calls it, so a writer never meets a blueprint it cannot fill.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from . import kinds
from .errors import Problem
from .models.course import DIFFICULTIES, Exam, ExamSection
from .models.question import TYPE_NAMES, Item
from .yamlio import LineMap, line_of

log = logging.getLogger(__name__)

PAPERS = ("A", "B")
ATTEMPTS = 12
"""Seeded starts of the swapping (str seeds: the same on every run, whatever PYTHONHASHSEED is)."""


@dataclass(frozen=True)
class Pick:
    """One item drawn into a paper, with the bank (task) and project it comes from."""

    project: str
    bank: str
    item: Item
    points: int


@dataclass
class Part:
    """One section of a paper (一、单选题) and its items, in course order."""

    section: ExamSection
    picks: list[Pick] = field(default_factory=list)

    @property
    def points(self) -> int:
        """The section's points."""
        return self.section.count * self.section.points


@dataclass
class Paper:
    """Paper A or B."""

    name: str
    parts: list[Part]

    @property
    def picks(self) -> list[Pick]:
        """Every item, in paper order."""
        return [p for part in self.parts for p in part.picks]

    @property
    def total(self) -> int:
        """The paper's points."""
        return sum(p.points for p in self.picks)

    def by_difficulty(self) -> dict[str, int]:
        """Points at 易, 中 and 难."""
        return {d: sum(p.points for p in self.picks if p.item.difficulty == d) for d in DIFFICULTIES}

    def by_project(self) -> dict[str, int]:
        """Items per project."""
        out: dict[str, int] = {}
        for p in self.picks:
            out[p.project] = out.get(p.project, 0) + 1
        return out


def exam_pool(banks: Iterable[Any]) -> list[tuple[str, str, Item]]:
    """(project, bank id, item) of every item not in the 课后自测, by bank id then bank order."""
    return [(b.project, b.id, it) for b in sorted(banks, key=lambda b: b.id) for it in b.items if not it.selfcheck]


def weights(projects: Iterable[str], lessons: Iterable[Any]) -> dict[str, int]:
    """Each project's weight: its task pages' minutes (teaching and practice), 0 without pages."""
    out = dict.fromkeys(projects, 0)
    for lesson in lessons:
        if lesson.project in out:
            out[lesson.project] += lesson.minutes.teaching + lesson.minutes.practice
    return out


def shares(n: int, weight: Mapping[str, int], caps: Mapping[str, int], last_first: bool = False) -> dict[str, int]:
    """``n`` split over the projects by largest remainders of ``n × weight``, none above its cap.

    A capped project's excess goes to the others in proportion again. Equal remainders go to the project
    first in course order, or the last with ``last_first`` (paper B: a one-item section goes elsewhere than A's).
    Less than ``n`` in all when the caps add up to less.
    """
    order = list(weight)
    out = dict.fromkeys(order, 0)
    open_ = [p for p in order if caps.get(p, 0) > 0]
    left = n
    while left > 0 and open_:
        total = sum(weight[p] for p in open_)
        exact = {p: Fraction(left * weight[p], total) if total else Fraction(left, len(open_)) for p in open_}
        got = {p: int(exact[p]) for p in open_}
        rank = sorted(open_, key=lambda p: (got[p] - exact[p], -order.index(p) if last_first else order.index(p)))
        for p in rank[:left - sum(got.values())]:
            got[p] += 1
        over = [p for p in open_ if got[p] > caps[p]]
        if not over:
            out.update(got)
            break
        for p in over:  # give the capped ones all they have, share the rest among the others
            out[p] = caps[p]
            left -= caps[p]
        open_ = [p for p in open_ if p not in over]
    return out


def shortages(exam: Exam, banks: Iterable[Any]) -> list[tuple[int, ExamSection, int]]:
    """(index, section, items missing) of each section the pool cannot fill twice over (A and B, disjoint)."""
    pool = exam_pool(banks)
    out = []
    for i, section in enumerate(exam.sections):
        have = sum(1 for _, _, it in pool if it.type == section.type)
        if have < 2 * section.count:
            out.append((i, section, 2 * section.count - have))
    return out


def draw(exam: Exam, banks: Iterable[Any], weight: Mapping[str, int]) -> tuple[Paper, Paper]:
    """Papers A and B; ValueError when a section cannot be filled (see :func:`shortages`)."""
    banks = list(banks)
    missing = shortages(exam, banks)
    if missing:
        raise ValueError("; ".join(f"{TYPE_NAMES[s.type]}: {n} items missing" for _, s, n in missing))
    pool = exam_pool(banks)
    rank = {(bank, it.id): i for i, (_, bank, it) in enumerate(pool)}
    order = {p: i for i, p in enumerate(weight)}
    papers = (Paper("A", []), Paper("B", []))
    drawn: list[tuple[int, str, list[Pick], int, int]] = []  # section index, project, its items, A's and B's share
    for index, section in enumerate(exam.sections):
        by_project: dict[str, list[Pick]] = {p: [] for p in weight}
        for project, bank, it in pool:
            if it.type == section.type and project in by_project:
                by_project[project].append(Pick(project, bank, it, section.points))
        avail = {p: len(v) for p, v in by_project.items()}
        quota_a = shares(section.count, weight, {p: (n + 1) // 2 for p, n in avail.items()})
        quota_b = shares(section.count, weight, {p: avail[p] - quota_a[p] for p in avail}, last_first=True)
        for paper, quota in zip(papers, (quota_a, quota_b)):
            if sum(quota.values()) != section.count:
                raise ValueError(f"{TYPE_NAMES[section.type]}: the projects' items cannot fill paper {paper.name}")
            paper.parts.append(Part(section))
        drawn += [(index, p, picks, quota_a[p], quota_b[p]) for p, picks in by_project.items()]
    best: tuple[int, list[_Group]] | None = None
    for attempt in range(ATTEMPTS):  # swapping finds a local best: keep the best of a few seeded starts
        groups = []
        for index, project, picks, a, b in drawn:
            mine = list(picks)
            random.Random(f"{exam.seed}:{attempt}:{exam.sections[index].type}:{project}").shuffle(mine)
            groups.append(_Group(index, mine[:a], mine[a:a + b], mine[a + b:]))
        cost = _balance(groups, exam)
        if best is None or cost < best[0]:
            best = (cost, groups)
        if cost == 0:
            break
    assert best is not None
    groups = best[1]
    for g in groups:
        papers[0].parts[g.part].picks.extend(g.a)
        papers[1].parts[g.part].picks.extend(g.b)
    for paper in papers:
        for part in paper.parts:
            part.picks.sort(key=lambda p: (order[p.project], rank[(p.bank, p.item.id)]))
    return papers


@dataclass
class _Group:
    """One project's items of one type (section ``part``): those in A, in B, and unused."""

    part: int
    a: list[Pick]
    b: list[Pick]
    rest: list[Pick]


def _cost(points: list[dict[str, int]], target: dict[str, int]) -> int:
    """How far both papers are from the mix: the sum of (points − target)² (both ×100, to stay whole).

    Squares, not absolute values: moving a point from a level over its share to one under it always pays, so
    the swapping does not stop on a level stretch (难 → 中 and then 中 → 易 is two steps).
    """
    return sum((100 * pts[d] - target[d]) ** 2 for pts in points for d in DIFFICULTIES)


def _balance(groups: list[_Group], exam: Exam) -> int:
    """Swap items within each group (A ↔ unused, B ↔ unused, A ↔ B) while that brings the mix closer; the cost."""
    target: dict[str, int] = {d: exam.difficulty[d] * exam.total for d in DIFFICULTIES}
    points: list[dict[str, int]] = [{d: 0 for d in DIFFICULTIES}, {d: 0 for d in DIFFICULTIES}]
    for g in groups:
        for side, picks in enumerate((g.a, g.b)):
            for p in picks:
                points[side][p.item.difficulty] += p.points
    cost = _cost(points, target)
    improved = True
    while improved:
        improved = False
        for g in groups:
            for x_side, y_side in ((0, 2), (1, 2), (0, 1)):
                lists = (g.a, g.b, g.rest)
                xs, ys = lists[x_side], lists[y_side]
                for i, j in ((i, j) for i in range(len(xs)) for j in range(len(ys))):
                    x, y = xs[i], ys[j]
                    if x.item.difficulty == y.item.difficulty:
                        continue
                    _move(points, x_side, x, y)
                    _move(points, y_side, y, x)
                    new = _cost(points, target)
                    if new < cost:
                        xs[i], ys[j], cost, improved = y, x, new, True
                    else:
                        _move(points, x_side, y, x)
                        _move(points, y_side, x, y)
    return cost


def _move(points: list[dict[str, int]], side: int, out: Pick, into: Pick) -> None:
    """Paper ``side`` (2: unused, not counted) gives up ``out`` for ``into``."""
    if side < 2:
        points[side][out.item.difficulty] -= out.points
        points[side][into.item.difficulty] += into.points


def problems(exam: Exam, banks: Iterable[Any], weight: Mapping[str, int]) -> list[tuple[tuple[Any, ...], str]]:
    """(location in data/course.yml, message) for each way the bank cannot meet the blueprint."""
    banks = list(banks)
    missing = shortages(exam, banks)
    if missing:
        return [(("exam", "sections", i),
                 f"exam.sections[{i}]: {TYPE_NAMES[s.type]} ×{s.count} needs {2 * s.count} items for papers A and B "
                 f"(no item in both) but the bank has {2 * s.count - n} outside the 课后自测: {n} missing; "
                 f"add {TYPE_NAMES[s.type]} items without selfcheck to data/questions/ or lower the count")
                for i, s, n in missing]
    found = []
    for paper in draw(exam, banks, weight):
        for d in DIFFICULTIES:
            pts = paper.by_difficulty()[d]
            want = Fraction(exam.difficulty[d] * exam.total, 100)
            if abs(pts - want) > exam.tolerance:
                found.append((("exam", "difficulty", d),
                              f"exam.difficulty: paper {paper.name}'s {d} items make {pts} points, the blueprint "
                              f"asks {float(want):g} ± {exam.tolerance}; the bank cannot meet the mix: add {d} "
                              f"items outside the 课后自测 or change the mix"))
    return found


def check(reg: Any, lines: LineMap) -> list[Problem]:
    """What the loaded course ``reg`` lacks for its exam blueprint, at data/course.yml's lines (``lines``).

    Skipped while a question bank failed to load: that is reported already, and its items would count as missing.
    """
    exam, banks = reg.course.exam, kinds.QUESTIONS.name
    if exam is None or any(kind == banks for kind, _ in reg.broken):
        return []
    weight = weights(reg.projects, reg.lessons.values())
    return [Problem("data/course.yml", line_of(lines, loc), "exam-blueprint", message)
            for loc, message in problems(exam, reg.records[banks].values(), weight)]


def step_points(item: Item, points: int) -> list[int]:
    """The points of each scoring step when the item is worth ``points`` in the paper.

    The bank's steps give their relative weight (a 案例分析题's steps may add up to 15 in a 20-point section):
    they are scaled by largest remainders, so they always add up to the section's points.
    """
    steps = {str(i): s.points for i, s in enumerate(item.scoring)}
    got = shares(points, steps, dict.fromkeys(steps, points))
    return [got[str(i)] for i in range(len(item.scoring))]
