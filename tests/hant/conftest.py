"""The two student editions built side by side, as deployed: Simplified at the root, Traditional in zh-hant/."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from coursekit.localserver import serve

from conftest import ENV, build


def build_pair(out: Path) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """Both editions with the language switch on; returns the two mkdocs runs."""
    env = {**ENV, "COURSEKIT_LANGUAGES": "true"}
    return build("mkdocs.yml", out, env=env), build("mkdocs.zh-hant.yml", out / "zh-hant", env=env)


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ with site/zh-hant/ inside it (the Simplified build first: it cleans its folder)."""
    out = tmp_path_factory.mktemp("bilingual")
    simplified, traditional = build_pair(out)
    assert simplified.returncode == 0, simplified.stderr
    assert traditional.returncode == 0, traditional.stderr
    return out


@pytest.fixture(scope="session")
def served_bilingual(bilingual_site: Path) -> Iterator[str]:
    """The pair on a local HTTP server; yields its base URL."""
    with serve(bilingual_site) as url:
        yield url
