"""Title and text of a record's own search entry, as HTML, for :attr:`coursekit.kinds.Kind.search`.

material inserts both into the result list unescaped, so every plain-text field is escaped here
(``plain`` escapes what Markdown fields hold).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from .. import models
from ..plaintext import index_text as plain

log = logging.getLogger(__name__)


def fields(title: str, text: str, prefix: str = "") -> Callable[[Any], tuple[str, str]]:
    """The entry of a simple kind: a plain-text ``title`` field, and ``prefix`` before a Markdown ``text`` field."""
    def entry(rec: Any) -> tuple[str, str]:
        return escape(getattr(rec, title)), escape(prefix) + plain(getattr(rec, text), inline=True)
    return entry


def worksheet(rec: models.Worksheet) -> tuple[str, str]:
    label = f"{escape(rec.label)} " if rec.label else ""
    return f"{label}{escape(rec.title)}", "工作单：" + plain(rec.purpose, inline=True)


def sop(rec: models.Sop) -> tuple[str, str]:
    return escape(rec.title), f"SOP（{escape(rec.cadence)}）：" + plain(rec.scope, inline=True)


def case(rec: models.Case) -> tuple[str, str]:
    nature = "教学案例（虚构）" if rec.fictional else "案例"
    return escape(rec.title), f"{nature}：{escape(rec.brand)}，{escape(rec.industry)}"


def term(rec: models.Term) -> tuple[str, str]:
    parts = [plain(rec.definition)]
    if rec.aliases:
        parts.append(f"<p>又称：{escape('、'.join(rec.aliases))}</p>")
    if rec.english:
        parts.append(f"<p>{escape(rec.english)}</p>")
    return escape(rec.term), "".join(parts)


def escape(text: str) -> str:
    """Text as HTML text (element content only: quotes stay, so "Dunbar's" is still one word to the index)."""
    return html.escape(text, quote=False)
