"""The query rewrite goes into material's search worker exactly, and fails loudly when material changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from coursekit.patches import PatchError
from coursekit.search import worker

MATERIAL_JS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
DATA = {"t2s": "運运", "groups": [["私域流量", "私域"]], "stop": ["如何"], "longest": 8}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A fake site folder holding material's shipped JavaScript."""
    shutil.copytree(MATERIAL_JS, tmp_path / "assets" / "javascripts")
    return tmp_path


def test_prelude_and_hooks_are_installed(built: Path) -> None:
    path = worker.install(built, DATA)
    code = path.read_text(encoding="utf-8")
    assert code.startswith(worker.START)
    assert '"t2s":"運运"' in code and worker.DATA not in code
    for old, new in worker.HOOKS:
        assert old not in code and code.count(new) == 1


def test_installing_twice_replaces_the_prelude(built: Path) -> None:
    worker.install(built, DATA)
    path = worker.install(built, {**DATA, "t2s": "營营"})
    code = path.read_text(encoding="utf-8")
    assert code.count(worker.START) == 1 and '"t2s":"營营"' in code and "運运" not in code


def test_changed_material_worker_fails_loudly(built: Path) -> None:
    path = worker.worker_file(built)
    path.write_text(path.read_text(encoding="utf-8").replace("de=new U(t.data)", "de=new V(t.data)"), encoding="utf-8")
    with pytest.raises(PatchError, match="search worker changed"):
        worker.install(built, DATA)


def test_missing_worker_fails_loudly(built: Path) -> None:
    worker.worker_file(built).unlink()
    with pytest.raises(PatchError, match="expected one search worker"):
        worker.install(built, DATA)
