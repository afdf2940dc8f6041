"""Remember how jieba cut a piece of text, in this build and the next ones.

material's search plugin calls ``jieba.cut`` once per run of Chinese characters:
about 36 000 times for this course, a third of them on a run it has already cut
(headings, table cells, repeated phrases). Cutting, and loading jieba's
dictionary before the first cut (about half a second), are the largest costs
of a build after Markdown itself.

So the cuts are kept in ``.cache/coursekit/jieba-cuts-<config>.marshal`` beside mkdocs.yml
(one file per config: editions cut different text; marshal, as jieba's own cache: plain data,
written six times faster than pickle).
A cut only changes when jieba's dictionary does: the file is valid for one
jieba version and one list of course words (glossary terms, aliases), and is
ignored otherwise. jieba learns the course's words, and loads its dictionary,
only when a text is not in the cache: a build of unchanged content never loads
it. Each build writes back only the cuts it used, so the file does not grow
with old text.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_DIR = Path(".cache") / "coursekit"
FORMAT = 2  # bump when the file's layout changes

Key = tuple[Any, bool, bool]
_cache: dict[Key, tuple[str, ...]] = {}
_used: set[Key] = set()
_state: dict[str, Any] = {"sig": None, "file": None, "learn": None, "missed": 0}


def signature(words: list[str]) -> str:
    """What the cuts depend on: jieba's version and the words it was taught."""
    import jieba

    # marshal's format belongs to one Python version
    text = "\n".join([str(FORMAT), str(marshal.version), sys.version.split()[0], str(getattr(jieba, "__version__", "")),
                      *sorted(words)])
    return hashlib.sha256(text.encode()).hexdigest()


def install(words: list[str], root: Path | None, learn: Callable[[list[str]], None], name: str = "mkdocs") -> None:
    """Answer ``jieba.cut`` from the cache during this build; ``learn(words)`` runs before jieba's first cut.

    ``root`` is the project folder holding the cache (None: keep cuts in memory only), ``name``
    the config's name (mkdocs.teacher.yml → "mkdocs.teacher").
    """
    import jieba

    path = None if root is None else root / CACHE_DIR / f"jieba-cuts-{name}.marshal"
    sig = signature(words)
    if sig != _state["sig"] or path != _state["file"]:  # another dictionary or edition: start afresh
        _cache.clear()
        _state["sig"] = sig
        if path is not None:
            _cache.update(_read(path, sig))
    _used.clear()
    _state.update(file=path, missed=0, learn=lambda: learn(words))
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
            if _state["learn"] is not None:  # the first real cut of this build: teach jieba the words first
                _state["learn"]()
                _state["learn"] = None
            words = _cache[key] = tuple(original(sentence, cut_all, HMM))
            _state["missed"] += 1
        _used.add(key)
        return iter(words)

    cut.coursekit_cache = True  # type: ignore[attr-defined]
    jieba.cut = cut


def save() -> None:
    """Write the cuts this build used, if any were new (atomically: a half-written file is never read)."""
    path = _state["file"]
    if path is None or not _state["missed"]:
        return
    data = {"format": FORMAT, "sig": _state["sig"], "cuts": {k: _cache[k] for k in _used}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(data))
        tmp.replace(path)
    except OSError as exc:  # a read-only checkout still builds, only slower next time
        log.info("jieba's cuts not cached (%s); the next build cuts again", exc)
    _state["missed"] = 0


def _read(path: Path, sig: str) -> dict[Key, tuple[str, ...]]:
    """The cuts in ``path`` if they were made with this dictionary; nothing otherwise."""
    try:
        data = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except Exception as exc:  # noqa: BLE001 - a damaged cache is only a slower build
        log.info("ignoring %s (%s: %s); cutting again", path, type(exc).__name__, exc)
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("sig") != sig:
        return {}
    cuts = data.get("cuts")
    return cuts if isinstance(cuts, dict) else {}
