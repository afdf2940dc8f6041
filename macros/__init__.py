"""mkdocs-macros adapter: each macro is a one-line call into :mod:`coursekit.site`.

Nothing here renders or validates; it only passes the current page along.
After editing Python code, restart ``mkdocs serve`` (macros caches this module).
"""

from pathlib import Path

from coursekit import grading, hooks
from coursekit.site import Site

_site = None  # this build's course, for on_pre_page_macros


def define_env(env):
    """Register the course macros; fails the build with every content problem listed."""
    global _site
    site: Site = hooks.start(env.conf, Path(env.conf["config_file_path"]).parent)
    _site = site
    src = lambda: env.page.file.src_uri  # noqa: E731 - the page being rendered
    env.variables["edition"] = site.edition
    for name, macro in site.macros(src, lambda: env.page.meta).items():  # coursekit.kinds declares them
        env.macro(macro, name)

def on_pre_page_macros(env):
    """Drop teacher-only boxes (student edition) and check the page's template syntax."""
    _site.directory_urls = bool(env.conf["use_directory_urls"])  # the offline plugin turns them off after us
    env.markdown = hooks.prepare_page(env.conf, env.markdown, env.page.file.src_uri, env.page.meta)
    hooks.escape_meta(env.page.meta)


def on_post_page_macros(env):
    """作业汇总: the grading form and its data in place of the page's placeholder (teacher edition)."""
    env.markdown = grading.fill(_site, env.markdown, env.page.file.src_uri)


def on_post_build(env):
    """Patch material's JavaScript: Chinese query segmentation, no CDN requests."""
    hooks.post_build(env.conf)
