"""Rewrite material's ``search/search_index.json``: record entries, and a smaller file.

material joins the words jieba finds with U+200B (three bytes in UTF-8) and
writes the file with ``\\uXXXX`` escapes (six bytes per Chinese character).
:func:`compact` keeps every token and every highlight position the worker
computes, after the worker's ``setup`` hook (``worker.js``) has put the
markers back; it only drops what carries no information.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

ZWSP = "\u200b"
# Han characters (Unicode script Han), as ranges the standard ``re`` module understands.
HAN = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
       "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00020000-\U0003134a")
HAN_RUN = re.compile(f"[{HAN}]+")
# Patterns start with the marker itself (lookbehind after it), so that ``re`` scans for it instead of trying
# every position: a third faster on this course's index.
BETWEEN_HAN = re.compile(f"{ZWSP}(?<=[{HAN}]{ZWSP})(?=[{HAN}])")


@dataclass(frozen=True)
class Entry:
    """One extra search entry: a record at its anchor."""

    location: str
    title: str
    text: str = ""


def segment(text: str) -> str:
    """Split Chinese runs into words with U+200B, exactly as material's search plugin does."""
    import jieba  # loaded once per process; the coursekit plugin has taught it the course's words

    def cut(match: re.Match[str]) -> str:
        return ZWSP + ZWSP.join(jieba.cut(match.group(0))) + ZWSP

    return HAN_RUN.sub(cut, text).strip(ZWSP)


def redundant_markers(separator: str) -> re.Pattern[str]:
    """U+200B next to a separator, a tag or another marker: the tokenizer splits there anyway."""
    sep = separator.strip()
    if not (sep.startswith("[") and sep.endswith("]+")):
        raise ValueError(f"search separator {separator!r} is not a character class; update coursekit/search/index.py")
    chars = sep[1:-2].replace("\\u200b", "")
    return re.compile(f"{ZWSP}+(?=[{chars}<{ZWSP}]|$)|{ZWSP}(?<=[{chars}>]{ZWSP}){ZWSP}*|^{ZWSP}+")


def compact_text(text: str, redundant: re.Pattern[str]) -> str:
    """Drop redundant markers; a marker between two Han characters becomes one space."""
    return BETWEEN_HAN.sub(" ", redundant.sub("", text))


def compact(index: dict[str, Any]) -> dict[str, Any]:
    """The same index with fewer bytes (see the module docstring)."""
    redundant = redundant_markers(index["config"]["separator"])
    for doc in index["docs"]:
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = compact_text(doc[field], redundant)
    return index


def add_entries(index: dict[str, Any], entries: Iterable[Entry]) -> int:
    """Add record entries after their page's sections, if the page is in the index; return how many."""
    pages: dict[str, list[dict[str, Any]]] = {}
    for doc in index["docs"]:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    added = 0
    for e in entries:
        page = e.location.split("#")[0]
        if page not in pages or "#" in pages[page][0]["location"]:
            log.debug("search: no page %s in the index for %s", e.location, e.title)
            continue
        pages[page].append({"location": e.location, "title": segment(e.title), "text": segment(e.text)})
        added += 1
    # each page's entries together, after its sections: the shards number documents page by page
    # (coursekit.search.shards.refs), and lunr breaks ties in document order, so both orders agree
    index["docs"] = [doc for docs in pages.values() for doc in docs]
    return added


def dumps(index: dict[str, Any]) -> str:
    """The index as compact UTF-8 JSON."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
