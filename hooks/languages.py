"""mkdocs hooks (``hooks:`` in mkdocs.yml): the language switch, and the 繁體中文 edition's conversion.

A thin adapter: everything happens in :mod:`coursekit.hant.build`.
"""

from mkdocs.plugins import event_priority

from coursekit.hant import build

_conv = None  # the converter of this build (None: Simplified edition)


def on_config(config):
    """Set up the language switch; in the Traditional edition, load the converter."""
    global _conv
    _conv = build.setup(config)
    return config


def on_post_page(output, page, config):
    """Convert the built page (Traditional edition)."""
    return build.convert_page(output, _conv)


def on_post_template(output_content, template_name, config):
    """The 404 page: no language links; converted in the Traditional edition."""
    return build.finish_404(output_content, _conv) if template_name.endswith(".html") else output_content


@event_priority(-60)  # after coursekit-search (-50) has written the index and installed the query rewrite
def on_post_build(config):
    """Convert the course's scripts and styles, the search index and the query data (Traditional edition)."""
    build.convert_site(config, _conv)
