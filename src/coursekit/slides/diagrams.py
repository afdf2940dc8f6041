"""Mermaid diagrams as PNG pictures, drawn by the site's own mermaid in headless Chromium.

The vendored ``docs/assets/vendor/mermaid/mermaid.min.js`` draws each diagram
exactly as the site does; Playwright drives Debian's Chromium. Pictures are
kept by the hash of their source (and language), so an unchanged diagram is
never drawn twice. Without a browser the slides show the diagram's caption in
words instead (a warning says so).
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..chromium import ARGS, CHROMIUM

log = logging.getLogger(__name__)

FONTS = {"zh-Hans": "Noto Sans CJK SC", "zh-Hant": "Noto Sans CJK TC"}
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; font-family: "{font}", sans-serif; }}
#d {{ display: inline-block; padding: 12px; background: #fff; }}</style></head><body><div id="d"></div></body></html>"""
RENDER = """async ([code, n]) => {
  const { svg } = await mermaid.render("ck-diagram-" + n, code);
  const box = document.getElementById("d");
  box.innerHTML = svg;
  const el = box.querySelector("svg");
  const view = el.viewBox.baseVal;
  el.removeAttribute("style");
  el.setAttribute("width", view.width);
  el.setAttribute("height", view.height);
}"""


def key(code: str, lang: str) -> str:
    """The cache name of a diagram."""
    return hashlib.sha256(f"{lang}\n{code}".encode()).hexdigest()[:20]


def render_all(codes: list[str], root: Path, cache: Path, lang: str = "zh-Hans") -> dict[str, Path | None]:
    """Each diagram's PNG (None where it could not be drawn), drawing only those not in ``cache``."""
    cache.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path | None] = {}
    todo = []
    for code in dict.fromkeys(codes):
        path = cache / f"{key(code, lang)}.png"
        found[code] = path if path.exists() else None
        if not path.exists():
            todo.append(code)
    if todo:
        try:
            # a thread of its own: Playwright's sync API refuses to run where an asyncio loop is running
            with ThreadPoolExecutor(1) as pool:
                pool.submit(_draw, todo, root, cache, lang, found).result()
        except Exception as exc:  # noqa: BLE001 - no browser: the slides carry the captions instead
            log.warning("diagrams not drawn (%s: %s); their captions are shown as text", type(exc).__name__, exc)
    return found


def _draw(todo: list[str], root: Path, cache: Path, lang: str, found: dict[str, Path | None]) -> None:
    """Draw ``todo`` in one browser session."""
    from playwright.sync_api import sync_playwright
    script = root / "docs" / "assets" / "vendor" / "mermaid" / "mermaid.min.js"
    font = FONTS.get(lang, FONTS["zh-Hans"])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(device_scale_factor=2, viewport={"width": 1800, "height": 1000})
            page.set_content(PAGE.format(lang="zh-TW" if lang == "zh-Hant" else "zh-CN", font=font))
            page.add_script_tag(path=str(script))
            page.evaluate("font => mermaid.initialize({startOnLoad: false, theme: 'neutral', fontFamily: font, "
                          "securityLevel: 'strict', flowchart: {htmlLabels: true}})", font)
            for n, code in enumerate(todo):
                try:
                    page.evaluate(RENDER, [code, n])
                    path = cache / f"{key(code, lang)}.png"
                    page.locator("#d").screenshot(path=str(path))
                    found[code] = path
                except Exception as exc:  # noqa: BLE001 - one bad diagram: its caption instead
                    log.warning("a diagram could not be drawn (%s); its caption is shown instead", exc)
        finally:
            browser.close()
