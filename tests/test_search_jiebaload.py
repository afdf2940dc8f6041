"""jieba's dictionary read from jieba's own cache file: the same tokenizer jieba would make, or jieba's way."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from coursekit.search import jiebaload

jieba.setLogLevel(logging.WARNING)
TEXT = "李小嘉的土鸡社群先做用户画像，再用裂变海报引流，最后在群里做限时秒杀。"


def _tokenizer(tmp: Path) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(tmp)  # its cache file: tmp/jieba.cache
    return tok


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, jieba.Tokenizer]:
    """A temp folder holding the cache file jieba wrote, and the tokenizer jieba loaded it into."""
    tmp = tmp_path_factory.mktemp("jieba")
    _tokenizer(tmp).initialize()  # builds the dictionary, writes the cache file
    theirs = _tokenizer(tmp)
    theirs.initialize()  # and loads it from the cache file
    assert (tmp / "jieba.cache").is_file()
    return tmp, theirs


def test_it_makes_the_tokenizer_jieba_makes(cached: tuple[Path, jieba.Tokenizer]) -> None:
    tmp, theirs = cached
    ours = _tokenizer(tmp)
    assert jiebaload.load(ours) is True and ours.initialized
    assert ours.total == theirs.total and ours.FREQ == theirs.FREQ
    ours.add_word("土鸡社群")
    theirs_taught = _tokenizer(tmp)
    theirs_taught.initialize()
    theirs_taught.add_word("土鸡社群")
    assert list(ours.cut(TEXT)) == list(theirs_taught.cut(TEXT))
    assert "土鸡社群" in list(ours.cut(TEXT))


def test_it_steps_aside_where_jieba_would_do_something_else(tmp_path: Path,
                                                           cached: tuple[Path, jieba.Tokenizer]) -> None:
    assert jiebaload.load(_tokenizer(tmp_path)) is False  # no cache file yet: jieba builds one
    (tmp_path / "jieba.cache").write_bytes(b"damaged")
    tok = _tokenizer(tmp_path)
    assert jiebaload.load(tok) is False and not tok.initialized  # jieba rebuilds it
    words = tmp_path / "words.txt"
    words.write_text("土鸡 3 n\n", encoding="utf-8")
    assert jiebaload.load(jieba.Tokenizer(str(words))) is False  # another dictionary, another cache name
    named = _tokenizer(cached[0])
    named.cache_file = "mine.cache"
    assert jiebaload.load(named) is False
    loaded = _tokenizer(cached[0])
    loaded.initialize()
    freq = loaded.FREQ
    assert jiebaload.load(loaded) is False and loaded.FREQ is freq  # loaded already: left as it is


BUILD_CUT = """
import jieba
from coursekit.search.jiebacache import CutCache
called = []
original = jieba.Tokenizer.initialize
jieba.Tokenizer.initialize = lambda self, *a: (called.append(1), original(self, *a))[1]
cuts = CutCache(["土鸡社群"], None, lambda words: [jieba.add_word(w) for w in words])
cuts.install()
print(list(jieba.cut("土鸡社群做用户画像")), jieba.dt.initialized, len(called))
"""


def test_a_build_s_first_real_cut_loads_it_this_way(cached: tuple[Path, jieba.Tokenizer]) -> None:
    """In a fresh process (jieba is global), as a build with new text: jieba's own load never runs."""
    env = {**os.environ, "TMPDIR": str(cached[0]), "PYTHONPATH": str(Path(jiebaload.__file__).parents[2])}
    out = subprocess.run([sys.executable, "-c", BUILD_CUT], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['土鸡社群',", "'做',", "'用户',", "'画像']", "True", "0"], out.stderr
