"""bench/: the synthetic courses are valid courses of the right size, and the floor is pre-rendered."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from coursekit.registry import load

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from floor import make_floor
from synth import _Loader, letters, make_course


def test_letters_make_slug_suffixes() -> None:
    assert [letters(n) for n in (1, 2, 26, 27, 30)] == ["a", "b", "z", "aa", "ad"]


def test_a_course_twice_the_size_loads_and_is_grouped_by_volume(tmp_path: Path) -> None:
    real = load(ROOT)
    counts = make_course(2, tmp_path / "c")
    reg = load(tmp_path / "c")  # validates every record, page and reference
    assert len(reg.lessons) == 2 * len(real.lessons)
    for kind in ("worksheets", "sops", "cases"):
        assert len(reg.records[kind]) == counts[kind] == 2 * len(real.records[kind])
    assert len(reg.records["glossary"]) == len(real.records["glossary"])  # terms are defined once
    nav = yaml.load((tmp_path / "c" / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"]
    titles = [next(iter(item)) for item in nav if isinstance(item, dict)]
    assert "第1册" in titles and "第2册" in titles


def test_unpruned_variant_drops_only_navigation_prune(tmp_path: Path) -> None:
    make_course(1, tmp_path / "c", prune=False)
    features = yaml.load((tmp_path / "c" / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["theme"]["features"]
    assert "navigation.prune" not in features and "navigation.tabs" in features


def test_floor_has_no_macros_and_no_coursekit_plugins(tmp_path: Path) -> None:
    pages = make_floor(ROOT, tmp_path / "floor")
    assert pages == len(load(ROOT).pages)
    text = (tmp_path / "floor" / "docs" / "modules" / "04-traffic" / "3-fission.md").read_text(encoding="utf-8")
    assert text.startswith("---\n") and "{{" not in text and 'class="ck-worksheet"' in text
    config = (tmp_path / "floor" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "macros" not in config and "coursekit" not in config and "custom_dir" not in config
    assert "pymdownx.superfences.fence_code_format" in config  # diagrams drawn live, as plain material does
    assert "search:" in config and "pymdownx.superfences" in config
