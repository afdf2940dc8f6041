"""Load jieba's dictionary by the piece: only the entries the text being cut can use.

Before its first cut jieba reads its whole dictionary, about 500 000 words and
word prefixes: half a second per build (the floor pays it too). But a cut only
looks up runs of characters of the text itself, each one character long or
starting with one of the text's two-character pairs. So the dictionary is
indexed by its entries' first two characters, once per machine and jieba
dictionary (in the temp folder, beside jieba's own cache; filed by first
character, so that the index itself loads in milliseconds), and every text cut
first brings in the groups its pairs name: an eighth of the dictionary for this
course. The cuts are jieba's own (``tests/test_search_jiebadict.py`` compares
them on the whole course); the tokenizer's other ways in (``add_word``,
``suggest_freq``, ``del_word``, and jieba's module-level shortcuts to them)
bring in their word's groups first, so words taught to jieba meet the same
dictionary as they would in full.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from array import array
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the index's layout changes
stats = {"index_builds": 0, "index_loads": 0, "groups": 0}  # read by bench/jiebacost.py

File = tuple[str, bytes, bytes]
"""The groups of one first character: the second characters of its pairs (one string, each character once),
where each pair's group ends in the blob (unsigned ints), and the blob (each group a marshal of
{entry: frequency}, end to end)."""

WAYS_IN = ("get_DAG", "add_word", "del_word", "suggest_freq")
"""The tokenizer's methods that look words up in its dictionary (every cut goes through ``get_DAG``)."""


class PieceDict:
    """jieba's dictionary entries, brought into a tokenizer's ``FREQ`` group by group."""

    def __init__(self, freq: dict[str, int], files: dict[str, bytes]) -> None:
        self.freq = freq  # the tokenizer's FREQ: every single character from the start, groups as needed
        self.files = files  # first character → marshal of its File
        self.opened: dict[str, tuple[str, memoryview, memoryview]] = {}
        self.seen: set[str] = set()

    def ensure(self, text: str) -> None:
        """Bring in every group a cut of ``text`` can look up."""
        pairs = {text[i:i + 2] for i in range(len(text) - 1)}
        pairs -= self.seen
        if not pairs:
            return
        self.seen |= pairs
        for pair in pairs:
            seconds, ends, blob = self.opened.get(pair[0]) or self._open(pair[0])
            i = seconds.find(pair[1])
            if i >= 0:
                self.freq.update(marshal.loads(blob[ends[i - 1] if i else 0:ends[i]]))
                stats["groups"] += 1

    def _open(self, char: str) -> tuple[str, memoryview, memoryview]:
        """The file of pairs starting with ``char`` (empty if the dictionary has none), read once."""
        data = self.files.get(char)
        seconds, ends, blob = marshal.loads(data) if data is not None else ("", b"", b"")
        opened = self.opened[char] = (seconds, memoryview(ends).cast("I"), memoryview(blob))
        return opened


def install(tokenizer: Any = None) -> bool:
    """Make ``tokenizer`` (jieba's default one) load its dictionary by the piece; False if it cannot.

    It cannot once the whole dictionary is loaded (nothing to save) or with a dictionary other
    than jieba's own (material's ``jieba_dict``): then jieba loads it whole, as usual.
    """
    import jieba

    tk = tokenizer or jieba.dt
    if getattr(tk, "coursekit_pieces", None) is not None:
        return True
    if tk.initialized or tk.dictionary != jieba.DEFAULT_DICT:
        return False
    total, singles, files = _index(jieba)
    pieces = PieceDict(dict(singles), files)
    tk.FREQ, tk.total, tk.initialized = pieces.freq, total, True
    tk.coursekit_pieces = pieces
    for name in WAYS_IN:
        setattr(tk, name, _first(pieces, getattr(tk, name)))
    if tk is jieba.dt:  # jieba's shortcuts (jieba.add_word …) are the default tokenizer's methods, bound at import
        for name in WAYS_IN:
            setattr(jieba, name, getattr(tk, name))
        jieba.get_FREQ = partial(_get_freq, pieces, tk)
    return True


def _get_freq(pieces: PieceDict, tk: Any, word: str, default: Any = None) -> Any:
    """``jieba.get_FREQ``: the word's frequency, its group brought in first."""
    pieces.ensure(word)
    return tk.FREQ.get(word, default)


def _first(pieces: PieceDict, method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` with the groups of its first argument (a text or a word) brought in beforehand."""
    import jieba

    def wrapped(text: Any, *args: Any, **kwargs: Any) -> Any:
        """Bring in the groups ``text`` needs, then do as jieba does."""
        if isinstance(text, str):
            pieces.ensure(text)
        elif isinstance(text, (tuple, list)):  # suggest_freq(("社群", "运营"), ...)
            pieces.ensure("".join(jieba.strdecode(t) for t in text))
        else:
            pieces.ensure(jieba.strdecode(text))
        return method(text, *args, **kwargs)

    return wrapped


def _index(jieba: Any) -> tuple[int, dict[str, int], dict[str, bytes]]:
    """The dictionary's total, its single characters and its filed groups: read from the temp folder, or made there."""
    path = index_path(jieba)
    try:
        data = marshal.loads(path.read_bytes())
        if data[0] == FORMAT:
            stats["index_loads"] += 1
            return data[1], data[2], data[3]
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a damaged index is only made again
        log.info("ignoring %s (%s: %s); indexing jieba's dictionary again", path, type(exc).__name__, exc)
    total, singles, files = build_index(jieba)
    try:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((FORMAT, total, singles, files)))
        tmp.replace(path)
    except OSError as exc:  # an unwritable temp folder: index again next build
        log.info("jieba's dictionary index not kept (%s)", exc)
    return total, singles, files


def index_path(jieba: Any) -> Path:
    """Where the index of jieba's dictionary lives: named after everything it depends on."""
    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    st = dictionary.stat()
    key = "\n".join(map(str, (FORMAT, marshal.version, sys.version.split()[0], jieba.__version__,
                              dictionary, st.st_size, st.st_mtime_ns)))
    return Path(tempfile.gettempdir()) / f"coursekit-jieba-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


def build_index(jieba: Any) -> tuple[int, dict[str, int], dict[str, bytes]]:
    """Read jieba's dictionary as jieba does (entries and their prefixes); group it by first two characters,
    and file the groups by first character."""
    stats["index_builds"] += 1
    freq, total = jieba.Tokenizer.gen_pfdict(jieba.get_module_res(jieba.DEFAULT_DICT_NAME))
    singles: dict[str, int] = {}
    grouped: dict[str, dict[str, int]] = {}
    for entry, count in freq.items():
        if len(entry) == 1:
            singles[entry] = count
        else:
            grouped.setdefault(entry[:2], {})[entry] = count
    filed: dict[str, list[tuple[str, bytes]]] = {}
    for pair, group in grouped.items():
        filed.setdefault(pair[0], []).append((pair[1], marshal.dumps(group)))
    return total, singles, {char: marshal.dumps(_file(groups)) for char, groups in filed.items()}


def _file(groups: list[tuple[str, bytes]]) -> File:
    """The :data:`File` of one first character's groups (second character, marshalled group)."""
    ends = array("I")
    blob = bytearray()
    for _, group in groups:
        blob += group
        ends.append(len(blob))
    return "".join(second for second, _ in groups), ends.tobytes(), bytes(blob)
