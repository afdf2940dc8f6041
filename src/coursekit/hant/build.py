"""What the coursekit plugin (:mod:`coursekit.plugin`) does for the two scripts at each stage of a build.

In every edition it sets up the language switch (none on the 404 page). In the Traditional edition
(theme language ``zh-TW``) it converts each built page, the 404 page, the
course's own scripts and stylesheets, and the search index with the query
rewrite's data. Content problems become ``PluginError`` (a message, no traceback).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from ..errors import CourseError
from ..search.pinyin import PinyinData, pinyin_data
from . import switch
from .convert import Converter, converter
from .html import convert_html

if TYPE_CHECKING:
    from ..registry import Registry

log = logging.getLogger(__name__)

OWN_ASSETS = ("assets/javascripts", "assets/stylesheets")
"""Folders of the course's own scripts and styles (under docs/): their messages are converted; vendor/ is not."""


def root_of(config: Any) -> Path:
    """The course folder of a build."""
    return Path(config["config_file_path"]).parent


def is_hant(config: Any, mode: str) -> bool:
    """True when this build converts to 繁體中文: ``mode`` on, or auto and the theme language is zh-TW."""
    return mode == "on" or (mode == "auto" and switch.is_hant(config))


def setup(config: Any, languages: bool, hant: bool) -> Converter | None:
    """Configure the switch; in the Traditional edition (``hant``), load the converter (its term table checked)."""
    switch.configure(config, languages, hant)
    if not hant:
        return None
    try:
        return converter(root_of(config))
    except CourseError as exc:
        raise PluginError(f"the 繁體中文 term table has problems:\n{exc}") from None
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None


def convert_page(html: str, conv: Converter | None) -> str:
    """A built page in this edition's script."""
    return convert_html(html, conv) if conv is not None else html


def finish_404(html: str, conv: Converter | None) -> str:
    """The 404 page: no language links (see :mod:`.switch`), in this edition's script."""
    return convert_page(switch.without_alternates(html), conv)


def convert_site(config: Any, conv: Converter | None, reg: Registry, stock_search: bool = False,
                 pinyin: PinyinData = pinyin_data) -> None:
    """After the other plugins: the course's own assets, then the search index and query rewrite."""
    if conv is None:
        return
    site_dir = Path(config["site_dir"])
    docs_dir = Path(config["docs_dir"])
    for folder in OWN_ASSETS:
        for src in sorted((docs_dir / folder).glob("*")):
            dest = site_dir / folder / src.name
            if src.suffix in (".js", ".css") and dest.exists():
                dest.write_text(conv.convert(dest.read_text(encoding="utf-8")), encoding="utf-8")
    _convert_search(site_dir, conv, reg, stock_search, pinyin)


def _convert_search(site_dir: Path, conv: Converter, reg: Registry, stock_search: bool, pinyin: PinyinData) -> None:
    """Convert the index word by word and give the worker the Traditional query data."""
    from ..search import index as index_mod
    from ..search import worker
    from .search import convert_index, prelude_data

    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return  # search is off in this build
    index = json.loads(path.read_text(encoding="utf-8"))
    vocabulary = convert_index(index, conv)
    path.write_text(index_mod.dumps(index), encoding="utf-8")
    if stock_search:
        return
    try:
        data = prelude_data(reg, index, conv, vocabulary, pinyin)
        worker.install(site_dir, data)
    except CourseError as exc:
        raise PluginError(f"course content has problems:\n{exc}") from None
    except RuntimeError as exc:  # pypinyin missing
        raise PluginError(f"coursekit: {exc}") from None
    log.debug("zh-Hant search: %d documents, %d vocabulary groups", len(index["docs"]), len(vocabulary))
