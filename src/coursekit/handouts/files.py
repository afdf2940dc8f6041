"""Writing files safely: never a half-written file under its final name."""

from __future__ import annotations

import logging
import shutil
import zipfile
from pathlib import Path

from ..atomicfile import atomic_path

log = logging.getLogger(__name__)

ZIP_DATE = (2024, 1, 1, 0, 0, 0)  # fixed, so the same members always make the same bytes


def copy_if_changed(src: Path, dest: Path) -> bool:
    """Copy ``src`` to ``dest`` through a temporary name, unless ``dest`` is already that copy; True if copied.

    A copy keeps the source's modification time, so size and time identify it.
    """
    try:
        a, b = src.stat(), dest.stat()
        if (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns):
            return False
    except FileNotFoundError:
        pass
    with atomic_path(dest) as tmp:
        shutil.copy2(src, tmp)
    return True


def write_zip(dest: Path, members: list[tuple[str, Path | bytes]]) -> None:
    """A reproducible zip of ``(name in archive, file or bytes)`` pairs, written atomically."""
    with atomic_path(dest) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, source in members:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, source if isinstance(source, bytes) else source.read_bytes())
