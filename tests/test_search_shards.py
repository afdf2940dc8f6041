"""The sharded search index (coursekit/search/shards.py): tokens and weights as lunr computes them,
tiers, file names that change with the content, documents kept as escaped as in the whole index.

The browser side (shards.js ranks exactly as material over the whole index) is in
tests/browser/test_search_sharded.py.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from coursekit.deploy.rules import IMMUTABLE, REVALIDATE, cache_control
from coursekit.search import shards

CONFIG = {"lang": ["zh"], "separator": "[\\s\\u200b\\u3000\\-、。，．？！；：“”（）]+", "pipeline": ["stemmer"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}


def index(*docs: dict[str, Any]) -> dict[str, Any]:
    return {"config": CONFIG, "docs": list(docs)}


def files(idx: dict[str, Any], tier: int = shards.TIER) -> dict[str, Any]:
    """The shard files by kind and number, decoded; the manifest's shard info under "manifest"."""
    out: dict[str, Any] = {}
    for name, body in shards.build(idx, tier).items():
        data = json.loads(body)
        if name == "manifest.json":
            out["manifest"] = data
        else:
            out[name.split(".")[0]] = data
    return out


def postings(flat: list[int]) -> list[tuple[int, int]]:
    out, ref = [], 0
    for gap, weight in zip(flat[::2], flat[1::2]):
        ref += gap
        out.append((ref, weight))
    return out


def test_tokens_are_materials_text_sections_split_and_lowered() -> None:
    sep = shards.separator(CONFIG)
    assert shards.tokens("<p>社群\u200b裂变</p><code>KOL</code>", sep) == ["社群", "裂变", "kol"]
    assert shards.tokens("a > b<p>c</p>", sep) == ["b", "c"]  # material's extract: a stray > ends a section
    assert shards.tokens("私域\ufeff流量", sep) == ["私域", "流量"]  # JavaScript's \s has U+FEFF, Python's not
    assert shards.tokens(["标签 一", "二"], sep) == ["标签", "一", "二"]


def test_weights_are_lunrs_bm25_with_materials_settings() -> None:
    idx = index({"location": "a/", "title": "社群", "text": "社群 社群 裂变"}, {"location": "b/", "title": "别的", "text": "裂变"})
    f = files(idx)
    shard = {k: v for k, v in f.items() if k.startswith("t")}
    heads = {term: head for s in shard.values() for term, head in s.items()}
    n, df = 2, 2  # 社群: in a's title and a's text (lunr counts a document once per field)
    idf = math.log(1 + abs((n - df + 0.5) / (df + 0.5)))
    text = idf * (2.2 * 2) / (1.2 + 2)
    assert postings(heads["社群"]["text"]) == [(0, round(round(text * 1000) / 1000 * 1000))]
    assert postings(heads["社群"]["title"]) == [(0, round(idf * 2.2 / 2.2 * 1000 * 1000))]
    assert heads["社群"]["d"] == 1 and heads["裂变"]["d"] == 2


def test_refs_name_the_page_and_sections_come_after_it() -> None:
    docs = [{"location": "a/", "title": "A"}, {"location": "a/#x", "title": "X"}, {"location": "b/", "title": "B"}]
    refs, mult = shards.refs(docs)
    assert mult == 10 and refs == [0, 1, 10]
    f = files(index(*docs))
    assert f["d0"] == [0, "a/", "A", 1, "a/#x", "X"] and f["d1"] == [10, "b/", "B"]


def test_a_common_term_keeps_its_best_postings_first_and_the_rest_in_the_tail() -> None:
    docs = [{"location": f"p{i}/", "title": f"页{i}", "text": "社群 " * (i + 1)} for i in range(5)]
    f = files(index(*docs), tier=2)
    (head,) = [s["社群"] for k, s in f.items() if k.startswith("t") and "社群" in s]
    (tail,) = [s["社群"] for k, s in f.items() if k.startswith("x") and "社群" in s]
    first, rest = postings(head["text"]), postings(tail["text"])
    assert len(first) == 2 and len(rest) == 3
    assert min(w for _, w in first) >= max(w for _, w in rest) == head["c"]["text"]
    assert {r for r, _ in first} == {30, 40}  # the most occurrences weigh most
    assert "c" not in f[next(k for k, s in f.items() if k.startswith("t") and "页0" in s)]["页0"]


