"""mkdocs hooks (``hooks:`` in mkdocs.yml): pre-rendered diagrams (diagrams/*.svg) inlined into pages.

A thin adapter: everything happens in :mod:`coursekit.diagrams`.
"""

from coursekit.diagrams import *  # noqa: F401,F403 - the hooks mkdocs calls (coursekit.diagrams.HOOKS)
