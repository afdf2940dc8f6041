"""Schema of a bibliography entry, ``data/bibliography/<id>.yml``."""

from __future__ import annotations

from .base import Record, Text


class Source(Record):
    """A source document the course is written from, cited by its id."""

    title: Text
    kind: Text
    author: Text
    language: Text
    file: Text
    note: str = ""
