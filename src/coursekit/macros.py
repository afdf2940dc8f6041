"""The mkdocs-macros adapter, a pluglet (``plugins: macros: modules: [coursekit.macros]`` in mkdocs.yml).

Each macro is a one-line call into :mod:`coursekit.site`. Nothing here renders or validates; the course
comes from the coursekit plugin of this build (:mod:`coursekit.plugin`), which loads and checks it.
Shipping it in the package means a course has no Python of its own. After editing Python code,
restart ``mkdocs serve`` (Python keeps the imported module).
"""

from __future__ import annotations

from typing import Any

from .plugin import plugin as coursekit


def define_env(env: Any) -> None:
    """Register the course macros (the coursekit plugin has loaded the course, or failed the build)."""
    site = coursekit.of(env.conf).site
    env.variables["edition"] = site.edition
    # the page being rendered and its front matter, read at each call
    for name, macro in site.macros(lambda: env.page.file.src_uri, lambda: env.page.meta).items():
        env.macro(macro, name)  # coursekit.kinds declares them


def on_pre_page_macros(env: Any) -> None:
    """Drop teacher-only boxes (student edition) and check the page's template syntax."""
    env.markdown = coursekit.of(env.conf).prepare_page(env.conf, env.markdown, env.page.file.src_uri, env.page.meta)


def on_post_page_macros(env: Any) -> None:
    """作业汇总: the grading form and its data in place of the page's placeholder (teacher edition)."""
    env.markdown = coursekit.of(env.conf).fill_page(env.markdown, env.page.file.src_uri)
