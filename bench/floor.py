"""The floor: the same pages built with plain mkdocs-material.

Every page's macros are rendered beforehand (as the student build renders them),
and the config keeps the site's theme features, Markdown extensions, nav and
material's search plugin (same language and separator), but no other plugin
and no theme overrides. What our build costs beyond this is the price of
coursekit (content checks, macros, search rewrite, patches).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml
from synth import _Dumper, _Loader, _Tagged

ROOT = Path(__file__).resolve().parent.parent
OURS = ("macros", "coursekit", "offline")


def make_floor(source: Path, dest: Path) -> int:
    """Write the floor project for the course in ``source``; return how many pages it has."""
    sys.path.insert(0, str(ROOT / "src"))
    from coursekit.pagecheck import render_page
    from coursekit.pages import split_front_matter
    from coursekit.registry import load
    from coursekit.site import Site

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source / "docs", dest / "docs")
    reg = load(source)
    site = Site(source, "student")
    for src, page in reg.pages.items():
        markdown, problems = render_page(site, src, page)
        if problems:
            raise SystemExit(f"cannot pre-render {src}: {problems[0]}")
        text = (source / "docs" / src).read_text(encoding="utf-8").lstrip("\ufeff")
        _, body, _ = split_front_matter(text)
        (dest / "docs" / src).write_text(text[: len(text) - len(body)] + markdown, encoding="utf-8")
    config = yaml.load((source / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    plugins = config["plugins"]  # mkdocs.yml lists them as a mapping (the fixture course as a list)
    config["plugins"] = ({k: v for k, v in plugins.items() if k not in OURS} if isinstance(plugins, dict)
                         else [p for p in plugins if _name(p) not in OURS])
    config["markdown_extensions"] = [e for e in config["markdown_extensions"] if not str(e).startswith("coursekit")]
    _plain_fences(config["markdown_extensions"])
    config["theme"].pop("custom_dir", None)
    config.pop("watch", None)
    config.pop("hooks", None)
    (dest / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    return len(reg.pages)


def _name(plugin: object) -> str:
    if isinstance(plugin, dict):
        return next(iter(plugin))
    return plugin.value if isinstance(plugin, _Tagged) else str(plugin)


def _plain_fences(extensions: list) -> None:
    """Mermaid fences as pymdownx writes them (material draws them live), not our inlined pictures."""
    for ext in extensions:
        if isinstance(ext, dict) and "pymdownx.superfences" in ext:
            for fence in ext["pymdownx.superfences"].get("custom_fences", []):
                fence["format"] = _Tagged("tag:yaml.org,2002:python/name:pymdownx.superfences.fence_code_format", "")
