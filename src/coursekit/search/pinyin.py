"""Pinyin data for the query rewrite: course words by their pinyin, and which characters sound alike.

Students type with a pinyin input method. Two kinds of query follow from it:

* **Pinyin itself** (``siyu``, ``yonghuhuaxiang``) or its initials (``sy``, ``yhhx``), when the
  input method is not switched to Chinese or the reader is lazy: the worker looks the Latin word
  up among the course's words (``words``: each word with its syllables).
* **Homophone typos** (私欲 for 私域, 社群列变 for 社群裂变): the input method offered the wrong
  character for the right syllable. The worker replaces a stretch of the query that is no word
  of the index by the course word it sounds like, and says so ("你要找的是不是：…"). For that it
  needs the readings of characters a reader may type: ``chars`` maps each syllable of a course
  word to the common characters (GB 2312 level 1, the 3 755 an input method offers first, and
  every character of the index) that can be read so.
  Only the course's syllables are listed: a character read otherwise cannot be a typo of a course word.

The course's words are its own (glossary terms and aliases, ``search_words``, synonyms, and the
words of page and section titles), computed at build time with pypinyin, so the data is a few KB
and grows with the course's vocabulary, not with its text.

pypinyin costs about half a second a build (its import and its dictionaries), more than the
rest of the query data; the answer only changes with the words, the index's characters and
pypinyin's version, so :class:`PinyinCache` keeps it beside jieba's cuts
(``.cache/coursekit/pinyin-<config>.json``) and in the temp folder, and a build whose titles and
characters did not change never imports pypinyin.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..atomicfile import cache_write, keep_newest

log = logging.getLogger(__name__)

HAN_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,8}")
MAX_WORDS = 3000  # far above this course's ~700; a bound on the worker's size if titles get long
FORMAT = 1  # bump when pinyin_data's answer changes for the same input (the cache's key includes it)

PinyinData = Callable[[Iterable[str], set[str]], dict[str, Any]]


def _pinyin(words: list[str], heteronym: bool) -> list[list[str]]:
    try:
        from pypinyin import Style, pinyin
    except ImportError as exc:
        raise RuntimeError("pypinyin is not installed, so pinyin search would not work; run `make install`") from exc
    return [[s[0] for s in pinyin(w, style=Style.NORMAL, heteronym=heteronym, errors="ignore")] for w in words]


@lru_cache(maxsize=1)
def _common_readings() -> dict[str, tuple[str, ...]]:
    """Every GB 2312 level 1 character (rows 16–55: the common ones) → its toneless readings.

    Level 2 (3 008 rarer characters) would double the worker's pinyin data for typos no one makes.
    """
    chars = [bytes([hi, lo]).decode("gb2312") for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF)
             if not (hi == 0xD7 and lo > 0xF9)]
    return _readings(chars)


def _readings(chars: Iterable[str]) -> dict[str, tuple[str, ...]]:
    from pypinyin import Style, pinyin

    chars = list(chars)
    # one character per element, so one reading list each ("-" for a character pypinyin does not know)
    found = pinyin(chars, style=Style.NORMAL, heteronym=True, errors=lambda c: "-")
    return {c: tuple(r for r in dict.fromkeys(readings) if r.isascii() and r.isalpha())
            for c, readings in zip(chars, found)}


def title_words(index: dict[str, Any]) -> list[str]:
    """Chinese words of the index's titles (pages and sections), as cut into words for the index."""
    words: dict[str, None] = {}
    for doc in index["docs"]:
        for word in HAN_WORD.findall(doc.get("title", "")):
            words.setdefault(word)
    return list(words)


def pinyin_data(words: Iterable[str], index_chars: set[str]) -> dict[str, Any]:
    """``words`` (most important first) with their syllables, and the characters of each syllable."""
    chosen = list(dict.fromkeys(w for w in words if HAN_WORD.fullmatch(w)))[:MAX_WORDS]
    syllables = _pinyin(chosen, heteronym=False)  # the word's reading (pypinyin knows 复购率 is fu gou lv)
    entries = [[w, " ".join(s)] for w, s in zip(chosen, syllables) if len(s) == len(w) and all(s)]
    wanted = {s for _, syl in entries for s in syl.split()}
    readings = {**_common_readings(), **_readings(sorted(index_chars - set(_common_readings())))}
    chars: dict[str, list[str]] = {s: [] for s in sorted(wanted)}
    for c, rs in readings.items():
        for r in rs:
            if r in chars:
                chars[r].append(c)
    return {"words": entries, "chars": {s: "".join(cs) for s, cs in chars.items()}}


class PinyinCache:
    """:func:`pinyin_data`, remembered across builds, like jieba's cuts and its dictionary.

    ``path`` (``.cache/coursekit/pinyin-<config>.json``) holds the answers the last build asked for
    (the simplified and the Traditional index), so it does not grow with old titles; :meth:`save`
    writes it at the end of a build. The temp folder keeps each answer too
    (``coursekit-pinyin-<key>.json``, the newest :data:`MACHINE_FILES`), as jieba keeps its dictionary
    there: a fresh clone of a course this machine built before skips pypinyin as well. A missing,
    damaged or foreign file only makes the build slower.
    """

    def __init__(self, path: Path | None, machine: Path | None = None) -> None:
        self.path = path
        self.machine = machine if machine is not None else Path(tempfile.gettempdir())
        self.used: dict[str, Any] = {}
        self._stored: dict[str, Any] | None = None

    def __call__(self, words: Iterable[str], index_chars: set[str]) -> dict[str, Any]:
        words = list(words)
        key = _key(words, index_chars)
        found = self.used.get(key) or self._read().get(key) or _load(self._machine_file(key))
        if not _valid(found):
            found = pinyin_data(words, index_chars)
            self._keep(key, found)
        self.used[key] = found
        return found  # type: ignore[no-any-return]

    def save(self) -> None:
        """Write the answers this build used, if they are not what the file holds (atomically)."""
        if self.path is None or not self.used or set(self.used) == set(self._read()):
            return
        _dump(self.path, self.used)
        self._stored = dict(self.used)

    def _read(self) -> dict[str, Any]:
        if self._stored is None:
            found = _load(self.path) if self.path is not None else None
            self._stored = found if isinstance(found, dict) else {}
        return self._stored

    def _machine_file(self, key: str) -> Path:
        return self.machine / f"coursekit-pinyin-{key[:24]}.json"

    def _keep(self, key: str, data: dict[str, Any]) -> None:
        _dump(self._machine_file(key), data)
        keep_newest(self.machine, "coursekit-pinyin-*.json", MACHINE_FILES)


MACHINE_FILES = 16  # answers kept in the temp folder: a few courses and editions, and their recent titles


def _valid(found: Any) -> bool:
    return isinstance(found, dict) and set(found) == {"words", "chars"}


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.info("ignoring %s (%s); computing pinyin again", path, exc)
        return None


def _dump(path: Path, data: Any) -> None:
    cache_write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"), "pinyin data")


def _key(words: list[str], index_chars: set[str]) -> str:
    try:
        found = version("pypinyin")
    except PackageNotFoundError:
        found = ""
    text = json.dumps([FORMAT, found, MAX_WORDS, words, sorted(index_chars)], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()
