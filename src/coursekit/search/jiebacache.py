"""Remember how jieba cut a piece of text, in this build and the next ones.

material's search plugin calls ``jieba.cut`` once per run of Chinese characters:
about 36 000 times for this course, a third of them on a run it has already cut
(headings, table cells, repeated phrases). Cutting, and loading jieba's
dictionary before the first cut (half a second as jieba loads it, a third of
that through :mod:`.jiebaload`), are the largest costs of a build after Markdown itself.

So the cuts are kept in ``.cache/coursekit/jieba-cuts-<config>.marshal`` beside mkdocs.yml
(one file per config: editions cut different text; marshal, as jieba's own cache: plain data,
written six times faster than pickle).
A cut only changes when the segmentation setup does: the file is valid for one
:func:`signature` (jieba's version, material's search settings, the course words)
and is ignored otherwise. jieba learns the course's words, and loads its dictionary,
only when a text is not in the cache: a build of unchanged content never loads it.
Each build writes back only the cuts it used, so the file does not grow with old text.

A :class:`CutCache` belongs to one build (the coursekit plugin makes it): :meth:`install`
wraps ``jieba.cut`` at the start, :meth:`restore` puts jieba's own function back at the end.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..atomicfile import cache_write
from . import jiebaload

log = logging.getLogger(__name__)

CACHE_DIR = Path(".cache") / "coursekit"
FORMAT = 3  # bump when the file's layout or the signature's parts change

Key = tuple[Any, bool, bool]


def signature(words: Iterable[str], setup: dict[str, Any] | None = None) -> str:
    """What the cuts depend on: jieba's version, the segmentation setup and the words jieba was taught.

    ``setup``: material's search settings that shape segmentation (lang, separator, jieba_dict,
    jieba_dict_user); a changed value starts a new cache.
    """
    import jieba

    # marshal's format belongs to one Python version
    parts = [str(FORMAT), str(marshal.version), sys.version.split()[0], str(getattr(jieba, "__version__", ""))]
    parts += [f"{name}={value!r}" for name, value in sorted((setup or {}).items())]
    text = "\n".join([*parts, "", *sorted(words)])
    return hashlib.sha256(text.encode()).hexdigest()


class CutCache:
    """The cuts of one build: read from the file, answered instead of ``jieba.cut``, written back."""

    def __init__(self, words: list[str], path: Path | None, learn: Callable[[list[str]], None],
                 setup: dict[str, Any] | None = None) -> None:
        """``path``: the cache file (None: memory only); ``learn(words)`` runs before jieba's first real cut."""
        self.words = words
        self.path = path
        self.sig = signature(words, setup)
        self.cuts: dict[Key, tuple[str, ...]] = {} if path is None else _read(path, self.sig)
        self.used: set[Key] = set()
        self.missed = 0
        self._learn: Callable[[list[str]], None] | None = learn
        self._original: Any = None

    @property
    def installed(self) -> bool:
        """True between :meth:`install` and :meth:`restore`."""
        return self._original is not None

    def install(self) -> None:
        """Answer ``jieba.cut`` from the cache until :meth:`restore`."""
        import jieba

        if self.installed:
            return
        self._original = original = jieba.cut

        def cut(sentence: Any, cut_all: bool = False, HMM: bool = True, use_paddle: bool = False) -> Iterator[str]:
            """``jieba.cut``, answered from the cache when the same text was cut before."""
            if use_paddle:
                return iter(original(sentence, cut_all, HMM, use_paddle))
            key = (sentence, cut_all, HMM)
            words = self.cuts.get(key)
            if words is None:
                if self._learn is not None:  # the first real cut of this build: teach jieba the words first
                    learn, self._learn = self._learn, None
                    jiebaload.load()  # its dictionary, before learning needs it: faster than jieba loads it
                    learn(self.words)
                words = self.cuts[key] = tuple(original(sentence, cut_all, HMM))
                self.missed += 1
            self.used.add(key)
            return iter(words)

        jieba.cut = cut

    def restore(self) -> None:
        """Put jieba's own ``cut`` back (also after a failed build)."""
        import jieba

        if self._original is not None:
            jieba.cut = self._original
            self._original = None

    def save(self) -> None:
        """Write the cuts this build used, if any were new (atomically: a half-written file is never read)."""
        if self.path is None or not self.missed:
            return
        data = {"format": FORMAT, "sig": self.sig, "cuts": {k: self.cuts[k] for k in self.used}}
        cache_write(self.path, marshal.dumps(data), "jieba's cuts")
        self.missed = 0


def cache_file(root: Path, name: str) -> Path:
    """The cache file of config ``name`` (mkdocs.teacher.yml → "mkdocs.teacher") in the course ``root``."""
    return root / CACHE_DIR / f"jieba-cuts-{name}.marshal"


def _read(path: Path, sig: str) -> dict[Key, tuple[str, ...]]:
    """The cuts in ``path`` if they were made with this setup; nothing otherwise."""
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
