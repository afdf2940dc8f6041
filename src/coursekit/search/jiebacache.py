"""Remember how jieba cut a piece of text, for the rest of the build.

material's search plugin calls ``jieba.cut`` once per run of Chinese characters:
about 36 000 times for this course, a third of them on a run it has already cut
(headings, table cells, repeated phrases), and cutting is the largest single
cost of a build. The answer only changes when jieba's dictionary does, so the
cache is emptied at the start of every build, after the course's words are added
(see :func:`coursekit.hooks.start`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

log = logging.getLogger(__name__)

_cache: dict[tuple[Any, bool, bool], tuple[str, ...]] = {}


def install() -> None:
    """Wrap ``jieba.cut`` once per process; empty the cache (call after changing jieba's words)."""
    import jieba

    _cache.clear()
    if getattr(jieba.cut, "coursekit_cache", False):
        return
    original = jieba.cut

    def cut(sentence: Any, cut_all: bool = False, HMM: bool = True, use_paddle: bool = False) -> Iterator[str]:
        """``jieba.cut``, answered from the cache when the same text was cut before."""
        if use_paddle:
            return iter(original(sentence, cut_all, HMM, use_paddle))
        key = (sentence, cut_all, HMM)
        words = _cache.get(key)
        if words is None:
            words = _cache[key] = tuple(original(sentence, cut_all, HMM))
        return iter(words)

    cut.coursekit_cache = True  # type: ignore[attr-defined]
    jieba.cut = cut
