"""The two student editions built side by side, as deployed: Simplified at the root, Traditional in zh-hant/."""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import BIN, ENV, ROOT, _QuietHandler


def build_pair(out: Path) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """Both editions with the language switch on; returns the two mkdocs runs."""
    env = {**ENV, "COURSEKIT_LANGUAGES": "true"}
    runs = []
    for config, dest in (("mkdocs.yml", out), ("mkdocs.zh-hant.yml", out / "zh-hant")):
        runs.append(subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-f", config, "-d", str(dest)],
                                   cwd=ROOT, env=env, capture_output=True, text=True, timeout=600))
    return runs[0], runs[1]


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ with site/zh-hant/ inside it (the Simplified build first: it cleans its folder)."""
    out = tmp_path_factory.mktemp("bilingual")
    simplified, traditional = build_pair(out)
    assert simplified.returncode == 0, simplified.stderr
    assert traditional.returncode == 0, traditional.stderr
    return out


@pytest.fixture(scope="session")
def served_bilingual(bilingual_site: Path):
    """The pair on a local HTTP server; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(bilingual_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
