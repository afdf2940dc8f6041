"""The data the browser-side query rewrite uses (``worker.js``).

* ``groups``: words a search treats as one — each glossary term with its
  aliases (and its English name when that is one word), plus the course's
  ``search_synonyms``.
* ``stop``: question words that match almost every page (怎么, 如何 …); dropped
  from a query unless nothing else is left.
* ``t2s``: Traditional → Simplified pairs from OpenCC (``t2s``, Taiwan and Hong
  Kong variants), only for Simplified characters the index contains.
* ``pinyin``: the course's words by pinyin, for pinyin queries and homophone typos
  (:mod:`.pinyin`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import kinds
from ..registry import Registry
from .pinyin import PinyinData, pinyin_data, title_words

log = logging.getLogger(__name__)

STOPWORDS = ("怎么", "怎样", "怎么样", "如何", "什么", "为什么", "哪些", "哪个", "哪里", "是否", "请问", "怎么办",
             "是什么", "有哪些", "应该", "可以", "吗", "呢", "吧", "的", "了", "啊",
             # how students ask (tests/search_queries.yml, kind question): the topic is what is left
             "有什么", "有什么区别", "有什么不同", "区别", "不同", "什么样", "什么时候", "怎么做", "怎么弄", "咋办",
             "咋", "啥", "为啥", "要", "需要", "注意", "能", "能不能", "会", "会不会", "是不是", "多少", "几个", "有",
             "是", "和", "与", "跟", "让", "给", "把", "被", "在", "我", "我们", "你", "他们", "一个", "最好", "合适")
OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s")
CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def alias_groups(reg: Registry) -> list[list[str]]:
    """Glossary terms with their other names, and the course's synonym groups."""
    groups = []
    for t in reg.of(kinds.GLOSSARY).values():
        names = [t.term, *t.aliases, *t.avoid]  # readers still type the variants the course avoids
        if t.english and " " not in t.english.strip():
            names.append(t.english.strip())
        groups.append(names)
    groups += [list(g) for g in reg.course.search_synonyms]
    return [g for g in (_unique(g) for g in groups) if len(g) > 1]


def _unique(words: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for w in words:
        seen.setdefault(w.lower(), w)
    return list(seen.values())


TABLE = Path(__file__).with_name("t2s.json")
"""Every Traditional character OpenCC turns into one other character, with its Simplified form.

Converting all 28 000 CJK characters through OpenCC takes a fifth of a second, on every build;
the answer only changes with OpenCC, so it is kept here (tests/test_search_index.py checks it
against the installed OpenCC; ``pytest --update-golden`` rewrites it).
"""


def traditional_table() -> dict[str, str]:
    """Traditional → Simplified, computed with the installed OpenCC (slow: for the check and for rewriting)."""
    try:
        import opencc
    except ImportError as exc:
        raise RuntimeError("opencc is not installed, so Traditional queries would not work; run `make install`") from exc
    chars = [chr(c) for lo, hi in CJK_BLOCKS for c in range(lo, hi)]
    table: dict[str, str] = {}
    for config in OPENCC_CONFIGS:
        # one character per line: OpenCC converts phrases, never across a line break
        converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
        for src, dst in zip(chars, converted):
            if dst != src and len(dst) == 1:
                table.setdefault(src, dst)
    return table


def table_file_text(table: dict[str, str]) -> str:
    """``t2s.json``'s content for ``table``: the pairs as one string, as the worker receives them."""
    return json.dumps({"configs": list(OPENCC_CONFIGS), "pairs": "".join(t + s for t, s in table.items())},
                      ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def _traditional_table() -> dict[str, str]:
    """The stored table (read once per process)."""
    pairs = json.loads(TABLE.read_text(encoding="utf-8"))["pairs"]
    return {pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)}


def t2s_pairs(index_chars: set[str]) -> str:
    """Traditional and Simplified characters, in pairs, for the characters of the index."""
    return "".join(t + s for t, s in _traditional_table().items() if s in index_chars)


def han_chars(index: dict[str, Any]) -> set[str]:
    """The Chinese characters of an index's titles and texts."""
    chars: set[str] = set()
    for doc in index["docs"]:
        chars.update(doc.get("title", ""), doc.get("text", ""))
    return {c for c in chars if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"}


def course_words(reg: Registry, index: dict[str, Any], groups: list[list[str]]) -> list[str]:
    """The words pinyin can find, most important first: terms and synonyms, the course's words, titles."""
    return [*(w for g in groups for w in g), *reg.course.search_words, *title_words(index)]


LABELS = {"suggest": "你要找的是不是：", "shown": "，只列出最相关的 # 个",
          "failed": "。搜索数据没有下载成功：请检查网络，或刷新本页后再试"}
"""Words of the result list (patches.py shows them): after "你要找的是不是：" the corrected query, after the
count of pages found (material's "# 个符合条件的结果") how many are listed when the shards list fewer; after "没有找到…" why, when a piece of the index did not come
(no network, or the site was updated since the page was opened: the old pieces are gone)."""


def prelude_data(reg: Registry, index: dict[str, Any], pinyin: PinyinData = pinyin_data) -> dict[str, Any]:
    """Everything ``worker.js`` needs, as JSON-ready data (``pinyin``: :func:`.pinyin_data` or a cache of it)."""
    groups = alias_groups(reg)
    longest = max([8, *(len(w) for g in groups for w in g)])
    chars = han_chars(index)
    return {"t2s": t2s_pairs(chars), "groups": groups, "stop": list(STOPWORDS), "longest": longest,
            "labels": dict(LABELS), "pinyin": pinyin(course_words(reg, index, groups), chars)}
