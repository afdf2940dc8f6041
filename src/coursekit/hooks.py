"""What the mkdocs-macros adapter calls at each stage of a build.

Errors become ``PluginError`` so mkdocs prints the message and stops cleanly,
without a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from . import grading
from .editions import strip_teacher_blocks
from .errors import CourseError
from .pagecheck import jinja_problems
from .pages import split_front_matter
from .patches import PatchError, patch_site
from .search import jiebacache, jiebadict, stock_search
from .site import Site

log = logging.getLogger(__name__)

_jieba_words: set[str] = set()


def start(conf: Any, root: Path) -> Site:
    """Load and check the course for this build; teach jieba the course's words."""
    extra = conf.get("extra") or {}
    grading.teacher_only(conf)  # 作业汇总 holds rubrics and answers: teacher edition only
    try:
        site = Site(root, extra.get("edition", "student"), bool(conf.get("use_directory_urls", True)),
                    downloads=flag(extra.get("downloads", False)))
        words = site.search_words()
    except (CourseError, ValueError) as exc:
        raise PluginError(f"course content has problems:\n{exc}") from None
    if not stock_search():  # a stock-search comparison build (tests, bench/) segments as material does
        _require_jieba()
        # jieba learns the words (and loads its dictionary) only if some text is not in the cache yet
        config_file = Path(conf.get("config_file_path") or root / "mkdocs.yml")
        jiebacache.install(words, root, add_jieba_words, name=config_file.stem)
    return site


def flag(value: Any) -> bool:
    """A yes/no setting that may come from an environment variable as text (``!ENV``)."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def _require_jieba() -> None:
    """Fail the build when jieba is missing: material would silently index Chinese unsegmented."""
    try:
        import jieba  # noqa: F401
    except ImportError as exc:
        raise PluginError("jieba is not installed, so Chinese search would not work; run `make install`") from exc


def add_jieba_words(words: list[str]) -> None:
    """Make jieba keep each word whole (once per process: jieba is global)."""
    _require_jieba()
    import jieba

    jiebadict.install()  # jieba's dictionary by the piece, set up before add_word first reads it

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


HTML_META = ("title", "description", "subtitle")
"""Front matter values mkdocs and material insert into pages as HTML, unescaped."""


def escape_meta(meta: dict[str, Any]) -> None:
    """Escape the front matter values the theme inserts raw, so markup typed there shows as text."""
    for key in HTML_META:
        if isinstance(meta.get(key), str) and not isinstance(meta[key], Markup):
            meta[key] = escape(meta[key])


def post_build(conf: Any) -> None:
    """Patch material's built JavaScript (see :mod:`coursekit.patches`); keep jieba's cuts for the next build."""
    try:
        patch_site(Path(conf["site_dir"]), stock_search=stock_search())
    except PatchError as exc:
        raise PluginError(str(exc)) from None
    if "coursekit-search" not in conf["plugins"]:  # it cuts record text after us, then saves once for both
        jiebacache.save()
