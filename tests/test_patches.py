"""The patches to material's JavaScript apply exactly, and fail loudly when material changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from coursekit.patches import PATCHES, PatchError, patch_site

MATERIAL_JS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A fake site folder holding material's shipped JavaScript."""
    shutil.copytree(MATERIAL_JS, tmp_path / "assets" / "javascripts")
    return tmp_path


def test_every_patch_applies_to_the_installed_material(built: Path) -> None:
    changed = patch_site(built)
    assert len(changed) == 2
    code = "".join(p.read_text(encoding="utf-8") for p in changed)
    for _, old, new in PATCHES:
        assert old not in code and code.count(new) == 1


def test_patching_twice_is_harmless(built: Path) -> None:
    patch_site(built)
    assert patch_site(built) == []


def test_changed_material_code_fails_loudly(built: Path) -> None:
    worker = next((built / "assets/javascripts/workers").glob("search.*.min.js"))
    worker.write_text(worker.read_text(encoding="utf-8").replace("o<t.length;o++", "o<t.length;++o"), encoding="utf-8")
    with pytest.raises(PatchError, match="material's code changed"):
        patch_site(built)


def test_missing_worker_fails_loudly(built: Path) -> None:
    for worker in (built / "assets/javascripts/workers").glob("search.*.min.js"):
        worker.unlink()
    with pytest.raises(PatchError, match="expected one file matching"):
        patch_site(built)
