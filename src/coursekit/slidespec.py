"""What one slide shows, independent of PowerPoint: the outline builds these, the writer draws them."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class Slide:
    """One slide.

    ``kind``: title (deck cover), section (a task's divider), bullets, columns,
    table, diagram. ``bullets`` are (depth, text); ``columns`` are (heading,
    bullets); ``rows`` has the header row first; ``diagram`` is mermaid source
    and ``caption`` its words (shown instead if it cannot be drawn).
    """

    kind: str
    title: str
    subtitle: str = ""
    bullets: list[tuple[int, str]] = field(default_factory=list)
    columns: list[tuple[str, list[str]]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    diagram: str = ""
    caption: str = ""
    notes: str = ""
    task: int = 0          # the task it belongs to (0: the project's own slides)


SENTENCE_END = "。！？!?；;"


def first_sentence(text: str, limit: int = 70) -> str:
    """The first sentence of ``text``, cut at ``limit`` characters (with an ellipsis)."""
    text = text.strip()
    m = re.search(rf"[{SENTENCE_END}]", text)
    sentence = text[:m.end()] if m else text
    sentence = sentence.rstrip("；;")
    if sentence.endswith(("。", "！", "？")) or len(sentence) <= limit:
        sentence = sentence if len(sentence) <= limit else sentence[:limit - 1] + "…"
    else:
        sentence = sentence[:limit - 1] + "…"
    return sentence


def clip(text: str, limit: int = 80) -> str:
    """``text`` cut at ``limit`` characters."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
