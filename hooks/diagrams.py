"""mkdocs hooks (``hooks:`` in mkdocs.yml): pre-rendered diagrams (diagrams/*.svg) inlined into pages.

A thin adapter: everything happens in :mod:`coursekit.diagrams`.
"""

from coursekit.diagrams import on_config, on_page_markdown, on_startup  # noqa: F401 - mkdocs calls them
