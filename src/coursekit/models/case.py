"""Schema of a case study, ``data/cases/<id>.yml``."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Id, Record, Slug, Text


class Case(Record):
    """A case study: a real brand (facts from sources only) or a marked composite."""

    title: Text
    brand: Text
    fictional: bool
    industry: Text
    projects: list[Slug] = Field(min_length=1)
    background: Text
    actions: list[Text] = Field(min_length=1)
    results: list[Text] = []
    takeaways: list[Text] = Field(min_length=1)
    questions: list[Text] = Field(min_length=1)
    guidance: Text
    sources: list[Id] = []

    @model_validator(mode="after")
    def _real_brands_cite_sources(self) -> Case:
        if not self.fictional and not self.sources:
            raise ValueError("a real-brand case (fictional: false) must list its sources; "
                             "cite them or mark the case fictional: true")
        return self
