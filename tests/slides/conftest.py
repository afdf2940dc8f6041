"""The real course's decks, made once per session (diagrams drawn in Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from coursekit.slides.build import build_slides


@pytest.fixture(scope="session")
def decks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("slides")
    return build_slides(ROOT, out, cache=out / ".cache")
