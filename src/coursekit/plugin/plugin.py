"""The ``coursekit`` mkdocs plugin: everything the course site adds to mkdocs-material, in one place.

It loads and checks the course for the macros (:mod:`coursekit.macros` takes the :class:`~coursekit.site.Site`
from here), drops teacher-only boxes, inlines pre-rendered diagrams, converts the 繁體中文 edition,
keeps jieba's cuts between builds, and rewrites material's search index and worker. Its state
lives on the instance; mkdocs makes one per build (``mkdocs serve`` keeps it between rebuilds,
as it defines ``on_startup``, so :meth:`CoursekitPlugin.on_config` starts each build afresh).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import grading, jinjacache, templatedir
from ..diagrams import Diagrams
from ..errors import CourseError
from ..hant import build as hant
from ..hant.convert import Converter
from ..patches import PatchError, patch_site
from ..search.jiebacache import CACHE_DIR, CutCache, cache_file
from ..search.pinyin import PinyinCache
from ..search.records import exclude_from_search
from ..site import Site
from . import steps
from .config import CoursekitConfig

log = logging.getLogger(__name__)

NAME = "coursekit"

EVENTS: dict[str, tuple[int, str]] = {
    # event: (priority, why it runs when it does). mkdocs runs higher priorities first, equal ones in
    # the order of `plugins:`; coursekit is listed after search and before macros (checked in on_config).
    "on_startup": (0, "remember whether this is `mkdocs serve` (missing diagrams only INFO)"),
    "on_config": (0, "after search's on_config (its lang and separator defaults key the jieba cache) and "
                     "before macros' (define_env takes the Site made here; extra.* set here reach its variables)"),
    "on_pre_build": (0, "the jieba cut cache goes in once every plugin is configured, before any page is cut"),
    "on_files": (0, "each page's URL in this build, for the records' search entries"),
    "on_serve": (0, "`mkdocs serve` rebuilds when a template changes (they may live outside docs/)"),
    "on_env": (0, "the theme's compiled templates kept between builds"),
    "on_page_markdown": (0, "name the page being converted, for diagram messages"),
    "on_page_content": (0, "mark blocks to leave out of the index before search reads the page (on_page_context)"),
    "on_post_page": (0, "diagrams inlined first, then the page converted to 繁體中文 (the labels too)"),
    "on_post_template": (0, "the 404 page: no language links, converted"),
    "on_post_build": (-50, "after material's search (0) writes the index, before offline (-100) copies it: "
                           "patch material's scripts, rewrite the index and worker, convert them, save jieba's cuts"),
    "on_build_error": (0, "jieba.cut restored after a failed build too"),
}
"""Every event the plugin handles, its priority and why: the one place the build's order is written."""


def _priority(event: str) -> int:
    return EVENTS[event][0]


def of(config: Any) -> CoursekitPlugin:
    """The coursekit plugin of a build (for the macros adapter); a clear error when it is not listed."""
    plugin = config["plugins"].get(NAME)
    if not isinstance(plugin, CoursekitPlugin):
        raise PluginError("the coursekit plugin is missing: list `coursekit` under plugins in mkdocs.yml, "
                          "after `search` and before `macros`")
    check_order(config)
    return plugin


