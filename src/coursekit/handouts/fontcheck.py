"""Are the CJK fonts the PDFs are set in installed? Asked before any PDF is drawn.

Without them fontconfig quietly substitutes another font (DejaVu) and WeasyPrint
draws the Chinese text as empty boxes, with no error. ``fc-list`` with a family
name lists only that family's files (no substitution), through the same
fontconfig configuration (``FONTCONFIG_FILE``) WeasyPrint uses. The files found
also go into the PDFs' cache keys, so installing or updating a font redraws them.
"""

from __future__ import annotations

import os
import subprocess
from functools import lru_cache
from pathlib import Path

from .cache import digest
from .fonts import face

PACKAGE = "fonts-noto-cjk"


class FontsMissing(Exception):
    """A face the PDFs need is not installed; ``str()`` says which and how to install it."""

    def __init__(self, families: list[str], reason: str = ""):
        self.families = families
        lines = [f"fontconfig [fonts-missing] {name} is not installed{reason}: the Chinese text of the PDFs "
                 f"would print as empty boxes" for name in families]
        lines.append(f"No PDF written. Install the Debian package {PACKAGE} (`make system-deps`, as root: "
                     f"apt-get install {PACKAGE}), then run again.")
        super().__init__("\n".join(lines))


def _config() -> tuple[str, str]:
    """The environment that picks fontconfig's configuration: part of the lookup's cache key."""
    return os.environ.get("FONTCONFIG_FILE", ""), os.environ.get("FONTCONFIG_PATH", "")


@lru_cache(maxsize=16)
def _files(family: str, config: tuple[str, str]) -> tuple[str, ...] | None:
    """The font files of ``family`` (every style), or None when fc-list is not there."""
    del config  # only the cache key: fc-list reads the environment itself
    try:
        out = subprocess.run(["fc-list", "-f", "%{file}\n", family], capture_output=True, text=True,
                             check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return tuple(sorted({line for line in out.splitlines() if line.strip()}))


def require(lang: str) -> list[Path]:
    """The font files of ``lang``'s PDF faces (sans and serif); FontsMissing if any face has none."""
    want = face(lang)
    found = {name: _files(name, _config()) for name in (want.sans, want.serif)}
    missing = [name for name, files in found.items() if not files]
    if missing:
        no_tool = any(files is None for files in found.values())
        raise FontsMissing(missing, " (fc-list not found: package fontconfig)" if no_tool else "")
    return sorted({Path(f) for files in found.values() for f in files or ()})


def fonts_version(lang: str) -> str:
    """Hash of ``lang``'s font files (path, size, mtime) for the PDFs' cache keys; FontsMissing if absent."""
    stats = []
    for path in require(lang):
        st = path.stat()
        stats.append((str(path), st.st_size, st.st_mtime_ns))
    return digest(stats)
