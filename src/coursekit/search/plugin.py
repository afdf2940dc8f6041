"""The ``coursekit-search`` mkdocs plugin: list it after ``search`` in mkdocs.yml.

It marks blocks to keep out of the index (before material indexes a page), then,
after material has written ``search/search_index.json`` and before the offline
plugin copies it, rewrites the index and installs the query rewrite in the worker.
See :mod:`coursekit.search` for what each step does and why.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..errors import CourseError
from ..patches import PatchError
from ..site import Site
from . import index as index_mod
from . import jiebacache, stock_search, worker
from .query import prelude_data
from .records import exclude_from_search, record_entries

log = logging.getLogger(__name__)


class Options(Config):  # type: ignore[no-untyped-call]  # mkdocs' __init_subclass__
    """The plugin has no options (a Config subclass: mkdocs builds its schema from subclasses only)."""


class SearchPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]  # mkdocs' __init_subclass__
    """Chinese search for the course on top of material's search plugin."""

    def on_config(self, config: Any) -> None:
        """Decide once per build whether to act (off for stock-search comparisons)."""
        self.active = not stock_search()
        self.urls: dict[str, str] = {}
        if not self.active:
            log.info("coursekit-search is off (COURSEKIT_STOCK_SEARCH): stock material search")

    def on_files(self, files: Any, *, config: Any) -> Any:
        """Remember each page's URL in this build (directory URLs or .html)."""
        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        return files

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        """Keep repeated listings and diagram sources out of the index."""
        return exclude_from_search(html) if self.active else html

    @event_priority(-50)  # after material's search (0) writes the index, before offline (-100) copies it
    def on_post_build(self, *, config: Any) -> None:
        """Rewrite the index, then put the query rewrite into the worker."""
        if not self.active:
            return
        site_dir = Path(config["site_dir"])
        path = site_dir / "search" / "search_index.json"
        if not path.exists():
            raise PluginError("coursekit-search: search/search_index.json is missing; list `search` before "
                              "`coursekit-search` under plugins in mkdocs.yml")
        start = time.perf_counter()
        try:
            site = Site(Path(config["config_file_path"]).parent, (config.get("extra") or {}).get("edition", "student"))
            index = json.loads(path.read_text(encoding="utf-8"))
            added = index_mod.add_entries(index, record_entries(site, self.urls))
            index_mod.compact(index)
            path.write_text(index_mod.dumps(index), encoding="utf-8")
            worker.install(site_dir, prelude_data(site.reg, index))
            jiebacache.save()  # after compact(), which cuts too
        except CourseError as exc:
            raise PluginError(f"course content has problems:\n{exc}") from None
        except (PatchError, ValueError, RuntimeError) as exc:
            raise PluginError(f"coursekit-search: {exc}") from None
        log.debug("coursekit-search: %d record entries, index and worker rewritten in %.3f s",
                  added, time.perf_counter() - start)
