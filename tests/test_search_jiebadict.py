"""jieba's dictionary loaded by the piece: the same cuts as jieba with its whole dictionary, for less."""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from pathlib import Path

import jieba
import pytest

from coursekit.search import jiebadict
from coursekit.site import Site

from conftest import ROOT

LOGGER = "coursekit.search.jiebadict"


def _corpus() -> list[str]:
    """Every line of the course's pages and records: Chinese with Latin letters, digits and punctuation."""
    lines = []
    for folder, pattern in (("docs", "*.md"), ("data", "*.yml")):
        for path in sorted((ROOT / folder).rglob(pattern)):
            lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _tokenizers(words: list[str]) -> tuple[jieba.Tokenizer, jieba.Tokenizer]:
    """jieba as it comes (whole dictionary), and one loading its dictionary by the piece; both taught ``words``."""
    whole, pieces = jieba.Tokenizer(), jieba.Tokenizer()
    assert jiebadict.install(pieces)
    for tk in (whole, pieces):
        for word in words:
            tk.add_word(word)
    return whole, pieces


def test_the_course_is_cut_exactly_as_by_jieba_with_its_whole_dictionary() -> None:
    words = Site(ROOT, "student").search_words()
    whole, pieces = _tokenizers(words)
    corpus = _corpus()
    assert len(corpus) > 3000
    for mode in ({"HMM": True}, {"HMM": False}, {"cut_all": True}):
        assert [list(pieces.cut(line, **mode)) for line in corpus] == [list(whole.cut(line, **mode)) for line in corpus]
    assert [list(pieces.cut_for_search(line)) for line in corpus[:500]] == \
        [list(whole.cut_for_search(line)) for line in corpus[:500]]
    assert len(pieces.FREQ) < len(whole.FREQ) / 4  # the point: a fraction of the dictionary was needed


def test_words_taught_to_jieba_meet_the_same_dictionary_as_in_full() -> None:
    whole, pieces = _tokenizers([])
    for tk in (whole, pieces):
        tk.add_word("社群裂变", 100)  # its group ("社群…") is not loaded yet in pieces
        tk.add_word("裂变海报", 0)  # 0: always split
        tk.del_word("私域")
    text = "社群运营者用裂变海报做社群裂变，把私域流量沉淀下来"
    assert list(pieces.cut(text)) == list(whole.cut(text))
    assert pieces.FREQ["社群裂变"] == 100 and pieces.FREQ["社群"] == whole.FREQ["社群"]


def test_jiebas_shortcuts_use_the_pieces_too() -> None:
    code = (
        "import jieba, logging; jieba.setLogLevel(logging.WARNING)\n"
        "from coursekit.search import jiebadict\n"
        "assert jiebadict.install()\n"
        "jieba.add_word('社群裂变', 100)\n"
        "print(jieba.get_FREQ('社群'), jieba.get_FREQ('社群裂变'), '/'.join(jieba.cut('社群裂变活动的用户画像')))\n"
        "jieba.dt.initialized = False; jieba.dt.FREQ = {}; jieba.initialize()\n"  # now the whole dictionary
        "jieba.add_word('社群裂变', 100)\n"
        "print(jieba.get_FREQ('社群'), '/'.join(jieba.cut('社群裂变活动的用户画像')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    freq, big, cut = out[0].split()
    assert big == "100" and int(freq) > 0 and out[1].split() == [freq, cut]


def test_the_index_is_made_once_and_made_again_when_damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(jiebadict, "stats", dict.fromkeys(jiebadict.stats, 0))
    path = jiebadict.index_path(jieba)
    assert path.parent == tmp_path and path.name.startswith("coursekit-jieba-")
    jiebadict.install(jieba.Tokenizer())
    jiebadict.install(jieba.Tokenizer())
    assert path.is_file() and jiebadict.stats["index_builds"] == 1 and jiebadict.stats["index_loads"] == 1

    path.write_bytes(path.read_bytes()[:1000])  # cut short, as by a full disk
    with caplog.at_level(logging.INFO, logger=LOGGER):
        tk = jieba.Tokenizer()
        jiebadict.install(tk)
    assert list(tk.cut("社群运营")) == ["社群", "运营"] and jiebadict.stats["index_builds"] == 2
    assert f"ignoring {path} (" in caplog.text and "indexing jieba's dictionary again" in caplog.text


def test_an_unwritable_temp_folder_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "file"))
    with caplog.at_level(logging.INFO, logger=LOGGER):
        tk = jieba.Tokenizer()
        assert jiebadict.install(tk)
    assert list(tk.cut("社群运营")) == ["社群", "运营"]
    assert "jieba's dictionary index not kept" in caplog.text


def test_a_loaded_or_foreign_dictionary_is_left_alone(tmp_path: Path) -> None:
    loaded = jieba.Tokenizer()
    loaded.initialize()
    assert not jiebadict.install(loaded)
    (tmp_path / "dict.txt").write_text("社群 3\n运营 3\n", encoding="utf-8")
    assert not jiebadict.install(jieba.Tokenizer(str(tmp_path / "dict.txt")))  # material's jieba_dict option
