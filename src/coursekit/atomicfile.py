"""Files written whole or not at all, and caches that keep only their newest files.

A build, a handout run and a cache write may be interrupted, or run twice at once: a reader must never
find a half-written file under its final name.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``final``; rename it into place only if the block succeeds."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.stem}.{os.getpid()}.tmp{final.suffix}")
    try:
        yield tmp
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


def cache_write(path: Path, data: bytes, what: str) -> bool:
    """Write a cache file atomically; a failure (read-only checkout, full disk) only costs the next build time."""
    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        log.info("%s not cached in %s (%s); the next build computes it again", what, path, exc)
        return False
    return True


def keep_newest(folder: Path, pattern: str, count: int) -> None:
    """Delete all but the ``count`` newest files matching ``pattern`` in ``folder`` (a per-machine cache's bound)."""
    try:
        found = sorted(folder.glob(pattern), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in found[count:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another build pruned first
