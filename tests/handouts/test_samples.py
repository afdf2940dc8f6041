"""scripts/render-samples.py renders sample pages as PNG for a person to look at."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT, run

pytestmark = pytest.mark.slow


def test_samples_are_pngs(tmp_path: Path) -> None:
    result = run(Path(sys.executable).name, ROOT / "scripts" / "render-samples.py", "--root", FIXTURE,
                 "--out", tmp_path / "samples", "--cache", tmp_path / "cache", "--dpi", "30")
    assert result.returncode == 0, result.stderr
    pngs = sorted((tmp_path / "samples").glob("*.png"))
    names = {p.name.rsplit("-", 1)[0] for p in pngs}
    assert {"worksheet-all-fields", "worksheet-all-fields.teacher", "sop-daily", "case-made-up.teacher",
            "schedule", "book-student", "book-teacher"} <= names
    for png in pngs:
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert width > 100 and height > 100
