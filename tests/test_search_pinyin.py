"""The pinyin data of the query rewrite (coursekit.search.pinyin): course words by their syllables, and the
common characters a pinyin input method may have typed for each syllable."""

from __future__ import annotations

import json
import sys

import pytest

from coursekit.search import pinyin, query
from coursekit.registry import load

from conftest import ROOT


def test_words_get_their_reading_in_context() -> None:
    data = pinyin.pinyin_data(["私域", "复购率", "社群裂变", "私域"], set())
    assert data["words"] == [["私域", "si yu"], ["复购率", "fu gou lv"], ["社群裂变", "she qun lie bian"]]


def test_only_chinese_words_of_two_to_eight_characters() -> None:
    data = pinyin.pinyin_data(["KOL", "社", "社群3.0", "群", "社群运营"], set())
    assert [w for w, _ in data["words"]] == ["社群运营"]


def test_each_syllable_lists_the_characters_a_reader_may_have_meant() -> None:
    chars = pinyin.pinyin_data(["私域"], set())["chars"]
    assert set(chars) == {"si", "yu"}
    assert {"私", "思", "死"} <= set(chars["si"]) and {"域", "欲", "鱼"} <= set(chars["yu"])


def test_rare_characters_only_when_the_index_has_them() -> None:
    rare = "蕰"  # GB 2312 level 2: not offered to every reader
    assert rare not in pinyin.pinyin_data(["温度"], set())["chars"]["wen"]
    assert rare in pinyin.pinyin_data(["温度"], {rare})["chars"]["wen"]


def test_traditional_words_are_read_too() -> None:
    assert pinyin.pinyin_data(["社群裂變"], {"變"})["words"] == [["社群裂變", "she qun lie bian"]]


def test_title_words_are_the_chinese_words_of_titles() -> None:
    index = {"docs": [{"title": "社群 裂变 的 原理", "text": "不算"}, {"title": "SOP 与 KOL 培养"}]}
    assert pinyin.title_words(index) == ["社群", "裂变", "原理", "培养"]


def test_the_course_pinyin_data_is_small() -> None:
    index = {"docs": [{"title": "社群 运营", "text": "用户 画像 与 社群 裂变"}]}
    data = query.prelude_data(load(ROOT), index)["pinyin"]
    assert ["私域流量", "si yu liu liang"] in data["words"]
    assert len(json.dumps(data, ensure_ascii=False).encode()) < 40_000


def test_a_missing_pypinyin_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # import fails as if not installed
    with pytest.raises(RuntimeError, match="pypinyin is not installed.*make install"):
        pinyin.pinyin_data(["私域"], set())


def test_the_cache_answers_the_next_build_without_pypinyin(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, machine = tmp_path / ".cache" / "coursekit" / "pinyin-mkdocs.json", tmp_path / "tmp"
    cache = pinyin.PinyinCache(path, machine)
    first = cache(["私域", "复购率"], {"域"})
    assert first == pinyin.pinyin_data(["私域", "复购率"], {"域"})
    cache.save()
    assert path.exists()

    monkeypatch.setitem(sys.modules, "pypinyin", None)  # the next build: pypinyin is never imported
    again = pinyin.PinyinCache(path, tmp_path / "other-machine")
    assert again(["私域", "复购率"], {"域"}) == first
    with pytest.raises(RuntimeError, match="pypinyin is not installed"):
        again(["私域", "复购率"], {"域", "欲"})  # another character in the index: computed again


def test_a_fresh_clone_on_the_same_machine_needs_no_pypinyin(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    machine = tmp_path / "tmp"
    first = pinyin.PinyinCache(tmp_path / "one" / "pinyin.json", machine)(["私域"], set())
    monkeypatch.setitem(sys.modules, "pypinyin", None)
    assert pinyin.PinyinCache(tmp_path / "clone" / "pinyin.json", machine)(["私域"], set()) == first


def test_the_cache_keeps_only_what_this_build_asked_for(tmp_path) -> None:
    path, machine = tmp_path / "pinyin.json", tmp_path / "tmp"
    cache = pinyin.PinyinCache(path, machine)
    cache(["私域"], set())
    cache(["私域"], set())
    cache(["社群"], set())  # the Traditional index asks too: both kept
    cache.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 2
    hit = pinyin.PinyinCache(path, machine)
    hit(["社群"], set())
    hit(["私域"], set())  # both answers from the file: nothing to write
    written = path.stat().st_mtime_ns
    hit.save()
    assert path.stat().st_mtime_ns == written
    later = pinyin.PinyinCache(path, machine)
    later(["裂变"], set())  # the next build asked for one answer only
    later.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 1


def test_the_temp_folder_keeps_the_newest_answers_only(tmp_path) -> None:
    machine = tmp_path / "tmp"
    cache = pinyin.PinyinCache(None, machine)
    for word in ["私域", "社群", "裂变", "复购", "拉新", "引流", "转化", "社交", "用户", "画像",
                 "活跃", "沉默", "成员", "群主", "话题", "文案", "内容", "打卡"]:
        cache([word], set())
    assert len(list(machine.glob("coursekit-pinyin-*.json"))) == pinyin.MACHINE_FILES


def test_a_damaged_cache_only_costs_time(tmp_path) -> None:
    path = tmp_path / "pinyin.json"
    path.write_text("{not json", encoding="utf-8")
    assert pinyin.PinyinCache(path, tmp_path / "a")(["私域"], set())["words"] == [["私域", "si yu"]]
    path.write_text(json.dumps({"x": 1}), encoding="utf-8")
    assert pinyin.PinyinCache(path, tmp_path / "b")(["私域"], set())["words"] == [["私域", "si yu"]]
