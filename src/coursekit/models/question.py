"""Schema of a task's question bank, ``data/questions/<project number>-<task>.yml`` (``01-1.yml``).

One file per task page: the items that test what the page teaches, each tied to the heading that
teaches it (its 知识点). Objective items (单选, 多选, 判断, 填空) can be marked ``selfcheck``: those
make the page's 课后自测 and are the only items the student edition shows; every other item, and every
answer of an exam item, is teacher-only (exam pool).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field as F
from pydantic import model_validator

from .base import Id, Model, Record, Slug, Text

LETTERS = "ABCDEFGH"
CHOICE = ("single", "multiple")
OBJECTIVE = ("single", "multiple", "judge", "blank")
TYPE_NAMES = {"single": "单选题", "multiple": "多选题", "judge": "判断题", "blank": "填空题",
              "short": "简答题", "case": "案例分析题"}


class Step(Model):
    """One scoring point of an open item: what earns the points."""

    step: Text
    points: int = F(ge=1, le=20)


class Item(Model):
    """One question.

    ``answer`` by type: single — one letter (``B``); multiple — letters in order (``ACD``); judge — ``true`` or
    ``false``; blank — one list of accepted answers per blank (``____`` in the stem); short and case — the
    reference answer (Markdown), with ``scoring`` giving the points per step.
    """

    id: Id
    type: Literal["single", "multiple", "judge", "blank", "short", "case"]
    stem: Text
    options: list[Text] = []
    answer: str | bool | list[list[Text]]
    analysis: Text
    why_wrong: dict[str, Text] = {}
    difficulty: Literal["易", "中", "难"]
    point: Id
    objective: Literal["knowledge", "skill"]
    selfcheck: bool = False
    scoring: list[Step] = []
    sources: list[Id] = []

    @model_validator(mode="after")
    def _answer_fits_type(self) -> Item:
        letters = LETTERS[:len(self.options)]
        if self.type in CHOICE:
            if not 3 <= len(self.options) <= 8:
                raise ValueError(f"a {TYPE_NAMES[self.type]} needs 3 to 8 options")
            answer = self.answer if isinstance(self.answer, str) else ""
            if not answer or any(a not in letters for a in answer) or list(answer) != sorted(set(answer)):
                raise ValueError(f"answer must be option letters among {letters}, in order, e.g. "
                                 f"{'B' if self.type == 'single' else 'ACD'}")
            if self.type == "single" and len(answer) != 1:
                raise ValueError("a 单选题 has exactly one answer letter")
            if self.type == "multiple" and len(answer) < 2:
                raise ValueError("a 多选题 has at least two answer letters")
            wrong = set(letters) - set(answer)
            if set(self.why_wrong) != wrong:
                raise ValueError(f"why_wrong must explain each wrong option: {''.join(sorted(wrong))}")
        elif self.options:
            raise ValueError(f"a {TYPE_NAMES[self.type]} has no options")
        if self.type == "judge" and not isinstance(self.answer, bool):
            raise ValueError("a 判断题's answer is true or false")
        if self.type == "blank":
            blanks = self.stem.count("____")
            if not isinstance(self.answer, list) or len(self.answer) != blanks or not blanks:
                raise ValueError("a 填空题 has one list of accepted answers per ____ in its stem")
        if self.type in ("short", "case"):
            if not isinstance(self.answer, str) or not self.scoring:
                raise ValueError(f"a {TYPE_NAMES[self.type]} has a reference answer and scoring steps")
        elif self.scoring:
            raise ValueError("only 简答题 and 案例分析题 have scoring steps")
        if self.selfcheck and self.type not in OBJECTIVE:
            raise ValueError("only objective items (single, multiple, judge, blank) can be selfcheck")
        return self


class QuestionBank(Record):
    """The items of one task page."""

    project: Slug
    task: int = F(ge=1, le=9)
    items: Annotated[list[Item], F(min_length=1)]
