"""Measure one `mkdocs build` in its own process: wall and CPU time, peak memory, output size."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def build(project: Path, out: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> dict[str, float]:
    """Build ``project`` into ``out``; return wall_s, cpu_s and peak_rss_mb (raises on a failed build)."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    environ.pop("COURSEKIT_DOWNLOADS", None)
    # Python keeps compiled modules, as it does unless told not to (some sandboxes set this): the floor's packages
    # were compiled when pip installed them; without it ours (src/) would be compiled every build.
    environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", config, "-d", str(out)],
                                cwd=project, env=environ, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(f"build of {project} failed:\n{err.read().decode(errors='replace')[-3000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}


def output(site: Path) -> dict[str, float]:
    """Pages built and bytes written, without the theme's and vendored static files (the same at any size)."""
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    html = sum(p.stat().st_size for p in pages)
    other = sum(p.stat().st_size for p in site.rglob("*")
                if p.is_file() and p.suffix != ".html" and "assets" not in p.relative_to(site).parts)
    return {"pages": len(pages), "html_bytes": html, "other_bytes": other,
            "bytes_per_page": (html + other) / len(pages), "html_bytes_per_page": html / len(pages)}


def gzip_size(path: Path) -> int:
    """Bytes of ``path`` gzip-compressed at level 6 (the gzip tool's default, and nginx's usual setting)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))