class CoursekitPlugin(BasePlugin[CoursekitConfig]):  # type: ignore[no-untyped-call]  # mkdocs' __init_subclass__
    """The course site's own plugin (``plugins: coursekit:`` in mkdocs.yml)."""

    def __init__(self) -> None:
        super().__init__()
        self.serve = False
        self.learned: set[str] = set()  # words added to jieba in this process (jieba is global)
        self._site: Site | None = None
        self.conv: Converter | None = None
        self.diagrams: Diagrams | None = None
        self.cuts: CutCache | None = None
        self.pinyin = PinyinCache(None)  # the query data's pinyin, kept across builds once on_config knows where
        self.urls: dict[str, str] = {}

    @property
    def site(self) -> Site:
        """This build's course (made in on_config)."""
        if self._site is None:
            raise PluginError("coursekit: the course is not loaded yet; list `coursekit` before `macros` in plugins")
        return self._site

    @property
    def teacher(self) -> bool:
        return self.config.edition == "teacher"

    @event_priority(_priority("on_startup"))
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serve = command == "serve"

    @event_priority(_priority("on_config"))
    def on_config(self, config: Any) -> Any:
        """Check the plugin order, expose options to templates, load the course, set up each part."""
        check_order(config)
        opts = self.config
        root = Path(config["config_file_path"]).parent
        extra = config["extra"]
        steps.refuse_moved_extra(extra)
        extra.update(edition=opts.edition, downloads=opts.downloads, languages=opts.languages,
                     student_site=opts.student_site)  # for overrides/main.html and the macros' variables
        self._enable_offline(config)
        self.conv = self._hant(config)
        self.diagrams = Diagrams(root, live=opts.diagrams == "live", serve=self.serve)
        self.diagrams.install(config["mdx_configs"])
        self.urls = {}
        grading.teacher_only(config)  # 作业汇总 holds rubrics and answers: teacher edition only
        templates = templatedir.folder(root, opts.templates)
        try:
            templatedir.check(templates, opts.templates)
        except ValueError as exc:
            raise PluginError(f"coursekit: {exc}") from None
        try:
            self._site = Site(root, opts.edition, bool(config["use_directory_urls"]), templates=templates,
                              downloads=opts.downloads, file_name=self.conv.file_name if self.conv else None)
            words = self._site.search_words()
        except (CourseError, ValueError) as exc:
            raise PluginError(f"course content has problems:\n{exc}") from None
        self.cuts = None
        if not opts.stock_search:  # a stock-search comparison build (tests, bench/) segments as material does
            steps.require_jieba()
            name = Path(config["config_file_path"]).stem
            self.cuts = CutCache(words, cache_file(root, name), self.add_words, setup=search_setup(config))
            self.pinyin = PinyinCache(root / CACHE_DIR / f"pinyin-{name}.json")
        return config

    def _enable_offline(self, config: Any) -> None:
        """material's offline plugin follows the ``offline`` option (its own on_config runs after this)."""
        offline = config["plugins"].get("material/offline")
        if offline is not None:
            offline.config.enabled = self.config.offline
        elif self.config.offline:
            raise PluginError("coursekit: offline is on, but material's offline plugin is not under plugins")

    def _hant(self, config: Any) -> Converter | None:
        return hant.setup(config, self.config.languages, hant.is_hant(config, self.config.hant))

    def add_words(self, words: list[str]) -> None:
        """Make jieba keep each word whole (once per process: jieba is global)."""
        import jieba

        for word in words:
            if word not in self.learned:
                jieba.add_word(word)
                self.learned.add(word)

    @event_priority(_priority("on_pre_build"))
    def on_pre_build(self, *, config: Any) -> None:
        if self.cuts is not None:
            self.cuts.install()

    @event_priority(_priority("on_files"))
    def on_files(self, files: Any, *, config: Any) -> Any:
        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        return files

    @event_priority(_priority("on_serve"))
    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        server.watch(str(self.site.tpl))
        return server

    @event_priority(_priority("on_env"))
    def on_env(self, env: jinja2.Environment, *, config: Any, files: Any) -> jinja2.Environment:
        env.bytecode_cache = jinjacache.cache("theme")
        return env

    @event_priority(_priority("on_page_markdown"))
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if self.diagrams is not None:
            self.diagrams.page = f"{Path(config['docs_dir']).name}/{page.file.src_uri}"
        return markdown

    @event_priority(_priority("on_page_content"))
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        return html if self.config.stock_search else exclude_from_search(html)

    @event_priority(_priority("on_post_page"))
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if self.diagrams is not None:
            output = self.diagrams.inline(output)
        return hant.convert_page(output, self.conv)

    @event_priority(_priority("on_post_template"))
    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        return hant.finish_404(output_content, self.conv) if template_name.endswith(".html") else output_content

    @event_priority(_priority("on_post_build"))
    def on_post_build(self, *, config: Any) -> None:
        site_dir = Path(config["site_dir"])
        stock = self.config.stock_search
        try:
            patch_site(site_dir, stock_search=stock)
            if not stock:
                steps.rewrite_index(site_dir, self.site, self.urls, self.pinyin)
            hant.convert_site(config, self.conv, self.site.reg, stock, self.pinyin)
            if not stock:
                steps.write_shards(site_dir)  # after the zh-Hant edition's conversion of the index
            if self.cuts is not None:
                self.cuts.save()  # after the index rewrite, which cuts too
            self.pinyin.save()
        except CourseError as exc:
            raise PluginError(f"course content has problems:\n{exc}") from None
        except (PatchError, ValueError, RuntimeError) as exc:
            raise PluginError(f"coursekit: {exc}") from None
        finally:
            self._restore()

    @event_priority(_priority("on_build_error"))
    def on_build_error(self, *, error: Exception) -> None:
        self._restore()

    def _restore(self) -> None:
        if self.cuts is not None:
            self.cuts.restore()

    # -- what the macros adapter (coursekit/macros.py) calls ---------------------------------------

    def prepare_page(self, config: Any, markdown: str, src: str, meta: dict[str, Any]) -> str:
        """Before macros render a page: check its template syntax, drop teacher-only boxes, escape its meta."""
        self.site.directory_urls = bool(config["use_directory_urls"])  # the offline plugin turns them off after us
        markdown = steps.prepare_page(config, markdown, src, meta, self.teacher)
        steps.escape_meta(meta)
        return markdown

    def fill_page(self, markdown: str, src: str) -> str:
        """After macros render a page: 作业汇总's grading form and data (teacher edition)."""
        return grading.fill(self.site, markdown, src)


def check_order(config: Any) -> None:
    """Fail unless the plugins are listed search, coursekit, macros (see :data:`EVENTS`: on_config)."""
    names = list(config["plugins"])
    order = [n for n in names if n in ("material/search", "search", NAME, "macros")]
    expected = [n for n in ("material/search", "search", NAME, "macros") if n in names]
    if order != expected:
        listed = ", ".join(n.split("/")[-1] for n in order)
        raise PluginError(f"coursekit: plugins are listed {listed}; list them search, coursekit, macros "
                          "in mkdocs.yml (coursekit reads search's settings, macros take the course from coursekit)")


SEGMENTATION = ("lang", "separator", "jieba_dict", "jieba_dict_user")
"""material's search settings that shape how text is cut: part of the jieba cache's key."""


def search_setup(config: Any) -> dict[str, Any]:
    """This build's segmentation setup, from material's search plugin (its defaults already filled in)."""
    search = config["plugins"].get("material/search")
    if search is None:
        return {}
    return {name: search.config.get(name) for name in SEGMENTATION}