def test_a_shard_has_a_tail_file_only_if_one_of_its_terms_has_a_tail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is one more file for the build to write: no empty tails (the browser asks for a shard's
    tail only for a term marked "c")."""
    monkeypatch.setattr(shards, "SHARD_BYTES", 100)  # several shards, most without a common term
    docs = [{"location": f"p{i}/", "title": f"页{i}", "text": "社群 " * (i + 1) + f"词{i}"} for i in range(5)]
    f = files(index(*docs), tier=2)
    count = f["manifest"]["config"]["shards"]["count"]
    cut = {shards.bucket(term, count) for k, s in f.items() if k.startswith("t") for term, head in s.items() if "c" in head}
    assert count > len(cut) > 0 and {int(k[1:]) for k in f if k.startswith("x")} == cut
    assert all(f[f"x{b}"] for b in cut)


def test_file_names_change_with_the_content_and_the_manifest_names_them() -> None:
    one = shards.build(index({"location": "a/", "title": "社群", "text": "运营"}))
    again = shards.build(index({"location": "a/", "title": "社群", "text": "运营"}))
    other = shards.build(index({"location": "a/", "title": "社群", "text": "裂变"}))
    assert one == again
    info = json.loads(one["manifest.json"])["config"]["shards"]
    assert all(name == "manifest.json" or f".{info['hash']}." in name for name in one)
    assert set(one).isdisjoint(set(other) - {"manifest.json"})
    assert json.loads(one["manifest.json"])["docs"] == []  # nothing of the documents before a query
    for name in one:
        expected = REVALIDATE if name == "manifest.json" else IMMUTABLE
        assert cache_control(f"search/shards/{name}") == expected, name
        assert cache_control(f"teacher/search/shards/{name}") == expected, name


def test_document_text_stays_as_escaped_as_in_the_whole_index() -> None:
    text = "<p>&lt;script&gt;alert(1)&lt;/script&gt; 与 &quot;引号&quot;</p>"
    f = files(index({"location": "a/", "title": "标题 &amp; 副题", "text": text}))
    assert f["b0-0"] == {"0": text}
    assert f["d0"] == [0, "a/", "标题 &amp; 副题"]


def test_a_pipeline_it_cannot_reproduce_is_refused() -> None:
    with pytest.raises(ValueError, match="shards.py"):
        shards.build({"config": {**CONFIG, "lang": ["en"]}, "docs": []})
    with pytest.raises(ValueError, match="shards.py"):
        shards.build({"config": {**CONFIG, "pipeline": ["trimmer", "stemmer"]}, "docs": []})


def test_an_unchanged_index_is_written_from_the_temp_folder_without_cutting(tmp_path, monkeypatch) -> None:
    site, machine = tmp_path / "site", tmp_path / "tmp"
    (site / "search").mkdir(parents=True)
    idx = index({"location": "a/", "title": "社群", "text": "运营"})
    (site / "search" / "search_index.json").write_text(json.dumps(idx, ensure_ascii=False), encoding="utf-8")
    count = shards.write(site, machine=machine)
    first = {f.name: f.read_bytes() for f in (site / "search" / "shards").iterdir()}
    assert len(first) == count and len(list(machine.glob("coursekit-shards-*.marshal"))) == 1

    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("cut again")

    monkeypatch.setattr(shards, "build", refuse)
    shards.write(site, machine=machine)  # the next build (or a fresh clone) of the same index
    assert {f.name: f.read_bytes() for f in (site / "search" / "shards").iterdir()} == first

    (site / "search" / "search_index.json").write_text(json.dumps(index({"location": "a/", "title": "裂变"}),
                                                                  ensure_ascii=False), encoding="utf-8")
    with pytest.raises(AssertionError, match="cut again"):  # another index: cut
        shards.write(site, machine=machine)
    next(machine.glob("coursekit-shards-*.marshal")).write_bytes(b"damaged")
    monkeypatch.undo()
    (site / "search" / "search_index.json").write_text(json.dumps(idx, ensure_ascii=False), encoding="utf-8")
    shards.write(site, machine=machine)  # a damaged file: cut again, same files
    assert {f.name: f.read_bytes() for f in (site / "search" / "shards").iterdir()} == first
