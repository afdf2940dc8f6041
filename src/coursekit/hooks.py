"""What the mkdocs-macros adapter calls at each stage of a build.

Errors become ``PluginError`` so mkdocs prints the message and stops cleanly,
without a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .editions import strip_teacher_blocks
from .errors import CourseError
from .pagecheck import jinja_problems
from .pages import split_front_matter
from .patches import PatchError, patch_site
from .site import Site

log = logging.getLogger(__name__)

_jieba_words: set[str] = set()


def start(conf: Any, root: Path) -> Site:
    """Load and check the course for this build; teach jieba the course's words."""
    extra = conf.get("extra") or {}
    try:
        site = Site(root, extra.get("edition", "student"), bool(conf.get("use_directory_urls", True)))
        words = site.search_words()
    except (CourseError, ValueError) as exc:
        raise PluginError(f"course content has problems:\n{exc}") from None
    add_jieba_words(words)
    return site


def add_jieba_words(words: list[str]) -> None:
    """Make jieba keep each word whole (once per process: jieba is global)."""
    try:
        import jieba
    except ImportError as exc:  # material would silently index Chinese unsegmented
        raise PluginError("jieba is not installed, so Chinese search would not work; run `make install`") from exc
    for word in words:
        if word not in _jieba_words:
            jieba.add_word(word)
            _jieba_words.add(word)


def prepare_page(conf: Any, markdown: str, src: str, meta: dict[str, Any]) -> str:
    """Check a page's macro syntax and drop teacher-only boxes in the student edition."""
    teacher = (conf.get("extra") or {}).get("edition") == "teacher"
    rel = f"{Path(conf['docs_dir']).name}/{src}"
    text = (Path(conf["docs_dir"]) / src).read_text(encoding="utf-8-sig")
    _, body, body_line = split_front_matter(text)
    body_line += len(body) - len(body.lstrip("\n"))  # mkdocs drops blank lines after front matter
    problems = jinja_problems(markdown, rel, body_line, meta)
    if problems:
        raise PluginError(f"page has problems:\n{CourseError(problems)}")
    return markdown if teacher else strip_teacher_blocks(markdown)


def post_build(conf: Any) -> None:
    """Patch material's built JavaScript (see :mod:`coursekit.patches`)."""
    try:
        patch_site(Path(conf["site_dir"]))
    except PatchError as exc:
        raise PluginError(str(exc)) from None
