"""Shared pieces of every content schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
"""A stable id: lowercase ASCII letters, digits and single hyphens."""

Slug = Annotated[str, Field(pattern=r"^[0-9]{2}-[a-z]+(-[a-z]+)*$")]
"""A project slug such as ``01-preparation``."""

Text = Annotated[str, Field(min_length=1)]
"""A non-empty string (plain text or Markdown)."""


class Model(BaseModel):
    """Base for all schemas: unknown fields are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Record(Model):
    """A data record stored as ``data/<kind>/<id>.yml``."""

    id: Id
