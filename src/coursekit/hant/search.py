"""Search in the Traditional edition: the index converted word by word, the query rewrite in Traditional.

material's search plugin indexes each page before the page is converted, so
jieba cuts the Simplified text it knows (with the course's words); here each
word of the finished index is converted on its own. The query rewrite
(:mod:`coursekit.search.query`, ``worker.js``) then gets Traditional data:

* ``t2s`` (here: any character → the index's form): a Simplified or variant
  character a reader types (社群运营, 裏) becomes the character the index has (運, 裡);
* ``groups``: the glossary aliases and the course's synonyms in Traditional,
  plus every indexed word whose Taiwan phrasing differs from a plain character
  conversion (資訊 ↔ 信息, 影片 ↔ 視頻), so a reader who types either finds it;
* ``stop``: the question words in Traditional;
* ``pinyin``: the course's words in Traditional with their pinyin (pypinyin reads both scripts).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from ..registry import Registry
from ..search.pinyin import PinyinData, pinyin_data, title_words
from ..search.query import CJK_BLOCKS, LABELS, STOPWORDS, alias_groups, han_chars
from .convert import Converter

log = logging.getLogger(__name__)

_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def convert_index(index: dict[str, Any], conv: Converter) -> list[list[str]]:
    """Convert titles and texts of ``index`` in place, one word at a time; return the vocabulary groups.

    A word here is a run of Chinese characters between separators: the index
    puts a separator (U+200B or a space) between two words jieba cut.
    """
    words: set[str] = set()
    for doc in index["docs"]:
        for key in ("title", "text"):
            words.update(_WORD.findall(doc.get(key, "")))
    plain = _plain_opencc()
    ordered = sorted(words)
    converted = dict(zip(ordered, conv.convert_many(ordered)))
    for doc in index["docs"]:
        for key in ("title", "text"):
            if key in doc:
                doc[key] = _WORD.sub(lambda m: converted[m.group(0)], doc[key])
    groups = []
    for word in ordered:
        typed = str(plain.convert(word))  # characters only, no Taiwan phrasing
        if typed != converted[word]:
            groups.append([converted[word], typed])
    return groups


@lru_cache(maxsize=1)
def _plain_opencc() -> Any:
    """OpenCC's character conversion with Taiwan variants and no phrase changes (``s2tw``)."""
    import opencc
    return opencc.OpenCC("s2tw")


@lru_cache(maxsize=1)
def _to_traditional() -> dict[str, str]:
    """Every CJK character → its Taiwan Traditional form (via Simplified), where that differs."""
    import opencc
    chars = [chr(c) for lo, hi in CJK_BLOCKS for c in range(lo, hi)]
    # one character per line: OpenCC converts phrases, never across a line break
    simple = str(opencc.OpenCC("t2s").convert("\n".join(chars))).split("\n")
    trad = str(_plain_opencc().convert("\n".join(simple))).split("\n")
    return {c: t for c, t in zip(chars, trad) if t != c and len(t) == 1}


def char_pairs(index_chars: set[str]) -> str:
    """Pairs (typed, indexed) for characters the index lacks whose Traditional form it has."""
    return "".join(c + t for c, t in _to_traditional().items() if t in index_chars and c not in index_chars)


def prelude_data(reg: Registry, index: dict[str, Any], conv: Converter, vocabulary: list[list[str]],
                 pinyin: PinyinData = pinyin_data) -> dict[str, Any]:
    """The query rewrite's data for the converted ``index`` (same shape as coursekit.search.query)."""
    aliases = [conv.convert_many(group) for group in alias_groups(reg)]
    groups = _merge(aliases + vocabulary + term_groups(conv, index))
    stop = sorted(set(STOPWORDS) | set(conv.convert_many(list(STOPWORDS))))
    longest = max([8, *(len(w) for g in groups for w in g)])
    chars = han_chars(index)
    words = [*(w for g in aliases for w in g), *conv.convert_many(list(reg.course.search_words)), *title_words(index)]
    return {"t2s": char_pairs(chars), "groups": groups, "stop": stop, "longest": longest,
            "labels": {key: conv.convert(text) for key, text in LABELS.items()}, "pinyin": pinyin(words, chars)}


def term_groups(conv: Converter, index: dict[str, Any]) -> list[list[str]]:
    """The term table's words with OpenCC's own form (用戶 ↔ 使用者), where that form is no word of the index.

    A reader used to Taiwan's IT vocabulary types OpenCC's form; when it is itself a word the course
    uses (社區 → 社群), it is left out, or its pages would match queries they do not answer.
    """
    words: set[str] = set()
    for doc in index["docs"]:
        words.update(_WORD.findall(doc.get("title", "") + " " + doc.get("text", "")))
    opencc_forms = str(conv._opencc.convert("\n".join(t.simplified for t in conv.terms))).split("\n")
    return [[t.traditional, form] for t, form in zip(conv.terms, opencc_forms)
            if form != t.traditional and form not in words]


def _merge(groups: list[list[str]]) -> list[list[str]]:
    """Groups without duplicate words; a word in two groups joins them (the worker maps a word to one group)."""
    merged: list[list[str]] = []
    where: dict[str, int] = {}
    for group in groups:
        words = list(dict.fromkeys(group))
        hits = sorted({where[w.lower()] for w in words if w.lower() in where})
        if hits:
            target = merged[hits[0]]
            for other in hits[1:]:
                target += [w for w in merged[other] if w not in target]
                merged[other] = []
            target += [w for w in words if w not in target]
        else:
            merged.append(words)
        index = hits[0] if hits else len(merged) - 1
        for w in merged[index]:
            where[w.lower()] = index
    return [g for g in merged if len(g) > 1]
