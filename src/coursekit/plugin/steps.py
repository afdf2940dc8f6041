"""What the coursekit plugin does at some stages of a build, as plain functions of their inputs.

Errors become ``PluginError`` so mkdocs prints the message and stops cleanly, without a traceback.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from ..editions import strip_teacher_blocks
from ..errors import CourseError
from ..pagecheck import jinja_problems
from ..pages import split_front_matter
from ..search import index as index_mod
from ..search import shards, worker
from ..search.pinyin import PinyinData, pinyin_data
from ..search.query import prelude_data
from ..search.records import record_entries
from ..site import Site

log = logging.getLogger(__name__)

HTML_META = ("title", "description", "subtitle")
"""Front matter values mkdocs and material insert into pages as HTML, unescaped."""


MOVED_EXTRA = ("edition", "downloads", "languages", "student_site")
"""Settings that were ``extra:`` keys and are now options of the coursekit plugin."""


def refuse_moved_extra(extra: dict[str, Any]) -> None:
    """An old ``extra: edition: teacher`` would be overwritten silently (and build a student site): refuse it."""
    moved = [key for key in MOVED_EXTRA if key in extra]
    if moved:
        lines = "\n".join(f"    {key}: {extra[key]!r}" for key in moved)
        raise PluginError(f"mkdocs.yml: extra.{', extra.'.join(moved)} moved to the coursekit plugin; write\n"
                          f"plugins:\n  coursekit:\n{lines}\nand remove them from extra:")


def require_jieba() -> None:
    """Fail the build when jieba is missing: material would silently index Chinese unsegmented."""
    try:
        import jieba  # noqa: F401
    except ImportError as exc:
        raise PluginError("jieba is not installed, so Chinese search would not work; run `make install`") from exc


def prepare_page(conf: Any, markdown: str, src: str, meta: dict[str, Any], teacher: bool) -> str:
    """Check a page's macro syntax and drop teacher-only boxes in the student edition."""
    rel = f"{Path(conf['docs_dir']).name}/{src}"
    text = (Path(conf["docs_dir"]) / src).read_text(encoding="utf-8-sig")
    _, body, body_line = split_front_matter(text)
    body_line += len(body) - len(body.lstrip("\n"))  # mkdocs drops blank lines after front matter
    problems = jinja_problems(markdown, rel, body_line, meta)
    if problems:
        raise PluginError(f"page has problems:\n{CourseError(problems)}")
    return markdown if teacher else strip_teacher_blocks(markdown)


def escape_meta(meta: dict[str, Any]) -> None:
    """Escape the front matter values the theme inserts raw, so markup typed there shows as text."""
    for key in HTML_META:
        if isinstance(meta.get(key), str) and not isinstance(meta[key], Markup):
            meta[key] = escape(meta[key])


def rewrite_index(site_dir: Path, site: Site, urls: dict[str, str], pinyin: PinyinData = pinyin_data) -> None:
    """Add the record entries to material's index, make it smaller, put the query rewrite into the worker."""
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        raise PluginError("coursekit: search/search_index.json is missing; list `search` before "
                          "`coursekit` under plugins in mkdocs.yml")
    start = time.perf_counter()
    index = json.loads(path.read_text(encoding="utf-8"))
    added = index_mod.add_entries(index, record_entries(site, urls))
    index_mod.compact(index)
    path.write_text(index_mod.dumps(index), encoding="utf-8")
    try:
        data = prelude_data(site.reg, index, pinyin)
    except RuntimeError as exc:  # pypinyin missing: say so, without a traceback
        raise PluginError(f"coursekit: {exc}") from None
    worker.install(site_dir, data)
    log.debug("coursekit search: %d record entries, index and worker rewritten in %.3f s",
              added, time.perf_counter() - start)


def write_shards(site_dir: Path) -> None:
    """The index in pieces for the browser (coursekit.search.shards), from the final search_index.json."""
    if not (site_dir / "search" / "search_index.json").exists():
        return  # search is off in this build
    start = time.perf_counter()
    count = shards.write(site_dir)
    log.debug("coursekit search: %d shard files in %.3f s", count, time.perf_counter() - start)
