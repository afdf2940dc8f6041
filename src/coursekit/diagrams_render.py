"""``coursekit diagrams``: draw every Mermaid diagram to ``diagrams/<key>.svg`` exactly as the site does.

The student and teacher sites are built with every diagram left to mermaid
(the coursekit plugin's ``diagrams: live``, set by a config that inherits the edition's), served on a local port and opened in Chromium,
where material draws each diagram with the vendored mermaid into a shadow root
of ``div.mermaid`` (forced open here so it can be read). Each picture is paired
with its source, in page order, read from the built HTML.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from .chromium import ARGS, CHROMIUM
from .clitools import course_root, root_option
from .diagrams import FOLDER, element_id, key
from .localserver import serve

MERMAID = Path("docs/assets/vendor/mermaid/mermaid.min.js")
"""The vendored mermaid the site loads (coursekit/patches.py points material at it)."""
CONFIGS = ("mkdocs.yml", "mkdocs.teacher.yml")  # teacher-only boxes may hold diagrams
FENCE = re.compile(r'<pre class="mermaid"[^>]*><code>(.*?)</code></pre>', re.S)
OPEN_SHADOW = ("const attach = Element.prototype.attachShadow;"
               "Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };")


@click.command()
@root_option
@click.option("--force", is_flag=True, help="Redraw every diagram, not only those without a picture.")
def diagrams(root: str | None, force: bool) -> None:
    """Draw each Mermaid diagram into diagrams/<key>.svg (inlined by the build); delete unused pictures."""
    course = course_root(root)
    folder = course / FOLDER
    with tempfile.TemporaryDirectory(prefix="coursekit-diagrams-") as tmp:
        sites = [_build(course, config, Path(tmp) / str(n)) for n, config in enumerate(CONFIGS)
                 if (course / config).exists()]
        pages = {(site, url): sources for site in sites for url, sources in _pages(site).items()}
        used = {key(src) for sources in pages.values() for src in sources}
        todo = {k for k in used if force or not (folder / f"{k}.svg").exists()}
        folder.mkdir(exist_ok=True)
        drawn = _draw({p: s for p, s in pages.items() if todo & {key(src) for src in s}}, todo, folder,
                      _mermaid(course))
    orphans = sorted(p for p in folder.glob("*.svg") if p.stem not in used)
    for path in orphans:
        path.unlink()
    click.echo(f"diagrams/: {len(used)} diagram(s) in use, {drawn} drawn, {len(used) - drawn} kept, "
               f"{len(orphans)} unused picture(s) deleted{': ' if orphans else ''}"
               f"{', '.join(p.name for p in orphans)}")


def _build(course: Path, config: str, out: Path) -> Path:
    """Build one edition with every diagram left to mermaid; return its folder."""
    # beside the edition's config: the plugin finds the course next to the config file
    live = course / f".{Path(config).stem}.diagrams-live.yml"
    live.write_text(f"INHERIT: {config}\nplugins:\n  coursekit:\n    diagrams: live\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", live.name, "-d", str(out)]
    try:
        result = subprocess.run(cmd, cwd=course, env=env, capture_output=True, text=True)
    finally:
        live.unlink(missing_ok=True)
    if result.returncode:
        raise click.ClickException(f"mkdocs build -f {config} failed:\n{result.stderr.strip()}")
    return out


def _pages(site: Path) -> dict[str, list[str]]:
    """Each built page with diagrams (its URL path) and their sources, in page order."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        sources = [html.unescape(code) for code in FENCE.findall(page.read_text(encoding="utf-8"))]
        if sources:
            found["/" + page.relative_to(site).as_posix()] = sources
    return found


def _mermaid(course: Path) -> Path:
    """The course's vendored mermaid; a course without one (the test fixture) uses this checkout's."""
    own = course / MERMAID
    return own if own.exists() else Path(__file__).resolve().parents[2] / MERMAID


def _draw(pages: dict[tuple[Path, str], list[str]], todo: set[str], folder: Path, mermaid: Path) -> int:
    """Open each page, let material draw its diagrams and write the pictures in ``todo``; return how many."""
    written: set[str] = set()
    if not pages:
        return 0
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.add_init_script(OPEN_SHADOW)
            tab.route(f"**/{MERMAID.relative_to('docs').as_posix()}", lambda route: route.fulfill(path=mermaid))
            for site in sorted({site for site, _ in pages}):
                with serve(site) as base:
                    for url, sources in ((u, s) for (where, u), s in pages.items() if where == site):
                        for source, svg in zip(sources, _pictures(tab, base + url, len(sources)), strict=True):
                            name = key(source)
                            if name in todo and name not in written:
                                (folder / f"{name}.svg").write_text(unique_ids(svg, name) + "\n", encoding="utf-8")
                                written.add(name)
                                click.echo(f"drew diagrams/{name}.svg ({url}: {source.strip().splitlines()[0]})")
        finally:
            browser.close()
    if todo - written:
        raise click.ClickException(f"{len(todo - written)} diagram(s) were not drawn: {sorted(todo - written)}")
    return len(written)


def _pictures(tab: Any, url: str, count: int) -> list[str]:
    """The SVG of each diagram on the page at ``url``, once material has drawn all ``count`` of them."""
    tab.goto(url)
    tab.wait_for_function("n => { const d = [...document.querySelectorAll('div.mermaid')];"
                          " return d.length === n && d.every(e => e.shadowRoot && e.shadowRoot.querySelector('svg')); }",
                          arg=count, timeout=30_000)
    svgs: list[str] = tab.evaluate("[...document.querySelectorAll('div.mermaid')].map(d => d.shadowRoot.innerHTML)")
    return svgs


def unique_ids(svg: str, name: str) -> str:
    """The picture with material's ``__mermaid_N`` ids (and any other id) renamed after its key."""
    prefix = element_id(name)
    svg = re.sub(r"__mermaid_\d+", prefix, svg)
    for other in sorted(set(re.findall(r'\sid="([^"]+)"', svg)) - {prefix}):
        if not other.startswith(prefix):  # mermaid's own ids: rename them and what points at them
            svg = re.sub(rf'(\sid="|#|\saria-(?:labelledby|describedby)="){re.escape(other)}(?=["\s)])',
                         rf"\g<1>{prefix}-{other}", svg)
    return svg
