"""The 学习通 column mapping: a YAML file a teacher edits to match the template their platform hands out.

Kept out of ``data/`` (the registry refuses unknown files there) in the course's templates folder,
``templates/questions/xuexitong.yml``; a course without one uses coursekit's. Read and checked like a
data file: a wrong key or value is reported as ``file:line [schema] field: why``, never a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .. import templatedir
from ..errors import CourseError, Problem
from ..models.base import Model, Text
from ..validate import validate
from ..yamlio import YamlError, read_yaml

log = logging.getLogger(__name__)

NAME = "questions/xuexitong.yml"
"""The mapping's path inside a templates folder."""

Value = Literal["catalog", "type", "stem", "answer", "analysis", "difficulty", "point", "tags", "option_count",
                "option_a", "option_b", "option_c", "option_d", "option_e", "option_f", "option_g", "option_h",
                "empty"]


class Column(Model):
    """One column of the sheet: its header text and what each row holds in it."""

    header: Text
    value: Value


class Mapping(Model):
    """The whole sheet: its name, the columns in order, and how 判断题 and 填空题 are written."""

    sheet: Annotated[str, Field(min_length=1, max_length=31)] = "题目"  # Excel's limit on sheet names
    judge_options: Annotated[list[Text], Field(min_length=2, max_length=2)] = ["正确", "错误"]
    alternatives: Text = ";"
    tags_separator: Text = ";"
    columns: Annotated[list[Column], Field(min_length=1)]

    @model_validator(mode="after")
    def _headers_unique(self) -> Mapping:
        seen = [c.header for c in self.columns]
        twice = sorted({h for h in seen if seen.count(h) > 1})
        if twice:
            raise ValueError(f"each header once; twice: {', '.join(twice)}")
        return self


def default_path(root: Path) -> Path:
    """The course's mapping (in the templates folder its mkdocs.yml chooses), else coursekit's."""
    own = templatedir.of_course(root) / NAME
    return own if own.is_file() else templatedir.BUNDLED / NAME


def load(path: Path, root: Path) -> Mapping:
    """The mapping in ``path``; CourseError naming the file, line and key when it is missing or wrong."""
    where = rel(path, root)
    if not path.is_file():
        raise CourseError([Problem(where, None, "missing-file",
                                   f"no column mapping here; copy {templatedir.BUNDLED / NAME} and edit it")])
    try:
        data, lines = read_yaml(path, where)
    except YamlError as exc:  # an empty file's advice is a data file's ("write the record"): say what fits here
        raise CourseError([Problem(p.path, p.line, p.rule, f"the mapping is empty; copy {templatedir.BUNDLED / NAME}")
                           if p.rule == "yaml-empty" else p for p in exc.problems]) from None
    mapping, problems = validate(Mapping, data, lines, where)
    if mapping is None:
        raise CourseError(problems)
    return mapping


def rel(path: Path, root: Path) -> str:
    """``path`` as reports name it: relative to the course when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
