"""mkdocs-macros adapter: each macro is a one-line call into :mod:`coursekit.site`.

Nothing here renders or validates; the course comes from the coursekit plugin of this build
(:mod:`coursekit.plugin`), which loads and checks it. After editing Python code, restart
``mkdocs serve`` (macros caches this module).
"""

from coursekit.plugin import plugin as coursekit


def define_env(env):
    """Register the course macros (the coursekit plugin has loaded the course, or failed the build)."""
    site = coursekit.of(env.conf).site
    src = lambda: env.page.file.src_uri  # noqa: E731 - the page being rendered
    env.variables["edition"] = site.edition
    for name, macro in site.macros(src, lambda: env.page.meta).items():  # coursekit.kinds declares them
        env.macro(macro, name)

def on_pre_page_macros(env):
    """Drop teacher-only boxes (student edition) and check the page's template syntax."""
    env.markdown = coursekit.of(env.conf).prepare_page(env.conf, env.markdown, env.page.file.src_uri, env.page.meta)


def on_post_page_macros(env):
    """作业汇总: the grading form and its data in place of the page's placeholder (teacher edition)."""
    env.markdown = coursekit.of(env.conf).fill_page(env.markdown, env.page.file.src_uri)
