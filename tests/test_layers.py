"""The package's layers only look down, and nothing imports in a circle (the contracts of `make lint`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src" / "coursekit"
CONFIG = ROOT / "pyproject.toml"


def lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with our contracts, on the coursekit package found under ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([Path(sys.executable).with_name("lint-imports"), "--config", str(CONFIG), "--no-cache"],
                          cwd=src, env=env, capture_output=True, text=True, timeout=120)


def layer_modules() -> set[str]:
    contracts = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    return {name.strip() for layer in layers for name in layer.split(":")}


def test_every_top_level_module_has_a_layer() -> None:
    modules = {f"coursekit.{p.stem}" for p in SRC.glob("*.py") if p.stem != "__init__"}
    modules |= {f"coursekit.{p.parent.name}" for p in SRC.glob("*/__init__.py")}
    assert modules - layer_modules() == set(), "add the new module to a layer in pyproject.toml"
    assert layer_modules() - modules == set(), "a layer names a module that no longer exists"


def test_the_contracts_are_kept() -> None:
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_an_upward_import_and_a_circle_break_the_contracts(tmp_path: Path) -> None:
    shutil.copytree(SRC, tmp_path / "coursekit", ignore=shutil.ignore_patterns("__pycache__"))
    with (tmp_path / "coursekit" / "errors.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _late() -> None:\n    from .handouts import build  # noqa: F401\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert "coursekit.errors is not allowed to import coursekit.handouts:" in result.stdout
    assert "- coursekit.errors -> coursekit.handouts.build" in result.stdout
    assert "No cycles are allowed in coursekit." in result.stdout
