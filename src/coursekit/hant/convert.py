"""Simplified → Traditional (Taiwan phrasing): OpenCC ``s2twp`` with the course's term table on top.

Terms are swapped for private-use placeholders before OpenCC runs (so it can
neither change them nor read them as part of a longer phrase) and put back in
their reviewed Traditional form afterwards. Many texts are converted in one
OpenCC call, joined by a separator OpenCC never reads across.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .terms import Term, load_terms

log = logging.getLogger(__name__)

HANT = "zh-Hant"
"""The language code of this edition on the command line (``--lang zh-Hant``)."""
HANT_LANGUAGES = frozenset({"zh-TW", "zh-Hant", "zh-HK"})
"""mkdocs-material theme languages that make a build the Traditional edition."""
OPENCC_CONFIG = "s2twp"

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SEP = "\U0010fffd"        # between texts converted together
_FIRST_SLOT = 0xF0000      # placeholders of terms (Supplementary Private Use Area-A)


def is_hant_language(language: str | None) -> bool:
    """True for a theme language or ``--lang`` value meaning Traditional Chinese."""
    return (language or "") in HANT_LANGUAGES


class Converter:
    """Converts text to this course's Traditional Chinese."""

    def __init__(self, terms: Sequence[Term] = ()):
        """A converter applying ``terms`` (longest first) on top of OpenCC."""
        try:
            import opencc
        except ImportError as exc:  # a clear message instead of a traceback in a build
            raise RuntimeError("opencc is not installed, so the 繁體中文 edition cannot be built; "
                               "run `make install`") from exc
        self._opencc = opencc.OpenCC(OPENCC_CONFIG)
        self.terms = tuple(sorted(terms, key=lambda t: -len(t.simplified)))
        self._slot = {t.simplified: chr(_FIRST_SLOT + i) for i, t in enumerate(self.terms)}
        self._back = {ord(chr(_FIRST_SLOT + i)): t.traditional for i, t in enumerate(self.terms)}
        self._pattern = re.compile("|".join(re.escape(t.simplified) for t in self.terms)) if self.terms else None

    def convert(self, text: str) -> str:
        """``text`` in Traditional Chinese (text without Chinese characters comes back unchanged)."""
        if not HAN.search(text):
            return text
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: self._slot[m.group(0)], text)
        return str(self._opencc.convert(text)).translate(self._back)

    def convert_many(self, texts: Sequence[str]) -> list[str]:
        """Each text converted on its own (no phrase spans two texts), in one OpenCC call."""
        todo = [i for i, t in enumerate(texts) if HAN.search(t)]
        out = list(texts)
        if not todo:
            return out
        if any(_SEP in texts[i] for i in todo):
            return [self.convert(t) for t in texts]
        converted = self.convert(_SEP.join(texts[i] for i in todo)).split(_SEP)
        if len(converted) != len(todo):  # cannot happen unless OpenCC changes the separator
            raise RuntimeError("OpenCC changed the text separator; convert texts one at a time")
        for i, text in zip(todo, converted):
            out[i] = text
        return out

    def file_name(self, rel: str) -> str:
        """A generated file's path in this edition: each run of Chinese characters converted on its own
        (``教学日历.xlsx`` → ``教學日曆.xlsx``, ``01-x/项目实训自评互评表.docx`` → ``01-x/項目實訓自評互評表.docx``).
        ``coursekit handouts --lang zh-Hant`` writes under this name and the edition's pages link to it."""
        return self.convert_words(rel)

    def convert_words(self, text: str) -> str:
        """Each run of Chinese characters converted on its own: for text already cut into words."""
        runs = list(_RUN.finditer(text))
        if not runs:
            return text
        converted = self.convert_many([m.group(0) for m in runs])
        parts, last = [], 0
        for m, new in zip(runs, converted):
            parts += [text[last:m.start()], new]
            last = m.end()
        parts.append(text[last:])
        return "".join(parts)


_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=4)
def _cached(root: str, mtime: int) -> Converter:
    return Converter(load_terms(Path(root)))


def converter(root: Path) -> Converter:
    """The converter of the course at ``root`` (its term table), reused until the table changes."""
    from .terms import TERMS_FILE
    path = root / TERMS_FILE
    return _cached(str(root.resolve()), path.stat().st_mtime_ns if path.exists() else 0)
