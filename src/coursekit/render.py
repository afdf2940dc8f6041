"""Render one record with the template named after its kind.

``render(kind, **context)`` is the only way HTML is made from data: the
site's macros, ``coursekit check`` and the golden tests all go through it.
Templates live in ``templates/<kind>.html``; output is autoescaped and has no
blank lines (a blank line would end Markdown's raw-HTML block).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .jinjacache import cache
from .markup import md, md_inline

log = logging.getLogger(__name__)

CN_NUMERALS = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二 (task numbers in Chinese)."""
    if n <= 10:
        return CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (CN_NUMERALS[tens] if tens > 1 else "") + "十" + (CN_NUMERALS[ones] if ones else "")


def content_version(record: Any) -> str:
    """A short hash of a record's content; changes whenever the record does."""
    data = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:10]


@lru_cache(maxsize=8)
def environment(templates: Path) -> jinja2.Environment:
    """The Jinja environment for ``templates/`` (one per folder, reused)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=cache("render"),
    )
    env.filters.update(md=md, md_inline=md_inline, cn=cn_number)
    return env


def render(templates: Path, template: str, **context: Any) -> Markup:
    """Render ``templates/<template>.html`` with ``context``; the result has no blank lines."""
    html = environment(templates).get_template(f"{template}.html").render(**context)
    return Markup(re.sub(r"\n\s*\n", "\n", html).strip())
