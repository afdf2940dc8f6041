"""Schema of an SOP table, ``data/sops/<id>.yml``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Model, Record, Slug, Text

Cadence = Literal["每日", "每周", "每月", "活动期", "入群时", "一次性"]


class Step(Model):
    """One row of an SOP: when, who, what, with which words and tools, to what end."""

    when: Text
    role: Text
    action: Text
    script: str = ""
    tool: str = ""
    output: Text


class Sop(Record):
    """A standard operating procedure (标准作业程序)."""

    title: Text
    project: Slug
    scope: Text
    cadence: Cadence
    steps: list[Step] = Field(min_length=1)
    notes: list[Text] = []
    sources: list[Id] = []
