"""``coursekit offline``: the student site as a zip that works from file://, search included.

For classrooms with no network: unzip, open ``社群运营实战课/index.html``. The site is
built from ``mkdocs.offline.yml`` (the coursekit plugin's ``offline: true`` switches material's
offline plugin on); the
zip is refused if any file still names a CDN.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import click

from .clitools import course_root, root_option

log = logging.getLogger(__name__)

CONFIG = "mkdocs.offline.yml"
CDN_HOSTS = ("unpkg.com", "jsdelivr", "cdnjs", "googleapis", "gstatic")
README = """社群运营实战课（离线版）

1. 把这个压缩包解压到电脑上任意位置。
2. 打开文件夹“{name}”，双击 index.html，用浏览器阅读。
不需要联网；搜索、图示都可以离线使用。建议使用较新的 Chrome、Edge 或 Firefox。
"""


def build(root: Path, out: Path) -> None:
    """Build the offline site into ``out``; a failed build raises ClickException with mkdocs' message."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", CONFIG, "-d", str(out)]
    result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise click.ClickException(f"the offline build failed:\n{result.stderr.strip()}")


def cdn_mentions(site: Path) -> list[str]:
    """Files (outside vendored code) that name a CDN: the bundle would not work offline."""
    found = []
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js", ".css") and "vendor" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="ignore")
            found += [f"{path.relative_to(site)}: {h}" for h in CDN_HOSTS if h in text]
    return found


def write_zip(site: Path, dest: Path, name: str) -> Path:
    """Zip ``site`` under a folder called ``name``, with a short how-to beside it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("使用说明.txt", README.format(name=name))
        for path in sorted(site.rglob("*")):
            if path.is_file():
                zf.write(path, f"{name}/{path.relative_to(site).as_posix()}")
    return dest


@click.command("offline")
@root_option
@click.option("--out", type=click.Path(dir_okay=False), help="Zip file (default: dist/offline/社群运营实战课.zip).")
def offline(root: str | None, out: str | None) -> None:
    """打包离线版：学生版网站的 zip，解压后直接打开 index.html（含搜索，无需联网）。"""
    course = course_root(root)
    name = "社群运营实战课"
    dest = Path(out) if out else course / "dist" / "offline" / f"{name}.zip"
    with tempfile.TemporaryDirectory(prefix="coursekit-offline-") as tmp:
        site = Path(tmp) / "site"
        build(course, site)
        bad = cdn_mentions(site)
        if bad:
            raise click.ClickException("the offline site still loads from a CDN:\n  " + "\n  ".join(bad))
        write_zip(site, dest, name)
    click.echo(f"离线版：{dest}（{dest.stat().st_size / 1e6:.1f} MB）")
