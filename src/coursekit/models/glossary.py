"""Schema of a glossary term, ``data/glossary/<id>.yml``."""

from __future__ import annotations

from .base import Id, Record, Slug, Text


class Term(Record):
    """A course term, defined once and linked from pages."""

    term: Text
    aliases: list[Text] = []
    avoid: list[Text] = []  # variants not to write for this concept: coursekit check flags them (term-variant)
    english: str = ""
    definition: Text
    related: list[Id] = []
    project: Slug
