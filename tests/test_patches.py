"""Each patch to material's JavaScript still applies to the pinned material, and is still needed.

A failure here after an upgrade of mkdocs-material is expected: README "升级 mkdocs / material" says
what to do (read the upstream code linked from the patch, drop or update the patch).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import material
import pytest

from coursekit.patches import CHECKED, PATCHES, SEARCH_HOOKS, WORKER, Patch, PatchError, material_version, patch_site

from conftest import ROOT

MATERIAL_JS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
PINNED = ("mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-macros-plugin")


def shipped(pattern: str) -> str:
    """The installed material's built file matching ``pattern``."""
    (path,) = MATERIAL_JS.glob(pattern)
    return path.read_text(encoding="utf-8")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A fake site folder holding material's shipped JavaScript."""
    shutil.copytree(MATERIAL_JS, tmp_path / "assets" / "javascripts")
    return tmp_path


@pytest.mark.parametrize("patch", PATCHES + SEARCH_HOOKS, ids=lambda p: p.old[:30])
def test_patch_applies_to_the_installed_material(patch: Patch) -> None:
    count = shipped(patch.file).count(patch.old)
    assert count == 1, (f"mkdocs-material {material_version()} (patches checked against {CHECKED}) has "
                        f"{patch.old!r} {count} times in {patch.file}: read {patch.upstream}; if material fixed "
                        f"it ({patch.reason}), drop the patch, else update it")
    assert patch.reason and patch.upstream.startswith("https://github.com/squidfunk/mkdocs-material/blob/")


def test_patches_were_checked_against_the_pinned_material() -> None:
    assert material_version() == CHECKED, (f"mkdocs-material {material_version()} is installed, the patches "
                                           f"were checked against {CHECKED}: see README 升级 mkdocs / material")


def test_pins_are_exact_and_match_constraints() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    locked = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
                  if "==" in line)
    for name in PINNED:
        (spec,) = [d for d in deps if re.split(r"[=<>!~ ]", d)[0] == name]
        assert spec == f"{name}=={locked[name]}", f"pyproject.toml: pin {name} exactly, as constraints.txt does"
    assert locked["mkdocs-material"] == CHECKED


def _segment(code: str) -> str:
    """material's segment() (integrations/search/query/segment) cut out of the minified worker ``code``."""
    m = re.search(r'function (\w+)\(t,e\)\{let r=new Set,n=new Uint16Array\(t\.length\);.*?'
                  r'return r\.has\(""\)\?new Set\(\[t\]\):r\}', code)
    assert m, f"segment() not found in mkdocs-material {material_version()}'s search worker"
    return f"{m.group(0)};const segment={m.group(1)};"


@pytest.mark.skipif(not shutil.which("node"), reason="needs node to run material's JavaScript")
def test_segment_patches_are_still_needed() -> None:
    """Unpatched, material drops the word that ends a run of Chinese characters; patched, it keeps it."""
    stock = shipped(WORKER)
    fixed = stock
    for patch in (p for p in PATCHES if p.file == WORKER):
        fixed = fixed.replace(patch.old, patch.new)
    probe = ('const index={"社":1,"社群":1,"裂变":1,"营销":1,"课":1};'
             'console.log(JSON.stringify(["社群","社群裂变","营销课"].map(q=>[...segment(q,index)])));')

    def run(code: str) -> list[list[str]]:
        out = subprocess.run(["node", "-e", _segment(code) + probe], capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    assert run(fixed) == [["社群"], ["社群", "裂变"], ["营销", "课"]]
    assert run(stock) == [["社"], ["社群"], ["营销"]], (
        f"mkdocs-material {material_version()}'s segment() no longer drops the last word: drop the two "
        "search worker patches in coursekit/patches.py")


def test_patched_bundle_names_no_cdn(built: Path) -> None:
    """The CDN patches are needed while the bundle names unpkg.com, and leave no other CDN."""
    assert "unpkg.com" in shipped("bundle.*.min.js")
    (bundle,) = (built / "assets/javascripts").glob("bundle.*.min.js")
    patch_site(built)
    assert "unpkg.com" not in bundle.read_text(encoding="utf-8")


def test_every_patch_applies(built: Path) -> None:
    changed = patch_site(built)
    assert len(changed) == 2
    code = "".join(p.read_text(encoding="utf-8") for p in changed)
    for patch in PATCHES:
        assert patch.old not in code and code.count(patch.new) == 1


def test_stock_search_leaves_the_worker(built: Path) -> None:
    changed = patch_site(built, stock_search=True)
    assert [p.name for p in changed] == [next((built / "assets/javascripts").glob("bundle.*.min.js")).name]
    bundle = changed[0].read_text(encoding="utf-8")
    ours = [p for p in PATCHES if p.ours]
    assert ours and all(p.old in bundle and p.new not in bundle for p in ours)  # search on demand etc. are ours


def test_patching_twice_is_harmless(built: Path) -> None:
    patch_site(built)
    assert patch_site(built) == []


def test_changed_material_code_fails_loudly(built: Path) -> None:
    worker = next((built / "assets/javascripts/workers").glob("search.*.min.js"))
    worker.write_text(worker.read_text(encoding="utf-8").replace("o<t.length;o++", "o<t.length;++o"), encoding="utf-8")
    with pytest.raises(PatchError, match=rf"material's code changed \(mkdocs-material {re.escape(material_version())}"):
        patch_site(built)


def test_missing_worker_fails_loudly(built: Path) -> None:
    for worker in (built / "assets/javascripts/workers").glob("search.*.min.js"):
        worker.unlink()
    with pytest.raises(PatchError, match="expected one file matching"):
        patch_site(built)
