"""jieba's cuts kept between builds: unchanged text is never cut again, changed words start afresh."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest

from coursekit.hooks import add_jieba_words
from coursekit.search import jiebacache

from conftest import build

TEXT = "社群运营人员要先做好用户画像"


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if in a new process: no cuts in memory (jieba itself stays loaded; it is global)."""
    jiebacache._cache.clear()
    monkeypatch.setitem(jiebacache._state, "sig", None)
    monkeypatch.setitem(jiebacache._state, "file", None)


def _cut(text: str) -> list[str]:
    import jieba
    return list(jieba.cut(text))


def _learn(into: list[list[str]]):
    """What builds pass: teach jieba (hooks.add_jieba_words), and note that it happened."""
    return lambda words: (add_jieba_words(words), into.append(words))


def test_words_are_learned_only_when_a_text_is_not_cached(tmp_path: Path, fresh: None) -> None:
    learned: list[list[str]] = []
    jiebacache.install(["用户画像"], tmp_path, _learn(learned), name="mkdocs")
    words = _cut(TEXT)
    assert "用户画像" in words and learned == [["用户画像"]]
    _cut(TEXT)
    assert len(learned) == 1  # taught once per build
    jiebacache.save()
    saved = marshal.loads((tmp_path / ".cache/coursekit/jieba-cuts-mkdocs.marshal").read_bytes())
    assert saved["cuts"][(TEXT, False, True)] == tuple(words)

    jiebacache._cache.clear()
    jiebacache._state["sig"] = None  # the next build, in a new process
    jiebacache.install(["用户画像"], tmp_path, _learn(learned), name="mkdocs")
    assert _cut(TEXT) == words and len(learned) == 1  # answered from the file: jieba not needed


def test_other_words_or_another_jieba_ignore_the_file(tmp_path: Path, fresh: None) -> None:
    path = tmp_path / ".cache/coursekit/jieba-cuts-mkdocs.marshal"
    path.parent.mkdir(parents=True)
    fake = {"format": jiebacache.FORMAT, "sig": jiebacache.signature(["用户画像"]), "cuts": {(TEXT, False, True): ("错",)}}
    path.write_bytes(marshal.dumps(fake))
    learned: list[list[str]] = []
    jiebacache.install(["用户画像", "社群运营"], tmp_path, _learn(learned), name="mkdocs")
    assert _cut(TEXT) != ["错"] and learned  # the glossary changed: cut again


def test_a_damaged_file_only_costs_a_fresh_cut(tmp_path: Path, fresh: None) -> None:
    path = tmp_path / ".cache/coursekit/jieba-cuts-mkdocs.marshal"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not marshal data")
    jiebacache.install(["用户画像"], tmp_path, add_jieba_words, name="mkdocs")
    assert "用户画像" in _cut(TEXT)
    jiebacache.save()
    assert marshal.loads(path.read_bytes())["format"] == jiebacache.FORMAT  # rewritten whole


@pytest.mark.build
def test_second_build_of_unchanged_content_cuts_nothing(course: Path, tmp_path: Path) -> None:
    cuts = course / ".cache/coursekit/jieba-cuts-mkdocs.marshal"
    first = build("mkdocs.yml", tmp_path / "one", cwd=course)
    assert first.returncode == 0, first.stderr
    assert "Prefix dict" not in first.stderr  # jieba announces loading its whole dictionary: never (jiebadict)
    written = cuts.stat().st_mtime_ns
    second = build("mkdocs.yml", tmp_path / "two", cwd=course)
    assert second.returncode == 0, second.stderr
    assert cuts.stat().st_mtime_ns == written  # every text was in the cache: nothing cut, nothing to save
    index = "search/search_index.json"
    assert (tmp_path / "one" / index).read_bytes() == (tmp_path / "two" / index).read_bytes()

    shutil.rmtree(course / ".cache")
    third = build("mkdocs.yml", tmp_path / "three", cwd=course)
    assert third.returncode == 0 and cuts.is_file()
    assert (tmp_path / "three" / index).read_bytes() == (tmp_path / "one" / index).read_bytes()
