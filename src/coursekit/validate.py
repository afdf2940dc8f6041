"""Turn pydantic validation errors into :class:`Problem` lines.

Each message names the YAML line and the field path, e.g.
``data/worksheets/swot-talent.yml:14 [schema] sections[2].fields[0].kind: 'texarea' is not one of 'text', …``.
"""

from __future__ import annotations

import difflib
import logging
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .yamlio import LineMap, dotted, line_of

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

__all__ = ["dotted", "validate"]  # dotted lives in yamlio, which names fields too


def validate(model: type[M], data: Any, lines: LineMap, rel: str) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` against ``model``; return the record or every problem found."""
    if not isinstance(data, dict):
        kind = type(data).__name__
        return None, [Problem(rel, 1, "schema", f"expected a mapping of fields (key: value), found a {kind}")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = [_problem(model, data, err, lines, rel) for err in exc.errors()]
        return None, problems


def _problem(model: type[BaseModel], data: Any, err: Any, lines: LineMap, rel: str) -> Problem:
    """One pydantic error as a Problem with line, field path and advice."""
    loc = _without_tags(model, err["loc"])
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "union_tag_invalid":
        loc = loc + (ctx.get("discriminator", "kind").strip("'"),)
        expected = ctx.get("expected_tags", "")
        text = f"{ctx.get('tag')!r} is not one of {expected}"
    elif kind == "union_tag_not_found":
        loc = loc + ("kind",)
        text = "required field is missing; give the field's kind"
    elif kind == "missing":
        text = "required field is missing; add it"
    elif kind == "extra_forbidden":
        text = f"unknown field '{loc[-1]}'" + _suggest(model, data, loc)
    elif kind == "literal_error":
        text = f"{value!r} is not one of {ctx.get('expected')}"
    elif kind == "string_pattern_mismatch":
        text = f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens (e.g. 'swot-talent')"
        if "0-9]{2}" in str(ctx.get("pattern", "")):
            text = f"{value!r} is not a project slug such as '01-preparation'"
    elif kind == "value_error":
        text = str(ctx.get("error", err["msg"]))
    else:
        text = f"{err['msg'][0].lower()}{err['msg'][1:]}" + (f", got {value!r}" if _short(value) else "")
    return Problem(rel, line_of(lines, loc), "schema", f"{dotted(loc)}: {text}")


def _without_tags(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """``loc`` without the tags pydantic inserts for a discriminated union (the member it tried).

    The schema tells a tag from a field: only a step into a union whose members have that ``kind`` is a tag.
    Comparing names alone would drop real fields named like a tag (``questions[0].text``).
    """
    out: list[Any] = []
    tp: Any = model
    for part in loc:
        while typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
        members = [a for a in typing.get_args(tp) if a is not type(None)] if _is_union(tp) else []
        tags = {tag: m for m in members for tag in _kind_tags(m)}
        if isinstance(part, str) and part in tags:
            tp = tags[part]
            continue
        if len(members) == 1:
            tp = members[0]
        out.append(part)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = tp.model_fields.get(part)
            tp = field.annotation if field else None
        elif typing.get_origin(tp) in (list, tuple) and isinstance(part, int):
            tp = typing.get_args(tp)[0]
        else:
            tp = None
    return tuple(out)


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _kind_tags(member: Any) -> tuple[Any, ...]:
    """The ``kind`` literals that select ``member`` of a discriminated union."""
    field = getattr(member, "model_fields", {}).get("kind")
    return typing.get_args(field.annotation) if field else ()


def _short(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and len(str(value)) <= 60


def _suggest(model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> str:
    """Name the allowed fields at ``loc`` and the closest one to the typo."""
    allowed = _allowed_fields(model, data, loc[:-1])
    if not allowed:
        return "; remove it"
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{hint or ';'} allowed: {', '.join(allowed)}".replace(";;", ";")


def _allowed_fields(model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> list[str]:
    """Follow ``loc`` through the schema to the model that holds it."""
    current: Any = model
    for part in loc:
        data = data[part] if isinstance(data, (dict, list)) else None
        current = _step(current, part, data)
        if current is None:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _step(tp: Any, part: Any, data: Any) -> Any:
    """The type reached from ``tp`` by key or index ``part``."""
    if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
        field = tp.model_fields.get(part)
        return _unwrap(field.annotation, data) if field else None
    origin = typing.get_origin(tp)
    if origin in (list, tuple) and isinstance(part, int):
        return _unwrap(typing.get_args(tp)[0], data)
    return None


def _unwrap(tp: Any, data: Any) -> Any:
    """Strip Annotated/Optional/Union, picking the union member whose ``kind`` matches ``data``."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and args:
        if isinstance(data, dict) and "kind" in data:
            for a in args:
                f = getattr(a, "model_fields", {}).get("kind")
                if f and data["kind"] in typing.get_args(f.annotation):
                    return a
        tp = args[0]
        while typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
    return tp
