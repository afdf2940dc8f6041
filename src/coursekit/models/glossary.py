"""Schema of a glossary term, ``data/glossary/<id>.yml``."""

from __future__ import annotations

from .base import Id, Record, Slug, Text


class Term(Record):
    """A course term, defined once and linked from pages."""

    term: Text
    aliases: list[Text] = []
    english: str = ""
    definition: Text
    related: list[Id] = []
    project: Slug
