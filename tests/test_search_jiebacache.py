"""jieba's cuts kept between builds: unchanged text is never cut again, changed words start afresh."""

from __future__ import annotations

import marshal
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from coursekit.plugin.plugin import CoursekitPlugin
from coursekit.search import jiebacache
from coursekit.search.jiebacache import CutCache, cache_file

from conftest import build

TEXT = "社群运营人员要先做好用户画像"


def _cut(text: str) -> list[str]:
    import jieba
    return list(jieba.cut(text))


def _learn(into: list[list[str]]):
    """What builds pass: teach jieba (the plugin's add_words), and note that it happened."""
    plugin = CoursekitPlugin()
    return lambda words: (plugin.add_words(words), into.append(words))


def _cache(root: Path, words: list[str], learn, setup: dict | None = None) -> Iterator[CutCache]:
    """A build's cut cache, installed; jieba.cut restored afterwards."""
    cuts = CutCache(words, cache_file(root, "mkdocs"), learn, setup)
    cuts.install()
    try:
        yield cuts
    finally:
        cuts.restore()


def test_words_are_learned_only_when_a_text_is_not_cached(tmp_path: Path) -> None:
    learned: list[list[str]] = []
    for cuts in _cache(tmp_path, ["用户画像"], _learn(learned)):
        words = _cut(TEXT)
        assert "用户画像" in words and learned == [["用户画像"]]
        _cut(TEXT)
        assert len(learned) == 1  # taught once per build
        cuts.save()
    saved = marshal.loads((tmp_path / ".cache/coursekit/jieba-cuts-mkdocs.marshal").read_bytes())
    assert saved["cuts"][(TEXT, False, True)] == tuple(words)

    for _ in _cache(tmp_path, ["用户画像"], _learn(learned)):  # the next build
        assert _cut(TEXT) == words and len(learned) == 1  # answered from the file: jieba not needed


def test_other_words_or_another_jieba_ignore_the_file(tmp_path: Path) -> None:
    path = tmp_path / ".cache/coursekit/jieba-cuts-mkdocs.marshal"
    path.parent.mkdir(parents=True)
    fake = {"format": jiebacache.FORMAT, "sig": jiebacache.signature(["用户画像"]), "cuts": {(TEXT, False, True): ("错",)}}
    path.write_bytes(marshal.dumps(fake))
    learned: list[list[str]] = []
    for _ in _cache(tmp_path, ["用户画像", "社群运营"], _learn(learned)):
        assert _cut(TEXT) != ["错"] and learned  # the glossary changed: cut again


def test_the_key_changes_with_the_segmentation_setup() -> None:
    setup = {"lang": ["zh"], "separator": r"[\s\-]+", "jieba_dict": None, "jieba_dict_user": None}
    sig = jiebacache.signature(["用户画像"], setup)
    assert sig == jiebacache.signature(["用户画像"], dict(setup))
    assert sig != jiebacache.signature(["用户画像"], {**setup, "separator": r"[\s]+"})
    assert sig != jiebacache.signature(["用户画像"], {**setup, "jieba_dict_user": "words.txt"})
    assert sig != jiebacache.signature(["用户画像"], {**setup, "lang": ["zh", "en"]})


def test_a_damaged_file_only_costs_a_fresh_cut(tmp_path: Path) -> None:
    path = tmp_path / ".cache/coursekit/jieba-cuts-mkdocs.marshal"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not marshal data")
    for cuts in _cache(tmp_path, ["用户画像"], CoursekitPlugin().add_words):
        assert "用户画像" in _cut(TEXT)
        cuts.save()
    assert marshal.loads(path.read_bytes())["format"] == jiebacache.FORMAT  # rewritten whole


def test_restore_puts_jiebas_own_cut_back(tmp_path: Path) -> None:
    import jieba
    own = jieba.cut
    cuts = CutCache(["用户画像"], None, CoursekitPlugin().add_words)
    cuts.install()
    assert jieba.cut is not own and cuts.installed
    cuts.restore()
    assert jieba.cut is own and not cuts.installed


@pytest.mark.build
def test_second_build_of_unchanged_content_cuts_nothing(course: Path, tmp_path: Path) -> None:
    cuts = course / ".cache/coursekit/jieba-cuts-mkdocs.marshal"
    pinyin = course / ".cache/coursekit/pinyin-mkdocs.json"  # the query data's pinyin (search/pinyin.py)
    first = build("mkdocs.yml", tmp_path / "one", cwd=course)
    assert first.returncode == 0, first.stderr
    written, spelt = cuts.stat().st_mtime_ns, pinyin.stat().st_mtime_ns
    second = build("mkdocs.yml", tmp_path / "two", cwd=course)
    assert second.returncode == 0, second.stderr
    assert cuts.stat().st_mtime_ns == written  # every text was in the cache: nothing cut, nothing to save
    assert pinyin.stat().st_mtime_ns == spelt  # same titles and characters: pypinyin not asked
    index = "search/search_index.json"
    assert (tmp_path / "one" / index).read_bytes() == (tmp_path / "two" / index).read_bytes()
    worker = [next((tmp_path / run).glob("assets/javascripts/workers/search.*.min.js")) for run in ("one", "two")]
    assert worker[0].read_bytes() == worker[1].read_bytes()  # the query data from the cache is the same

    shutil.rmtree(course / ".cache")
    third = build("mkdocs.yml", tmp_path / "three", cwd=course)
    assert third.returncode == 0 and cuts.is_file()
    assert (tmp_path / "three" / index).read_bytes() == (tmp_path / "one" / index).read_bytes()
